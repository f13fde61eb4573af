"""`organizer check [--repair]`: verify the database and every attachment file.

Damage (a failed integrity check, a missing attachment file, a checksum that does not
match, a sealed file that does not open) makes the check fail; orphaned files and crash
leftovers are only reported, since nothing the user typed is at risk from them. Every
problem found is reported, not just the first.

`--repair` never deletes anything the user might want: orphaned files are moved aside into
`set-aside/` inside the data folder (they may be looked at, or deleted by hand), and only
temporary files that a crash left half-written are removed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.errors import OrganizerError
from organizer.storage.hashing import sha256_file
from organizer.storage.paths import TEMP_PREFIX, fsync_dir, remove

if TYPE_CHECKING:
    from organizer.storage.store import Store

SET_ASIDE = "set-aside"


@dataclass
class CheckReport:
    """What `check` found: `damage` fails the check, `notes` do not."""

    damage: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)
    leftovers: list[Path] = field(default_factory=list)
    attachments_checked: int = 0
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damage


def check_store(store: Store) -> CheckReport:
    report = CheckReport()
    conn = store.conn
    if store.encrypted:
        for (line,) in conn.execute("PRAGMA cipher_integrity_check"):
            report.damage.append(f"Encrypted page damaged: {line}")
    for (line,) in conn.execute("PRAGMA integrity_check"):
        if line != "ok":
            report.damage.append(f"Database integrity: {line}")
    for row in conn.execute("PRAGMA foreign_key_check"):
        report.damage.append(f"Database link broken: table {row[0]} row {row[1]} points to a "
                             f"missing row in {row[2]}")
    rows = conn.execute("SELECT a.id, a.filename, a.sha256, a.size, r.title FROM attachments a "
                        "JOIN records r ON r.id = a.record_id WHERE a.deleted_at IS NULL")
    for att_id, filename, sha, size, title in rows.fetchall():
        path = store.file_path(sha)
        report.attachments_checked += 1
        where = f"“{filename}” (attachment {att_id} of record “{title}”)"
        if not path.is_file():
            report.damage.append(f"Missing file: {where}")
        elif store.cipher is None:
            if path.stat().st_size != size or sha256_file(path) != sha:
                report.damage.append(f"File altered (checksum does not match): {where}")
        else:
            # Opened chunk by chunk (the seal checks the SHA-256 at the end): a file of
            # several GiB is checked with one chunk in memory.
            try:
                opened = sum(len(chunk) for chunk in store.read_chunks(sha))
            except OrganizerError:
                report.damage.append(f"File altered (its seal does not match): {where}")
            else:
                if opened != size:
                    report.damage.append(f"File altered (checksum does not match): {where}")
    # Files of removed attachments are still referenced: an undo may bring them back.
    referenced = {store.file_path(r[0]).name for r in conn.execute(
        "SELECT DISTINCT sha256 FROM attachments")}
    if store.dirs.files.is_dir():
        for path in sorted(store.dirs.files.iterdir()):
            if path.name.startswith(TEMP_PREFIX):
                continue
            if path.name not in referenced:
                report.orphans.append(path)
                report.notes.append(f"Orphaned file (no record uses it): {path.name}")
    # The store was opened without the start's sweep (open_store(sweep=False)), so what a crash
    # left is still there to be listed; the next ordinary start, or --repair, clears it.
    report.leftovers = store.dirs.leftovers()
    report.notes.extend(f"Leftover of an interrupted task (removed at the next start, or now "
                        f"with --repair): {p}" for p in report.leftovers)
    report.notes.extend(f"Not made by the organizer (left as it is): {p}"
                        for p in store.dirs.unknown())
    return report


def repair(store: Store, report: CheckReport) -> CheckReport:
    """Move orphaned files aside (never delete them) and remove crash leftovers.

    Damage is not something a repair can undo: the report says to restore from a backup.
    """
    if report.orphans:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d-%H%M%S")
        target = store.root / SET_ASIDE / stamp
        target.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(target.parent, 0o700)
        for path in report.orphans:
            os.replace(path, target / path.name)
            report.repaired.append(f"Moved aside: {path.name} -> {target / path.name}")
        fsync_dir(target)
        fsync_dir(store.dirs.files)
    for path in report.leftovers:
        remove(path)
        report.repaired.append(f"Removed the leftover of an interrupted task: {path.name}")
    return report
