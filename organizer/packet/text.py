"""Values as printed on paper: dates a doctor anywhere reads the same way, amounts, labels.

Dates are printed "2 Mar 2026": day, month name, year. Numeric dates (03/02/2026) mean
different days in different countries, and a packet crosses borders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from organizer.items.choices import LABELS, choice_label

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[ T](\d{1,2}):(\d{2}))?")

# Stored choice values -> words on paper: the one table the app shows them with too.
WORDS = LABELS


def word(value: str | None) -> str:
    """A stored choice value in plain words ("clinic_note" -> "Clinic note")."""
    return choice_label(value)


def format_date(value: str | None) -> str:
    """ISO date (full or partial, maybe with a time) -> "2 Mar 2026", "Mar 2019", "2019"."""
    if not value:
        return ""
    match = _DATE.match(value.strip())
    if not match:
        return value
    year, month, day, hour, minute = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    text = f"{_MONTHS[int(month) - 1]} {year}"
    if day is not None:
        text = f"{int(day)} {text}"
    if hour is not None:
        text += f", {int(hour):02d}:{minute}"
    return text


def sort_key(value: str | None) -> str:
    """Dates sort as text once normalised; undated items go last."""
    return value or "9999"


def format_amount(amount: float | None, currency: str | None = None) -> str:
    """12000.0, "USD" -> "USD 12,000"; cents only when there are any."""
    if amount is None:
        return ""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{currency} {text}" if currency else text


def joined(parts: Iterable[str | None], sep: str = " · ") -> str:
    """The non-empty parts, joined."""
    return sep.join(p.strip() for p in parts if p and p.strip())


# How much of one value paper shows. A field can hold a whole pasted letter (100,000
# characters); printed in full it would bury the packet and, in a table cell or a repeated
# header, make a row taller than a page, which reportlab cannot lay out at all. Beyond
# these the text is cut at a word and says where the rest is.
CONTINUED = "… continued in the record"
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
    return cut.rstrip() + " " + CONTINUED


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
