"""How many of a kind of item, as words: "1 record", "3 records", "3 registros".

Real plurals of each type's noun (organizer.i18n's ngettext, the catalogue's Plural-Forms),
written out one call per type so the catalogue holds each pair; the command line's
summaries and the packet say counts through `count_of`.
"""

from __future__ import annotations

from collections.abc import Callable

from organizer.i18n import ngettext


def _forms() -> dict[str, Callable[[int], str]]:
    return {
        "person": lambda n: ngettext("{n} person", "{n} people", n),
        "provider": lambda n: ngettext("{n} care team member", "{n} care team members", n),
        "condition": lambda n: ngettext("{n} condition", "{n} conditions", n),
        "case": lambda n: ngettext("{n} second opinion", "{n} second opinions", n),
        "checklist": lambda n: ngettext("{n} checklist step", "{n} checklist steps", n),
        "opinion": lambda n: ngettext("{n} opinion", "{n} opinions", n),
        "treatment": lambda n: ngettext("{n} treatment option", "{n} treatment options", n),
        "quote": lambda n: ngettext("{n} cost quote", "{n} cost quotes", n),
        "medication": lambda n: ngettext("{n} medication", "{n} medications", n),
        "allergy": lambda n: ngettext("{n} allergy", "{n} allergies", n),
        "immunization": lambda n: ngettext("{n} immunization", "{n} immunizations", n),
        "procedure": lambda n: ngettext("{n} procedure", "{n} procedures", n),
        "result": lambda n: ngettext("{n} test result", "{n} test results", n),
        "record": lambda n: ngettext("{n} record", "{n} records", n),
        "sending": lambda n: ngettext("{n} sending", "{n} sendings", n),
        "request": lambda n: ngettext("{n} records request", "{n} records requests", n),
        "question": lambda n: ngettext("{n} question", "{n} questions", n),
        "visit": lambda n: ngettext("{n} visit", "{n} visits", n),
        "journal": lambda n: ngettext("{n} journal entry", "{n} journal entries", n),
        "file": lambda n: ngettext("{n} attached PDF file", "{n} attached PDF files", n),
        "page": lambda n: ngettext("{n} page", "{n} pages", n),
        "enclosure": lambda n: ngettext("{n} enclosure", "{n} enclosures", n),
    }


def count_of(kind: str, n: int) -> str:
    """"3 records" for kind "record" (an item type, or "file", "page", "enclosure")."""
    return _forms()[kind](n).format(n=n)
