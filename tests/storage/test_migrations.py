"""Schema versions: an old store is backed up and brought up to date; a newer one is refused
without a byte written."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from organizer.errors import NewerDatabaseError
from organizer.opening import open_store
from organizer.storage import migrations

V1 = Path(__file__).resolve().parents[1] / "data" / "schema_v1.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_store_from_the_first_schema_is_migrated_with_a_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(V1, data / "organizer.db")
    original = _digest(data / "organizer.db")
    with open_store(data) as store:
        assert migrations.current_version(store.conn) == migrations.LATEST
        person = store.find_person("zoë παπαδοπούλου")
        assert [m.title for m in store.list_items("medication", person.id)] == ["Gabapentin"]
        # the search index was built from the old rows
        assert [h.type for h in store.search("stenosis")] == ["condition"]
        assert [h.type for h in store.search("Παπαδοπούλου")] == ["person"]
        # and new writes work on the migrated schema
        store.add("allergy", {"substance": "Penicillin"}, person_id=person.id)
    backups = list((data / "backups").glob("before-migration-v1-*.zip"))
    assert len(backups) == 1
    # The backup is a verified full backup that `restore` takes back: the old schema.
    restored = tmp_path / "restored"
    from organizer.safety.backup import restore_backup, verify_backup

    verify_backup(backups[0])
    open_store(restored).close()
    restore_backup(restored, backups[0])
    conn = sqlite3.connect(restored / "organizer.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT full_name FROM people").fetchone()[0] == "Zoë Παπαδοπούλου"
    conn.close()
    assert original != _digest(data / "organizer.db")


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        store.add("person", {"full_name": "Anna"})
    conn = sqlite3.connect(data / "organizer.db")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    for extra in ("-wal", "-shm"):
        Path(f"{data / 'organizer.db'}{extra}").unlink(missing_ok=True)
    before = _digest(data / "organizer.db")
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(data)
    assert _digest(data / "organizer.db") == before
    assert not Path(f"{data / 'organizer.db'}-wal").exists()


def test_a_failing_migration_step_changes_nothing(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(V1, data / "organizer.db")

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    monkeypatch.setattr(migrations, "LATEST", 2)
    with pytest.raises(Exception, match="version 2 failed"):
        open_store(data)
    conn = sqlite3.connect(data / "organizer.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"
                        ).fetchone()[0] == 0
    conn.close()


def test_a_file_that_is_not_a_database_is_refused_in_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "organizer.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(Exception, match="damaged or not a database"):
        open_store(data)
