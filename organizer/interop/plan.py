"""The import plan: what a file would add, what is already there, and applying it.

`make_plan` reads nothing from disk but the store: it compares a `ParsedFile` with the
person's items and marks duplicates (same type and natural key: code or name, plus the
item's date). The user unticks what they do not want (`Proposed.include`), then
`apply_plan` writes everything in ONE store transaction: all of it, or nothing. The
imported file itself is kept as a record (kind "imported") for provenance, and the
`imports` table remembers its checksum so the same file never adds anything twice.

Before a file is imported for someone already in the organizer, the patient it names is
compared with that person (organizer.interop.patient): a clear mismatch is refused unless
the user confirms it (`ImportPlan.confirmed`), and a mismatched file never fills in the
person's details. Several files are read and planned first and applied together in one
transaction (`plan_files`, `apply_plans`): a refused file means none is imported.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.interop.parsed import ParsedFile, Proposed, ZipMember, date_of
from organizer.interop.patient import Mismatch, compare, provider_key
from organizer.items.changes import Change
from organizer.items.models import TYPES, Person, Provider
from organizer.progress import Progress
from organizer.progress import step as report
from organizer.storage.store import Store

# The order items are added in, so that every link points to an item already added.
ORDER = ["provider", "condition", "case", "checklist", "record", "treatment", "quote",
         "opinion", "medication", "allergy", "immunization", "procedure", "result",
         "sending", "request", "visit", "question", "journal"]
# Types whose natural key has no date: one allergy to penicillin is the same allergy
# whenever it was noted; a doctor is the same doctor.
_UNDATED = {"allergy", "provider"}


@dataclass
class ImportPlan:
    """What importing one file would do, for one person (or a new one)."""

    parsed: ParsedFile
    person_id: int | None  # None: a new person is made from the file
    person_name: str
    person_values: dict[str, Any] = field(default_factory=dict)
    already: dict[str, Any] | None = None  # the earlier import of this very file
    # The file names a different patient from the chosen person; `confirmed` is the user
    # saying it is about that person all the same (the app's tick box, the CLI's --force).
    mismatch: Mismatch | None = None
    confirmed: bool = False

    @property
    def items(self) -> list[Proposed]:
        return self.parsed.items

    def counts(self, *, chosen: bool = True) -> Counter[str]:
        """How many items of each type would be added (or, chosen=False, are duplicates)."""
        if chosen:
            return Counter(i.type for i in self.items if i.include)
        return Counter(i.type for i in self.items if i.duplicate)

    @property
    def source_path_needed(self) -> bool:
        return self.parsed.keep_file


@dataclass
class ImportResult:
    """What applying a plan added (the Change is what the app broadcasts)."""

    change: Change
    person_id: int
    person_name: str
    added: Counter[str]
    duplicates: int
    left_out: int
    skipped: Counter[str]
    nothing_new: bool = False


def natural_keys(item_type: str, values: dict[str, Any],
                 links: dict[str, Any] | None = None) -> set[tuple[Any, ...]]:
    """The ways an item is recognised as one already there: by name, and by code."""
    cls = TYPES[item_type]
    when = "" if item_type in _UNDATED else (date_of(item_type, values) or "")[:10]
    title = " ".join(str(values.get(cls.TITLE_FIELD) or "").lower().split())
    parents = tuple(sorted((k, str(v)) for k, v in (links or {}).items()))
    extra: tuple[Any, ...] = parents
    if item_type == "result":
        extra += (value_key(values.get("value")),)
    if item_type == "checklist":
        return {("checklist", values.get("step"), *parents)}
    keys: set[tuple[Any, ...]] = set()
    if item_type == "provider":  # "Dr. Henry Seven" is "HENRY SEVEN MD"; an NPI is one
        title = provider_key(str(values.get("name") or "")) or title
        kind = "organization" if values.get("facility") == values.get("name") else "person"
        keys.update(("provider", "npi", kind, npi) for npi in _NPI.findall(
            str(values.get("notes") or "")))
    if title:
        keys.add((item_type, "name", title, when, *extra))
    if values.get("code"):
        keys.add((item_type, "code", str(values.get("code_system") or "").lower(),
                  str(values["code"]).strip().lower(), when, *extra))
    return keys


# "NPI 1234567890" in a care-team member's notes (imports write it so; the examples' NPIs
# are shorter, and some have letters): any word with a digit.
_NPI = re.compile(r"\bNPI[: ]*((?=[0-9A-Za-z-]*\d)[0-9A-Za-z-]+)")
_NUMBER = re.compile(r"^(<=|>=|[<>≤≥=~]?)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)$")


def value_key(value: Any) -> str:
    """A result's value as duplicates are matched: numbers by their value ("7.0", "7" and
    "7.00" are one value; "<0.10" and "<0.1" too), anything else by its words."""
    text = " ".join(str(value or "").lower().split())
    match = _NUMBER.match(text)
    if match:
        try:  # normalize: 7.00 -> 7, 100 -> 1E+2 (never 400 digits for 1e400)
            number = Decimal(match.group(2))
            return match.group(1) + (str(number.normalize()) if number else "0")
        except ArithmeticError:  # beyond what Decimal can hold: compare as written
            return text
    return text


def _required_links(item_type: str) -> list[str]:
    return [name for name, spec in TYPES[item_type].specs().items()
            if spec.kind == "ref" and spec.required]


def make_plan(store: Store, parsed: ParsedFile, person_id: int | None) -> ImportPlan:
    """Compare what the file holds with the store; nothing is written."""
    team: list[tuple[int, str, str | None]] = []  # the person's doctors, for _same_doctor
    if person_id is None:
        name = str(parsed.person.get("full_name") or "").strip()
        if not name:
            raise OrganizerError(
                f"“{parsed.filename}” does not name the patient, so no new person can be "
                "made from it. Import it for someone already in the organizer (--person).")
        already = store.find_import(parsed.sha256)
        plan = ImportPlan(parsed, None, name, dict(parsed.person), already)
        if parsed.no_known_allergies and not any(i.type == "allergy" for i in parsed.items):
            plan.person_values["no_known_allergies"] = True
        existing: dict[tuple[Any, ...], int | None] = {}
    else:
        person = store.person(person_id)
        plan = ImportPlan(parsed, person_id, person.full_name,
                          already=store.find_import(parsed.sha256, person_id),
                          mismatch=compare(parsed.filename, parsed.person, person))
        if plan.mismatch is None:  # another patient's details never fill this person's
            plan.person_values = _fill_empty(person, parsed.person)
            if (parsed.no_known_allergies and not person.no_known_allergies
                    and not any(i.type == "allergy" for i in parsed.items)
                    and store.count("allergy", person_id) == 0):
                plan.person_values["no_known_allergies"] = True
        existing = _existing_keys(store, person_id, {i.type for i in parsed.items})
        if any(i.type == "provider" for i in parsed.items):
            team = [(p.id, p.name, p.notes) for p in store.list_items("provider", person_id)
                    if isinstance(p, Provider) and p.facility != p.name]  # people only
    _mark_duplicates(plan, existing, team)
    if plan.already is not None:  # the very same file: everything in it is already there
        for item in plan.items:
            item.duplicate, item.include = True, False
        plan.person_values = {}
    return plan


def _fill_empty(person: Person, found: dict[str, Any]) -> dict[str, Any]:
    """The person's empty fields that the file can fill; nothing typed is overwritten."""
    values = {}
    for name, value in found.items():
        if name in ("full_name", "primary_provider_id") or value in (None, ""):
            continue
        if name in Person.specs() and getattr(person, name) in (None, "", False):
            values[name] = value
    return values


