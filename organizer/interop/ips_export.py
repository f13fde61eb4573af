"""The International Patient Summary as a FHIR R4 document Bundle, for the second
doctor's system.

The Composition comes first; its three required sections (problems, medications,
allergies) are always present: an empty one says so with an `emptyReason`, and "no known
allergies" is stated with the IPS code rather than left empty. Immunizations,
procedures and results are added when there are any. Every section has a short
narrative, as FHIR documents require.

A result's number is written with the digits it was typed or imported with ("4.10", not
4.1), so the second doctor's system, and a re-import, read the same value.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from organizer import __version__
from organizer.errors import ValidationError
from organizer.interop.codes import system_url
from organizer.interop.jsonstream import JsonNumber
from organizer.items.models import (
    Allergy,
    Condition,
    Immunization,
    Item,
    Medication,
    Person,
    Procedure,
    Result,
)
from organizer.items.validation import ascii_digits, check_date
from organizer.storage.store import Store

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
EMPTY = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
SECTIONS = [  # (LOINC, title, item type, required)
    ("11450-4", "Problem list", "condition", True),
    ("10160-0", "Medication summary", "medication", True),
    ("48765-2", "Allergies and intolerances", "allergy", True),
    ("11369-6", "History of immunizations", "immunization", False),
    ("47519-4", "History of procedures", "procedure", False),
    ("30954-2", "Results", "result", False),
]


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _concept(name: str, code: str | None, system: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"text": name}
    url = system_url(system)
    if code and url:
        out["coding"] = [{"system": url, "code": code, "display": name}]
    return out


def _div(lines: list[str]) -> dict[str, str]:
    body = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    inner = f"<ul>{body}</ul>" if lines else "<p>None recorded.</p>"
    return {"status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{inner}</div>'}


def _fhir_date(value: str | None) -> str | None:
    """A stored date as FHIR's `date` (YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits), or
    None when it is not one: a date typed before digits were normalised ("２０２６-０３")
    or changed outside the app must not make the whole bundle invalid for its reader."""
    if not value:
        return None
    try:
        return check_date(ascii_digits(value[:10].strip()))
    except ValidationError:
        return None


def _patient(person: Person) -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": "Patient", "name": [{"text": person.full_name}]}
    parts = person.full_name.split()
    if len(parts) > 1:
        resource["name"][0].update(family=parts[-1], given=parts[:-1])
    if _fhir_date(person.birth_date):
        resource["birthDate"] = _fhir_date(person.birth_date)
    if person.sex:
        resource["gender"] = person.sex
    telecom = [{"system": s, "value": v} for s, v in (("phone", person.phone),
                                                      ("email", person.email)) if v]
    if telecom:
        resource["telecom"] = telecom
    if person.address:
        resource["address"] = [{"text": person.address}]
    return resource


def _resource(item: Item, patient: dict[str, str]) -> tuple[dict[str, Any], str]:
    """The FHIR resource for one item, and its line in the section's narrative."""
    if isinstance(item, Condition):
        clinical = {"resolved": "resolved"}.get(item.status or "", "active")
        verification = {"suspected": "provisional", "ruled_out": "refuted"}.get(
            item.status or "", "confirmed")
        out: dict[str, Any] = {
            "resourceType": "Condition", "subject": patient,
            "clinicalStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                "code": clinical}]},
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "code": verification}]},
            "code": _concept(item.name, item.code, item.code_system)}
        if _fhir_date(item.diagnosed_on):
            out["onsetDateTime"] = _fhir_date(item.diagnosed_on)
        if item.severity:
            out["severity"] = {"text": item.severity}
        if item.notes:
            out["note"] = [{"text": item.notes}]
        return out, item.name + (f" (since {item.diagnosed_on})" if item.diagnosed_on else "")
    if isinstance(item, Medication):
        out = {"resourceType": "MedicationStatement", "subject": patient,
               "status": "active" if item.active else "completed",
               "medicationCodeableConcept": _concept(item.name, item.code, item.code_system)}
        period = {k: v for k, v in (("start", _fhir_date(item.started_on)),
                                    ("end", _fhir_date(item.stopped_on))) if v}
        if period:
            out["effectivePeriod"] = period
        text = " ".join(x for x in (item.dose, item.frequency, item.route) if x)
        if text or item.instructions:
            out["dosage"] = [{"text": "; ".join(x for x in (text, item.instructions) if x)}]
        line = " ".join(x for x in (item.name, item.dose, item.frequency) if x)
        return out, line + ("" if item.active else " (stopped)")
    if isinstance(item, Allergy):
        out = {"resourceType": "AllergyIntolerance", "patient": patient,
               "code": _concept(item.substance, item.code, item.code_system)}
        if item.reaction:
            reaction: dict[str, Any] = {"manifestation": [{"text": item.reaction}]}
            if item.severity in ("mild", "moderate", "severe"):
                reaction["severity"] = item.severity
            out["reaction"] = [reaction]
        if _fhir_date(item.noted_on):
            out["onsetDateTime"] = _fhir_date(item.noted_on)
        return out, item.substance + (f": {item.reaction}" if item.reaction else "")
    if isinstance(item, Immunization):
        out = {"resourceType": "Immunization", "patient": patient, "status": "completed",
               "vaccineCode": _concept(item.vaccine, item.code, item.code_system)}
        if _fhir_date(item.given_on):
            out["occurrenceDateTime"] = _fhir_date(item.given_on)
        else:
            out["occurrenceString"] = "date not known"
        return out, item.vaccine + (f" ({item.given_on})" if item.given_on else "")
    if isinstance(item, Procedure):
        out = {"resourceType": "Procedure", "subject": patient, "status": "completed",
               "code": _concept(item.name, item.code, item.code_system)}
        if _fhir_date(item.performed_on):
            out["performedDateTime"] = _fhir_date(item.performed_on)
        return out, item.name + (f" ({item.performed_on})" if item.performed_on else "")
    assert isinstance(item, Result)
    out = {"resourceType": "Observation", "subject": patient, "status": "final",
           "code": _concept(item.name, item.code, item.code_system)}
    if _fhir_date(item.observed_on):
        out["effectiveDateTime"] = _fhir_date(item.observed_on)
    value = (item.value or "").strip()
    number = _number(value)
    if number is not None:
        quantity: dict[str, Any] = {"value": number}
        if item.unit:
            quantity["unit"] = item.unit
        out["valueQuantity"] = quantity
    elif value:
        out["valueString"] = value + (f" {item.unit}" if item.unit else "")
    if item.reference_range:
        out["referenceRange"] = [{"text": item.reference_range}]
    if item.flag:
        out["interpretation"] = [{"text": item.flag}]
    line = item.name + (f": {item.value}" if item.value else "") + (
        f" {item.unit}" if item.unit and item.value else "")
    return out, line + (f" ({item.observed_on})" if item.observed_on else "")


