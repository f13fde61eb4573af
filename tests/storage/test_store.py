"""The store: every item type round-trips, bad input is refused with nothing changed,
writes are all or nothing, deletes are soft and undoable, and search finds what was typed."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from organizer.errors import AmbiguousError, NotFoundError, ValidationError
from organizer.items.changes import ADDED, DELETED, RESTORED, UPDATED
from organizer.items.models import TABLES, TYPES
from organizer.opening import open_store
from organizer.storage.store import Store
from tests.helpers.store_samples import make_item

PERSON_TYPES = [name for name in TYPES if name != "person"]


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: to prove that a refused write changed nothing."""
    tables = [*TABLES.values(), "attachments", "search_index"]
    return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in tables}


@pytest.mark.parametrize("type_name", PERSON_TYPES)
def test_every_item_type_round_trips(store: Store, person_id: int, type_name: str) -> None:
    values = make_item(store, type_name, person_id, {})
    change = store.add(type_name, values, person_id=person_id)
    assert change.first.action == ADDED and change.first.type == type_name
    item = store.get(type_name, change.id)
    for name, value in values.items():
        assert getattr(item, name) == value, name
    data = item.to_dict()
    expected = ["id", "person_id", *TYPES[type_name].specs(), "created_at", "updated_at", "origin"]
    if type_name == "record":
        expected.append("attachments")
    assert list(data) == expected
    assert data["origin"] == "typed" and data["created_at"].endswith("Z")
    assert change.id in [i.id for i in store.list_items(type_name, person_id)]


def test_a_person_round_trips_and_has_no_person_id(store: Store) -> None:
    values = make_item(store, "person", 0, {"provider": 0})
    values["primary_provider_id"] = None
    change = store.add("person", values)
    person = store.get("person", change.id)
    assert "person_id" not in person.to_dict()
    for name, value in values.items():
        assert getattr(person, name) == value


def test_a_new_case_gets_the_ten_step_checklist(store: Store, person_id: int) -> None:
    change = store.add("case", {"title": "Back surgery?"}, person_id=person_id, checklist=True)
    steps = store.list_items("checklist", person_id, order_by="step")
    assert [s.step for s in steps] == list(range(1, 11))  # type: ignore[attr-defined]
    assert all(s.case_id == change.id for s in steps)  # type: ignore[attr-defined]
    assert change.types == {"case", "checklist"} and len(change.items) == 11


@pytest.mark.parametrize(("type_name", "values", "field", "words"), [
    ("medication", {"name": ""}, "name", "required"),
    ("medication", {"dose": "5 mg"}, "name", "required"),
    ("medication", {"name": "X", "started_on": "2026-02-30"}, "started_on", "not a real date"),
    ("medication", {"name": "X", "started_on": "March 2nd"}, "started_on", "not a date"),
    ("medication", {"name": "X", "active": "maybe"}, "active", "yes or no"),
    ("medication", {"name": "X", "prescriber_id": 999}, "prescriber_id", "no care team member"),
    ("medication", {"name": "X", "colour": "blue"}, "colour", "no field"),
    ("condition", {"name": "X", "status": "certain"}, "status", "not one of"),
    ("checklist", {"case_id": 1, "step": 11}, "step", "at most 10"),
    ("quote", {"treatment_id": 1, "facility": "A", "amount": "lots"}, "amount", "not a number"),
    ("quote", {"treatment_id": 1, "facility": "A", "amount": "-5"}, "amount", "at least 0"),
    ("visit", {"scheduled_at": "2026-03-02 25:00"}, "scheduled_at", "not a time"),
    ("request", {"provider_id": 1, "records": "MRI"}, "asked_on", "required"),
])
def test_bad_input_is_refused_in_plain_words_and_changes_nothing(
        store: Store, person_id: int, type_name: str, values: dict[str, Any], field: str,
        words: str) -> None:
    case = store.add("case", {"title": "Case"}, person_id=person_id, checklist=True).id
    treatment = store.add("treatment", {"case_id": case, "name": "Surgery"},
                          person_id=person_id).id
    store.add("provider", {"name": "Dr Lee"}, person_id=person_id)
    values = {k: (case if v == 1 and k == "case_id" else treatment if v == 1 and
                  k == "treatment_id" else v) for k, v in values.items()}
    before = snapshot(store)
    with pytest.raises(ValidationError) as refused:
        store.add(type_name, values, person_id=person_id)
    assert refused.value.field == field
    assert words in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert snapshot(store) == before