def _existing_keys(store: Store, person_id: int, types: set[str]
                   ) -> dict[tuple[Any, ...], int | None]:
    found: dict[tuple[Any, ...], int | None] = {}
    for type_name in types:
        required = _required_links(type_name)
        for item in store.list_items(type_name, person_id):
            links = {name: getattr(item, name) for name in required}
            for key in natural_keys(type_name, item.values(), links):
                found.setdefault(key, item.id)
    return found


def _mark_duplicates(plan: ImportPlan, existing: dict[tuple[Any, ...], int | None],
                     team: list[tuple[int, str, str | None]] | None = None) -> None:
    """Mark items the store already has, and items the file repeats, as duplicates."""
    by_key = {item.key: item for item in plan.items if item.key}
    seen: dict[tuple[Any, ...], str] = {}
    for item in sorted(plan.items, key=_rank):
        links: dict[str, Any] = {}
        for name in _required_links(item.type):
            target = by_key.get(item.links.get(name, ""))
            if target is not None and target.duplicate and target.existing_id:
                links[name] = target.existing_id
            elif target is not None:
                links[name] = f"new:{target.same_as or target.key}"
        keys = natural_keys(item.type, item.values, links)
        match = next((existing[k] for k in keys if existing.get(k)), None)
        if match is None and item.type == "provider" and team:
            match = _same_doctor(item.values, team)
        if match is not None:
            item.duplicate, item.existing_id, item.include = True, match, False
            continue
        if plan.parsed.format == "archive":  # an archive's items are distinct by design
            continue
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            item.duplicate, item.same_as, item.include = True, earlier, False
            continue
        for key in keys:
            seen[key] = item.key


