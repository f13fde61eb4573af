# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Every list that can be empty says what to do and offers the button that does it: the
sections, the case's parts, the records, and a search without a hit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.helpers.ui_helpers import settings, type_into, window_factory  # noqa: F401
from ui.pages.section_page import SectionPage

SECTIONS = [("conditions", None, "diagnosis"), ("medications", 0, "medicine"),
            ("medications", 1, "reaction"), ("questions", None, "ask the doctor"),
            ("visits", None, "appointments"), ("care_team", None, "doctors"),
            ("history", 0, "vaccines"), ("history", 1, "operations"),
            ("history", 2, "lab reports"), ("journal", None, "how you feel")]


def open_page(window: Any, key: str, tab: int | None) -> Any:
    page = window.show_section(key)
    if tab is not None:
        page.tabs.setCurrentIndex(tab)
        page = page.pages[tab]
    return page


@pytest.mark.parametrize(("key", "tab", "words"), SECTIONS, ids=[f"{k}{t}" for k, t, _ in
                                                                  SECTIONS])
def test_an_empty_section_says_what_to_do_and_its_button_starts_the_first_item(
        qtbot: Any, window_factory: Any, person_id: int, key: str, tab: int | None,
        words: str) -> None:
    window = window_factory()
    page = open_page(window, key, tab)
    assert isinstance(page, SectionPage)
    note = page.empty_note
    assert note.isVisible() and not page.table.isVisible()
    assert words in note.text()
    assert note.button.isVisible() and note.button.text() == page.add_button.text()
    # the editor's "choose one in the list" would contradict the empty list
    assert not page.editor.isVisible()
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    assert page.editor.is_draft() and page.editor.isVisible()
    assert page.table.isVisible() and not note.isVisible()


def test_a_filter_that_hides_every_row_says_so_and_offers_to_show_them_all(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    store.add("condition", {"name": "Arthritis"}, person_id=person_id)
    window = window_factory()
    page = window.show_section("conditions")
    assert page.table.isVisible() and not page.empty_note.isVisible()
    qtbot.keyClicks(page.filter, "zzz")
    assert page.empty_note.isVisible()
    assert page.empty_note.text() == "No condition matches “zzz”."
    qtbot.mouseClick(page.empty_note.button, Qt.MouseButton.LeftButton)
    assert page.filter.text() == "" and page.table.isVisible()
    assert not page.empty_note.isVisible()


def test_the_records_page_asks_for_files(qtbot: Any, window_factory: Any,
                                         person_id: int) -> None:
    window = window_factory()
    page = window.show_section("records").current()
    note = page.empty_note
    assert note.isVisible() and "drop the files here" in note.text()
    assert note.button.text() == "Choose files…"
    asked = []
    page.add_item.connect(asked.append)
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    assert asked == ["record"]


def test_the_overview_buttons_start_the_item_where_it_lives(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    window = window_factory()
    overview = window.show_section("overview")
    step = next(row for row in overview.first_steps if row.step.type == "condition")
    qtbot.mouseClick(step.button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "conditions"
    assert window.current_page().editor.is_draft()
    window.show_section("overview")
    step = next(row for row in overview.first_steps if row.step.type == "case")
    qtbot.mouseClick(step.button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "cases"
    assert len(store.list_items("case", person_id)) == 1


def test_a_new_second_opinion_has_an_empty_state_on_every_part(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    window = window_factory()
    cases = window.show_section("cases")
    assert cases.stack.currentWidget() is cases.empty
    assert cases.empty_text.button.text() == "Start a second opinion"
    qtbot.mouseClick(cases.empty_text.button, Qt.MouseButton.LeftButton)
    assert cases.case_id is not None

    cases.tabs.setCurrentWidget(cases.opinions)
    assert cases.opinions.empty.isVisible()
    qtbot.mouseClick(cases.opinions.empty.button, Qt.MouseButton.LeftButton)
    assert store.list_items("opinion", person_id) == []  # nothing until the dialog's Save
    qtbot.mouseClick(cases.opinions.dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(store.list_items("opinion", person_id)) == 1
    assert not cases.opinions.empty.isVisible()  # no note left over the opinion's card
    if cases.opinions.dialog is not None:
        cases.opinions.dialog.close()

    cases.tabs.setCurrentWidget(cases.treatments)
    treatments = cases.treatments
    assert treatments.empty.isVisible() and not treatments.splitter.isVisible()
    qtbot.mouseClick(treatments.empty.button, Qt.MouseButton.LeftButton)
    assert treatments.new_name.hasFocus() or window.focusWidget() is treatments.new_name
    type_into(qtbot, treatments.new_name, "Physical therapy")
    treatments.add_option()
    assert treatments.splitter.isVisible() and not treatments.empty.isVisible()

    cases.tabs.setCurrentWidget(cases.questions)
    questions = cases.questions
    assert questions.empty.isVisible() and not questions.table.isVisible()
    assert questions.empty.button.text() == "Pick from question starters…"

    cases.tabs.setCurrentWidget(cases.records)
    records = cases.records
    assert records.empty.isVisible() and "No records yet" in records.empty.text()
    asked = []
    records.add_item.connect(asked.append)
    qtbot.mouseClick(records.empty.button, Qt.MouseButton.LeftButton)
    assert asked == ["record"]
    store.add("record", {"title": "MRI report"}, person_id=person_id)
    records.refresh()
    assert "Choose one of your records below" in records.empty.text()
    assert not records.empty.button.isVisible()


def test_a_search_without_a_hit_says_what_to_try_and_clears(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    window = window_factory()
    search = window.search
    qtbot.keyClicks(search.field, "zzyzx")
    with qtbot.waitSignal(search.shown):
        search.run()
    assert search.nothing is not None and search.nothing.isVisible()
    assert search.nothing.text().startswith("Nothing found for “zzyzx”. Check the spelling")
    qtbot.mouseClick(search.nothing.button, Qt.MouseButton.LeftButton)
    assert search.field.text() == "" and not search.nothing.isVisible()
