"""How a medicine is taken, in the patient's words: "every 6 hours", "twice a day",
"at bedtime", "as needed for wheezing", "2 puffs".

C-CDA and FHIR state a schedule as codes and numbers (a PIVL_TS period of 6 h, an
EIVL_TS event HS, a FHIR Timing of frequency 2 per 1 d). A patient, a caregiver and the
second doctor all read the medication list, so every such schedule is put into plain
English here, in one place, so that it can be translated later. Nothing here reads a
file: the readers (ccda.py, fhir.py) hand over the numbers and codes they found.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# UCUM (and FHIR's periodUnit) time units -> the word, singular.
UNITS = {"s": "second", "min": "minute", "h": "hour", "hr": "hour", "d": "day",
         "wk": "week", "mo": "month", "a": "year"}
_PER = {1: "once", 2: "twice"}

# EIVL_TS events and FHIR EventTiming: when in the day, relative to sleep and meals.
EVENTS = {
    "HS": "at bedtime", "WAKE": "when waking up", "AC": "before meals",
    "ACM": "before breakfast", "ACD": "before lunch", "ACV": "before dinner",
    "PC": "after meals", "PCM": "after breakfast", "PCD": "after lunch",
    "PCV": "after dinner", "C": "with meals", "CM": "with breakfast", "CD": "with lunch",
    "CV": "with dinner", "IC": "between meals", "ICM": "between breakfast and lunch",
    "ICD": "between lunch and dinner", "ICV": "between dinner and bedtime",
    "MORN": "in the morning", "MORN.EARLY": "early in the morning",
    "MORN.LATE": "late in the morning", "NOON": "at noon", "AFT": "in the afternoon",
    "AFT.EARLY": "early in the afternoon", "AFT.LATE": "late in the afternoon",
    "EVE": "in the evening", "EVE.EARLY": "early in the evening",
    "EVE.LATE": "late in the evening", "NIGHT": "at night", "PHS": "after sleep",
}
# FHIR Timing.code (GTS abbreviations) and the same Latin shorthands in sig text.
TIMING_CODES = {
    "QD": "once a day", "BID": "twice a day", "TID": "3 times a day",
    "QID": "4 times a day", "QOD": "every other day", "AM": "in the morning",
    "PM": "in the evening", "Q1H": "every hour", "Q2H": "every 2 hours",
    "Q3H": "every 3 hours", "Q4H": "every 4 hours", "Q6H": "every 6 hours",
    "Q8H": "every 8 hours", "Q12H": "every 12 hours", "WK": "once a week",
    "MO": "once a month", "QHS": "at bedtime",
}
_DAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
         "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number > 0 else None


def _shown(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def every(period: object, unit: object) -> str | None:
    """A PIVL_TS period in words: (6, "h") -> "every 6 hours", (1, "d") -> "once a day",
    (12, "h") stays "every 12 hours"; (0.5, "d") -> "twice a day"."""
    number = _number(period)
    word = UNITS.get(str(unit or "").strip().lower())
    if number is None or word is None:
        return None
    if number == 1:
        return f"once a {word}" if word in ("day", "week", "month", "year") else \
            f"every {word}"
    if number < 1 and (1 / number) == int(1 / number):
        return times_per(int(1 / number), 1, unit)
    if number == 2 and word == "day":
        return "every other day"
    return f"every {_shown(number)} {word}s"


def times_per(frequency: object, period: object, unit: object) -> str | None:
    """A FHIR Timing.repeat in words: (2, 1, "d") -> "twice a day", (1, 6, "h") -> "every
    6 hours", (3, 1, "wk") -> "3 times a week", (1, 2, "d") -> "every other day"."""
    count = _number(frequency) or Decimal(1)
    length = _number(period) or Decimal(1)
    word = UNITS.get(str(unit or "").strip().lower())
    if word is None:
        return None
    if count == 1:
        return every(length, unit)
    times = _PER.get(int(count), f"{_shown(count)} times") if count == int(count) else \
        f"{_shown(count)} times"
    if length == 1:
        return f"{times} a {word}" if word in ("day", "week", "month", "year") else \
            f"{times} an {word}" if word == "hour" else f"{times} a {word}"
    return f"{times} every {_shown(length)} {word}s"


def event(code: object) -> str | None:
    """An EIVL_TS event or FHIR EventTiming code in words: "HS" -> "at bedtime"."""
    return EVENTS.get(str(code or "").strip().upper())


def timing_code(code: object) -> str | None:
    """A FHIR Timing.code ("BID") in words ("twice a day")."""
    return TIMING_CODES.get(str(code or "").strip().upper())


