# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""How the window looks on the demo household: the left panel keeps its width, tables
show every header whole without sideways scrolling, long texts wrap instead of being
cut, and every page fits a 1000x700 window. Checked at the base text size and zoomed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTableView

from organizer.demo.household import add_demo
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401
from ui import style
from ui.pages import SECTIONS
from ui.pages.records_page import files_text
from ui.sizing import ColumnFitter


@pytest.fixture
def demo_window(window_factory: Any, store: Any) -> Any:
    add_demo(store)
    style.apply_zoom(1.0)  # the app's own text size (the settings fixture restores it)
    window = window_factory()
    window.resize(1200, 800)
    QApplication.processEvents()
    return window


def settle() -> None:
    """Let the layouts and the column fitting (which waits for a burst of events to be
    over, and runs again when a scroll bar appears) finish."""
    for _ in range(5):
        QApplication.processEvents()


def show(window: Any, key: str) -> Any:
    page = window.show_section(key)
    settle()
    return page


def pages_and_tabs(window: Any) -> list[tuple[str, int | None]]:
    """Every section, and every tab of the sections that have tabs."""
    found: list[tuple[str, int | None]] = []
    for key, _label in SECTIONS:
        page = window.page(key)
        tabs = getattr(page, "tabs", None)
        found += [(key, i) for i in range(tabs.count())] if tabs is not None else [(key, None)]
    return found


def open_tab(window: Any, key: str, tab: int | None) -> None:
    page = show(window, key)
    if tab is not None:
        page.tabs.setCurrentIndex(tab)
        settle()


def test_the_left_panel_keeps_a_comfortable_width_on_every_page(demo_window: Any) -> None:
    widths = {key: (show(demo_window, key), demo_window.navigation.width())[1]
              for key, _ in SECTIONS}
    base = widths["overview"]
    assert set(widths.values()) == {base}, widths  # the case page used to squeeze it
    assert 200 <= base <= 300
    assert base >= demo_window.navigation.fontMetrics().horizontalAdvance(
        "Eleanor Whitfield (mother)")
    demo_window.set_zoom(1.5)
    QApplication.processEvents()
    assert demo_window.navigation.width() >= base * 1.3  # it grows with the text


@pytest.mark.parametrize("zoom", [1.0, 1.5])
def test_people_and_sections_show_whole_without_sideways_scrolling(
        demo_window: Any, store: Any, zoom: float) -> None:
    for name in ("Ada Example", "Bo Example"):
        demo_window.context.write("Add", lambda n=name: store.add("person", {"full_name": n}))
    demo_window.set_zoom(zoom)
    QApplication.processEvents()
    people = demo_window.people.list
    assert people.count() == 5
    for lst in (people, demo_window.sections):
        assert not lst.horizontalScrollBar().isVisible()
        last = lst.visualItemRect(lst.item(lst.count() - 1))
        assert last.bottom() <= lst.viewport().height(), "every row in view"
    for row in range(people.count()):  # each name whole at the base size
        if zoom == 1.0:
            rect = people.visualItemRect(people.item(row))
            assert people.fontMetrics().horizontalAdvance(people.item(row).text()) \
                <= rect.width()


def fitted_tables(window: Any) -> list[QTableView]:
    return [t for t in window.findChildren(QTableView)
            if t.isVisible() and t.findChild(ColumnFitter) is not None]


@pytest.mark.parametrize(("zoom", "size"), [(1.0, (1200, 800)), (1.0, (1000, 700)),
                                            (1.5, (1200, 800))])
def test_every_table_shows_every_header_whole(demo_window: Any, zoom: float,
                                              size: tuple[int, int]) -> None:
    demo_window.set_zoom(zoom)
    demo_window.resize(*size)
    checked = 0
    for key, tab in pages_and_tabs(demo_window):
        open_tab(demo_window, key, tab)
        for table in fitted_tables(demo_window):
            fitter = table.findChild(ColumnFitter)
            header = table.horizontalHeader()
            total = 0
            for column in range(header.count()):
                assert header.sectionSize(column) >= fitter._header_width(column), (
                    key, tab, table.model().headerData(column, Qt.Orientation.Horizontal))
                total += header.sectionSize(column)
            if size == (1200, 800) and zoom == 1.0:  # smaller or zoomed, a table may scroll
                assert total <= table.viewport().width(), (key, tab)
                assert not table.horizontalScrollBar().isVisible(), (key, tab)
            checked += 1
    assert checked >= 12


