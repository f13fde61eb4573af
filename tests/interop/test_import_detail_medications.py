"""Imported medications keep how they are taken: dose, schedule in words, as needed and
why, route, the instructions (from the sig, the Instruction entry or the narrative row,
without the drug's name), dates, status and the prescriber, from C-CDA and FHIR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from organizer.interop.plan import apply_plan, describe, make_plan
from organizer.interop.reader import read_file
from organizer.storage.store import Store

_MEDS = """<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <templateId root="2.16.840.1.113883.10.20.22.1.2"/>
  <code code="34133-9" codeSystem="2.16.840.1.113883.6.1"/>
  <title>Visit summary</title>
  <effectiveTime value="20240105"/>
  <recordTarget><patientRole><patient>
    <name><given>Rosa</given><family>Delgado</family></name>
    <birthTime value="19480210"/>
  </patient></patientRole></recordTarget>
  <author><time value="20240105"/><assignedAuthor>
    <id root="2.16.840.1.113883.4.6" extension="1234567893"/>
    <assignedPerson><name><prefix>Dr.</prefix><given>Ana</given><family>Ruiz</family></name>
    </assignedPerson>
  </assignedAuthor></author>
  <component><structuredBody><component><section>
    <templateId root="2.16.840.1.113883.10.20.22.2.1.1"/>
    <code code="10160-0" codeSystem="2.16.840.1.113883.6.1"/>
    <title>Medications</title>
    <text><table>
      <thead><tr><th>Medication</th><th>Directions</th><th>Status</th></tr></thead>
      <tbody>
        <tr><td><content ID="sig1">Proventil HFA 108 (90 Base) MCG/ACT Inhalation Aerosol
          Solution, inhale 2 puffs every 6 hours as needed for wheezing</content></td>
          <td></td><td>Active</td></tr>
        <tr ID="row2"><td>Metformin 500 MG Oral Tablet</td>
          <td>take with breakfast and dinner</td><td>Active</td></tr>
        <tr><td>Zolpidem tartrate 5 MG Oral Tablet</td><td>one at night if sleepless</td>
          <td>Stopped</td></tr>
        <tr><td>Oxycodone 5 MG Oral Tablet</td><td></td><td>Active</td></tr>
      </tbody>
    </table></text>
    <entry><substanceAdministration classCode="SBADM" moodCode="EVN">
      <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <text><reference value="#sig1"/></text>
      <statusCode code="active"/>
      <effectiveTime xsi:type="IVL_TS"><low value="20230301"/></effectiveTime>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code code="745752" codeSystem="2.16.840.1.113883.6.88"
          displayName="Proventil HFA 108 (90 Base) MCG/ACT Inhalation Aerosol Solution"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
    </substanceAdministration></entry>
    <entry><substanceAdministration classCode="SBADM" moodCode="EVN">
      <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <text><reference value="#row2"/></text>
      <statusCode code="active"/>
      <effectiveTime xsi:type="IVL_TS"><low value="20200115"/></effectiveTime>
      <effectiveTime xsi:type="PIVL_TS" institutionSpecified="true" operator="A">
        <period value="12" unit="h"/></effectiveTime>
      <routeCode code="C38288" codeSystem="2.16.840.1.113883.3.26.1.1"
        displayName="Oral Route of Administration"/>
      <doseQuantity value="500" unit="mg"/>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code code="861007" codeSystem="2.16.840.1.113883.6.88"
          displayName="Metformin 500 MG Oral Tablet"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
      <author><time value="20200115"/><assignedAuthor>
        <id root="2.16.840.1.113883.4.6" extension="1234567893"/>
        <assignedPerson><name><given>Ana</given><family>Ruiz</family>
          <suffix>MD</suffix></name></assignedPerson>
      </assignedAuthor></author>
    </substanceAdministration></entry>
    <entry><substanceAdministration classCode="SBADM" moodCode="EVN">
      <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <statusCode code="completed"/>
      <effectiveTime xsi:type="IVL_TS"><low value="20190601"/><high value="20200301"/>
      </effectiveTime>
      <effectiveTime xsi:type="EIVL_TS"><event code="HS"/></effectiveTime>
      <doseQuantity value="1"/>
      <administrationUnitCode code="C48542" displayName="Tablet"
        codeSystem="2.16.840.1.113883.3.26.1.1"/>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code code="854873" codeSystem="2.16.840.1.113883.6.88"
          displayName="Zolpidem tartrate 5 MG Oral Tablet"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
    </substanceAdministration></entry>
    <entry><substanceAdministration classCode="SBADM" moodCode="EVN">
      <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <statusCode code="active"/>
      <effectiveTime xsi:type="PIVL_TS"><period value="4" unit="h"/></effectiveTime>
      <doseQuantity><low value="1"/><high value="2"/></doseQuantity>
      <administrationUnitCode displayName="Tablet"/>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code code="1049621" codeSystem="2.16.840.1.113883.6.88"
          displayName="Oxycodone 5 MG Oral Tablet"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
      <precondition typeCode="PRCN"><criterion>
        <code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/>
        <value xsi:type="CD" code="22253000" codeSystem="2.16.840.1.113883.6.96"
          displayName="Pain"/>
      </criterion></precondition>
    </substanceAdministration></entry>
    <entry><substanceAdministration classCode="SBADM" moodCode="EVN">
      <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
      <consumable><manufacturedProduct><manufacturedMaterial>
        <code nullFlavor="UNK"/>
      </manufacturedMaterial></manufacturedProduct></consumable>
    </substanceAdministration></entry>
  </section></component></structuredBody></component>
