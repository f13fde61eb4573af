"""A section made of several lists shown as tabs (Medications & allergies; History).

It passes the page interface (set_person, flush, add_new, show_item…) to its tabs: the
window treats it like any other page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class TabbedPage(QWidget):
    status = Signal(str)

    def __init__(self, tabs: list[tuple[str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: list[QWidget] = []
        for label, page in tabs:
            self.tabs.addTab(page, label)
            self.pages.append(page)
            if hasattr(page, "status"):
                page.status.connect(self.status)
        self.tabs.setAccessibleName("Parts of this section")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def types(self) -> frozenset[str]:
        found: frozenset[str] = frozenset()
        for page in self.pages:
            found |= getattr(page, "types", frozenset())
        return found

    def current(self) -> QWidget:
        return self.tabs.currentWidget()

    def set_person(self, person_id: int | None) -> None:
        for page in self.pages:
            page.set_person(person_id)  # type: ignore[attr-defined]

    def flush(self) -> None:
        for page in self.pages:
            if hasattr(page, "flush"):
                page.flush()

    def unsaved(self) -> list[str]:
        lines: list[str] = []
        for page in self.pages:
            if hasattr(page, "unsaved"):
                lines += page.unsaved()
        return lines

    def add_new(self) -> None:
        page = self.current()
        if hasattr(page, "add_new"):
            page.add_new()

    def delete_selected(self) -> None:
        page = self.current()
        if hasattr(page, "delete_selected"):
            page.delete_selected()

    def show_item(self, type_name: str, item_id: int) -> bool:
        for index, page in enumerate(self.pages):
            if hasattr(page, "show_item") and page.show_item(type_name, item_id):
                self.tabs.setCurrentIndex(index)
                return True
        return False
