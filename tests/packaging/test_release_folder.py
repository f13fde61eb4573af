"""A data folder made by release 0.1.0 (tests/data/release-0.1.0) opens with today's code
with every item and every attached file as that release wrote them.

The same folder is opened by the packaged app in `make package-test`
(packaging/smoke_test.py); this is the source's half, run in the quick suite.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from organizer.cli import main
from organizer.opening import open_store
from organizer.safety import backup
from organizer.storage import migrations

RELEASE = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
EXPECTED = json.loads((RELEASE.parent / "release-0.1.0.expected.json").read_text("utf-8"))


def _json(capsys: Any, *args: str) -> Any:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_release_folder_opens_with_every_item(tmp_path: Path, capsys: Any) -> None:
    data = tmp_path / "data"
    shutil.copytree(RELEASE, data)
    assert _json(capsys, "--data-dir", str(data), "people", "--json") == EXPECTED["people"]
    for key, items in EXPECTED["items"].items():
        person, kind = key.split("/")
        listed = _json(capsys, "--data-dir", str(data), "list", kind, "--person", f"#{person}",
                       "--json")
        assert listed == items, key


def _schema_of(folder: Path) -> int:
    """The schema version release 0.1.0 wrote, read without opening the store."""
    conn = sqlite3.connect(f"file:{folder / 'organizer.db'}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _assert_intact(data: Path, capsys: Any) -> None:
    """Every item as release 0.1.0 listed it, every file with its checksum, the scan's
    text searchable."""
    assert _json(capsys, "--data-dir", str(data), "people", "--json") == EXPECTED["people"]
    for key, items in EXPECTED["items"].items():
        person, kind = key.split("/")
        assert _json(capsys, "--data-dir", str(data), "list", kind, "--person", f"#{person}",
                     "--json") == items, key
    records = [r for k, v in EXPECTED["items"].items() if k.endswith("/record") for r in v]
    attachments = [a for r in records for a in r["attachments"]]
    assert {a["media_type"] for a in attachments} == {"application/pdf", "image/png"}
    with open_store(data) as store:
        assert migrations.current_version(store.conn) == migrations.LATEST
        for record in records:
            for stored in store.attachments(record["id"]):
                body = store.read_attachment(stored)
                assert hashlib.sha256(body).hexdigest() == stored.sha256
        assert {h.type for h in store.search("hemoglobin")} == {"record"}  # the scan's text


def _backups(data: Path) -> list[Path]:
    return sorted((data / "backups").iterdir()) if (data / "backups").is_dir() else []


def _assert_backed_up_before_migration(data: Path, made_by: int) -> None:
    """One whole backup of the store as release 0.1.0 left it, made before migrating."""
    backups = _backups(data)
    assert [b.name.startswith(f"before-migration-v{made_by}-") for b in backups] == [True]
    info = backup.verify_backup(backups[0])  # every checksum in it
    assert info.schema_version == made_by
    assert info.files == len(list((data / "files").iterdir()))


def test_the_release_folder_keeps_its_files_and_migrates_only_after_a_backup(
        tmp_path: Path, capsys: Any) -> None:
    """Today the release's schema is the latest (no backup is made); once a later schema
    step exists, opening it must first leave a verified backup of it as it was."""
    data = tmp_path / "data"
    shutil.copytree(RELEASE, data)
    made_by = _schema_of(data)
    assert 1 <= made_by <= migrations.LATEST
    _assert_intact(data, capsys)
    if made_by < migrations.LATEST:
        _assert_backed_up_before_migration(data, made_by)
    else:
        assert _backups(data) == []


def test_a_later_schema_step_migrates_the_release_folder_after_its_backup(
        tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The branch above that today's schema does not reach, reached with one more step
    (a new table, as a real step would add): backup first, then every item and file."""
    data = tmp_path / "data"
    shutil.copytree(RELEASE, data)
    made_by = _schema_of(data)

    def later_step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE later_step (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, later_step])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.MIGRATIONS))
    _assert_intact(data, capsys)
    assert _schema_of(data) == migrations.LATEST > made_by
    _assert_backed_up_before_migration(data, made_by)
