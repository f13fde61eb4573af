"""Restore accepts only an organizer (issue 9, point 4), with real command-line runs.

The backups below are crafted the way someone who knows the format would: the database is
changed, then the manifest is rewritten with the new checksums, so every checksum matches
and only the contents are wrong. Each one is refused in one line with the store untouched,
and no refusal costs the copy an earlier restore kept of what it replaced.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.opening import open_store
from tests.helpers.cli import one_line_error

PASS = "correct horse battery staple"


def fill(root: Path, name: str, scan: Path) -> None:
    scan.write_bytes(f"Scan of {name}\n".encode() * 300)
    with open_store(root) as store:
        person = store.add("person", {"full_name": name}).id
        store.add("medication", {"name": "Metformin"}, person_id=person)
        record = store.add("record", {"title": "CT scan"}, person_id=person).id
        store.attach_file(record, scan)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A genuine backup of a store holding Ann Lee (with one attached file)."""
    from organizer.safety.backup import create_backup

    source = tmp_path / "source"
    fill(source, "Ann Lee", tmp_path / "ann.txt")
    with open_store(source) as store:
        create_backup(store, tmp_path / "good.zip")
    return tmp_path / "good.zip"


@pytest.fixture
def ben(data_dir: Path, tmp_path: Path) -> Path:
    """The store being restored into: Ben Ortiz's."""
    fill(data_dir, "Ben Ortiz", tmp_path / "ben.txt")
    return data_dir


