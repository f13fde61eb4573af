"""Reading a big FHIR Bundle one entry at a time.

`json.load` of a 40 MB bundle builds every entry at once, several hundred MB of Python
objects. Here the text is walked with `JSONDecoder.raw_decode`: the top-level object's
small values are decoded whole, and the `entry` array is decoded one element at a time, so
only the text and the entry being read are in memory.

Numbers with a fraction or an exponent are read as `JsonNumber`: a Decimal that remembers
the digits as written, so "4.10" stays "4.10" (a float would make it 4.1, and 1e400 an
infinity). NaN and Infinity, which Python's reader accepts though JSON has no such thing,
become non-finite JsonNumbers for the reader to refuse item by item.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Context, Decimal
from typing import Any

from organizer.interop.refusals import malformed

_WS = " \t\n\r"
_FLOAT_MAX = Decimal("1.7976931348623157e308")


class JsonNumber(Decimal):
    """A JSON number exactly as the file wrote it: `str()` gives back its own digits."""

    text: str

    def __new__(cls, text: str) -> JsonNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __format__(self, spec: str, context: Context | None = None, /) -> str:
        # f"{number}" too gives the digits as written
        return self.text if not spec else super().__format__(spec)

    def finite(self) -> bool:
        """False for NaN, Infinity, and numbers too large for any real measurement."""
        return self.is_finite() and abs(self) <= _FLOAT_MAX


def decoder() -> json.JSONDecoder:
    """A JSON decoder keeping numbers exact (see JsonNumber)."""
    return json.JSONDecoder(parse_float=JsonNumber, parse_constant=JsonNumber)


def loads(text: str | bytes) -> Any:
    """`json.loads` with numbers kept exact; a number too long to read is a decode error."""
    try:
        return json.loads(text, parse_float=JsonNumber, parse_constant=JsonNumber)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer of thousands of digits
        raise json.JSONDecodeError(str(exc), "", 0) from None


def _skip(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def iter_object(text: str, filename: str) -> Iterator[tuple[str, Any]]:
    """(key, value) pairs of the top-level JSON object; `entry` items come one by one as
    ("entry", element). Broken JSON raises the plain-words refusal."""
    reader = decoder()

    def fail(i: int, why: str = "") -> Exception:
        line = text.count("\n", 0, i) + 1
        return malformed(filename, "JSON", why or f"a problem near line {line}")

    def value_at(i: int) -> tuple[Any, int]:
        try:
            return reader.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise fail(exc.pos, f"{exc.msg} at line {exc.lineno}") from None
        except ValueError:  # an integer of thousands of digits
            raise fail(i, "a number in it is too long") from None
        except RecursionError:
            raise fail(i, "it is nested too deeply") from None

    i = _skip(text, 0)
    if i >= len(text) or text[i] != "{":
        raise fail(i, "it does not start with an object")
    i = _skip(text, i + 1)
    if i < len(text) and text[i] == "}":
        i += 1
    else:
        while True:
            i = _skip(text, i)
            key, i = value_at(i)
            if not isinstance(key, str):
                raise fail(i)
            i = _skip(text, i)
            if i >= len(text) or text[i] != ":":
                raise fail(i)
            i = _skip(text, i + 1)
            if key == "entry" and i < len(text) and text[i] == "[":
                i = _skip(text, i + 1)
                if i < len(text) and text[i] == "]":
                    i += 1
                else:
                    while True:
                        element, i = value_at(_skip(text, i))
                        yield "entry", element
                        i = _skip(text, i)
                        if i < len(text) and text[i] == ",":
                            i += 1
                            continue
                        if i < len(text) and text[i] == "]":
                            i += 1
                            break
                        raise fail(i)
            else:
                value, i = value_at(i)
                yield key, value
            i = _skip(text, i)
            if i < len(text) and text[i] == ",":
                i += 1
                continue
            if i < len(text) and text[i] == "}":
                i += 1
                break
            raise fail(i)
    if _skip(text, i) != len(text):
        raise fail(i, "there is more after the end of the data")
