# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The operations layer (ui/operations.py): long writes on one writer thread, every change
one undo step, and each view knowing its own write by identity (real widgets, real store)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.items.models import TYPES
from organizer.progress import Progress
from organizer.storage.store import Store
from tests.helpers.ui_helpers import added_records, landed, settings, window_factory  # noqa: F401

MESSY = Path(__file__).resolve().parents[1] / "data" / "fhir_messy_bundle.json"


def _context(store: Store) -> Any:
    from ui.context import AppContext

    return AppContext(store)


def _live(store: Store) -> dict[str, list[int]]:
    """Every live item's id, by type: what the organizer holds."""
    return {name: sorted(i.id for i in store.list_items(name)) for name in TYPES}


def _files(store: Store) -> int:
    return sum(len(r.attachments) for r in store.list_items("record"))


def _import(qtbot: Any, ctx: Any) -> Any:
    from ui.dialogs.import_dialog import open_import_dialog

    dialog = open_import_dialog(ctx, [MESSY], None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    return dialog


def test_an_import_is_one_undo_step_that_takes_back_every_item_and_the_kept_file(
        qtbot: Any, store: Store) -> None:
    person_id = store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id
    ctx = _context(store)
    ctx.set_person(person_id)
    before, files_before = _live(store), _files(store)
    told: list[tuple[Change, object]] = []
    ctx.changed.connect(lambda change, initiator: told.append((change, initiator)))

    dialog = _import(qtbot, ctx)
    after, files_after = _live(store), _files(store)
    kept = [r for r in store.list_items("record", person_id) if r.kind == "imported"]
    assert len(kept) == 1 and kept[0].attachments  # the file itself, kept as a record
    added = sum(len(after[t]) - len(before[t]) for t in TYPES)
    assert added >= 5  # conditions, medications, results… and the kept file's record
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Import “fhir_messy_bundle.json”"
    assert [initiator for _, initiator in told] == [dialog]  # told once, by the dialog
    assert len(told[0][0].items) >= added

    ctx.undo_stack.undo()
    assert _live(store) == before and _files(store) == files_before
    assert told[-1][1] is None  # an undo has no initiator: every view shows it

    ctx.undo_stack.redo()
    assert _live(store) == after and _files(store) == files_after


def test_an_undone_import_can_be_imported_again(qtbot: Any, store: Store) -> None:
    person_id = store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id
    ctx = _context(store)
    ctx.set_person(person_id)
    _import(qtbot, ctx)
    after = _live(store)
    ctx.undo_stack.undo()
    dialog = _import(qtbot, ctx)  # not "already imported": everything ticked again
    assert {t: len(ids) for t, ids in _live(store).items()} == \
        {t: len(ids) for t, ids in after.items()}
    assert dialog.summary


def test_dropped_files_are_one_undo_step(qtbot: Any, window_factory: Any, store: Store,
                                         person_id: int, tmp_path: Path) -> None:
    paths = []
    for name in ("lab results.txt", "letter from dr b.txt", "mri 2026.txt"):
        path = tmp_path / name
        path.write_text(f"The text of {name}", encoding="utf-8")
        paths.append(path)
    window = window_factory()
    stack = window.context.undo_stack
    ids = added_records(qtbot, window.add_record_files(paths))
    assert len(ids) == 3 and stack.count() == 1
    assert sorted(r.title for r in store.list_items("record", person_id)) == [
        "lab results", "letter from dr b", "mri 2026"]
    assert window.records_page().model.rowCount() == 3  # the page heard of it
    qtbot.waitUntil(lambda: not window.jobs, timeout=20000)  # the text read for search

    window.undo()
    assert store.list_items("record", person_id) == []
    qtbot.waitUntil(lambda: window.records_page().model.rowCount() == 0, timeout=5000)
    window.redo()
    records = store.list_items("record", person_id)
    assert sorted(r.id for r in records) == sorted(ids)
    assert all(len(r.attachments) == 1 for r in records)


def test_a_file_that_cannot_be_read_adds_no_record_at_all(
        qtbot: Any, window_factory: Any, store: Store, person_id: int, tmp_path: Path) -> None:
    good = tmp_path / "letter.txt"
    good.write_text("Dear doctor", encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text("soon gone", encoding="utf-8")
    window = window_factory()
    said: list[str] = []
    page = window.records_page()
    page.status.connect(said.append)
    op = window.add_record_files([good, gone])
    gone.unlink()  # removed before the writer reached it
    qtbot.waitUntil(lambda: not op.is_running(), timeout=20000)
    assert not op.landed and store.list_items("record", person_id) == []
    assert window.context.undo_stack.count() == 0
    assert any(line.startswith("Nothing was added: ") for line in said)


def test_a_view_knows_its_own_write_by_identity(qtbot: Any, store: Store,
                                                person_id: int) -> None:
    from ui.dialogs.edit_item_dialog import BoundItemForm

    doctor = store.add("provider", {"name": "Dr Alvarez"}, person_id=person_id).id
    ctx = _context(store)
    ctx.set_person(person_id)
    form = BoundItemForm("provider", ctx)
    qtbot.addWidget(form)
    form.bind(doctor)
    # the same write, said to come from the form: the form shows what it typed, unread
    ctx.write("Edit", lambda: store.update("provider", doctor, {"name": "Dr Bianchi"}),
              initiator=form)
    assert form.value("name") == "Dr Alvarez"
    # from anywhere else (another window): the form shows the new value
    ctx.write("Edit", lambda: store.update("provider", doctor, {"name": "Dr Costa"}),
              initiator=object())
    assert form.value("name") == "Dr Costa"
    ctx.undo_stack.undo()  # no initiator: shown even by the view that wrote
    assert form.value("name") == "Dr Bianchi"


def test_the_section_editor_is_the_initiator_of_its_writes(
        qtbot: Any, window_factory: Any, store: Store, person_id: int) -> None:
    from tests.helpers.ui_helpers import type_into

    condition = store.add("condition", {"name": "Anemia"}, person_id=person_id).id
    window = window_factory()
    page = window.show_section("conditions")
    assert page.show_item("condition", condition)
    told: list[object] = []
    window.context.changed.connect(lambda _change, initiator: told.append(initiator))
    type_into(qtbot, page.editor.form.editor("name"), "Iron deficiency anemia")
    assert told == [page.editor]
    assert store.get("condition", condition).title.startswith("Iron deficiency anemia")
    assert page.editor.form.value("name") == "Iron deficiency anemia"


def test_the_writer_thread_runs_two_long_writes_one_after_the_other(
        qtbot: Any, store: Store, person_id: int) -> None:
    ctx = _context(store)
    log: list[tuple[str, str, int]] = []
    gui = threading.get_ident()

    def slow(name: str) -> Any:
        def work(writer: Store, progress: Progress) -> Change:
            log.append(("start", name, threading.get_ident()))
            change = writer.add("provider", {"name": name}, person_id=person_id)
            time.sleep(0.3)  # a long import: the other write must wait for it
            log.append(("end", name, threading.get_ident()))
            return change
        return work

    first = ctx.start_write("First", slow("Dr First"))
    second = ctx.start_write("Second", slow("Dr Second"))
    assert first.is_running() and second.is_running()
    landed(qtbot, first)
    landed(qtbot, second)
    assert [(what, name) for what, name, _ in log] == [
        ("start", "Dr First"), ("end", "Dr First"), ("start", "Dr Second"),
        ("end", "Dr Second")]
    assert gui not in {thread for _, _, thread in log}  # never on the GUI thread
    assert ctx.undo_stack.count() == 2 and ctx.undo_stack.undoText() == "Second"
    ctx.undo_stack.undo()
    assert [p.name for p in store.list_items("provider", person_id)] == ["Dr First"]
    qtbot.waitUntil(lambda: ctx.writer.pending() == 0, timeout=5000)  # the thread ended


def test_a_long_write_cancelled_or_refused_changes_nothing(
        qtbot: Any, store: Store, person_id: int) -> None:
    ctx = _context(store)
    gate = threading.Event()

    def blocker(writer: Store, progress: Progress) -> Change:
        gate.wait(10)
        return writer.add("provider", {"name": "Dr Kept"}, person_id=person_id)

    def never(writer: Store, progress: Progress) -> Change:
        raise AssertionError("a cancelled write must not run")

    def refused(writer: Store, progress: Progress) -> Change:
        with writer.transaction():
            writer.add("provider", {"name": "Dr Half"}, person_id=person_id)
            raise OrganizerError("The disc could not be read. Try again.")

    kept = ctx.start_write("Kept", blocker)
    waiting = ctx.start_write("Never", never)
    failing = ctx.start_write("Refused", refused)
    cancelled: list[bool] = []
    failed: list[str] = []
    waiting.cancelled.connect(lambda: cancelled.append(True))
    failing.failed.connect(failed.append)
    waiting.cancel()  # still in the queue behind the first
    gate.set()
    landed(qtbot, kept)
    qtbot.waitUntil(lambda: bool(cancelled) and bool(failed), timeout=10000)
    assert failed == ["The disc could not be read. Try again."]
    assert [p.name for p in store.list_items("provider", person_id)] == ["Dr Kept"]
    assert ctx.undo_stack.count() == 1
