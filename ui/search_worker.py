"""Searches run off the GUI thread, the newest query winning.

`Searcher` owns one Python thread with its own `Store` on the window's data folder (a
connection belongs to the thread that opened it), opened at the first search and closed
with the window. `ask(generation, text)` replaces whatever query is waiting (only the
newest one is ever run) and interrupts the one running (`sqlite3` allows `interrupt()`
from another thread); each answer comes back through `answered(generation, result)` on
the GUI thread, where the panel drops any answer older than its latest question.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from organizer.errors import OrganizerError
from organizer.storage import db
from organizer.storage.search import SearchHit


@dataclass(frozen=True)
class SearchResult:
    """What one search found, and the people's names its hits need; or why it failed."""

    hits: list[SearchHit] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    error: str = ""


class Searcher(QObject):
    answered = Signal(int, object)  # generation, SearchResult

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._wake = threading.Condition()
        self._waiting: tuple[int, str] | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._conn: Any = None  # the worker's connection, for interrupt()

    def ask(self, generation: int, text: str) -> None:
        """Run `text` next, in place of any query not yet started; stop the running one."""
        with self._wake:
            if self._closed:
                return
            self._waiting = (generation, text)
            self._wake.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="search",
                                                daemon=True)
                self._thread.start()
        self._interrupt()

    def close(self, timeout: float = 10.0) -> None:
        """Stop the thread and close its store (the window is closing)."""
        with self._wake:
            self._closed = True
            self._waiting = None
            self._wake.notify()
            thread = self._thread
        self._interrupt()
        if thread is not None:
            thread.join(timeout)

    def _interrupt(self) -> None:
        conn = self._conn
        if conn is not None:
            try:
                conn.interrupt()
            except db.Error:  # closed meanwhile: nothing is running
                pass

    def _serve(self) -> None:
        from organizer.opening import open_store
        from organizer.storage.store import Store

        store: Store | None = None
        try:
            while True:
                with self._wake:
                    while self._waiting is None and not self._closed:
                        self._wake.wait()
                    if self._closed or self._waiting is None:
                        return
                    generation, text = self._waiting
                    self._waiting = None
                try:
                    if store is None:
                        store = open_store(self._root, sweep=False)
                        self._conn = store.conn
                    result = SearchResult(store.search(text),
                                          {p.id: p.full_name for p in store.people()})
                except OrganizerError as exc:
                    result = SearchResult(error=str(exc))
                except db.Error as exc:
                    if "interrupt" not in str(exc):
                        result = SearchResult(error=self.tr("The search could not be run. "
                                                            "`organizer check` tells whether the "
                                                            "data is damaged."))
                    else:
                        # Interrupted by a newer query (run next), or by one that came just
                        # as this started: then ask again, so the newest always answers.
                        with self._wake:
                            if self._waiting is None and not self._closed:
                                self._waiting = (generation, text)
                        continue
                self.answered.emit(generation, result)
        finally:
            self._conn = None
            if store is not None:
                store.close()
