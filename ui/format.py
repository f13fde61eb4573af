"""How stored values are shown: dates in the user's locale, partial dates as typed in
words ("March 2019"), yes/no, choices in plain words."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from organizer.fields import FieldSpec

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def format_date(value: str | None, locale: QLocale | None = None) -> str:
    """2026-03-02 -> the locale's short date; 2019-03 -> "March 2019"; 2019 -> "2019"."""
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
                               QLocale.FormatType.ShortFormat)
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


def choice_label(value: str) -> str:
    """A stored choice in plain words: "ruled_out" -> "ruled out", "n_a" -> "not applicable"."""
    if value == "n_a":
        return "not applicable"
    return value.replace("_", " ")


def format_value(spec: FieldSpec, value: Any) -> str:
    """A value for a table cell (links are shown by the caller, which knows the titles)."""
    if value is None or value == "":
        return ""
    if spec.kind == "bool":
        return "Yes" if value else "No"
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
