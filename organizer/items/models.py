"""The items the organizer keeps, one frozen dataclass per type (organizer/frozen.py).

The field names are the exact keys of DESIGN.md's table: they are the `--json` keys, the
`FIELD=VALUE` names of `organizer add`, the SQLite column names and the archive's keys.
Each field's `FieldSpec` (see fields.py) says how it is typed and checked.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from organizer.frozen import frozen
from organizer.items.fields import (
    FieldSpec,
    boolean,
    choice,
    date,
    datetime,
    integer,
    longtext,
    number,
    ref,
    text,
)

SEND_METHODS = ("fax", "portal", "mail", "courier", "in_person", "email")
RECORD_KINDS = ("lab", "imaging", "pathology", "operative", "discharge", "clinic_note",
                "letter", "insurance", "imported", "other")
PROVIDER_ROLES = ("primary_care", "specialist", "surgeon", "second_opinion", "therapist", "other")

# Fields every item has, set by the store rather than typed by the user.
SYSTEM_FIELDS = ("id", "person_id", "created_at", "updated_at", "origin")


@frozen(kw_only=True)
class Item:
    """What every stored item has: its id, when it was made and changed, where it came from."""

    TYPE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""  # one item, in the patient's words
    PLURAL: ClassVar[str] = ""
    TITLE_FIELD: ClassVar[str] = ""

    id: int = 0
    created_at: str = ""
    updated_at: str = ""
    origin: str = "typed"

    @classmethod
    def specs(cls) -> dict[str, FieldSpec]:
        """The user-editable fields of this type, in the order the spec lists them."""
        return _specs(cls)

    @property
    def title(self) -> str:
        """The item's name, title or text: how it is named in lists and search hits."""
        value = getattr(self, self.TITLE_FIELD, None) if self.TITLE_FIELD else None
        return str(value) if value not in (None, "") else self.LABEL

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready values, keyed by DESIGN's field names."""
        out: dict[str, Any] = {"id": self.id}
        if isinstance(self, PersonItem):
            out["person_id"] = self.person_id
        for name in self.specs():
            out[name] = getattr(self, name)
        out["created_at"] = self.created_at
        out["updated_at"] = self.updated_at
        out["origin"] = self.origin
        return out

    def values(self) -> dict[str, Any]:
        """Only the user-editable values (what an edit or an undo writes back)."""
        return {name: getattr(self, name) for name in self.specs()}


_SPEC_CACHE: dict[type, dict[str, FieldSpec]] = {}
def _specs(cls: type) -> dict[str, FieldSpec]:
    found = _SPEC_CACHE.get(cls)
    if found is None:
        found = {f.name: f.metadata["spec"] for f in dataclasses.fields(cls)
                 if "spec" in f.metadata}
        _SPEC_CACHE[cls] = found
    return found


@frozen(kw_only=True)
class PersonItem(Item):
    """An item that belongs to one person."""

    person_id: int = 0


@frozen(kw_only=True)
class Person(Item):
    """Someone whose care is kept here: the user, or a relative they look after."""

    TYPE: ClassVar[str] = "person"
    LABEL: ClassVar[str] = "Person"
    PLURAL: ClassVar[str] = "People"
    TITLE_FIELD: ClassVar[str] = "full_name"

    full_name: str = text("Full name", required=True)
    birth_date: str | None = date("Birth date")
    sex: str | None = choice("Sex", ("female", "male", "other", "unknown"))
    relationship: str | None = text("Relationship to you",
                                    help="self, mother, father, son, partner…")
    phone: str | None = text("Phone")
    email: str | None = text("Email")
    address: str | None = longtext("Address")
    emergency_contact: str | None = text("Emergency contact")
    insurance_plan: str | None = text("Insurance plan")
    insurance_member_id: str | None = text("Insurance member ID")
    insurance_phone: str | None = text("Insurance phone")
    primary_provider_id: int | None = ref("Primary doctor", "provider")
    no_known_allergies: bool = boolean("No known allergies")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Provider(PersonItem):
    """A doctor, nurse, therapist or office on the person's care team."""

    TYPE: ClassVar[str] = "provider"
    LABEL: ClassVar[str] = "Care team member"
    PLURAL: ClassVar[str] = "Care team"
    TITLE_FIELD: ClassVar[str] = "name"

    name: str = text("Name", required=True)
    role: str | None = choice("Role", PROVIDER_ROLES)
    specialty: str | None = text("Specialty")
    facility: str | None = text("Hospital or practice")
    phone: str | None = text("Phone")
    fax: str | None = text("Fax")
    email: str | None = text("Email")
    address: str | None = longtext("Address")
    languages: str | None = text("Languages")
    gender: str | None = text("Gender")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Condition(PersonItem):
    """A diagnosis, suspected or confirmed."""

    TYPE: ClassVar[str] = "condition"
    LABEL: ClassVar[str] = "Condition"
    PLURAL: ClassVar[str] = "Conditions"
    TITLE_FIELD: ClassVar[str] = "name"

    name: str = text("Diagnosis", required=True)
    code: str | None = text("Code")
    code_system: str | None = text("Code system", help="ICD-10, SNOMED…")
    status: str | None = choice("Status", ("suspected", "confirmed", "resolved", "ruled_out"))
    diagnosed_on: str | None = date("Diagnosed on")
    diagnosed_by_id: int | None = ref("Diagnosed by", "provider")
    severity: str | None = text("Stage or severity")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Case(PersonItem):
    """A second opinion being sought: the question at stake, and what was decided."""

    TYPE: ClassVar[str] = "case"
    LABEL: ClassVar[str] = "Second opinion"
    PLURAL: ClassVar[str] = "Second opinions"
    TITLE_FIELD: ClassVar[str] = "title"

    title: str = text("Title", required=True)
    condition_id: int | None = ref("Diagnosis", "condition")
    question: str | None = longtext("The question at stake",
                                    help='For example: "Is surgery needed now?"')
    decide_by: str | None = date("Decide by")
    status: str | None = choice("Status", ("preparing", "scheduled", "seen", "decided", "closed"),
                                default="preparing")
    decision: str | None = longtext("Decision")
    rationale: str | None = longtext("Why")
    decided_on: str | None = date("Decided on")


