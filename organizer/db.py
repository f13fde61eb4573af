"""The one place that opens the database connection.

Keeping it here means an encrypted connection (SQLCipher through `sqlcipher3`) can replace
the plain one without touching anything else. The connection runs in autocommit mode: the
store opens every transaction itself (`BEGIN IMMEDIATE`), so a write is all or nothing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from organizer.errors import OrganizerError, StoreBusyError

BUSY_TIMEOUT_MS = 5000


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open the database file, creating it private to the user if it does not exist.

    WAL mode and foreign keys are switched on by `configure`, which the store calls only
    after it has checked the schema version: a database from a newer version must be left
    untouched, and setting WAL writes to the file header.
    """
    if not read_only and not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from None
    return conn


def configure(conn: sqlite3.Connection) -> None:
    """Switch on what every session needs: WAL, foreign keys, durable commits."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def translate(exc: sqlite3.Error, path: Path | None = None) -> OrganizerError:
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
    if "readonly" in text or "read-only" in text:
        return OrganizerError("The data folder cannot be written to (it is read-only), so "
                              "nothing was saved.")
    if "unable to open" in text:
        return OrganizerError("The organizer's database could not be opened. Check that the "
                              "data folder exists and that you may write to it.")
    return OrganizerError(f"The database refused the change ({exc}). Nothing was saved.")
