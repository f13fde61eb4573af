"""Reading C-CDA XML (CCD, referral, consultation, operative and imaging notes, discharge
summaries, and the older C32/HITSP documents) into the organizer's items.

Sections are found by their LOINC code, with their templateId as a fallback; entries are
read by their template where it is there and by their shape where it is not, because
real exports often get templates, codes and `xsi:type`s slightly wrong. A section whose
entries cannot be read (or that holds only narrative: an assessment, an operative
finding, a medication list typed as text) keeps its narrative as a record, so nothing
the doctor wrote is lost. "No known" statements (negationInd, nullFlavor, the No Known
Allergies codes) never become an item.

The file is read as a stream: each top-level section is handled when it ends and then
cleared, so a large document is never held whole in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from organizer.errors import ValidationError
from organizer.interop import codes, sig
from organizer.interop.parsed import ParsedFile, Proposed
from organizer.interop.patient import provider_key
from organizer.interop.refusals import unrecognised
from organizer.interop.xmlsafe import Element, UnboundPrefix, iterparse, local
from organizer.items.validation import check_date
from organizer.progress import Progress

_T = "2.16.840.1.113883.10.20."
# section kind -> (LOINC codes, template roots: C-CDA R1.1/R2 and the older C32/HITSP)
SECTIONS: dict[str, tuple[set[str], set[str]]] = {
    "problems": ({"11450-4"}, {_T + "22.2.5", _T + "22.2.5.1", _T + "1.11"}),
    "allergies": ({"48765-2"}, {_T + "22.2.6", _T + "22.2.6.1", _T + "1.2"}),
    "medications": ({"10160-0"}, {_T + "22.2.1", _T + "22.2.1.1", _T + "1.8"}),
    "immunizations": ({"11369-6"}, {_T + "22.2.2", _T + "22.2.2.1", _T + "1.6"}),
    "procedures": ({"47519-4"}, {_T + "22.2.7", _T + "22.2.7.1", _T + "1.12"}),
    "results": ({"30954-2"}, {_T + "22.2.3", _T + "22.2.3.1", _T + "1.14"}),
    "vitals": ({"8716-3"}, {_T + "22.2.4", _T + "22.2.4.1", _T + "1.16"}),
    "encounters": ({"46240-8"}, {_T + "22.2.22", _T + "22.2.22.1", _T + "1.3"}),
}
# Entry templates (C-CDA, then C32) of the observations that carry the item itself.
PROBLEM_OBS = {_T + "22.4.4", _T + "1.28"}
ALLERGY_OBS = {_T + "22.4.7", _T + "1.18"}
REACTION_OBS = {_T + "22.4.9", _T + "1.54"}
SEVERITY_OBS = {_T + "22.4.8", _T + "1.55"}
STATUS_OBS = {_T + "22.4.6", _T + "1.50", _T + "22.4.28", _T + "1.39", _T + "1.57"}
INSTRUCTIONS = {_T + "22.4.147", _T + "22.4.20", _T + "1.49"}
ENCOUNTER_DIAGNOSIS = {_T + "22.4.80"}
INDICATION = {_T + "22.4.19"}

# Document type (LOINC) -> the record kind its narrative sections are kept as.
DOCUMENT_KINDS = {
    "11504-8": "operative", "34137-0": "operative", "28570-0": "operative",
    "18748-4": "imaging", "11488-4": "clinic_note", "11506-3": "clinic_note",
    "34117-2": "clinic_note", "57133-1": "letter", "57113-1": "letter",
    "18842-5": "discharge", "11526-1": "pathology", "34133-9": "imported",
}
NPI_ROOT = "2.16.840.1.113883.4.6"  # the US National Provider Identifier
_NEGATED_ALLERGY_VALUES = {"419199007", "416098002", "414285001", "420134006", "418038007",
                           "419511003", "418471000", "235719002", "ASSERTION"}


# -- element helpers ----------------------------------------------------------------------


def kids(element: Element | None, name: str) -> list[Element]:
    return [c for c in element if local(c.tag) == name] if element is not None else []


def kid(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def path(element: Element | None, steps: str) -> Element | None:
    for step in steps.split("/"):
        element = kid(element, step)
    return element


def descendants(element: Element, name: str) -> Iterator[Element]:
    return (e for e in element.iter() if local(e.tag) == name)


def templates(element: Element) -> set[str]:
    return {t.get("root", "") for t in kids(element, "templateId")}


def negated(element: Element) -> bool:
    return str(element.get("negationInd", "")).lower() == "true"


def xsi_type(element: Element) -> str:
    for key, value in element.attrib.items():
        if local(key) == "type":
            return value.split(":")[-1].upper()
    return ""


def hl7_date(value: str | None) -> str | None:
    """"20130607160506-0500" -> "2013-06-07"; a year or a year and month are kept."""
    digits = re.match(r"^\s*(\d{4,})", value or "")
    if not digits:
        return None
    text = digits.group(1)
    if len(text) >= 8:
        out = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    elif len(text) >= 6:
        out = f"{text[:4]}-{text[4:6]}"
    else:
        out = text[:4]
    try:
        return check_date(out)
    except ValidationError:
        return check_date(out[:4]) if out[:4].isdigit() and int(out[:4]) > 1850 else None


def hl7_datetime(value: str | None) -> str | None:
    day = hl7_date(value)
    text = re.match(r"^\s*(\d+)", value or "")
    if day and text and len(text.group(1)) >= 12 and len(day) == 10:
        hh, mm = text.group(1)[8:10], text.group(1)[10:12]
        if int(hh) < 24 and int(mm) < 60:
            return f"{day} {hh}:{mm}"
    return day


def times(element: Element | None) -> tuple[str | None, str | None]:
    """(start, end) raw values of an effectiveTime (a value, or low and high)."""
    if element is None:
        return None, None
    if element.get("value"):
        return element.get("value"), None
    low = kid(element, "low")
    high = kid(element, "high")
    center = kid(element, "center")
    start = (low.get("value") if low is not None else None) or (
        center.get("value") if center is not None else None)
    return start, high.get("value") if high is not None else None


def person_name(element: Element | None) -> str | None:
    """An HL7 name: prefix, given, family, suffix (or its plain text)."""
    if element is None:
        return None
    parts = [" ".join((c.text or "").split()) for c in element
             if local(c.tag) in ("prefix", "given", "family", "suffix")]
    text = " ".join(p for p in parts if p)
    if not text:
        text = " ".join("".join(element.itertext()).split())
    return text or None


def telecoms(element: Element | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in kids(element, "telecom"):
        value = item.get("value") or ""
        if value.startswith("tel:"):
            found.setdefault("phone", value[4:].strip())
        elif value.startswith("fax:"):
            found.setdefault("fax", value[4:].strip())
        elif value.startswith("mailto:"):
            found.setdefault("email", value[7:].strip())
    return found


def postal(element: Element | None) -> str | None:
    addr = kid(element, "addr")
    if addr is None:
        return None
    lines = [" ".join((c.text or "").split()) for c in kids(addr, "streetAddressLine")]
    place = " ".join(" ".join((kid(addr, k).text or "").split()) for k in  # type: ignore[union-attr]
                     ("postalCode", "city") if kid(addr, k) is not None)
    rest = [" ".join((kid(addr, k).text or "").split()) for k in  # type: ignore[union-attr]
            ("state", "country") if kid(addr, k) is not None]
    tail = ", ".join(x for x in (place.strip(), *rest) if x)
    text = "\n".join(x for x in (*lines, tail) if x).strip()
    return text or None


# -- narrative ----------------------------------------------------------------------------

_BLOCKS = {"paragraph", "br", "tr", "item", "list", "table", "caption", "thead", "tbody",
           "tfoot"}


def narrative_text(element: Element | None) -> str:
    """A section's narrative block as plain text: one line per paragraph, row or item."""
    if element is None:
        return ""
    out: list[str] = []

    def walk(node: Element) -> None:
        name = local(node.tag)
        if name in _BLOCKS:
            out.append("\n")
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
            if local(child.tag) in ("td", "th"):
                out.append(" | ")
            if child.tail:
                out.append(child.tail)
        if name in _BLOCKS:
            out.append("\n")

    walk(element)
    lines = [" ".join(line.split()).strip(" |") for line in "".join(out).splitlines()]
    return "\n".join(line for line in lines if line)


