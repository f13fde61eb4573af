"""The operations layer: the one way the app writes, and how every view hears of it.

Two ways in, one way out:

- `AppContext.write(description, action, initiator=...)`: a quick write (one field, a
  tick, a question typed in) runs at once on the GUI thread's store. SQLite writes take
  milliseconds, and a refusal must reach the form that shows it beside the field.
- `AppContext.start_write(description, work, initiator=...) -> StoreOp`: a long write (an
  import, dropped files, an imaging disc) runs on the one writer thread (`Writer`), with
  progress and Cancel. Ops wait in one queue and run one after another, so two long
  writes never interleave. Each opens its own `Store` on the same folder (a connection
  belongs to its thread) and closes it when done, so an idle writer never holds the store
  gate that a switch of the whole store waits for; the thread itself ends when the queue
  is empty, so nothing outlives the work.

Either way the `Change` goes on the undo stack as ONE step (an import of 300 items is one
Undo, which takes every item back; Redo restores them) and is emitted as
`changed(change, initiator)`. The view that made a write passes itself as `initiator` and
knows its own write by identity (`initiator is self`); undo and redo come with no
initiator (None), so every view, the one that wrote included, shows them.

`AppContext.broadcast(change, initiator)` tells the views about a change that is not on
the undo stack: the text read from files and scanned pages. It is derived from the files,
not typed by the user: undoing it would only make search forget words that are on the
page, and it would be read again the next time anyway. Reading it is not queued on the
writer either: it takes seconds per page, and an import must not wait behind a scan. Its
short transactions take SQLite's write lock like any other.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from organizer.errors import CancelledError, OrganizerError
from organizer.items.changes import Change
from organizer.progress import Progress
from organizer.storage.store import Store
from organizer.storage.undo import merge, reapply, reverse
from ui.worker import Job


class AppContext(Protocol):
    """What the layer needs of ui.context.AppContext (named here, not imported: the
    context imports this module)."""

    store: Store
    undo_stack: QUndoStack
    writer: Writer
    changed: Any  # Signal(object, object)
    error: Any  # Signal(str)


def _the_change(result: Any) -> Change:
    """The Change of a long write whose work returns just that."""
    if not isinstance(result, Change):
        raise TypeError("a long write returns its Change, or says how to find it")
    return result


class StoreOp(Job):
    """One long write, run on the writer thread; it lands on the GUI thread as one step.

    `work(store, progress)` receives a Store opened for it on the context's data folder
    and returns a Change, or a result from which `change_of(result)` takes it (an
    import's results, one per file; a saved disc).
    The op has the `Job` signals (so the window's status bar shows it like any job), and
    `succeeded(result)` is emitted only after the Change is on the undo stack and every
    view has been told, so a dialog that reacts to it sees the views up to date. The op
    is a child of the context, not of the dialog that started it: a dialog closed while
    the write runs cannot drop the Change on its way to the undo stack.
    """

    # From the writer thread to the GUI thread, connected before the op is queued, so
    # nothing is lost however soon the work ends; the public signals are emitted on the
    # GUI thread, after the caller of `start_write` has connected to them.
    _wrote = Signal(object)  # the work's result
    _stepped = Signal(int, int, str)
    _refused = Signal(str)
    _stopped = Signal()

    def __init__(self, context: AppContext, description: str,
                 work: Callable[[Store, Progress], Any], initiator: object = None,
                 *, undoable: bool = True,
                 change_of: Callable[[Any], Change] = _the_change) -> None:
        root = context.store.root
        parent = context if isinstance(context, QObject) else None
        super().__init__(lambda progress: self._open_and_run(root, progress), parent)
        self.context = context
        self.description = description
        self.initiator = initiator
        self.undoable = undoable
        self._change_of = change_of
        self.result: Any = None
        self.change = Change()
        self.landed = False  # True once the Change is on the undo stack and told
        self._user_work = work
        self._finished = threading.Event()
        self._queued = False
        self._wrote.connect(self._land)
        self._stepped.connect(self.progress)
        self._refused.connect(self._fail)
        self._stopped.connect(self._stop_here)

    def start(self) -> None:
        self._queued = True
        self.context.writer.submit(self)

    def is_running(self) -> bool:
        """True from `start` until the write has landed (or failed, or was cancelled)."""
        return self._queued

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the writer thread to finish this op (its landing comes after, on the
        GUI thread's event loop)."""
        return not self._queued or self._finished.wait(msecs / 1000)

    def _open_and_run(self, root: Path, progress: Progress) -> Any:
        from organizer.opening import open_store

        progress.check()  # cancelled while waiting in the queue: nothing to undo
        with open_store(root) as store:
            return self._user_work(store, progress)

    def _run_here(self) -> None:
        """Run on the writer thread (called by `Writer`)."""
        progress = Progress(lambda d, t, w: self._stepped.emit(d, t, w), self._stop.is_set)
        try:
            result = self._work(progress)
        except CancelledError:
            self._stopped.emit()
        except OrganizerError as exc:
            self._refused.emit(str(exc))
        except Exception as exc:  # a write must never die silently, nor speak Python
            from ui.error_reporting import report_exception

            self._refused.emit(report_exception(exc, "a background write"))
        else:
            self._wrote.emit(result)
        finally:
            self._finished.set()

    def _fail(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _stop_here(self) -> None:
        self._end()
        self.cancelled.emit()

    def _land(self, result: Any) -> None:
        self.result = result
        self.change = self._change_of(result)
        if self.change:
            if self.undoable:
                self.context.undo_stack.push(StoreCommand(
                    self.context, self.description, self.change))
            self.context.changed.emit(self.change, self.initiator)
        self.landed = True
        self._end()
        self.succeeded.emit(result)

    def _end(self) -> None:
        self._queued = False
        self.deleteLater()  # after the signals: the slots run before it goes


class Writer:
    """The one writer thread: a queue of `StoreOp`s run one after another.

    The thread is started by the first op and ends when the queue is empty, so it never
    outlives the work it was given (and a test or a closing window has nothing to stop).
    """

    def __init__(self) -> None:
        self._queue: deque[StoreOp] = deque()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, op: StoreOp) -> None:
        with self._lock:
            self._queue.append(op)
            if self._thread is None:
                self._thread = threading.Thread(target=self._drain, name="store-writer",
                                                daemon=True)
                self._thread.start()

    def pending(self) -> int:
        """How many ops are waiting or running."""
        with self._lock:
            return len(self._queue) + (self._thread is not None)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every op submitted so far has run (the window is closing)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._thread = None
                    return
                op = self._queue.popleft()
            op._run_here()


class StoreCommand(QUndoCommand):
    """One undoable write. The write already happened when the command is pushed."""

    def __init__(self, context: AppContext, description: str, change: Change,
                 merge_key: str | None = None) -> None:
        super().__init__(description)
        # weakly: the context owns the undo stack, which owns this command; a strong
        # reference back made a cycle that Python's garbage collector broke in its own
        # order, deleting commands the stack then cleared again (a crash inside Qt)
        self._context_ref = weakref.ref(context)
        self._change = change
        self._first = True
        self._merge_key = merge_key

    @property
    def _context(self) -> AppContext:
        context = self._context_ref()
        assert context is not None, "an undo step outlived the window's context"
        return context

    def id(self) -> int:
        if self._merge_key is None:
            return -1
        return hash(self._merge_key) & 0x3FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, StoreCommand) or other._merge_key != self._merge_key:
            return False
        self._change = merge(self._change, other._change)
        return True

    def redo(self) -> None:
        if self._first:  # QUndoStack.push calls redo; the write has already run
            self._first = False
            return
        self._run(reapply, "redone")

    def undo(self) -> None:
        self._run(reverse, "undone")

    def _run(self, step: Callable[[Store, Change], Change], word: str) -> None:
        # An exception must not escape into Qt's undo stack: say it in plain words.
        try:
            change = step(self._context.store, self._change)
        except OrganizerError as exc:
            # Nothing was written (one transaction), but the stack has already moved past
            # this step: it can no longer be trusted to undo or redo in order, so it is
            # emptied rather than left out of step with the data.
            self._context.error.emit(QCoreApplication.translate(
                "operations", "“{text}” could not be {word}: {exc} Nothing was changed; the undo "
                "history was cleared.").format(text=self.text(), word=word, exc=exc))
            QTimer.singleShot(0, self._context.undo_stack.clear)
            return
        self._context.changed.emit(change, None)  # no initiator: every view shows it
