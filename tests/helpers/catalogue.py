"""The messages the core's catalogue must translate, and the catalogue's own entries.

What must be translated: every string marked in organizer/ (`_`, `N_`, `NC_`, `ngettext`,
`pgettext`: Babel's Python extractor, the same one `pybabel extract` runs) and every word
the item specs declare (field labels, type labels), which are translated at display
(organizer.i18n.field_label) rather than marked one by one.
`python -m tests.helpers.catalogue` writes the template (build/organizer.pot) for
`pybabel update -i build/organizer.pot -d resources/locale -D organizer`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers.cli import ROOT

PO = ROOT / "resources" / "locale" / "es" / "LC_MESSAGES" / "organizer.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "NC_": ((1, "c"), 2)}

Key = tuple[str | None, str]  # (context, msgid)


def marked_messages() -> dict[Key, str | None]:
    """(context, msgid) -> msgid_plural (None for a singular) of every marked string."""
    from babel.messages.extract import extract_from_dir

    found: dict[Key, str | None] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "organizer"), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=(), strip_comment_tags=True):
        if isinstance(message, tuple):
            found[(context, message[0])] = message[1]
        else:
            found[(context, message)] = None
    return found


def spec_messages() -> dict[Key, str | None]:
    """The words the item specs declare: labels and help (choice words are marked in
    organizer/items/choices.py)."""
    from organizer.items.models import TYPES

    found: dict[Key, str | None] = {}
    for cls in TYPES.values():
        found[(None, cls.LABEL)] = None
        found[(None, cls.PLURAL)] = None
        for spec in cls.specs().values():
            found[(None, spec.label)] = None
            if spec.help:
                found[(None, spec.help)] = None
    return found


def expected_messages() -> dict[Key, str | None]:
    return {**spec_messages(), **marked_messages()}


def write_template(path: Path) -> Path:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="Second Opinion Organizer", domain="organizer")
    for (context, msgid), plural in sorted(expected_messages().items(),
                                           key=lambda kv: (kv[0][0] or "", kv[0][1])):
        catalog.add((msgid, plural) if plural else msgid, context=context)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False)
    return path


if __name__ == "__main__":
    print(write_template(Path(sys.argv[1]) if len(sys.argv) > 1
                         else ROOT / "build" / "organizer.pot"))
