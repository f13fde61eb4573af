"""A writer that stops in the middle of its work until it is told to go on.

Run as `python tests/helpers/paused_writer.py SCENARIO DATA_DIR [ARG]`. It does one real write
through the organizer's own code (attach a file, make a backup, restore one, turn
encryption on) and, at the first fsync of the file the scenario names, prints
`PAUSED <path>` and waits for a line on stdin: a slow disk, held still. The test opens the
store from another process meanwhile, then lets it finish; it prints `DONE <what>`, or
`ERROR <message>` and exits 1.

Only fsync is wrapped (to wait): every other step is the real code on real files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PASSPHRASE = "paused writer passphrase"


def dead_pid() -> int:
    """The id of a process that has ended and been reaped: what a crash leaves in a name."""
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _pause_at(wanted: Callable[[Path], bool]) -> None:
    real_fsync = os.fsync
    paused = False

    def fsync(fd: int) -> None:
        nonlocal paused
        if not paused:
            try:
                path = Path(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                path = Path("")
            if wanted(path):
                paused = True
                print(f"PAUSED {path}", flush=True)
                sys.stdin.readline()
        real_fsync(fd)

    os.fsync = fsync


def _in_staging(path: Path) -> bool:
    return any(part.startswith(".staging-") for part in path.parts)


def main() -> int:
    scenario, root = sys.argv[1], Path(sys.argv[2]).resolve()
    arg = sys.argv[3] if len(sys.argv) > 3 else ""
    from organizer.opening import open_store

    if scenario == "attach":  # ARG: the file to attach (to record 1)
        _pause_at(lambda p: p.parent.name == "files" and p.name.startswith(".tmp-"))
        with open_store(root) as store:
            store.attach_file(1, Path(arg))
        return _done("attached")
    if scenario == "backup":
        from organizer.safety.backup import auto_backup

        _pause_at(lambda p: p.name.startswith(".tmp-") and p.suffix == ".zip")
        with open_store(root) as store:
            info = auto_backup(store.conn, store.dirs, "daily")
        return _done(info.path.name)
    if scenario in ("restore", "restore-journal"):  # ARG: the backup file
        from organizer.safety.backup import restore_backup

        if scenario == "restore":
            _pause_at(_in_staging)
        else:  # after the journal is written, before its renames
            _pause_at(lambda p: p == root and (root / ".swap-journal.json").exists())
        restore_backup(root, Path(arg))
        return _done("restored")
    if scenario == "encrypt":
        from organizer.encryption import encrypt_store

        _pause_at(_in_staging)
        encrypt_store(root, PASSPHRASE)
        return _done("encrypted")
    print(f"ERROR unknown scenario {scenario}", flush=True)
    return 2


def _done(what: str) -> int:
    print(f"DONE {what}", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # the test reads this line
        print(f"ERROR {type(exc).__name__}: {exc}", flush=True)
        sys.exit(1)
