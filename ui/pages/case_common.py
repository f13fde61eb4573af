"""Small pieces the parts of the case page share: today's date, headings, error labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from organizer.changes import Change
from organizer.errors import OrganizerError
from ui.context import AppContext
from ui.sizing import follow_app_font

Today = Callable[[], date]


def heading(text: str, scale: float = 1.25) -> QLabel:
    """A section heading: bold and somewhat larger than the body text."""
    label = QLabel(text)
    label.setWordWrap(True)  # a long heading at a large zoom takes two lines, not the width
    follow_app_font(label, scale, bold=True)  # and again after each zoom
    label.setAccessibleName(text)
    return label


def hint(text: str) -> QLabel:
    """A quiet explanation under a heading, in the palette's secondary text colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def error_label() -> QLabel:
    """A plain-words refusal shown beside what caused it (hidden until needed)."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    follow_app_font(label)
    label.hide()
    return label


def try_write(context: AppContext, parent: QWidget, description: str,
              action: Callable[[], Change]) -> Change | None:
    """A write whose refusal is shown in a message box (for buttons, not typed fields)."""
    try:
        return context.write(description, action)
    except OrganizerError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: on a small screen (or at a large zoom) it
    scrolls instead of making the window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def entry_row(placeholder: str, name: str, submit: Callable[[], object],
              *buttons: tuple[str, Callable[[], object]]
              ) -> tuple[QHBoxLayout, QLineEdit, list[QPushButton]]:
    """A line to type a new item's name in (Enter adds it) and the buttons beside it.

    The first button is the one that adds; the others act on the chosen item.
    """
    row = QHBoxLayout()
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(name)
    line.returnPressed.connect(submit)
    row.addWidget(line, 1)
    made: list[QPushButton] = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, act=slot: act())
        row.addWidget(button)
        made.append(button)
    return row, line, made
