"""Long work off the GUI thread, with progress and Cancel.

`Job` runs a function in a QThread. The function receives an `organizer.progress.Progress`
wired to the job's `progress` signal and to `cancel()`. It must not touch any widget, and
it should open its own `Store` on the same data folder (SQLite in WAL mode lets it write
while the window reads): a store's connection belongs to one thread.

Signals (delivered on the GUI thread):
    progress(int, int, str): done, total, what is being done
    succeeded(object): the function's return value
    failed(str): a message for the user (an OrganizerError's text, or plain words for a
        failure nobody expected, which is also written to the private error log, without
        its values, and shown in the ErrorDialog: see ui.error_reporting)
    cancelled(): the user cancelled; the function stopped and changed nothing
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from organizer.errors import CancelledError, OrganizerError
from organizer.progress import Progress


class Job(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._thread: _Runner | None = None

    def start(self) -> None:
        self._thread = _Runner(self)
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, msecs: int = 30000) -> bool:
        return self._thread is None or bool(self._thread.wait(msecs))

    def _run(self) -> None:
        progress = Progress(lambda d, t, w: self.progress.emit(d, t, w), self._stop.is_set)
        try:
            result = self._work(progress)
        except CancelledError:
            self.cancelled.emit()
        except OrganizerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker must never die silently, nor speak Python
            from ui.error_reporting import report_exception

            self.failed.emit(report_exception(exc, "a background job"))
        else:
            self._done(result)

    def _done(self, result: Any) -> None:
        """Report the result (in the worker's thread; the signal is queued to the GUI)."""
        self.succeeded.emit(result)


class _Runner(QThread):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()
