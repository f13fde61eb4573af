"""Date fields in the app, typed into as a person would: the locale's own order, words,
the date read back under the line, the calendar button, and refusals that change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QToolButton

from organizer.items.models import Person, Visit
from ui.context import AppContext
from ui.date_field import DateField
from ui.item_editor import ItemEditor

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
SPAIN = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)


@pytest.fixture
def in_locale() -> Iterator[Any]:
    before = QLocale()

    def use(locale: QLocale) -> None:
        QLocale.setDefault(locale)
    yield use
    QLocale.setDefault(before)


def person_editor(qtbot: Any, store: Any, person_id: int) -> ItemEditor:
    context = AppContext(store)
    context.set_person(person_id)
    editor = ItemEditor(Person, context)
    qtbot.addWidget(editor)
    editor.show_item(store.person(person_id))
    editor.show()
    return editor


def type_date(qtbot: Any, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(("locale", "typed", "read_as", "shown"), [
    (US, "3/14/1952", "Read as: March 14, 1952", "3/14/1952"),
    (UK, "14/03/1952", "Read as: 14 March 1952", "14/03/1952"),
    (US, "Mar 1952", "Read as: March 1952", "March 1952"),
    (UK, "1952-03-14", "Read as: 14 March 1952", "14/03/1952"),
])
def test_a_birth_date_typed_the_local_way_is_stored_as_iso(
        qtbot: Any, store: Any, person_id: int, in_locale: Any, locale: QLocale, typed: str,
        read_as: str, shown: str) -> None:
    in_locale(locale)
    editor = person_editor(qtbot, store, person_id)
    field = editor.form.editor("birth_date")
    assert isinstance(field, DateField)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, typed)
    reading = field.make_reading()
    assert reading.text() == read_as and reading.isVisibleTo(editor)  # before it is saved
    qtbot.keyClick(field, Qt.Key.Key_Return)
    stored = store.person(person_id).birth_date
    assert stored == {"Read as: March 14, 1952": "1952-03-14",
                      "Read as: 14 March 1952": "1952-03-14",
                      "Read as: March 1952": "1952-03"}[read_as]
    editor.show_item(store.person(person_id))  # shown again as the locale writes it
    assert field.text() == shown and not field.isModified()
    editor.form.editor("full_name").setFocus()
    assert not reading.isVisibleTo(editor)  # said back while in the field, not for ever


def test_a_spanish_month_name_is_read_in_a_spanish_locale(
        qtbot: Any, store: Any, person_id: int, in_locale: Any) -> None:
    in_locale(SPAIN)
    editor = person_editor(qtbot, store, person_id)
    field = editor.form.editor("birth_date")
    assert isinstance(field, DateField)
    type_date(qtbot, field, "14 de marzo de 1952")
    assert store.person(person_id).birth_date == "1952-03-14"
    assert field.make_reading().text() == "Read as: 14 marzo 1952"


def test_a_wrong_date_is_said_under_the_field_and_changes_nothing(
        qtbot: Any, store: Any, person_id: int, in_locale: Any) -> None:
    in_locale(US)
    editor = person_editor(qtbot, store, person_id)
    field = editor.form.editor("birth_date")
    assert isinstance(field, DateField)
    for typed, words in (("2/30/1952", "not a real date"), ("3/14/52", "four digits"),
                         ("sometime", "like 3/14/1952")):
        type_date(qtbot, field, typed)
        error = editor.form._errors["birth_date"]
        assert words in error.text() and error.isVisibleTo(editor)
        assert store.person(person_id).birth_date == "1950-03-02"  # unchanged
        assert field.text() == typed  # what was typed stays, to be corrected
        assert any(words in line for line in editor.unsaved())  # and the window knows
    type_date(qtbot, field, "3/14/1952")
    assert store.person(person_id).birth_date == "1952-03-14"
    assert editor.form._errors["birth_date"].isHidden() and not editor.unsaved()


def test_the_calendar_button_picks_a_day(qtbot: Any, store: Any, person_id: int,
                                         in_locale: Any) -> None:
    in_locale(US)
    editor = person_editor(qtbot, store, person_id)
    field = editor.form.editor("birth_date")
    assert isinstance(field, DateField)
    buttons = [b for b in field.findChildren(QToolButton)
               if b.defaultAction() is field.calendar_action]
    assert len(buttons) == 1 and buttons[0].isVisible()  # a button inside the line
    assert "calendar" in field.calendar_action.toolTip()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the keyboard
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(1950, 3, 2)  # opens on the stored day
    popup.calendar.setSelectedDate(QDate(1951, 7, 4))
    days = popup.calendar.findChild(QAbstractItemView)  # the grid of days has the keys
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert store.person(person_id).birth_date == "1951-07-04"
    assert field.text() == "7/4/1951"
    assert editor.context.undo_stack.count() == 1  # one undoable step


def test_a_visit_keeps_its_time_through_the_calendar(qtbot: Any, store: Any,
                                                     person_id: int, in_locale: Any) -> None:
    in_locale(US)
    context = AppContext(store)
    context.set_person(person_id)
    visit = store.add("visit", {"scheduled_at": "2026-03-14 10:30"}, person_id=person_id)
    editor = ItemEditor(Visit, context)
    qtbot.addWidget(editor)
    editor.show_item(store.get("visit", visit.id))
    editor.show()
    field = editor.form.editor("scheduled_at")
    assert isinstance(field, DateField)
    assert field.parsed() == "2026-03-14 10:30"  # shown in the locale's way, read back
    type_date(qtbot, field, "3/20/2026 2:30 pm")
    assert store.get("visit", visit.id).scheduled_at == "2026-03-20 14:30"
    field.open_calendar()
    assert field.popup is not None
    field.popup.calendar.clicked.emit(QDate(2026, 3, 27))
    assert store.get("visit", visit.id).scheduled_at == "2026-03-27 14:30"


def test_a_checklist_step_date_is_typed_the_local_way(qtbot: Any, store: Any,
                                                      in_locale: Any) -> None:
    from tests.helpers.spinal_case import make_spinal_case
    from ui.pages.case_page import CasePage

    in_locale(US)
    today = date(2026, 3, 10)
    spinal = make_spinal_case(store, today)
    context = AppContext(store)
    context.set_person(spinal["person"])
    page = CasePage(context, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    row = page.checklist.rows[4]
    type_date(qtbot, row.done_on, "3/1/2026")
    assert store.get("checklist", row.step_id).done_on == "2026-03-01"
    assert row.done_on.text() == "3/1/2026"
    type_date(qtbot, row.done_on, "2/30/2026")
    assert "not a real date" in row.error.text()
    assert store.get("checklist", row.step_id).done_on == "2026-03-01"


def test_the_example_in_an_empty_date_field_is_in_the_app_s_language(
        qtbot: Any, store: Any, person_id: int, qapp: Any, in_locale: Any) -> None:
    from tests.helpers.catalogues import build_catalogues
    from ui import i18n

    build_catalogues()
    in_locale(SPAIN)
    assert i18n.install("es", qapp)
    try:
        field = person_editor(qtbot, store, person_id).form.editor("birth_date")
        assert isinstance(field, DateField)
        assert field.placeholder() == "p. ej. 14/03/1952, marzo de 1952 o 1952"
    finally:
        i18n.install("en", qapp)
    assert field.placeholder() == "e.g. 14/03/1952, March 1952 or 1952"