</ClinicalDocument>
"""


def _meds(path: Path) -> dict[str, dict[str, Any]]:
    parsed = read_file(path)
    return {str(i.values["name"]).split()[0]: {**i.values, "_links": i.links}
            for i in parsed.items if i.type == "medication"}


def _import(store: Store, path: Path, name: str = "Rosa Delgado") -> tuple[int, Any]:
    person_id = next((p.id for p in store.list_items("person") if p.full_name == name),
                     None) or store.add("person", {"full_name": name}).id
    result = apply_plan(store, make_plan(store, read_file(path), person_id), source=path)
    return person_id, result


def test_ccda_sig_only_in_the_narrative_is_kept_without_the_drug_name(tmp_path: Path) -> None:
    path = tmp_path / "visit.xml"
    path.write_text(_MEDS, encoding="utf-8")
    proventil = _meds(path)["Proventil"]
    assert proventil["instructions"] == (
        "inhale 2 puffs every 6 hours as needed for wheezing")
    assert proventil["name"].startswith("Proventil HFA 108")
    assert proventil["started_on"] == "2023-03-01" and proventil["active"] is True


def test_ccda_dose_schedule_route_status_and_row_directions(tmp_path: Path) -> None:
    path = tmp_path / "visit.xml"
    path.write_text(_MEDS, encoding="utf-8")
    meds = _meds(path)
    metformin = meds["Metformin"]
    assert (metformin["dose"], metformin["frequency"], metformin["route"]) == (
        "500 mg", "every 12 hours", "Oral")
    assert metformin["instructions"] == "take with breakfast and dinner"  # the row it names
    zolpidem = meds["Zolpidem"]
    assert (zolpidem["dose"], zolpidem["frequency"]) == ("1 tablet", "at bedtime")
    assert (zolpidem["active"], zolpidem["stopped_on"]) == (False, "2020-03-01")
    assert zolpidem["instructions"] == "one at night if sleepless"  # matched by its name
    oxycodone = meds["Oxycodone"]
    assert (oxycodone["dose"], oxycodone["frequency"]) == (
        "1–2 tablets", "every 4 hours, as needed for pain")
    assert "instructions" not in oxycodone  # an empty Directions cell says nothing


def test_ccda_prescriber_is_one_care_team_member_and_unnamed_entries_are_counted(
        tmp_path: Path, store: Store) -> None:
    path = tmp_path / "visit.xml"
    path.write_text(_MEDS, encoding="utf-8")
    person_id, result = _import(store, path)
    doctors = store.list_items("provider", person_id)
    assert [(d.name, d.notes) for d in doctors] == [("Dr. Ana Ruiz", "NPI 1234567893")]
    metformin = next(m for m in store.list_items("medication", person_id)
                     if m.name.startswith("Metformin"))
    assert metformin.prescriber_id == doctors[0].id
    assert result.skipped["medications without a name"] == 1
    assert any("1 medications without a name" in line
               for line in describe(result, path.name))


def test_ccda_fixture_keeps_proventil_sig_as_needed_and_prescriber(
        fixtures_dir: Path, store: Store) -> None:
    person_id, _ = _import(store, fixtures_dir / "ccda/CCD1.xml", "Eve Betterhalf")
    meds = {m.code: m for m in store.list_items("medication", person_id)}
    albuterol = meds["573621"]
    assert (albuterol.dose, albuterol.route) == ("2 puffs", "Inhalation")
    assert albuterol.frequency == "every 6 hours, as needed for wheezing"
    # The entry does not point at its row: the row naming "Proventil" gives the sig.
    assert albuterol.instructions is not None
    assert albuterol.instructions.splitlines()[0] == "2 puffs q6 hours PRN wheezing"
    prescriber = store.get("provider", albuterol.prescriber_id)
    assert prescriber.name == "Patricia Patty Primary M.D."
    assert prescriber.notes == "NPI 5555555555"
    atenolol = meds["197380"]
    assert (atenolol.frequency, atenolol.instructions) == (
        "every 12 hours", "1 every 12 hours Orally")


def test_ccda_fixture_free_text_sig_splits_name_from_instructions(
        fixtures_dir: Path) -> None:
    path = fixtures_dir / "ccda_fragments/Free_Text_Medication_SIG__C-CDAR2.1_.xml"
    [med] = [i for i in read_file(path).items if i.type == "medication"]
    assert med.values["name"] == "Experimental '150 cure-all drug'"
    assert med.values["instructions"] == "take one tab by mouth every morning"


_PRACTITIONER = {"resourceType": "Practitioner", "id": "doc",
                 "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi",
                                 "value": "1234567893"}],
                 "name": [{"family": "Ruiz", "given": ["Ana"], "prefix": ["Dr."]}]}


def _bundle(*resources: dict[str, Any]) -> str:
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": f"urn:uuid:{r.get('id', n)}", "resource": r}
        for n, r in enumerate([{"resourceType": "Patient", "id": "p",
                                "name": [{"given": ["Rosa"], "family": "Delgado"}]},
                               _PRACTITIONER, *resources])]})


def _rx(code: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"resourceType": "MedicationRequest", "id": code, "status": "active",
            "intent": "order", "subject": {"reference": "urn:uuid:p"},
            "medicationCodeableConcept": {"coding": [{
                "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": code,
                "display": name}]}, **extra}


def test_fhir_dosage_text_timing_dose_and_as_needed(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "portal.json"
    path.write_text(_bundle(
        _rx("745752", "Proventil HFA", requester={"reference": "Practitioner/doc"},
            dosageInstruction=[{
                "text": "Inhale 2 puffs every 6 hours as needed for wheezing",
                "timing": {"repeat": {"frequency": 1, "period": 6, "periodUnit": "h"}},
                "asNeededCodeableConcept": {"text": "Wheezing"},
                "route": {"text": "Inhalation"},
                "doseAndRate": [{"doseQuantity": {"value": 2, "unit": "puff"}}]}]),
        _rx("861007", "Metformin 500 MG", dosageInstruction=[{
            "timing": {"code": {"coding": [{"code": "BID"}]}},
            "doseAndRate": [{"doseQuantity": {"value": 500, "unit": "mg"}}]}]),
        _rx("854873", "Zolpidem 5 MG", status="stopped",
            dosageInstruction=[{"timing": {"repeat": {"when": ["HS"]}},
                                "patientInstruction": "Only when you cannot sleep"}]),
        {"resourceType": "MedicationStatement", "id": "ms", "status": "active",
         "subject": {"reference": "urn:uuid:p"},
         "medicationCodeableConcept": {"text": "Vitamin D3"},
         "effectivePeriod": {"start": "2021-04-01"},
         "dosage": [{"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "wk"}},
                     "doseAndRate": [{"doseRange": {"low": {"value": 1, "unit": "tablet"},
                                                    "high": {"value": 2,
                                                             "unit": "tablet"}}}]}]},
    ), encoding="utf-8")
    person_id, _ = _import(store, path)
    meds = {m.name.split()[0]: m for m in store.list_items("medication", person_id)}
    proventil = meds["Proventil"]
    assert (proventil.dose, proventil.route) == ("2 puffs", "Inhalation")
    assert proventil.frequency == "every 6 hours, as needed for wheezing"
    assert proventil.instructions == "Inhale 2 puffs every 6 hours as needed for wheezing"
    [doctor] = store.list_items("provider", person_id)
    assert (proventil.prescriber_id, doctor.notes) == (doctor.id, "NPI 1234567893")
    assert (meds["Metformin"].dose, meds["Metformin"].frequency) == ("500 mg", "twice a day")
    zolpidem = meds["Zolpidem"]
    assert (zolpidem.frequency, zolpidem.active) == ("at bedtime", False)
    assert zolpidem.instructions == "Only when you cannot sleep"
    vitamin = meds["Vitamin"]
    assert (vitamin.dose, vitamin.frequency, vitamin.started_on) == (
        "1–2 tablets", "3 times a week", "2021-04-01")


def test_fhir_fixtures_keep_schedules(fixtures_dir: Path) -> None:
    ips = [i.values for i in read_file(
        fixtures_dir / "ips/Bundle-IPS-examples-Bundle-01.json").items
        if i.type == "medication"]
    anastrozole = next(v for v in ips if "anastrozole" in v["name"])
    assert (anastrozole["dose"], anastrozole["frequency"]) == ("1 tablet", "once a day")
    synthea = next((fixtures_dir / "synthea").glob("*.json"))
    items = read_file(synthea).items
    loratadine = next(i for i in items if i.type == "medication" and
                      i.values["name"].startswith("Loratadine"))
    assert loratadine.values["frequency"] == "as needed"
    doctor = next(i for i in items if i.key == loratadine.links["prescriber_id"])
    assert doctor.values["name"] == "Dr. Levi Reichert"


def test_ccda_directions_are_never_guessed_from_a_rows_position(tmp_path: Path) -> None:
    entries = "".join(f"""<entry><substanceAdministration classCode="SBADM" moodCode="EVN">
        <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
        <consumable><manufacturedProduct><manufacturedMaterial>
          <code code="{code}" codeSystem="2.16.840.1.113883.6.88" displayName="{name}"/>
        </manufacturedMaterial></manufacturedProduct></consumable>
      </substanceAdministration></entry>""" for code, name in (
        ("197361", "amlodipine 5 MG Oral Tablet"), ("310965", "ibuprofen 200 MG Tablet")))
    path = tmp_path / "meds.xml"
    path.write_text(f"""<section xmlns="urn:hl7-org:v3">
      <code code="10160-0" codeSystem="2.16.840.1.113883.6.1"/>
      <text><table><thead><tr><th>Drug</th><th>Directions</th></tr></thead><tbody>
        <tr><td>Norvasc</td><td>one each morning</td></tr>
        <tr><td>Advil</td><td>two with food when in pain</td></tr>
      </tbody></table></text>{entries}</section>""", encoding="utf-8")
    meds = [i.values for i in read_file(path).items if i.type == "medication"]
    assert len(meds) == 2
    assert all("instructions" not in m for m in meds)  # brand names: no row names them


def test_fhir_sig_written_only_in_the_narrative_is_kept(tmp_path: Path) -> None:
    written = _rx("745752", "Proventil HFA", text={
        "status": "additional",
        "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Proventil HFA: inhale 2 "
               "puffs every 6 hours as needed for wheezing</p></div>"})
    generated = _rx("861007", "Metformin 500 MG", text={
        "status": "generated",
        "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>status</b>: active</p>"
               "</div>"})
    path = tmp_path / "portal.json"
    path.write_text(_bundle(written, generated), encoding="utf-8")
    meds = _meds(path)
    assert meds["Proventil"]["instructions"] == (
        "inhale 2 puffs every 6 hours as needed for wheezing")
    assert "instructions" not in meds["Metformin"]  # a generated narrative says nothing new


def test_fhir_details_of_the_wrong_shape_are_left_out_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(_bundle(
        _rx("1", "Odd one", text=5, dosageInstruction=[{
            "timing": {"repeat": {"when": 3, "timeOfDay": "08:00", "dayOfWeek": {}},
                       "code": 7},
            "doseAndRate": 2, "additionalInstruction": "x", "asNeededBoolean": "yes"}]),
        {"resourceType": "Practitioner", "id": "odd", "name": [{"text": "Dr. Odd"}],
         "identifier": [{"system": ["http://hl7.org/fhir/sid/us-npi"], "value": "1"}]},
        {"resourceType": "Composition", "title": "T", "author": 5, "custodian": "x"},
        {"resourceType": "Observation", "code": {"text": "Panel"}, "hasMember": 4},
    ), encoding="utf-8")
    parsed = read_file(path)
    [odd] = [i.values for i in parsed.items if i.type == "medication"]
    assert odd["name"] == "Odd one" and "frequency" not in odd and "dose" not in odd
    assert any(i.values.get("name") == "Dr. Odd" and "notes" not in i.values
               for i in parsed.items)


def test_the_packet_shows_how_an_imported_medicine_is_taken(
        fixtures_dir: Path, cli: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert cli("add", "person", "full_name=Eve Betterhalf").returncode == 0
    done = cli("import", str(fixtures_dir / "ccda/CCD1.xml"), "--person", "1")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "packet.pdf"
    done = cli("packet", "--person", "1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(out).pages
                             ).split())
    assert "every 6 hours, as needed for wheezing" in text
    assert "2 puffs q6 hours PRN wheezing" in text
    assert "Patricia Patty Primary M.D." in text  # the prescriber, in the care team too


def test_the_import_preview_names_how_each_medicine_is_taken(tmp_path: Path) -> None:
    path = tmp_path / "visit.xml"
    path.write_text(_MEDS, encoding="utf-8")
    labels = [i.label for i in read_file(path).items if i.type == "medication"]
    assert "Metformin 500 MG Oral Tablet: 500 mg, every 12 hours (2020-01-15)" in labels
    assert "Oxycodone 5 MG Oral Tablet: 1–2 tablets, every 4 hours, as needed for pain" in \
        labels
