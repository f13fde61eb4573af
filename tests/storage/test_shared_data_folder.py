"""Several processes on one data folder: a start clears only what dead processes left.

Each test starts a real writer process (tests/helpers/paused_writer.py) that holds still in the
middle of its write, with its temporary file or staging folder on disk; this process opens
the store meanwhile (as `organizer list` in a terminal would while the app attaches a big
scan), then lets the writer finish. The write must be there, whole. A writer killed at the
same point leaves files that the next start does clear.
"""

from __future__ import annotations

import os
import select
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from organizer.safety.check import check_store
from tests.helpers.cli import ROOT, run_cli
from tests.helpers.paused_writer import dead_pid

CHILD = Path(__file__).resolve().parents[1] / "helpers" / "paused_writer.py"
PASSPHRASE = "paused writer passphrase"

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="the paused writer finds its files through /proc")


class Paused:
    """A writer process held at its first fsync of the scenario's file."""

    def __init__(self, scenario: str, root: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
        env["PYTHONPATH"] = str(ROOT)
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), scenario, str(root), *args], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("PAUSED "):
            self.process.kill()
            out, err = self.process.communicate()
            raise AssertionError(f"the writer did not pause: {line!r} {out} {err[-2000:]}")
        self.at = Path(line.split(" ", 1)[1].strip())

    def finish(self) -> str:
        """Let it go on; what it reported at the end."""
        out, err = self.process.communicate("go\n", timeout=120)
        assert self.process.returncode == 0, f"the writer failed: {out} {err[-2000:]}"
        return out.strip()

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.communicate(timeout=60)


def _store_with_a_record(root: Path) -> None:
    from organizer.opening import open_store

    with open_store(root) as store:
        person = store.add("person", {"full_name": "Ann Lee"}).id
        store.add("medication", {"name": "Metformin"}, person_id=person)
        assert store.add("record", {"title": "MRI report"}, person_id=person).id == 1


def _open_meanwhile(root: Path) -> None:
    """What another start does: open the store (its start-up sweep runs), and close it."""
    from organizer.opening import open_store

    open_store(root).close()


