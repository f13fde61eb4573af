"""Reading FHIR R4: a Bundle (collection, transaction, document, IPS), bulk NDJSON, or one
lone resource, into the organizer's items.

Real exports are messier than examples: any field may be missing, codes may be absent or
from systems we do not know, and many resource types (claims, care plans…) have no place
in the organizer. Such resources are skipped and counted, never a reason to refuse the
file. Only resources that say nothing (entered in error, refuted, "no known allergy")
are left out on purpose.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from organizer.errors import ValidationError
from organizer.interop import codes, sig
from organizer.interop.jsonstream import JsonNumber, iter_object
from organizer.interop.jsonstream import loads as json_loads
from organizer.interop.parsed import FileContent, ParsedFile, Proposed
from organizer.interop.refusals import malformed, unrecognised
from organizer.items.validation import check_date
from organizer.progress import Progress

# Resource types we turn into items; everything else is skipped (and counted).
HANDLED = {"Patient", "Condition", "MedicationStatement", "MedicationRequest",
           "AllergyIntolerance", "Immunization", "Procedure", "Observation",
           "DiagnosticReport", "Practitioner", "Organization", "PractitionerRole",
           "Encounter", "Medication", "Composition"}

_MEDIA_SUFFIX = {"application/pdf": ".pdf", "text/plain": ".txt", "image/jpeg": ".jpg",
                 "image/png": ".png", "image/tiff": ".tif", "text/html": ".html"}
_TAGS = re.compile(r"<[^>]+>")


# -- small readers of FHIR data types ---------------------------------------------------


def listed(value: Any) -> list[Any]:
    """The value if it is a JSON array, else an empty one (a hostile or broken export may
    put a number where a list belongs)."""
    return value if isinstance(value, list) else []


def obj(value: Any) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty one: exports leave things out."""
    return value if isinstance(value, dict) else {}


def fhir_date(value: Any) -> str | None:
    """The date part of a FHIR date or dateTime ("2019-03-02T10:00:00Z" -> "2019-03-02")."""
    if not isinstance(value, str) or not value:
        return None
    text = value.strip()[:10]
    try:
        return check_date(text)
    except ValidationError:
        return None


def fhir_datetime(value: Any) -> str | None:
    """A dateTime as the organizer keeps it: "2019-03-02 10:00" (or just the date)."""
    day = fhir_date(value)
    if day is None:
        return None
    match = re.match(r"^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})", str(value))
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return f"{day} {match.group(1)}:{match.group(2)}"
    return day


def concept(value: Any) -> tuple[str | None, str | None, str | None]:
    """(name, code, short system) of a CodeableConcept (or a Coding)."""
    if not isinstance(value, dict):
        return None, None, None
    codings = value.get("coding") if "coding" in value else [value]
    codings = [c for c in codings or [] if isinstance(c, dict)]
    best = next((c for c in codings if c.get("code") and
                 codes.short_system(c.get("system")) in codes.URLS), None)
    best = best or next((c for c in codings if c.get("code")), None)
    name = value.get("text") if isinstance(value.get("text"), str) else None
    if not name:
        name = next((c.get("display") for c in codings if c.get("display")), None)
    if best is None:
        return (name.strip() if name else None), None, None
    if not name:
        name = str(best.get("code"))
    return name.strip(), str(best.get("code")), codes.short_system(best.get("system"))


def codings(value: Any) -> list[tuple[str | None, str | None]]:
    """Every (code, system URL) of a CodeableConcept."""
    if not isinstance(value, dict):
        return []
    return [(c.get("code"), c.get("system")) for c in value.get("coding") or []
            if isinstance(c, dict)]


def status_code(value: Any) -> str | None:
    """The code of a status that may be a plain code or a CodeableConcept."""
    if isinstance(value, str):
        return value
    _, code, _ = concept(value)
    return code


def human_name(names: Any, *, titles: bool = True) -> str | None:
    if not isinstance(names, list) or not names:
        return None
    usable = [n for n in names if isinstance(n, dict)]
    chosen = next((n for n in usable if n.get("use") == "official"), None) or (
        usable[0] if usable else None)
    if chosen is None:
        return None
    if chosen.get("text"):
        return str(chosen["text"]).strip()
    parts = [*(chosen.get("prefix") or [] if titles else []), *(chosen.get("given") or []),
             chosen.get("family") or "", *(chosen.get("suffix") or [] if titles else [])]
    text = " ".join(str(p).strip() for p in parts if p)
    return text or None


def address(addresses: Any) -> str | None:
    if not isinstance(addresses, list):
        return None
    for item in addresses:
        if not isinstance(item, dict):
            continue
        if item.get("text"):
            return str(item["text"])
        lines = [str(x) for x in item.get("line") or []]
        place = " ".join(str(item[k]) for k in ("postalCode", "city") if item.get(k))
        tail = [x for x in (place, item.get("state"), item.get("country")) if x]
        text = "\n".join([*lines, ", ".join(str(t) for t in tail)]).strip()
        if text:
            return text
    return None


def telecom(values: Any, system: str) -> str | None:
    for item in values or []:
        if isinstance(item, dict) and item.get("system") == system and item.get("value"):
            return str(item["value"]).removeprefix("tel:").removeprefix("mailto:")
    return None


class NotANumberError(ValueError):
    """A value that is not a real number (NaN, infinite): its item is left out."""


_NOT_NUMBERS = {"nan", "inf", "infinity"}


