"""The app's shared state: the store, the current person, the undo stack, the change bus.

Every page receives the one `AppContext`. Pages write only through `AppContext.write`,
which runs a store write as an undoable command and then broadcasts the returned `Change`
on `changed`; each page decides from the Change whether it must refresh (no page polls,
no page guesses).

Signals:
    changed(object): a `organizer.changes.Change` after any write, undo or redo.
    person_changed(object): the new current person id (int) or None.
    error(str): an undo or redo the store refused, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from organizer.changes import Change
from organizer.errors import OrganizerError
from organizer.store import Store
from organizer.undo import merge, reapply, reverse


class AppContext(QObject):
    changed = Signal(object)
    person_changed = Signal(object)
    error = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id: int | None = None
        self.undo_stack = QUndoStack(self)

    def set_person(self, person_id: int | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.person_changed.emit(person_id)

    def write(self, description: str, action: Callable[[], Change],
              merge_key: str | None = None) -> Change:
        """Run a store write as an undoable step; raises the store's errors unchanged.

        The write runs at once (so a ValidationError reaches the caller, which shows it
        beside the field); only a write that changed something is put on the undo stack.
        Consecutive writes with the same `merge_key` (typing saved every half second into
        one answer) become one undo step, so Undo takes back the typing, not one pause.
        """
        change = action()
        if change:
            self.undo_stack.push(_StoreCommand(self, description, change, merge_key))
            self.changed.emit(change)
        return change

    def broadcast(self, change: Change) -> None:
        """Tell every view about a change made outside `write` (an import in a worker)."""
        if change:
            self.changed.emit(change)


class _StoreCommand(QUndoCommand):
    """One undoable write. The write already happened when the command is pushed."""

    def __init__(self, context: AppContext, description: str, change: Change,
                 merge_key: str | None = None) -> None:
        super().__init__(description)
        self._context = context
        self._change = change
        self._first = True
        self._merge_key = merge_key

    def id(self) -> int:
        if self._merge_key is None:
            return -1
        return hash(self._merge_key) & 0x3FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _StoreCommand) or other._merge_key != self._merge_key:
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
            self._context.error.emit(f"“{self.text()}” could not be {word}: {exc} "
                                     "Nothing was changed; the undo history was cleared.")
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._context.undo_stack.clear)
            return
        self._context.changed.emit(change)