def _same_doctor(values: dict[str, Any], team: list[tuple[int, str, str | None]]
                 ) -> int | None:
    """The care-team member a file's doctor is, by a name that leaves out a middle name
    ("Patricia Primary" is "Patricia Patty Primary, M.D."): two words at least in common,
    the same person only if exactly one member matches, and never against another NPI."""
    if values.get("facility") == values.get("name"):
        return None
    words = set(provider_key(str(values.get("name") or "")).split())
    npis = set(_NPI.findall(str(values.get("notes") or "")))
    found = []
    for member_id, name, notes in team:
        theirs = set(provider_key(name).split())
        other_npis = set(_NPI.findall(notes or ""))
        if npis and other_npis and not npis & other_npis:
            continue
        if min(len(words), len(theirs)) >= 2 and (words <= theirs or theirs <= words):
            found.append(member_id)
    return found[0] if len(found) == 1 else None


def _rank(item: Proposed) -> int:
    return ORDER.index(item.type) if item.type in ORDER else len(ORDER)


# -- applying ------------------------------------------------------------------------------


def apply_plan(store: Store, plan: ImportPlan, source: Path | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Write the chosen items in one transaction; on any error nothing is written.

    `source` is the imported file itself, kept as a record for provenance.
    """
    parsed = plan.parsed
    if plan.mismatch is not None and not plan.confirmed:
        raise OrganizerError(plan.mismatch.refusal())
    origin = f"import:{parsed.filename}"[:200]
    chosen = [i for i in plan.items if i.include]
    duplicates = sum(1 for i in plan.items if i.duplicate)
    if plan.already is not None and not chosen:
        person_id = plan.person_id or int(plan.already["person_id"])
        return ImportResult(Change(), person_id, str(plan.already.get("full_name") or ""),
                            Counter(), duplicates, 0, parsed.skipped, nothing_new=True)
    total = len(chosen) + 2
    # The file's attachments pass through a private folder in the data folder, never the
    # shared temporary folder: in an encrypted organizer they are plain there.
    with store.dirs.scratch() as scratch, store.transaction():
        change, person_id = _write_person(store, plan, origin)
        writing = _Writing(store, plan, person_id, origin, scratch, progress, total)
        writing.items()
        change += writing.change
        for name, key in parsed.person_links.items():
            if key in writing.ids:
                change += store.update("person", person_id, {name: writing.ids[key]})
        # Last, once nothing else will touch them: the times the archive recorded.
        for item, item_id in writing.stamped:
            if item.stamps is not None:
                store.set_stamps(item.type, item_id, item.stamps, origin=item.origin)
        if plan.person_id is None and parsed.person_stamps is not None:
            store.set_stamps("person", person_id, parsed.person_stamps)
        added, left_out = writing.added, writing.left_out
        change += _keep_source(store, plan, person_id, origin, source, added)
    report(progress, total, total, "Done")
    name = plan.person_name
    return ImportResult(change, person_id, name, added, duplicates, left_out, parsed.skipped)


def _write_person(store: Store, plan: ImportPlan, origin: str) -> tuple[Change, int]:
    """The person the file is about: added (a new person) or filled in; returns its id."""
    parsed = plan.parsed
    if plan.person_id is None:
        person_values = {k: v for k, v in plan.person_values.items()
                         if k in Person.specs() and k != "primary_provider_id"}
        change = store.add("person", person_values, origin=parsed.person_origin or origin)
        return change, change.id
    if plan.person_values:
        return store.update("person", plan.person_id, plan.person_values), plan.person_id
    return Change(), plan.person_id


class _Writing:
    """The chosen items written in order, each link pointed at what was just written.

    Attributes after `items()`: `change`, `ids` (an item's key -> its new or existing id),
    `added` (per type), `left_out` (items whose required link was not imported), `stamped`
    (archive items and the ids whose recorded times are set last).
    """

    def __init__(self, store: Store, plan: ImportPlan, person_id: int, origin: str,
                 scratch: Path, progress: Progress | None, total: int) -> None:
        self.store, self.plan, self.person_id, self.origin = store, plan, person_id, origin
        self.scratch, self.progress, self.total = scratch, progress, total
        self.change = Change()
        self.ids: dict[str, int] = {}
        self.added: Counter[str] = Counter()
        self.left_out = 0
        self.stamped: list[tuple[Proposed, int]] = []
        self._by_key = {item.key: item for item in plan.items if item.key}

    def items(self) -> None:
        cases: list[int] = []
        with_steps: set[int] = set()
        done = 0
        for item in sorted(self.plan.items, key=_rank):
            if not item.include:
                self._known(item)
                continue
            values = self._linked(item)
            if values is None:
                self.left_out += 1
                continue
            written = self.store.add(item.type, values, person_id=self.person_id,
                                     origin=item.origin or self.origin)
            self.change += written
            self.ids[item.key] = written.id
            self.added[item.type] += 1
            if item.stamps is not None:
                self.stamped.append((item, written.id))
            if item.type == "case":
                cases.append(written.id)
            elif item.type == "checklist":
                with_steps.add(int(values["case_id"]))
            for filename, content in item.files:
                self.change += _attach(self.store, written.id, filename, content,
                                       Path(self.scratch))
            done += 1
            if done % 50 == 0:
                report(self.progress, done, self.total, "Adding")
        # A case comes with its checklist: the file's own steps (an archive), or else the
        # ten steps every new case starts with.
        for case_id in cases:
            if case_id not in with_steps:
                self.change += self.store.add_checklist(case_id, self.person_id,
                                                        self.origin)

    def _known(self, item: Proposed) -> None:
        """An unticked item still anchors the links of others to what is already there."""
        if item.existing_id is not None:
            self.ids[item.key] = item.existing_id
        elif item.same_as and item.same_as in self.ids:
            self.ids[item.key] = self.ids[item.same_as]

    def _linked(self, item: Proposed) -> dict[str, Any] | None:
        """The item's values with its links as ids; None if a required link is missing."""
        values = dict(item.values)
        for name, target_key in item.links.items():
            target = self._by_key.get(target_key)
            target_key = (target.same_as if target is not None and target.same_as
                          else target_key)
            if target_key in self.ids:
                values[name] = self.ids[target_key]
            elif TYPES[item.type].specs()[name].required:
                return None
            else:
                values.pop(name, None)
        return values


def _keep_source(store: Store, plan: ImportPlan, person_id: int, origin: str,
                 source: Path | None, added: Counter[str]) -> Change:
    """Keep the imported file as a record (provenance) and note it was imported."""
    parsed = plan.parsed
    change = Change()
    record_id = None
    if parsed.keep_file and source is not None:
        record = store.add("record", {
            "title": _provenance_title(parsed), "kind": "imported",
            "dated_on": parsed.dated_on, "source": parsed.source,
            "description": _provenance_text(parsed, added)}, person_id=person_id,
            origin=origin)
        change += record
        record_id = record.id
        change += store.attach_file(record.id, source, filename=parsed.filename,
                                    extract_text=False)
        added["record"] += 1
    store.record_import(person_id, parsed.sha256, parsed.filename, parsed.format, record_id)
    return change


def plan_files(store: Store, paths: list[Path], person_id: int | None, *,
               force: bool = False, progress: Progress | None = None
               ) -> list[tuple[Path, ImportPlan]]:
    """Read and plan every file before anything is written; the first file refused (bad,
    hostile, or about someone else without `force`) refuses them all."""
    from organizer.interop.reader import read_file

    plans = []
    for path in paths:
        plan = make_plan(store, read_file(path, progress), person_id)
        if plan.mismatch is not None:
            if not force:
                raise OrganizerError(plan.mismatch.refusal())
            plan.confirmed = True
        plans.append((Path(path), plan))
    return plans


def apply_plans(store: Store, plans: list[tuple[Path, ImportPlan]],
                progress: Progress | None = None) -> list[ImportResult]:
    """Apply several files' plans in ONE transaction: every file is imported, or none.

    Each plan after the first is compared with the store again just before it is applied
    (inside the transaction), so what an earlier file added is marked as already there
    instead of being added twice; what the user unticked stays unticked.
    """
    results: list[ImportResult] = []
    with store.transaction():
        for number, (path, plan) in enumerate(plans):
            if number and plan.person_id is not None:
                fresh = make_plan(store, plan.parsed, plan.person_id)
                fresh.confirmed = plan.confirmed
                plan = fresh
            results.append(apply_plan(store, plan, source=path, progress=progress))
    return results


def _attach(store: Store, record_id: int, filename: str, content: bytes | ZipMember,
            scratch: Path) -> Change:
    """Attach bytes (or a file inside the archive) through a temporary file."""
    safe = "".join(c if c.isalnum() or c in " .-_()" else "_" for c in filename).strip(
        " .") or "file"
    folder = Path(tempfile.mkdtemp(dir=scratch))
    temp = folder / safe[:120]
    if isinstance(content, ZipMember):
        with zipfile.ZipFile(content.archive) as archive, archive.open(content.member) as src, \
                open(temp, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
    else:
        temp.write_bytes(content)
    return store.attach_file(record_id, temp, filename=filename)


def _provenance_title(parsed: ParsedFile) -> str:
    title = parsed.title or parsed.filename
    return title if parsed.filename in title else f"{title} ({parsed.filename})"


def _provenance_text(parsed: ParsedFile, added: Counter[str]) -> str:
    parts = [f"{count} {count_words(t, count)}"
             for t, count in sorted(added.items(), key=lambda x: _rank_type(x[0]))]
    text = f"Imported from {parsed.filename} ({parsed.format})."
    if parts:
        text += " Added: " + ", ".join(parts) + "."
    return text


def count_words(type_name: str, count: int) -> str:
    """"1 medication", "2 care team members": how a count of items reads."""
    cls = TYPES[type_name]
    if count == 1:
        return cls.LABEL.lower()
    return "care team members" if type_name == "provider" else cls.PLURAL.lower()


def _rank_type(type_name: str) -> int:
    return ORDER.index(type_name) if type_name in ORDER else len(ORDER)


def describe(result: ImportResult, filename: str) -> list[str]:
    """The lines `organizer import` prints: what was added, per type."""
    if result.nothing_new:
        return [f"“{filename}” was already imported for {result.person_name}; nothing was "
                "added again."]
    lines = [f"Imported “{filename}” for {result.person_name}:"]
    for type_name, count in sorted(result.added.items(), key=lambda x: _rank_type(x[0])):
        lines.append(f"  {count:>5} {count_words(type_name, count)}")
    if not result.added:
        lines.append("  nothing new")
    if result.duplicates:
        lines.append(f"Already in the organizer, so not added again: {result.duplicates}.")
    if result.left_out:
        lines.append(f"Left out because what they belong to was not imported: "
                     f"{result.left_out}.")
    if result.skipped:
        shown = ", ".join(f"{n} {what}" for what, n in result.skipped.most_common())
        lines.append(f"Not imported (no place for them, or nothing to keep): {shown}.")
    return lines
