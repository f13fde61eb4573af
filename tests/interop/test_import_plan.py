"""The plan: duplicates marked, unticked items skipped, merged prescriptions, re-imports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.interop.plan import apply_plan, make_plan
from organizer.interop.reader import read_file
from organizer.storage.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
MESSY = DATA / "fhir_messy_bundle.json"


@pytest.fixture
def person_id(store: Store) -> int:
    """The patient the messy bundle is about, typed without details (the file fills them)."""
    return int(store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id)


def test_messy_bundle_degrades_gracefully(store: Store, person_id: int) -> None:
    parsed = read_file(MESSY)
    assert parsed.skipped["Claim"] == 1 and parsed.skipped["Coverage"] == 1
    assert parsed.skipped["conditions without a name"] == 1
    result = apply_plan(store, make_plan(store, parsed, person_id), source=MESSY)
    meds = store.list_items("medication", person_id)
    assert [m.name for m in meds] == ["Tamoxifen 20 MG"]  # three prescriptions, one drug
    tamoxifen: Any = meds[0]
    assert (tamoxifen.started_on, tamoxifen.active) == ("2025-12-01", True)
    assert tamoxifen.dose == "20 mg" and "3 times" in tamoxifen.notes
    cancer: Any = next(c for c in store.list_items("condition", person_id)
                       if c.code == "C50.9")
    assert cancer.code_system == "ICD-10" and tamoxifen.condition_id == cancer.id
    suspected: Any = next(c for c in store.list_items("condition", person_id)
                          if c.name == "Shortness of breath")
    assert suspected.status == "suspected"
    psa: Any = next(r for r in store.list_items("result", person_id) if r.name == "PSA")
    assert (psa.value, psa.flag, psa.reference_range) == ("<0.1", "normal", "0–4 ng/mL")
    biopsy: Any = next(r for r in store.list_items("record", person_id)
                       if r.kind == "pathology")
    assert biopsy.attachments[0].filename == "biopsy.pdf"
    assert store.read_attachment(biopsy.attachments[0]).startswith(b"%PDF")
    visit: Any = store.list_items("visit", person_id)[0]
    doctor = store.list_items("provider", person_id)[0]
    assert visit.provider_id == doctor.id and visit.status == "done"
    assert store.person(person_id).no_known_allergies is True  # no real allergy at all
    assert store.list_items("allergy", person_id) == []
    assert result.added["immunization"] == 0  # "not-done" is not an immunization


def test_reimporting_the_same_file_adds_nothing(store: Store, person_id: int) -> None:
    apply_plan(store, make_plan(store, read_file(MESSY), person_id), source=MESSY)
    counts = {t: store.count(t, person_id) for t in ("condition", "record", "result")}
    again = make_plan(store, read_file(MESSY), person_id)
    assert again.already is not None and not any(i.include for i in again.items)
    result = apply_plan(store, again, source=MESSY)
    assert result.nothing_new
    assert {t: store.count(t, person_id) for t in counts} == counts


def test_items_already_there_are_duplicates_and_unticked(store: Store, person_id: int
                                                         ) -> None:
    store.add("condition", {"name": "breast cancer", "diagnosed_on": "2025-11"},
              person_id=person_id)
    store.add("provider", {"name": "Dr Ana Fictional"}, person_id=person_id)
    plan = make_plan(store, read_file(MESSY), person_id)
    dupes = {i.label for i in plan.items if i.duplicate}
    assert dupes == {"Breast cancer (2025-11)", "Dr Ana Fictional"}
    assert all(not i.include for i in plan.items if i.duplicate)
    apply_plan(store, plan, source=MESSY)
    assert store.count("condition", person_id) == 2  # the typed one + shortness of breath
    med: Any = store.list_items("medication", person_id)[0]
    typed = store.list_items("provider", person_id)[0]
    assert med.prescriber_id == typed.id  # links go to the item already there


def test_unticked_items_are_not_added_and_links_to_them_are_dropped(
        store: Store, person_id: int) -> None:
    plan = make_plan(store, read_file(MESSY), person_id)
    for item in plan.items:
        if item.type in ("provider", "result"):
            item.include = False
    result = apply_plan(store, plan, source=MESSY)
    assert result.added["provider"] == 0 and store.count("result", person_id) == 0
    med: Any = store.list_items("medication", person_id)[0]
    assert med.prescriber_id is None


def test_ndjson_and_new_person(store: Store) -> None:
    path = DATA / "fhir_bulk.ndjson"
    plan = make_plan(store, read_file(path), None)
    assert plan.parsed.format == "FHIR NDJSON" and plan.parsed.skipped["Basic"] == 1
    result = apply_plan(store, plan, source=path)
    person = store.person(result.person_id)
    assert (person.full_name, person.birth_date) == ("Nils Example", "1961")
    assert [c.title for c in store.list_items("condition", person.id)] == ["Type 2 diabetes"]
    again = make_plan(store, read_file(path), None)  # the same file, "new person" again
    assert apply_plan(store, again, source=path).nothing_new
    assert len(store.people()) == 1


def test_older_c32_document(store: Store) -> None:
    path = DATA / "c32_older.xml"
    result = apply_plan(store, make_plan(store, read_file(path), None), source=path)
    pid = result.person_id
    assert store.person(pid).full_name == "Olga Testperson"
    condition: Any = store.list_items("condition", pid)[0]
    assert (condition.name, condition.diagnosed_on) == ("Osteoarthritis of the knee", "2001")
    med: Any = store.list_items("medication", pid)[0]
    assert (med.name, med.dose, med.frequency) == ("Naproxen", "250 mg", "every 12 hours")
    allergy: Any = store.list_items("allergy", pid)[0]
    assert (allergy.substance, allergy.reaction) == ("Latex", "Rash")
    creatinine: Any = store.list_items("result", pid)[0]
    assert (creatinine.value, creatinine.flag) == ("1.4", "high")
    plan_record: Any = next(r for r in store.list_items("record", pid)
                            if r.title.startswith("Plan of care"))
    assert "second opinion" in plan_record.description


def test_fragment_without_a_patient_needs_a_person(store: Store, tmp_path: Path) -> None:
    from organizer.errors import OrganizerError

    fragment = tmp_path / "allergy.xml"
    fragment.write_text("<section><code code='48765-2'/><title>Allergies</title>"
                        "<text>Codeine: nausea</text></section>")
    try:
        make_plan(store, read_file(fragment), None)
    except OrganizerError as exc:
        assert "does not name the patient" in str(exc)
    else:
        raise AssertionError("a new person without a name was accepted")


def test_cli_import_prints_counts(cli: Callable[..., Any]) -> None:
    done = cli("import", str(MESSY), "--new-person")
    assert done.returncode == 0, done.stderr
    assert "for Zofia Nowak-Testowa" in done.stdout
    assert "2 conditions" in done.stdout and "1 medication" in done.stdout
    assert "1 Claim" in done.stdout
    again = cli("import", str(MESSY), "--person", "Zofia Nowak-Testowa")
    assert again.returncode == 0 and "already imported" in again.stdout
    usage = cli("import", str(MESSY))
    assert usage.returncode == 2
