"""Dates, numbers and amounts as a reader of the chosen language writes them.

The one place the packet, the printouts, the request letter, the attention messages and the
command line format a date or a number. Stored values never change (ISO dates, plain
numbers); only what is shown.

- English keeps the forms the packet always printed: "2 Mar 2026" (medium), "2 March 2026"
  (long), partial dates "Mar 2019" / "March 2019" / "2019"; digits grouped "12,000". The
  day comes first in both languages: 03/02/2026 means different days in different
  countries, and a packet crosses borders.
- Spanish follows Babel's CLDR data for es_US, the Spanish of the United States (the
  patients we build for live in Los Angeles County; their bills and letters group digits
  as "28,200.50"): "2 mar 2026", "5 de enero de 2027", "marzo de 1952".
- An amount is its number in the language's digits with the currency code as typed:
  "USD 12,000" in English (as before), "28,200 USD" in Spanish; cents only when there
  are any.

Babel is imported only when a non-English date or number is written, so `organizer
people` and the app's first frame never pay for its locale data.
"""

from __future__ import annotations

import re
from datetime import date

from organizer.i18n import current, normalize

REGIONS: dict[str, str] = {"en": "en_US", "es": "es_US"}
_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                 "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[ T](\d{1,2}):(\d{2}))?")
# (full date, month and year) patterns per language and style, in CLDR's pattern syntax
_PATTERNS: dict[str, dict[str, tuple[str, str]]] = {
    "es": {"medium": ("d MMM y", "MMM y"), "long": ("d 'de' MMMM 'de' y", "MMMM 'de' y")},
}


def _lang(lang: str | None) -> str:
    return normalize(lang) or current()


def format_date(value: str | date | None, style: str = "medium", lang: str | None = None) -> str:
    """An ISO date, full or partial, maybe with a time, as words: "2 Mar 2026", "Mar 2019",
    "2019", "2 Mar 2026, 14:30" (style "long": "2 March 2026", "5 de enero de 2027").
    Text that is not an ISO date is given back as it is."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    match = _DATE.match(text.strip())
    if not match:
        return text
    year, month, day, hour, minute = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is not None and not 1 <= int(day) <= 31:
        day = None
    code = _lang(lang)
    if code in _PATTERNS:
        shown = _babel_date(int(year), int(month), int(day) if day else None, style, code)
    else:
        names = _MONTHS_LONG if style == "long" else _MONTHS_SHORT
        shown = f"{names[int(month) - 1]} {year}"
        if day is not None:
            shown = f"{int(day)} {shown}"
    if hour is not None:
        shown += f", {int(hour):02d}:{minute}"
    return shown


def _babel_date(year: int, month: int, day: int | None, style: str, code: str) -> str:
    from babel.dates import format_date as babel_format

    full, month_year = _PATTERNS[code]["long" if style == "long" else "medium"]
    try:
        when = date(year, month, day or 1)
    except ValueError:  # 2026-02-31 typed into a free-text field: show month and year
        when, day = date(year, month, 1), None
    return babel_format(when, full if day else month_year, locale=REGIONS[code])


def format_number(number: float | int, lang: str | None = None) -> str:
    """12000 -> "12,000"; decimals only when there are any (up to three)."""
    code = _lang(lang)
    if code == "en":
        return (f"{number:,.0f}" if float(number).is_integer()
                else f"{number:,.3f}".rstrip("0").rstrip("."))
    from babel.numbers import format_decimal

    return format_decimal(number, format="#,##0.###", locale=REGIONS[code])


def format_amount(amount: float | None, currency: str | None = None,
                  lang: str | None = None) -> str:
    """12000.0, "USD" -> "USD 12,000" (English) or "12,000 USD" (Spanish); cents only
    when there are any."""
    if amount is None:
        return ""
    code = _lang(lang)
    if code == "en":
        digits = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
        return f"{currency} {digits}" if currency else digits
    from babel.numbers import format_decimal

    pattern = "#,##0" if float(amount).is_integer() else "#,##0.00"
    digits = format_decimal(amount, format=pattern, locale=REGIONS[code])
    return f"{digits} {currency}" if currency else digits


def in_days(day: date, today: date, lang: str | None = None) -> str:
    """today / tomorrow / in 5 days / yesterday / 3 days ago, in the language."""
    from organizer.i18n import _, language, ngettext

    with language(lang):
        delta = (day - today).days
        if delta == 0:
            return _("today")
        if delta == 1:
            return _("tomorrow")
        if delta == -1:
            return _("yesterday")
        if delta > 0:
            return ngettext("in {n} day", "in {n} days", delta).format(n=delta)
        return ngettext("{n} day ago", "{n} days ago", -delta).format(n=-delta)