def number_text(number: Any) -> str:
    """A JSON number exactly as the file wrote it ("4.10" stays "4.10", "7.0" stays "7.0");
    NotANumberError for NaN or an infinity, which no measurement can be."""
    if isinstance(number, JsonNumber):
        if not number.finite():
            raise NotANumberError(str(number))
        return str(number)
    if isinstance(number, float):  # from a reader that did not keep the digits
        if number != number or number in (float("inf"), float("-inf")):
            raise NotANumberError(repr(number))
        return repr(number)
    if isinstance(number, Decimal) and not number.is_finite():
        raise NotANumberError(str(number))
    text = str(number)
    if text.strip().lower().lstrip("+-") in _NOT_NUMBERS:
        raise NotANumberError(text)
    return text


def quantity(value: Any) -> tuple[str | None, str | None]:
    """(value text, unit) of a Quantity, keeping a comparator such as ">" and the digits as
    written."""
    if not isinstance(value, dict) or value.get("value") is None:
        return None, None
    text = number_text(value["value"])
    unit = value.get("unit") or value.get("code")
    return f"{value.get('comparator') or ''}{text}", (str(unit) if unit else None)


def narrative(resource_or_section: Any) -> str:
    """The plain text of a narrative's XHTML div."""
    div = obj(obj(resource_or_section).get("text")).get("div")
    if not isinstance(div, str):
        return ""
    text = re.sub(r"<(br|/p|/tr|/li|/h\d|/div)[^>]*>", "\n", div, flags=re.I)
    text = re.sub(r"</t[dh]>", " | ", text, flags=re.I)
    text = _TAGS.sub("", text)
    import html

    lines = [" ".join(line.split()).strip(" |") for line in html.unescape(text).splitlines()]
    return "\n".join(line for line in lines if line)


def notes_of(resource: dict[str, Any]) -> list[str]:
    return [str(n["text"]) for n in resource.get("note") or []
            if isinstance(n, dict) and n.get("text")]


# -- the reader -------------------------------------------------------------------------


@dataclass
class _Med:
    """One MedicationStatement or MedicationRequest, before repeats are merged."""

    values: dict[str, Any]
    concept: Any
    med_ref: str | None
    contained: list[Any]
    links: dict[str, str] = field(default_factory=dict)
    status: str | None = None
    when: str | None = None
    narrative: str | None = None  # what a person wrote in the resource's own narrative


