"""Fixtures and helpers shared by the UI tests (imported by name into each test module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Any]:
    """Settings in an INI file of this test's own: the user's settings are never touched."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.settings import Settings

    font = QApplication.font()
    yield Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    QApplication.setFont(font)  # a test that zoomed must not change the next one's font


@pytest.fixture
def window_factory(qtbot: Any, settings: Any, store: Any) -> Any:
    """`window_factory()` opens a main window on this test's store, shown."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    def make(**kwargs: Any) -> Any:
        context = AppContext(store)
        window = MainWindow(context, kwargs.pop("settings", settings), **kwargs)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def type_into(qtbot: Any, editor: Any, text: str) -> None:
    """Type as a user does, then leave the field (which is when a field is saved)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    editor.setFocus()
    if isinstance(editor, (QLineEdit, QPlainTextEdit)):
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        qtbot.keyClicks(editor, text)
        if isinstance(editor, QLineEdit):
            editor.editingFinished.emit()  # what leaving the field does
        # long text is saved after a typing pause; callers flush the page to save it now
    else:
        raise TypeError(type(editor))


def landed(qtbot: Any, op: Any, timeout: int = 20000) -> Any:
    """Wait until a long write (`ui.operations.StoreOp`) is on the undo stack and told to
    every view; returns its Change."""
    assert op is not None
    qtbot.waitUntil(lambda: op.landed or not op.is_running(), timeout=timeout)
    assert op.landed, "the write did not land"
    return op.change


def added_records(qtbot: Any, op: Any) -> list[int]:
    """The ids of the records a write of dropped files added, once it has landed."""
    from organizer.care.records_from_files import added_ids

    return added_ids(landed(qtbot, op))
