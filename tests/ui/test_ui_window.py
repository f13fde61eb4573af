# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The main window: start-up on a data folder, the welcome screen, people, search, zoom,
remembered choices, keyboard and accessible names, and closing without losing anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from tests.helpers.cli import ROOT
from tests.helpers.ui_helpers import settings, type_into, window_factory  # noqa: F401


def test_organizer_with_a_data_dir_opens_the_main_window(data_dir: Path,
                                                         tmp_path: Path) -> None:
    from organizer.opening import open_store

    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Ada Example"})
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import make_application\n"
        "from organizer.cli import main\n"
        "app = make_application()\n"
        "def check():\n"
        "    shown = [w.windowTitle() for w in QApplication.topLevelWidgets()\n"
        "             if w.isVisible() and w.inherits('QMainWindow')]\n"
        "    print('SHOWN', shown, flush=True)\n"
        "    app.quit()\n"
        "QTimer.singleShot(300, check)\n"
        f"sys.exit(main(['--data-dir', {str(data_dir)!r}]))\n")
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "SHOWN ['Ada Example — Second Opinion Organizer']" in done.stdout


def test_welcome_on_an_empty_store_then_the_first_person(qtbot: Any, window_factory: Any,
                                                         store: Any) -> None:
    window = window_factory()
    assert window.stack.currentWidget() is window.welcome
    assert not window.navigation.isVisible()
    qtbot.mouseClick(window.welcome.add_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w.windowTitle() == "Add a person")
    type_into(qtbot, dialog.editor.form.editor("full_name"), "Ada Example")
    [person] = store.people()
    assert person.full_name == "Ada Example"
    assert window.context.person_id == person.id
    assert window.navigation.isVisible() and window.current_page() is not None
    dialog.reject()
    assert not dialog.isVisible()


def test_explore_with_example_data_opens_a_marked_window_on_a_temporary_store(
        qtbot: Any, window_factory: Any, store: Any, monkeypatch: Any) -> None:
    import ui.main_window

    def stand_in(demo_store: Any) -> None:  # organizer.demo is written elsewhere
        demo_store.add("person", {"full_name": "Example Patient"})

    monkeypatch.setattr(ui.main_window, "add_demo", stand_in)
    window = window_factory()
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    [example] = window._other_windows  # deletes itself on closing: not given to qtbot
    assert example.example and example.notice.isVisible()
    assert "Example data" in example.notice.text()
    assert "EXAMPLE DATA" in example.windowTitle()
    folder = example.context.store.root
    assert folder != store.root and folder.exists()
    assert store.people() == []  # the user's own store is untouched
    example.close()
    assert not folder.exists()


