"""A file about someone else is never imported silently into the chosen person, and a
batch of files is imported all together or not at all."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.interop.patient import same_birth_date, same_name
from organizer.opening import open_store
from organizer.storage.store import Store
from tests.helpers.snapshots import store_snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


def _bundle(path: Path, family: str = "DeLarosa", given: str = "Martha",
            born: str | None = "1972-05-01") -> Path:
    patient: dict[str, Any] = {"resourceType": "Patient", "id": "p1",
                               "name": [{"family": family, "given": [given]}],
                               "telecom": [{"system": "phone", "value": "+31788700800"}]}
    if born:
        patient["birthDate"] = born
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:p1", "resource": patient},
        {"resource": {"resourceType": "Condition", "subject": {"reference": "urn:uuid:p1"},
                      "code": {"text": "Asthma"}, "onsetDateTime": "2010-01-02"}}]}),
        encoding="utf-8")
    return path


@pytest.mark.parametrize(("one", "two"), [
    ("Martha DeLarosa", "martha delarosa"),
    ("Martha DeLarosa", "DeLarosa Martha"),
    ("Martha  DeLarosa ", "Martha Maria DeLarosa"),  # a middle name left out
    ("Martha De Larosa", "DeLarosa, Martha"),
    ("Łukasz Żółć", "LUKASZ ZOLC"),
    ("Zoë Müller", "Zoe Muller"),
    ("Dr. Ana Fictional", "Ana Fictional"),
])
def test_names_that_are_the_same_person(one: str, two: str) -> None:
    assert same_name(one, two) is True


@pytest.mark.parametrize(("one", "two"), [
    ("Martha DeLarosa", "Łukasz Żółć"),
    ("Anna Kowalska", "Anna Nowak"),
    ("Martha DeLarosa", "Marta Delarosa"),
])
def test_names_that_are_not(one: str, two: str) -> None:
    assert same_name(one, two) is False


def test_birth_dates_compare_to_the_less_precise_one() -> None:
    assert same_birth_date("1950-03", "1950-03-02") is True
    assert same_birth_date("1950", "1950-03-02") is True
    assert same_birth_date("1950-03-02", "1950-03-03") is False
    assert same_birth_date(None, "1950-03-02") is None


def _people(cli: Callable[..., Any]) -> None:
    assert cli("add", "person", "full_name=Anna Kowalska", "birth_date=1950-03-02"
               ).returncode == 0
    assert cli("add", "person", "full_name=Łukasz Żółć", "birth_date=2013-06-01"
               ).returncode == 0


def test_cli_refuses_a_file_about_someone_else(cli: Callable[..., Any], data_dir: Path,
                                               tmp_path: Path) -> None:
    _people(cli)
    martha = _bundle(tmp_path / "martha.json")
    before = store_snapshot(data_dir)
    done = cli("import", str(martha), "--person", "2")
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert "Martha DeLarosa, born 1 May 1972" in line
    assert "Łukasz Żółć, born 1 Jun 2013" in line and "--force" in line
    assert store_snapshot(data_dir) == before


def test_a_different_birth_date_alone_is_a_mismatch(cli: Callable[..., Any],
                                                    data_dir: Path, tmp_path: Path) -> None:
    _people(cli)
    other = _bundle(tmp_path / "anna.json", "Kowalska", "Anna", "1951-07-04")
    done = cli("import", str(other), "--person", "Anna Kowalska")
    assert done.returncode == 1 and "born 4 Jul 1951" in done.stderr


def test_force_imports_but_never_fills_the_persons_details(
        cli: Callable[..., Any], data_dir: Path, tmp_path: Path) -> None:
    _people(cli)
    martha = _bundle(tmp_path / "martha.json")
    done = cli("import", str(martha), "--person", "2", "--force")
    assert done.returncode == 0, done.stderr
    assert "names Martha DeLarosa" in done.stdout
    with open_store(data_dir) as store:
        lukasz = store.person(2)
        assert (lukasz.phone, lukasz.birth_date) == (None, "2013-06-01")
        assert [c.title for c in store.list_items("condition", 2)] == ["Asthma"]


def test_a_matching_file_fills_empty_details(cli: Callable[..., Any], data_dir: Path,
                                             tmp_path: Path) -> None:
    assert cli("add", "person", "full_name=martha  de larosa").returncode == 0
    done = cli("import", str(_bundle(tmp_path / "martha.json")), "--person", "1")
    assert done.returncode == 0, done.stderr
    with open_store(data_dir) as store:
        martha = store.person(1)
        assert (martha.phone, martha.birth_date) == ("+31788700800", "1972-05-01")
        assert martha.full_name == "martha  de larosa"  # the name typed is kept


def test_the_ips_example_is_refused_for_a_child(
        cli: Callable[..., Any], data_dir: Path, fixtures_dir: Path) -> None:
    _people(cli)
    cli("add", "person", "full_name=Third Person")
    ips = fixtures_dir / "ips" / "Bundle-IPS-examples-Bundle-01.json"
    before = store_snapshot(data_dir)
    done = cli("import", str(ips), "--person", "2")
    assert done.returncode == 1 and "Martha DeLarosa" in done.stderr
    assert store_snapshot(data_dir) == before


def test_core_refuses_to_apply_an_unconfirmed_mismatch(store: Store, tmp_path: Path
                                                       ) -> None:
    from organizer.errors import OrganizerError
    from organizer.interop.plan import apply_plan, make_plan
    from organizer.interop.reader import read_file

    pid = store.add("person", {"full_name": "Łukasz Żółć", "birth_date": "2013-06-01"}).id
    path = _bundle(tmp_path / "martha.json")
    plan = make_plan(store, read_file(path), pid)
    assert plan.mismatch is not None and plan.person_values == {}
    with pytest.raises(OrganizerError, match="Martha DeLarosa"):
        apply_plan(store, plan, source=path)
    assert store.count("condition", pid) == 0


# -- several files: all or nothing ----------------------------------------------------------


def test_a_bad_file_after_a_good_one_imports_neither(cli: Callable[..., Any], data_dir: Path,
                                                     tmp_path: Path) -> None:
    assert cli("add", "person", "full_name=Martha DeLarosa").returncode == 0
    good = _bundle(tmp_path / "good.json")
    before = store_snapshot(data_dir)
    done = cli("import", str(good), str(DATA / "billion_laughs.xml"), "--person", "1")
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert "billion_laughs.xml" in line
    assert store_snapshot(data_dir) == before


def test_several_good_files_are_imported_together_without_duplicates(
        cli: Callable[..., Any], data_dir: Path, tmp_path: Path) -> None:
    assert cli("add", "person", "full_name=Martha DeLarosa").returncode == 0
    one = _bundle(tmp_path / "one.json")
    two = tmp_path / "two.json"  # the same content under another name and checksum
    two.write_text(one.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    done = cli("import", str(one), str(two), "--person", "1")
    assert done.returncode == 0, done.stderr
    assert "Already in the organizer, so not added again: 1." in done.stdout
    with open_store(data_dir) as store:
        assert store.count("condition", 1) == 1
        kept = [r for r in store.list_items("record", 1) if r.kind == "imported"]
        assert len(kept) == 2
