"""Field declarations for the item models.

Each model field carries a `FieldSpec` in its dataclass metadata. That one declaration
drives validation, the SQLite columns, the `--json` keys, the command line's FIELD=VALUE
parsing, the archive format and the app's generated editors, so a field is described once.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from organizer.frozen import frozen

# The kinds a field can have. "date" takes a full or partial ISO date (2019, 2019-03,
# 2019-03-02); "datetime" also takes a time; "ref" holds another item's integer id.
KINDS = ("text", "longtext", "date", "datetime", "bool", "enum", "ref", "int", "number")


@frozen
class FieldSpec:
    """How one field of an item is typed, checked and shown."""

    kind: str
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # the item type a "ref" field points to
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


def _field(spec: FieldSpec, default: Any = None) -> Any:
    return dataclasses.field(default=default, metadata={"spec": spec})


def text(label: str, *, required: bool = False, help: str = "") -> Any:
    """A one-line text field."""
    return _field(FieldSpec("text", label, required, help=help), "" if required else None)


def longtext(label: str, *, required: bool = False, help: str = "") -> Any:
    """A multi-line text field (notes, answers, descriptions)."""
    return _field(FieldSpec("longtext", label, required, help=help), "" if required else None)


def date(label: str, *, required: bool = False, help: str = "") -> Any:
    """An ISO date, possibly partial ("2019", "2019-03"), kept as typed."""
    return _field(FieldSpec("date", label, required, help=help), "" if required else None)


def datetime(label: str, *, required: bool = False, help: str = "") -> Any:
    """An ISO date with an optional time ("2026-03-02 14:30")."""
    return _field(FieldSpec("datetime", label, required, help=help), "" if required else None)


def boolean(label: str, *, default: bool = False, help: str = "") -> Any:
    """A yes/no field."""
    return _field(FieldSpec("bool", label, help=help), default)


def choice(label: str, choices: tuple[str, ...], *, default: str | None = None,
           help: str = "") -> Any:
    """One value out of a fixed list."""
    return _field(FieldSpec("enum", label, choices=choices, help=help), default)


def ref(label: str, target: str, *, required: bool = False, help: str = "") -> Any:
    """A link to another item of this person (stored as its id)."""
    return _field(FieldSpec("ref", label, required, ref=target, help=help), 0 if required else None)


def integer(label: str, *, required: bool = False, minimum: float | None = None,
            maximum: float | None = None, help: str = "") -> Any:
    """A whole number."""
    spec = FieldSpec("int", label, required, minimum=minimum, maximum=maximum, help=help)
    return _field(spec, 0 if required else None)


def number(label: str, *, minimum: float | None = None, help: str = "") -> Any:
    """A number that may have decimals (an amount of money)."""
    return _field(FieldSpec("number", label, minimum=minimum, help=help), None)