def narrative_ids(element: Element | None) -> dict[str, str]:
    """Every element of the narrative with an ID, as its text (what entries refer to)."""
    found: dict[str, str] = {}
    if element is None:
        return found
    for node in element.iter():
        ident = node.get("ID")
        if ident:
            found[ident] = narrative_text(node) or " ".join("".join(node.itertext()).split())
    return found


# Column headings of a medication table that hold how the medicine is taken (as whole
# words: "Signed by" is no sig), in English and Spanish.
_SIG_HEADING = re.compile(r"\b(sig|directions?|instructions?|how to take|dosage|"
                          r"posolog[íi]a|instrucci[óo]n(es)?|modo de (uso|empleo))\b")


@dataclass
class Row:
    """One row of a narrative table: its cells by heading, and every ID inside it."""

    cells: dict[str, str]
    first: str
    ids: set[str]
    own_id: str | None = None

    def sig(self) -> str | None:
        """The row's "Directions" (or "Sig", "Instructions", "Dosage"…) cell, if any."""
        for heading, text in self.cells.items():
            if text and _SIG_HEADING.search(heading):
                return text
        return None


def narrative_rows(element: Element | None) -> list[Row]:
    """The body rows of every table in a narrative block, each with its headings."""
    rows: list[Row] = []
    if element is None:
        return rows
    for table in descendants(element, "table"):
        headings: list[str] = []
        for tr in descendants(table, "tr"):
            cells = [c for c in tr if local(c.tag) in ("td", "th")]
            if cells and all(local(c.tag) == "th" for c in cells):
                headings = [" ".join("".join(c.itertext()).split()).lower() for c in cells]
                continue
            texts = [narrative_text(c) or " ".join("".join(c.itertext()).split())
                     for c in cells]
            if not any(texts):
                continue
            named = {(headings[i] if i < len(headings) else str(i)): t
                     for i, t in enumerate(texts)}
            ids = {str(n.get("ID")) for n in tr.iter() if n.get("ID")}
            rows.append(Row(named, texts[0] if texts else "", ids, tr.get("ID")))
    return rows


_ROWS_COMPARED = 300
_WORD = re.compile(r"[^\W\d_]{4,}")


def words(text: str | None) -> set[str]:
    """The longer words of a name, casefolded: what a drug's name and a row share."""
    return {w.casefold() for w in _WORD.findall(text or "")}


# -- the reader -----------------------------------------------------------------------------