@frozen(kw_only=True)
class Checklist(PersonItem):
    """One of the ten steps of a second opinion, done or not."""

    TYPE: ClassVar[str] = "checklist"
    LABEL: ClassVar[str] = "Checklist step"
    PLURAL: ClassVar[str] = "Checklist"
    TITLE_FIELD: ClassVar[str] = "label"

    case_id: int = ref("Second opinion", "case", required=True)
    step: int | None = integer("Step", minimum=1, maximum=10)
    label: str | None = text("Step")
    done: bool = boolean("Done")
    done_on: str | None = date("Done on")
    note: str | None = longtext("Note")


@frozen(kw_only=True)
class Opinion(PersonItem):
    """What one doctor concluded about a case, and whether it agrees."""

    TYPE: ClassVar[str] = "opinion"
    LABEL: ClassVar[str] = "Opinion"
    PLURAL: ClassVar[str] = "Opinions"
    TITLE_FIELD: ClassVar[str] = "diagnosis"

    case_id: int = ref("Second opinion", "case", required=True)
    provider_id: int | None = ref("Doctor", "provider")
    given_on: str | None = date("Given on")
    diagnosis: str | None = text("Diagnosis as stated")
    recommendation: str | None = longtext("Recommendation")
    agrees: str | None = choice("Agrees with the first opinion", ("yes", "partly", "no", "n_a"))
    summary: str | None = longtext("Summary")
    report_record_id: int | None = ref("Report", "record")


@frozen(kw_only=True)
class Treatment(PersonItem):
    """One treatment option of a case, to compare with the others."""

    TYPE: ClassVar[str] = "treatment"
    LABEL: ClassVar[str] = "Treatment option"
    PLURAL: ClassVar[str] = "Treatment options"
    TITLE_FIELD: ClassVar[str] = "name"

    case_id: int = ref("Second opinion", "case", required=True)
    name: str = text("Option", required=True)
    proposed_by_id: int | None = ref("Proposed by", "provider")
    duration: str | None = text("How long it takes")
    recovery_time: str | None = text("Recovery time")
    cost: str | None = text("Cost")
    coverage: str | None = text("Insurance coverage")
    risks: str | None = longtext("Risks")
    benefits: str | None = longtext("Benefits")
    daily_life: str | None = longtext("Effect on daily life")
    status: str | None = choice("Status", ("considering", "chosen", "rejected"),
                                default="considering")