def test_an_edit_with_bad_input_changes_nothing(store: Store, person_id: int) -> None:
    med = store.add("medication", {"name": "Metformin"}, person_id=person_id).id
    before = snapshot(store)
    with pytest.raises(ValidationError):
        store.update("medication", med, {"dose": "1 g", "stopped_on": "2026-13"})
    with pytest.raises(ValidationError):
        store.update("medication", med, {"name": "  "})
    assert snapshot(store) == before


def test_a_link_to_another_persons_item_is_refused(store: Store, person_id: int) -> None:
    other = store.add("person", {"full_name": "Jan Kowalski"}).id
    their_doctor = store.add("provider", {"name": "Dr Other"}, person_id=other).id
    with pytest.raises(ValidationError, match="belongs to someone else"):
        store.add("medication", {"name": "X", "prescriber_id": their_doctor},
                  person_id=person_id)


def test_links_can_be_given_by_exact_name(store: Store, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dr Lee"}, person_id=person_id).id
    med = store.add("medication", {"name": "X", "prescriber_id": "dr lee"}, person_id=person_id)
    assert store.get("medication", med.id).prescriber_id == doctor  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="No care team member called"):
        store.add("medication", {"name": "X", "prescriber_id": "Dr Nobody"}, person_id=person_id)


def test_a_failing_write_in_the_middle_of_a_transaction_leaves_nothing(
        store: Store, person_id: int) -> None:
    before = snapshot(store)
    with pytest.raises(ValidationError), store.transaction():
        store.add("medication", {"name": "Metformin"}, person_id=person_id)
        store.add("case", {"title": "Back surgery?"}, person_id=person_id, checklist=True)
        store.add("allergy", {"substance": ""}, person_id=person_id)
    assert snapshot(store) == before
    with pytest.raises(RuntimeError), store.transaction():
        store.add("medication", {"name": "Lisinopril"}, person_id=person_id)
        raise RuntimeError("power cut")
    assert snapshot(store) == before


def test_a_write_is_durable_in_another_connection(store: Store, person_id: int) -> None:
    store.add("journal", {"written_on": "2026-11-01", "text": "Back pain worse at night"},
              person_id=person_id)
    with open_store(store.root) as again:
        assert [j.title for j in again.list_items("journal", person_id)] == [
            "Back pain worse at night"]


def test_update_returns_before_and_after_and_skips_no_op(store: Store, person_id: int) -> None:
    med = store.add("medication", {"name": "Metformin", "dose": "500 mg"}, person_id=person_id)
    change = store.update("medication", med.id, {"dose": "1000 mg"})
    entry = change.first
    assert entry.action == UPDATED
    assert entry.before.dose == "500 mg" and entry.after.dose == "1000 mg"  # type: ignore[union-attr]
    assert not store.update("medication", med.id, {"dose": "1000 mg"})


def test_deletes_are_soft_and_can_be_undone(store: Store, person_id: int) -> None:
    med = store.add("medication", {"name": "Metformin"}, person_id=person_id).id
    deleted = store.delete("medication", med)
    assert deleted.first.action == DELETED
    assert store.list_items("medication", person_id) == []
    assert store.search("metformin") == []
    with pytest.raises(NotFoundError):
        store.get("medication", med)
    restored = store.restore("medication", med)
    assert restored.first.action == RESTORED
    assert store.get("medication", med).title == "Metformin"
    assert [h.id for h in store.search("metformin")] == [med]


def test_deleting_a_person_hides_their_items_from_search(store: Store, person_id: int) -> None:
    store.add("medication", {"name": "Metformin"}, person_id=person_id)
    store.delete("person", person_id)
    assert store.people() == []
    assert store.search("metformin") == []
    store.restore("person", person_id)
    assert len(store.search("metformin")) == 1


