"""What a reader makes of a file, before anything is compared with the store.

Readers (fhir.py, ccda.py, archive.py) turn a file into a `ParsedFile`: the person's
details found in it, and a list of `Proposed` items keyed by DESIGN's field names. Links
between proposed items are kept as local keys until the plan is applied, when they become
the ids the store hands out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from organizer.items.models import TYPES


@dataclass(frozen=True)
class ZipMember:
    """A file inside a zip archive, read only when the plan is applied (bounded memory)."""

    archive: Path
    member: str


FileContent = bytes | ZipMember


@dataclass
class Proposed:
    """One item a file proposes to add.

    `links` maps a link field (`prescriber_id`) to the local key of another proposed item;
    `files` are (filename, bytes) to attach to a proposed record. `duplicate` is set by the
    plan when the store already has this item (then `existing_id` names it), and `include`
    is what the user left ticked.
    """

    type: str
    values: dict[str, Any]
    key: str = ""
    links: dict[str, str] = field(default_factory=dict)
    files: list[tuple[str, FileContent]] = field(default_factory=list)
    origin: str | None = None  # an archive keeps each item's own origin
    stamps: tuple[str, str] | None = None  # and its own (created_at, updated_at)
    duplicate: bool = False
    existing_id: int | None = None
    same_as: str | None = None  # the key of an earlier item of the same file it repeats
    include: bool = True

    @property
    def label(self) -> str:
        """How the preview names the item: its title (with a result's value, or a
        medication's dose and schedule), and its date when it has one."""
        cls = TYPES[self.type]
        title = str(self.values.get(cls.TITLE_FIELD) or cls.LABEL).strip()
        title = title.splitlines()[0] if title else cls.LABEL
        if len(title) > 90:
            title = title[:87] + "…"
        when = date_of(self.type, self.values)
        extra = ""
        if self.type == "result" and self.values.get("value"):
            extra = f": {self.values['value']}" + (
                f" {self.values['unit']}" if self.values.get("unit") else "")
        taken = [str(self.values[k]) for k in ("dose", "frequency") if self.values.get(k)]
        if self.type == "medication" and taken:  # the preview shows how it is taken
            extra = ": " + ", ".join(taken)
        return f"{title}{extra}" + (f" ({when})" if when else "")


def date_of(type_name: str, values: dict[str, Any]) -> str | None:
    """The item's main date (the first date field of its type), if it has one."""
    for name, spec in TYPES[type_name].specs().items():
        if spec.kind in ("date", "datetime"):
            value = values.get(name)
            return str(value) if value else None
    return None


@dataclass
class ParsedFile:
    """Everything one file holds, as the organizer's items."""

    filename: str
    format: str  # "FHIR", "FHIR NDJSON", "C-CDA" or "archive"
    sha256: str
    person: dict[str, Any] = field(default_factory=dict)
    person_links: dict[str, str] = field(default_factory=dict)  # primary_provider_id -> key
    person_origin: str | None = None  # an archive keeps the person's own origin
    person_stamps: tuple[str, str] | None = None  # and (created_at, updated_at)
    items: list[Proposed] = field(default_factory=list)
    no_known_allergies: bool = False
    skipped: Counter[str] = field(default_factory=Counter)
    title: str = ""  # the document's own title, for the provenance record
    dated_on: str | None = None
    source: str | None = None  # who wrote the document
    keep_file: bool = True  # an archive is not kept as a record: it is the data itself
