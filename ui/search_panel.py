"""One search field for everything (Ctrl+F): items and the text of attached files.

Results appear as the user types (after a short pause) in a panel of their own
(ui/search_results.py), which the window shows in the page's place: each result with its
title, what it is and whose, and the words around the match. Enter or a click opens the
item found: the window switches to its person and section and selects it. Escape clears
the search, and the page comes back. The query runs off the GUI thread
(ui/search_worker.py), so a long one never freezes the window; a newer query replaces an
older one, whose answer is dropped. Enter pressed before the answer came opens the first
hit when it comes.

Signals:
    open_requested(str, int, int): type, item id, person id of the chosen hit.
    active_changed(bool): results are to be shown (True) or the search was cleared (False).
    shown(list): the hits of the latest query, once they are on screen.
    panel_made(QWidget): the results panel, made at the first search, for the window to
        place (its modules are not loaded before the window's first frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.first_frame import USER_ROLE

if TYPE_CHECKING:
    from ui.search_results import SearchResults
    from ui.search_worker import Searcher, SearchResult

TYPING_PAUSE_MS = 250


class SearchPanel(QWidget):
    open_requested = Signal(str, int, int)
    active_changed = Signal(bool)
    shown = Signal(list)
    panel_made = Signal(QWidget)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search everything (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search everything"))
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self.open_first)
        self.field.installEventFilter(self)
        self._panel: SearchResults | None = None  # made at the first search
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self._searcher_made: Searcher | None = None  # with its thread, at the first search
        self._asked = 0          # the generation of the latest query
        self._answered_to = 0    # the generation whose hits are on screen
        self._open_on_answer = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)

    @property
    def nothing(self) -> QWidget | None:
        """What a search without a hit says (None before the first search)."""
        return None if self._panel is None else self._panel.nothing

    @property
    def results_panel(self) -> SearchResults:
        """The panel the results are shown in (made the first time it is asked for)."""
        if self._panel is None:
            from ui.search_results import SearchResults

            self._panel = SearchResults()
            self._panel.results.itemActivated.connect(self._open)
            self._panel.results.itemClicked.connect(self._open)
            self._panel.results.installEventFilter(self)
            self.panel_made.emit(self._panel)
        return self._panel

    @property
    def panel_if_made(self) -> SearchResults | None:
        """The results panel, or None before the first search (asking does not make it)."""
        return self._panel

    @property
    def results(self) -> QListWidget:
        return self.results_panel.results

    @property
    def note(self) -> QLabel:
        return self.results_panel.note

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
            if self._panel is not None:
                self._panel.show_hits([], {})
                self.note.setText("")
            self.active_changed.emit(False)

    def run(self) -> None:
        """Search now (the typing pause calls this), off the GUI thread; `shown` follows."""
        self._timer.stop()
        text = self.field.text().strip()
        self._asked += 1
        if not text:
            from ui.search_worker import SearchResult

            self._answered(self._asked, SearchResult())
            return
        self._searcher.ask(self._asked, text)

    @property
    def _searcher(self) -> Searcher:
        """The search thread's end here, made at the first search (its module is not
        needed for the window's first frame)."""
        if self._searcher_made is None:
            from ui.search_worker import Searcher

            self._searcher_made = Searcher(self.context.store.dirs.root, self)
            self._searcher_made.answered.connect(self._answered)
        return self._searcher_made

    def searching(self) -> bool:
        """A query was asked whose answer is not on screen yet."""
        return self._answered_to != self._asked

    def shutdown(self) -> None:
        """Stop the search thread and close its store (the window is closing)."""
        self._timer.stop()
        if self._searcher_made is not None:
            self._searcher_made.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _answered(self, generation: int, result: SearchResult) -> None:
        if generation != self._asked:
            return  # a newer query was asked: its answer is the one to show
        self._answered_to = generation
        text = self.field.text().strip()
        hits = result.hits
        self.results_panel.show_hits(hits, result.names)
        count = len(hits)
        self.note.setText(result.error if result.error else
                          self.tr("{count} found for “{text}”. Press Enter to open the first, or "
                                  "choose one; Escape goes back.").format(
                                      count=count, text=text) if hits else "")
        if text and not hits and not result.error:
            self.results_panel.show_nothing(text, self.clear)
        self.active_changed.emit(bool(text))
        self.shown.emit(list(hits))
        if self._open_on_answer:
            self._open_on_answer = False
            self.open_first()

    def open_first(self) -> None:
        if self._timer.isActive():
            self.run()
        if self.searching():
            self._open_on_answer = True  # opened when the answer comes
            return
        if self._panel is not None and self.results.count():
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
            if watched is self.field and key == Qt.Key.Key_Down and self._panel is not None \
                    and self.results.count():
                self.active_changed.emit(True)  # (the panel may have made way for a page)
                self.results.setFocus()
                return True
        elif event.type() == QEvent.Type.FocusIn and watched is self.field \
                and self.field.text().strip() and self._panel is not None \
                and not self.searching():
            self.active_changed.emit(True)  # back in the field: its results come back
        return bool(super().eventFilter(watched, event))
