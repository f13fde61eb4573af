"""The one place that opens the database connection.

A plain store is opened with the standard `sqlite3`; an encrypted one (the file does not
start with SQLite's plain header) with SQLCipher through `sqlcipher3`, keyed with
`PRAGMA key` before anything else is read. `sqlcipher3` is imported only for an encrypted
store, so plain commands start as fast as before.

The two drivers have separate exception and row classes: code elsewhere catches `db.Error`
(a tuple that grows to include SQLCipher's errors once it is loaded) and builds rows with
`db.row_type(conn)`.

The connection runs in autocommit mode: the store opens every transaction itself
(`BEGIN IMMEDIATE`), so a write is all or nothing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer.errors import (
    LOCKED_MESSAGE,
    WRONG_PASSPHRASE_MESSAGE,
    LockedError,
    OrganizerError,
    StoreBusyError,
    WrongPassphraseError,
)

if TYPE_CHECKING:
    from organizer.crypto import StoreKey

BUSY_TIMEOUT_MS = 5000
PLAIN_HEADER = b"SQLite format 3\x00"

# Every database error class in use; `except db.Error:` reads it at the time of the error,
# so it covers SQLCipher too once `_sqlcipher()` has loaded it.
Error: tuple[type[Exception], ...] = (sqlite3.Error,)


class _PlainConnection(sqlite3.Connection):
    store_key: StoreKey | None = None


def _sqlcipher() -> Any:
    """The sqlcipher3 module, loaded on first use (and its errors added to `Error`)."""
    global Error
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - a platform without a SQLCipher wheel
        raise OrganizerError("This organizer is encrypted, but encryption is not available "
                             "on this computer (the sqlcipher3 package is missing).") from None
    if sqlcipher3.Error not in Error:
        Error = (sqlite3.Error, sqlcipher3.Error)
    return sqlcipher3


def is_encrypted(path: Path) -> bool:
    """True for a database file that looks encrypted by SQLCipher.

    Such a file starts with a random 16-byte salt and is made of whole pages. A file
    without SQLite's plain header that starts with text, or whose size is not a whole
    number of 512-byte blocks, is a damaged file, not a locked one: the user must hear
    "damaged", not be asked for a passphrase they never set.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
        size = path.stat().st_size
    except (FileNotFoundError, IsADirectoryError):
        return False
    if not head or head == PLAIN_HEADER or size % 512:
        return False
    looks_like_text = all(32 <= byte < 127 or byte in (9, 10, 13) for byte in head)
    return not looks_like_text


def is_sqlcipher(conn: Any) -> bool:
    return not isinstance(conn, sqlite3.Connection)


def row_type(conn: Any) -> Any:
    """The Row class that matches the connection's driver."""
    return sqlite3.Row if isinstance(conn, sqlite3.Connection) else _sqlcipher().Row


def connect(path: Path, *, read_only: bool = False,
            key: StoreKey | None = None) -> sqlite3.Connection:
    """Open the database file, creating it private to the user if it does not exist.

    With `key`, the file is opened (or created) encrypted with SQLCipher; a key that does
    not open it raises WrongPassphraseError and nothing is written. WAL mode and foreign
    keys are switched on by `configure`, which the store calls only after it has checked the
    schema version: a database from a newer version must be left untouched, and setting WAL
    writes to the file header.
    """
    if not read_only and not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if key is None and is_encrypted(path):
        raise LockedError(LOCKED_MESSAGE)
    if key is not None:
        return _connect_encrypted(path, key, read_only)
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False, factory=_PlainConnection)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                   factory=_PlainConnection)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    return conn


_KEYED: Any = None


def _keyed_class() -> Any:
    """A sqlcipher3 connection class that can carry its key (made once, on first use)."""
    global _KEYED
    if _KEYED is None:
        sqlcipher3 = _sqlcipher()

        class _Keyed(sqlcipher3.Connection):  # type: ignore[misc,name-defined]
            store_key: StoreKey | None = None

        _KEYED = _Keyed
    return _KEYED


def _connect_encrypted(path: Path, key: StoreKey, read_only: bool) -> sqlite3.Connection:
    sqlcipher3 = _sqlcipher()
    target = f"{path.as_uri()}?mode=ro" if read_only else str(path)
    try:
        conn = sqlcipher3.connect(target, uri=read_only, isolation_level=None,
                                  check_same_thread=False, factory=_keyed_class())
    except sqlcipher3.Error as exc:
        raise translate(exc, path) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must not print to stderr
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Every page read from disk is decrypted and authenticated: a larger page cache
        # (32 MB) saves that work for pages read again (search over attachment text).
        conn.execute("PRAGMA cache_size = -32000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc).lower():
            raise WrongPassphraseError(WRONG_PASSPHRASE_MESSAGE) from None
        raise translate(exc, path) from None
    conn.store_key = key
    return conn  # type: ignore[no-any-return]


def key_of(conn: Any) -> StoreKey | None:
    """The key an encrypted connection was opened with (None for a plain one)."""
    return getattr(conn, "store_key", None)


def configure(conn: sqlite3.Connection) -> None:
    """Switch on what every session needs: WAL, foreign keys, durable commits."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def _nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 4 * 1024 * 1024
    except OSError:
        return False


def translate(exc: Exception, path: Path | None = None) -> OrganizerError:
    """Turn an SQLite error into a sentence the user can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreBusyError("The organizer's data is busy in another window or program. "
                              "Try again in a moment.")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        where = f" ({path})" if path else ""
        return OrganizerError(f"The organizer's database{where} is damaged or not a database. "
                              "Restore it from a backup.")
    if "disk is full" in text or "database or disk is full" in text:
        return OrganizerError("The disk is full, so nothing was saved. Free some space and "
                              "try again.")
    if "disk i/o error" in text:
        # SQLite says "disk I/O error" when a write into the -wal finds no room: tell
        # the user what is wrong when the disk is (nearly) full.
        if path is not None and _nearly_full(path):
            return OrganizerError("The disk is full, so nothing was saved. Free some space "
                                  "and try again.")
        return OrganizerError("The disk could not be written to (a disk error), so nothing "
                              "was saved. Check the disk and try again.")
    if "readonly" in text or "read-only" in text:
        return OrganizerError("The data folder cannot be written to (it is read-only), so "
                              "nothing was saved.")
    if "unable to open" in text:
        return OrganizerError("The organizer's database could not be opened. Check that the "
                              "data folder exists and that you may write to it.")
    return OrganizerError(f"The database refused the change ({exc}). Nothing was saved.")
