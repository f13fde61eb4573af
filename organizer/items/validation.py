"""Turning what a person typed into values the store keeps, or a plain-words refusal.

The same rules serve every way in: the command line's FIELD=VALUE strings, the app's
editors and the importers. Nothing here touches the database; links typed as a name are
handed to a `resolve` callback that the store supplies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date as _date
from datetime import datetime as _datetime
from typing import Any

from organizer.errors import ValidationError
from organizer.i18n import N_, _, field_label
from organizer.items.fields import FieldSpec
from organizer.items.models import Item

# re.ASCII: without it \d also matches "２" or "٣", and such a date would be stored as typed,
# sorted wrongly and written into exports where no other program can read it.
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", re.ASCII)
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$", re.ASCII)
# What a full-width (CJK) or Arabic keyboard types between the digits of a date or time.
_SEPARATORS = str.maketrans({"－": "-", "‐": "-", "‑": "-", "–": "-", "：": ":",
                             "Ｔ": "T", "\u3000": " ", "\u00a0": " ", "\u202f": " "})
# SQLite stores integers in 8 bytes: a larger number cannot be an id or a count.
LARGEST_INTEGER = 2 ** 63 - 1
_TRUE = {"yes", "y", "true", "1", "on"}
_FALSE = {"no", "n", "false", "0", "off"}
_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")

Resolver = Callable[[str, str], int]


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of any script ("２０２６", "٢٠٢٦") written 0-9, and the
    full-width dash, colon and spaces of such keyboards made plain; nothing else changes.

    Dates and ids are kept and exported in ASCII: other programs (and SQLite's ordering)
    read only those digits, while a person may well type their own.
    """
    if text.isascii():
        return text
    text = text.translate(_SEPARATORS)
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def parse_id(text: str | int) -> int | None:
    """The item number `text` spells (any script's digits), or None when it is not one.

    A number too large for SQLite is not an id of anything: None, not an OverflowError.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if 0 < text <= LARGEST_INTEGER else None
    word = ascii_digits(str(text).strip())
    if not word.isascii() or not word.isdigit() or len(word) > 19:
        return None
    number = int(word)
    return number if 0 < number <= LARGEST_INTEGER else None


def check_date(value: str, label: str = N_("Date"), field: str | None = None) -> str:
    """Accept 2026-03-02, 2026-03 or 2026 when it is a real calendar date; keep it as typed,
    but in ASCII digits (see `ascii_digits`). `label` is the field's English label (it is
    translated here, with the message)."""
    value = ascii_digits(value)
    match = _DATE.match(value)
    shown = field_label(label)
    if not match:
        raise ValidationError(_(
            "{label}: “{value}” is not a date I can read. Type it as year-month-day, "
            "for example 2026-03-02, or just 2026-03 or 2026.").format(
                label=shown, value=value), field)
    year, month, day = match.groups()
    try:
        _date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValidationError(_(
            "{label}: “{value}” is not a real date (check the month and the day).").format(
                label=shown, value=value), field) from None
    if int(year) < 1850:
        raise ValidationError(_("{label}: the year {year} looks mistyped.").format(
            label=shown, year=year), field)
    return value


def check_datetime(value: str, label: str = N_("Date and time"),
                   field: str | None = None) -> str:
    """A date, optionally followed by a time (14:30), separated by a space or a T; in ASCII
    digits (see `ascii_digits`)."""
    value = ascii_digits(value)
    parts = re.split(r"[ T]", value.strip(), maxsplit=1)
    check_date(parts[0], label, field)
    if len(parts) == 2:
        time_text = parts[1].removesuffix("Z")
        offset = _OFFSET.search(time_text)
        if offset and (int(offset.group(2)) > (14 if offset.group(1) == "+" else 12)
                       or int(offset.group(3)) > 59):
            raise ValidationError(_(
                "{label}: “{zone}” is not a time zone (they go from -12:00 to "
                "+14:00). Type the time alone, like 14:30.").format(
                    label=field_label(label), zone=offset.group(0)), field)
        time_text = time_text[:offset.start()] if offset else time_text
        match = _TIME.match(time_text)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59 or (
                match.group(3) and int(match.group(3)) > 59):
            raise ValidationError(_(
                "{label}: “{value}” is not a time I can read. Type it like 14:30.").format(
                    label=field_label(label), value=parts[1]), field)
    return value.strip()


def parse_bool(value: Any, label: str = "", field: str | None = None) -> bool:
    """yes/no, true/false, 1/0 (any case), or a real bool."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValidationError(_("{label}: answer yes or no (you typed “{value}”).").format(
        label=field_label(label), value=value), field)


