# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Small things a person notices: menu entries, window titles, the words of empty forms,
choices shown as words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from tests.helpers.ui_helpers import settings, type_into, window_factory  # noqa: F401
from ui.context import AppContext
from ui.format import format_value
from ui.item_editor import ItemEditor
from ui.item_form import ItemForm


def test_the_view_menu_shows_the_ampersand_of_a_section(window_factory: Any,
                                                        person_id: int) -> None:
    window = window_factory()
    entries = [a.text() for a in window.menus.view.actions()]
    assert "Medications && allergies" in entries  # shown as "Medications & allergies"
    action = next(a for a in window.menus.view.actions()
                  if a.text() == "Medications && allergies")
    action.trigger()
    assert window.current_key() == "medications"


def test_the_window_title_follows_a_renamed_person(qtbot: Any, window_factory: Any,
                                                   store: Any, person_id: int) -> None:
    window = window_factory()
    old = store.person(person_id).full_name
    assert window.windowTitle().startswith(old + " — ")
    dialog = window.edit_person()
    type_into(qtbot, dialog.editor.form.editor("full_name"), "Rosa Quintero")
    dialog.reject()
    assert window.windowTitle().startswith("Rosa Quintero — ")
    window.undo()
    assert window.windowTitle().startswith(old + " — ")


def test_an_empty_editor_asks_for_an_immunization(qtbot: Any, store: Any) -> None:
    from organizer.items.models import Immunization, Medication

    context = AppContext(store)
    editor = ItemEditor(Immunization, context)
    qtbot.addWidget(editor)
    assert editor.empty.text().startswith("Choose an immunization in the list")
    other = ItemEditor(Medication, context)
    qtbot.addWidget(other)
    assert other.empty.text().startswith("Choose a medication in the list")


def test_choices_are_shown_as_words_in_forms_and_tables(qtbot: Any, store: Any,
                                                        person_id: int) -> None:
    from organizer.items.models import Case, Person

    context = AppContext(store)
    context.set_person(person_id)
    form = ItemForm(Case, context)
    qtbot.addWidget(form)
    combo = form.editor("status")
    assert isinstance(combo, QComboBox)
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["", "Being prepared", "Visit scheduled", "Seen by the doctor", "Decided",
                     "Closed"]
    assert format_value(Person.specs()["sex"], "female") == "Female"


def test_codes_wait_under_more_details_closed_until_asked_for(qtbot: Any, store: Any,
                                                               person_id: int) -> None:
    from organizer.items.models import Medication

    context = AppContext(store)
    context.set_person(person_id)
    form = ItemForm(Medication, context)
    qtbot.addWidget(form)
    form.show()
    assert form.details_button is not None and form.details_button.isVisible()
    code, system = form.editor("code"), form.editor("code_system")
    name = form.editor("name")
    assert name.isVisible() and not code.isVisible() and not system.isVisible()
    form.details_button.click()
    assert code.isVisible() and system.isVisible()
    form.details_button.click()
    assert not code.isVisible()
    form.show_error("code", "That code is too long.")
    assert code.isVisible()  # a refusal is never hidden
    # a type without codes has no "More details"
    from organizer.items.models import Journal

    journal = ItemForm(Journal, context)
    qtbot.addWidget(journal)
    assert journal.details_button is None