class FhirReader:
    """Turns FHIR resources, fed one at a time, into a ParsedFile."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.aliases: dict[str, str] = {}  # any way to refer to a resource -> its key
        self.names: dict[str, str] = {}  # key -> display name (practitioners, orgs)
        self.medications: dict[str, Any] = {}  # key of a Medication -> its resource
        self.meds: list[_Med] = []
        self.roles: list[dict[str, Any]] = []
        self.panels: dict[str, str] = {}  # reference to a result -> the panel listing it
        self.writers: list[tuple[dict[str, Any], bool]] = []  # (author or custodian, is it)
        self.patient_seen = False
        self.counter = 0

    # references ---------------------------------------------------------------------

    def _key_for(self, resource: dict[str, Any], full_url: str | None) -> str:
        self.counter += 1
        key = f"r{self.counter}"
        kind, rid = resource.get("resourceType"), resource.get("id")
        for alias in (full_url, f"{kind}/{rid}" if rid else None,
                      f"urn:uuid:{rid}" if rid else None):
            if alias:
                self.aliases[str(alias)] = key
                tail = str(alias).split("/")[-2:]
                if len(tail) == 2 and kind and tail[0] == kind:
                    self.aliases["/".join(tail)] = key
        return key

    def ref(self, value: Any) -> str | None:
        """A Reference as the raw text it holds (resolved later, when all are read)."""
        if isinstance(value, dict) and isinstance(value.get("reference"), str):
            return str(value["reference"])
        return None

    def resolve(self, reference: str | None) -> str | None:
        if not reference:
            return None
        if reference in self.aliases:
            return self.aliases[reference]
        tail = "/".join(reference.split("/")[-2:])
        return self.aliases.get(tail)

    def _add(self, type_name: str, values: dict[str, Any], key: str,
             links: dict[str, str] | None = None) -> Proposed:
        clean = {k: v for k, v in values.items() if v not in (None, "")}
        item = Proposed(type_name, clean, key=key, links=dict(links or {}))
        self.parsed.items.append(item)
        return item

    # feeding ------------------------------------------------------------------------

    def feed(self, resource: Any, full_url: str | None = None) -> None:
        if not isinstance(resource, dict):
            self.parsed.skipped["entries that are not resources"] += 1
            return
        kind = resource.get("resourceType")
        if not isinstance(kind, str):
            self.parsed.skipped["entries that are not resources"] += 1
            return
        if kind == "Bundle":  # a bundle inside a bundle (or NDJSON of bundles)
            for entry in resource.get("entry") or []:
                if isinstance(entry, dict):
                    self.feed(entry.get("resource"), entry.get("fullUrl"))
            return
        if kind not in HANDLED:
            self.parsed.skipped[kind] += 1
            return
        key = self._key_for(resource, full_url)
        handler = getattr(self, f"_{kind.lower()}")
        before = len(self.parsed.items)
        try:
            handler(resource, key)
        except NotANumberError:  # NaN or infinity: this resource is left out, whole
            del self.parsed.items[before:]
            self.parsed.skipped["entries with a value that is not a real number"] += 1

    # one method per resource type -----------------------------------------------------

    def _patient(self, r: dict[str, Any], key: str) -> None:
        if self.patient_seen:
            self.parsed.skipped["further patients"] += 1
            return
        self.patient_seen = True
        gender = r.get("gender")
        contact = next((c for c in r.get("contact") or [] if isinstance(c, dict)), None)
        emergency = None
        if contact:
            name = human_name([contact.get("name")]) if contact.get("name") else None
            phone = telecom(contact.get("telecom"), "phone")
            emergency = ", ".join(x for x in (name, phone) if x) or None
        values = {
            "full_name": human_name(r.get("name"), titles=False),
            "birth_date": fhir_date(r.get("birthDate")),
            "sex": gender if gender in ("female", "male", "other", "unknown") else None,
            "phone": telecom(r.get("telecom"), "phone"),
            "email": telecom(r.get("telecom"), "email"),
            "address": address(r.get("address")),
            "emergency_contact": emergency,
        }
        self.parsed.person.update({k: v for k, v in values.items() if v})

    def _practitioner(self, r: dict[str, Any], key: str) -> None:
        name = human_name(r.get("name"))
        if not name:
            self.parsed.skipped["practitioners without a name"] += 1
            return
        quals = [concept(q.get("code"))[0] for q in r.get("qualification") or []
                 if isinstance(q, dict)]
        self.names[key] = name
        self._add("provider", {
            "name": name, "notes": _npi(r), "phone": telecom(r.get("telecom"), "phone"),
            "fax": telecom(r.get("telecom"), "fax"),
            "email": telecom(r.get("telecom"), "email"), "address": address(r.get("address")),
            "gender": r.get("gender") if isinstance(r.get("gender"), str) else None,
            "specialty": ", ".join(q for q in quals if q) or None,
        }, key)

    def _organization(self, r: dict[str, Any], key: str) -> None:
        name = r.get("name")
        if not isinstance(name, str) or not name.strip():
            self.parsed.skipped["organizations without a name"] += 1
            return
        self.names[key] = name.strip()
        self._add("provider", {
            "name": name.strip(), "facility": name.strip(), "role": "other", "notes": _npi(r),
            "phone": telecom(r.get("telecom"), "phone"),
            "fax": telecom(r.get("telecom"), "fax"),
            "email": telecom(r.get("telecom"), "email"), "address": address(r.get("address")),
        }, key)

    def _practitionerrole(self, r: dict[str, Any], key: str) -> None:
        self.roles.append(r)  # merged into its practitioner once all are read

    def _medication(self, r: dict[str, Any], key: str) -> None:
        self.medications[key] = r

    def _composition(self, r: dict[str, Any], key: str) -> None:
        title = r.get("title")
        if isinstance(title, str) and title.strip():
            self.parsed.title = title.strip()
        self.parsed.dated_on = fhir_date(r.get("date")) or self.parsed.dated_on
        self.writers.extend((a, False) for a in listed(r.get("author")) if isinstance(a, dict))
        if isinstance(r.get("custodian"), dict):
            self.writers.append((r["custodian"], True))
        for section in r.get("section") or []:
            self._section(section)

    def _section(self, section: Any) -> None:
        """A section with words but no entries keeps its words as a record."""
        if not isinstance(section, dict) or section.get("entry") or section.get(
                "emptyReason"):
            for sub in (section or {}).get("section") or []:
                self._section(sub)
            return
        text = narrative(section)
        if text:
            title = section.get("title") or concept(section.get("code"))[0] or "Section"
            self._add("record", {"title": f"{title} (from {self.parsed.filename})",
                                 "kind": "imported", "dated_on": self.parsed.dated_on,
                                 "description": text}, f"s{len(self.parsed.items)}")
        for sub in section.get("section") or []:
            self._section(sub)

    def _condition(self, r: dict[str, Any], key: str) -> None:
        verification = status_code(r.get("verificationStatus"))
        clinical = status_code(r.get("clinicalStatus"))
        if verification == "entered-in-error":
            self.parsed.skipped["entries marked as entered in error"] += 1
            return
        name, code, system = concept(r.get("code"))
        if any(codes.says_none(c, s) for c, s in codings(r.get("code"))):
            self.parsed.skipped["“no known problems” statements"] += 1
            return
        if not name:
            self.parsed.skipped["conditions without a name"] += 1
            return
        status = "confirmed"
        if verification in ("provisional", "differential", "unconfirmed"):
            status = "suspected"
        elif verification == "refuted":
            status = "ruled_out"
        elif clinical in ("resolved", "inactive", "remission"):
            status = "resolved"
        notes = notes_of(r)
        ended = fhir_date(r.get("abatementDateTime")) or fhir_date(
            (r.get("abatementPeriod") or {}).get("start"))
        if ended:
            notes.insert(0, f"Resolved on {ended}.")
        if clinical == "remission":
            notes.insert(0, "In remission.")
        stages = [concept(s.get("summary"))[0] for s in r.get("stage") or []
                  if isinstance(s, dict)]
        severity = concept(r.get("severity"))[0] or next((s for s in stages if s), None)
        onset = (fhir_date(r.get("onsetDateTime")) or fhir_date(
            (r.get("onsetPeriod") or {}).get("start")) or fhir_date(r.get("recordedDate")))
        links: dict[str, str] = {}
        asserter = self.ref(r.get("asserter")) or self.ref(r.get("recorder"))
        if asserter:
            links["diagnosed_by_id"] = asserter
        self._add("condition", {"name": name, "code": code, "code_system": system,
                                "status": status, "diagnosed_on": onset,
                                "severity": severity, "notes": "\n".join(notes) or None},
                  key, links)

    def _allergyintolerance(self, r: dict[str, Any], key: str) -> None:
        verification = status_code(r.get("verificationStatus"))
        if verification in ("entered-in-error", "refuted"):
            self.parsed.skipped["allergies refuted or entered in error"] += 1
            return
        if any(codes.says_no_allergy(c, s) for c, s in codings(r.get("code"))):
            self.parsed.no_known_allergies = True
            return
        if any(codes.says_none(c, s) for c, s in codings(r.get("code"))):
            self.parsed.skipped["“nothing known” statements"] += 1
            return
        name, code, system = concept(r.get("code"))
        if not name:
            self.parsed.skipped["allergies without a substance"] += 1
            return
        reactions, severities = [], []
        for reaction in r.get("reaction") or []:
            if not isinstance(reaction, dict):
                continue
            for manifestation in reaction.get("manifestation") or []:
                shown = concept(manifestation)[0]
                if shown and shown not in reactions:
                    reactions.append(shown)
            if reaction.get("severity"):
                severities.append(str(reaction["severity"]))
        severity = severities[0] if severities else (
            f"{r['criticality']} risk" if isinstance(r.get("criticality"), str) else None)
        notes = notes_of(r)
        if status_code(r.get("clinicalStatus")) in ("inactive", "resolved"):
            notes.insert(0, "No longer active.")
        self._add("allergy", {
            "substance": name, "code": code, "code_system": system,
            "reaction": ", ".join(reactions) or None, "severity": severity,
            "noted_on": fhir_date(r.get("onsetDateTime")) or fhir_date(r.get("recordedDate")),
            "notes": "\n".join(notes) or None}, key)

    def _done_concept(self, r: dict[str, Any], field: str, not_done: str,
                      unnamed: str) -> tuple[str, str | None, str | None] | None:
        """The name and code of something that was done (a vaccine given, a procedure),
        or None after counting why it is left out: not done, a "nothing known"
        statement, or no name."""
        if r.get("status") in ("not-done", "entered-in-error"):
            self.parsed.skipped[not_done] += 1
            return None
        if any(codes.says_none(c, s) for c, s in codings(r.get(field))):
            self.parsed.skipped["“nothing known” statements"] += 1
            return None
        name, code, system = concept(r.get(field))
        if not name:
            self.parsed.skipped[unnamed] += 1
            return None
        return name, code, system

    def _immunization(self, r: dict[str, Any], key: str) -> None:
        found = self._done_concept(r, "vaccineCode", "immunizations not given",
                                   "immunizations without a vaccine name")
        if found is None:
            return
        name, code, system = found
        notes = notes_of(r)
        if r.get("lotNumber"):
            notes.insert(0, f"Lot {r['lotNumber']}.")
        self._add("immunization", {
            "vaccine": name, "code": code, "code_system": system,
            "given_on": fhir_date(r.get("occurrenceDateTime")) or fhir_date(r.get("recorded")),
            "notes": " ".join(notes) or None}, key)

    def _procedure(self, r: dict[str, Any], key: str) -> None:
        found = self._done_concept(r, "code", "procedures not done",
                                   "procedures without a name")
        if found is None:
            return
        name, code, system = found
        performer = None
        for item in r.get("performer") or []:
            if isinstance(item, dict) and isinstance(item.get("actor"), dict):
                performer = item["actor"].get("display") or self.ref(item["actor"])
                break
        self._add("procedure", {
            "name": name, "code": code, "code_system": system,
            "performed_on": fhir_date(r.get("performedDateTime")) or fhir_date(
                (r.get("performedPeriod") or {}).get("start")),
            "performer": performer, "notes": "\n".join(notes_of(r)) or None}, key)

    def _observation(self, r: dict[str, Any], key: str) -> None:
        if r.get("status") in ("entered-in-error", "cancelled"):
            self.parsed.skipped["results entered in error or cancelled"] += 1
            return
        name, code, system = concept(r.get("code"))
        when = (fhir_date(r.get("effectiveDateTime")) or fhir_date(
            (r.get("effectivePeriod") or {}).get("start")) or fhir_date(r.get("effectiveInstant"))
            or fhir_date(r.get("issued")))
        value, unit = _observation_value(r)
        components = [c for c in r.get("component") or [] if isinstance(c, dict)]
        if value is None and components:
            for number, component in enumerate(components, start=1):
                c_name, c_code, c_system = concept(component.get("code"))
                c_value, c_unit = _observation_value(component)
                if not c_name or c_value is None:
                    continue
                self._add("result", {
                    "name": c_name, "value": c_value, "unit": c_unit,
                    "reference_range": _range(component.get("referenceRange")),
                    "flag": _flag(component.get("interpretation")), "observed_on": when,
                    "code": c_code, "code_system": c_system,
                    "notes": f"Part of: {name}" if name else None}, f"{key}.{number}")
            return
        if value is None and r.get("hasMember"):
            self.parsed.skipped["result panels (their results are imported one by one)"] += 1
            for member in listed(r.get("hasMember")):
                if name and self.ref(member):
                    self.panels[str(self.ref(member))] = name
            return
        if not name:
            self.parsed.skipped["results without a name"] += 1
            return
        notes = notes_of(r)
        if value is None:  # no coded value: what its report wrote, or why there is none
            value = _written_narrative(r)
            absent = concept(r.get("dataAbsentReason"))[0]
            if absent:
                notes.insert(0, f"No value given: {absent[:1].lower() + absent[1:]}.")
        if value is not None and len(value) > 80:  # a long text answer belongs in notes
            notes.insert(0, value)
            value = None
        self._add("result", {
            "name": name, "value": value, "unit": unit,
            "reference_range": _range(r.get("referenceRange")),
            "flag": _flag(r.get("interpretation")), "observed_on": when,
            "code": code, "code_system": system, "notes": "\n".join(notes) or None}, key)

    def _diagnosticreport(self, r: dict[str, Any], key: str) -> None:
        if r.get("status") in ("entered-in-error", "cancelled"):
            self.parsed.skipped["reports entered in error or cancelled"] += 1
            return
        name = concept(r.get("code"))[0] or "Report"
        categories = " ".join(" ".join(str(c) for c in (concept(x)[1], concept(x)[0]) if c)
                              for x in r.get("category") or []).lower()
        kind = "other"
        if "lab" in categories:
            kind = "lab"
        elif any(w in categories for w in ("rad", "imag", "ct", "mri", "xray")):
            kind = "imaging"
        elif "pat" in categories or "sp" in categories.split():
            kind = "pathology"
        lines = []
        if isinstance(r.get("conclusion"), str):
            lines.append(r["conclusion"])
        lines.extend(concept(c)[0] or "" for c in r.get("conclusionCode") or [])
        shown = [str(x["display"]) for x in r.get("result") or []
                 if isinstance(x, dict) and x.get("display")]
        if shown:
            lines.append("Results: " + "; ".join(shown) + ".")
        text = narrative(r)
        if text and not lines:
            lines.append(text)
        performer = next((p.get("display") for p in r.get("performer") or []
                          if isinstance(p, dict) and p.get("display")), None)
        files: list[tuple[str, FileContent]] = []
        for number, form in enumerate(r.get("presentedForm") or [], start=1):
            if not isinstance(form, dict):
                continue
            data = form.get("data")
            if isinstance(data, str):
                try:
                    content = base64.b64decode(data, validate=False)
                except (binascii.Error, ValueError):
                    self.parsed.skipped["report files that could not be decoded"] += 1
                    continue
                suffix = _MEDIA_SUFFIX.get(str(form.get("contentType") or "").split(";")[0],
                                           ".bin")
                title = form.get("title") if isinstance(form.get("title"), str) else None
                filename = _safe_filename(title or f"{name} {number}") + (
                    "" if title and "." in title[-5:] else suffix)
                files.append((filename, content))
            elif form.get("url"):
                lines.append(f"The report is at {form['url']} (not included in the file).")
        links: dict[str, str] = {}
        ref = next((self.ref(p) for p in r.get("performer") or [] if self.ref(p)), None)
        item = self._add("record", {
            "title": name, "kind": kind,
            "dated_on": fhir_date(r.get("effectiveDateTime")) or fhir_date(
                (r.get("effectivePeriod") or {}).get("start")) or fhir_date(r.get("issued")),
            "source": performer, "description": "\n".join(x for x in lines if x) or None},
            key, links)
        if ref:
            item.links["@source"] = ref  # filled with the performer's name when resolved
        item.files = files

    def _encounter(self, r: dict[str, Any], key: str) -> None:
        status = r.get("status")
        if status == "entered-in-error":
            self.parsed.skipped["visits entered in error"] += 1
            return
        period = obj(r.get("period"))
        when = fhir_datetime(period.get("start")) or fhir_datetime(period.get("end"))
        if not when:
            self.parsed.skipped["visits without a date"] += 1
            return
        purpose = next((concept(t)[0] for t in r.get("type") or [] if concept(t)[0]), None)
        reasons = [concept(x)[0] for x in r.get("reasonCode") or [] if concept(x)[0]]
        visit_status = {"finished": "done", "cancelled": "cancelled"}.get(
            str(status), "planned" if status in ("planned", "arrived", "triaged") else "done")
        links: dict[str, str] = {}
        for participant in r.get("participant") or []:
            ref = self.ref((participant or {}).get("individual"))
            if ref:
                links["provider_id"] = ref
                break
        location = next((loc.get("location", {}).get("display") for loc in
                         r.get("location") or [] if isinstance(loc, dict) and isinstance(
                             loc.get("location"), dict) and loc["location"].get("display")),
                        None)
        item = self._add("visit", {
            "scheduled_at": when, "status": visit_status, "purpose": purpose,
            "location": location,
            "notes": ("Reason: " + "; ".join(str(x) for x in reasons) + ".") if reasons
            else None}, key, links)
        provider = self.ref(r.get("serviceProvider"))
        if provider and not location:
            item.links["@location"] = provider

    def _medicationstatement(self, r: dict[str, Any], key: str) -> None:
        self._medication_use(r, key, statement=True)

    def _medicationrequest(self, r: dict[str, Any], key: str) -> None:
        self._medication_use(r, key, statement=False)

    def _medication_use(self, r: dict[str, Any], key: str, statement: bool) -> None:
        status = r.get("status")
        if status in ("entered-in-error", "not-taken", "cancelled", "draft"):
            self.parsed.skipped["medications not taken, cancelled or in error"] += 1
            return
        dosage = r.get("dosage") if statement else r.get("dosageInstruction")
        dose, frequency, route, instructions = _dosage(dosage)
        period = obj(r.get("effectivePeriod"))
        started = (fhir_date(period.get("start")) or fhir_date(r.get("effectiveDateTime"))
                   or fhir_date(r.get("authoredOn")) or fhir_date(r.get("dateAsserted")))
        stopped = fhir_date(period.get("end"))
        links: dict[str, str] = {}
        prescriber = self.ref(r.get("requester")) or self.ref(r.get("informationSource"))
        if prescriber:
            links["prescriber_id"] = prescriber
        reason = next((self.ref(x) for x in r.get("reasonReference") or [] if self.ref(x)),
                      None)
        if reason:
            links["condition_id"] = reason
        notes = notes_of(r)
        self.meds.append(_Med(
            values={"dose": dose, "frequency": frequency, "route": route,
                    "instructions": instructions, "started_on": started,
                    "stopped_on": stopped, "notes": "\n".join(notes) or None},
            concept=r.get("medicationCodeableConcept"),
            med_ref=self.ref(r.get("medicationReference")),
            contained=[c for c in r.get("contained") or [] if isinstance(c, dict)],
            links=links, status=str(status) if status else None, when=started,
            narrative=_written_narrative(r)))

    # finishing ------------------------------------------------------------------------

    def finish(self) -> ParsedFile:
        """Resolve references, merge repeated prescriptions and practitioner roles."""
        self._merge_roles()
        self._merge_medications()
        self._name_panels()
        self._name_writers()
        keys = {item.key for item in self.parsed.items}
        for item in self.parsed.items:
            for name, reference in list(item.links.items()):
                target = self.resolve(reference)
                if name.startswith("@"):
                    del item.links[name]
                    field_name = name[1:]
                    if target in self.names and not item.values.get(field_name):
                        item.values[field_name] = self.names[target]
                    continue
                if target in keys:
                    item.links[name] = target
                else:
                    del item.links[name]
            if item.type == "procedure" and isinstance(item.values.get("performer"), str):
                target = self.resolve(item.values["performer"])
                if target:
                    item.values["performer"] = self.names.get(target)
                elif "/" in item.values["performer"] and " " not in item.values["performer"]:
                    del item.values["performer"]  # an unresolvable reference is not a name
        return self.parsed

    def _name_writers(self) -> None:
        """The document's authors and custodian say who wrote it (the provenance record's
        source); one named only by its display, not included in the bundle, still joins
        the care team."""
        shown: list[str] = []
        known = {str(i.values.get("name")).casefold() for i in self.parsed.items
                 if i.type == "provider"}
        for number, (reference, custodian) in enumerate(self.writers, start=1):
            target = self.resolve(self.ref(reference))
            name = self.names.get(target or "")
            display = reference.get("display")
            if name is None and isinstance(display, str) and display.strip():
                name = display.strip()
                if name.casefold() not in known:
                    known.add(name.casefold())
                    self._add("provider", {"name": name, "role": "other" if custodian
                                           else None,
                                           "facility": name if custodian else None},
                              f"w{number}")
            if name and name not in shown:
                shown.append(name)
        if shown and not self.parsed.source:
            self.parsed.source = ", ".join(shown)

    def _name_panels(self) -> None:
        """Each result a panel lists says which panel it is part of (in its notes)."""
        by_key = {item.key: item for item in self.parsed.items if item.type == "result"}
        for reference, panel in self.panels.items():
            item = by_key.get(self.resolve(reference) or "")
            if item is None:
                continue
            note = f"Part of: {panel}"
            if note not in str(item.values.get("notes") or ""):
                item.values["notes"] = "\n".join(
                    x for x in (note, item.values.get("notes")) if x)

    def _merge_roles(self) -> None:
        by_key = {item.key: item for item in self.parsed.items}
        for role in self.roles:
            target = by_key.get(self.resolve(self.ref(role.get("practitioner"))) or "")
            if target is None:
                continue
            specialty = next((concept(s)[0] for s in role.get("specialty") or []
                              if concept(s)[0]), None)
            org = self.resolve(self.ref(role.get("organization")))
            if specialty and not target.values.get("specialty"):
                target.values["specialty"] = specialty
            if org in self.names and not target.values.get("facility"):
                target.values["facility"] = self.names[org]
            for kind in ("phone", "fax", "email"):
                found = telecom(role.get("telecom"), kind)
                if found and not target.values.get(kind):
                    target.values[kind] = found

    def _medication_concept(self, med: _Med) -> tuple[Any, Any]:
        """The medication's CodeableConcept and form, inline, contained or referenced."""
        if med.concept:
            return med.concept, None
        if med.med_ref and med.med_ref.startswith("#"):
            found = next((c for c in med.contained if c.get("id") == med.med_ref[1:]), None)
        else:
            found = self.medications.get(self.resolve(med.med_ref) or "")
        if not isinstance(found, dict):
            return None, None
        return found.get("code"), found.get("form")

    def _merge_medications(self) -> None:
        """Repeated prescriptions of one drug become one medication, with its dates."""
        groups: dict[str, list[tuple[_Med, dict[str, Any]]]] = {}
        values: dict[str, Any]
        order: list[str] = []
        for med in self.meds:
            code_concept, form = self._medication_concept(med)
            if any(codes.says_none(c, s) for c, s in codings(code_concept)):
                self.parsed.skipped["“no medication” statements"] += 1
                continue
            name, code, system = concept(code_concept)
            if not name:
                self.parsed.skipped["medications without a name"] += 1
                continue
            one = dict(med.values, name=name, code=code, code_system=system,
                       form=concept(form)[0])
            if not one.get("instructions") and med.narrative:  # a sig written only there
                one["instructions"] = sig.without_name(med.narrative, name)
            group = f"{system}|{code}" if code else name.lower()
            if group not in groups:
                groups[group] = []
                order.append(group)
            groups[group].append((med, one))
        for number, group in enumerate(order, start=1):
            entries = sorted(groups[group], key=lambda e: e[1].get("started_on") or "")
            values = {}
            for _, entry_values in entries:  # the latest prescription's details win
                values.update({k: v for k, v in entry_values.items() if v not in (None, "")})
            starts = [v["started_on"] for _, v in entries if v.get("started_on")]
            values["started_on"] = starts[0] if starts else None
            active = any(m.status in (None, "active", "intended", "on-hold", "unknown")
                         for m, _ in entries)
            values["active"] = active
            if active:
                values["stopped_on"] = None
            else:
                stops = [str(v["stopped_on"]) for _, v in entries if v.get("stopped_on")]
                values["stopped_on"] = max(stops) if stops else None
            if len(entries) > 1:
                dates = ", ".join(starts) if starts else "dates not given"
                extra = f"Prescribed {len(entries)} times ({dates})."
                values["notes"] = "\n".join(x for x in (extra, values.get("notes")) if x)
            links: dict[str, str] = {}
            for med, _ in entries:
                links.update(med.links)
            self._add("medication", values, f"m{number}", links)