def test_find_person_by_id_or_name_and_ambiguity(store: Store, person_id: int) -> None:
    assert store.find_person(str(person_id)).id == person_id
    assert store.find_person("ANNA kowalska").id == person_id
    store.add("person", {"full_name": "Anna Kowalska", "birth_date": "1980"})
    with pytest.raises(AmbiguousError, match="More than one person"):
        store.find_person("anna kowalska")
    with pytest.raises(NotFoundError):
        store.find_person("Nobody")


def test_search_ranks_and_scopes_and_survives_odd_input(store: Store, person_id: int) -> None:
    other = store.add("person", {"full_name": "Ζωή Παπαδοπούλου"}).id
    store.add("condition", {"name": "Lumbar spinal stenosis", "notes": "L4-L5"},
              person_id=person_id)
    store.add("journal", {"written_on": "2026-10-01", "text": "Walked to the shop; stenosis "
                          "pain after ten minutes"}, person_id=person_id)
    store.add("condition", {"name": "Stenosis of the aortic valve"}, person_id=other)
    hits = store.search("stenosis")
    assert {h.person_id for h in hits} == {person_id, other}
    mine = store.search("stenosis", person_id)
    assert mine[0].type == "condition"  # a title match ranks first
    assert "[stenosis]" in mine[1].snippet.lower()
    assert store.search("παπαδοπ")[0].id == other
    for odd in ['"', "AND", "NEAR(", "*", "a OR", "'; DROP TABLE people; --", ""]:
        store.search(odd)  # never raises
    assert store.search("zzzz-nothing") == []


def test_data_folder_is_private(store: Store, person_id: int) -> None:
    assert stat.S_IMODE(os.stat(store.root).st_mode) == 0o700
    for path in [store.dirs.database, Path(f"{store.dirs.database}-wal")]:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_foreign_keys_and_wal_are_on(store: Store) -> None:
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO medications (person_id, name, active, created_at, "
                           "updated_at) VALUES (999, 'x', 1, 'now', 'now')")


def test_the_search_index_holds_one_row_per_live_item(store: Store, person_id: int) -> None:
    from organizer.storage.search import row_key

    ids = [store.add("result", {"name": f"Test {n}", "value": str(n)}, person_id=person_id).id
           for n in range(30)]
    for item_id in ids[:10]:
        store.update("result", item_id, {"notes": "repeat in a month"})
    for item_id in ids[10:15]:
        store.delete("result", item_id)
    store.restore("result", ids[10])
    live = store.count("result", person_id) + store.count("person")
    assert store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == live
    row = store.conn.execute("SELECT type, item_id, body FROM search_index WHERE rowid = ?",
                             (row_key("result", ids[0]),)).fetchone()
    assert row[:2] == ("result", ids[0]) and "repeat in a month" in row[2]
    assert len(store.search("repeat month")) == 10


def test_deleting_a_case_takes_what_belongs_to_it_and_restore_brings_it_back(
        store: Store, person_id: int) -> None:
    case = store.add("case", {"title": "Surgery?"}, person_id=person_id, checklist=True).id
    option = store.add("treatment", {"case_id": case, "name": "Laminectomy"},
                       person_id=person_id).id
    store.add("quote", {"treatment_id": option, "facility": "Lakeside", "amount": "18200"},
              person_id=person_id)
    store.add("opinion", {"case_id": case, "diagnosis": "Stenosis"}, person_id=person_id)
    question = store.add("question", {"text": "Now or later?", "case_id": case},
                         person_id=person_id).id
    steps = [s.id for s in store.list_items("checklist", person_id)]
    store.delete("checklist", steps[0])  # deleted on its own, before the case
    change = store.delete("case", case)
    assert {(c.type, c.action) for c in change.items} == {
        ("case", "deleted"), ("checklist", "deleted"), ("treatment", "deleted"),
        ("quote", "deleted"), ("opinion", "deleted")}
    for kind in ("checklist", "treatment", "quote", "opinion"):
        assert store.list_items(kind, person_id) == []
    assert store.get("question", question).title == "Now or later?"  # may stand alone
    restored = store.restore("case", case)
    assert len(restored.items) == len(change.items)
    assert [s.id for s in store.list_items("checklist", person_id)] == steps[1:]
    assert len(store.list_items("quote", person_id)) == 1
    assert len(store.list_items("opinion", person_id)) == 1
