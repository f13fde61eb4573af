"""Replacing the whole store at once (restore, encryption on/off, new passphrase), crash-safely.

A new store is first built and verified in a staging folder inside the data folder
(`.staging-*`, same file system, so every move below is a rename). Then a small journal is
written and made durable; from that moment the switch is decided, and every later step
is a rename that can be repeated: the old database (with its `-wal` and `-shm`) and the old
`files/` go aside into `.old-*`, the staged ones take their place. If the process dies
anywhere in between, `finish_pending` (run by `DataDir.prepare` at the next start) reads
the journal and completes the same renames. A staging folder without a journal is an
unfinished build and is removed; so is an `.old-*` folder once its journal is gone.

Other processes may start while a switch is under way (a command in a terminal while the
app restores, say). The journal and the staging and `.old-*` folders carry the id of the
process making the switch: while it lives, nobody else touches them, and a start that finds
its journal waits for the switch to end rather than run the same renames alongside it.

What happens to the old copy is in the journal: it is deleted (an encryption switch must
not leave the plain data behind) or kept in `backups/` (a restore keeps what it replaced).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.errors import OrganizerError
from organizer.storage.paths import (
    OLD_PREFIX,
    STAGING_PREFIX,
    TEMP_PREFIX,
    create_private,
    fsync_dir,
    owned_name,
    owner_of,
    private_file,
    process_alive,
    remove,
)

if TYPE_CHECKING:
    from organizer.storage.paths import DataDir

JOURNAL = ".swap-journal.json"
DB_NAME = "organizer.db"
DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")
FILE_FOLDERS = ("files", "set-aside")
# How long a start waits for another process's switch to end (it is a few renames).
WAIT_SECONDS = 30.0
BUSY_MESSAGE = ("Another task is replacing this organizer's data (a restore, or turning "
                "encryption on or off) and has not finished. Wait until it is done, then try "
                "again; nothing was changed.")

# Data folders this process is switching right now: its own journal is not a crash's.
_switching: set[Path] = set()
_switching_lock = threading.Lock()


def new_staging(dirs: DataDir) -> Path:
    """A fresh, private staging folder inside the data folder, named after this process."""
    folder = dirs.root / owned_name(STAGING_PREFIX)
    folder.mkdir(mode=0o700)
    return folder


def fsync_tree(folder: Path) -> None:
    """Make every file under `folder` (and the folders themselves) durable and private."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            private_file(path)  # SQLite makes an attached database with the umask's mode
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        elif path.is_dir():
            fsync_dir(path)
    fsync_dir(folder)


def swap_in(dirs: DataDir, staging: Path, *, with_files: bool,
            keep_old_as: Path | None = None, remove: list[Path] | None = None) -> None:
    """Put the staged database (and `files/` when `with_files`) in place of the current ones.

    The caller holds the store to itself (organizer.gate), has verified the staged copy and
    closed every connection to the old one. With `keep_old_as` (a folder path in
    `backups/`), the old copy is moved there instead of being deleted. `remove`: paths in the
    data folder that go with the old copy (plain backups once encryption is on): they are
    named in the journal, so a crash after it still removes them at the next start.
    """
    fsync_tree(staging)
    journal = {
        "staging": staging.name,
        "old": owned_name(OLD_PREFIX),
        "with_files": with_files,
        "keep_old_as": str(keep_old_as.relative_to(dirs.root)) if keep_old_as else None,
        "remove": [str(p.relative_to(dirs.root)) for p in remove or []],
        "owner": os.getpid(),
    }
    import json

    key = dirs.root.resolve()
    with _switching_lock:
        _switching.add(key)
    try:
        temp = dirs.root / owned_name(TEMP_PREFIX, "journal-")
        with create_private(temp) as handle:
            handle.write(json.dumps(journal).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, dirs.root / JOURNAL)
        fsync_dir(dirs.root)
        _apply(dirs, journal)
    finally:
        with _switching_lock:
            _switching.discard(key)


