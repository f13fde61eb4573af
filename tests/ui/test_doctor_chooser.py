"""No dead ends, no phantom items: a doctor can be added wherever one is chosen, and the
dialogs that add an opinion or a visit write nothing until Save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt

from organizer.items.models import TYPES, Condition
from tests.helpers.spinal_case import make_spinal_case, shown_case_page
from ui.context import AppContext
from ui.doctor_chooser import ADD_NEW, DoctorChooser, NewDoctorDialog
from ui.item_editor import ItemEditor
from ui.item_form import ItemForm
from ui.pages.case_page import CasePage

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def us_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def everything(store: Any, person_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every item of the person, of every type, with its values: to prove nothing moved."""
    return {name: [(i.id, tuple(sorted(i.values().items(), key=str)))
                   for i in store.list_items(name, person_id)]
            for name in TYPES if name != "person"}


def condition_editor(qtbot: Any, store: Any, person_id: int) -> tuple[ItemEditor, int]:
    context = AppContext(store)
    context.set_person(person_id)
    condition = store.add("condition", {"name": "Lumbar spinal stenosis"},
                          person_id=person_id).id
    editor = ItemEditor(Condition, context)
    qtbot.addWidget(editor)
    editor.show_item(store.get("condition", condition))
    editor.show()
    return editor, condition


def test_every_link_to_a_doctor_is_a_doctor_chooser(qtbot: Any, store: Any,
                                                    person_id: int) -> None:
    context = AppContext(store)
    context.set_person(person_id)
    seen = set()
    for name, cls in TYPES.items():
        doctor_fields = [f for f, spec in cls.specs().items()
                         if spec.kind == "ref" and spec.ref == "provider"]
        if not doctor_fields:
            continue
        form = ItemForm(cls, context)
        qtbot.addWidget(form)
        form.set_item(None)
        for field in doctor_fields:
            chooser = form.editor(field)
            assert isinstance(chooser, DoctorChooser), (name, field)
            assert chooser.itemData(chooser.count() - 1) == ADD_NEW
            seen.add(f"{name}.{field}")
    assert {"condition.diagnosed_by_id", "medication.prescriber_id", "opinion.provider_id",
            "visit.provider_id", "treatment.proposed_by_id", "sending.recipient_id"} <= seen


