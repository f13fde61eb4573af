"""The shared UI pieces: the item table model, the generated item form, undoable writes."""

from __future__ import annotations

from typing import Any

from organizer.errors import ValidationError
from ui.context import AppContext
from ui.item_form import ItemForm
from ui.item_model import ItemRole, ItemTableModel


def test_table_model_passes_qt_model_tester(qtmodeltester: Any, store: Any, person_id: int) -> None:
    for name in ("Metformin", "Lisinopril", "Atorvastatin"):
        store.add("medication", {"name": name, "dose": "10 mg"}, person_id=person_id)
    from organizer.items.models import Medication

    model = ItemTableModel(Medication)
    model.set_items(store.list_items("medication", person_id))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(1, 0)) == "Lisinopril"
    assert model.data(model.index(0, 0), ItemRole).name == "Metformin"


def test_form_reports_an_edit_and_shows_a_refusal_beside_the_field(
        qtbot: Any, store: Any, person_id: int) -> None:
    from organizer.items.models import Medication

    context = AppContext(store)
    context.set_person(person_id)
    change = store.add("medication", {"name": "Metformin"}, person_id=person_id)
    form = ItemForm(Medication, context)
    qtbot.addWidget(form)
    form.set_item(store.get("medication", change.id))
    edits: list[dict[str, Any]] = []

    def write(values: dict[str, Any]) -> None:
        edits.append(values)
        try:
            context.write("Edit", lambda: store.update("medication", change.id, values))
        except ValidationError as exc:
            form.show_error(exc.field, str(exc))

    form.edited.connect(write)
    refused: list[tuple[str, str]] = []
    form.refused.connect(lambda name, message: refused.append((name, message)))
    field = form.editor("started_on")
    field.setFocus()
    qtbot.keyClicks(field, "2026-02-30")
    field.editingFinished.emit()
    # no date: refused by the form itself, before any write
    assert edits == [] and refused and refused[0][0] == "started_on"
    assert "not a real date" in form._errors["started_on"].text()
    assert store.get("medication", change.id).started_on is None
    assert field.text() == "2026-02-30"  # what was typed stays in the field
    field.selectAll()
    qtbot.keyClicks(field, "March 2026")
    field.editingFinished.emit()
    assert edits == [{"started_on": "2026-03"}]  # reported as the store keeps it
    assert store.get("medication", change.id).started_on == "2026-03"
    assert form._errors["started_on"].isHidden()
    form.editor("dose").setFocus()
    qtbot.keyClicks(form.editor("dose"), "500 mg")
    form.editor("dose").editingFinished.emit()
    assert edits[-1] == {"dose": "500 mg"}
    form.editor("route").setFocus()
    form.editor("route").setText("x")  # set by the program: no edit of the user's
    form.editor("route").editingFinished.emit()
    assert len(edits) == 2


def test_undo_and_redo_of_add_edit_and_delete(store: Any, person_id: int) -> None:
    context = AppContext(store)
    added = context.write("Add", lambda: store.add("allergy", {"substance": "Penicillin"},
                                                     person_id=person_id))
    allergy_id = added.id
    context.write("Edit", lambda: store.update("allergy", allergy_id, {"reaction": "rash"}))
    context.write("Delete", lambda: store.delete("allergy", allergy_id))
    assert store.list_items("allergy", person_id) == []
    context.undo_stack.undo()
    assert store.get("allergy", allergy_id).reaction == "rash"
    context.undo_stack.undo()
    assert store.get("allergy", allergy_id).reaction is None
    context.undo_stack.undo()
    assert store.list_items("allergy", person_id) == []
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert store.get("allergy", allergy_id).reaction == "rash"
    context.undo_stack.redo()
    assert store.list_items("allergy", person_id) == []


def test_undo_of_a_case_is_one_transaction_and_a_failed_undo_changes_nothing(
        qtbot: Any, store: Any, person_id: int) -> None:
    context = AppContext(store)
    errors: list[str] = []
    context.error.connect(errors.append)
    added = context.write("New second opinion",
                          lambda: store.add("case", {"title": "Surgery?"}, person_id=person_id,
                                            checklist=True))
    assert len(added.items) == 11
    context.undo_stack.undo()
    assert store.list_items("case", person_id) == []
    assert store.list_items("checklist", person_id) == []
    context.undo_stack.redo()
    assert len(store.list_items("checklist", person_id)) == 10
    # A redo that fails half-way (a step was made impossible meanwhile) writes nothing.
    context.undo_stack.undo()
    step = store.conn.execute("SELECT max(id) FROM checklist_steps").fetchone()[0]
    store.conn.execute("DELETE FROM checklist_steps WHERE id = ?", (step,))
    context.undo_stack.redo()
    assert store.list_items("case", person_id) == []
    assert store.list_items("checklist", person_id) == []
    assert errors and "Nothing was changed" in errors[0]
    qtbot.waitUntil(lambda: context.undo_stack.count() == 0)