@frozen(kw_only=True)
class Quote(PersonItem):
    """What one facility would charge for a treatment option."""

    TYPE: ClassVar[str] = "quote"
    LABEL: ClassVar[str] = "Cost quote"
    PLURAL: ClassVar[str] = "Cost quotes"
    TITLE_FIELD: ClassVar[str] = "facility"

    treatment_id: int = ref("Treatment option", "treatment", required=True)
    facility: str = text("Facility", required=True)
    amount: float | None = number("Amount", minimum=0)
    currency: str | None = text("Currency")
    covered_amount: float | None = number("Covered by insurance", minimum=0)
    obtained_on: str | None = date("Obtained on")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Medication(PersonItem):
    """A medicine taken now or before."""

    TYPE: ClassVar[str] = "medication"
    LABEL: ClassVar[str] = "Medication"
    PLURAL: ClassVar[str] = "Medications"
    TITLE_FIELD: ClassVar[str] = "name"

    name: str = text("Medication", required=True)
    dose: str | None = text("Dose")
    form: str | None = text("Form", help="tablet, capsule, injection…")
    route: str | None = text("How it is taken", help="by mouth, injection…")
    frequency: str | None = text("How often")
    instructions: str | None = longtext("Instructions")
    prescriber_id: int | None = ref("Prescribed by", "provider")
    condition_id: int | None = ref("Taken for", "condition")
    started_on: str | None = date("Started on")
    stopped_on: str | None = date("Stopped on")
    active: bool = boolean("Currently taking", default=True)
    code: str | None = text("Code")
    code_system: str | None = text("Code system")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Allergy(PersonItem):
    """Something that caused a reaction."""

    TYPE: ClassVar[str] = "allergy"
    LABEL: ClassVar[str] = "Allergy"
    PLURAL: ClassVar[str] = "Allergies"
    TITLE_FIELD: ClassVar[str] = "substance"

    substance: str = text("Allergic to", required=True)
    reaction: str | None = text("Reaction")
    severity: str | None = text("Severity")
    noted_on: str | None = date("Noted on")
    code: str | None = text("Code")
    code_system: str | None = text("Code system")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Immunization(PersonItem):
    """A vaccine given."""

    TYPE: ClassVar[str] = "immunization"
    LABEL: ClassVar[str] = "Immunization"
    PLURAL: ClassVar[str] = "Immunizations"
    TITLE_FIELD: ClassVar[str] = "vaccine"

    vaccine: str = text("Vaccine", required=True)
    given_on: str | None = date("Given on")
    code: str | None = text("Code")
    code_system: str | None = text("Code system")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Procedure(PersonItem):
    """An operation, biopsy, scan or other procedure done."""

    TYPE: ClassVar[str] = "procedure"
    LABEL: ClassVar[str] = "Procedure"
    PLURAL: ClassVar[str] = "Procedures"
    TITLE_FIELD: ClassVar[str] = "name"

    name: str = text("Procedure", required=True)
    performed_on: str | None = date("Performed on")
    performer: str | None = text("Performed by")
    code: str | None = text("Code")
    code_system: str | None = text("Code system")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Result(PersonItem):
    """One lab value or other measurement, with its date."""

    TYPE: ClassVar[str] = "result"
    LABEL: ClassVar[str] = "Test result"
    PLURAL: ClassVar[str] = "Test results"
    TITLE_FIELD: ClassVar[str] = "name"

    name: str = text("Test", required=True)
    value: str | None = text("Value")
    unit: str | None = text("Unit")
    reference_range: str | None = text("Normal range")
    flag: str | None = text("Flag", help="high, low, abnormal…")
    observed_on: str | None = date("Date")
    code: str | None = text("Code")
    code_system: str | None = text("Code system")
    notes: str | None = longtext("Notes")


@frozen
class Attachment:
    """A file attached to a record, stored once in files/ under its SHA-256."""

    id: int
    record_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    text_status: str  # "ok", "unreadable" (damaged or locked PDF), "none" (an image),
    # "too_large" (a PDF too large to read in bounded memory: kept, its text not read)
    created_at: str
    # Reading its scanned pages (OCR): "none" (nothing to read), "pending", "done",
    # "skipped" (--no-ocr), "unreadable", "unavailable" (no engine or language data).
    scan_status: str = "none"

    def to_dict(self) -> dict[str, Any]:
        """The read-only summary DESIGN puts in a record's `--json`."""
        return {"filename": self.filename, "media_type": self.media_type,
                "size": self.size, "sha256": self.sha256}


@frozen
class ScanPage:
    """The text read (OCR) from one scanned page of an attachment, as the engine gave it.

    Never a value of any item: the app shows it as "text read from the scan", search finds
    words in it, and a number in it can only be offered as a suggestion the user confirms.
    """

    attachment_id: int
    page: int            # the page's number in the file, from 1
    text: str
    confidence: float    # the engine's mean word confidence, 0-100
    rotation: int = 0    # quarter turn applied to make it upright (degrees)
    skew: float = 0.0    # degrees it was straightened by


