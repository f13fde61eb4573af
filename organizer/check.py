"""`organizer check`: verify the database and every attachment file.

Damage (a failed integrity check, a missing attachment file, a checksum that does not
match) makes the check fail; orphaned files and crash leftovers are only reported, since
nothing the user typed is at risk from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.attachments import sha256_of

if TYPE_CHECKING:
    from organizer.store import Store


@dataclass
class CheckReport:
    """What `check` found: `damage` fails the check, `notes` do not."""

    damage: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)
    leftovers: list[Path] = field(default_factory=list)
    attachments_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.damage


def check_store(store: Store) -> CheckReport:
    report = CheckReport()
    conn = store.conn
    for (line,) in conn.execute("PRAGMA integrity_check"):
        if line != "ok":
            report.damage.append(f"Database integrity: {line}")
    for row in conn.execute("PRAGMA foreign_key_check"):
        report.damage.append(f"Database link broken: table {row[0]} row {row[1]} points to a "
                             f"missing row in {row[2]}")
    referenced: set[str] = set()
    rows = conn.execute("SELECT a.id, a.filename, a.sha256, a.size, r.title FROM attachments a "
                        "JOIN records r ON r.id = a.record_id WHERE a.deleted_at IS NULL")
    for att_id, filename, sha, size, title in rows.fetchall():
        referenced.add(sha)
        path = store.dirs.files / sha
        report.attachments_checked += 1
        where = f"“{filename}” (attachment {att_id} of record “{title}”)"
        if not path.is_file():
            report.damage.append(f"Missing file: {where}")
        elif path.stat().st_size != size or sha256_of(path) != sha:
            report.damage.append(f"File altered (checksum does not match): {where}")
    # Files of removed attachments are still referenced: an undo may bring them back.
    referenced.update(r[0] for r in conn.execute("SELECT sha256 FROM attachments"))
    if store.dirs.files.is_dir():
        for path in sorted(store.dirs.files.iterdir()):
            if path.name.startswith(".tmp-"):
                continue
            if path.name not in referenced:
                report.orphans.append(path)
                report.notes.append(f"Orphaned file (no record uses it): {path.name}")
    report.leftovers = store.dirs.leftovers()
    report.notes.extend(f"Leftover temporary file: {p}" for p in report.leftovers)
    return report
