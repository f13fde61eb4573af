"""The first screen on an empty store: add the first person, or look around on examples.

"Explore with example data" opens a second window on made-up people in a temporary
folder, clearly marked as example data; nothing there touches the user's own folder.

It must show its whole text on a small laptop at twice the text size: the column's width
is set in letters (so it grows with the text instead of squeezing it into a tall strip)
and the page scrolls rather than cutting anything off.

Signals:
    add_person_requested()
    example_requested()
    help_requested(): Help › "How a second opinion works"
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import TitleLabel


class WelcomePage(QWidget):
    add_person_requested = Signal()
    example_requested = Signal()
    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = TitleLabel(self.tr("Welcome to Second Opinion Organizer"))
        text = QLabel(
            self.tr("Keep the diagnoses, medications, records and questions of the people you "
                    "care for in one place on this computer, and make the packet to bring to the "
                    "doctor who gives a second opinion.\n\nEverything stays on this computer; "
                    "nothing is sent anywhere."))
        text.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add the first person"))
        self.add_button.setAccessibleName(self.tr("Add the first person"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_person_requested)
        self.example_button = QPushButton(self.tr("Explore with example data"))
        self.example_button.setAccessibleName(self.tr("Explore with example data"))
        self.example_button.setToolTip(self.tr("Opens made-up people in a separate window. Your "
                                               "own information is not touched."))
        self.example_button.clicked.connect(self.example_requested)
        hint = QLabel(self.tr("The example opens in its own window, marked as example data. "
                              "Nothing you change there is kept."))
        hint.setWordWrap(True)
        self.help_button = QPushButton(self.tr("How a second opinion works"))
        self.help_button.setAccessibleName(self.tr("How a second opinion works: the ten steps"))
        self.help_button.setToolTip(self.tr("The ten steps of a second opinion, in plain words"))
        self.help_button.clicked.connect(self.help_requested)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(text)
        column.addSpacing(18)
        column.addWidget(self.add_button)
        column.addWidget(self.example_button)
        column.addWidget(hint)
        column.addSpacing(12)
        column.addWidget(self.help_button)
        self._box = box = QWidget()
        box.setLayout(column)
        # Centred by stretches, not by an alignment flag: a widget placed with an alignment
        # gets its size hint, not the height its wrapped text needs at that width, and the
        # last lines of the text were cut off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 100)
        row.addStretch(1)
        inner = QWidget()
        centred = QVBoxLayout(inner)
        centred.addStretch(1)
        centred.addLayout(row)
        centred.addStretch(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._fit_text()

    def _fit_text(self) -> None:
        """A reading width of about 50 letters of the current text size."""
        self._box.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self._fit_text()
        super().changeEvent(event)

    def set_person(self, _person_id: int | None) -> None:
        """A page like any other (the window calls this on every page)."""