NPI_SYSTEMS = {"http://hl7.org/fhir/sid/us-npi", "urn:oid:2.16.840.1.113883.4.6"}


def _npi(r: dict[str, Any]) -> str | None:
    """"NPI 1234567890" for a practitioner's US National Provider Identifier, kept in the
    care-team member's notes so that a later import recognises the same doctor."""
    for identifier in listed(r.get("identifier")):
        if isinstance(identifier, dict) and str(identifier.get("system")) in NPI_SYSTEMS and \
                isinstance(identifier.get("value"), str) and identifier["value"].strip():
            return f"NPI {identifier['value'].strip()}"
    return None


def _written_narrative(r: dict[str, Any]) -> str | None:
    """The resource's narrative when a person wrote it; a "generated" one only repeats
    the structured data (with field names and identifiers), so it is left alone."""
    if obj(r.get("text")).get("status") in ("generated", "empty"):
        return None
    return narrative(r) or None


def _observation_value(r: dict[str, Any]) -> tuple[str | None, str | None]:
    if "valueQuantity" in r:
        return quantity(r["valueQuantity"])
    if "valueCodeableConcept" in r:
        return concept(r["valueCodeableConcept"])[0], None
    if isinstance(r.get("valueString"), str):
        return r["valueString"], None
    if isinstance(r.get("valueBoolean"), bool):
        return ("yes" if r["valueBoolean"] else "no"), None
    if isinstance(r.get("valueInteger"), int):
        return str(r["valueInteger"]), None
    if isinstance(r.get("valueRange"), dict):
        low, unit = quantity(r["valueRange"].get("low"))
        high, unit2 = quantity(r["valueRange"].get("high"))
        return f"{low or ''}–{high or ''}", unit or unit2
    if isinstance(r.get("valueRatio"), dict):
        top, _ = quantity(r["valueRatio"].get("numerator"))
        bottom, _ = quantity(r["valueRatio"].get("denominator"))
        return f"{top}/{bottom}", None
    if isinstance(r.get("valueDateTime"), str):
        return r["valueDateTime"], None
    return None, None


