"""Exports: the archive round trip (item for item, byte for byte), the IPS bundle read
back by an independent FHIR library, the calendar read back by icalendar, and the CSV."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.items.models import TYPES
from organizer.opening import open_store
from organizer.storage.store import Store
from tests.helpers.cli import run_cli

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 3


def _rich_person(store: Store, tmp_path: Path) -> int:
    """One person with every kind of item, links between them, and attached files."""
    pid = store.add("person", {"full_name": "Łukasz Żółć", "birth_date": "1950-03",
                               "sex": "male", "relationship": "father",
                               "phone": "+48 555 0101", "notes": "Hears poorly; speak up."}).id
    dr = store.add("provider", {"name": "Dr Ana Fictional", "role": "surgeon",
                                "phone": "555-0100", "fax": "555-0199"}, person_id=pid).id
    store.update("person", pid, {"primary_provider_id": dr})
    cond = store.add("condition", {"name": "Prostate cancer", "code": "C61",
                                   "code_system": "ICD-10", "status": "confirmed",
                                   "diagnosed_on": "2025-10-02", "diagnosed_by_id": dr},
                     person_id=pid).id
    case = store.add("case", {"title": "Surgery or radiation?", "condition_id": cond,
                              "question": "Is surgery needed now?"}, person_id=pid,
                     checklist=True).id
    steps = store.list_items("checklist", pid)
    store.update("checklist", steps[0].id, {"done": True, "done_on": "2026-01-03",
                                            "note": "Dr Fictional suggested Dr Other."})
    store.delete("checklist", steps[4].id)
    pdf, png = tmp_path / "biopsy report.pdf", tmp_path / "scan.png"
    pdf.write_bytes(PDF)
    png.write_bytes(PNG)
    rec = store.add("record", {"title": "Biopsy report", "kind": "pathology",
                               "dated_on": "2025-10-01", "case_id": case}, person_id=pid).id
    store.attach_file(rec, pdf)
    store.attach_file(rec, png)
    store.add("record", {"title": "Slides", "kind": "pathology", "physical": True,
                         "location": "Hospital lab, drawer 4"}, person_id=pid)
    store.add("opinion", {"case_id": case, "provider_id": dr, "agrees": "partly",
                          "report_record_id": rec, "summary": "Line one\nline two"},
              person_id=pid)
    treatment = store.add("treatment", {"case_id": case, "name": "Prostatectomy",
                                        "proposed_by_id": dr, "cost": "$12,000"},
                          person_id=pid).id
    store.add("quote", {"treatment_id": treatment, "facility": "City Hospital",
                        "amount": 12000.5, "currency": "USD"}, person_id=pid)
    store.add("medication", {"name": "Bicalutamide", "dose": "50 mg", "prescriber_id": dr,
                             "condition_id": cond, "started_on": "2025-11-01"}, person_id=pid)
    store.add("medication", {"name": "=cmd|' /C calc'!A0", "active": False}, person_id=pid)
    store.add("allergy", {"substance": "Penicillin", "reaction": "hives"}, person_id=pid)
    store.add("immunization", {"vaccine": "Influenza", "given_on": "2025-10"}, person_id=pid)
    store.add("procedure", {"name": "Biopsy", "performed_on": "2025-10-01"}, person_id=pid)
    store.add("result", {"name": "PSA", "value": "8.1", "unit": "ng/mL",
                         "observed_on": "2025-09-20"}, person_id=pid)
    store.add("sending", {"record_id": rec, "recipient_id": dr, "status": "sent",
                          "method": "fax"}, person_id=pid)
    store.add("request", {"provider_id": dr, "records": "All imaging",
                          "asked_on": "2026-01-02"}, person_id=pid)
    visit = store.add("visit", {"scheduled_at": "2026-02-10 09:30", "provider_id": dr,
                                "case_id": case, "location": "Room 4, 2nd floor; east wing",
                                "purpose": "Second opinion, urology",
                                "notes": "Bring: disc, list of meds"}, person_id=pid).id
    store.add("visit", {"scheduled_at": "2026-03-01", "status": "cancelled"}, person_id=pid)
    store.add("visit", {"scheduled_at": "2026-04", "purpose": "Follow-up"}, person_id=pid)
    store.add("question", {"text": "What happens if I wait?", "case_id": case,
                           "visit_id": visit, "asked": True}, person_id=pid)
    store.add("journal", {"written_on": "2026-01-05", "text": "Tired today."}, person_id=pid)
    gone = store.add("journal", {"written_on": "2026-01-06", "text": "deleted"},
                     person_id=pid).id
    store.delete("journal", gone)
    # Times long past, so a round trip that stamps "now" cannot pass by luck.
    old = ("2019-04-01T08:00:00Z", "2020-05-02T09:30:00Z")
    store.set_stamps("person", pid, old)
    store.set_stamps("record", rec, old)  # a record whose files were added after it
    store.set_stamps("checklist", steps[0].id, old)  # a step of the case's own checklist
    store.set_stamps("visit", visit, ("2018-01-01T00:00:00Z", "2018-01-01T00:00:01Z"))
    return pid


def _comparable(store: Store, pid: int) -> dict[str, list[dict[str, Any]]]:
    """Every item's values with links written as (type, position) instead of ids."""
    positions: dict[tuple[str, int], int] = {("person", pid): 0}
    items: dict[str, list[Any]] = {}
    for type_name in TYPES:
        if type_name == "person":
            items[type_name] = [store.person(pid)]
            continue
        items[type_name] = store.list_items(type_name, pid)
        for number, item in enumerate(items[type_name]):
            positions[(type_name, item.id)] = number
    out: dict[str, list[dict[str, Any]]] = {}
    for type_name, found in items.items():
        rows = []
        for item in found:
            row = item.values()
            for name, spec in item.specs().items():
                if spec.kind == "ref" and row[name] is not None:
                    row[name] = (spec.ref, positions[(str(spec.ref), row[name])])
            row["origin"] = item.origin
            row["created_at"], row["updated_at"] = item.created_at, item.updated_at
            if type_name == "record":
                row["attachments"] = [(a.filename, a.media_type, a.size, a.sha256,
                                       store.read_attachment(a)) for a in item.attachments]
            rows.append(row)
        out[type_name] = rows
    return out


