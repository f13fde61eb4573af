"""The demo household: a caregiver, her mother facing back surgery, and her son.

`organizer demo` and the app's "Explore with example data" both call `add_demo`. The
household lives in resources/demo/household.json as plain data; this module turns it into
store writes. Dates in the data are written relative to today (`@-45` is 45 days ago,
`@+12 10:30` is twelve days ahead at half past ten), so the planned visits stay in the
future and the records stay recent whenever the demo is added. The attached PDFs are made
here, at demo time, by organizer.demo_pdfs.

Two households ship: the English one (household.json) and a Spanish-speaking one
(household.es.json: a daughter in Whittier, California, and her father facing a prostate
cancer treatment decision), chosen by the language `add_demo` is given (`organizer demo
--lang es`, the app in Spanish). Its items are written in Spanish as its caregiver would
type them; nothing is translated, and its letters and reports are made in Spanish.

Every item the demo adds has origin "demo". A demo person already in the store (a live
person with origin "demo" and the same full name) is skipped, so running the demo twice
adds nothing twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.i18n import _, current, language
from organizer.items.changes import Change
from organizer.items.models import Checklist
from organizer.progress import Progress, step
from organizer.storage.store import Store

ORIGIN = "demo"
DATA_FILE = "household.json"
DATA_FILES = {"en": DATA_FILE, "es": "household.es.json"}

_RELATIVE = re.compile(r"^@([+-]\d+)(?: (\d{1,2}:\d{2}))?$")
_IN_TEXT = re.compile(r"\{@([+-]\d+)\}")


def load_household(lang: str | None = None) -> dict[str, Any]:
    """The demo data as shipped in resources/demo/, of the household of `lang` (else of
    the current language)."""
    name = DATA_FILES.get(lang or current(), DATA_FILE)
    text = resources.files("resources").joinpath("demo", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def relative_date(offset_days: int, today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=offset_days)


def long_date(day: date) -> str:
    """A date as a letter writes it: "March 2, 2026", "2 de marzo de 2026"."""
    if current() != "en":
        from organizer.formats import format_date

        return format_date(day, "long")
    return f"{day.strftime('%B')} {day.day}, {day.year}"


class _Resolver:
    """Turns the data file's relative dates and `#key` links into stored values."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.ids: dict[str, int] = {}

    def value(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        match = _RELATIVE.match(raw)
        if match:
            day = relative_date(int(match.group(1)), self.today).isoformat()
            return f"{day} {match.group(2)}" if match.group(2) else day
        if raw.startswith("#"):
            try:
                return self.ids[raw[1:]]
            except KeyError:
                raise OrganizerError(_("The demo data links to “{key}”, which it never "
                                       "defines.").format(key=raw)) from None
        return self.text(raw)

    def text(self, raw: str) -> str:
        """Free text with `{@-45}` written out as a date a person reads."""
        return _IN_TEXT.sub(lambda m: long_date(relative_date(int(m.group(1)), self.today)), raw)

    def long_date(self, day: date) -> str:
        return long_date(day)

    def values(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return {name: self.value(value) for name, value in raw.items()}


def demo_people_present(store: Store) -> list[str]:
    """Full names of the demo people already in the store."""
    rows = store.conn.execute("SELECT full_name FROM people WHERE origin = ? AND "
                              "deleted_at IS NULL ORDER BY id", (ORIGIN,)).fetchall()
    return [str(r[0]) for r in rows]


def _work_count(person: Mapping[str, Any]) -> int:
    results = sum(len(s["values"]) for s in person.get("result_series", []))
    links_later = any(isinstance(v, str) and v.startswith("#")
                      for v in person["person"].values())
    return (1 + len(person.get("items", [])) + results + int(links_later)
            + len(person.get("checklist", {}).get("steps", {})))


def add_demo(store: Store, progress: Progress | None = None, *,
             today: date | None = None, lang: str | None = None) -> Change:
    """Add the demo household of `lang` (else of the current language; all of it, in one
    transaction); returns what was added.

    People already added by an earlier demo are left as they are, so the returned Change
    is empty when the whole household is already there.
    """
    with language(lang):
        return _add_household(store, progress, today)


def _add_household(store: Store, progress: Progress | None, today: date | None) -> Change:
    household = load_household()
    present = {name.lower() for name in demo_people_present(store)}
    wanted = [p for p in household["people"]
              if p["person"]["full_name"].lower() not in present]
    if not wanted:
        return Change()
    resolver = _Resolver(today or date.today())
    total = sum(_work_count(p) for p in wanted)
    done = 0
    change = Change()
    with store.dirs.scratch() as scratch, store.transaction():
        for person in wanted:
            for what in _add_person(store, person, resolver, Path(scratch)):
                change = change + what
                done += 1
                step(progress, done, total, _("Adding the example household"))
    return change


def _add_person(store: Store, data: Mapping[str, Any], resolver: _Resolver,
                scratch: Path) -> Any:
    """Add one person and everything of theirs, yielding each write's Change."""
    values = dict(data["person"])
    later = {k: values.pop(k) for k in list(values)
             if isinstance(values[k], str) and values[k].startswith("#")}
    added = store.add("person", resolver.values(values), origin=ORIGIN)
    person_id = added.id
    yield added
    for series in data.get("result_series", []):
        fields = {k: v for k, v in series.items() if k != "values"}
        for observed, value, flag in series["values"]:
            yield store.add("result", resolver.values(
                dict(fields, observed_on=observed, value=value, flag=flag)),
                person_id=person_id, origin=ORIGIN)
    for item in data.get("items", []):
        yield _add_item(store, person_id, item, resolver, scratch, data)
    if later:
        yield store.update("person", person_id, resolver.values(later))
    checklist = data.get("checklist")
    if checklist:
        case_id = resolver.value(checklist["case"])
        steps = {int(s.step or 0): s.id for s in
                 store.list_items("checklist", person_id, where={"case_id": case_id})
                 if isinstance(s, Checklist)}
        for number, fields in checklist["steps"].items():
            yield store.update("checklist", steps[int(number)], resolver.values(fields))


def _add_item(store: Store, person_id: int, item: Mapping[str, Any], resolver: _Resolver,
              scratch: Path, person: Mapping[str, Any]) -> Change:
    type_name = item["type"]
    change = store.add(type_name, resolver.values(item.get("values", {})),
                       person_id=person_id, origin=ORIGIN, checklist=type_name == "case")
    if "key" in item:
        resolver.ids[item["key"]] = change.id
    document = item.get("document")
    if document is not None:
        from organizer.demo.pdfs import write_document

        path = write_document(scratch, document, person, resolver)
        change = change + store.attach_file(change.id, path)
    return change
