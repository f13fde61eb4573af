"""The one way to open a store: every step, in order, in one function.

`open_store(root, passphrase, sweep=...)` does what opening a data folder takes, as
reader's `make_reader` and Vorta's `init_db` do, and hands the result to a thin `Store`:

1. the folder: made if missing, private to this user (0700);
2. the gate: a shared lock held until the store closes, so a switch of the whole store
   (encrypt, decrypt, change the passphrase, restore) waits for this user (organizer.gate);
3. a pending switch: finished if a crash interrupted one, waited for if a live process is
   making one; then what dead processes left half-written is cleared (`swap.prepare`);
4. the key: none for a plain database; for an encrypted one, derived from the passphrase
   (or remembered by this process), else LockedError;
5. connect (organizer.db, the only caller of the SQLite drivers);
6. the schema version: a newer one is refused before a byte is written;
7. a backup before a migration: the verified zip `organizer backup` makes, into backups/;
8. migrate: each step in a transaction with its version number.

Steps 7 and 8 run under the folder's lock, so two processes opening an old store at once
back it up and migrate it once. Any failure undoes what was opened and says why.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from organizer.errors import LOCKED_MESSAGE, LockedError, OrganizerError
from organizer.i18n import _
from organizer.storage import crypto, db, gate, migrations, swap
from organizer.storage.paths import DataDir, default_data_dir, private_file
from organizer.storage.store import Store

T = TypeVar("T")


def open_store(root: Path | str | None = None, passphrase: str | None = None, *,
               sweep: bool = True) -> Store:
    """Open (or create) the store in `root` (default: the user's data folder).

    Without a passphrase, an encrypted store opens only if this process has unlocked it
    before (organizer.crypto remembers keys); otherwise LockedError, and a wrong one
    WrongPassphraseError. Either way nothing is written. `sweep=False` leaves what crashed
    processes left behind in place, for `check` to list.
    """
    dirs = DataDir(Path(root) if root is not None else default_data_dir())
    use: gate.StoreUse | None = None
    conn = None
    try:
        _make_folder(dirs)
        use = _in_words(lambda: gate.enter(dirs.root), dirs)
        _in_words(lambda: swap.prepare(dirs, sweep=sweep), dirs)
        key = _key(dirs, passphrase)
        conn = db.connect(dirs.database, key=key)
        migrations.check_version(conn)
        db.configure(conn)
        _bring_up_to_date(conn, dirs)
        cipher = None
        if key is not None:
            cipher = crypto.file_cipher(conn)
            crypto.remember(dirs.database, key)
        for suffix in ("", "-wal", "-shm"):
            private_file(Path(f"{dirs.database}{suffix}"))
        return Store(dirs, conn, cipher, use)
    except BaseException:
        if conn is not None:
            conn.close()
        if use is not None:
            use.release()
        raise


def _make_folder(dirs: DataDir) -> None:
    _in_words(lambda: dirs.root.mkdir(mode=0o700, parents=True, exist_ok=True), dirs)


def _in_words(step: Callable[[], T], dirs: DataDir) -> T:
    """Run a step on the folder; an OSError becomes a sentence about the folder."""
    try:
        return step()
    except OSError as exc:
        if exc.errno in (13, 30):  # EACCES, EROFS
            raise OrganizerError(_("The data folder {folder} cannot be written to (it is "
                                   "read-only, or this account may not change it). Nothing was "
                                   "changed. Make it writable, or copy it to a folder you can "
                                   "write to and use that.").format(folder=dirs.root)) from None
        raise OrganizerError(_("The data folder {folder} cannot be used ({reason}).").format(
            folder=dirs.root, reason=exc.strerror)) from None


def _key(dirs: DataDir, passphrase: str | None) -> crypto.StoreKey | None:
    if not db.is_encrypted(dirs.database):
        return None
    key = crypto.key_for(dirs.database, db.read_salt(dirs.database), passphrase)
    if key is None:
        raise LockedError(LOCKED_MESSAGE)
    return key


def _bring_up_to_date(conn: sqlite3.Connection, dirs: DataDir) -> None:
    """Back up, then migrate, once, under the folder's lock (another start waits)."""
    if migrations.current_version(conn) == migrations.LATEST:
        return
    with dirs.exclusive():
        start = migrations.check_version(conn)
        if start == migrations.LATEST:
            return  # another process brought it up to date while this one waited
        if start > 0:
            from organizer.safety import backup  # (hashlib, json, zipfile: only when there is work)

            try:
                backup.auto_backup(conn, dirs, f"before-migration-v{start}")
            except OrganizerError as exc:
                raise OrganizerError(_("The database needs an update, but the backup that "
                                       "comes first could not be made: {reason}").format(
                                           reason=exc)) from None
        migrations.migrate(conn)
