"""The app's shared state: the store, the current person, the undo stack, the change bus.

Every page receives the one `AppContext`. Pages write only through it (the operations
layer, ui/operations.py): `write` for a quick write on the GUI thread, `start_write` for a
long one on the writer thread. Both put the `Change` on the undo stack as one step and
emit it on `changed` with the object that asked for the write; each view decides from the
Change whether it must refresh, and knows its own write by identity (no page polls, no
page guesses, no "I am writing" flags).

Signals:
    changed(object, object): an `organizer.items.changes.Change` after any write, undo or redo,
        and its initiator: the view that made the write, or None (undo, redo, a worker).
    person_changed(object): the new current person id (int) or None.
    error(str): an undo or redo the store refused, in plain words.
    write_started(object): a long write (`StoreOp`) was queued; it ends with its own
        succeeded / failed / cancelled (the window's "Saving…").
    write_refused(str): a quick write the store refused (the form shows why, beside the
        field; the window's indicator stops saying "Saved").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.progress import Progress
from organizer.storage.store import Store
from ui.operations import StoreCommand, StoreOp, Writer
from ui.settings import Settings


class AppContext(QObject):
    changed = Signal(object, object)
    person_changed = Signal(object)
    error = Signal(str)
    write_started = Signal(object)
    write_refused = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.writer = Writer()
        # what the app remembers (file dialogs' folders, "Your name"); the main window
        # sets it, and a context without one remembers nothing
        self.settings: Settings | None = None

    def __del__(self) -> None:
        """Empty the undo stack while every part of the context is still whole.

        Qt deletes the stack with the context and clears it then, after Python may have
        already freed what its commands and its signals' receivers hold: a context
        dropped in a garbage collection crashed inside QUndoStack::clear (a test run
        ended with a segmentation fault after every test had passed). Python runs this
        before it breaks any cycle the context is in."""
        try:
            self.undo_stack.clear()
        except (RuntimeError, AttributeError):  # Qt deleted it first; or __init__ failed
            pass

    def set_person(self, person_id: int | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.person_changed.emit(person_id)

    def write(self, description: str, action: Callable[[], Change],
              merge_key: str | None = None, initiator: object = None) -> Change:
        """Run a quick store write as an undoable step; raises the store's errors unchanged.

        The write runs at once (so a ValidationError reaches the caller, which shows it
        beside the field); only a write that changed something is put on the undo stack.
        Consecutive writes with the same `merge_key` (typing saved every half second into
        one answer) become one undo step, so Undo takes back the typing, not one pause.
        """
        try:
            change = action()
        except OrganizerError as exc:
            self.write_refused.emit(str(exc))
            raise
        if change:
            self.undo_stack.push(StoreCommand(self, description, change, merge_key))
            self.changed.emit(change, initiator)
        return change

    def start_write(self, description: str, work: Callable[[Store, Progress], Any],
                    initiator: object = None, *, undoable: bool = True,
                    change_of: Callable[[Any], Change] | None = None) -> StoreOp:
        """Queue a long write on the writer thread and start it; see `StoreOp`.

        Connect to the op's signals before the event loop runs again: its result is
        delivered there, never before this returns.
        """
        op = (StoreOp(self, description, work, initiator, undoable=undoable)
              if change_of is None else
              StoreOp(self, description, work, initiator, undoable=undoable,
                      change_of=change_of))
        op.start()
        self.write_started.emit(op)
        return op

    def broadcast(self, change: Change, initiator: object = None) -> None:
        """Tell every view about a change that is not on the undo stack (the text read
        from files and scanned pages: see ui/operations.py for why)."""
        if change:
            self.changed.emit(change, initiator)