class _Section:
    """One section being read: its narrative, and what its entries gave."""

    def __init__(self, element: Element) -> None:
        self.element = element
        self.text = kid(element, "text")
        self.ids = narrative_ids(self.text)
        self.items: list[Proposed] = []
        self.said_none = False
        self._rows: list[Row] | None = None
        self._row_of: dict[str, Row] = {}

    @property
    def rows(self) -> list[Row]:
        """The narrative's table rows, read the first time an entry asks for them."""
        if self._rows is None:
            self._rows = narrative_rows(self.text)
            self._row_of = {i: row for row in self._rows for i in row.ids}
        return self._rows

    def row_for(self, element: Element | None, name: str | None) -> Row | None:
        """The narrative row an entry describes: the one its `<reference>` points into,
        else the only one naming the same drug. Never a guess by position: another
        drug's directions would be worse than none. (Names are compared only in tables
        of a size a person reads, so a huge export is not compared row by row.)"""
        rows = self.rows
        if not rows:
            return None
        if element is not None:
            for ref in descendants(element, "reference"):
                found = self._row_of.get((ref.get("value") or "").removeprefix("#"))
                if found is not None:
                    return found
        wanted = words(name)
        if wanted and len(rows) <= _ROWS_COMPARED:
            scored = [(len(wanted & words(r.first)), n) for n, r in enumerate(rows)]
            best, number = max(scored)
            if best and [s for s, _ in scored].count(best) == 1:
                return rows[number]
        return None

    def refer(self, element: Element | None) -> str | None:
        """The narrative text an element points at (`<reference value="#x"/>`), or its own."""
        if element is None:
            return None
        ref = kid(element, "reference")
        if ref is not None and (ref.get("value") or "").startswith("#"):
            found = self.ids.get((ref.get("value") or "")[1:])
            if found:
                return found
        own = " ".join("".join(element.itertext()).split())
        return own or None

    def coded(self, element: Element | None) -> tuple[str | None, str | None, str | None]:
        """(name, code, system) of a code or value element, tolerant of nullFlavors."""
        if element is None:
            return None, None, None
        code = element.get("code") if not element.get("nullFlavor") else None
        system = codes.short_system(element.get("codeSystem")) or element.get("codeSystemName")
        name = element.get("displayName")
        if not name:
            original = kid(element, "originalText")
            name = self.refer(original) if original is not None else None
        translations = kids(element, "translation")
        if not code and translations:
            first = translations[0]
            code = first.get("code")
            system = codes.short_system(first.get("codeSystem")) or first.get("codeSystemName")
            name = name or first.get("displayName")
        if not name and element.text and element.text.strip():
            name = " ".join(element.text.split())
        if not code:
            system = None
        if name:
            name = " ".join(name.split())
        return name or None, code, system

    def says_none(self, element: Element | None) -> bool:
        if element is None:
            return False
        if codes.says_none(element.get("code")):
            return True
        return any(codes.says_none(t.get("code")) for t in kids(element, "translation"))