def _open_is_held_back(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What another start does during a switch of the whole store: it waits at the gate
    (organizer.gate) and, when the switch outlasts its wait, gives up in words."""
    from organizer.errors import StoreBusyError
    from organizer.opening import open_store
    from organizer.storage import gate

    monkeypatch.setattr(gate, "OPEN_WAIT_SECONDS", 0.3)
    with pytest.raises(StoreBusyError, match="being replaced"):
        open_store(root)


def test_opening_the_store_leaves_another_process_s_attachment_alone(
        tmp_path: Path) -> None:
    root = tmp_path / "data"
    _store_with_a_record(root)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a big scan " + os.urandom(300_000))
    writer = Paused("attach", root, str(scan))
    assert writer.at.name.startswith(".tmp-") and writer.at.exists()

    _open_meanwhile(root)
    listed = run_cli("list", "medication", "--person", "1", data_dir=root)  # the report's case
    assert listed.returncode == 0 and "Metformin" in listed.stdout, listed.stderr
    assert writer.at.exists(), "a start removed the file another process was writing"

    assert writer.finish() == "DONE attached"
    from organizer.opening import open_store

    with open_store(root) as store:
        (attachment,) = store.get("record", 1).attachments  # type: ignore[attr-defined]
        assert store.read_attachment(attachment) == scan.read_bytes()
        assert check_store(store).ok
    assert not writer.at.exists()


def test_opening_the_store_leaves_a_running_backup_alone(tmp_path: Path) -> None:
    from organizer.safety.backup import verify_backup

    root = tmp_path / "data"
    _store_with_a_record(root)
    writer = Paused("backup", root)
    temps = sorted(p.name for p in root.rglob(".tmp-*"))
    assert len(temps) == 2  # the database copy and the zip being written

    _open_meanwhile(root)
    assert sorted(p.name for p in root.rglob(".tmp-*")) == temps

    done = writer.finish()
    made = root / "backups" / done.split(" ", 1)[1]
    assert verify_backup(made).files == 0
    assert list(root.rglob(".tmp-*")) == []


def _backup_of_another_store(tmp_path: Path) -> Path:
    from organizer.opening import open_store
    from organizer.safety.backup import create_backup

    with open_store(tmp_path / "other") as store:
        store.add("person", {"full_name": "Restored Person"})
        return create_backup(store, tmp_path / "other.zip").path


def test_opening_the_store_waits_for_a_restore_and_leaves_its_staging_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.opening import open_store

    root = tmp_path / "data"
    _store_with_a_record(root)
    backup = _backup_of_another_store(tmp_path)
    writer = Paused("restore", root, str(backup))
    staging = next(p for p in writer.at.parents if p.name.startswith(".staging-"))

    _open_is_held_back(root, monkeypatch)
    assert staging.is_dir() and (staging / "organizer.db").exists()

    assert writer.finish() == "DONE restored"
    with open_store(root) as store:
        assert [p.full_name for p in store.people()] == ["Restored Person"]
        assert check_store(store).ok


def test_opening_the_store_waits_for_an_encryption_switch_and_it_is_private(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.opening import open_store

    root = tmp_path / "data"
    _store_with_a_record(root)
    old_umask = os.umask(0o022)
    try:
        writer = Paused("encrypt", root)
    finally:
        os.umask(old_umask)
    staging = next(p for p in writer.at.parents if p.name.startswith(".staging-"))
    # In the middle of the switch too, every file is the user's alone.
    modes = {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode)
             for p in root.rglob("*") if p.is_file()}
    assert "organizer.db" in {Path(name).name for name in modes if ".staging-" in name}
    assert {name: mode for name, mode in modes.items() if mode != 0o600} == {}

    _open_is_held_back(root, monkeypatch)
    assert (staging / "organizer.db").exists()

    assert writer.finish() == "DONE encrypted"
    with open_store(root, passphrase=PASSPHRASE) as store:
        assert store.encrypted and check_store(store).ok
        assert [p.full_name for p in store.people()] == ["Ann Lee"]


def test_a_start_waits_for_another_process_s_switch_instead_of_running_it(
        tmp_path: Path) -> None:
    from organizer.errors import OrganizerError
    from organizer.opening import open_store
    from organizer.storage import swap
    from organizer.storage.paths import DataDir

    root = tmp_path / "data"
    _store_with_a_record(root)
    backup = _backup_of_another_store(tmp_path)
    writer = Paused("restore-journal", root, str(backup))
    journal = root / swap.JOURNAL
    assert journal.exists()

    # Its renames are its own: another start neither runs them nor removes its folders.
    with pytest.raises(OrganizerError, match="has not finished"):
        swap.finish_pending(DataDir(root), wait=0)
    assert journal.exists()
    assert [p for p in root.iterdir() if p.name.startswith(".staging-")]

    opened: list[object] = []

    def start() -> None:  # waits for the switch, then opens what it made
        with open_store(root) as store:
            opened.append([p.full_name for p in store.people()])

    starting = threading.Thread(target=start)
    starting.start()
    assert writer.finish() == "DONE restored"
    starting.join(timeout=60)
    assert opened == [["Restored Person"]]
    assert not journal.exists()


def test_what_a_killed_writer_left_is_listed_by_check_and_cleared_at_the_next_start(
        tmp_path: Path) -> None:
    from organizer.opening import open_store

    root = tmp_path / "data"
    _store_with_a_record(root)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(100_000))
    writer = Paused("attach", root, str(scan))
    writer.kill()
    assert writer.at.exists()

    checked = run_cli("check", data_dir=root)
    assert checked.returncode == 0, checked.stdout
    assert writer.at.name in checked.stdout and "Leftover" in checked.stdout
    assert writer.at.exists()  # check lists; it does not clear without --repair

    open_store(root).close()  # the next start
    assert not writer.at.exists()


def test_check_lists_leftovers_and_files_it_did_not_make_and_repair_clears_leftovers(
        tmp_path: Path) -> None:
    root = tmp_path / "data"
    _store_with_a_record(root)
    gone = dead_pid()
    leftover = root / "files" / f".tmp-{gone}-0123456789ab"
    leftover.write_bytes(b"half written")
    staging = root / f".staging-{gone}-0123456789ab"
    staging.mkdir()
    (staging / "organizer.db").write_bytes(b"half a copy")
    stray = root / "stray.txt"
    stray.write_text("notes the user keeps here")

    checked = run_cli("check", data_dir=root)
    assert checked.returncode == 0, checked.stdout  # notes, not damage
    notes = [line for line in checked.stdout.splitlines() if line.startswith("note")]
    assert any(leftover.name in line for line in notes), checked.stdout
    assert any(staging.name in line for line in notes), checked.stdout
    assert any("stray.txt" in line and "Not made by the organizer" in line for line in notes)
    assert leftover.exists() and staging.exists()

    repaired = run_cli("check", "--repair", data_dir=root)
    assert repaired.returncode == 0, repaired.stdout
    assert not leftover.exists() and not staging.exists()
    assert stray.read_text() == "notes the user keeps here"  # the user's: never touched


def test_files_of_a_live_process_are_not_leftovers(tmp_path: Path) -> None:
    from organizer.storage.paths import DataDir

    root = tmp_path / "data"
    _store_with_a_record(root)
    mine = root / "files" / f".tmp-{os.getpid()}-0123456789ab"
    theirs = root / "files" / f".tmp-{dead_pid()}-0123456789ab"
    unnamed = root / "files" / ".tmp-backup-0123456789ab.zip"  # an older version's name
    for path in (mine, theirs, unnamed):
        path.write_bytes(b"x")
    assert DataDir(root).leftovers() == sorted([theirs, unnamed])
