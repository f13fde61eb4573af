"""Every shared real-world fixture imports with the expected items, and a few values each."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from organizer.interop.plan import apply_plan, make_plan
from organizer.interop.reader import read_file
from organizer.opening import open_store
from organizer.storage.store import Store

# file -> (items of each type added for an existing person, whether "no known allergies"
# is set). Records do not count the kept original file.
EXPECTED: dict[str, tuple[dict[str, int], bool]] = {
    "ccda/CCD1.xml": ({"allergy": 2, "condition": 4, "immunization": 3, "medication": 2,
                       "procedure": 2, "provider": 2, "record": 7, "result": 14, "visit": 1},
                      False),
    "ccda/CCD2.xml": ({"procedure": 3, "provider": 2, "record": 3, "result": 10}, True),
    "ccda/Consultation_Note.xml": ({"allergy": 2, "condition": 4, "medication": 2,
                                    "provider": 2, "record": 8, "result": 14}, False),
    "ccda/Diagnostic_Imaging_Report.xml": ({"provider": 4, "record": 4}, False),
    "ccda/Operative_Note.xml": ({"provider": 2, "record": 16}, False),
    "ccda/Referral_Note.xml": ({"allergy": 2, "condition": 4, "medication": 2,
                                "procedure": 2, "provider": 2, "record": 13, "result": 14},
                               False),
    "ccda_fragments/Active_Problem_C-CDA2.1_.xml": ({"condition": 1}, False),
    "ccda_fragments/Allergy_to_specific_drug_Penicillin_C-CDA2.1_.xml": ({"allergy": 1},
                                                                         False),
    "ccda_fragments/Chest_X_ray_with_Narrative_Report_C-CDA2.1_.xml": ({"result": 1}, False),
    "ccda_fragments/Free_Text_Medication_SIG__C-CDAR2.1_.xml": ({"medication": 1}, False),
    "ccda_fragments/No_Known_Allergies_with_Author_Timestamp_C-CDA2.1_.xml": ({}, True),
    "ccda_fragments/No_Known_Problems_C-CDA2.1_.xml": ({}, False),
    "ccda_fragments/No_Medications_C-CDA2.1_.xml": ({}, False),
    "ccda_fragments/Result_with_greater_than_a_specified_value_C-CDA2.1_.xml": (
        {"result": 1}, False),
    "ips/Bundle-IPS-examples-Bundle-01.json": ({"allergy": 1, "condition": 2,
                                                "medication": 2, "provider": 3, "record": 1,
                                                "result": 6}, False),
    "ips/Bundle-IPS-examples-Bundle-with-immunization.json": (
        {"allergy": 1, "condition": 2, "immunization": 1, "medication": 2, "provider": 3,
         "record": 1, "result": 6}, False),
    "ips/Bundle-bundle-minimal.json": ({"allergy": 1, "condition": 1, "medication": 1,
                                        "provider": 2}, False),
    "ips/Bundle-bundle-no-info-required-sections.json": ({"immunization": 2, "provider": 3},
                                                         False),
    "synthea/Kermit_Trantow_f1a650a5-737e-4fd7-828e-03c3348b9524.json": (
        {"allergy": 3, "condition": 6, "immunization": 8, "medication": 6, "procedure": 2,
         "provider": 2, "record": 1, "result": 49, "visit": 12}, False),
}


def _import(store: Store, path: Path) -> tuple[int, Any]:
    """Import for the patient the file names, typed (in lower case) without details."""
    parsed = read_file(path)
    name = str(parsed.person.get("full_name") or "Test Person").lower()
    person_id = store.add("person", {"full_name": name}).id
    plan = make_plan(store, parsed, person_id)
    return person_id, apply_plan(store, plan, source=path)


def test_every_fixture_file_imports_with_the_expected_items(
        fixtures_dir: Path, tmp_path: Path) -> None:
    files = sorted(str(p.relative_to(fixtures_dir)) for p in fixtures_dir.rglob("*")
                   if p.suffix in (".json", ".xml"))
    assert files == sorted(EXPECTED), "a fixture file has no expectation here"
    for number, name in enumerate(files):
        expected, no_known = EXPECTED[name]
        with open_store(tmp_path / f"store{number}") as store:
            person_id, result = _import(store, fixtures_dir / name)
            added = Counter(result.added)
            added["record"] -= 1  # the kept original file
            assert +added == Counter(expected), name
            assert store.person(person_id).no_known_allergies is no_known, name
            kept = [r for r in store.list_items("record", person_id)
                    if r.kind == "imported" and r.attachments  # type: ignore[attr-defined]
                    and r.attachments[0].filename == Path(name).name]  # type: ignore[attr-defined]
            assert len(kept) == 1, f"{name}: the original file is kept as a record"
            for type_name in expected:
                for item in store.list_items(type_name, person_id):
                    assert item.origin == f"import:{Path(name).name}" or (
                        type_name == "record")


def _one(store: Store, person_id: int, type_name: str, **where: Any) -> Any:
    found = [i for i in store.list_items(type_name, person_id)
             if all(getattr(i, k) == v for k, v in where.items())]
    assert len(found) == 1, (type_name, where, [i.title for i in store.list_items(
        type_name, person_id)])
    return found[0]


def test_synthea_values(fixtures_dir: Path, store: Store) -> None:
    path = next((fixtures_dir / "synthea").glob("*.json"))
    person_id, _ = _import(store, path)
    hypertension = _one(store, person_id, "condition", name="Hypertension")
    assert (hypertension.code, hypertension.code_system) == ("38341003", "SNOMED")
    assert hypertension.diagnosed_on == "2012-06-04" and hypertension.status == "confirmed"
    asthma = _one(store, person_id, "condition", name="Childhood asthma")
    assert asthma.status == "resolved"
    hctz = _one(store, person_id, "medication", code="316049")
    assert hctz.code_system == "RxNorm" and hctz.active and hctz.condition_id == hypertension.id
    stopped = _one(store, person_id, "medication", code="316052")
    assert stopped.active is False
    assert hctz.prescriber_id == _one(store, person_id, "provider",
                                      name="Dr. Levi Reichert").id
    assert _one(store, person_id, "allergy", substance="Allergy to peanuts").code == "91935009"
    flu = [i for i in store.list_items("immunization", person_id) if i.code == "140"]
    assert flu and all(i.code_system == "CVX" for i in flu)
    visits = store.list_items("visit", person_id)
    assert all(v.status == "done" for v in visits)
    assert visits[0].scheduled_at == "1994-03-21 14:10"
    report = _one(store, person_id, "record", kind="lab")
    assert "Hemoglobin" in report.description
    person = store.person(person_id)
    # empty fields of an existing person are filled; the name typed is kept
    assert (person.full_name, person.birth_date) == ("kermit trantow", "1993-06-21")


def test_synthea_new_person(fixtures_dir: Path, store: Store) -> None:
    path = next((fixtures_dir / "synthea").glob("*.json"))
    plan = make_plan(store, read_file(path), None)
    result = apply_plan(store, plan, source=path)
    person = store.person(result.person_id)
    assert person.full_name == "Kermit Trantow" and person.birth_date == "1993-06-21"
    assert person.sex == "male"


def test_ips_values(fixtures_dir: Path, store: Store) -> None:
    person_id, _ = _import(store, fixtures_dir / "ips/Bundle-IPS-examples-Bundle-01.json")
    meds = {m.name: m for m in store.list_items("medication", person_id)}
    assert "Black Cohosh Extract herbal supplement" in meds  # a referenced Medication
    anastrozole = next(m for m in meds.values() if m.code == "108774000")
    assert anastrozole.started_on == "2015-03" and anastrozole.route == "Oral use"
    allergy = store.list_items("allergy", person_id)
    assert [a.code for a in allergy] == ["373270004"]  # "no known food allergy" is not one
    hba1c = _one(store, person_id, "result", code="17856-6")
    assert (hba1c.value, hba1c.unit, hba1c.observed_on) == ("7.5", "%", "2017-11-10")
    person = store.person(person_id)
    assert person.no_known_allergies is False  # a real allergy is listed
    assert person.birth_date == "1972-05-01"  # empty fields of the person are filled


def test_ccd_values(fixtures_dir: Path, store: Store) -> None:
    person_id, _ = _import(store, fixtures_dir / "ccda/CCD1.xml")
    penicillin = _one(store, person_id, "allergy", substance="Penicillin")
    assert (penicillin.reaction, penicillin.severity) == ("Nausea", "mild")
    atenolol = _one(store, person_id, "medication", code="197380")
    assert (atenolol.frequency, atenolol.code_system) == ("every 12 hours", "RxNorm")
    hemoglobin = _one(store, person_id, "result", code="718-7")
    assert (hemoglobin.value, hemoglobin.unit) == ("13.2", "g/dL")
    assert hemoglobin.reference_range == "12.0–15.5 g/dL"
    family = _one(store, person_id, "record", title="Family history — Patient Chart Summary")
    assert "Myocardial Infarction" in family.description


def test_narrative_only_ccd2_keeps_its_text(fixtures_dir: Path, store: Store) -> None:
    person_id, _ = _import(store, fixtures_dir / "ccda/CCD2.xml")
    assert store.list_items("medication", person_id) == []
    assert store.list_items("condition", person_id) == []
    records = {r.title: r for r in store.list_items("record", person_id)}
    meds = records["Medications — Summary of Patient Chart"]
    assert meds.description == "No information"
    assert records["Problems — Summary of Patient Chart"].description == "No Information"
    assert "Unknown if ever smoked" in records[
        "Social history — Summary of Patient Chart"].description


def test_operative_note_narrative_is_kept_as_operative_records(
        fixtures_dir: Path, store: Store) -> None:
    person_id, _ = _import(store, fixtures_dir / "ccda/Operative_Note.xml")
    kinds = Counter(r.kind for r in store.list_items("record", person_id))
    assert kinds["operative"] == 16


@pytest.mark.parametrize("name", [
    "No_Known_Allergies_with_Author_Timestamp_C-CDA2.1_.xml",
    "No_Known_Problems_C-CDA2.1_.xml", "No_Medications_C-CDA2.1_.xml"])
def test_no_known_fragments_add_no_false_items(fixtures_dir: Path, store: Store,
                                               name: str) -> None:
    person_id, result = _import(store, fixtures_dir / "ccda_fragments" / name)
    for type_name in ("allergy", "condition", "medication"):
        assert store.list_items(type_name, person_id) == []
    assert dict(result.added) == {"record": 1}  # only the kept original file
    assert store.person(person_id).no_known_allergies is ("Allergies" in name)


def test_fragment_values(fixtures_dir: Path, store: Store) -> None:
    folder = fixtures_dir / "ccda_fragments"
    person_id, _ = _import(store, folder / "Result_with_greater_than_a_specified_value_"
                                           "C-CDA2.1_.xml")
    glucose = store.list_items("result", person_id)[0]
    assert (glucose.value, glucose.unit, glucose.observed_on) == (">500", "mg/dL",
                                                                  "2014-03-02")
    assert glucose.reference_range == "80–140 mg/dL"
    sig = folder / "Free_Text_Medication_SIG__C-CDAR2.1_.xml"
    plan = make_plan(store, read_file(sig), person_id)
    med = plan.items[0]
    assert "take one tab by mouth every morning" in med.values["instructions"]
    assert med.values["started_on"] == "2018-01-10"
    xray = read_file(folder / "Chest_X_ray_with_Narrative_Report_C-CDA2.1_.xml").items[0]
    assert "Cardiomegaly" in xray.values["notes"]
    penicillin = read_file(folder / "Allergy_to_specific_drug_Penicillin_C-CDA2.1_.xml")
    assert penicillin.items[0].values["code"] == "7980"
