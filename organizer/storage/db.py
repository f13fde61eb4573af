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

In one process, the database file and its `-wal`/`-shm` are opened only by SQLite, through
`connect`, and only by one SQLite library at a time. SQLite's locks are POSIX locks, which
belong to the process and the file: closing *any* descriptor on the file drops them all
("How To Corrupt An SQLite Database", 2.2 and 2.3). A reader that opened the file to look
at its header would leave the process's live connections unlocked; another process would
then think itself the last user, checkpoint, and delete the `-wal` those connections still
write into. So the header (plain or encrypted, and the salt) is read with `open()` only
while no connection of this process has the file open, and remembered for as long as one
does (`read_header`); and a file open through the standard `sqlite3` is never opened
through SQLCipher's own copy of SQLite beside it, or the other way round (each library
keeps its own table of locks, and its `close()` would drop the other's).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

from organizer.errors import (
    LOCKED_MESSAGE,
    WRONG_PASSPHRASE_MESSAGE,
    LockedError,
    OrganizerError,
    StoreBusyError,
    WrongPassphraseError,
)
from organizer.i18n import _


class StoreKey(Protocol):
    """What SQLCipher needs to open a file (organizer.storage.crypto.StoreKey): its raw key, as a
    `PRAGMA key` value, and the file's salt."""

    @property
    def salt(self) -> bytes: ...

    def pragma_value(self) -> str: ...

BUSY_TIMEOUT_MS = 5000
PLAIN_HEADER = b"SQLite format 3\x00"

# Every database error class in use; `except db.Error:` reads it at the time of the error,
# so it covers SQLCipher too once `_sqlcipher()` has loaded it.
Error: tuple[type[Exception], ...] = (sqlite3.Error,)


HEADER_SIZE = 16  # SQLite's plain header, or SQLCipher's salt


class _OpenFile:
    """One database file (by device and inode) that connections of this process hold."""

    __slots__ = ("count", "header", "library")

    def __init__(self, header: bytes, library: str) -> None:
        self.count = 0
        self.header = header
        self.library = library


# Files open in this process: (st_dev, st_ino) -> _OpenFile. Guarded by _files_lock, which
# is held from reading a header to registering the new connection.
_open_files: dict[tuple[int, int], _OpenFile] = {}
_files_lock = threading.RLock()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def read_header(path: Path) -> bytes:
    """The first 16 bytes of the database file, without ever disturbing SQLite's locks.

    While a connection of this process has the file open, the header read when the first
    one opened is returned (it cannot change under an open connection: a store is only
    replaced with every connection closed, and a replaced file is another inode).
    """
    with _files_lock:
        ident = _identity(path)
        entry = _open_files.get(ident) if ident is not None else None
        if entry is not None:
            return entry.header
        with open(path, "rb") as handle:
            return handle.read(HEADER_SIZE)


def _register(conn: Any, path: Path, header: bytes, library: str) -> None:
    """Count `conn` as holding `path`; refuse a second SQLite library on the same file."""
    ident = _identity(path)
    if ident is None:
        return
    entry = _open_files.get(ident)
    if entry is None:
        entry = _open_files[ident] = _OpenFile(header, library)
    elif entry.library != library:
        conn.close()
        raise RuntimeError(f"{path} is open through {entry.library} in this process; opening "
                           f"it through {library} as well would drop SQLite's locks.")
    entry.count += 1
    conn._gate_ident = ident


def _unregister(conn: Any) -> None:
    ident = getattr(conn, "_gate_ident", None)
    if ident is None:
        return
    conn._gate_ident = None
    with _files_lock:
        entry = _open_files.get(ident)
        if entry is not None:
            entry.count -= 1
            if entry.count <= 0:
                del _open_files[ident]


def read_salt(path: Path) -> bytes:
    """The salt SQLCipher keeps at the start of an encrypted file (see `read_header`)."""
    return read_header(path)[:HEADER_SIZE]


def open_in_process(path: Path) -> int:
    """How many connections of this process have `path` open (tests check the rule)."""
    with _files_lock:
        ident = _identity(path)
        entry = _open_files.get(ident) if ident is not None else None
        return entry.count if entry is not None else 0