class CcdaReader:
    """Reads one C-CDA document, section by section."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.doc_code: str | None = None
        self.counter = 0
        self.today = date.today().isoformat()
        self.team: dict[str, Proposed] = {}  # NPI or folded name -> the care-team member
        self.reasons: dict[str, tuple[str | None, str | None]] = {}  # medication -> why
        self.visit_diagnoses: set[str] = set()  # keys of conditions read from visits

    def _key(self) -> str:
        self.counter += 1
        return f"c{self.counter}"

    def _add(self, section: _Section, type_name: str, values: dict[str, Any]) -> Proposed:
        clean = {k: v for k, v in values.items() if v not in (None, "")}
        item = Proposed(type_name, clean, key=self._key())
        section.items.append(item)
        return item

    # the document header -------------------------------------------------------------

    def header(self, element: Element) -> None:
        name = local(element.tag)
        if name == "code":
            self.doc_code = element.get("code")
        elif name == "title":
            self.parsed.title = " ".join("".join(element.itertext()).split())
        elif name == "effectiveTime":
            self.parsed.dated_on = hl7_date(element.get("value"))
        elif name == "recordTarget":
            self._patient(element)
        elif name == "author":
            author = kid(element, "assignedAuthor")
            who = person_name(path(author, "assignedPerson/name"))
            org = path(author, "representedOrganization/name")
            org_name = " ".join("".join(org.itertext()).split()) if org is not None else None
            if not self.parsed.source:
                self.parsed.source = ", ".join(x for x in (who, org_name) if x) or None
            self.care_team(author)
        elif name == "custodian":  # the practice or exchange that keeps the record
            self.care_team(path(element, "assignedCustodian/representedCustodianOrganization"),
                           organization=True)
        elif name in ("documentationOf", "componentOf"):
            for performer in descendants(element, "performer"):
                function = kid(performer, "functionCode")
                self.care_team(kid(performer, "assignedEntity"), role="primary_care" if (
                    function is not None and function.get("code") == "PCP") else None)
            for participant in descendants(element, "encounterParticipant"):
                self.care_team(kid(participant, "assignedEntity"))
            for party in descendants(element, "responsibleParty"):
                self.care_team(kid(party, "assignedEntity"))

    def _patient(self, element: Element) -> None:
        role = kid(element, "patientRole")
        patient = kid(role, "patient")
        if patient is None:
            return
        gender = kid(patient, "administrativeGenderCode")
        sex = {"F": "female", "M": "male", "UN": "other"}.get(
            gender.get("code", "") if gender is not None else "")
        birth = kid(patient, "birthTime")
        values = {"full_name": person_name(kid(patient, "name")),
                  "birth_date": hl7_date(birth.get("value") if birth is not None else None),
                  "sex": sex, "address": postal(role), **telecoms(role)}
        values.pop("fax", None)
        self.parsed.person.update({k: v for k, v in values.items() if v})

    def care_team(self, entity: Element | None, *, role: str | None = None,
                  organization: bool = False) -> str | None:
        """Add who an entity names (a person, or with `organization` an organization) to
        the care team, and give its key. The same person named twice in one document (by
        NPI, or by name without titles) is one member, completed from both mentions."""
        if entity is None:
            return None
        org: Element | None = entity if organization else kid(entity, "representedOrganization")
        name = None if organization else person_name(path(entity, "assignedPerson/name"))
        org_el = kid(org, "name")
        facility = " ".join("".join(org_el.itertext()).split()) if org_el is not None else None
        name = name or (facility if organization else None)
        if not name:
            return None
        npi = next((i.get("extension") for i in kids(entity, "id")
                    if i.get("root") == NPI_ROOT and i.get("extension")), None)
        specialty = kid(entity, "code")
        values = {"name": name, "role": role or ("other" if organization else None),
                  "facility": facility, "address": postal(entity) or postal(org),
                  "specialty": None if organization or specialty is None else
                  specialty.get("displayName"),
                  "notes": f"NPI {npi}" if npi else None,
                  **telecoms(org), **telecoms(entity)}
        values = {k: v for k, v in values.items() if v}
        kind = "organization" if organization else "person"  # examples reuse one NPI
        identities = [f"name:{provider_key(name)}"] + ([f"npi:{kind}:{npi}"] if npi else [])
        known = next((self.team[i] for i in identities if i in self.team), None)
        if known is None:
            known = Proposed("provider", values, key=self._key())
            self.parsed.items.append(known)
        else:
            for field_name, value in values.items():
                if not known.values.get(field_name):
                    known.values[field_name] = value
        for identity in identities:
            self.team.setdefault(identity, known)
        return known.key

    # sections ------------------------------------------------------------------------

    def section(self, element: Element) -> None:
        section = _Section(element)
        kind = self._kind_of(element)
        readers: dict[str, Callable[[_Section, Element], None]] = {
            "problems": self._problem, "allergies": self._allergy,
            "medications": self._medication, "immunizations": self._immunization,
            "procedures": self._procedure, "results": self._results,
            "vitals": self._results, "encounters": self._encounter}
        if kind in readers:
            for entry in kids(element, "entry"):
                try:
                    readers[kind](section, entry)
                except (ValueError, KeyError, TypeError, AttributeError):
                    self.parsed.skipped["entries that could not be read"] += 1
        self.parsed.items.extend(section.items)
        if not section.items and not section.said_none:
            self._keep_narrative(section, kind)
        for component in kids(element, "component"):  # sub-sections
            for sub in kids(component, "section"):
                self.section(sub)

    def _kind_of(self, element: Element) -> str | None:
        code = kid(element, "code")
        loinc = code.get("code") if code is not None else None
        found = templates(element)
        for kind, (loincs, _) in SECTIONS.items():
            if loinc in loincs:
                return kind
        for kind, (_, roots) in SECTIONS.items():
            if found & roots:
                return kind
        return None

    def _keep_narrative(self, section: _Section, kind: str | None) -> None:
        text = narrative_text(section.text)
        if not text:
            return
        title_el = kid(section.element, "title")
        title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
        if not title:
            title = self.parsed_code_name(section.element) or "Notes"
        title = title[:1].upper() + title[1:].lower() if title.isupper() else title
        document = self.parsed.title or self.parsed.filename
        record_kind = "lab" if kind in ("results", "vitals") else DOCUMENT_KINDS.get(
            self.doc_code or "", "imported")
        self.parsed.items.append(Proposed("record", {k: v for k, v in {
            "title": f"{title} — {document}", "kind": record_kind,
            "dated_on": self.parsed.dated_on, "source": self.parsed.source,
            "description": text}.items() if v}, key=self._key()))

    @staticmethod
    def parsed_code_name(element: Element) -> str | None:
        code = kid(element, "code")
        return code.get("displayName") if code is not None else None

    # entries -------------------------------------------------------------------------

    def _problem(self, section: _Section, entry: Element) -> None:
        found = [o for o in descendants(entry, "observation") if templates(o) & PROBLEM_OBS]
        if not found:
            found = [o for o in descendants(entry, "observation")
                     if kid(o, "value") is not None and not templates(o) & STATUS_OBS][:1]
        concern = next(iter(entry), None)
        for obs in found:
            self._condition(section, obs, concern)

    def _condition(self, section: _Section, obs: Element, concern: Element | None
                   ) -> Proposed | None:
        """A problem observation as a condition: its name, onset, resolution and status
        (from its status observation, its end date or its concern act)."""
        value = kid(obs, "value")
        if negated(obs) or section.says_none(value):
            section.said_none = True
            return None
        name, code, system = section.coded(value)
        name = name or section.refer(kid(obs, "text"))
        if not name:
            self.parsed.skipped["problems without a name"] += 1
            return None
        start, end = times(kid(obs, "effectiveTime"))
        status = "confirmed"
        for status_obs in descendants(obs, "observation"):
            if templates(status_obs) & STATUS_OBS:
                word = (section.coded(kid(status_obs, "value"))[0] or "").lower()
                if "resolved" in word or "inactive" in word:
                    status = "resolved"
        concern_status = path(concern, "statusCode") if concern is not None and local(
            concern.tag) == "act" else None
        if hl7_date(end) or (concern_status is not None and
                             concern_status.get("code") == "completed"):
            status = "resolved"
        notes = f"Resolved on {hl7_date(end)}." if hl7_date(end) else None
        return self._add(section, "condition", {
            "name": name, "code": code, "code_system": system, "status": status,
            "diagnosed_on": hl7_date(start), "notes": notes})

    def _allergy(self, section: _Section, entry: Element) -> None:
        found = [o for o in descendants(entry, "observation") if templates(o) & ALLERGY_OBS]
        if not found:
            found = [o for o in descendants(entry, "observation")
                     if kid(o, "participant") is not None][:1]
        for obs in found:
            value = kid(obs, "value")
            substance_code = path(obs, "participant/participantRole/playingEntity/code")
            if negated(obs):
                section.said_none = True
                if value is None or value.get("code") in _NEGATED_ALLERGY_VALUES or \
                        codes.says_no_allergy(value.get("code")):
                    self.parsed.no_known_allergies = True
                continue
            if value is not None and codes.says_no_allergy(value.get("code")):
                section.said_none = True
                self.parsed.no_known_allergies = True
                continue
            name, code, system = section.coded(substance_code)
            if not name:
                entity_name = path(obs, "participant/participantRole/playingEntity/name")
                name = " ".join("".join(entity_name.itertext()).split()) if (
                    entity_name is not None) else None
            if not name:
                self.parsed.skipped["allergies without a substance"] += 1
                continue
            reactions: list[str] = []
            severity = own_severity = None
            inactive = False
            for relation in kids(obs, "entryRelationship"):
                for inner in kids(relation, "observation"):
                    if templates(inner) & SEVERITY_OBS and own_severity is None:
                        own_severity = section.coded(kid(inner, "value"))[0]
            for inner in descendants(obs, "observation"):
                if inner is obs:
                    continue
                if templates(inner) & REACTION_OBS:
                    shown = section.coded(kid(inner, "value"))[0]
                    how_bad = next((section.coded(kid(o, "value"))[0] for o in descendants(
                        inner, "observation") if templates(o) & SEVERITY_OBS), None)
                    if shown and how_bad and own_severity and \
                            how_bad.lower() != own_severity.lower():
                        shown = f"{shown} ({how_bad.lower()})"  # worse than the allergy's
                    if shown and shown not in reactions:
                        reactions.append(shown)
                elif templates(inner) & SEVERITY_OBS and severity is None:
                    severity = section.coded(kid(inner, "value"))[0]
                elif templates(inner) & STATUS_OBS:
                    word = (section.coded(kid(inner, "value"))[0] or "").lower()
                    inactive = inactive or "inactive" in word or "resolved" in word
            severity = own_severity or severity
            start, end = times(kid(obs, "effectiveTime"))
            ended = hl7_date(end)
            notes = None
            if inactive or ended:
                notes = f"No longer active (since {ended})." if ended else "No longer active."
            self._add(section, "allergy", {
                "substance": name, "code": code, "code_system": system,
                "reaction": ", ".join(reactions) or None,
                "severity": severity.lower() if severity else None,
                "noted_on": hl7_date(start), "notes": notes})

    def _drug(self, section: _Section, administration: Element
              ) -> tuple[str | None, str | None, str | None, bool]:
        product = path(administration, "consumable/manufacturedProduct")
        material = kid(product, "manufacturedMaterial")
        if material is None:
            material = kid(product, "manufacturedLabeledDrug")
        code = kid(material, "code")
        none = section.says_none(code)
        name, code_value, system = section.coded(code)
        if not name:
            named = kid(material, "name")
            name = " ".join("".join(named.itertext()).split()) if named is not None else None
        return name, code_value, system, none

    def _medication(self, section: _Section, entry: Element) -> None:
        for sa in kids(entry, "substanceAdministration"):
            name, code, system, none = self._drug(section, sa)
            if negated(sa) or none:
                section.said_none = True
                continue
            free_sig = told = None
            for inner in descendants(sa, "substanceAdministration"):
                if inner is not sa and templates(inner) & INSTRUCTIONS:
                    free_sig = free_sig or section.refer(kid(inner, "text"))
            for act in descendants(sa, "act"):
                if templates(act) & INSTRUCTIONS:
                    told = told or section.refer(kid(act, "text"))
            row = section.row_for(kid(sa, "text"), name)
            own_text = self._own_text(section, sa, row)
            if not name:  # a medication known only by its words: "Drug X, take one…"
                line = free_sig or own_text
                if line:
                    name, free_sig = sig.split_name(line)
                    own_text = None if own_text == line else own_text
                    if len(name) > 120:
                        name = name[:117] + "…"
            if not name:
                self.parsed.skipped["medications without a name"] += 1
                continue
            said = [sig.without_name(t, name) for t in (
                free_sig, own_text, row.sig() if row else None, told)]
            instructions = "\n".join(dict.fromkeys(t for t in said if t)) or None
            values = self._dosing(section, sa)
            status = kid(sa, "statusCode")
            stopped = values["stopped_on"]
            active = not (status is not None and status.get("code") in (
                "completed", "aborted", "cancelled", "nullified", "obsolete")) and not (
                stopped and stopped < self.today)
            item = self._add(section, "medication", {
                "name": name, "code": code, "code_system": system, **values,
                "instructions": instructions, "active": active})
            prescriber = self._prescriber(sa)
            if prescriber:
                item.links["prescriber_id"] = prescriber
            reason = self._indication(section, sa)
            if reason:
                self.reasons[item.key] = reason

    def _own_text(self, section: _Section, sa: Element, row: Row | None) -> str | None:
        """The entry's own `<text>`: what it points at in the narrative, or what it says.
        A reference to a whole table row gives that row's first cell, not every column."""
        text = kid(sa, "text")
        if text is None:
            return None
        ref = kid(text, "reference")
        target = (ref.get("value") or "").removeprefix("#") if ref is not None else ""
        if row is not None and target and target == row.own_id:
            return row.first or None
        return section.refer(text)

    def _dosing(self, section: _Section, sa: Element) -> dict[str, Any]:
        """Dose, how often (in words), route and dates of a medication activity."""
        start = end = None
        often: list[str | None] = []
        schedules: list[Element] = []
        for eff in kids(sa, "effectiveTime"):
            schedules.extend([eff, *(c for c in descendants(eff, "comp") if c is not eff)])
        for eff in schedules:
            kind = xsi_type(eff)
            if kind == "PIVL_TS":
                period = kid(eff, "period")
                if period is not None:
                    often.append(sig.every(period.get("value"), period.get("unit")))
            elif kind == "EIVL_TS":
                found = kid(eff, "event")
                if found is not None:
                    often.append(sig.event(found.get("code")) or found.get("displayName"))
            elif kind in ("", "IVL_TS", "TS") and local(eff.tag) == "effectiveTime":
                start, end = times(eff)
        for precondition in kids(sa, "precondition"):
            criterion = kid(precondition, "criterion")
            reason = section.coded(kid(criterion, "value"))[0] or section.refer(
                kid(criterion, "text"))
            often.append(sig.as_needed(reason))
        form = kid(sa, "administrationUnitCode")
        form_name = form.get("displayName") if form is not None else None
        dose_el = kid(sa, "doseQuantity")
        dose = None
        if dose_el is not None and not dose_el.get("nullFlavor"):
            low, high = kid(dose_el, "low"), kid(dose_el, "high")
            if dose_el.get("value"):
                dose = sig.dose(dose_el.get("value"), dose_el.get("unit"), form_name)
            elif low is not None or high is not None:
                unit = (low if low is not None else high).get("unit")  # type: ignore[union-attr]
                dose = sig.dose_range(low.get("value") if low is not None else None,
                                      high.get("value") if high is not None else None,
                                      unit, form_name)
        route = section.coded(kid(sa, "routeCode"))[0]
        if route:
            route = re.sub(r"\s+route of administration$", "", route, flags=re.I)
        return {"dose": dose, "frequency": sig.joined(*often), "route": route,
                "started_on": hl7_date(start), "stopped_on": hl7_date(end)}

    def _prescriber(self, sa: Element) -> str | None:
        """The key of who prescribed it: the activity's author, its order's author, or a
        named performer, added to the care team (once, however often it is named)."""
        candidates = [a for a in kids(sa, "author")]
        for relation in kids(sa, "entryRelationship"):
            for supply in kids(relation, "supply"):
                if supply.get("moodCode") == "INT":
                    candidates.extend(kids(supply, "author"))
        for author in candidates:
            key = self.care_team(kid(author, "assignedAuthor"))
            if key:
                return key
        for performer in kids(sa, "performer"):
            entity = kid(performer, "assignedEntity")
            if path(entity, "assignedPerson/name") is not None:
                key = self.care_team(entity)
                if key:
                    return key
        return None

    def _indication(self, section: _Section, sa: Element
                    ) -> tuple[str | None, str | None] | None:
        """(code, name) of what the medicine is for, when the entry says."""
        for relation in kids(sa, "entryRelationship"):
            if relation.get("typeCode") != "RSON":
                continue
            for obs in kids(relation, "observation"):
                name, code, _ = section.coded(kid(obs, "value"))
                if name or code:
                    return code, name
        return None

    def _immunization(self, section: _Section, entry: Element) -> None:
        for sa in kids(entry, "substanceAdministration"):
            name, code, system, none = self._drug(section, sa)
            if negated(sa) or none:
                section.said_none = True
                continue
            if not name:
                self.parsed.skipped["immunizations without a vaccine name"] += 1
                continue
            start, _ = times(kid(sa, "effectiveTime"))
            self._add(section, "immunization", {"vaccine": name, "code": code,
                                                "code_system": system,
                                                "given_on": hl7_date(start)})

    def _procedure(self, section: _Section, entry: Element) -> None:
        for element in entry:
            if local(element.tag) not in ("procedure", "observation", "act"):
                continue
            if negated(element):
                section.said_none = True
                continue
            name, code, system = section.coded(kid(element, "code"))
            name = name or section.refer(kid(element, "text"))
            if not name:
                self.parsed.skipped["procedures without a name"] += 1
                continue
            start, _ = times(kid(element, "effectiveTime"))
            entity = path(element, "performer/assignedEntity")
            performer = person_name(path(entity, "assignedPerson/name"))
            if not performer:
                org = path(entity, "representedOrganization/name")
                performer = " ".join("".join(org.itertext()).split()) if org is not None \
                    else None
            self._add(section, "procedure", {"name": name, "code": code,
                                             "code_system": system,
                                             "performed_on": hl7_date(start),
                                             "performer": performer})

    def _results(self, section: _Section, entry: Element) -> None:
        organizer = kid(entry, "organizer")
        observations = kids(entry, "observation")
        fallback_date = panel = None
        if organizer is not None:
            fallback_date = times(kid(organizer, "effectiveTime"))[0]
            panel = section.coded(kid(organizer, "code"))[0]
            if panel and "vital" in panel.lower():  # every vital sign is one, says nothing
                panel = None
            for component in kids(organizer, "component"):
                observations.extend(kids(component, "observation"))
        for obs in observations:
            if negated(obs):
                continue
            name, code, system = section.coded(kid(obs, "code"))
            name = name or section.refer(kid(obs, "text"))
            if not name:
                self.parsed.skipped["results without a name"] += 1
                continue
            value, unit, notes = self._value(section, kid(obs, "value"))
            if value is None and notes is None:  # no coded value: what the report says
                value = self._narrative_value(section, obs, name)
            interpretation = kid(obs, "interpretationCode")
            flag = None
            if interpretation is not None:
                flag = codes.INTERPRETATIONS.get((interpretation.get("code") or "").upper()) or (
                    interpretation.get("displayName") or "").lower() or None
            start, _ = times(kid(obs, "effectiveTime"))
            part = f"Part of: {panel}" if panel and panel != name else None
            self._add(section, "result", {
                "name": name, "value": value, "unit": unit,
                "reference_range": self._range(section, obs), "flag": flag,
                "observed_on": hl7_date(start) or hl7_date(fallback_date), "code": code,
                "code_system": system, "notes": "\n".join(x for x in (part, notes) if x) or None})

    @staticmethod
    def _narrative_value(section: _Section, obs: Element, name: str) -> str | None:
        """The value the section's table shows for a result the entry gives no value
        ("Pending", "see report"): the row the entry points to, or the one naming it."""
        row = section.row_for(kid(obs, "text"), name)
        if row is None or words(row.first) != words(name):
            return None
        for heading, text in list(row.cells.items())[1:]:
            if text and ("value" in heading or "result" in heading):
                return text if len(text) <= 80 else None
        return None

    def _value(self, section: _Section, value: Element | None
               ) -> tuple[str | None, str | None, str | None]:
        """(value, unit, notes) of an observation's value, for every common xsi:type."""
        if value is None or value.get("nullFlavor"):
            return None, None, None
        kind = xsi_type(value)
        if kind == "IVL_PQ":
            low, high = kid(value, "low"), kid(value, "high")
            low_v = low.get("value") if low is not None else None
            high_v = high.get("value") if high is not None else None
            unit = (low.get("unit") if low is not None else None) or (
                high.get("unit") if high is not None else None)
            if low_v and high_v:
                return f"{low_v}–{high_v}", unit, None
            if low_v:
                inclusive = (low.get("inclusive") or "true").lower() != "false"  # type: ignore[union-attr]
                return f"{'≥' if inclusive else '>'}{low_v}", unit, None
            if high_v:
                inclusive = (high.get("inclusive") or "true").lower() != "false"  # type: ignore[union-attr]
                return f"{'≤' if inclusive else '<'}{high_v}", unit, None
            return None, None, None
        if value.get("value") is not None:
            unit = value.get("unit")
            return value.get("value"), (unit if unit and unit != "1" else None), None
        if kind in ("CD", "CE", "CO", "CV") or value.get("code") or value.get("displayName"):
            return section.coded(value)[0], None, None
        text = section.refer(value)
        if text and (kind == "ED" or len(text) > 80):
            return None, None, text
        return text, None, None

    def _range(self, section: _Section, obs: Element) -> str | None:
        ranges = [r for r in descendants(obs, "observationRange")]
        normal = next((r for r in ranges if (path(r, "interpretationCode") is not None and
                                             path(r, "interpretationCode").get("code") == "N")),  # type: ignore[union-attr]
                      ranges[0] if ranges else None)
        if normal is None:
            return None
        value = kid(normal, "value")
        if value is not None:
            low, high = kid(value, "low"), kid(value, "high")
            low_v = low.get("value") if low is not None else None
            high_v = high.get("value") if high is not None else None
            unit = (low.get("unit") if low is not None else None) or (
                high.get("unit") if high is not None else None)
            unit_text = f" {unit}" if unit and unit != "1" else ""
            if low_v and high_v:
                return f"{low_v}–{high_v}{unit_text}"
            if low_v:
                return f"≥ {low_v}{unit_text}"
            if high_v:
                return f"≤ {high_v}{unit_text}"
        return section.refer(kid(normal, "text"))

    def _encounter(self, section: _Section, entry: Element) -> None:
        for encounter in kids(entry, "encounter"):
            start, _ = times(kid(encounter, "effectiveTime"))
            when = hl7_datetime(start)
            if not when:
                self.parsed.skipped["visits without a date"] += 1
                continue
            purpose = section.coded(kid(encounter, "code"))[0] or section.refer(
                kid(encounter, "text"))
            location = None
            for participant in kids(encounter, "participant"):
                if participant.get("typeCode") == "LOC":
                    named = path(participant, "participantRole/playingEntity/name")
                    location = " ".join("".join(named.itertext()).split()) if (
                        named is not None) else None
            entity = path(encounter, "performer/assignedEntity")
            who = person_name(path(entity, "assignedPerson/name"))
            diagnoses, reasons = self._visit_diagnoses(section, encounter)
            notes = [f"With {who}." if who else None,
                     f"Diagnosis: {'; '.join(diagnoses)}." if diagnoses else None,
                     f"Reason: {'; '.join(reasons)}." if reasons else None]
            mood = encounter.get("moodCode", "EVN")
            item = self._add(section, "visit", {
                "scheduled_at": when, "purpose": purpose, "location": location,
                "status": "done" if mood == "EVN" else "planned",
                "notes": " ".join(n for n in notes if n) or None})
            doctor = self.care_team(entity) if who else None
            if doctor:
                item.links["provider_id"] = doctor

    def _visit_diagnoses(self, section: _Section, encounter: Element
                         ) -> tuple[list[str], list[str]]:
        """The visit's diagnoses (Encounter Diagnosis acts, each a condition too) and its
        reasons (indications), by name."""
        diagnoses: list[str] = []
        for act in descendants(encounter, "act"):
            if not templates(act) & ENCOUNTER_DIAGNOSIS:
                continue
            for obs in descendants(act, "observation"):
                if templates(obs) & PROBLEM_OBS or (not templates(obs) & STATUS_OBS and
                                                    kid(obs, "value") is not None):
                    found = self._condition(section, obs, None)
                    if found is not None:
                        self.visit_diagnoses.add(found.key)
                        diagnoses.append(str(found.values["name"]))
                    break
        reasons = []
        for relation in kids(encounter, "entryRelationship"):
            for obs in kids(relation, "observation"):
                if relation.get("typeCode") == "RSON" or templates(obs) & INDICATION:
                    shown = section.coded(kid(obs, "value"))[0]
                    if shown and shown not in diagnoses:
                        reasons.append(shown)
        return diagnoses, reasons

    def finish(self) -> None:
        """Once every section is read: a visit's diagnosis already on the problem list is
        not a second condition, and a medication is linked to the condition it treats."""
        conditions = [i for i in self.parsed.items if i.type == "condition"]
        listed = [c for c in conditions if c.key not in self.visit_diagnoses]
        known = {_identity(c) for c in listed} | {
            ("name", str(c.values["name"]).casefold()) for c in listed}
        seen: set[tuple[str, str]] = set()
        for item in [c for c in conditions if c.key in self.visit_diagnoses]:
            ids = {_identity(item), ("name", str(item.values["name"]).casefold())}
            if ids & known or ids & seen:
                self.parsed.items.remove(item)
            seen |= ids
        by_code = {str(c.values.get("code")): c.key for c in conditions
                   if c.values.get("code") and c in self.parsed.items}
        by_name = {str(c.values["name"]).casefold(): c.key for c in conditions
                   if c in self.parsed.items}
        for item in self.parsed.items:
            reason = self.reasons.get(item.key)
            if item.type != "medication" or reason is None:
                continue
            code, name = reason
            target = by_code.get(str(code)) if code else None
            target = target or (by_name.get(name.casefold()) if name else None)
            if target:
                item.links["condition_id"] = target
            elif name:  # what it is for, even when the problem list does not name it
                item.values["notes"] = "\n".join(
                    x for x in (f"Taken for: {name}.", item.values.get("notes")) if x)


