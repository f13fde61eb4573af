"""How stored values are shown: dates in the user's locale, partial dates as typed in
words ("March 2019"), yes/no, choices in plain words (organizer/choices.py).

A full date uses the locale's own short order (3/2/2026 in the US, 02.03.2026 in Germany)
but always with the year in four digits: "3/2/26" is easy to misread on a medical record.
Under the C/POSIX locale (no language chosen, as on a bare system) the short format is
just numbers with spaces ("2 03 2026"), so a date is written with its month's name there
instead: "2 Mar 2026"."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from organizer.items.fields import FieldSpec
from ui.item_words import choice_text as choice_label

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")
C_DATE_FORMAT = "d MMM yyyy"


def short_date_format(locale: QLocale) -> str:
    """The locale's short date pattern with a four-digit year (a clear one under C/POSIX)."""
    if locale.language() == QLocale.Language.C:
        return C_DATE_FORMAT
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    # quoted literal text ('de') is left alone; only the year fields outside it change
    parts = pattern.split("'")
    parts[::2] = [_TWO_DIGIT_YEAR.sub("yyyy", part) for part in parts[::2]]
    return "'".join(parts)


def format_date(value: str | None, locale: QLocale | None = None) -> str:
    """2026-03-02 -> the locale's short date with a 4-digit year ("3/2/2026"; "2 Mar 2026"
    under C); 2019-03 -> "March 2019"; 2019 -> "2019"."""
    if not value:
        return ""
    locale = locale or QLocale()
    head, _, time_part = value.replace("T", " ").partition(" ")
    match = _DATE.match(head)
    if not match:
        return value
    year, month, day = match.groups()
    if day:
        text = locale.toString(QDate(int(year), int(month), int(day)),
                               short_date_format(locale))
    elif month:
        text = f"{locale.standaloneMonthName(int(month))} {year}"
    else:
        text = year
    if time_part:
        hours, _, rest = time_part.partition(":")
        if hours.isdigit() and rest[:2].isdigit():
            time = QTime(int(hours), int(rest[:2]))
            text += " " + locale.toString(time, QLocale.FormatType.ShortFormat)
    return text


def format_value(spec: FieldSpec, value: Any) -> str:
    """A value for a table cell (links are shown by the caller, which knows the titles)."""
    if value is None or value == "":
        return ""
    if spec.kind == "bool":
        return (QCoreApplication.translate("format", "Yes") if value
                else QCoreApplication.translate("format", "No"))
    if spec.kind in ("date", "datetime"):
        return format_date(str(value))
    if spec.kind == "enum":
        return choice_label(str(value))
    if spec.kind == "number" and isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if spec.kind == "longtext":
        return " ".join(str(value).split())
    return str(value)


def now_iso() -> str:
    return QDateTime.currentDateTime().toString("yyyy-MM-dd")


def a_or_an(noun: str) -> str:
    """"an immunization", "a medication": the article a label takes in a sentence."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def at_word() -> str:
    """" at " between a day and its time, in the app's language (one translation, the
    visit mode's, shared by every page that joins a day and a time)."""
    return QCoreApplication.translate("VisitModeWindow", " at ")
