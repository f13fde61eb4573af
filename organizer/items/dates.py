"""Dates as people write them: "3/14/1952", "14/03/1952", "March 1952", "Mar 1952", "1952",
"14 de marzo de 1952", or ISO, turned into the ISO text the store keeps ("1952-03-14",
"1952-03", "1952"), and ISO said back in words ("March 14, 1952" / "14 March 1952").

Whether 3/4/2026 is the 4th of March or the 3rd of April depends on where one lives, so
every function takes the order (`DateOrder`: month-day-year, day-month-year or
year-month-day) from its caller: the app passes its QLocale's, the command line could pass
`order_of_locale` of its language. Nothing here knows Qt, and the store still accepts only
ISO (`validation.check_date`): this module is the way from typing to that form, so the
same text means the same date on every screen.

A date that could be read two ways is read in the caller's order; one that makes sense
in one order only (14/03/1952 in the US) is read that one way, since the friendly echo
shows the user what was understood. A two-digit year is refused: "3/4/52" on a medical
record is too easy to misread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date as _date
from typing import Literal

from organizer.errors import ValidationError
from organizer.items.validation import ascii_digits, check_date, check_datetime

DateOrder = Literal["mdy", "dmy", "ymd"]

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")
# Countries that write the month first (CLDR's short date patterns); the rest of the
# world writes the day first, except the year-first ones below.
_MONTH_FIRST = {"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "UM", "VI", "BZ", "CA"}
_YEAR_FIRST_LANGUAGES = {"zh", "ja", "ko", "hu", "lt", "mn", "eu"}
_YEAR_FIRST_COUNTRIES = {"CN", "TW", "JP", "KR", "HU", "LT", "MN", "IR", "ZA", "SE"}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)
_NUMBERS = re.compile(r"^(\d{1,4})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{1,4}))?\.?$", re.ASCII)
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$", re.ASCII)
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|º|°|o)?$", re.ASCII | re.IGNORECASE)
# a time at the end of a date: 14:30, 14:30:00, 2:30 pm, 10 am (a colon or am/pm is needed,
# so the year of "March 14, 2026" is never taken for a time)
_TIME_AT_END = re.compile(
    r"(?:^|[\sT,])(?:at\s+|a\s+las\s+)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*"
    r"(a\.?\s?m\.?|p\.?\s?m\.?)?$", re.IGNORECASE)
_FILLER = {"de", "of", "the", "del"}


def order_of_pattern(pattern: str) -> DateOrder:
    """The order of a date pattern as Qt or CLDR write it ("M/d/yy" -> "mdy",
    "dd.MM.yyyy" -> "dmy", "y/MM/dd" -> "ymd"); quoted literal text is skipped."""
    bare = "".join(pattern.split("'")[::2])
    places = {letter: bare.find(letter) for letter in "dMy"}
    if any(place < 0 for place in places.values()):
        return "dmy"
    first = min(places, key=lambda letter: places[letter])
    if first == "y":
        return "ymd"
    return "mdy" if first == "M" else "dmy"


def order_of_locale(name: str) -> DateOrder:
    """The order for a locale name such as "en_US", "es_MX.UTF-8" or "ja-JP" (the
    command line's --lang or LANG); day-month-year when it names no known country."""
    head = name.split(".")[0].split("@")[0].replace("-", "_")
    language, _, country = head.partition("_")
    country = country.upper()
    if country in _MONTH_FIRST and not (country == "CA" and language.lower() == "fr"):
        return "mdy"
    if country in _YEAR_FIRST_COUNTRIES or (not country and language.lower()
                                              in _YEAR_FIRST_LANGUAGES):
        return "ymd"
    if not country and language.lower() == "en":
        return "mdy"  # plain "en": the household of the demo is American
    return "dmy"


def example(order: DateOrder) -> str:
    """A date written in this order, for messages and placeholders."""
    return {"mdy": "3/14/1952", "dmy": "14/03/1952", "ymd": "1952-03-14"}[order]


def _plain(word: str) -> str:
    """A month word without case, accents or a final dot ("Mär." -> "mar")."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower().rstrip("."))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _month_words(extra: Mapping[str, int] | None) -> dict[str, int]:
    words: dict[str, int] = {}
    for names in (ENGLISH_MONTHS, SPANISH_MONTHS):
        for number, name in enumerate(names, 1):
            words[_plain(name)] = number
    words["setiembre"] = 9
    words["sept"] = 9
    for name, number in (extra or {}).items():
        if name.strip():
            words[_plain(name)] = number
    return words


def _month_of(word: str, words: Mapping[str, int]) -> int | None:
    """The month a word names: a whole name, or the start of one (three letters at least)
    that names only that month in every language known here."""
    plain = _plain(word)
    if plain in words:
        return words[plain]
    if len(plain) < 3 or not plain.isalpha():
        return None
    found = {number for name, number in words.items() if name.startswith(plain)}
    return found.pop() if len(found) == 1 else None


def _unreadable(text: str, label: str, field: str | None, order: DateOrder) -> ValidationError:
    return ValidationError(
        f"{label}: “{text}” is not a date I can read. Type it like {example(order)}, or "
        "just the month and year (March 1952), or the year alone (1952).", field)


def _iso(text: str, label: str, field: str | None, year: int, month: int | None = None,
         day: int | None = None) -> str:
    """The ISO text of a checked date, with a refusal that quotes what was typed."""
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(f"{label}: “{text}” has no month {month} (months go from 1 "
                              "to 12).", field)
    if day is not None:
        assert month is not None
        try:
            _date(year, month, day)
        except ValueError:
            raise ValidationError(
                f"{label}: “{text}” is not a real date (check the month and the day).",
                field) from None
    value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    return check_date(value, label, field)


def _day_and_month(a: int, b: int, order: DateOrder) -> tuple[int, int]:
    """(day, month) of two numbers written in `order`; swapped when only the other way
    round is a date (14/03 typed where 03/14 is the custom)."""
    day, month = (b, a) if order == "mdy" else (a, b)
    if month > 12 >= day:
        day, month = month, day
    return day, month


def parse_date(text: str, order: DateOrder = "dmy", *, label: str = "Date",
               field: str | None = None, month_names: Mapping[str, int] | None = None) -> str:
    """What a person typed as a date -> ISO ("1952-03-14", "1952-03" or "1952"), or a
    ValidationError in plain words. `month_names` adds the words of the user's language
    (English and Spanish are always known); empty text is the caller's to handle."""
    typed = " ".join(ascii_digits(text).split())
    if not typed:
        raise ValidationError(f"{label}: type a date, for example {example(order)}.", field)
    value = typed.rstrip(".").strip()
    iso = _ISO.match(value)
    if iso:
        year, month, day = iso.groups()
        return _iso(typed, label, field, int(year), int(month) if month else None,
                    int(day) if day else None)
    month_year = _MONTH_YEAR.match(value)
    if month_year:
        return _iso(typed, label, field, int(month_year.group(2)), int(month_year.group(1)))
    numbers = _NUMBERS.match(value)
    if numbers:
        first, second, third = numbers.groups()
        if third is None:  # 1952/3
            if len(first) == 4:
                return _iso(typed, label, field, int(first), int(second))
            raise _unreadable(typed, label, field, order)
        if len(first) == 4:
            return _iso(typed, label, field, int(first), int(second), int(third))
        if len(third) != 4:
            raise ValidationError(
                f"{label}: “{typed}”: write the year with all four digits (1952, not 52), "
                "so it cannot be misread.", field)
        day, month = _day_and_month(int(first), int(second), order)
        return _iso(typed, label, field, int(third), month, day)
    return _parse_words(typed, value, order, label, field, _month_words(month_names))


def _parse_words(typed: str, value: str, order: DateOrder, label: str, field: str | None,
                 words: Mapping[str, int]) -> str:
    """"March 14, 1952", "14 March 1952", "Mar 1952", "14 de marzo de 1952"."""
    tokens = [t for t in re.split(r"[\s,/\-]+", value) if t and _plain(t) not in _FILLER]
    month: int | None = None
    year: int | None = None
    day: int | None = None
    for token in tokens:
        ordinal = _ORDINAL.match(token)
        if token.isascii() and token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif ordinal and day is None:
            day = int(ordinal.group(1))
        elif month is None and (found := _month_of(token, words)) is not None:
            month = found
        else:
            raise _unreadable(typed, label, field, order)
    if month is None:
        raise _unreadable(typed, label, field, order)
    if year is None:
        raise ValidationError(f"{label}: “{typed}” has no year. Add it with four digits, "
                              "for example “March 14, 1952”.", field)
    return _iso(typed, label, field, year, month, day)


def parse_datetime(text: str, order: DateOrder = "dmy", *, label: str = "Date and time",
                   field: str | None = None,
                   month_names: Mapping[str, int] | None = None) -> str:
    """A date as `parse_date` reads it, optionally followed by a time ("3/14/2026 10:30",
    "March 14, 2026 at 2:30 pm") -> "2026-03-14 14:30"; ISO with a time is kept."""
    typed = " ".join(ascii_digits(text).split())
    if re.match(r"^\d{4}-\d{2}-\d{2}[ T]\d", typed, re.ASCII):
        return check_datetime(typed, label, field)
    found = _TIME_AT_END.search(typed)
    if found is None or not (found.group(2) or found.group(4)):
        return parse_date(typed, order, label=label, field=field, month_names=month_names)
    day_part = typed[:found.start()].strip().rstrip(",").strip()
    day = parse_date(day_part, order, label=label, field=field, month_names=month_names)
    if len(day) != 10:
        raise ValidationError(f"{label}: a time needs the whole date, day included "
                              f"(for example {example(order)} 10:30).", field)
    hours, minutes = int(found.group(1)), int(found.group(2) or 0)
    noon = (found.group(4) or "").lower().replace(".", "").replace(" ", "")
    if noon:
        if not 1 <= hours <= 12:
            raise ValidationError(f"{label}: “{typed}”: with am or pm the hour goes from "
                                  "1 to 12.", field)
        hours = hours % 12 + (12 if noon == "pm" else 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(f"{label}: “{typed}” is not a time I can read. Type it like "
                              "14:30 or 2:30 pm.", field)
    return f"{day} {hours:02d}:{minutes:02d}"


def friendly_date(value: str | None, order: DateOrder = "dmy",
                  months: Sequence[str] = ENGLISH_MONTHS) -> str:
    """A stored date in words: "March 14, 1952" (month first) or "14 March 1952";
    "March 1952"; "1952"; a time kept after it ("March 14, 2026, 10:30"). Text that is no
    ISO date comes back as it is."""
    if not value:
        return ""
    head, _, time_part = value.replace("T", " ").partition(" ")
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", head, re.ASCII)
    if not match:
        return value
    year, month, day = match.groups()
    if not month:
        text = year
    else:
        name = months[int(month) - 1] if 1 <= int(month) <= 12 else month
        if not day:
            text = f"{name} {year}"
        elif order == "mdy":
            text = f"{name} {int(day)}, {year}"
        else:
            text = f"{int(day)} {name} {year}"
    return f"{text}, {time_part[:5]}" if time_part else text


__all__ = [
    "ENGLISH_MONTHS",
    "SPANISH_MONTHS",
    "DateOrder",
    "example",
    "friendly_date",
    "order_of_locale",
    "order_of_pattern",
    "parse_date",
    "parse_datetime",
]
