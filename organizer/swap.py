"""Replacing the whole store at once (restore, encryption on/off, new passphrase), crash-safely.

A new store is first built and verified in a staging folder inside the data folder
(`.staging-*`, same file system, so every move below is a rename). Then a small journal is
written and made durable; from that moment the switch is decided, and every later step
is a rename that can be repeated: the old database (with its `-wal` and `-shm`) and the old
`files/` go aside into `.old-*`, the staged ones take their place. If the process dies
anywhere in between, `finish_pending` (run by `DataDir.prepare` at the next start) reads
the journal and completes the same renames. A staging folder without a journal is an
unfinished build and is removed; so is an `.old-*` folder once its journal is gone.

What happens to the old copy is in the journal: it is deleted (an encryption switch must
not leave the plain data behind) or kept in `backups/` (a restore keeps what it replaced).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.paths import TEMP_PREFIX, fsync_dir

if TYPE_CHECKING:
    from organizer.paths import DataDir

JOURNAL = ".swap-journal.json"
STAGING_PREFIX = ".staging-"
OLD_PREFIX = ".old-"
DB_NAME = "organizer.db"
DB_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def new_staging(dirs: DataDir) -> Path:
    """A fresh, private staging folder inside the data folder."""
    folder = dirs.root / f"{STAGING_PREFIX}{os.urandom(6).hex()}"
    folder.mkdir(mode=0o700)
    return folder


def fsync_tree(folder: Path) -> None:
    """Make every file under `folder` (and the folders themselves) durable."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        elif path.is_dir():
            fsync_dir(path)
    fsync_dir(folder)


def swap_in(dirs: DataDir, staging: Path, *, with_files: bool,
            keep_old_as: Path | None = None) -> None:
    """Put the staged database (and `files/` when `with_files`) in place of the current ones.

    The caller has verified the staged copy and closed every connection to the old one.
    With `keep_old_as` (a folder path in `backups/`), the old copy is moved there instead of
    being deleted.
    """
    fsync_tree(staging)
    journal = {
        "staging": staging.name,
        "old": f"{OLD_PREFIX}{os.urandom(6).hex()}",
        "with_files": with_files,
        "keep_old_as": str(keep_old_as.relative_to(dirs.root)) if keep_old_as else None,
    }
    import json

    temp = dirs.root / f"{TEMP_PREFIX}journal-{os.urandom(4).hex()}"
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump(journal, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, dirs.root / JOURNAL)
    fsync_dir(dirs.root)
    _apply(dirs, journal)


def finish_pending(dirs: DataDir) -> bool:
    """Complete a switch a crash interrupted, and clear unfinished staging folders.

    Returns True when a journal was found and completed.
    """
    if not dirs.root.is_dir():
        return False
    journal_path = dirs.root / JOURNAL
    finished = False
    if journal_path.is_file():
        import json

        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            journal = None  # a journal is renamed in whole, so this cannot happen; be safe
        if isinstance(journal, dict):
            _apply(dirs, journal)
            finished = True
        else:
            journal_path.unlink()
    for leftover in dirs.root.iterdir():
        if leftover.is_dir() and leftover.name.startswith((STAGING_PREFIX, OLD_PREFIX)):
            shutil.rmtree(leftover, ignore_errors=True)
    return finished


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
    staged_files = staging / "files"
    if journal.get("with_files") and staged_files.exists():
        if dirs.files.exists() and not (old / "files").exists():
            os.replace(dirs.files, old / "files")
        elif dirs.files.exists():  # made after the old one moved aside: keep it aside too
            os.replace(dirs.files, old / f"files-{os.urandom(4).hex()}")
        fsync_dir(root)
        os.replace(staged_files, dirs.files)
        fsync_dir(root)
    keep = journal.get("keep_old_as")
    if keep:
        target = root / str(keep)
        target.parent.mkdir(parents=True, exist_ok=True)
        if old.exists() and not target.exists():
            os.replace(old, target)
            fsync_dir(target.parent)
    (root / JOURNAL).unlink(missing_ok=True)
    fsync_dir(root)
    for folder in (old, staging):
        shutil.rmtree(folder, ignore_errors=True)
