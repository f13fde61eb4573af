"""The composite writes in the core (no Qt): records from files, and adding questions.

Each is one transaction returning one Change, so the app's one undo step takes all of it
back, and a failure part-way leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from organizer.care.questions import add_questions, case_questions, reorder
from organizer.care.records_from_files import (
    add_records_from_files,
    added_ids,
    attach_files,
    kind_from_filename,
    title_from_filename,
)
from organizer.errors import CancelledError, OrganizerError
from organizer.progress import Progress
from organizer.storage.store import Store
from organizer.storage.undo import reapply, reverse


def _texts(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_text(f"The text of {name}", encoding="utf-8")
        paths.append(path)
    return paths


def test_names_become_titles_and_kinds() -> None:
    assert title_from_filename(Path("2026-01-ct_report final.pdf")) == "2026-01-ct report final"
    assert title_from_filename(Path("_-_.pdf")) == "_-_.pdf"
    assert kind_from_filename(Path("Biopsy results.pdf")) == "pathology"
    assert kind_from_filename(Path("bloodwork_march.pdf")) == "lab"
    assert kind_from_filename(Path("holiday.jpg")) == "other"


def test_records_from_files_are_one_change_that_undo_takes_back(
        store: Store, person_id: int, tmp_path: Path) -> None:
    paths = _texts(tmp_path, "mri knee.txt", "discharge letter.txt")
    steps: list[tuple[int, int, str]] = []
    change = add_records_from_files(store, person_id, paths,
                                    Progress(lambda d, t, w: steps.append((d, t, w))))
    ids = added_ids(change)
    records = [store.get("record", i) for i in ids]
    assert [(r.title, r.kind) for r in records] == [("mri knee", "imaging"),
                                                    ("discharge letter", "discharge")]
    assert [a.filename for r in records for a in r.attachments] == [p.name for p in paths]
    assert [a.text_status for r in records for a in r.attachments] == ["pending"] * 2
    assert steps[0] == (0, 2, "mri knee.txt") and steps[-1][:2] == (2, 2)
    reverse(store, change)
    assert store.list_items("record", person_id) == []
    reapply(store, change)
    assert sorted(r.id for r in store.list_items("record", person_id)) == sorted(ids)


def test_a_missing_file_or_a_cancel_adds_no_record(store: Store, person_id: int,
                                                   tmp_path: Path) -> None:
    good, = _texts(tmp_path, "letter.txt")
    with pytest.raises(OrganizerError):
        add_records_from_files(store, person_id, [good, tmp_path / "not there.txt"])
    assert store.list_items("record", person_id) == []
    calls = iter([False, True])  # Cancel after the first file was added
    with pytest.raises(CancelledError):
        add_records_from_files(store, person_id, [good, good],
                               Progress(None, lambda: next(calls, True)))
    assert store.list_items("record", person_id) == []


def test_attach_files_is_all_or_nothing(store: Store, person_id: int, tmp_path: Path) -> None:
    record_id = store.add("record", {"title": "Biopsy"}, person_id=person_id).id
    one, two = _texts(tmp_path, "page 1.txt", "page 2.txt")
    with pytest.raises(OrganizerError):
        attach_files(store, record_id, [one, tmp_path / "gone.txt"])
    assert store.get("record", record_id).attachments == ()
    change = attach_files(store, record_id, [one, two])
    assert [a.filename for a in store.get("record", record_id).attachments] == [
        "page 1.txt", "page 2.txt"]
    reverse(store, change)
    assert store.get("record", record_id).attachments == ()


def test_questions_are_added_at_the_end_of_the_order_in_one_change(
        store: Store, person_id: int) -> None:
    case_id = store.add("case", {"title": "Second opinion on the knee"},
                        person_id=person_id).id
    first = add_questions(store, case_id, person_id, ["Is surgery needed?"])
    reorder(store, [first.id])
    change = add_questions(store, case_id, person_id, ["What if I wait?", "How long to heal?"])
    assert [(q.position, q.text) for q in case_questions(store, case_id)] == [
        (1, "Is surgery needed?"), (2, "What if I wait?"), (3, "How long to heal?")]
    assert len(change.items) == 2
    reverse(store, change)
    assert [q.text for q in case_questions(store, case_id)] == ["Is surgery needed?"]
