"""A dialog that adds one item, and writes nothing until Save.

"Add an opinion…", "Plan a visit…" and "Add a new doctor…" open it: the form is empty
(or holds a few defaults), Cancel or closing the window leaves the store as it was, and
Save makes the item in one undoable write. A refusal (a required field left empty, a
date that is no date) is said under its field and the dialog stays open with what was
typed. It is shown with show()/open(), never exec().

Signals:
    added(object): the new item, once the store has it (the dialog then closes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import OrganizerError, ValidationError
from organizer.items.models import item_type
from ui.context import AppContext
from ui.item_form import ItemForm
from ui.item_words import type_label
from ui.widgets import scrolled


class NewItemDialog(QDialog):
    added = Signal(object)

    def __init__(self, context: AppContext, type_name: str, fields: list[str],
                 parent: QWidget | None = None, *, fixed: Mapping[str, Any] | None = None,
                 defaults: Mapping[str, Any] | None = None, intro: str = "",
                 title: str = "") -> None:
        super().__init__(parent)
        cls = item_type(type_name)
        self.context = context
        self.type_name = type_name
        self.fixed = dict(fixed or {})  # what the new item gets without a field (its case)
        self.setWindowTitle(title or self.tr("Add {label}").format(label=type_label(cls).lower()))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = ItemForm(cls, context, fields=fields)
        self.form.set_item(None)
        # the type's own defaults first (a visit is "planned"), then the caller's
        starting = {f: cls.__dataclass_fields__[f].default for f in fields
                    if cls.specs()[f].kind != "ref"
                    and cls.__dataclass_fields__[f].default not in (None, "")}
        self.form.set_values(dict(starting, **dict(defaults or {})))
        layout.addWidget(scrolled(self.form), 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setAccessibleName(self.tr("Save the new {label}").format(
                                               label=type_label(cls).lower()))
        self.cancel_button.setAccessibleName(self.tr("Cancel: add nothing"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fit_to_screen()
        self.item: Any = None
        first = next((n for n in fields if cls.specs()[n].kind != "bool"), fields[0])
        self.form.editor(first).setFocus()

    def _fit_to_screen(self) -> None:
        """As tall as the form (it scrolls beyond most of the screen), about 46
        characters wide."""
        screen = self.screen().availableGeometry()
        metrics = self.fontMetrics()
        width = min(max(560, 46 * metrics.averageCharWidth()), int(screen.width() * 0.9))
        wanted = self.form.sizeHint().height() + 4 * metrics.height() + 60
        height = min(max(wanted, 320), int(screen.height() * 0.9))
        self.resize(width, height)

    def save(self) -> None:
        """Add the item from what is typed; on a refusal say why and stay open."""
        try:
            values = dict(self.form.checked_values(), **self.fixed)
        except ValidationError as exc:
            self.form.show_error(exc.field, str(exc))
            return
        self.form.clear_errors()
        label = type_label(item_type(self.type_name)).lower()
        person_id = self.context.person_id
        try:
            change = self.context.write(f"Add {label}", lambda: self.context.store.add(
                self.type_name, values, person_id=person_id))
        except ValidationError as exc:
            field = exc.field if exc.field in self.form.field_names() else None
            self.form.show_error(field, str(exc))
            return
        except OrganizerError as exc:
            self.form.show_error(None, str(exc))
            return
        self.item = change.first.after
        self.added.emit(self.item)
        self.accept()
