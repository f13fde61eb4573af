"""How much of what a file says about taking each medicine survives the import (a figure,
never a pass or fail).

For every C-CDA and FHIR fixture, each medication the file lists is read here on its own,
without the importer: does the file state a dose (doseQuantity, doseAndRate), a schedule
(PIVL_TS, EIVL_TS, a precondition; Timing, asNeeded) or instructions in words (a free-text
sig, an Instruction, the entry's own text or a "Directions" cell of its table row; Dosage
text)? Then the item the importer proposes for that medication is looked up (by code, or
in order for medications without one) and checked to keep each detail the file states.
The share kept is printed per fixture and overall.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import report
from tests.helpers.cli import shared_fixtures

_T = "2.16.840.1.113883.10.20."
_MEDICATION_SECTIONS = {"10160-0"}
_SIG_TEMPLATES = {_T + "22.4.147", _T + "22.4.20", _T + "1.49"}
_SIG_HEADINGS = ("direction", "sig", "instruction", "dosage")


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _kids(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def _all(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def _parse(path: Path) -> ET.Element:
    """The shared fixtures are trusted, small files; a bare fragment uses `xsi:` without
    declaring it, so it is read inside a wrapper that does."""
    text = path.read_text(encoding="utf-8")
    try:
        return ET.fromstring(text)
    except ET.ParseError:
        body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        return ET.fromstring('<wrapper xmlns="urn:hl7-org:v3" xmlns:xsi='
                             f'"http://www.w3.org/2001/XMLSchema-instance">{body}</wrapper>')


def _ccda_statements(path: Path) -> list[tuple[str | None, set[str]]]:
    """(RxNorm or other code, the details stated) of each medication of a C-CDA file."""
    found: list[tuple[str | None, set[str]]] = []
    root = _parse(path)
    sections = [s for s in _all(root, "section") if any(
        c.get("code") in _MEDICATION_SECTIONS for c in _kids(s, "code"))]
    for section in sections:
        text = next(iter(_kids(section, "text")), None)
        headings = [" ".join("".join(th.itertext()).split()).lower()
                    for th in (_all(text, "th") if text is not None else [])]
        table_sig = any(any(w in h for w in _SIG_HEADINGS) for h in headings)
        for entry in _kids(section, "entry"):
            for sa in _kids(entry, "substanceAdministration"):
                if sa.get("negationInd") == "true":
                    continue
                stated: set[str] = set()
                dose = next(iter(_kids(sa, "doseQuantity")), None)
                if dose is not None and (dose.get("value") or _kids(dose, "low")):
                    stated.add("dose")
                kinds = {v.split(":")[-1] for e in _kids(sa, "effectiveTime")
                         for k, v in e.attrib.items() if _local(k) == "type"}
                if kinds & {"PIVL_TS", "EIVL_TS"} or _kids(sa, "precondition"):
                    stated.add("frequency")
                sig_texts = [" ".join("".join(t.itertext()).split()) for inner in sa.iter()
                             if {x.get("root") for x in _kids(inner, "templateId")} &
                             _SIG_TEMPLATES for t in _kids(inner, "text")]
                if any(sig_texts) or table_sig or _kids(sa, "text"):
                    stated.add("instructions")
                code = next((c.get("code") for m in _all(sa, "manufacturedMaterial")
                             for c in _kids(m, "code") if c.get("code")), None)
                if stated:
                    found.append((code, stated))
    return found


def _fhir_statements(path: Path) -> list[tuple[str | None, set[str]]]:
    bundle = json.loads(path.read_text(encoding="utf-8"))
    found: list[tuple[str | None, set[str]]] = []
    for entry in bundle.get("entry") or []:
        r = entry.get("resource") or {}
        if r.get("resourceType") not in ("MedicationStatement", "MedicationRequest"):
            continue
        if r.get("status") in ("entered-in-error", "not-taken", "cancelled", "draft"):
            continue
        dosages = r.get("dosage") or r.get("dosageInstruction") or []
        stated: set[str] = set()
        for dosage in dosages:
            if dosage.get("doseAndRate"):
                stated.add("dose")
            if dosage.get("timing") or "asNeededBoolean" in dosage or \
                    "asNeededCodeableConcept" in dosage:
                stated.add("frequency")
            if dosage.get("text") or dosage.get("patientInstruction"):
                stated.add("instructions")
        concept = r.get("medicationCodeableConcept") or {}
        code = next((c.get("code") for c in concept.get("coding") or []), None)
        if stated:  # without a code (a referenced Medication) it is matched in order
            found.append((code, stated))
    return found


def _shares() -> list[tuple[str, int, int, int, int]]:
    """Per fixture: (name, medications keeping all they state, medications stating any,
    details kept, details stated)."""
    from organizer.interop.reader import read_file

    folder = shared_fixtures()
    if folder is None:
        return []
    rows = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".xml", ".json")):
        statements = (_ccda_statements(path) if path.suffix == ".xml"
                      else _fhir_statements(path))
        if not statements:
            continue
        meds = [i for i in read_file(path).items if i.type == "medication"]
        by_code = {str(m.values.get("code")): m for m in meds if m.values.get("code")}
        uncoded = [m for m in meds if str(m.values.get("code")) not in
                   {str(c) for c, _ in statements if c}]
        stated = kept = whole = 0
        for code, details in statements:
            item = by_code.get(str(code)) if code else (uncoded.pop(0) if uncoded else None)
            here = sum(bool(item is not None and item.values.get(d)) for d in details)
            stated += len(details)
            kept += here
            whole += here == len(details)
        rows.append((str(path.relative_to(folder)), whole, len(statements), kept, stated))
    return rows


def test_medication_details_kept() -> None:
    import pytest

    rows = _shares()
    if not rows:
        pytest.skip("the shared fixtures are not present")
    lines = [f"{name}: {whole}/{meds} medications keep all they state; details "
             f"{kept}/{stated} ({100 * kept / stated:.0f}%)"
             for name, whole, meds, kept, stated in rows]
    whole, meds = sum(r[1] for r in rows), sum(r[2] for r in rows)
    kept, stated = sum(r[3] for r in rows), sum(r[4] for r in rows)
    lines.append(f"overall: {whole}/{meds} medications ({100 * whole / meds:.1f}%) keep "
                 f"every dose, schedule and instruction their file states; details "
                 f"{kept}/{stated} ({100 * kept / stated:.1f}%), over {len(rows)} fixtures")
    report("Medication dose, schedule and instructions kept by the import", lines)
