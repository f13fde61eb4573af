"""Who wrote the file joins the care team: the document's author and custodian, its
performers and prescribers, matched to members already there by NPI or by name (without
titles), never added twice, by one file or by the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from organizer.interop.plan import apply_plan, make_plan
from organizer.interop.reader import read_file
from organizer.storage.store import Store


def _import(store: Store, person_id: int, path: Path) -> Any:
    plan = make_plan(store, read_file(path), person_id)
    plan.confirmed = True  # the fixtures name different example patients
    return apply_plan(store, plan, source=path)


def test_author_and_custodian_are_care_team_members(fixtures_dir: Path, store: Store
                                                    ) -> None:
    person_id = store.add("person", {"full_name": "Eve Betterhalf"}).id
    _import(store, person_id, fixtures_dir / "ccda/CCD1.xml")
    team = {p.name: p for p in store.list_items("provider", person_id)}
    assert set(team) == {"Patricia Patty Primary M.D.", "Good Health HIE"}
    author = team["Patricia Patty Primary M.D."]
    assert (author.role, author.notes, author.facility) == (
        "primary_care", "NPI 5555555555", "The DoctorsTogether Physician Group")
    practice = team["Good Health HIE"]
    assert (practice.role, practice.facility, practice.phone) == (
        "other", "Good Health HIE", "+1(555)555-1009")


def test_reimporting_another_document_adds_no_member_twice(fixtures_dir: Path,
                                                          store: Store) -> None:
    person_id = store.add("person", {"full_name": "Eve Betterhalf"}).id
    _import(store, person_id, fixtures_dir / "ccda/CCD1.xml")
    before = sorted(p.name for p in store.list_items("provider", person_id))
    result = _import(store, person_id, fixtures_dir / "ccda/Referral_Note.xml")
    assert result.added["provider"] == 0
    assert sorted(p.name for p in store.list_items("provider", person_id)) == before


def test_a_typed_doctor_is_recognised_by_npi_and_becomes_the_prescriber(
        fixtures_dir: Path, store: Store) -> None:
    person_id = store.add("person", {"full_name": "Eve Betterhalf"}).id
    typed = store.add("provider", {"name": "Dr. P. Primary", "notes": "NPI 5555555555"},
                      person_id=person_id).id
    result = _import(store, person_id, fixtures_dir / "ccda/CCD1.xml")
    names = sorted(p.name for p in store.list_items("provider", person_id))
    assert names == ["Dr. P. Primary", "Good Health HIE"]
    assert result.added["provider"] == 1
    albuterol = next(m for m in store.list_items("medication", person_id)
                     if m.code == "573621")
    assert albuterol.prescriber_id == typed


def test_a_typed_doctor_is_recognised_by_name_without_titles(fixtures_dir: Path,
                                                            store: Store) -> None:
    person_id = store.add("person", {"full_name": "Ellen Ross"}).id
    typed = store.add("provider", {"name": "DR. HENRY SEVEN"}, person_id=person_id).id
    _import(store, person_id, fixtures_dir / "ccda/Operative_Note.xml")
    team = {p.name: p.id for p in store.list_items("provider", person_id)}
    # The custodian shares the surgeon's (example) NPI but is an organization: kept apart.
    assert team == {"DR. HENRY SEVEN": typed, "Community Health and Hospitals": team[
        "Community Health and Hospitals"]}


def test_one_document_naming_a_doctor_three_times_gives_one_member(tmp_path: Path) -> None:
    path = tmp_path / "note.xml"
    path.write_text("""<ClinicalDocument xmlns="urn:hl7-org:v3">
      <author><assignedAuthor><id root="2.16.840.1.113883.4.6" extension="1999999984"/>
        <assignedPerson><name><given>Omar</given><family>Haddad</family></name>
        </assignedPerson></assignedAuthor></author>
      <documentationOf><serviceEvent><performer typeCode="PRF">
        <functionCode code="PCP"/>
        <assignedEntity><id root="2.16.840.1.113883.4.6" extension="1999999984"/>
          <telecom value="tel:+1-555-0100"/>
          <assignedPerson><name><prefix>Dr.</prefix><given>Omar</given>
            <family>Haddad</family></name></assignedPerson></assignedEntity>
      </performer></serviceEvent></documentationOf>
      <componentOf><encompassingEncounter><encounterParticipant typeCode="ATND">
        <assignedEntity><assignedPerson><name>OMAR HADDAD</name></assignedPerson>
        </assignedEntity></encounterParticipant></encompassingEncounter></componentOf>
    </ClinicalDocument>""", encoding="utf-8")
    [doctor] = [i.values for i in read_file(path).items if i.type == "provider"]
    assert doctor == {"name": "Omar Haddad", "notes": "NPI 1999999984",
                      "role": "primary_care", "phone": "+1-555-0100"}


def test_fhir_practitioner_npi_is_kept_and_matched_on_reimport(
        fixtures_dir: Path, store: Store, tmp_path: Path) -> None:
    path = next((fixtures_dir / "synthea").glob("*.json"))
    person_id = store.add("person", {"full_name": "Kermit Trantow"}).id
    _import(store, person_id, path)
    doctor = next(p for p in store.list_items("provider", person_id)
                  if p.name == "Dr. Levi Reichert")
    assert doctor.notes is not None and doctor.notes.startswith("NPI ")
    store.update("provider", doctor.id, {"name": "Levi Reichert, pediatrician"})
    later = tmp_path / "later_export.json"  # a later export: another file, the same doctor
    later.write_bytes(path.read_bytes() + b"\n")
    plan = make_plan(store, read_file(later), person_id)
    again = next(i for i in plan.items if i.type == "provider" and
                 i.values["name"] == "Dr. Levi Reichert")
    assert (again.duplicate, again.existing_id) == (True, doctor.id)


def test_a_typed_doctor_without_the_middle_name_is_the_same_doctor(
        fixtures_dir: Path, store: Store) -> None:
    person_id = store.add("person", {"full_name": "Eve Betterhalf"}).id
    typed = store.add("provider", {"name": "Patricia Primary"}, person_id=person_id).id
    other = store.add("provider", {"name": "Henry Primary", "notes": "NPI 5555555555"},
                      person_id=person_id).id
    plan = make_plan(store, read_file(fixtures_dir / "ccda/CCD1.xml"), person_id)
    doctor = next(i for i in plan.items if i.type == "provider" and
                  i.values["name"].startswith("Patricia"))
    # An NPI identifies a doctor exactly: it wins over a name that only looks alike.
    assert (doctor.duplicate, doctor.existing_id) == (True, other)
    assert typed != other
    lone = store.add("person", {"full_name": "Eve Betterhalf"}).id
    typed_alone = store.add("provider", {"name": "Patricia Primary"}, person_id=lone).id
    plan = make_plan(store, read_file(fixtures_dir / "ccda/CCD1.xml"), lone)
    doctor = next(i for i in plan.items if i.type == "provider" and
                  i.values["name"].startswith("Patricia"))
    assert (doctor.duplicate, doctor.existing_id) == (True, typed_alone)
    # One word in common is not enough: "Primary" alone could be anyone.
    third = store.add("person", {"full_name": "Eve Betterhalf"}).id
    store.add("provider", {"name": "Primary"}, person_id=third)
    plan = make_plan(store, read_file(fixtures_dir / "ccda/CCD1.xml"), third)
    doctor = next(i for i in plan.items if i.type == "provider" and
                  i.values["name"].startswith("Patricia"))
    assert not doctor.duplicate
