# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The app by keyboard alone, on the demo household: no key does two things in one window,
Redo answers both Ctrl+Shift+Z and Ctrl+Y, Tab goes through every page and dialog top to
bottom and left to right with no invisible stop, and every control has a name a screen
reader can say."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from organizer.demo.household import add_demo
from tests.helpers.keyboard_walk import (
    Stops,
    controls,
    duplicates,
    from_the_top,
    invisible_stops,
    menu_mnemonics,
    out_of_order,
    tab_stops,
    unnamed_controls,
    window_shortcuts,
)
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401
from ui import style
from ui.pages import SECTIONS

MESSY = Path(__file__).resolve().parents[1] / "data" / "fhir_messy_bundle.json"


@pytest.fixture
def demo_window(window_factory: Any, store: Any) -> Any:
    add_demo(store)
    style.apply_zoom(1.0)
    window = window_factory()
    window.resize(1366, 768)
    window.activateWindow()
    settle()
    return window


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def pages_and_tabs(window: Any) -> Iterator[str]:
    """Show every section and every tab of the sections with tabs, one after the other."""
    for key, _label in SECTIONS:
        page = window.show_section(key)
        settle()
        subs = page.sub_pages()
        if not subs:
            yield key
            continue
        for number, sub in enumerate(subs):
            page.show_sub_page(sub)
            settle()
            yield f"{key}, tab {number + 1}"


def person_with_a_case(store: Any) -> int:
    return next(c.person_id for p in store.people()
                for c in store.list_items("case", p.id))


def dialogs(window: Any, store: Any, tmp_path: Any) -> Iterator[tuple[str, QWidget]]:
    """Each dialog and window the main window opens, shown, one at a time."""
    from ui.dialogs.edit_item_dialog import ItemEditorDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.import_dialog import ImportDialog, open_import_dialog
    from ui.dialogs.packet_dialog import PacketDialog
    from ui.dialogs.passphrase_dialogs import ChangePassphraseDialog, EnableEncryptionDialog
    from ui.dialogs.person_dialog import PersonDialog
    from ui.dialogs.printouts_dialog import PrintoutsDialog
    from ui.dialogs.starters_dialog import StartersDialog
    from ui.dialogs.unlock_dialog import UnlockDialog
    from ui.visit_mode import VisitModeWindow

    ctx = window.context
    ctx.set_person(person_with_a_case(store))
    visit = next(v for v in store.list_items("visit", ctx.person_id))
    medication = next(m for m in store.list_items("medication", ctx.person_id))
    makers: list[tuple[str, Any]] = [
        ("Add person", lambda: PersonDialog(ctx, parent=window)),
        ("Edit person", lambda: PersonDialog(ctx, store.person(ctx.person_id), parent=window)),
        ("Make packet", lambda: PacketDialog(ctx, window)),
        ("Printouts", lambda: PrintoutsDialog(ctx, window)),
        ("Export", lambda: ExportDialog(ctx, window)),
        ("Question starters", lambda: StartersDialog(ctx, window)),
        ("Protect with a passphrase", lambda: EnableEncryptionDialog(window)),
        ("Change the passphrase", lambda: ChangePassphraseDialog(window)),
        ("Unlock", lambda: UnlockDialog(tmp_path / "locked")),
        ("Visit mode", lambda: VisitModeWindow(ctx, visit.id)),
        ("Edit a medication", lambda: ItemEditorDialog(ctx, "medication", medication.id,
                                                        window)),
        ("Import preview", lambda: open_import_dialog(ctx, [MESSY], window)),
    ]
    for name, make in makers:
        dialog = make()
        dialog.show()
        dialog.activateWindow()
        settle()
        if isinstance(dialog, ImportDialog):  # the preview shows once the file is read
            deadline = time.monotonic() + 20
            while not dialog.tree.topLevelItemCount() and time.monotonic() < deadline:
                QApplication.processEvents()
            assert dialog.tree.topLevelItemCount(), "the import preview did not come"
            settle()
        try:
            yield name, dialog
        finally:
            dialog.close()
            dialog.deleteLater()
            settle()


# -- shortcuts --------------------------------------------------------------------------


def test_no_key_does_two_things_in_the_main_window(demo_window: Any) -> None:
    problems = {}
    for where in pages_and_tabs(demo_window):
        found = duplicates(window_shortcuts(demo_window))
        if found:
            problems[where] = found
    assert not problems, problems


def test_no_key_does_two_things_with_the_sessions_menus(
        qtbot: Any, tmp_path: Any, settings: Any) -> None:
    """The session adds Back up, Restore and the Security menu to the window."""
    from organizer.opening import open_store
    from ui.session import Session

    with open_store(tmp_path / "data") as store:
        add_demo(store)
    session = Session(tmp_path / "data", settings)
    assert session.start()
    try:
        window = session.window
        window.activateWindow()
        settle()
        assert not duplicates(window_shortcuts(window))
        for menu in [window.menus.file, window.menus.edit, window.menus.view,
                     window.menus.person, window.menus.help,
                     *window.menuBar().findChildren(QMenu)]:
            assert not duplicates(menu_mnemonics(menu)), menu.title()
    finally:
        session.window.close()
        settle()


