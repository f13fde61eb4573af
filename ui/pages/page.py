"""What every page of the window is: the one protocol the window and the tabs talk to.

The window (and a TabbedPage, for its tabs) calls only these methods and connects only
these signals, so a new page says what it does by overriding them, and the window never
has to ask a page whether it has a method (tests/ui/test_page_protocol.py keeps it so).

Signals:
    status(str):            a short message for the status bar.
    job_started(Job, str):  work started in the background, and what it is, for the
                            window's progress bar and Cancel button.
    open_item(str, int):    open an item that lives in another section (type, id).
    add_item(str):          start a new item of this type where it lives (the Overview's
                            first steps: "Add the diagnosis", "Attach records…").

Attributes:
    person_id: the person the page shows (None: nobody chosen). A page made on the
        context reads its person at once, so the window does not reload it again.
    types: the item types whose Changes the page shows (a TabbedPage joins its tabs').
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A section's page. Every method has a default that does nothing, so a page that
    cannot add or delete (the Overview) simply does not override them."""

    status = Signal(str)
    job_started = Signal(object, str)  # (ui.worker.Job, what it does)
    open_item = Signal(str, int)
    add_item = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id: int | None = None
        self.types: frozenset[str] = frozenset()

    def set_person(self, person_id: int | None) -> None:
        """Show this person's items (None: nobody is chosen)."""
        self.person_id = person_id

    def flush(self) -> None:
        """Save what is typed but not saved yet (before undo, a switch, closing)."""

    def unsaved(self) -> list[str]:
        """What could not be saved, one plain sentence each (asked on closing)."""
        return []

    def add_new(self) -> None:
        """Edit › New item: start a new item of the list on screen."""

    def delete_selected(self) -> None:
        """Edit › Delete item: delete the chosen item (undoable)."""

    def show_item(self, type_name: str, item_id: int) -> bool:
        """Select one item of the current person; False if this page does not show it."""
        del type_name, item_id
        return False

    def shown_case(self) -> int | None:
        """The second opinion (case) on screen, which File › Make packet is made for."""
        return None

    def sub_pages(self) -> list[Page]:
        """The pages inside this one (a TabbedPage's tabs), which the window reaches
        through it: their signals arrive as this page's."""
        return []

    def show_sub_page(self, page: Page) -> None:
        """Bring one of `sub_pages()` to the front (nothing to do for a single page)."""
        del page
