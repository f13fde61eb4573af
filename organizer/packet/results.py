"""Test results as a specialist reads them: one line per test, its latest value, and which
way it is going.

A flat list of forty results sorted by date makes the doctor hunt for the three creatinine
values and compare them in their head. Grouped by test, with the trend said in words ("up
from 1.1 on 3 Jan 2026") and the previous value and date beside it, the change is read at
a glance and nothing depends on color or on an arrow surviving a fax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from organizer.items.models import Result
from organizer.packet.text import format_date, joined

# A change smaller than this share of the previous value reads as "steady": lab values
# wobble by a few percent between draws without meaning anything.
STEADY_SHARE = 0.03

_NUMBER = re.compile(r"^\s*[<>≤≥~]?\s*(-?\d+(?:[.,]\d+)?)")


@dataclass(frozen=True)
class TestTrend:
    """One test: its latest result, the one before (if any), and the trend in words."""

    name: str
    latest: Result
    previous: Result | None
    count: int           # how many results of this test are recorded
    direction: str       # "up", "down", "steady", or "" when it cannot be said

    def trend_words(self) -> str:
        """ "Up from 1.1 mg/dL (3 Jan 2026)", "Steady (1.0 on 3 Jan 2026)", "First result"."""
        previous = self.previous
        if previous is None:
            return "First result" if self.count == 1 else ""
        before = joined([previous.value, previous.unit], " ")
        when = format_date(previous.observed_on)
        if self.direction in ("up", "down"):
            text = f"{self.direction.capitalize()} from {before}"
            return f"{text} ({when})" if when else text
        if self.direction == "steady":
            return f"Steady ({joined([before, f'on {when}' if when else None], ' ')})"
        return f"Before: {joined([before, when], ', ')}"


def number(value: str | None) -> float | None:
    """The leading number of a result's value ("<5" -> 5, "7,2" -> 7.2), or None for text
    such as "positive"."""
    if not value:
        return None
    match = _NUMBER.match(value)
    if match is None:
        return None
    try:
        return float(match.group(1).replace(",", "."))
    except ValueError:
        return None


def direction(latest: Result, previous: Result | None) -> str:
    """Which way a test went between two results, when both are numbers in one unit."""
    if previous is None:
        return ""
    now, before = number(latest.value), number(previous.value)
    if now is None or before is None:
        return ""
    if (latest.unit or "").strip().lower() != (previous.unit or "").strip().lower():
        return ""  # mg/dL against µmol/L says nothing without a conversion
    if abs(now - before) <= abs(before) * STEADY_SHARE:
        return "steady"
    return "up" if now > before else "down"


def group_results(results: Iterable[Result]) -> list[TestTrend]:
    """One TestTrend per test (names compared without case or extra spaces), the tests
    with the most recent result first."""
    groups: dict[str, list[Result]] = {}
    for result in results:
        key = " ".join(result.name.split()).casefold()
        groups.setdefault(key, []).append(result)
    trends = []
    for items in groups.values():
        items.sort(key=lambda r: (r.observed_on or "", r.id))  # undated: the oldest
        latest = items[-1]
        previous = items[-2] if len(items) > 1 else None
        trends.append(TestTrend(latest.name, latest, previous, len(items),
                                direction(latest, previous)))
    trends.sort(key=lambda t: (t.latest.observed_on or "", t.latest.id), reverse=True)
    return trends
