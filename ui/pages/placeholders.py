"""Stand-in pages for Overview and Second opinions, until their full pages are plugged in.

`OverviewPlaceholder` shows how many items each section holds for the person; the
Second opinions stand-in is the generic list and editor over cases. Both are replaced by
`MainWindow.set_page_factory("overview" | "cases", ...)`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from organizer.changes import Change
from ui.context import AppContext
from ui.pages.title import TitleLabel

_COUNTED = [("case", "Second opinions"), ("condition", "Conditions"),
            ("medication", "Medications"), ("allergy", "Allergies"), ("record", "Records"),
            ("question", "Questions for the doctor"), ("visit", "Visits"),
            ("provider", "Care team"), ("journal", "Journal entries")]


class OverviewPlaceholder(QWidget):
    """How much is kept for this person, section by section."""

    types = frozenset(t for t, _ in _COUNTED) | {"person"}

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_placeholder")
        self.context = context
        self.person_id: int | None = None
        self.title = TitleLabel("Overview")
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, (type_name, label) in enumerate(_COUNTED):
            name = QLabel(label)
            count = QLabel("")
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            count.setAccessibleName(f"Number of {label.lower()}")
            grid.addWidget(name, row, 0)
            grid.addWidget(count, row, 1)
            self.counts[type_name] = count
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)
        context.changed.connect(self._on_changed)

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.refresh()

    def refresh(self) -> None:
        store = self.context.store
        for type_name, label in self.counts.items():
            label.setText(str(store.count(type_name, self.person_id))
                          if self.person_id is not None else "")
        if self.person_id is not None:
            self.title.setText(f"Overview: {store.person(self.person_id).full_name}")

    def _on_changed(self, change: Change) -> None:
        if change.types & self.types and self.person_id in change.person_ids:
            self.refresh()


def cases_placeholder(context: AppContext) -> QWidget:
    from ui.pages.section_page import SectionPage

    page = SectionPage(context, "case", title="Second opinions",
                       intro="Each second opinion you are getting: the question at stake, "
                             "the date to decide by, and the decision.")
    page.setObjectName("cases_placeholder")
    return page