def test_typing_a_known_doctor_chooses_them(qtbot: Any, store: Any, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dr. Ana Ruiz"}, person_id=person_id).id
    editor, condition = condition_editor(qtbot, store, person_id)
    chooser = editor.form.editor("diagnosed_by_id")
    assert isinstance(chooser, DoctorChooser)
    chooser.setFocus()
    qtbot.keyClicks(chooser.lineEdit(), "dr. ana ruiz")
    qtbot.keyClick(chooser.lineEdit(), Qt.Key.Key_Return)
    assert store.get("condition", condition).diagnosed_by_id == doctor
    assert chooser.offer.isHidden()
    chooser.lineEdit().clear()  # emptied: no one
    qtbot.keyClick(chooser.lineEdit(), Qt.Key.Key_Return)
    assert store.get("condition", condition).diagnosed_by_id is None


def test_the_arrow_keys_choose_and_pass_over_add_a_new_doctor(
        qtbot: Any, store: Any, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dr. Ana Ruiz"}, person_id=person_id).id
    editor, condition = condition_editor(qtbot, store, person_id)
    chooser = editor.form.editor("diagnosed_by_id")
    qtbot.keyClick(chooser, Qt.Key.Key_Down)
    assert store.get("condition", condition).diagnosed_by_id == doctor
    qtbot.keyClick(chooser, Qt.Key.Key_Down)  # onto "Add a new doctor…": no dialog
    assert chooser.dialog is None and chooser.choice() == doctor
    assert store.get("condition", condition).diagnosed_by_id == doctor


def test_a_new_name_typed_is_offered_and_added_in_one_undoable_step(
        qtbot: Any, store: Any, person_id: int) -> None:
    editor, condition = condition_editor(qtbot, store, person_id)
    chooser = editor.form.editor("diagnosed_by_id")
    assert isinstance(chooser, DoctorChooser)
    chooser.setFocus()
    qtbot.keyClicks(chooser.lineEdit(), "Dr. Kenji Mori")
    qtbot.keyClick(chooser.lineEdit(), Qt.Key.Key_Return)
    assert store.list_items("provider", person_id) == []  # only offered, not yet added
    assert chooser.offer.isVisibleTo(editor)
    assert chooser.offer.text() == "Add “Dr. Kenji Mori” as a new doctor"
    qtbot.mouseClick(chooser.offer, Qt.MouseButton.LeftButton)
    doctors = store.list_items("provider", person_id)
    assert [d.name for d in doctors] == ["Dr. Kenji Mori"]
    assert store.get("condition", condition).diagnosed_by_id == doctors[0].id
    assert chooser.currentText() == "Dr. Kenji Mori" and chooser.offer.isHidden()
    stack = editor.context.undo_stack
    assert stack.count() == 2 and stack.text(0) == "Add doctor “Dr. Kenji Mori”"
    stack.undo()  # the choice
    assert store.get("condition", condition).diagnosed_by_id is None
    stack.undo()  # the doctor
    assert store.list_items("provider", person_id) == []


def test_add_a_new_doctor_from_the_list_cancel_adds_nothing_save_adds_and_chooses(
        qtbot: Any, store: Any, person_id: int) -> None:
    editor, condition = condition_editor(qtbot, store, person_id)
    chooser = editor.form.editor("diagnosed_by_id")
    assert isinstance(chooser, DoctorChooser)
    before = everything(store, person_id)
    chooser.setCurrentIndex(chooser.count() - 1)  # the arrow keys pass over it
    assert chooser.dialog is None and chooser.choice() is None
    chooser.activated.emit(chooser.count() - 1)  # picked in the list: "Add a new doctor…"
    dialog = chooser.dialog
    assert isinstance(dialog, NewDoctorDialog) and dialog.isVisible()
    assert chooser.choice() is None and chooser.currentText() == ""  # not a choice itself
    qtbot.keyClicks(dialog.lines["name"], "Dr. Lina Haddad")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and everything(store, person_id) == before
    chooser.activated.emit(chooser.count() - 1)
    dialog = chooser.dialog
    assert isinstance(dialog, NewDoctorDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name yet
    assert "Name" in dialog.error.text() and dialog.isVisible()
    assert everything(store, person_id) == before
    qtbot.keyClicks(dialog.lines["name"], "Dr. Lina Haddad")
    qtbot.keyClicks(dialog.lines["specialty"], "Rheumatology")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    doctor = store.list_items("provider", person_id)[0]
    assert (doctor.name, doctor.specialty) == ("Dr. Lina Haddad", "Rheumatology")
    assert store.get("condition", condition).diagnosed_by_id == doctor.id


@pytest.fixture
def case_page(qtbot: Any, store: Any) -> tuple[CasePage, dict[str, int]]:
    spinal = make_spinal_case(store, TODAY)
    return shown_case_page(qtbot, store, spinal["person"], TODAY), spinal


def test_add_an_opinion_then_cancel_leaves_the_store_unchanged(
        qtbot: Any, store: Any, case_page: tuple[CasePage, dict[str, int]]) -> None:
    page, spinal = case_page
    before = everything(store, spinal["person"])
    qtbot.mouseClick(page.opinions.add_button, Qt.MouseButton.LeftButton)
    dialog = page.opinions.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.form.editor("diagnosis"), "Stenosis, mild")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert everything(store, spinal["person"]) == before
    assert page.context.undo_stack.count() == 0
    # closing the window is a Cancel too
    qtbot.mouseClick(page.opinions.add_button, Qt.MouseButton.LeftButton)
    page.opinions.dialog.close()
    assert everything(store, spinal["person"]) == before


def test_plan_a_visit_writes_only_on_save(qtbot: Any, store: Any,
                                          case_page: tuple[CasePage, dict[str, int]]) -> None:
    page, spinal = case_page
    before = everything(store, spinal["person"])
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert everything(store, spinal["person"]) == before
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    when = dialog.form.editor("scheduled_at")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no date yet
    assert "required" in dialog.form._errors["scheduled_at"].text() and dialog.isVisible()
    qtbot.keyClicks(when, "3/33/2026 10:30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not a real date" in dialog.form._errors["scheduled_at"].text()
    assert everything(store, spinal["person"]) == before  # refusals wrote nothing
    when.selectAll()
    qtbot.keyClicks(when, "3/20/2026 2:30 pm")
    doctor = dialog.form.editor("provider_id")
    doctor.setCurrentIndex(doctor.findData(spinal["second"]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    added = [v for v in store.list_items("visit", spinal["person"])
             if v.scheduled_at == "2026-03-20 14:30"]
    assert len(added) == 1
    assert (added[0].case_id, added[0].provider_id, added[0].purpose) == (
        spinal["case"], spinal["second"], "Second opinion")
    page.context.undo_stack.undo()  # one step, and it takes the visit back
    assert everything(store, spinal["person"]) == before
