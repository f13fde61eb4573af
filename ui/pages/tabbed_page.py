"""A section made of several lists shown as tabs (Medications & allergies; History).

It passes the page protocol (set_person, flush, add_new, show_item…) to its tabs and their
signals out, so the window treats it like any other page. A new person is given to the tab
on screen at once and to each other tab when it is shown (or asked to show an item), so
that switching person does not redraw a chart or reload a list nobody sees.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.pages.page import Page


class TabbedPage(Page):
    def __init__(self, tabs: list[tuple[str, Page]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: list[Page] = []
        for label, page in tabs:
            self.tabs.addTab(page, label)
            self.pages.append(page)
            page.status.connect(self.status)
            page.job_started.connect(self.job_started)
            page.open_item.connect(self.open_item)
            page.add_item.connect(self.add_item)
            self.types |= page.types
        # the person each tab was given (a tab made on the context has read it already)
        self._tab_person: list[int | None] = [page.person_id for page in self.pages]
        self.tabs.currentChanged.connect(lambda _index: self._give_person(self.current()))
        self.tabs.setAccessibleName(self.tr("Parts of this section"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def current(self) -> Page | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, Page) else None

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self._give_person(self.current())

    def _give_person(self, page: Page | None) -> None:
        if page is None or page not in self.pages:
            return
        index = self.pages.index(page)
        if self._tab_person[index] != self.person_id:
            self._tab_person[index] = self.person_id
            page.set_person(self.person_id)

    def flush(self) -> None:
        for page in self.pages:
            page.flush()

    def unsaved(self) -> list[str]:
        return [line for page in self.pages for line in page.unsaved()]

    def add_new(self) -> None:
        page = self.current()
        if page is not None:
            page.add_new()

    def delete_selected(self) -> None:
        page = self.current()
        if page is not None:
            page.delete_selected()

    def show_item(self, type_name: str, item_id: int) -> bool:
        for index, page in enumerate(self.pages):
            self._give_person(page)
            if page.show_item(type_name, item_id):
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def sub_pages(self) -> list[Page]:
        return list(self.pages)

    def show_sub_page(self, page: Page) -> None:
        if page in self.pages:
            self.tabs.setCurrentWidget(page)