def on_days(days: object) -> str | None:
    """FHIR dayOfWeek codes in words: ["mon", "thu"] -> "on Monday and Thursday"."""
    if not isinstance(days, list):
        return None
    names = [_DAYS[d] for d in days if isinstance(d, str) and d in _DAYS]
    if not names:
        return None
    return "on " + (" and ".join(names) if len(names) < 3 else
                    ", ".join(names[:-1]) + " and " + names[-1])


def at_times(times: object) -> str | None:
    """FHIR timeOfDay values in words: ["08:00:00", "20:00:00"] -> "at 08:00 and 20:00"."""
    if not isinstance(times, list):
        return None
    shown = [t[:5] for t in times if isinstance(t, str) and re.match(r"^\d\d:\d\d", t)]
    return ("at " + " and ".join(shown)) if shown else None


def as_needed(reason: str | None = None) -> str:
    """"as needed", or "as needed for wheezing" (the reason as the file names it)."""
    if not reason or not reason.strip():
        return "as needed"
    text = " ".join(reason.split())
    if not (len(text) > 1 and text[1:2].isupper()):  # keep "COPD", lower "Wheezing"
        text = text[:1].lower() + text[1:]
    return f"as needed for {text}"


def joined(*parts: str | None) -> str | None:
    """Parts of one schedule in one phrase: "every 6 hours, as needed for wheezing"."""
    kept: list[str] = []
    for part in parts:
        if part and part.strip() and part.strip() not in kept:
            kept.append(part.strip())
    return ", ".join(kept) or None


def dose(value: object, unit: object = None, form: object = None) -> str | None:
    """A dose with its unit: ("2", None, "Puff") -> "2 puffs", ("20", "mg") -> "20 mg";
    a unit of "1" (UCUM's "no unit") is left out, and the form named instead."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    shown_unit = str(unit).strip() if unit not in (None, "", "1") else ""
    shown_unit = re.sub(r"^\{(.+)\}$", r"\1", shown_unit)  # UCUM annotations: {tablet}
    if not shown_unit and isinstance(form, str) and form.strip():
        shown_unit = form.strip().lower()
    if shown_unit.lower() in COUNTABLE and _number(text) != 1:
        shown_unit = COUNTABLE[shown_unit.lower()]
    return f"{text} {shown_unit}".strip()


# Forms counted one by one: "2 puffs", "1 tablet" (a unit such as "mg" never changes).
COUNTABLE = {w: w + "s" for w in (
    "tablet", "capsule", "puff", "drop", "patch", "spray", "actuation", "application",
    "suppository", "vial", "ampule", "pen", "unit", "inhalation", "lozenge", "packet",
    "sachet", "teaspoon", "tablespoon", "pill", "injection", "dose", "film", "strip")}
COUNTABLE.update({"tab": "tabs", "cap": "caps"})


def dose_range(low: str | None, high: str | None, unit: object = None,
               form: object = None) -> str | None:
    """"1–2 puffs": a dose given as a range."""
    if low and high:
        return dose(f"{low}–{high}", unit, form)
    return dose(low or high, unit, form)


def without_name(text: str | None, name: str | None) -> str | None:
    """A sig without the drug's own name at its start: ("Proventil 2 puffs q6h", "Proventil")
    -> "2 puffs q6h". Text that is only the name says nothing more, and gives None."""
    if not text:
        return None
    clean = " ".join(text.split())
    if name:
        plain = " ".join(name.split())
        if clean.casefold() == plain.casefold():
            return None
        if clean.casefold().startswith(plain.casefold()):
            clean = clean[len(plain):].lstrip(" ,;:-–—|")
    return clean or None


# Words a sig starts with: what comes before them is the drug's name.
_SIG_VERBS = ("take", "inhale", "apply", "use", "inject", "instill", "insert", "place",
              "chew", "dissolve", "spray", "give", "swallow", "put", "rub", "drink")
_SIG_START = re.compile(r"[,;:–—-]\s*(?=(?:" + "|".join(_SIG_VERBS) + r")\b)", re.I)


def split_name(text: str) -> tuple[str, str | None]:
    """A free-text medication line as (name, sig): "Drug X 10 mg, take one by mouth daily"
    -> ("Drug X 10 mg", "take one by mouth daily"). A line without an instruction is all
    name."""
    clean = " ".join(text.split())
    match = _SIG_START.search(clean)
    if match is None or match.start() == 0:
        return clean, None
    return clean[:match.start()].strip(), clean[match.end():].strip() or None
