"""A full disk and a read-only data folder: a clear message, and nothing lost.

Where the tests may mount file systems (root, as on the project's machines), a real tiny
tmpfs is filled up or remounted read-only. Elsewhere, the same paths are driven by SQLite's
own page limit (a real SQLITE_FULL) and by an ENOSPC raised at the edge of the file write.
"""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.errors import OrganizerError
from organizer.safety.check import check_store


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(where)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "tiny"
    if not _mount_tmpfs(where, "3m"):
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(where)], capture_output=True)
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _names(cli) -> list[str]:  # type: ignore[no-untyped-def]
    done = cli("list", "medication", "--person", "1", "--json")
    assert done.returncode == 0, done.stderr
    import json

    return [m["name"] for m in json.loads(done.stdout)]


@pytest.mark.slow
def test_a_full_disk_gives_a_clear_message_and_loses_nothing(
        tiny_disk: Path, tmp_path: Path) -> None:
    from tests.helpers.cli import run_cli
    data = tiny_disk / "data"

    def cli(*args: str):  # type: ignore[no-untyped-def]
        return run_cli(*args, data_dir=data)

    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    saved = []
    for number in range(5):
        assert cli("add", "medication", "--person", "1", f"name=Med {number}").returncode == 0
        saved.append(f"Med {number}")
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(1_500_000))
    messages = set()
    for number in range(4):  # attachments until the disk is full
        done = cli("add", "record", "--person", "1", f"title=Scan {number}", "--file", str(big))
        if done.returncode != 0:
            messages.add(done.stderr)
            assert done.returncode == 1 and done.stderr.count("\n") == 1
            assert "disk is full" in done.stderr and "Traceback" not in done.stderr
    assert messages, "the disk never filled up"
    filler = tiny_disk / "filler"
    with open(filler, "wb") as out:  # leave SQLite no room either
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    done = cli("add", "medication", "--person", "1", "name=Too much")
    assert done.returncode == 1 and "disk is full" in done.stderr, done.stderr
    backup = cli("backup", "-o", str(tiny_disk / "b.zip"))
    assert backup.returncode == 1 and "disk is full" in backup.stderr, backup.stderr
    assert not (tiny_disk / "b.zip").exists()
    filler.unlink()
    assert _names(cli) == saved  # nothing that was saved is lost
    check = cli("check")
    assert check.returncode == 0, check.stdout
    leftovers = [p for p in tiny_disk.rglob(".tmp-*")]
    assert leftovers == []


@pytest.mark.slow
def test_a_read_only_data_folder_says_so_and_loses_nothing(tiny_disk: Path) -> None:
    from tests.helpers.cli import run_cli
    data = tiny_disk / "data"

    def cli(*args: str):  # type: ignore[no-untyped-def]
        return run_cli(*args, data_dir=data)

    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    assert cli("add", "medication", "--person", "1", "name=Metformin").returncode == 0
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in data.rglob("*")
              if p.is_file()}
    assert subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)]).returncode == 0
    for args in (("add", "medication", "--person", "1", "name=Aspirin"), ("people",),
                 ("backup", "-o", str(tiny_disk / "b.zip"))):
        done = cli(*args)
        assert done.returncode == 1
        assert "read-only" in done.stderr and "Nothing was changed" in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1
    assert subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)]).returncode == 0
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in data.rglob("*")
             if p.is_file()}
    assert after == before
    assert _names(cli) == ["Metformin"]


def test_sqlite_reporting_a_full_disk_is_said_plainly_and_rolls_back(store, person_id) -> None:  # type: ignore[no-untyped-def]
    """Without mounting: SQLite's own page limit produces the real SQLITE_FULL error."""
    store.add("medication", {"name": "Kept"}, person_id=person_id)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OrganizerError, match="disk is full"):
        with store.transaction():
            for number in range(2000):
                store.add("journal", {"written_on": "2026-01-01", "text": "x" * 3000 +
                                      str(number)}, person_id=person_id)
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert [m.title for m in store.list_items("medication", person_id)] == ["Kept"]
    assert store.list_items("journal", person_id) == []
    assert check_store(store).ok


def test_a_file_write_that_hits_a_full_disk_adds_nothing(
        store, person_id, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without mounting: the write of the attachment's bytes fails with ENOSPC."""
    from organizer.storage import attachments

    record = store.add("record", {"title": "Scan"}, person_id=person_id).id
    source = tmp_path / "scan.txt"
    source.write_text("scan " * 1000)
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(attachments.os, "fsync", full_disk)
    with pytest.raises(OrganizerError, match="disk is full"):
        store.attach_file(record, source)
    monkeypatch.setattr(attachments.os, "fsync", real_fsync)
    assert store.get("record", record).attachments == ()
    assert list(store.dirs.files.iterdir()) == []  # no half-written file left behind
