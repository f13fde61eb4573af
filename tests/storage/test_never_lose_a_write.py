"""Several processes on one store: no acknowledged write is ever lost.

Each test runs real processes on a real data folder: a process holding the store open as
the app does (tests/helpers/held_store.py), commands in a terminal (`python -m organizer`), and
writers in loops while the whole store is switched (encrypt, decrypt, change-passphrase,
restore). What a process printed as written must be in the store afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.helpers.cli import ROOT, run_cli

PASS = "correct horse battery staple"
NEW_PASS = "another long passphrase"


class Held:
    """tests/helpers/held_store.py as a child process, driven line by line."""

    def __init__(self, root: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
        env["PYTHONPATH"] = str(ROOT)
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "helpers" / "held_store.py"), str(root)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env, cwd=ROOT)
        assert self._line() == "READY", self.proc.stderr.read() if self.proc.stderr else ""

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._line()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _names(root: Path, env: dict[str, str] | None = None) -> list[str]:
    listed = run_cli("people", "--json", data_dir=root, env=env)
    assert listed.returncode == 0, listed.stderr
    return [p["full_name"] for p in json.loads(listed.stdout)]


def test_a_terminal_command_never_deletes_the_app_s_live_wal(tmp_path: Path) -> None:
    root = tmp_path / "data"
    held = Held(root)
    try:
        # The app's worker opened and closed its own store; now a command in a terminal
        # opens and closes the same store: it must not see itself as the last user.
        assert run_cli("people", data_dir=root).returncode == 0
        assert run_cli("search", "Held", data_dir=root).returncode == 0
        assert held.ask("deleted") == "DELETED 0"
        assert (root / "organizer.db-wal").exists()

        written = held.ask("write Written After The Command")
        assert written.startswith("WROTE ")
        # Another process sees the app's write...
        assert "Written After The Command" in _names(root)
        assert held.ask("worker") == "OK"
        assert run_cli("people", data_dir=root).returncode == 0
        assert held.ask("write Written Last") .startswith("WROTE ")
        assert held.ask("deleted") == "DELETED 0"
        # ...and it survives the app being killed.
        held.kill()
        names = _names(root)
        assert "Written After The Command" in names and "Written Last" in names
        check = run_cli("check", data_dir=root)
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        held.close()


def test_this_process_never_opens_the_database_file_beside_its_connections(
        tmp_path: Path) -> None:
    """The rule behind the test above, in one process: with a connection open, reading the
    header (encrypted or not, the salt) never opens the file again."""
    from organizer.opening import open_store
    from organizer.storage import db

    root = tmp_path / "data"
    with open_store(root) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
        database = store.dirs.database
        assert db.open_in_process(database) == 1
        real_open = open
        opened: list[str] = []

        def spying_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            opened.append(str(file))
            return real_open(file, *args, **kwargs)

        import builtins

        builtins.open = spying_open
        try:
            assert not db.is_encrypted(database)
            assert db.read_salt(database) == db.PLAIN_HEADER
            with open_store(root):  # a worker's own store
                assert db.open_in_process(database) == 2
        finally:
            builtins.open = real_open
        assert [p for p in opened if p.startswith(str(database))] == []
    assert db.open_in_process(database) == 0


def test_sqlcipher_never_opens_a_file_this_process_has_open_through_sqlite3(
        tmp_path: Path) -> None:
    from organizer.opening import open_store
    from organizer.storage import db

    with open_store(tmp_path / "data") as store:
        with pytest.raises(RuntimeError, match="drop SQLite's locks"):
            db.connect_plain_with_sqlcipher(store.dirs.database)
        store.add("person", {"full_name": "Still Writable"})
        assert [p.full_name for p in store.people()] == ["Still Writable"]


def _writer_loop(root: Path, tag: str, count: int, env: dict[str, str],
                 acknowledged: list[str], refused: list[str]) -> None:
    """Add people one command at a time; keep the names of those that exited 0."""
    for number in range(count):
        name = f"{tag} {number}"
        done = run_cli("add", "person", f"full_name={name}", data_dir=root, env=env)
        if done.returncode == 0:
            acknowledged.append(name)
        else:
            refused.append(done.stderr.strip())


def _switch_under_load(root: Path, switch: list[str], switch_env: dict[str, str],
                       writer_env: dict[str, str], after_env: dict[str, str],
                       extra_args: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    acknowledged: list[str] = []
    refused: list[str] = []
    threads = [threading.Thread(target=_writer_loop,
                                args=(root, f"W{n}", 12, writer_env, acknowledged, refused))
               for n in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # the writers are at work
    done = run_cli(*switch, *extra_args, data_dir=root, env=switch_env)
    assert done.returncode == 0, done.stderr
    for thread in threads:
        thread.join(timeout=300)
    names = set(_names(root, after_env))
    lost = [name for name in acknowledged if name not in names]
    assert lost == [], f"acknowledged writes lost: {lost}"
    return acknowledged, refused


@pytest.mark.slow
def test_encrypt_and_decrypt_under_load_lose_no_acknowledged_write(tmp_path: Path) -> None:
    root = tmp_path / "data"
    assert run_cli("add", "person", "full_name=First Person", data_dir=root).returncode == 0
    # While encryption goes on, a writer without the passphrase is refused in words once the
    # store is encrypted; one with it goes on writing. Either way nothing acknowledged is lost.
    acknowledged, refused = _switch_under_load(
        root, ["encrypt"], {"ORGANIZER_PASSPHRASE": PASS}, {"ORGANIZER_PASSPHRASE": PASS},
        {"ORGANIZER_PASSPHRASE": PASS})
    assert acknowledged
    assert all("passphrase" not in r.lower() or "not right" not in r.lower() for r in refused)
    acknowledged, _ = _switch_under_load(
        root, ["change-passphrase"],
        {"ORGANIZER_PASSPHRASE": PASS, "ORGANIZER_NEW_PASSPHRASE": NEW_PASS},
        {"ORGANIZER_PASSPHRASE": NEW_PASS}, {"ORGANIZER_PASSPHRASE": NEW_PASS})
    acknowledged, _ = _switch_under_load(
        root, ["decrypt"], {"ORGANIZER_PASSPHRASE": NEW_PASS}, {}, {})
    check = run_cli("check", data_dir=root)
    assert check.returncode == 0, check.stdout + check.stderr


def _names_in_copy(folder: Path) -> set[str]:
    """The people in a kept copy of a store (backups/before-restore-…), read-only."""
    import sqlite3

    conn = sqlite3.connect(f"{(folder / 'organizer.db').as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT full_name FROM people")}
    finally:
        conn.close()


_WRITER = """
import sys, time
from pathlib import Path
from organizer.storage.store import Store
from organizer.opening import open_store
root, batches = Path(sys.argv[1]), int(sys.argv[2])
for batch in range(batches):
    with open_store(root) as store:  # held across several writes, as an import holds it
        for number in range(8):
            name = f"During {batch}-{number}"
            store.add("person", {"full_name": name})
            # CLOCK_MONOTONIC is one clock for every process on Linux: comparable with
            # the test's own.
            print(f"{name}|{time.monotonic()}", flush=True)
            time.sleep(0.05)
