"""Hostile input, by property: whatever is typed or handed in, the answer is a stored value
or a plain refusal (ValidationError / OrganizerError), and a refusal changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organizer.errors import OrganizerError, UsageError, ValidationError
from organizer.items.models import TYPES
from tests.helpers.hostile import assert_only_refuses, hostile_files

NASTY_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "\x00", "NULL", "null", "-1", "1e309", "nan", "inf", "0x10",
                     "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "1849", "２０２６",
                     "'; DROP TABLE people; --", "Robert'); DROP TABLE people;--",
                     "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "\u202eevil",
                     "yes", "No", "TRUE", "1,000,000", "1.000,50", "$12.50", "€", "١٢٣",
                     "a" * 10_000, "\ud800".encode("utf-8", "surrogatepass").decode(
                         "utf-8", "replace")]))

ALL_SPECS = [(type_name, name, spec) for type_name, cls in sorted(TYPES.items())
             for name, spec in cls.specs().items()]


@settings(max_examples=400, deadline=None, database=None)
@given(index=st.integers(0, len(ALL_SPECS) - 1), value=NASTY_TEXT)
def test_every_field_takes_a_value_or_refuses_in_words(index: int, value: str) -> None:
    from organizer.items.validation import check_date, clean_value

    _, name, spec = ALL_SPECS[index]
    try:
        cleaned = clean_value(spec, name, value, resolve=lambda target, text: 1)
    except ValidationError as exc:
        assert str(exc).strip()
        assert exc.field == name
        return
    if cleaned is None:
        assert not spec.required
        return
    if spec.kind in ("text", "longtext"):
        assert cleaned == value.strip() and "\x00" not in cleaned
    elif spec.kind == "date":
        assert check_date(cleaned) == cleaned  # stays valid when read back
    elif spec.kind == "bool":
        assert isinstance(cleaned, bool)
    elif spec.kind == "enum":
        assert cleaned in spec.choices
    elif spec.kind in ("int", "number"):
        assert cleaned == cleaned and abs(cleaned) != float("inf")
        assert spec.minimum is None or cleaned >= spec.minimum
        assert spec.maximum is None or cleaned <= spec.maximum


@settings(max_examples=300, deadline=None, database=None)
@given(type_name=st.sampled_from(sorted(TYPES)),
       words=st.lists(st.one_of(NASTY_TEXT, st.tuples(st.text(max_size=15), NASTY_TEXT).map(
           lambda kv: f"{kv[0]}={kv[1]}")), max_size=6))
def test_field_equals_value_words_parse_or_refuse(type_name: str, words: list[str]) -> None:
    from organizer.commands.add import parse_assignments

    try:
        values = parse_assignments(type_name, words)
    except (ValidationError, UsageError) as exc:  # a bad word is a usage error (exit 2)
        assert str(exc).strip()
        return
    assert len(values) == len(words)
    for word in words:  # the value is everything after the first "=", untouched
        name, _, value = word.partition("=")
        assert value in values.values()
        assert "=" in word and name.strip()


def test_the_command_line_error_stays_one_line_whatever_was_typed(cli) -> None:  # type: ignore[no-untyped-def]
    """Messages quote what was typed; a typed line break must not break the one-line rule."""
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("add", "medication", "--person", "1", "name=Aspirin", "started_on=2026\n-99",
               "bad\nword")
    assert done.returncode == 2  # "bad\nword" is not FIELD=VALUE: a usage error
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("organizer: ")
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def shared_store() -> Iterator[Any]:
    from organizer.opening import open_store

    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    with open_store(folder / "data") as store:
        store.add("person", {"full_name": "Ann Lee"})
        yield store
    shutil.rmtree(folder, ignore_errors=True)


def _fingerprint(store: Any) -> str:
    digest = hashlib.sha256()
    for table in ("people", "medications", "results", "journal_entries", "visits"):
        try:
            rows = store.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        except Exception:
            continue
        digest.update(repr(rows).encode())
    return digest.hexdigest()


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(type_name=st.sampled_from(["medication", "result", "journal", "visit", "allergy"]),
       raw=st.dictionaries(st.sampled_from(["name", "dose", "value", "flag", "observed_on",
                                            "written_on", "text", "scheduled_at", "status",
                                            "active", "substance", "severity", "unit", "bogus"]),
                           NASTY_TEXT, max_size=5))
def test_a_refused_write_changes_nothing_and_an_accepted_one_reads_back(
        shared_store: Any, type_name: str, raw: dict[str, str]) -> None:
    before = _fingerprint(shared_store)
    try:
        change = shared_store.add(type_name, raw, person_id=1)
    except OrganizerError:
        assert _fingerprint(shared_store) == before
        return
    item = shared_store.get(type_name, change.id)
    for name, value in raw.items():
        spec = item.specs()[name]
        if spec.kind in ("text", "longtext") and value.strip():
            assert getattr(item, name) == value.strip()


@pytest.fixture(scope="module")
def good_backup() -> Iterator[bytes]:
    from organizer.opening import open_store
    from organizer.safety.backup import create_backup

    folder = Path(tempfile.mkdtemp(prefix="hostile-backup-"))
    scan = folder / "scan.txt"
    scan.write_text("hello " * 100)
    with open_store(folder / "data") as store:
        person = store.add("person", {"full_name": "Ann Lee"}).id
        record = store.add("record", {"title": "Scan"}, person_id=person).id
        store.attach_file(record, scan)
        create_backup(store, folder / "b.zip")
    yield (folder / "b.zip").read_bytes()
    shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_hostile_backup_file_is_only_ever_refused_in_words(
        good_backup: bytes, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from organizer.safety.backup import verify_backup

    blob = data.draw(hostile_files(sample=good_backup))
    folder = tmp_path_factory.mktemp("hostile")
    assert_only_refuses(verify_backup, blob, folder, "backup.zip")


def test_a_zip_bomb_entry_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    """An entry that claims one size in the manifest and holds far more is cut off."""
    import json

    from organizer.safety.backup import verify_backup

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizer.db", b"\0" * 50_000_000)
        archive.writestr("manifest.json", json.dumps({
            "format": "second-opinion-organizer-backup", "format_version": 1,
            "schema_version": 3, "encrypted": False,
            "database": {"name": "organizer.db", "sha256": "0" * 64, "size": 10},
            "files": []}))
    with pytest.raises(OrganizerError, match="damaged"):
        verify_backup(bomb)
