# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Every generic section driven as a user would: add, edit, a refusal shown beside the
field, delete, undo and redo, sorting and filtering, on a real store and real widgets."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.helpers.ui_helpers import settings, type_into, window_factory  # noqa: F401

# section, tab, type, (required field, value), (another field, value)
SECTIONS = [
    ("conditions", None, "condition", ("name", "Type 2 diabetes"), ("severity", "mild")),
    ("medications", 0, "medication", ("name", "Metformin"), ("dose", "500 mg")),
    ("medications", 1, "allergy", ("substance", "Penicillin"), ("reaction", "rash")),
    ("questions", None, "question", ("text", "Is surgery needed now?"), ("answer", "Not yet")),
    ("visits", None, "visit", ("scheduled_at", "2026-05-04 10:30"), ("purpose", "Second look")),
    ("care_team", None, "provider", ("name", "Dr Lee"), ("phone", "555 0100")),
    ("history", 0, "immunization", ("vaccine", "Influenza"), ("given_on", "2025-10")),
    ("history", 1, "procedure", ("name", "Colonoscopy"), ("performer", "Dr Park")),
    ("history", 2, "result", ("name", "HbA1c"), ("value", "7.1")),
    ("journal", None, "journal", ("text", "Tired after the walk"), ("written_on", "2026-02-01")),
]


def open_page(window: Any, key: str, tab: int | None) -> Any:
    page = window.show_section(key)
    if tab is not None:
        page.tabs.setCurrentIndex(tab)
        page = page.pages[tab]
    return page


def enter(qtbot: Any, page: Any, field: str, value: str) -> None:
    type_into(qtbot, page.editor.form.editor(field), value)
    page.flush()


@pytest.mark.parametrize(("key", "tab", "type_name", "first", "second"), SECTIONS,
                         ids=[s[2] for s in SECTIONS])
def test_add_edit_refuse_delete_undo_redo(qtbot: Any, qtmodeltester: Any, window_factory: Any,
                                          store: Any, person_id: int, key: str,
                                          tab: int | None, type_name: str,
                                          first: tuple[str, str],
                                          second: tuple[str, str]) -> None:
    window = window_factory()
    page = open_page(window, key, tab)
    assert page.isVisible() and page.model.rowCount() == 0

    # Add: nothing to save; the item exists as soon as its required field is filled in.
    window.new_item()
    assert page.editor.is_draft()
    enter(qtbot, page, *first)
    items = store.list_items(type_name, person_id)
    assert len(items) == 1 and getattr(items[0], first[0]) == first[1]
    assert page.model.rowCount() == 1 and not page.editor.is_draft()
    item_id = items[0].id

    # Edit another field.
    enter(qtbot, page, *second)
    assert str(getattr(store.get(type_name, item_id), second[0])) == second[1]

    # Refused: an emptied required field says so beside it; the store keeps the old value.
    enter(qtbot, page, first[0], "")
    error = page.editor.form._errors[first[0]]
    assert error.isVisibleTo(page) and "required" in error.text()
    assert getattr(store.get(type_name, item_id), first[0]) == first[1]
    assert page.unsaved()
    enter(qtbot, page, *first)
    assert not error.isVisibleTo(page) and not page.unsaved()

    # Delete with the Delete key on the list, then undo and redo from the window.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert store.list_items(type_name, person_id) == []
    assert page.model.rowCount() == 0
    assert "Undo" in window.statusBar().currentMessage()
    window.undo()
    assert [i.id for i in store.list_items(type_name, person_id)] == [item_id]
    assert page.model.rowCount() == 1
    window.redo()
    assert store.list_items(type_name, person_id) == []
    window.undo()
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.proxy)


def test_a_refused_date_is_kept_in_its_field_with_a_plain_message(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    store.add("medication", {"name": "Metformin"}, person_id=person_id)
    window = window_factory()
    page = open_page(window, "medications", 0)
    page.show_item("medication", store.list_items("medication", person_id)[0].id)
    enter(qtbot, page, "started_on", "2026-02-30")
    field = page.editor.form.editor("started_on")
    assert field.text() == "2026-02-30"
    assert "not a real date" in page.editor.form._errors["started_on"].text()
    assert store.list_items("medication", person_id)[0].started_on is None


def test_lists_sort_and_filter(qtbot: Any, qtmodeltester: Any, window_factory: Any,
                               store: Any, person_id: int) -> None:
    for name, started in (("Metformin", "2020"), ("Atorvastatin", "2024-05"),
                          ("Lisinopril", "2022-01-10")):
        store.add("medication", {"name": name, "started_on": started}, person_id=person_id)
    window = window_factory()
    page = open_page(window, "medications", 0)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert names == ["Atorvastatin", "Lisinopril", "Metformin"]  # newest first
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert names == ["Atorvastatin", "Lisinopril", "Metformin"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == "Metformin"
    qtbot.keyClicks(page.filter, "lisin")
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "Lisinopril"
    qtmodeltester.check(page.proxy)


def test_a_page_ignores_changes_to_other_types_and_reloads_for_its_own(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    window = window_factory()
    page = open_page(window, "conditions", None)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    window.context.write("Add", lambda: store.add("journal", {"written_on": "2026-01-01",
                                                              "text": "fine"},
                                                  person_id=person_id))
    assert resets == []
    window.context.write("Add", lambda: store.add("condition", {"name": "Asthma"},
                                                  person_id=person_id))
    assert resets and page.model.rowCount() == 1


def test_switching_person_shows_their_items(qtbot: Any, window_factory: Any, store: Any,
                                            person_id: int) -> None:
    other = store.add("person", {"full_name": "Ben Example"}).id
    store.add("allergy", {"substance": "Latex"}, person_id=other)
    window = window_factory()
    page = open_page(window, "medications", 1)
    assert page.model.rowCount() == 0
    row = window.people.person_ids().index(other)
    rect = window.people.list.visualItemRect(window.people.list.item(row))
    qtbot.mouseClick(window.people.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.context.person_id == other
    assert page.model.rowCount() == 1


def test_switching_person_keeps_typing_that_was_not_saved(
        window_factory: Any, store: Any, person_id: int, qtbot: Any) -> None:
    other = store.add("person", {"full_name": "Jan Kowalski"}).id
    store.add("medication", {"name": "Metformin"}, person_id=person_id)
    window = window_factory()
    window.context.set_person(person_id)
    page = open_page(window, "medications", 0)
    page.table.selectRow(0)
    enter(qtbot, page, "started_on", "2026-02-30")  # refused: not a real date
    assert page.unsaved()
    window.context.set_person(other)
    page = open_page(window, "medications", 0)
    page.add_new()
    enter(qtbot, page, "dose", "5 mg")  # a new medication without its name yet
    window.context.set_person(person_id)
    page = open_page(window, "medications", 0)
    assert len(page.unsaved()) == 2  # both kept, one shown, one parked
    field = page.editor.form.editor("started_on")
    assert field.text() == "2026-02-30"
    assert "not a real date" in page.editor.form._errors["started_on"].text()
    window.context.set_person(other)
    page = open_page(window, "medications", 0)
    assert page.editor.is_draft()
    assert page.editor.form.editor("dose").text() == "5 mg"
    enter(qtbot, page, "name", "Aspirin")  # now it can be saved
    assert [m.title for m in store.list_items("medication", other)] == ["Aspirin"]