"""


@pytest.mark.slow
def test_a_write_finishing_after_a_restore_is_never_in_the_replaced_store(
        tmp_path: Path) -> None:
    root = tmp_path / "data"
    assert run_cli("add", "person", "full_name=Before Backup", data_dir=root).returncode == 0
    backup = tmp_path / "backup.zip"
    assert run_cli("backup", "-o", str(backup), data_dir=root).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(root), "6"],
                              stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    time.sleep(1.0)
    done = run_cli("restore", str(backup), data_dir=root)
    restored = time.monotonic()  # after the swap, which happened inside the command
    assert done.returncode == 0, done.stderr
    out, _ = writer.communicate(timeout=300)
    acknowledged = [(name, float(at)) for name, at in
                    (line.split("|") for line in out.splitlines())]
    names = set(_names(root))
    (kept,) = [p for p in (root / "backups").iterdir() if p.name.startswith("before-restore-")]
    replaced = _names_in_copy(kept)
    # A write acknowledged before the restore is in what it replaced (kept); one
    # acknowledged after it is in the restored store; none is anywhere else.
    assert [n for n, _ in acknowledged if n not in names and n not in replaced] == []
    assert [n for n, at in acknowledged if at > restored and n not in names] == []
    assert any(at > restored for _, at in acknowledged), "the writer stopped too early"
    assert "Before Backup" in names
