"""Values as printed on paper: dates a doctor anywhere reads the same way, amounts, labels.

Dates are printed "2 Mar 2026" ("2 mar 2026" in Spanish): day, month name, year. Numeric
dates (03/02/2026) mean different days in different countries, and a packet crosses
borders. Dates and amounts are written by organizer.formats in the current language (the
packet's and printouts' own, `PacketOptions.language`); choice words are translated here.
"""

from __future__ import annotations

from collections.abc import Iterable

from organizer import formats
from organizer.i18n import N_, _
from organizer.items.choices import LABELS, choice_label

# Stored choice values -> words on paper: the one table the app shows them with too
# (organizer/items/choices.py, translated there).
WORDS = LABELS


def word(value: str | None) -> str:
    """A stored choice value in plain words ("clinic_note" -> "Clinic note")."""
    return choice_label(value)


# A result's flag as importers write it (interop.codes.INTERPRETATIONS) or a person types it
# in English: these words are codes more than typing, so a Spanish packet shows them in
# Spanish; any other flag is printed as typed.
FLAGS = {"high": N_("high"), "low": N_("low"), "abnormal": N_("abnormal"),
         "normal": N_("normal"), "critically high": N_("critically high"),
         "critically low": N_("critically low"), "very high": N_("very high"),
         "very low": N_("very low"), "critically abnormal": N_("critically abnormal"),
         "positive": N_("positive"), "negative": N_("negative"),
         "detected": N_("detected"), "not detected": N_("not detected"),
         "indeterminate": N_("indeterminate")}


def flag_word(flag: str | None) -> str:
    """A result's flag in the packet's language when it is one of the coded words."""
    if not flag:
        return ""
    known = FLAGS.get(flag.strip().lower())
    return _(known) if known else flag


def format_date(value: str | None, style: str = "medium") -> str:
    """ISO date (full or partial, maybe with a time) -> "2 Mar 2026", "Mar 2019", "2019"
    (style "long", for a letter: "2 March 2026", "2 de marzo de 2026")."""
    return formats.format_date(value, style)


def sort_key(value: str | None) -> str:
    """Dates sort as text once normalised; undated items go last."""
    return value or "9999"


def format_amount(amount: float | None, currency: str | None = None) -> str:
    """12000.0, "USD" -> "USD 12,000" ("12,000 USD" in Spanish); cents only when there
    are any."""
    return formats.format_amount(amount, currency)


def joined(parts: Iterable[str | None], sep: str = " · ") -> str:
    """The non-empty parts, joined."""
    return sep.join(p.strip() for p in parts if p and p.strip())


# How much of one value paper shows. A field can hold a whole pasted letter (100,000
# characters); printed in full it would bury the packet and, in a table cell or a repeated
# header, make a row taller than a page, which reportlab cannot lay out at all. Beyond
# these the text is cut at a word and says where the rest is.
CONTINUED = N_("… continued in the record")
BODY_LIMIT = (4000, 80)    # characters, lines: a paragraph that may flow across pages
CELL_LIMIT = (1500, 30)    # a table cell (its row may split across pages)
HEADING_LIMIT = (200, 3)   # a heading or a table's repeated header row: never splits


def clip(text: str, limit: tuple[int, int] = BODY_LIMIT) -> str:
    """`text` cut to at most `limit` (characters, lines), ending with CONTINUED if cut.

    The cut falls at the last space of the last quarter, so no word is broken in two
    when it can be helped.
    """
    chars, lines = limit
    if len(text) <= chars and text.count("\n") < lines:
        return text
    cut = text[:chars]
    breaks = [i for i, c in enumerate(cut) if c == "\n"]
    if len(breaks) >= lines:
        cut = cut[:breaks[lines - 1]]
    elif len(cut) == chars:
        space = cut.rfind(" ", chars * 3 // 4)
        if space > 0:
            cut = cut[:space]
    return cut.rstrip() + " " + _(CONTINUED)


def markup(text: str | None, limit: tuple[int, int] = BODY_LIMIT) -> str:
    """User text made safe for a reportlab Paragraph: cut to `limit` (see `clip`),
    escaped, line breaks kept.

    (Escaped here rather than with xml.sax.saxutils, whose import pulls in urllib and
    http.client: start-up time the packet command can spare.)
    """
    if not text:
        return ""
    safe = clip(text.strip(), limit)
    safe = safe.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")
