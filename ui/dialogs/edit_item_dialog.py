"""Editing one stored item: a form bound to it, alone or in a small non-modal window.

`BoundItemForm` is an `ItemForm` wired to one stored item: each edit is written through
`AppContext.write` (so it is undoable), a refusal is shown under its field, and when the
item changes elsewhere (an undo, another window) the form shows the new values.
`ItemEditorDialog` puts such a form in a window opened with show(), never exec().

Signals (BoundItemForm):
    saved(object): the Change of an edit the store accepted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import NotFoundError, OrganizerError, ValidationError
from organizer.items.changes import Change
from organizer.items.models import Item, item_type
from ui.context import AppContext
from ui.item_form import ItemForm
from ui.item_words import type_label
from ui.screen_fit import fit_to_screen
from ui.widgets import scrolled


class BoundItemForm(ItemForm):
    saved = Signal(object)

    def __init__(self, type_name: str, context: AppContext, parent: QWidget | None = None,
                 fields: list[str] | None = None) -> None:
        super().__init__(item_type(type_name), context, parent, fields)
        self.type_name = type_name
        self.edited.connect(self._write)
        context.changed.connect(self._on_changed)

    def bind(self, item_id: int | None) -> None:
        """Show the stored item with this id (None: an empty, disabled form)."""
        self.flush()
        item: Item | None = None
        if item_id is not None:
            try:
                item = self.context.store.get(self.type_name, item_id)
            except NotFoundError:
                item = None
        self.set_item(item)
        self.setEnabled(item is not None)

    def _write(self, values: dict[str, Any]) -> None:
        if self.item is None:
            return
        item_id = self.item.id
        label = type_label(self.cls).lower()
        try:
            change = self.context.write(self.tr("Edit {label}").format(label=label),
                                        lambda: self.context.store.update(
                self.type_name, item_id, values), initiator=self)
        except ValidationError as exc:
            self.show_error(exc.field or next(iter(values)), str(exc))
            return
        except OrganizerError as exc:
            self.show_error(next(iter(values)), str(exc))
            return
        for item_change in change.items:
            if item_change.type == self.type_name and item_change.id == item_id:
                self.item = item_change.after
        if change:
            self.saved.emit(change)

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        if initiator is self or self.item is None:  # our own edit: already shown
            return
        for item_change in change.items:
            if item_change.type == self.type_name and item_change.id == self.item.id:
                self.bind(self.item.id)
                return


class ItemEditorDialog(QDialog):
    """A small window editing one item; changes are saved as they are typed."""

    def __init__(self, context: AppContext, type_name: str, item_id: int,
                 parent: QWidget | None = None, fields: list[str] | None = None,
                 intro: str = "") -> None:
        super().__init__(parent)
        cls = item_type(type_name)
        self.setWindowTitle(type_label(cls))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = BoundItemForm(type_name, context, fields=fields)
        self.form.bind(item_id)
        layout.addWidget(scrolled(self.form), 1)
        saved = QLabel(self.tr("Changes are saved as you type."))
        saved.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(saved)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 620, self.parentWidget())
        context.changed.connect(self._on_changed)
        self._type_name = type_name
        self._item_id = item_id

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        # the item was deleted (an undo of its adding): nothing is left to edit
        for item_change in change.items:
            if (item_change.type == self._type_name and item_change.id == self._item_id
                    and item_change.after is None):
                self.close()

    def done(self, result: int) -> None:
        self.form.flush()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        self.form.flush()
        super().closeEvent(event)
