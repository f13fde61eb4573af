"""Schema versions, applied in order, each in one transaction with its version number.

The version lives in SQLite's `user_version`. Before a store at an older version is
migrated, the database is copied into `backups/`; a store at a newer version than this code
knows is refused without a single byte written (see `check_version`).

The SQL files are frozen once released: a change to the schema is a new numbered step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from organizer.errors import NewerDatabaseError, OrganizerError
from organizer.storage import db

Step = Callable[[sqlite3.Connection], None]


def _sql(name: str) -> Step:
    def run(conn: sqlite3.Connection) -> None:
        # Imported here: every command imports this module for LATEST, few run a step.
        from importlib import resources

        script = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        for statement in _statements(script):
            conn.execute(statement)
    return run


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (our scripts hold no ';' inside strings)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _fill_search_index(conn: sqlite3.Connection) -> None:
    from organizer.storage import search

    search.reindex_all(conn)


def _step2(conn: sqlite3.Connection) -> None:
    _sql("0002_search.sql")(conn)
    _fill_search_index(conn)


MIGRATIONS: list[Step] = [
    _sql("0001_initial.sql"),
    _step2,
    _sql("0003_imports_meta.sql"),
    # 4: the search index keyed by item (organizer.storage.search.row_key), rebuilt from the data.
    _fill_search_index,
    _sql("0005_disc_series.sql"),  # 5: the index of an imaging disc (organizer.disc)
    # 6: the text read from scanned pages, per page of an attachment (organizer.scan).
    _sql("0006_scan_pages.sql"),
]
LATEST = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection) -> int:
    """The store's schema version; refuses a newer one before anything is written."""
    version = current_version(conn)
    if version > LATEST:
        raise NewerDatabaseError(
            "This data was saved by a newer version of Second Opinion Organizer. "
            "Install the newer version to open it; nothing was changed.")
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to LATEST; returns the version the store had before.

    Migrations know nothing of backups: the opener (organizer.opening) makes one first.
    """
    start = check_version(conn)
    if start == LATEST:
        return start
    for version in range(start + 1, LATEST + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, db.Error):
                raise OrganizerError(
                    f"Updating the database to version {version} failed ({exc}). Nothing was "
                    "changed; a copy from before the update is in the backups folder.") from exc
            raise
    return start
