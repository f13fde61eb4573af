"""What the parts of the case page share: today's date, a write for a button, an entry row.

The small widgets (headings, hints, error labels) are in ui/widgets.py, shared with the
dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from organizer.errors import OrganizerError
from organizer.items.changes import Change
from ui.context import AppContext
from ui.flow_layout import FlowLayout

Today = Callable[[], date]


def try_write(context: AppContext, parent: QWidget, description: str,
              action: Callable[[], Change]) -> Change | None:
    """A write whose refusal is shown in a message box (for buttons, not typed fields)."""
    try:
        return context.write(description, action)
    except OrganizerError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate(
                                                        "case_common", "Not saved"), str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None


def entry_row(placeholder: str, name: str, submit: Callable[[], object],
              *buttons: tuple[str, Callable[[], object]]
              ) -> tuple[FlowLayout, QLineEdit, list[QPushButton]]:
    """A line to type a new item's name in (Enter adds it) and the buttons beside it.

    The first button is the one that adds; the others act on the chosen item. At a large
    text size the buttons wrap onto the next line (the line takes the rest of its own).
    """
    row = FlowLayout()
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(name)
    line.returnPressed.connect(submit)
    row.addWidget(line)
    made: list[QPushButton] = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, act=slot: act())
        row.addWidget(button)
        made.append(button)
    return row, line, made
