"""The "Saved" indicator in the window's status bar: nothing typed here waits for a Save.

There is no Save button in the app (every field is written when the user leaves it, long
text after a pause), so a person used to saving needs to see that it happened: "Saved just
now" after every write, undo and redo (each is told on `AppContext.changed`), "Saving…"
while a long write runs on the writer thread (`AppContext.write_started`), the time since
the last save as it grows ("Saved 5 minutes ago", then "Saved at 14:05"), and "Not saved"
after a refused write (`AppContext.write_refused`) until the next save.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP

NOTHING_YET = QT_TRANSLATE_NOOP("saved_indicator", "Everything is saved on this computer.")
REFRESH_MS = 20_000  # the words "just now" / "N minutes ago" are renewed this often


def saved_words(seconds: float, at: time.struct_time) -> str:
    """How long ago the last save was, in words."""
    if seconds < 60:
        return QCoreApplication.translate("saved_indicator", "Saved just now")
    minutes = int(seconds // 60)
    if minutes == 1:
        return QCoreApplication.translate("saved_indicator", "Saved a minute ago")
    if minutes < 60:
        return QCoreApplication.translate(
                   "saved_indicator", "Saved {minutes} minutes ago").format(minutes=minutes)
    return QCoreApplication.translate(
               "saved_indicator", "Saved at {tm_hour:02d}:{tm_min:02d}").format(
               tm_hour=at.tm_hour, tm_min=at.tm_min)


class SavedIndicator(QLabel):
    """A label that says whether and when the last change was saved.

    `clock` gives seconds (monotonic) and `wall` the time of day; tests pass their own.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], time.struct_time] = time.localtime) -> None:
        super().__init__(QCoreApplication.translate("saved_indicator", NOTHING_YET), parent)
        self.setObjectName("savedIndicator")
        self.setAccessibleName(self.tr("Saving status"))
        self._clock = clock
        self._wall = wall
        self._saved_at: float | None = None
        self._saved_wall = wall()
        self._running: set[int] = set()  # the long writes not landed yet
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        context.changed.connect(self._saved)
        context.write_started.connect(self._started)
        context.write_refused.connect(self._refused)
        self._refusal = False  # the last quick write was refused, and nothing saved since

    def _refused(self, _message: str) -> None:
        self._refusal = True
        self.refresh()

    def _saved(self, *_args: Any) -> None:
        self._refusal = False
        self._saved_at = self._clock()
        self._saved_wall = self._wall()
        self._timer.start()
        self.refresh()

    def _started(self, op: Any) -> None:
        key = id(op)
        self._running.add(key)

        def ended(*_args: Any) -> None:
            self._running.discard(key)
            self.refresh()

        for signal in (op.succeeded, op.failed, op.cancelled):
            signal.connect(ended)
        self.refresh()

    def refresh(self) -> None:
        """Say it again in the words that fit how long ago it was."""
        if self._running:
            self.setText(self.tr("Saving…"))
        elif self._refusal:
            self.setText(self.tr("⚠ Not saved: see the note beside the field"))
        elif self._saved_at is None:
            self.setText(QCoreApplication.translate("saved_indicator", NOTHING_YET))
        else:
            self.setText("✔ " + saved_words(self._clock() - self._saved_at, self._saved_wall))
        self.setToolTip(self.tr("Every change is written to this computer as you make it; there "
                                "is nothing to save by hand."))