class _Counted:
    """Mixed into both drivers' connection classes: a connection that carries its key and
    is counted in `_open_files` until it is closed (or dropped)."""

    store_key: StoreKey | None = None
    _gate_ident: tuple[int, int] | None = None

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            _unregister(self)

    def __del__(self) -> None:
        if _unregister is not None:  # at interpreter shutdown module globals may be gone
            _unregister(self)


class _PlainConnection(_Counted, sqlite3.Connection):
    pass


def _sqlcipher() -> Any:
    """The sqlcipher3 module, loaded on first use (and its errors added to `Error`)."""
    global Error
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - a platform without a SQLCipher wheel
        raise OrganizerError(_("This organizer is encrypted, but encryption is not available "
                               "on this computer (the sqlcipher3 package is missing).")) from None
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
        head = read_header(path)
        size = path.stat().st_size
    except (FileNotFoundError, IsADirectoryError):
        return False
    return _looks_encrypted(head, size)


def _looks_encrypted(head: bytes, size: int) -> bool:
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
    with _files_lock:  # from reading the header to counting the connection: one thread
        try:
            header = read_header(path)
            size = path.stat().st_size
        except FileNotFoundError:
            header, size = b"", 0
        except OSError as exc:
            raise translate(exc, path) from None
        if key is None and _looks_encrypted(header, size):
            raise LockedError(LOCKED_MESSAGE)
        if not header:
            # A new, empty file: what SQLite is about to write at its start is known (the
            # plain header, or the salt the key carries), and must not be read later with
            # open() while this connection holds it.
            header = key.salt if key is not None else PLAIN_HEADER
        if key is not None:
            conn = _connect_encrypted(path, key, read_only)
            _register(conn, path, header, "sqlcipher3")
        else:
            conn = _connect_plain(path, read_only)
            _register(conn, path, header, "sqlite3")
        return conn


def connect_plain_with_sqlcipher(path: Path) -> Any:
    """A SQLCipher connection on a plain database (so that it can export into an encrypted
    one). The caller must have closed this process's `sqlite3` connections to the file."""
    sqlcipher3 = _sqlcipher()
    with _files_lock:
        header = read_header(path) or PLAIN_HEADER
        try:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                                      factory=_keyed_class())
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlcipher3.Error as exc:
            raise translate(exc, path) from None
        _register(conn, path, header, "sqlcipher3")
        return conn


def _connect_plain(path: Path, read_only: bool) -> sqlite3.Connection:
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

        class _Keyed(_Counted, sqlcipher3.Connection):  # type: ignore[misc,name-defined]
            pass

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
        return StoreBusyError(_("The organizer's data is busy in another window or program. "
                                "Try again in a moment."))
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        message = (_("The organizer's database ({file}) is damaged or not a database. "
                     "Restore it from a backup.") if path else
                   _("The organizer's database is damaged or not a database. Restore it from "
                     "a backup."))
        return OrganizerError(message.format(file=path))
    if "disk is full" in text or "database or disk is full" in text:
        return OrganizerError(_("The disk is full, so nothing was saved. Free some space and "
                                "try again."))
    if "disk i/o error" in text:
        # SQLite says "disk I/O error" when a write into the -wal finds no room: tell
        # the user what is wrong when the disk is (nearly) full.
        if path is not None and _nearly_full(path):
            return OrganizerError(_("The disk is full, so nothing was saved. Free some space "
                                    "and try again."))
        return OrganizerError(_("The disk could not be written to (a disk error), so nothing "
                                "was saved. Check the disk and try again."))
    if "readonly" in text or "read-only" in text:
        return OrganizerError(_("The data folder cannot be written to (it is read-only), so "
                                "nothing was saved."))
    if "unable to open" in text:
        return OrganizerError(_("The organizer's database could not be opened. Check that "
                                "the data folder exists and that you may write to it."))
    return OrganizerError(_("The database refused the change ({reason}). Nothing was "
                            "saved.").format(reason=exc))