def test_records_show_title_kind_date_author_and_files(demo_window: Any) -> None:
    show(demo_window, "records")
    page = demo_window.records_page()
    model = page.proxy
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["Title", "Kind", "Date", "Written by", "Files"]
    sizes = [page.table.horizontalHeader().sectionSize(c) for c in range(len(headers))]
    assert sizes[0] == max(sizes), "the title has the most room"
    texts = {model.index(r, 0).data(): model.index(r, 4).data()
             for r in range(model.rowCount())}
    assert texts["MRI images on disc"].startswith("Physical item")
    assert texts["MRI lumbar spine report"] == "1 file"
    # a cut title is whole in its tooltip
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == model.index(0, 0).data()


def test_files_text_in_words(store: Any, person_id: int) -> None:
    plain = store.add("record", {"title": "Letter"}, person_id=person_id).id
    disc = store.add("record", {"title": "Disc", "physical": True,
                                "location": "Kitchen  drawer"}, person_id=person_id).id
    bare = store.add("record", {"title": "Slides", "physical": True},
                     person_id=person_id).id
    assert files_text(store.get("record", plain)) == ""
    assert files_text(store.get("record", disc)) == "Physical item: Kitchen drawer"
    assert files_text(store.get("record", bare)) == "Physical item"


def test_checklist_steps_wrap_and_ticking_the_words_ticks_the_box(
        qtbot: Any, demo_window: Any, store: Any) -> None:
    page = show(demo_window, "cases")
    page.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    rows = page.checklist.rows
    long_step = rows[1]  # "Ask your insurer whether a second opinion is covered (…)"
    assert long_step.label.wordWrap()
    assert long_step.label.height() > long_step.label.fontMetrics().lineSpacing() * 1.5
    assert long_step.note.width() >= 300, "the note has room to be read"
    assert long_step.check.accessibleName() == "Step 2 done"
    row = next(r for r in rows if not r.check.isChecked() and r.check.isVisible())
    step_id = row.step_id
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert row.check.isChecked()
    assert store.get("checklist", step_id).done
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert not store.get("checklist", step_id).done


@pytest.mark.parametrize("zoom", [1.0, 1.5])
def test_the_question_at_stake_is_shown_whole(demo_window: Any, zoom: float) -> None:
    demo_window.set_zoom(zoom)
    page = show(demo_window, "cases")
    page.show_details(True)  # (at a large text size the header starts compact)
    settle()
    question = page.header_form.editor("question")
    assert isinstance(question, QPlainTextEdit)
    QApplication.processEvents()
    lines = page.question_height.lines()
    shown = min(max(lines, 2), 4)
    assert question.viewport().height() >= shown * question.fontMetrics().lineSpacing()
    # as tall as the question, up to four lines; only a longer one scrolls (its bar's
    # range: a box shown again with the header's details shows the bar at its next layout)
    assert (question.verticalScrollBar().maximum() > 0) == (lines > 4)
    assert question.font().pointSizeF() == pytest.approx(
        QApplication.font().pointSizeF() * 1.3)
    # an empty question still leaves two lines to type in
    question.setPlainText("")
    page.header_form.flush()  # saved now, not after the test
    assert question.height() >= 2 * question.fontMetrics().lineSpacing()


def test_every_page_fits_a_1000_by_700_window(demo_window: Any) -> None:
    demo_window.resize(1000, 700)
    for key, tab in pages_and_tabs(demo_window):
        open_tab(demo_window, key, tab)
        assert (demo_window.width(), demo_window.height()) == (1000, 700), (key, tab)
