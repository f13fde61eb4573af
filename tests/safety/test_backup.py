"""Backups: made and verified, restored atomically, damaged ones refused, rotated."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from organizer.storage.gate import GATE_FILES

PASS = "correct horse battery staple"


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _fill_here(root: Path, tmp_path: Path, name: str) -> None:
    """The same as _fill, in this process (quicker where the command line is not the point)."""
    from organizer.opening import open_store

    scan = tmp_path / f"{name}.txt"
    scan.write_bytes(f"Scan of {name}\n".encode() * 300)
    with open_store(root) as store:
        person = store.add("person", {"full_name": name}).id
        store.add("medication", {"name": "Metformin"}, person_id=person)
        record = store.add("record", {"title": "CT scan"}, person_id=person).id
        store.attach_file(record, scan)


def _fill(cli, tmp_path: Path, name: str = "Ann Lee", env=None) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / f"{name}.txt"
    scan.write_bytes(f"Scan of {name}\n".encode() * 300)
    for args in (("add", "person", f"full_name={name}"),
                 ("add", "medication", "--person", name, "name=Metformin"),
                 ("add", "record", "--person", name, "title=CT scan", "--file", str(scan))):
        done = cli(*args, env=env)
        assert done.returncode == 0, done.stderr


def _listing(cli, env=None) -> str:  # type: ignore[no-untyped-def]
    people = cli("people", "--json", env=env)
    assert people.returncode == 0, people.stderr
    out = people.stdout
    for person in json.loads(people.stdout):
        for type_name in ("medication", "record"):
            out += cli("list", type_name, "--person", str(person["id"]), "--json",
                       env=env).stdout
    return out


def test_backup_then_restore_brings_back_exactly_what_was_saved(
        cli, data_dir: Path, tmp_path: Path) -> None:
    _fill(cli, tmp_path)
    saved = _listing(cli)
    files_before = sorted(p.name for p in (data_dir / "files").iterdir())
    target = tmp_path / "family.zip"
    made = cli("backup", "-o", str(target))
    assert made.returncode == 0, made.stderr
    assert "verified" in made.stdout
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert sorted(archive.namelist()) == sorted(
            ["manifest.json", "organizer.db"] + [f"files/{n}" for n in files_before])
        for entry in [manifest["database"], *manifest["files"]]:
            assert hashlib.sha256(archive.read(entry["name"])).hexdigest() == entry["sha256"]

    _fill(cli, tmp_path, name="Bob Stone")  # changes made after the backup
    assert _listing(cli) != saved
    restored = cli("restore", str(target))
    assert restored.returncode == 0, restored.stderr
    assert _listing(cli) == saved
    assert sorted(p.name for p in (data_dir / "files").iterdir()) == files_before
    check = cli("check")
    assert check.returncode == 0, check.stdout
    # what the restore replaced is kept, with Bob in it
    kept = sorted((data_dir / "backups").glob("before-restore-*"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0] / "organizer.db") as old:
        names = {r[0] for r in old.execute("SELECT full_name FROM people")}
    assert names == {"Ann Lee", "Bob Stone"}


def _damage(target: Path, tmp_path: Path, how: str) -> Path:
    damaged = tmp_path / f"damaged-{how}.zip"
    data = bytearray(target.read_bytes())
    if how == "flipped-byte":
        with zipfile.ZipFile(target) as archive:
            info = archive.getinfo("organizer.db")
        offset = info.header_offset + 30 + len(info.filename) + 100
        data[offset] ^= 0xFF
        damaged.write_bytes(bytes(data))
    elif how == "truncated":
        damaged.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "not-a-zip":
        damaged.write_bytes(b"hello, I am not a backup")
    elif how == "escaping-name":
        with zipfile.ZipFile(target) as src, zipfile.ZipFile(damaged, "w") as out:
            manifest = json.loads(src.read("manifest.json"))
            manifest["files"].append({"name": "../../evil", "sha256": "0" * 64, "size": 1})
            for name in src.namelist():
                if name != "manifest.json":
                    out.writestr(name, src.read(name))
            out.writestr("../../evil", b"x")
            out.writestr("manifest.json", json.dumps(manifest))
    elif how == "missing-file":
        with zipfile.ZipFile(target) as src, zipfile.ZipFile(damaged, "w") as out:
            for name in src.namelist():
                if not name.startswith("files/"):
                    out.writestr(name, src.read(name))
    return damaged


@pytest.mark.parametrize("how", ["flipped-byte", "truncated", "not-a-zip", "escaping-name",
                                 "missing-file"])
def test_a_damaged_backup_is_refused_and_the_store_is_untouched(
        cli, data_dir: Path, tmp_path: Path, how: str) -> None:
    from organizer.opening import open_store
    from organizer.safety.backup import create_backup

    _fill_here(data_dir, tmp_path, "Ann Lee")
    target = tmp_path / "good.zip"
    with open_store(data_dir) as store:
        create_backup(store, target)
    _fill_here(data_dir, tmp_path, "Bob Stone")
    before = _snapshot(data_dir)
    done = cli("restore", str(_damage(target, tmp_path, how)))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "not changed" in done.stderr or "Nothing was changed" in done.stderr, done.stderr
    assert _snapshot(data_dir) == before
    assert not (tmp_path / "evil").exists() and not (data_dir.parent / "evil").exists()
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")
            and p.name not in GATE_FILES] == []


def test_an_encrypted_backup_needs_its_passphrase(
        cli, data_dir: Path, tmp_path: Path) -> None:
    _fill(cli, tmp_path)
    assert cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0
    env = {"ORGANIZER_PASSPHRASE": PASS}
    saved = _listing(cli, env)
    target = tmp_path / "locked.zip"
    assert cli("backup", "-o", str(target), env=env).returncode == 0
    assert b"Ann Lee" not in target.read_bytes()
    _fill(cli, tmp_path, name="Bob Stone", env=env)
    before = _snapshot(data_dir)
    wrong = cli("restore", str(target), env={"ORGANIZER_PASSPHRASE": "wrong passphrase"})
    assert wrong.returncode == 1 and "passphrase" in wrong.stderr
    assert _snapshot(data_dir) == before
    right = cli("restore", str(target), env=env)
    assert right.returncode == 0, right.stderr
    assert _listing(cli, env) == saved


def test_automatic_backups_rotate_and_happen_once_a_day(store, person_id: int) -> None:  # type: ignore[no-untyped-def]
    from organizer.safety.backup import KEEP, auto_backup, maybe_daily_backup, verify_backup

    first = maybe_daily_backup(store)
    assert first is not None and verify_backup(first).files == 0
    assert maybe_daily_backup(store) is None  # already done today
    for _ in range(KEEP["daily"] + 2):
        auto_backup(store.conn, store.dirs, "daily")
    kept = sorted(store.dirs.backups.glob("daily-*.zip"))
    assert len(kept) == KEEP["daily"]
    assert first not in kept  # the oldest went first
    for path in kept:
        verify_backup(path)


def test_a_migration_is_preceded_by_a_verified_backup(data_dir: Path) -> None:
    from organizer.opening import open_store
    from organizer.safety.backup import verify_backup
    from organizer.storage import migrations

    data_dir.mkdir(parents=True)
    old = sqlite3.connect(data_dir / "organizer.db", isolation_level=None)
    for step in migrations.MIGRATIONS[:2]:
        step(old)
    old.execute("PRAGMA user_version = 2")
    old.execute("INSERT INTO people (full_name, created_at, updated_at, origin) "
                "VALUES ('Ann Lee', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'typed')")
    old.close()
    with open_store(data_dir) as store:
        assert [p.full_name for p in store.people()] == ["Ann Lee"]
    made = sorted((data_dir / "backups").glob("before-migration-v2-*.zip"))
    assert len(made) == 1
    info = verify_backup(made[0])
    assert info.schema_version == 2


def test_backup_to_a_missing_folder_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("backup", "-o", str(tmp_path / "nowhere" / "b.zip"))
    assert done.returncode == 1 and "does not exist" in done.stderr