def test_search_opens_the_item_found_switching_person_and_section(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    other = store.add("person", {"full_name": "Ben Example"}).id
    store.add("allergy", {"substance": "Latex"}, person_id=person_id)
    wanted = store.add("medication", {"name": "Metformin"}, person_id=other).id
    window = window_factory()
    window.context.set_person(person_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menus.find.trigger()
    assert window.search.field.hasFocus() or QApplication.focusWidget() is window.search.field
    qtbot.keyClicks(window.search.field, "metfo")
    with qtbot.waitSignal(window.search.shown) as answer:
        window.search.run()
    hits = answer.args[0]
    assert [h.id for h in hits] == [wanted]
    assert "Ben Example" in window.search.results.item(0).text()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.context.person_id == other
    assert window.current_key() == "medications"
    page = window.current_page().current()
    assert page.current_item().id == wanted
    assert page.editor.item.id == wanted
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""


def test_zoom_is_applied_to_the_whole_interface_and_remembered(
        qtbot: Any, window_factory: Any, settings: Any, person_id: int, tmp_path: Path) -> None:
    from ui import style
    from ui.app import make_application
    from ui.settings import Settings

    window = window_factory()
    window.zoom_in()
    window.zoom_in()
    assert settings.zoom() == pytest.approx(1.2)
    assert QApplication.font().pointSizeF() == pytest.approx(style.BASE_POINT_SIZE * 1.2)
    window.close()
    style.apply_zoom(1.0)
    later = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    make_application(later)
    assert QApplication.font().pointSizeF() == pytest.approx(style.BASE_POINT_SIZE * 1.2)
    window_factory(settings=later).zoom_reset()
    assert later.zoom() == 1.0


def test_last_person_and_window_size_are_remembered(qtbot: Any, window_factory: Any,
                                                    store: Any, person_id: int) -> None:
    second = store.add("person", {"full_name": "Ben Example"}).id
    window = window_factory()
    window.people.list.setCurrentRow(window.people.person_ids().index(second))
    assert window.context.person_id == second
    window.resize(760, 560)
    window.close()
    again = window_factory()
    assert again.context.person_id == second
    assert (again.width(), again.height()) == (760, 560)


def test_standard_shortcuts(window_factory: Any, person_id: int) -> None:
    window = window_factory()
    keys = QKeySequence.StandardKey
    assert window.menus.undo.shortcut() == QKeySequence(keys.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in window.menus.redo.shortcuts()
    assert window.menus.find.shortcut() == QKeySequence(keys.Find)
    assert window.menus.new_item.shortcut() == QKeySequence(keys.New)


def test_closing_saves_pending_text_and_warns_once_about_refused_values(
        qtbot: Any, window_factory: Any, store: Any, person_id: int) -> None:
    store.add("condition", {"name": "Asthma"}, person_id=person_id)
    window = window_factory()
    page = window.show_section("conditions")
    condition = store.list_items("condition", person_id)[0]
    page.show_item("condition", condition.id)
    qtbot.keyClicks(page.editor.form.editor("notes"), "worse at night")  # still in its pause
    type_into(qtbot, page.editor.form.editor("diagnosed_on"), "2026-13")
    assert not window.close()  # the first close says what is not saved
    assert window.notice.isVisible() and "has no month 13" in window.notice.text()
    assert store.get("condition", condition.id).notes == "worse at night"
    assert window.close()


def test_edit_and_remove_a_person_with_undo(qtbot: Any, window_factory: Any, store: Any,
                                            person_id: int) -> None:
    window = window_factory()
    dialog = window.edit_person()
    type_into(qtbot, dialog.editor.form.editor("phone"), "555 0199")
    assert store.person(person_id).phone == "555 0199"
    dialog.reject()
    window.remove_person()
    assert store.people() == [] and window.stack.currentWidget() is window.welcome
    window.undo()
    assert [p.id for p in store.people()] == [person_id]
    assert window.context.person_id == person_id and window.navigation.isVisible()


def test_about_shows_the_version_without_blocking(window_factory: Any) -> None:
    from organizer import __version__

    box = window_factory().about()
    assert box.isVisible() and __version__ in box.text()
    box.close()


def test_every_control_of_every_page_has_an_accessible_name(
        window_factory: Any, store: Any, person_id: int) -> None:
    from ui.pages import SECTIONS

    window = window_factory()
    labelled = set()
    for key, _label in SECTIONS:
        window.show_section(key)
    for label in window.findChildren(QLabel):
        if label.buddy() is not None:
            labelled.add(id(label.buddy()))
    nameless = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractButton):
        for widget in window.findChildren(kind):
            if widget.window() is not window or isinstance(
                    widget.parent(), (QAbstractItemView, QLineEdit, QTabBar, QMenuBar)):
                continue  # Qt's own parts: popups, headers, clear buttons, tab arrows
            name = widget.accessibleName() or (widget.text() if isinstance(
                widget, QAbstractButton) else "")
            if not name and id(widget) not in labelled and widget.objectName() not in (
                    "qt_scrollarea_viewport",):
                nameless.append(f"{type(widget).__name__} {widget.objectName()}")
    assert nameless == [], nameless


def test_file_menu_makes_the_packet_and_the_printouts(window_factory: Any, store: Any,
                                                      person_id: int) -> None:
    from organizer.packet.printouts import TITLES
    from ui.main_window import PRINTOUTS

    assert set(PRINTOUTS) == set(TITLES)
    window = window_factory()
    window.menus.packet.trigger()
    dialogs = [w for w in window.findChildren(QWidget) if type(w).__name__ == "PacketDialog"]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialog = window.print_list("medications")
    assert dialog is not None and dialog.isVisible()
    for widget in (dialogs[0], dialog):
        widget.close()
