"""Records from files: the one composite write behind dropping files on the app.

A dropped file becomes one record (its title and kind guessed from the file's name) with
the file attached; files dropped on a record are attached to it. Both run in one
transaction, so a batch of files is all added or none (a file that cannot be read leaves
no record behind), and return one Change: the app puts it on its undo stack as one step.
The files' text is left "pending" (`extract_text=False`): reading it takes seconds per
scanned page and is done afterwards, off the write, by `Store.extract_pending_text` and
`organizer.scan.read.read_pending`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from organizer.items.changes import Change
from organizer.progress import Progress, step
from organizer.storage.store import Store


def title_from_filename(path: Path) -> str:
    """“2026-01-ct_report final.pdf” -> “2026-01-ct report final” (underscores become
    spaces; dashes between words are kept)."""
    words = path.stem.replace("_", " ").replace("-", " - ").split()
    text = " ".join(words).replace(" - ", "-").strip(" -")
    return text or path.name


def kind_from_filename(path: Path) -> str:
    """A guess at the record's kind from words in its name; “other” when unsure."""
    words = set(re.split(r"[^a-z0-9]+", path.stem.lower()))
    for kind, hints in _KIND_HINTS:
        if words & hints:
            return kind
    return "other"


_KIND_HINTS = (
    ("lab", {"lab", "labs", "blood", "bloodwork"}),
    ("imaging", {"mri", "ct", "xray", "scan", "ultrasound", "imaging", "mammogram", "pet"}),
    ("pathology", {"pathology", "biopsy"}),
    ("discharge", {"discharge"}),
    ("operative", {"operative", "surgery"}),
    ("letter", {"letter", "referral"}),
    ("insurance", {"insurance", "claim", "eob"}),
)


def add_records_from_files(store: Store, person_id: int, paths: Iterable[Path | str],
                           progress: Progress | None = None) -> Change:
    """One new record per file, each with its file attached, in one transaction.

    A Cancel between two files (through `progress`) takes back the ones already added.
    """
    files = [Path(p) for p in paths]
    change = Change()
    with store.transaction():
        for done, path in enumerate(files):
            step(progress, done, len(files), path.name)
            added = store.add("record", {"title": title_from_filename(path),
                                         "kind": kind_from_filename(path)},
                              person_id=person_id)
            change = change + added
            change = change + store.attach_file(added.id, path, extract_text=False)
        step(progress, len(files), len(files))
    return change


def attach_files(store: Store, record_id: int, paths: Iterable[Path | str],
                 progress: Progress | None = None) -> Change:
    """Attach files to one record, in one transaction (all of them or none)."""
    files = [Path(p) for p in paths]
    change = Change()
    with store.transaction():
        for done, path in enumerate(files):
            step(progress, done, len(files), path.name)
            change = change + store.attach_file(record_id, path, extract_text=False)
        step(progress, len(files), len(files))
    return change


def added_ids(change: Change, type_name: str = "record") -> list[int]:
    """The ids of the items of one type a Change added, in the order they were added."""
    return [c.id for c in change.items if c.action == "added" and c.type == type_name]
