"""Reads that must start fast, taken only when the store needs nothing done first.

`organizer people` is the command scripts run most and a person waits on. Opening the full
`Store` imports the item models (nineteen dataclasses, whose generated methods take longer
to build than the whole command should take), the search module and the validation rules.
When the database exists and its schema is current, the few columns `people` prints can be
read with plain sqlite3 instead.

Every function here answers None when it cannot take the quick path: no database yet, an
older schema (the Store migrates it, with a backup), a newer one (the Store refuses it in
plain words), an encrypted or damaged file, a busy database. The caller then opens the
Store, which handles each of those, so the quick path never changes what a user sees.
"""

from __future__ import annotations

import os
import sqlite3

# Annotations only (never evaluated here): importing typing costs start-up time too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def _database(data_dir: str | None) -> Path:
    from pathlib import Path

    from organizer.storage.paths import DataDir, default_data_dir

    return DataDir(Path(data_dir) if data_dir else default_data_dir()).database


def people(data_dir: str | None) -> list[tuple[int, str, str | None]] | None:
    """(id, full name, birth date) of everyone, ordered as `Store.people()`; or None."""
    from organizer.storage import db, gate
    from organizer.storage.migrations import LATEST

    database = _database(data_dir)
    if not os.path.isfile(database) or os.path.exists(database.parent / ".swap-journal.json"):
        return None  # no store yet, or a switch to finish first (organizer.swap): the Store
    use = gate.try_enter_now(database.parent)
    if use is None:
        return None  # the store is being replaced: the Store waits for the switch to end
    try:
        conn = db.connect(database)
    except Exception:  # anything unusual: the Store gives the right message or the right fix
        use.release()
        return None
    try:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != LATEST:
            return None
        rows = conn.execute("SELECT id, full_name, birth_date FROM people WHERE deleted_at IS "
                            "NULL ORDER BY full_name COLLATE NOCASE, id").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
        use.release()
    return [(int(i), str(name), born) for i, name, born in rows]