def test_no_key_does_two_things_in_a_dialog(demo_window: Any, store: Any,
                                            tmp_path: Any) -> None:
    problems = {name: duplicates(window_shortcuts(dialog))
                for name, dialog in dialogs(demo_window, store, tmp_path)}
    assert not {k: v for k, v in problems.items() if v}, problems


def test_every_menu_has_one_letter_per_entry(demo_window: Any) -> None:
    menus = demo_window.menuBar().findChildren(QMenu)
    assert len(menus) >= 5
    for menu in menus:
        assert not duplicates(menu_mnemonics(menu)), menu.title()


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_redo_answers_both_usual_keys(qtbot: Any, demo_window: Any, store: Any,
                                      keys: str) -> None:
    redo = demo_window.menus.redo
    bound = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in redo.shortcuts()]
    assert keys in bound and len(bound) == len(set(bound)), bound
    person = demo_window.context.person_id
    demo_window.context.write("Add a journal entry", lambda: store.add(
        "journal", {"written_on": "2026-01-02", "text": "Slept well"}, person_id=person))
    demo_window.undo()
    assert not [j for j in store.list_items("journal", person) if j.text == "Slept well"]
    sequence = QKeySequence(keys)
    combination = sequence[0]
    qtbot.keyClick(demo_window.sections, combination.key(), combination.keyboardModifiers())
    assert [j for j in store.list_items("journal", person) if j.text == "Slept well"]


# -- tab order and names ----------------------------------------------------------------


@pytest.mark.parametrize("zoom", [1.0, 2.0])
def test_tab_goes_through_every_page_in_reading_order(demo_window: Any, zoom: float) -> None:
    demo_window.set_zoom(zoom)
    problems = {}
    for where in pages_and_tabs(demo_window):
        page = demo_window.current_page()
        every = tab_stops(demo_window)
        on_page = Stops([w for w in every if page.isAncestorOf(w)])
        on_page.seen = every.seen  # where each was when it had the focus (pages scroll)
        page_stops = from_the_top(on_page, page)
        assert page_stops, where
        found = invisible_stops(demo_window, page_stops) + out_of_order(page, page_stops)
        if found:
            problems[where] = found
    assert not problems, problems


@pytest.mark.parametrize("zoom", [1.0, 2.0])
def test_tab_goes_through_every_dialog_in_reading_order(demo_window: Any, store: Any,
                                                        tmp_path: Any, zoom: float) -> None:
    demo_window.set_zoom(zoom)
    problems = {}
    for name, dialog in dialogs(demo_window, store, tmp_path):
        stops = from_the_top(tab_stops(dialog), dialog)
        assert len(stops) > 1, name
        found = invisible_stops(dialog, stops) + out_of_order(dialog, stops)
        if found:
            problems[name] = found
    assert not problems, problems


def test_every_control_of_every_page_has_a_name(demo_window: Any) -> None:
    problems, seen = {}, 0
    for where in pages_and_tabs(demo_window):
        seen += len(controls(demo_window))
        found = unnamed_controls(demo_window)
        if found:
            problems[where] = found
    assert seen > 100  # (the walk sees the controls)
    assert not problems, problems


def test_every_control_of_every_dialog_has_a_name(demo_window: Any, store: Any,
                                                  tmp_path: Any) -> None:
    problems, seen = {}, {}
    for name, dialog in dialogs(demo_window, store, tmp_path):
        seen[name] = len(controls(dialog))
        problems[name] = unnamed_controls(dialog)
    assert min(seen.values()) >= 2, seen
    assert not {k: v for k, v in problems.items() if v}, problems


def test_the_checks_catch_what_they_look_for(qtbot: Any) -> None:
    """The walkers themselves: a duplicate, a stop out of order, a nameless field."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton

    window = QWidget()
    qtbot.addWidget(window)
    grid = QGridLayout(window)
    top, bottom = QLineEdit(), QLineEdit()
    top.setAccessibleName("Top")
    grid.addWidget(QLabel("&Name"), 0, 0)
    grid.addWidget(top, 0, 1)
    grid.addWidget(bottom, 1, 1)
    grid.addWidget(QPushButton("&Next"), 2, 1)
    for text in ("One", "Two"):
        action = QAction(text, window)
        action.setShortcuts([QKeySequence("Ctrl+K")])
        window.addAction(action)
    QWidget.setTabOrder(bottom, top)
    window.show()
    window.activateWindow()
    settle()
    assert set(duplicates(window_shortcuts(window))) == {"Ctrl+K"}
    bottom.setFocus()
    stops = tab_stops(window)
    assert out_of_order(window, stops)
    assert [s for s in unnamed_controls(window) if "QLineEdit(?)" in s]
    assert Qt.Key.Key_Tab  # (the walk uses focusNextChild: what Tab does)
