"""What "unchanged" means for a store: every row of every item table, and its files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any


def store_snapshot(data_dir: Path) -> tuple[Any, ...]:
    """Every row of every item table, and the attachment files: what 'unchanged' means."""
    conn = sqlite3.connect(data_dir / "organizer.db")
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%' "
        "AND name NOT LIKE 'sqlite%' ORDER BY name")]
    rows = tuple((t, tuple(conn.execute(f"SELECT * FROM {t} ORDER BY rowid"))) for t in tables)
    conn.close()
    files = tuple(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                         for p in (data_dir / "files").glob("*")))
    return rows, files