def _parse_number(value: Any, spec: FieldSpec, field: str, whole: bool) -> float | int:
    label = field_label(spec.label)
    if isinstance(value, bool):
        raise ValidationError(_("{label}: type a number.").format(label=label), field)
    if isinstance(value, (int, float)):
        number: float | int = value
    else:
        word = str(value).strip().lstrip("$€£¥").strip()
        if _THOUSANDS.match(word):
            word = word.replace(",", "")
        elif word.count(",") == 1 and "." not in word:
            word = word.replace(",", ".")
        try:
            number = int(word) if whole else float(word)
        except ValueError:
            message = (_("{label}: “{value}” is not a whole number.") if whole
                       else _("{label}: “{value}” is not a number."))
            raise ValidationError(message.format(label=label, value=value), field) from None
    if whole and isinstance(number, float):
        if not number.is_integer():
            raise ValidationError(_("{label}: type a whole number.").format(label=label),
                                  field)
        number = int(number)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(_("{label}: type a number.").format(label=label), field)
    if whole and abs(number) > LARGEST_INTEGER:
        raise ValidationError(_("{label}: “{value}” is too large a number.").format(
            label=label, value=value), field)
    if spec.minimum is not None and number < spec.minimum:
        raise ValidationError(_("{label}: must be at least {number}.").format(
            label=label, number=f"{spec.minimum:g}"), field)
    if spec.maximum is not None and number > spec.maximum:
        raise ValidationError(_("{label}: must be at most {number}.").format(
            label=label, number=f"{spec.maximum:g}"), field)
    return number


def _parse_choice(value: Any, spec: FieldSpec, field: str) -> str:
    word = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if word in spec.choices:
        return word
    shown = ", ".join(c.replace("_", " ") for c in spec.choices)
    raise ValidationError(_("{label}: “{value}” is not one of: {choices}.").format(
        label=field_label(spec.label), value=value, choices=shown), field)


def clean_value(spec: FieldSpec, field: str, value: Any,
                resolve: Resolver | None = None) -> Any:
    """One field's value, converted and checked; None for an empty optional value."""
    if isinstance(value, str):
        value = value.strip()
    empty = value is None or value == ""
    if empty:
        if spec.required:
            raise ValidationError(_("{label} is required: please fill it in.").format(
                label=field_label(spec.label)), field)
        if spec.kind == "bool":
            return False
        return None
    kind = spec.kind
    if kind in ("text", "longtext"):
        text = str(value)
        if "\x00" in text:
            raise ValidationError(_("{label}: the text holds a character that cannot be "
                                    "stored.").format(label=field_label(spec.label)), field)
        return text
    if kind == "date":
        if isinstance(value, (_date, _datetime)):
            return value.strftime("%Y-%m-%d")
        return check_date(str(value), spec.label, field)
    if kind == "datetime":
        if isinstance(value, _datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return check_datetime(str(value), spec.label, field)
    if kind == "bool":
        return parse_bool(value, spec.label, field)
    if kind == "enum":
        return _parse_choice(value, spec, field)
    if kind == "int":
        return _parse_number(value, spec, field, whole=True)
    if kind == "number":
        return _parse_number(value, spec, field, whole=False)
    if kind == "ref":
        number = parse_id(value)
        if number is not None:
            return number
        word = ascii_digits(str(value))
        if isinstance(value, int) or (word.isascii() and word.isdigit()):
            raise ValidationError(_("{label}: there is no number {value}.").format(
                label=field_label(spec.label), value=value), field)
        if resolve is None or spec.ref is None:
            raise ValidationError(_("{label}: give the linked item's number.").format(
                label=field_label(spec.label)), field)
        return resolve(spec.ref, str(value))
    raise AssertionError(f"unknown field kind {kind}")


def clean(cls: type[Item], raw: Mapping[str, Any], *, partial: bool = False,
          resolve: Resolver | None = None) -> dict[str, Any]:
    """Check a whole set of values for one item type.

    With `partial` (an edit), only the given fields are checked; otherwise missing fields
    take their defaults and required ones must be present.
    """
    specs = cls.specs()
    unknown = [name for name in raw if name not in specs]
    if unknown:
        raise ValidationError(_(
            "{kind} has no field “{field}”. Its fields are: {fields}.").format(
                kind=field_label(cls.LABEL), field=unknown[0], fields=", ".join(specs)),
            unknown[0])
    out: dict[str, Any] = {}
    defaults = {f: cls.__dataclass_fields__[f].default for f in specs}
    for name, spec in specs.items():
        if name in raw:
            out[name] = clean_value(spec, name, raw[name], resolve)
        elif not partial:
            if spec.required:
                raise ValidationError(_("{label} is required: please fill it in.").format(
                    label=field_label(spec.label)), name)
            out[name] = defaults[name]
    return out