def test_archive_round_trip_item_for_item_and_byte_for_byte(
        store: Store, tmp_path: Path, cli: Callable[..., Any]) -> None:
    pid = _rich_person(store, tmp_path)
    before = _comparable(store, pid)
    out = tmp_path / "anna.zip"
    done = cli("export", "--person", str(pid), "--format", "archive", "-o", str(out))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert len([m for m in manifest["members"] if m.startswith("files/")]) == 2
        items = json.loads(archive.read("items.json"))
        assert items["person"]["full_name"] == "Łukasz Żółć"
        assert "journal" in items["items"] and len(items["items"]["journal"]) == 1
    elsewhere = tmp_path / "elsewhere"
    imported = run_cli("import", str(out), "--new-person", data_dir=elsewhere)
    assert imported.returncode == 0, imported.stderr
    with open_store(elsewhere) as other:
        [person] = other.people()
        after = _comparable(other, person.id)
        assert other.list_items("record", person.id)[0].origin == "typed"
    for type_name in TYPES:
        assert after[type_name] == before[type_name], type_name
    again = run_cli("import", str(out), "--person", "Łukasz Żółć", data_dir=elsewhere)
    assert again.returncode == 0 and "already imported" in again.stdout


def test_damaged_archive_is_refused(store: Store, tmp_path: Path,
                                    cli: Callable[..., Any]) -> None:
    from organizer.interop.archive import export_archive

    pid = _rich_person(store, tmp_path)
    good = export_archive(store, pid, tmp_path / "a.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("files/"):
                data = data[:-1] + b"X"
            dst.writestr(info, data)
    done = cli("import", str(bad), "--new-person")
    assert done.returncode == 1 and "does not match its checksum" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_ips_export_is_a_valid_r4_document(store: Store, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from organizer.interop.ips_export import export_ips

    pid = _rich_person(store, tmp_path)
    out = export_ips(store, pid, tmp_path / "ips.json")
    bundle = Bundle.model_validate(json.loads(out.read_text()))
    assert bundle.type == "document"
    composition = bundle.entry[0].resource
    assert composition.__resource_type__ == "Composition"
    codes = [s.code.coding[0].code for s in composition.section]
    assert codes[:3] == ["11450-4", "10160-0", "48765-2"]
    meds = next(s for s in composition.section if s.code.coding[0].code == "10160-0")
    assert len(meds.entry) == 2
    kinds = {e.resource.__resource_type__ for e in bundle.entry}
    assert {"Patient", "Condition", "MedicationStatement", "AllergyIntolerance",
            "Immunization", "Procedure", "Observation"} <= kinds
    condition = next(e.resource for e in bundle.entry
                     if e.resource.__resource_type__ == "Condition")
    assert condition.code.coding[0].system == "http://hl7.org/fhir/sid/icd-10"


def test_ips_export_states_empty_required_sections(store: Store, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from organizer.interop.ips_export import export_ips

    pid = store.add("person", {"full_name": "Empty Example", "no_known_allergies": True}).id
    bundle = Bundle.model_validate(json.loads(
        export_ips(store, pid, tmp_path / "ips.json").read_text()))
    sections = {s.code.coding[0].code: s for s in bundle.entry[0].resource.section}
    assert set(sections) == {"11450-4", "10160-0", "48765-2"}
    assert sections["11450-4"].emptyReason is not None
    assert sections["10160-0"].emptyReason is not None
    allergy = sections["48765-2"]  # "no known allergies" is stated, not left empty
    assert allergy.emptyReason is None and len(allergy.entry) == 1
    assert "No known allergies" in allergy.text.div


def test_ics_export_read_back_by_icalendar(store: Store, tmp_path: Path,
                                           cli: Callable[..., Any]) -> None:
    import icalendar

    pid = _rich_person(store, tmp_path)
    store.add("visit", {"scheduled_at": "2026-05-02 08:00", "purpose": "Ünïcödé " * 20},
              person_id=pid)
    out = tmp_path / "visits.ics"
    assert cli("export", "--person", str(pid), "--format", "ics", "-o", str(out)
               ).returncode == 0
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 3  # the cancelled visit is left out
    first = events[0]
    assert str(first["SUMMARY"]) == "Second opinion, urology with Dr Ana Fictional"
    assert str(first["LOCATION"]) == "Room 4, 2nd floor; east wing"
    assert "Bring: disc, list of meds" in str(first["DESCRIPTION"])
    assert first.decoded("DTSTART").isoformat() == "2026-02-10T09:30:00"
    assert str(events[1]["SUMMARY"]).startswith("Follow-up")
    assert str(events[2]["SUMMARY"]).startswith("Ünïcödé Ünïcödé")


def test_csv_export(store: Store, tmp_path: Path) -> None:
    from organizer.interop.csv_export import export_csv

    pid = _rich_person(store, tmp_path)
    out = export_csv(store, pid, tmp_path / "meds.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["name"] for r in rows] == ["Bicalutamide", "'=cmd|' /C calc'!A0"]
    assert rows[0]["prescriber"] == "Dr Ana Fictional"
    assert rows[0]["taken_for"] == "Prostate cancer" and rows[0]["active"] == "yes"
    assert rows[1]["active"] == "no"


@pytest.mark.parametrize("fmt", ["archive", "ips", "ics", "csv"])
def test_export_to_a_missing_folder_is_one_line(cli: Callable[..., Any], tmp_path: Path,
                                                fmt: str) -> None:
    assert cli("add", "person", "full_name=Anna Kowalska").returncode == 0
    done = cli("export", "--person", "anna kowalska", "--format", fmt, "-o",
               str(tmp_path / "nowhere" / "out"))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "does not exist" in done.stderr
