"""Hostile, malformed and unrecognised files are refused in one line and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.snapshots import store_snapshot

DATA = Path(__file__).resolve().parents[1] / "data"




@pytest.fixture
def seeded(cli: Callable[..., Any], data_dir: Path) -> Path:
    assert cli("add", "person", "full_name=Anna Kowalska").returncode == 0
    assert cli("add", "allergy", "--person", "Anna Kowalska", "substance=Penicillin"
               ).returncode == 0
    return data_dir


def _refused(cli: Callable[..., Any], data_dir: Path, path: Path, *words: str) -> str:
    before = store_snapshot(data_dir)
    done = cli("import", str(path), "--person", "Anna Kowalska")
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0]
    assert store_snapshot(data_dir) == before
    return lines[0]


def test_billion_laughs_is_refused(cli: Callable[..., Any], seeded: Path) -> None:
    _refused(cli, seeded, DATA / "billion_laughs.xml", "not allowed, for safety")


def test_external_entity_reading_a_local_file_is_refused(
        cli: Callable[..., Any], seeded: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    hostile = tmp_path / "xxe.xml"
    hostile.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [\n'
        f'  <!ENTITY leak SYSTEM "file://{secret}">\n]>\n'
        '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&leak;</title>'
        '<recordTarget><patientRole><patient><name>&leak;</name></patient></patientRole>'
        '</recordTarget></ClinicalDocument>\n')
    line = _refused(cli, seeded, hostile, "not allowed, for safety")
    assert "TOP-SECRET" not in line
    search = cli("search", "TOP-SECRET-CONTENT", "--json")
    assert search.returncode == 0 and search.stdout.strip() == "[]"


def test_outside_dtd_is_refused(cli: Callable[..., Any], seeded: Path) -> None:
    _refused(cli, seeded, DATA / "external_dtd.xml", "not allowed, for safety")


def test_broken_json_is_refused(cli: Callable[..., Any], seeded: Path) -> None:
    _refused(cli, seeded, DATA / "broken.json", "not valid JSON")


@pytest.mark.parametrize("name", ["not_health.json", "not_health.xml"])
def test_unrecognised_files_are_refused(cli: Callable[..., Any], seeded: Path,
                                        name: str) -> None:
    _refused(cli, seeded, DATA / name, "not a health record")


def test_truncated_xml_and_random_bytes_are_refused(cli: Callable[..., Any], seeded: Path,
                                                   tmp_path: Path) -> None:
    truncated = tmp_path / "cut.xml"
    truncated.write_bytes((DATA / "c32_older.xml").read_bytes()[:1500])
    _refused(cli, seeded, truncated, "not valid XML")
    noise = tmp_path / "photo.jpg"
    noise.write_bytes(bytes(range(256)) * 4)
    _refused(cli, seeded, noise, "not a health record")


def test_a_failure_in_the_middle_writes_nothing(store: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """All or nothing: a write failing halfway leaves the store as it was."""
    from organizer.errors import OrganizerError
    from organizer.interop.plan import apply_plan, make_plan
    from organizer.interop.reader import read_file

    path = DATA / "fhir_messy_bundle.json"
    person_id = store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id
    plan = make_plan(store, read_file(path), person_id)
    real_add = store.add
    calls = {"n": 0}

    def failing_add(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 6:
            raise OrganizerError("disk trouble")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(store, "add", failing_add)
    with pytest.raises(OrganizerError):
        apply_plan(store, plan, source=path)
    monkeypatch.undo()
    for type_name in ("provider", "condition", "result", "record", "medication"):
        assert store.list_items(type_name, person_id) == []
    assert store.find_import(plan.parsed.sha256) is None
    # and the same plan applies cleanly afterwards
    result = apply_plan(store, make_plan(store, read_file(path), person_id), source=path)
    assert result.added["condition"] == 2