_JSON_NUMBER = re.compile(r"^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$")
_RAW = re.compile(r'"\\u0000([-+.eE0-9]+)\\u0000"')


def _number(value: str) -> int | JsonNumber | None:
    """The value as a JSON number with its own digits, when it is exactly one (and finite)."""
    if not _JSON_NUMBER.match(value):
        return None
    if value.lstrip("-").isdigit():
        return int(value) if len(value) < 300 else None
    number = JsonNumber(value)
    return number if number.finite() else None


def _dumps(data: dict[str, Any]) -> str:
    """JSON text in which every JsonNumber is written with its own digits.

    The json module writes a Decimal only through `default`, as a string; it is marked
    with NUL characters (which no stored text can hold) and the quotes taken off after.
    """
    def default(value: Any) -> str:
        if isinstance(value, JsonNumber):
            return "\x00" + str(value) + "\x00"
        raise TypeError(f"{type(value).__name__} cannot be written as JSON")

    text = json.dumps(data, ensure_ascii=False, indent=1, default=default)
    return _RAW.sub(lambda m: m.group(1), text)


def ips_bundle(store: Store, person_id: int) -> dict[str, Any]:
    """The person's summary as an IPS document Bundle (a JSON-ready dict)."""
    person = store.person(person_id)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    patient_url = _urn()
    patient_ref = {"reference": patient_url}
    entries: list[dict[str, Any]] = [{"fullUrl": patient_url, "resource": _patient(person)}]
    sections = []
    for code, title, type_name, required in SECTIONS:
        items = store.list_items(type_name, person_id)
        if type_name == "medication":
            items.sort(key=lambda m: not getattr(m, "active", True))
        section: dict[str, Any] = {
            "title": title, "code": {"coding": [{"system": LOINC, "code": code}]}}
        refs, lines = [], []
        for item in items:
            resource, line = _resource(item, patient_ref)
            url = _urn()
            entries.append({"fullUrl": url, "resource": resource})
            refs.append({"reference": url})
            lines.append(line)
        if not items and type_name == "allergy" and person.no_known_allergies:
            url = _urn()
            entries.append({"fullUrl": url, "resource": {
                "resourceType": "AllergyIntolerance", "patient": patient_ref,
                "code": {"coding": [{"system": SNOMED, "code": "716186003",
                                     "display": "No known allergy"}],
                         "text": "No known allergies"}}})
            refs.append({"reference": url})
            lines.append("No known allergies")
        if refs:
            section["text"] = _div(lines)
            section["entry"] = refs
        elif required:
            reason = "No allergies recorded" if type_name == "allergy" else "None recorded"
            section["text"] = _div([reason])
            section["emptyReason"] = {"coding": [{"system": EMPTY, "code": "unavailable",
                                                  "display": "Unavailable"}],
                                      "text": reason}
        else:
            continue
        sections.append(section)
    composition = {
        "resourceType": "Composition", "status": "final",
        "type": {"coding": [{"system": LOINC, "code": "60591-5",
                             "display": "Patient summary Document"}]},
        "subject": patient_ref, "date": now, "author": [patient_ref],
        "title": f"International Patient Summary: {person.full_name}",
        "confidentiality": "N", "section": sections}
    composition_url = _urn()
    return {"resourceType": "Bundle", "type": "document", "timestamp": now,
            "identifier": {"system": "urn:ietf:rfc:3986", "value": _urn()},
            "meta": {"tag": [{"display": f"Second Opinion Organizer {__version__}"}]},
            "entry": [{"fullUrl": composition_url, "resource": composition}, *entries]}


def export_ips(store: Store, person_id: int, out: Path) -> Path:
    data = ips_bundle(store, person_id)
    Path(out).write_text(_dumps(data), encoding="utf-8")
    return Path(out)
