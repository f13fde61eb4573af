"""One search field for everything (Ctrl+F): items and the text of attached files.

Results appear under the field as the user types (after a short pause); Enter or a click
opens the item found: the window switches to its person and section and selects it.
Escape clears the search. The query runs off the GUI thread (ui/search_worker.py), so
a long one never freezes the window; a newer query replaces an older one, whose answer
is dropped. Enter pressed before the answer came opens the first hit when it comes.

Signals:
    open_requested(str, int, int): type, item id, person id of the chosen hit.
    active_changed(bool): results are shown (True) or the search was cleared (False).
    shown(list): the hits of the latest query, once they are on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from organizer.models import TYPES
from ui.context import AppContext
from ui.first_frame import USER_ROLE
from ui.search_worker import Searcher, SearchResult

if TYPE_CHECKING:
    from ui.empty_state import EmptyState

TYPING_PAUSE_MS = 250


class SearchPanel(QWidget):
    open_requested = Signal(str, int, int)
    active_changed = Signal(bool)
    shown = Signal(list)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search everything (Ctrl+F)")
        self.field.setAccessibleName("Search everything")
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.open_first)
        self.field.installEventFilter(self)
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._open)
        self.results.itemClicked.connect(self._open)
        self.results.installEventFilter(self)
        self.results.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.nothing: EmptyState | None = None  # what a search without a hit says
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self._searcher = Searcher(context.store.dirs.root, self)
        self._searcher.answered.connect(self._answered)
        self._asked = 0          # the generation of the latest query
        self._answered_to = 0    # the generation whose hits are on screen
        self._open_on_answer = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.note)
        layout.addWidget(self.results, 1)

    def focus(self) -> None:
        from PySide6.QtCore import Qt

        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self.field.clear()

    def _typed(self, text: str) -> None:
        if text and not self.field.isClearButtonEnabled():
            # on the first keystroke, not before the window shows: the button's icon
            # comes from the style (4 ms), and it is shown only once there is text
            self.field.setClearButtonEnabled(True)
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._asked += 1  # an answer still on its way is for a search now cleared
            self._answered_to = self._asked
            self._open_on_answer = False
            self.results.clear()
            self.results.hide()
            self.note.hide()
            self._show_nothing_found("")
            self.active_changed.emit(False)

    def run(self) -> None:
        """Search now (the typing pause calls this), off the GUI thread; `shown` follows."""
        self._timer.stop()
        text = self.field.text().strip()
        self._asked += 1
        if not text:
            self._answered(self._asked, SearchResult())
            return
        self._searcher.ask(self._asked, text)

    def searching(self) -> bool:
        """A query was asked whose answer is not on screen yet."""
        return self._answered_to != self._asked

    def shutdown(self) -> None:
        """Stop the search thread and close its store (the window is closing)."""
        self._timer.stop()
        self._searcher.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _answered(self, generation: int, result: SearchResult) -> None:
        if generation != self._asked:
            return  # a newer query was asked: its answer is the one to show
        self._answered_to = generation
        from PySide6.QtCore import Qt

        text = self.field.text().strip()
        hits, names = result.hits, result.names
        self.results.clear()
        for hit in hits:
            kind = TYPES[hit.type].LABEL
            whose = "" if hit.person_id == self.context.person_id else \
                f" · {names.get(hit.person_id, '')}"
            snippet = " ".join(hit.snippet.replace("[", "").replace("]", "").split())
            first_line = hit.title.splitlines()[0] if hit.title else kind
            entry = QListWidgetItem(f"{first_line[:80]}\n{kind}{whose}")
            entry.setToolTip(snippet)
            entry.setData(USER_ROLE, (hit.type, hit.id, hit.person_id))
            entry.setData(Qt.ItemDataRole.AccessibleTextRole,
                          f"{kind}: {first_line[:80]}{whose}")
            self.results.addItem(entry)
        nothing = bool(text) and not hits and not result.error
        self.note.setText(result.error if result.error else
                          f"{len(hits)} found. Press Enter to open the first." if hits else "")
        self.note.setVisible(bool(text) and not nothing)
        self._show_nothing_found(text if nothing else "")
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)
        self.active_changed.emit(bool(text))
        self.shown.emit(list(hits))
        if self._open_on_answer:
            self._open_on_answer = False
            self.open_first()

    def _show_nothing_found(self, text: str) -> None:
        """A search without a hit says so and what to try, with a button to clear it."""
        if not text:
            if self.nothing is not None:
                self.nothing.hide()
            return
        if self.nothing is None:  # made on the first search without a hit, not at start-up
            from ui.empty_state import EmptyState

            self.nothing = EmptyState()
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.note) + 1, self.nothing)
        self.nothing.set_state(f"Nothing found for “{text}”. Check the spelling, or try "
                               "fewer or shorter words.", "Clear the search", self.clear)
        self.nothing.show()

    def open_first(self) -> None:
        if self._timer.isActive():
            self.run()
        if self.searching():
            self._open_on_answer = True  # opened when the answer comes
            return
        if self.results.count():
            self._open(self.results.currentItem() or self.results.item(0))

    def _open(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        type_name, item_id, person_id = entry.data(USER_ROLE)
        self.open_requested.emit(type_name, item_id, person_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt  # (not before the first frame: ui/first_frame.py)

            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if watched is self.field and key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                return True
        return bool(super().eventFilter(watched, event))
