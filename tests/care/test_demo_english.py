"""The demo household is a US household: its text is in one American English.

A mixed voice ("Mum" in one note, "Mom" in the next; "programme" beside USD quotes) reads
as careless to the people we show it to, so every text in the shipped data is checked
against the British forms that had crept in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from organizer.demo.household import load_household

# British form -> the American one the household uses.
BRITISH = {
    r"\bMum\b": "Mom", r"\bprogrammes?\b": "program", r"\bcolour": "color",
    r"anaesth": "anesth", r"\b\w+metres?\b": "-meter", r"\borganis": "organiz",
    r"\bcentre\b": "center", r"\bin hospital\b": "in the hospital", r"GBP|£|EUR|€": "USD",
    r"\bDr [A-Z]": "Dr.", r"\bhaem": "hem", r"\btumour": "tumor", r"\bpaed": "ped",
    r"\bbehaviour": "behavior", r"\bfavour": "favor", r"\bparacetamol\b": "acetaminophen",
}


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_the_demo_household_is_written_in_american_english() -> None:
    found = []
    for text in _texts(load_household()):
        for pattern, american in BRITISH.items():
            match = re.search(pattern, text)
            if match:
                found.append(f"{match.group(0)!r} (use {american}) in: {text[:60]}")
    assert not found, "\n".join(found)


def test_the_household_costs_are_in_dollars() -> None:
    data = json.dumps(load_household())
    currencies = set(re.findall(r'"currency": "([A-Z]{3})"', data))
    assert currencies == {"USD"}
