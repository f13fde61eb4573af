"""A section made of several lists shown as tabs (Medications & allergies; History).

It passes the page interface (set_person, flush, add_new, show_item…) to its tabs: the
window treats it like any other page. A new person is given to the tab on screen at once
and to each other tab when it is shown (or asked to show an item), so that switching
person does not redraw a chart or reload a list nobody sees.
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
        self.person_id: int | None = None
        # the person each tab was given (a tab made on the context has read it already)
        self._tab_person: list[object] = [getattr(page, "person_id", _NOBODY)
                                          for page in self.pages]
        self.tabs.currentChanged.connect(lambda _index: self._give_person(self.current()))
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
        self.person_id = person_id
        self._give_person(self.current())

    def _give_person(self, page: QWidget | None) -> None:
        if page is None or page not in self.pages or not hasattr(page, "set_person"):
            return
        index = self.pages.index(page)
        if self._tab_person[index] != self.person_id:
            self._tab_person[index] = self.person_id
            page.set_person(self.person_id)

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
            if not hasattr(page, "show_item"):
                continue
            self._give_person(page)
            if page.show_item(type_name, item_id):
                self.tabs.setCurrentIndex(index)
                return True
        return False


_NOBODY = object()  # a tab not given any person yet (None means "no person chosen")
