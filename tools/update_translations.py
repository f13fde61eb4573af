"""Read every translatable string of ui/ into resources/translations/*.ts (pyside6-lupdate).

    python tools/update_translations.py        (or: make translations-update)

New strings come in unfinished, strings no longer in the code are dropped (-no-obsolete),
and no line numbers are kept (-locations none), so a change elsewhere in a file does not
rewrite the catalogue. Then translate what is unfinished (by hand or in Qt Linguist,
`pyside6-linguist`) and `make translations` builds the .qm the app loads.
tests/ui/test_translations.py fails while any entry is unfinished or obsolete.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("es",)
# English is the source language; its catalogue holds only the plurals ("%n file(s)" ->
# "1 file", "3 files"), which Qt takes from a catalogue in every language.
PLURALS_ONLY = ("en",)


def tool(name: str) -> str:
    """A PySide6 tool beside this Python (the virtual environment's bin/)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                  if not p.name.startswith("screenshots"))


def main() -> int:
    for language in (*LANGUAGES, *PLURALS_ONLY):
        target = ROOT / "resources" / "translations" / f"organizer_{language}.ts"
        only = ["-pluralonly"] if language in PLURALS_ONLY else []
        done = subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", *only,
             "-source-language", "en", "-target-language", language, "-ts", str(target)],
            cwd=ROOT)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
