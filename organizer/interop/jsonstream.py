"""Reading a big FHIR Bundle one entry at a time.

`json.load` of a 40 MB bundle builds every entry at once, several hundred MB of Python
objects. Here the text is walked with `JSONDecoder.raw_decode`: the top-level object's
small values are decoded whole, and the `entry` array is decoded one element at a time, so
only the text and the entry being read are in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from organizer.interop.refusals import malformed

_WS = " \t\n\r"


def _skip(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def iter_object(text: str, filename: str) -> Iterator[tuple[str, Any]]:
    """(key, value) pairs of the top-level JSON object; `entry` items come one by one as
    ("entry", element). Broken JSON raises the plain-words refusal."""
    decoder = json.JSONDecoder()

    def fail(i: int, why: str = "") -> Exception:
        line = text.count("\n", 0, i) + 1
        return malformed(filename, "JSON", why or f"a problem near line {line}")

    def value_at(i: int) -> tuple[Any, int]:
        try:
            return decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise fail(exc.pos, f"{exc.msg} at line {exc.lineno}") from None
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
