"""Very long values in every text field, and a C-CDA file with a huge attribute."""

from __future__ import annotations

from pathlib import Path

from organizer.items.models import TYPES
from organizer.storage.store import Store
from tests.helpers.cli import ROOT


def long_text(size: int, spaced: bool) -> str:
    """Words (a pasted letter) or one unbroken run (a pasted link, a scanner's garbage)."""
    return ("Wordy " * (size // 6 + 1))[:size].strip() if spaced else "x" * size



def fill_every_text_field(store: Store, person_id: int, size: int) -> int:
    """Every free-text field of every item of the person set to a long value; the count."""
    filled = 0
    for type_name, cls in TYPES.items():
        items = ([store.get("person", person_id)] if type_name == "person"
                 else store.list_items(type_name, person_id))
        for index, item in enumerate(items):
            values = {name: long_text(size, spaced=index % 2 == 0)
                      for name, spec in cls.specs().items()
                      if spec.kind in ("text", "longtext") and not spec.choices}
            if values:
                store.update(type_name, item.id, values)
                filled += len(values)
    return filled


ATTRIBUTE = 50_000_000


def long_attribute_ccda(folder: Path, size: int = ATTRIBUTE) -> Path:
    """The older C32 sample with its telephone number 50 MB long."""
    text = (ROOT / "tests" / "data" / "c32_older.xml").read_text(encoding="utf-8")
    marked = text.replace('<telecom value="tel:555-0123"/>',
                          f'<telecom value="tel:555 {"9" * size}"/>', 1)
    assert marked != text
    path = folder / "long_attribute.xml"
    path.write_text(marked, encoding="utf-8")
    return path