def craft(good: Path, target: Path, change_db: Callable[[sqlite3.Connection], Any] | None = None,
          drop_files: bool = False, manifest_changes: dict[str, Any] | None = None) -> Path:
    """A copy of `good` with its database changed (or its files left out) and a manifest
    that matches: every checksum in it is right."""
    work = target.parent / f"{target.stem}-work"
    work.mkdir()
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        database = work / "organizer.db"
        database.write_bytes(archive.read("organizer.db"))
        files = {e["name"]: archive.read(e["name"]) for e in manifest["files"]}
    if change_db is not None:
        conn = sqlite3.connect(database, isolation_level=None)
        change_db(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
    data = database.read_bytes()
    manifest["database"] = {"name": "organizer.db", "sha256": hashlib.sha256(data).hexdigest(),
                            "size": len(data)}
    if drop_files:
        files, manifest["files"] = {}, []
    manifest.update(manifest_changes or {})
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("organizer.db", data)
        for name, content in files.items():
            archive.writestr(name, content)
        archive.writestr("manifest.json", json.dumps(manifest))
    return target


def state(root: Path) -> dict[str, str]:
    """Every file of the data folder and its checksum (the store untouched means equal)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "organizer.db-shm"}


def people(cli: Any, env: dict[str, str] | None = None) -> list[str]:
    done = cli("people", "--json", env=env)
    assert done.returncode == 0, done.stderr
    return [p["full_name"] for p in json.loads(done.stdout)]


CRAFTED: dict[str, dict[str, Any]] = {
    "an extra trigger": {"change_db": lambda c: c.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON medications BEGIN DELETE FROM people; END")},
    "an extra table": {"change_db": lambda c: c.execute("CREATE TABLE notes (body TEXT)")},
    "a view": {"change_db": lambda c: c.execute(
        "CREATE VIEW everyone AS SELECT full_name FROM people")},
    "an extra index": {"change_db": lambda c: c.execute(
        "CREATE INDEX idx_people_name ON people(full_name)")},
    "a missing column": {"change_db": lambda c: c.execute(
        "ALTER TABLE medications DROP COLUMN notes")},
    "an extra column": {"change_db": lambda c: c.execute(
        "ALTER TABLE people ADD COLUMN secret TEXT")},
    "a missing table": {"change_db": lambda c: c.execute("DROP TABLE journal_entries")},
    "an older version's number on today's tables": {"change_db": lambda c: c.execute(
        "PRAGMA user_version = 1"), "manifest_changes": {"schema_version": 1}},
    "a version the manifest does not give": {"change_db": lambda c: c.execute(
        "PRAGMA user_version = 3")},
    "a newer version": {"change_db": lambda c: c.execute("PRAGMA user_version = 99"),
                        "manifest_changes": {"schema_version": 99}},
    "no version": {"change_db": lambda c: c.execute("PRAGMA user_version = 0"),
                   "manifest_changes": {"schema_version": 0}},
    "a missing attachment": {"drop_files": True},
}


@pytest.mark.parametrize("what", sorted(CRAFTED))
def test_a_crafted_backup_is_refused_in_one_line_and_changes_nothing(
        cli: Any, ben: Path, good: Path, tmp_path: Path, what: str) -> None:
    crafted = craft(good, tmp_path / "crafted.zip", **CRAFTED[what])
    before = state(ben)
    line = one_line_error(cli("restore", str(crafted)), "nothing was changed")
    assert "Traceback" not in line
    assert state(ben) == before
    assert list((ben / "backups").iterdir()) == []
    assert people(cli) == ["Ben Ortiz"]


def test_the_genuine_backup_restores(cli: Any, ben: Path, good: Path) -> None:
    done = cli("restore", str(good))
    assert done.returncode == 0, done.stderr
    assert people(cli) == ["Ann Lee"]
    assert cli("check").returncode == 0


def test_a_backup_at_an_older_schema_version_is_checked_against_that_version(
        cli: Any, ben: Path, good: Path, tmp_path: Path) -> None:
    """Version 4 changed no table (it rebuilt the search index), and versions 5 and 6 added
    the disc index and the scanned pages: a backup with version 3's tables is an
    organizer's, restored, then brought up to date."""
    def to_version_3(conn: Any) -> None:
        conn.executescript("DROP TABLE disc_series; DROP TABLE attachment_pages; "
                           "ALTER TABLE attachments DROP COLUMN scan_status; "
                           "PRAGMA user_version = 3;")

    older = craft(good, tmp_path / "v3.zip", change_db=to_version_3,
                  manifest_changes={"schema_version": 3})
    done = cli("restore", str(older))
    assert done.returncode == 0, done.stderr
    assert people(cli) == ["Ann Lee"]
    assert cli("check").returncode == 0


def test_the_expected_schema_comes_from_running_the_migrations() -> None:
    from organizer.safety.restore_check import expected_schema
    from organizer.storage import migrations

    latest = expected_schema(migrations.LATEST)
    assert expected_schema(3) == expected_schema(4)  # step 4 only refilled the index
    assert ("table", "disc_series") in latest and ("table", "disc_series") not in \
        expected_schema(4)
    first = expected_schema(1)
    assert "search_index" in {name for _, name in latest} - {name for _, name in first}
    assert ("table", "meta") not in first and ("table", "meta") in latest


def test_an_encrypted_backup_missing_a_sealed_file_is_refused(
        cli: Any, ben: Path, tmp_path: Path) -> None:
    from tests.helpers.cli import run_cli
    source = tmp_path / "locked-source"
    fill(source, "Ann Lee", tmp_path / "ann.txt")
    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert run_cli("encrypt", data_dir=source, env=env).returncode == 0
    assert run_cli("backup", "-o", str(tmp_path / "locked.zip"), data_dir=source,
                   env=env).returncode == 0
    crafted = craft(tmp_path / "locked.zip", tmp_path / "no-files.zip", drop_files=True)
    before = state(ben)
    one_line_error(cli("restore", str(crafted), env=env), "nothing was changed")
    assert state(ben) == before
    done = cli("restore", str(tmp_path / "locked.zip"), env=env)  # the whole one is fine
    assert done.returncode == 0, done.stderr
    assert people(cli, env) == ["Ann Lee"]


def test_a_manifest_that_lies_about_encryption_is_refused_for_what_it_is(
        cli: Any, ben: Path, good: Path, tmp_path: Path) -> None:
    """Not "that passphrase does not open this backup": the passphrase is not the problem."""
    crafted = craft(good, tmp_path / "said-locked.zip", manifest_changes={"encrypted": True})
    before = state(ben)
    line = one_line_error(cli("restore", str(crafted), env={"ORGANIZER_PASSPHRASE": PASS}),
                          "not one this app makes", "nothing was changed")
    assert "passphrase" not in line
    assert state(ben) == before


def test_failed_restores_never_rotate_away_what_a_restore_replaced(
        cli: Any, ben: Path, good: Path, tmp_path: Path) -> None:
    done = cli("restore", str(good))
    assert done.returncode == 0, done.stderr
    kept = sorted((ben / "backups").glob("before-restore-*"))
    assert len(kept) == 1
    first = state(kept[0])
    for number, what in enumerate(("an extra trigger", "an extra table", "a view",
                                   "a missing attachment")):
        crafted = craft(good, tmp_path / f"crafted-{number}.zip", **CRAFTED[what])
        assert cli("restore", str(crafted)).returncode == 1
    assert sorted((ben / "backups").glob("before-restore-*")) == kept
    assert state(kept[0]) == first
    conn = sqlite3.connect(kept[0] / "organizer.db")
    try:
        assert [r[0] for r in conn.execute("SELECT full_name FROM people")] == ["Ben Ortiz"]
    finally:
        conn.close()
    assert people(cli) == ["Ann Lee"]


@pytest.mark.parametrize(("what", "words"), [
    ("an extra trigger", "tiene un disparador «wipe» que esta aplicación nunca crea"),
    ("a missing table", "falta la tabla «journal_entries»"),
    ("an extra column", "la tabla «people» tiene otras columnas que las de esta aplicación"),
    ("a missing attachment", "porque no contiene el archivo «ann.txt» del registro «CT scan»"),
])
def test_a_crafted_backup_is_refused_in_spanish_too(
        cli: Any, ben: Path, good: Path, tmp_path: Path, what: str, words: str) -> None:
    crafted = craft(good, tmp_path / "crafted.zip", **CRAFTED[what])
    line = one_line_error(cli("--lang", "es", "restore", str(crafted)), "no se cambió nada")
    assert "No se usó la copia de seguridad «crafted.zip»" in line and words in line, line
    assert people(cli) == ["Ben Ortiz"]