def drop_unjournaled(dirs: DataDir, staging: Path) -> None:
    """Remove a staging folder whose switch never reached its journal: an unfinished copy.

    Once the journal names it, the folder belongs to the switch (which removes it at its
    end, or at the next start after a crash). Another process's journal does not count.
    """
    import json

    try:
        journal = json.loads((dirs.root / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = None
    if not (isinstance(journal, dict) and journal.get("staging") == staging.name):
        shutil.rmtree(staging, ignore_errors=True)


def finish_pending(dirs: DataDir, wait: float | None = None) -> bool:
    """Complete a switch a crash interrupted; wait for one a live process is making.

    Returns True when a journal was found and completed here. The `.old-*` folders of
    switches that are over (their process gone) are removed too: deleting the old copy is
    the switch's last step, and after an encryption switch it holds the plain data.
    Unfinished staging folders are not this function's business: they are leftovers
    (DataDir.leftovers), cleared by the start's sweep.

    The caller holds the data folder's lock (DataDir.exclusive), so two starts never run
    the same renames at once. If the switch's own process is still at work after `wait`
    seconds (default WAIT_SECONDS), OrganizerError (busy), nothing touched.
    """
    if not dirs.root.is_dir():
        return False
    journal_path = dirs.root / JOURNAL
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    finished = False
    while journal_path.is_file():
        import json  # here, not at the top: every start passes by, few find a journal

        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            break  # its switch just ended
        except (OSError, ValueError):
            journal = None  # a journal is renamed in whole, so this cannot happen; be safe
        if not isinstance(journal, dict):
            journal_path.unlink(missing_ok=True)
            break
        if _in_progress(dirs, journal):
            if time.monotonic() >= deadline:
                raise OrganizerError(BUSY_MESSAGE)
            time.sleep(0.05)
            continue
        _apply(dirs, journal)
        finished = True
        break
    for leftover in dirs.root.iterdir():
        if (leftover.is_dir() and leftover.name.startswith(OLD_PREFIX)
                and not process_alive(owner_of(leftover.name, OLD_PREFIX))):
            shutil.rmtree(leftover, ignore_errors=True)
    return finished


def _in_progress(dirs: DataDir, journal: dict[str, object]) -> bool:
    """Is the journal's switch being made right now, by a live process (maybe this one)?"""
    owner = journal.get("owner")
    if not isinstance(owner, int) or not process_alive(owner):
        return False  # its process is gone (or wrote no owner: an older version's crash)
    if owner != os.getpid():
        return True
    with _switching_lock:  # this process: in progress only if a swap_in is running now
        return dirs.root.resolve() in _switching


def _apply(dirs: DataDir, journal: dict[str, object]) -> None:
    """Every step checks what is already done, so running it twice is harmless."""
    root = dirs.root
    staging = root / str(journal["staging"])
    old = root / str(journal["old"])
    old.mkdir(mode=0o700, exist_ok=True)
    staged_db = staging / DB_NAME
    if staged_db.exists():
        # The old database and its side files go aside first: a stale -wal left beside the
        # new database would be read into it.
        for suffix in DB_SIDE_FILES:
            current = root / f"{DB_NAME}{suffix}"
            if current.exists():
                os.replace(current, old / current.name)
        fsync_dir(old)
        fsync_dir(root)
        os.replace(staged_db, root / DB_NAME)
        fsync_dir(root)
    # The attachment files, and the files `check --repair` set aside (sealed or opened
    # along with them by an encryption switch; a restore's staging has none of those).
    for name in FILE_FOLDERS:
        staged_files = staging / name
        current = root / name
        if not (journal.get("with_files") and staged_files.exists()):
            continue
        if current.exists() and not (old / name).exists():
            os.replace(current, old / name)
        elif current.exists():  # made after the old one moved aside: keep it aside too
            os.replace(current, old / f"{name}-{os.urandom(4).hex()}")
        fsync_dir(root)
        os.replace(staged_files, current)
        fsync_dir(root)
    keep = journal.get("keep_old_as")
    if keep:
        target = root / str(keep)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # No file in `old` means there was no store before (a restore into a new folder):
        # nothing was replaced, so there is nothing to keep.
        if old.exists() and _holds_a_file(old) and not target.exists():
            os.replace(old, target)
            fsync_dir(target.parent)
    removals = journal.get("remove")
    for name in removals if isinstance(removals, list) else []:
        path = (root / str(name)).resolve()
        if path.is_relative_to(root.resolve()) and path != root.resolve():
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
    (root / JOURNAL).unlink(missing_ok=True)
    fsync_dir(root)
    for folder in (old, staging):
        shutil.rmtree(folder, ignore_errors=True)


def _holds_a_file(folder: Path) -> bool:
    return any(path.is_file() for path in folder.rglob("*"))


def prepare(dirs: DataDir, sweep: bool = True) -> None:
    """Make the folder tree if missing, private to this user, and clear crash leftovers.

    A store switch (restore, encryption) that a crash interrupted is completed first; one
    that a live process is making is waited for. Then, with `sweep`, what dead processes
    left half-written is removed: a temporary file can only be left behind by a crash in
    the middle of a write (the row pointing to a finished file is committed only after its
    rename). `check` opens without the sweep so that it can list what it would remove.

    One start at a time does this (the folder's advisory lock): two starts finishing the
    same interrupted switch at once would move each other's files.
    """
    dirs.root.mkdir(parents=True, exist_ok=True)
    os.chmod(dirs.root, 0o700)
    with dirs.exclusive():
        finish_pending(dirs)
        for folder in (dirs.files, dirs.backups):
            folder.mkdir(exist_ok=True)
            os.chmod(folder, 0o700)
        if sweep:
            for leftover in dirs.leftovers():
                remove(leftover)