def _identity(item: Proposed) -> tuple[str, str]:
    code = item.values.get("code")
    return ("code", f"{item.values.get('code_system')}|{code}") if code else (
        "name", str(item.values.get("name")).casefold())


_ROOTS = {"ClinicalDocument", "section", "component", "structuredBody"}


def read_xml(path_: Path, parsed: ParsedFile, progress: Progress | None = None
             ) -> ParsedFile:
    """A C-CDA document or section, read as a stream; refuses anything else."""
    try:
        return _read(path_, parsed, progress, wrap=False)
    except UnboundPrefix:
        fresh = ParsedFile(parsed.filename, parsed.format, parsed.sha256)
        return _read(path_, fresh, progress, wrap=True)


def _read(path_: Path, parsed: ParsedFile, progress: Progress | None, *, wrap: bool
          ) -> ParsedFile:
    reader = CcdaReader(parsed)
    parsed.format = "C-CDA"
    stack: list[str] = []
    root_seen = False
    open_sections = 0
    count = 0
    for event, element in iterparse(path_, parsed.filename, wrap=wrap):
        name = local(element.tag)
        if event == "start":
            if not root_seen and not (wrap and not stack):
                if name not in _ROOTS:
                    raise unrecognised(parsed.filename)
                root_seen = True
            stack.append(name)
            if name == "section":
                open_sections += 1
            continue
        stack.pop()
        if name == "section":
            open_sections -= 1
            if open_sections == 0:
                reader.section(element)
                element.clear()
                count += 1
                if progress is not None:
                    progress.step(count, 0, f"Read {count} sections")
        elif stack and stack[-1] == "ClinicalDocument" and len(stack) == 1:
            reader.header(element)
            if name not in ("component",):
                element.clear()
    if not root_seen:
        raise unrecognised(parsed.filename)
    reader.finish()
    if not parsed.title:
        parsed.title = f"Health record imported from {parsed.filename}"
    return parsed
