"""Test results a scanned page seems to show, offered to the user, never saved by itself.

A lab report line such as "Hemoglobin 13.5 g/dL 12.0-15.5" is read as a name, a value,
a unit and a reference range. The app shows these as suggestions ("Add as a test
result…" opens a filled-in form that writes only when the user saves it): OCR confuses
5 and S, 0 and O, and drops decimal points, so a person checks every number against the
page. Pure text work: no Pillow, no engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(
    r"^\s*(?P<name>[^\W\d_][\w \-/(),%.']{1,48}?)\s*[:=]?\s+"
    r"(?P<flag_before>[HL]\s+)?"
    r"(?P<value>[<>]?\s?\d{1,6}(?:[.,]\d{1,4})?)"
    r"\s*(?P<unit>(?:[a-zA-Zµμ%/^*]|10\^?\d)[\w/%^*.µμ]{0,14})?"
    r"(?:\s*[(\[]?\s*(?P<range>\d{1,6}(?:[.,]\d{1,4})?\s*[-–]\s*\d{1,6}(?:[.,]\d{1,4})?"
    r"|[<>]\s?\d{1,6}(?:[.,]\d{1,4})?)\s*[)\]]?)?"
    r"\s*(?P<flag>\b(?:H|L|HIGH|LOW|High|Low|A)\b)?\s*$")
_NOT_A_TEST = re.compile(r"\b(page|fax|phone|tel|date|fecha|mrn|dob|room|suite|zip|id)\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class ResultSuggestion:
    """A result as read from one line of a page, to be checked and confirmed by a person."""

    name: str
    value: str
    unit: str
    reference_range: str
    flag: str
    page: int
    line: str  # the line as read, shown beside the form so it can be compared

    def values(self) -> dict[str, str]:
        """The result form's fields, filled in (only those read)."""
        found = {"name": self.name, "value": self.value, "unit": self.unit,
                 "reference_range": self.reference_range, "flag": self.flag}
        return {key: value for key, value in found.items() if value}


def suggest_results(text: str, page: int = 1, limit: int = 40) -> list[ResultSuggestion]:
    """The lines of `text` that look like one test result each, in reading order."""
    found: list[ResultSuggestion] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if len(line) > 90 or _NOT_A_TEST.search(line):
            continue
        match = _LINE.match(line)
        if match is None:
            continue
        name = match["name"].strip(" :-=")
        if len(name) < 2 or sum(c.isalpha() for c in name) < 2:
            continue
        flag = (match["flag"] or match["flag_before"] or "").strip().upper()[:1]
        found.append(ResultSuggestion(
            name=name, value=match["value"].replace(" ", "").replace(",", "."),
            unit=(match["unit"] or "").strip(), reference_range=" ".join(
                (match["range"] or "").replace("–", "-").split()),
            flag={"H": "high", "L": "low", "A": "abnormal"}.get(flag, ""),
            page=page, line=line))
        if len(found) >= limit:
            break
    return found
