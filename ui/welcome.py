"""The first screen on an empty store: add the first person, or look around on examples.

"Explore with example data" opens a second window on made-up people in a temporary
folder, clearly marked as example data; nothing there touches the user's own folder.

Signals:
    add_person_requested()
    example_requested()
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets import TitleLabel


class WelcomePage(QWidget):
    add_person_requested = Signal()
    example_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = TitleLabel("Welcome to Second Opinion Organizer")
        text = QLabel(
            "Keep the diagnoses, medications, records and questions of the people you care "
            "for in one place on this computer, and make the packet to bring to the doctor "
            "who gives a second opinion.\n\nEverything stays on this computer; nothing is "
            "sent anywhere.")
        text.setWordWrap(True)
        self.add_button = QPushButton("Add the first person")
        self.add_button.setAccessibleName("Add the first person")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_person_requested)
        self.example_button = QPushButton("Explore with example data")
        self.example_button.setAccessibleName("Explore with example data")
        self.example_button.setToolTip("Opens made-up people in a separate window. Your own "
                                       "information is not touched.")
        self.example_button.clicked.connect(self.example_requested)
        hint = QLabel("The example opens in its own window, marked as example data. Nothing "
                      "you change there is kept.")
        hint.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(text)
        column.addSpacing(18)
        column.addWidget(self.add_button)
        column.addWidget(self.example_button)
        column.addWidget(hint)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(640)
        from PySide6.QtCore import Qt  # (only an empty organizer shows this page first)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_person(self, _person_id: int | None) -> None:
        """A page like any other (the window calls this on every page)."""
