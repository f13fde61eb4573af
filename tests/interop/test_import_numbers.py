"""Numbers are imported exactly as the file wrote them; NaN and infinities are left out,
item by item; and results are matched as duplicates by their value, not their digits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from organizer.interop.plan import apply_plan, make_plan, value_key
from organizer.interop.reader import read_file
from organizer.opening import open_store
from organizer.storage.store import Store


def _observation(name: str, raw_value: str, unit: str = "mg/dL") -> str:
    """One Observation entry as JSON text, with the number written exactly as given."""
    return ('{"resource": {"resourceType": "Observation", "status": "final", '
            f'"code": {{"text": "{name}"}}, "effectiveDateTime": "2025-01-02", '
            f'"valueQuantity": {{"value": {raw_value}, "unit": "{unit}"}}}}}}')


def _bundle(path: Path, *observations: str, extra: str = "") -> Path:
    patient = ('{"resource": {"resourceType": "Patient", "name": [{"family": "Nowak", '
               '"given": ["Anna"]}], "birthDate": "1950-03-02"}}')
    entries = ", ".join([patient, *observations] + ([extra] if extra else []))
    path.write_text('{"resourceType": "Bundle", "type": "collection", "entry": [' + entries
                    + "]}", encoding="utf-8")
    return path


def test_values_keep_their_digits(store: Store, tmp_path: Path) -> None:
    path = _bundle(tmp_path / "labs.json",
                   _observation("Glucose", "1234.5678"), _observation("Potassium", "4.10"),
                   _observation("Hemoglobin", "7.0"), _observation("Troponin", "1e-3"),
                   _observation("Platelets", "250"))
    pid = store.add("person", {"full_name": "Anna Nowak"}).id
    apply_plan(store, make_plan(store, read_file(path), pid), source=path)
    values = {r.title: r.values()["value"] for r in store.list_items("result", pid)}
    assert values == {"Glucose": "1234.5678", "Potassium": "4.10", "Hemoglobin": "7.0",
                      "Troponin": "1e-3", "Platelets": "250"}


def test_not_a_number_leaves_out_only_that_item(cli: Callable[..., Any], data_dir: Path,
                                                tmp_path: Path) -> None:
    medication = ('{"resource": {"resourceType": "MedicationStatement", "status": "active", '
                  '"medicationCodeableConcept": {"text": "Metformin"}, "dosage": [{"timing":'
                  ' {"repeat": {"frequency": 1, "period": NaN, "periodUnit": "d"}}}]}}')
    path = _bundle(tmp_path / "labs.json", _observation("Glucose", "NaN"),
                   _observation("Sodium", "1e400"), _observation("Calcium", "-Infinity"),
                   _observation("Potassium", "4.10"), extra=medication)
    done = cli("import", str(path), "--new-person")
    assert done.returncode == 0, done.stderr
    assert "4 entries with a value that is not a real number" in done.stdout
    with open_store(data_dir) as store:
        [person] = store.people()
        results = store.list_items("result", person.id)
        assert [(r.title, r.values()["value"]) for r in results] == [("Potassium", "4.10")]
        assert store.list_items("medication", person.id) == []


def test_a_component_that_is_not_a_number_leaves_out_its_whole_observation(
        store: Store, tmp_path: Path) -> None:
    panel = ('{"resource": {"resourceType": "Observation", "code": {"text": "Blood pressure"},'
             ' "component": [{"code": {"text": "Systolic"}, "valueQuantity": {"value": 120}},'
             ' {"code": {"text": "Diastolic"}, "valueQuantity": {"value": Infinity}}]}}')
    parsed = read_file(_bundle(tmp_path / "bp.json", panel))
    assert [i for i in parsed.items if i.type == "result"] == []
    assert parsed.skipped["entries with a value that is not a real number"] == 1


def test_ndjson_not_a_number_is_left_out(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Observation.ndjson"
    lines = [json.loads(_observation(name, "1"))["resource"] for name in ("A", "B")]
    text = "\n".join(json.dumps(r) for r in lines).replace('"value": 1,', '"value": NaN,', 1)
    path.write_text(text + "\n", encoding="utf-8")
    parsed = read_file(path)
    assert [i.values["name"] for i in parsed.items] == ["B"]


def test_a_number_too_long_to_read_is_refused_in_one_line(
        cli: Callable[..., Any], data_dir: Path, tmp_path: Path) -> None:
    path = _bundle(tmp_path / "long.json", _observation("Glucose", "1" * 5000))
    done = cli("import", str(path), "--new-person")
    assert done.returncode == 1 and "something went wrong" not in done.stderr.lower()
    [line] = done.stderr.strip().splitlines()
    assert "long.json" in line and "not valid JSON" in line


def test_values_are_duplicates_by_their_number() -> None:
    assert value_key("7.0") == value_key("7") == value_key("7.00")
    assert value_key("<0.10") == value_key("< 0.1")
    assert value_key("4.1") != value_key("4.15")
    assert value_key("1e999999999") == "1e999999999"  # no 10⁹-digit number is made


def test_our_own_ips_export_reimports_as_duplicates(store: Store, tmp_path: Path) -> None:
    from organizer.interop.ips_export import export_ips

    pid = store.add("person", {"full_name": "Anna Nowak", "birth_date": "1950-03-02"}).id
    for name, value in (("Hemoglobin", "7.0"), ("Potassium", "4.10"), ("Glucose", "95")):
        store.add("result", {"name": name, "value": value, "unit": "mg/dL",
                             "observed_on": "2025-01-02"}, person_id=pid)
    out = export_ips(store, pid, tmp_path / "ips.json")
    text = out.read_text(encoding="utf-8")
    assert '"value": 7.0' in text and '"value": 4.10' in text  # the digits as typed
    plan = make_plan(store, read_file(out), pid)
    results = [i for i in plan.items if i.type == "result"]
    assert len(results) == 3 and all(i.duplicate for i in results)
    assert {i.values["value"] for i in results} == {"7.0", "4.10", "95"}
    apply_plan(store, plan, source=out)
    assert store.count("result", pid) == 3
