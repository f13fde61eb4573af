"""Imported conditions, allergies and results keep their fine print: onset, resolution and
status; a visit's diagnoses; reactions, severity and whether an allergy is still active;
"no known allergies"; a result's range, flag, panel and the value its report shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from organizer.interop.plan import apply_plan, make_plan
from organizer.interop.reader import read_file
from organizer.storage.store import Store

_T = "2.16.840.1.113883.10.20.22"


def _section(code: str, body: str, text: str = "") -> str:
    return f"""<section xmlns="urn:hl7-org:v3"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <code code="{code}" codeSystem="2.16.840.1.113883.6.1"/>
      <text>{text}</text>{body}</section>"""


def _problem(name: str, code: str, low: str, high: str | None = None,
             status: str | None = None) -> str:
    end = f'<high value="{high}"/>' if high else ""
    status_obs = f"""<entryRelationship typeCode="REFR"><observation classCode="OBS"
        moodCode="EVN"><templateId root="{_T}.4.6"/><code code="33999-4"/>
        <value xsi:type="CD" displayName="{status}"/></observation></entryRelationship>
        """ if status else ""
    return f"""<observation classCode="OBS" moodCode="EVN">
        <templateId root="{_T}.4.4"/><code code="55607006"/>
        <effectiveTime><low value="{low}"/>{end}</effectiveTime>
        <value xsi:type="CD" code="{code}" codeSystem="2.16.840.1.113883.6.96"
          displayName="{name}"/>{status_obs}</observation>"""


def _items(tmp_path: Path, text: str, type_name: str, name: str = "part.xml"
           ) -> list[dict[str, Any]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [i.values for i in read_file(path).items if i.type == type_name]


def test_ccda_condition_onset_resolution_and_status(tmp_path: Path) -> None:
    body = "".join(f"<entry><act classCode='ACT' moodCode='EVN'><templateId root='{_T}.4.3'/>"
                   f"<entryRelationship typeCode='SUBJ'>{p}</entryRelationship></act></entry>"
                   for p in (_problem("Gout", "90560007", "20150302", "20160110"),
                             _problem("Asthma", "195967001", "20100101", status="Resolved"),
                             _problem("Hypertension", "38341003", "20120604",
                                      status="Active")))
    found = {c["name"]: c for c in _items(tmp_path, _section("11450-4", body), "condition")}
    assert (found["Gout"]["diagnosed_on"], found["Gout"]["status"]) == ("2015-03-02",
                                                                        "resolved")
    assert found["Gout"]["notes"] == "Resolved on 2016-01-10."
    assert found["Asthma"]["status"] == "resolved"  # its status observation says so
    assert (found["Hypertension"]["status"], found["Hypertension"]["diagnosed_on"]) == (
        "confirmed", "2012-06-04")


def _encounter(diagnosis: str) -> str:
    return f"""<entry><encounter classCode="ENC" moodCode="EVN">
      <templateId root="{_T}.4.49"/><code displayName="Office visit"/>
      <effectiveTime value="20230512"/>
      <performer><assignedEntity><id root="2.16.840.1.113883.4.6" extension="1111111112"/>
        <assignedPerson><name><given>Lena</given><family>Ortiz</family></name>
        </assignedPerson></assignedEntity></performer>
      <entryRelationship typeCode="COMP"><act classCode="ACT" moodCode="EVN">
        <templateId root="{_T}.4.80"/><code code="29308-4"/>
        <entryRelationship typeCode="SUBJ">{diagnosis}</entryRelationship>
      </act></entryRelationship>
    </encounter></entry>"""


def test_ccda_encounter_diagnoses_become_conditions_once(tmp_path: Path) -> None:
    sinusitis = _problem("Acute sinusitis", "15805002", "20230512")
    visit_only = _section("46240-8", _encounter(sinusitis))
    [condition] = _items(tmp_path, visit_only, "condition")
    assert (condition["name"], condition["diagnosed_on"]) == ("Acute sinusitis",
                                                              "2023-05-12")
    [visit] = _items(tmp_path, visit_only, "visit")
    assert visit["notes"] == "With Lena Ortiz. Diagnosis: Acute sinusitis."
    # The same diagnosis on the problem list too: one condition, not two.
    listed = _section("11450-4", "<entry>" + _problem("Acute sinusitis", "15805002",
                                                      "20230501") + "</entry>")
    both = f"""<ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody>
      <component>{listed}</component>
      <component>{visit_only}</component></structuredBody></component></ClinicalDocument>"""
    conditions = _items(tmp_path, both, "condition", "both.xml")
    assert [(c["name"], c["diagnosed_on"]) for c in conditions] == [
        ("Acute sinusitis", "2023-05-01")]


def test_ccda_allergy_reactions_severity_and_status(fixtures_dir: Path, tmp_path: Path
                                                    ) -> None:
    ccd = {a["substance"]: a for a in _items(
        tmp_path, (fixtures_dir / "ccda/CCD1.xml").read_text(encoding="utf-8"), "allergy")}
    # The allergy is mild; the wheezing it causes is moderate: both are kept.
    assert (ccd["codeine"]["severity"], ccd["codeine"]["reaction"]) == (
        "mild", "Wheezing (moderate)")
    assert (ccd["Penicillin"]["severity"], ccd["Penicillin"]["reaction"]) == ("mild",
                                                                              "Nausea")
    inactive = _section("48765-2", f"""<entry><act classCode="ACT" moodCode="EVN">
      <templateId root="{_T}.4.30"/><entryRelationship typeCode="SUBJ">
      <observation classCode="OBS" moodCode="EVN"><templateId root="{_T}.4.7"/>
        <effectiveTime><low value="2001"/><high value="20180101"/></effectiveTime>
        <value xsi:type="CD" code="419199007"/>
        <participant typeCode="CSM"><participantRole><playingEntity>
          <code code="1191" codeSystem="2.16.840.1.113883.6.88" displayName="Aspirin"/>
        </playingEntity></participantRole></participant>
        <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">
          <templateId root="{_T}.4.28"/><value xsi:type="CE" displayName="Inactive"/>
        </observation></entryRelationship>
      </observation></entryRelationship></act></entry>""")
    [aspirin] = _items(tmp_path, inactive, "allergy")
    assert aspirin["notes"] == "No longer active (since 2018-01-01)."


def test_no_known_allergies_sets_the_persons_flag(fixtures_dir: Path, store: Store) -> None:
    path = fixtures_dir / "ccda_fragments/No_Known_Allergies_with_Author_Timestamp_C-CDA2.1_.xml"
    person_id = store.add("person", {"full_name": "Test Person"}).id
    apply_plan(store, make_plan(store, read_file(path), person_id), source=path)
    assert store.person(person_id).no_known_allergies is True
    assert store.list_items("allergy", person_id) == []


def test_ccda_results_keep_range_flag_panel_and_narrative_value(
        fixtures_dir: Path, tmp_path: Path) -> None:
    results = {r["name"]: r for r in _items(
        tmp_path, (fixtures_dir / "ccda/CCD1.xml").read_text(encoding="utf-8"), "result")}
    platelets = results["Platelets"]
    assert (platelets["value"], platelets["reference_range"], platelets["flag"]) == (
        "123", "150–350 10*9/L", "low")
    assert platelets["notes"] == "Part of: CBC W Auto Differential panel in Blood"
    urea = results["Urea nitrogen, Serum"]  # no coded value: the report's table says
    assert (urea["value"], urea["notes"]) == ("Pending", "Part of: Blood chemistry")
    assert "notes" not in results["Body height"]  # vital signs are not called a panel


def test_fhir_results_name_their_panel_and_conditions_keep_dates(
        fixtures_dir: Path) -> None:
    ips = read_file(fixtures_dir / "ips/Bundle-IPS-examples-Bundle-01.json")
    members = [i.values for i in ips.items if i.type == "result" and
               "Part of: Blood typing" in str(i.values.get("notes"))]
    assert len(members) == 4
    assert ips.skipped["result panels (their results are imported one by one)"] == 1
    synthea = read_file(next((fixtures_dir / "synthea").glob("*.json")))
    asthma = next(i.values for i in synthea.items if i.type == "condition" and
                  i.values["name"] == "Childhood asthma")
    assert (asthma["status"], asthma["diagnosed_on"], asthma["notes"]) == (
        "resolved", "1996-06-27", "Resolved on 2013-06-10.")


def test_fhir_interpretation_becomes_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "lab.json"
    path.write_text(json.dumps({"resourceType": "Observation", "status": "final",
                                "code": {"text": "Potassium"},
                                "valueQuantity": {"value": 5.9, "unit": "mmol/L"},
                                "interpretation": [{"coding": [{"code": "HH"}]}],
                                "referenceRange": [{"low": {"value": 3.5},
                                                    "high": {"value": 5.1,
                                                             "unit": "mmol/L"}}]}),
                    encoding="utf-8")
    [result] = [i.values for i in read_file(path).items]
    assert (result["flag"], result["reference_range"]) == ("critically high",
                                                           "3.5–5.1 mmol/L")


def test_fhir_result_without_a_value_keeps_its_report_words_or_why(tmp_path: Path) -> None:
    path = tmp_path / "labs.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Observation", "status": "final",
                      "code": {"text": "Biopsy margin"},
                      "text": {"status": "additional",
                               "div": "<div xmlns='http://www.w3.org/1999/xhtml'>"
                                      "See pathology report</div>"}}},
        {"resource": {"resourceType": "Observation", "status": "final",
                      "code": {"text": "Vitamin B12"},
                      "dataAbsentReason": {"text": "Sample hemolyzed"}}},
    ]}), encoding="utf-8")
    found = {i.values["name"]: i.values for i in read_file(path).items}
    assert found["Biopsy margin"]["value"] == "See pathology report"
    assert "value" not in found["Vitamin B12"]
    assert found["Vitamin B12"]["notes"] == "No value given: sample hemolyzed."


def test_fhir_document_author_and_custodian_say_who_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "summary.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "document", "entry": [
        {"resource": {"resourceType": "Composition", "status": "final", "title": "Summary",
                      "date": "2024-02-01",
                      "author": [{"display": "Dr. Omar Haddad"}],
                      "custodian": {"display": "Riverside Family Practice"}}},
    ]}), encoding="utf-8")
    parsed = read_file(path)
    assert parsed.source == "Dr. Omar Haddad, Riverside Family Practice"
    team = {i.values["name"]: i.values for i in parsed.items if i.type == "provider"}
    assert team["Riverside Family Practice"]["role"] == "other"
    assert "Dr. Omar Haddad" in team


def test_ccda_medication_says_what_it_is_taken_for(fixtures_dir: Path, tmp_path: Path
                                                   ) -> None:
    meds = {m["code"]: m for m in _items(
        tmp_path, (fixtures_dir / "ccda/CCD1.xml").read_text(encoding="utf-8"),
        "medication")}
    assert meds["573621"]["notes"] == "Taken for: Asthma."  # not on the problem list


def test_ccda_medication_is_linked_to_the_listed_condition_it_treats(tmp_path: Path,
                                                                     store: Store) -> None:
    problems = _section("11450-4", "<entry>" + _problem("Hypertension", "38341003",
                                                        "20120604") + "</entry>")
    medication = _section("10160-0", """<entry><substanceAdministration classCode="SBADM"
        moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code code="197380" codeSystem="2.16.840.1.113883.6.88"
          displayName="atenolol 25 MG Oral Tablet"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
      <entryRelationship typeCode="RSON"><observation classCode="OBS" moodCode="EVN">
        <templateId root="2.16.840.1.113883.10.20.22.4.19"/>
        <value xsi:type="CD" code="38341003" codeSystem="2.16.840.1.113883.6.96"
          displayName="Hypertensive disorder"/></observation></entryRelationship>
    </substanceAdministration></entry>""")
    path = tmp_path / "doc.xml"
    path.write_text(f"""<ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody>
      <component>{medication}</component><component>{problems}</component>
      </structuredBody></component></ClinicalDocument>""", encoding="utf-8")
    person_id = store.add("person", {"full_name": "Test Person"}).id
    apply_plan(store, make_plan(store, read_file(path), person_id), source=path)
    [atenolol] = store.list_items("medication", person_id)
    [hypertension] = store.list_items("condition", person_id)
    assert (atenolol.condition_id, atenolol.notes) == (hypertension.id, None)