@frozen(kw_only=True)
class Record(PersonItem):
    """A document or physical item (slides, a disc), with its attached files."""

    TYPE: ClassVar[str] = "record"
    LABEL: ClassVar[str] = "Record"
    PLURAL: ClassVar[str] = "Records"
    TITLE_FIELD: ClassVar[str] = "title"

    title: str = text("Title", required=True)
    kind: str | None = choice("Kind", RECORD_KINDS)
    dated_on: str | None = date("Date")
    source: str | None = text("Written by")
    description: str | None = longtext("Description")
    case_id: int | None = ref("Second opinion", "case")
    physical: bool = boolean("Physical item", help="slides, an imaging disc…")
    location: str | None = text("Where the physical item is")
    attachments: tuple[Attachment, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["attachments"] = [a.to_dict() for a in self.attachments]
        return out


@frozen(kw_only=True)
class Sending(PersonItem):
    """A record sent (or to send) to one recipient, and whether it arrived."""

    TYPE: ClassVar[str] = "sending"
    LABEL: ClassVar[str] = "Sending"
    PLURAL: ClassVar[str] = "Records to send"
    TITLE_FIELD: ClassVar[str] = "tracking"

    record_id: int = ref("Record", "record", required=True)
    recipient_id: int | None = ref("Sent to", "provider")
    status: str | None = choice("Status", ("requested", "sent", "received"), default="requested")
    method: str | None = choice("How", SEND_METHODS)
    sent_on: str | None = date("Sent on")
    received_on: str | None = date("Received on")
    tracking: str | None = text("Tracking number")


@frozen(kw_only=True)
class Request(PersonItem):
    """A request to an office for copies of records."""

    TYPE: ClassVar[str] = "request"
    LABEL: ClassVar[str] = "Records request"
    PLURAL: ClassVar[str] = "Records requests"
    TITLE_FIELD: ClassVar[str] = "records"

    provider_id: int = ref("Asked of", "provider", required=True)
    records: str = longtext("Records asked for", required=True)
    asked_on: str = date("Asked on", required=True)
    method: str | None = choice("How", SEND_METHODS)
    received_on: str | None = date("Received on")
    notes: str | None = longtext("Notes")


@frozen(kw_only=True)
class Question(PersonItem):
    """A question to ask a doctor, and the answer once asked."""

    TYPE: ClassVar[str] = "question"
    LABEL: ClassVar[str] = "Question"
    PLURAL: ClassVar[str] = "Questions for the doctor"
    TITLE_FIELD: ClassVar[str] = "text"

    text: str = longtext("Question", required=True)
    case_id: int | None = ref("Second opinion", "case")
    visit_id: int | None = ref("Visit", "visit")
    priority: str | None = choice("Priority", ("high", "normal", "low"), default="normal")
    position: int | None = integer("Order", minimum=0)
    asked: bool = boolean("Asked")
    answer: str | None = longtext("Answer")
    answered_by_id: int | None = ref("Answered by", "provider")
    answered_on: str | None = date("Answered on")


@frozen(kw_only=True)
class Visit(PersonItem):
    """An appointment, coming or past."""

    TYPE: ClassVar[str] = "visit"
    LABEL: ClassVar[str] = "Visit"
    PLURAL: ClassVar[str] = "Visits"
    TITLE_FIELD: ClassVar[str] = "purpose"

    scheduled_at: str = datetime("Date and time", required=True)
    provider_id: int | None = ref("With", "provider")
    case_id: int | None = ref("Second opinion", "case")
    location: str | None = text("Where")
    purpose: str | None = text("Purpose")
    status: str | None = choice("Status", ("planned", "done", "cancelled"), default="planned")
    notes: str | None = longtext("Notes")
    follow_up: str | None = longtext("Follow-up")
    report_requested_on: str | None = date("Report asked for on")
    report_received_on: str | None = date("Report received on")


@frozen(kw_only=True)
class Journal(PersonItem):
    """A note of symptoms, side effects or how the person feels."""

    TYPE: ClassVar[str] = "journal"
    LABEL: ClassVar[str] = "Journal entry"
    PLURAL: ClassVar[str] = "Journal"
    TITLE_FIELD: ClassVar[str] = "text"

    written_on: str = date("Date", required=True)
    text: str = longtext("What happened, how you feel", required=True)


# Every type, in DESIGN's order; the key is the TYPE word of `add` and `list`.
TYPES: dict[str, type[Item]] = {cls.TYPE: cls for cls in (
    Person, Provider, Condition, Case, Checklist, Opinion, Treatment, Quote, Medication,
    Allergy, Immunization, Procedure, Result, Record, Sending, Request, Question, Visit, Journal,
)}

# SQL table names (plural; "case" is an SQL keyword, so every table gets a plain plural).
TABLES: dict[str, str] = {name: name + "s" if not name.endswith("s") else name + "es"
                          for name in TYPES}
TABLES.update({"person": "people", "case": "cases", "allergy": "allergies",
               "journal": "journal_entries", "checklist": "checklist_steps",
               "quote": "quotes", "sending": "sendings"})


def item_type(name: str) -> type[Item]:
    """The model class for a TYPE word, or a plain-words error listing the valid ones."""
    from organizer.errors import ValidationError

    try:
        return TYPES[name]
    except KeyError:
        raise ValidationError(
            f"“{name}” is not a kind of item. Use one of: {', '.join(TYPES)}.") from None


def person_of(item: Item) -> int:
    """The id of the person an item belongs to (a person belongs to itself)."""
    if isinstance(item, PersonItem):
        return item.person_id
    return item.id