def _range(ranges: Any) -> str | None:
    for item in ranges or []:
        if not isinstance(item, dict):
            continue
        if item.get("text"):
            return str(item["text"])
        low, unit = quantity(item.get("low"))
        high, unit2 = quantity(item.get("high"))
        unit = unit or unit2
        if low and high:
            return f"{low}–{high}" + (f" {unit}" if unit else "")
        if low:
            return f"≥ {low}" + (f" {unit}" if unit else "")
        if high:
            return f"≤ {high}" + (f" {unit}" if unit else "")
    return None


def _flag(interpretations: Any) -> str | None:
    for item in interpretations or []:
        name, code, _ = concept(item)
        if code and code.upper() in codes.INTERPRETATIONS:
            return codes.INTERPRETATIONS[code.upper()]
        if name:
            return name.lower()
    return None


def _dosage(dosage: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(dose, how often, route, instructions) from a list of Dosage: the first one's dose,
    schedule and route (in words, organizer.interop.sig), and every one's own text."""
    items = [d for d in listed(dosage) if isinstance(d, dict)]
    if not items:
        return None, None, None, None
    first = items[0]
    dose = None
    for rate in listed(first.get("doseAndRate")):
        if not isinstance(rate, dict):
            continue
        if rate.get("doseQuantity"):
            value, unit = quantity(rate["doseQuantity"])
            dose = sig.dose(value, unit)
            break
        if isinstance(rate.get("doseRange"), dict):
            low, unit = quantity(rate["doseRange"].get("low"))
            high, unit2 = quantity(rate["doseRange"].get("high"))
            dose = sig.dose_range(low, high, unit or unit2)
            break
    route = concept(first.get("route"))[0]
    frequency = sig.joined(_schedule(first.get("timing")), _as_needed(first))
    texts = [str(d["text"]) for d in items if isinstance(d.get("text"), str)]
    texts += [str(d["patientInstruction"]) for d in items
              if isinstance(d.get("patientInstruction"), str)]
    texts += [concept(a)[0] or "" for d in items
              for a in listed(d.get("additionalInstruction"))]
    return dose, frequency, route, "\n".join(dict.fromkeys(t for t in texts if t)) or None


def _schedule(timing: Any) -> str | None:
    """A Timing in words: its code ("BID"), or its repeat (frequency per period, the
    events of the day, the times and days)."""
    timing = obj(timing)
    if timing.get("code"):
        named = concept(timing["code"])
        return sig.timing_code(named[1]) or named[0]
    repeat = obj(timing.get("repeat"))
    for count in (repeat.get("frequency"), repeat.get("period")):
        if isinstance(count, (Decimal, float)):
            number_text(count)  # NaN or infinite: the whole medication is left out
    often = None
    if repeat.get("periodUnit"):
        often = sig.times_per(repeat.get("frequency"), repeat.get("period"),
                              repeat.get("periodUnit"))
    events = [sig.event(w) for w in listed(repeat.get("when"))]
    return sig.joined(often, *events, sig.at_times(repeat.get("timeOfDay")),
                      sig.on_days(repeat.get("dayOfWeek")))


def _as_needed(dosage: dict[str, Any]) -> str | None:
    """"as needed" (asNeededBoolean), or "as needed for …" (asNeededCodeableConcept)."""
    if isinstance(dosage.get("asNeededCodeableConcept"), dict):
        return sig.as_needed(concept(dosage["asNeededCodeableConcept"])[0])
    if dosage.get("asNeededBoolean") is True:
        return sig.as_needed()
    return None


def _safe_filename(text: str) -> str:
    cleaned = re.sub(r"[^\w .()-]+", "_", text).strip(" ._") or "report"
    return cleaned[:80]


# -- entry points -----------------------------------------------------------------------


def read_json(path: Path, parsed: ParsedFile, progress: Progress | None = None,
              encoding: str = "utf-8-sig") -> ParsedFile:
    """A FHIR JSON file: a Bundle (streamed entry by entry) or one resource. `encoding`:
    what reader.text_encoding found (UTF-8 unless the file says UTF-16 or -32)."""
    try:
        text = path.read_text(encoding=encoding).removeprefix("\ufeff")
    except UnicodeDecodeError:
        what = encoding.removesuffix("-sig").upper()
        raise malformed(parsed.filename, "JSON", f"it is not {what} text") from None
    reader = FhirReader(parsed)
    pairs = iter_object(text, parsed.filename)
    head: dict[str, Any] = {}
    pending: list[Any] = []
    kind: str | None = None
    done = 0
    for key, value in pairs:
        if key == "entry":
            if kind is None:
                pending.append(value)  # resourceType comes after the entries: rare
                continue
            _feed_entry(reader, value)
            done += 1
            if done % 200 == 0 and progress is not None:
                progress.step(done, 0, f"Read {done} entries")
        else:
            if key == "resourceType":
                kind = value if isinstance(value, str) else ""
                if kind != "Bundle" and pending:
                    raise unrecognised(parsed.filename)
                for entry in pending:
                    _feed_entry(reader, entry)
                pending = []
            head[key] = value
    del text
    if not isinstance(head.get("resourceType"), str):
        raise unrecognised(parsed.filename)
    if head["resourceType"] == "Bundle":
        parsed.format = "FHIR"
        for entry in pending:
            _feed_entry(reader, entry)
        if parsed.dated_on is None:
            parsed.dated_on = fhir_date(head.get("timestamp"))
    else:
        parsed.format = "FHIR"
        reader.feed(head)
    if not parsed.title:
        parsed.title = f"Health record imported from {parsed.filename}"
    return reader.finish()


def _feed_entry(reader: FhirReader, entry: Any) -> None:
    if isinstance(entry, dict):
        reader.feed(entry.get("resource"), entry.get("fullUrl"))


def read_ndjson(path: Path, parsed: ParsedFile, progress: Progress | None = None
                ) -> ParsedFile:
    """Bulk NDJSON: one resource per line, read line by line."""
    reader = FhirReader(parsed)
    parsed.format = "FHIR NDJSON"
    size = max(path.stat().st_size, 1)
    read = 0
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(_lines(handle), start=1):
            read += len(line)
            if not line.strip():
                continue
            try:
                resource = json_loads(line)
            except json.JSONDecodeError as exc:
                raise malformed(parsed.filename, "NDJSON",
                                f"line {number}: {exc.msg}") from None
            except UnicodeDecodeError:
                raise malformed(parsed.filename, "NDJSON", "it is not UTF-8 text") from None
            if not isinstance(resource, dict) or "resourceType" not in resource:
                raise unrecognised(parsed.filename)
            reader.feed(resource)
            if number % 500 == 0 and progress is not None:
                progress.step(read, size, "Reading")
    parsed.title = f"Health record imported from {parsed.filename}"
    return reader.finish()


def _lines(handle: Iterable[str]) -> Iterator[str]:
    try:
        yield from handle
    except UnicodeDecodeError:
        raise malformed("the file", "NDJSON", "it is not UTF-8 text") from None


def looks_like_ndjson(path: Path) -> bool:
    """True for a file of one JSON object per line (checked on its first two lines)."""
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        return True
    with open(path, "rb") as handle:
        first = handle.readline(1_000_000)
        if not first.endswith(b"\n"):
            return False
        second = b""
        while not second.strip():
            second = handle.readline(1_000_000)
            if not second:
                return False
    try:
        return isinstance(json_loads(first), dict) and second.lstrip().startswith(b"{")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
