"""The editor beside a list: an ItemForm that saves itself, for an existing or a new item.

There is no Save button. Each field the user changes is written at once through
`AppContext.write` (so it can be undone), with the editor as the write's initiator: the
page beside it knows the broadcast Change is the editor's own by identity. A new item is a
*draft* until its required fields are filled in: it is added the moment the store accepts
it, and from then on it is edited like any other. A value the store refuses stays in its
field, with the store's message beside it, and is listed by `unsaved()` so that the window
can say so before closing.

Signals:
    created(object): the item a draft became, once the store added it.
    saved(object): the item after a successful edit (or its creation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from organizer.errors import NotFoundError, OrganizerError, ValidationError
from organizer.items.models import Item
from ui.context import AppContext
from ui.format import a_or_an
from ui.item_form import ItemForm
from ui.item_words import field_label, type_label


@dataclass(frozen=True)
class Parked:
    """Typing an editor could not store, kept while the user looks elsewhere."""

    item_id: int | None  # the item it was typed into; None for a new item (`draft`)
    draft: dict[str, Any] | None
    typed: dict[str, Any]  # field -> what was typed and refused
    messages: dict[str, str]  # field -> why it was refused
    lines: tuple[str, ...]  # in plain words, for "not saved" notices


class ItemEditor(QWidget):
    created = Signal(object)
    saved = Signal(object)

    def __init__(self, cls: type[Item], context: AppContext, parent: QWidget | None = None,
                 fields: list[str] | None = None) -> None:
        super().__init__(parent)
        self.cls = cls
        self.context = context
        self.item: Item | None = None
        self.fixed: dict[str, Any] = {}  # values every new item gets (its record, its case)
        self._draft: dict[str, Any] | None = None
        self._refused: dict[str, str] = {}

        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.form = ItemForm(cls, context, fields=fields)
        self.form.edited.connect(self._on_edited)
        self.form.refused.connect(self._refused_by_form)
        self.empty = QLabel(self.tr("Choose {an} in the list, or press “Add {label}” to make a "
                                    "new one.").format(
                                an=a_or_an(type_label(cls).lower()), label=type_label(cls).lower()))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addWidget(self.form)
        column.addWidget(self.empty)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its controls, not on the area
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.show_item(None)

    # -- what is shown ------------------------------------------------------------------

    def show_item(self, item: Item | None) -> None:
        """Show an item to edit (None: nothing chosen). Pending typing is saved first."""
        self.flush()
        self._draft = None
        self._refused.clear()
        self.item = item
        self.form.set_item(item)
        self.form.setVisible(item is not None)
        self.empty.setVisible(item is None)
        self.hint.hide()
        self.heading.setText(f"<b>{_escape(item.title.splitlines()[0][:120])}</b>"
                             if item is not None else "")

    def start_new(self, defaults: Mapping[str, Any] | None = None) -> None:
        """Show an empty form for a new item; it is added once it can be."""
        self.show_item(None)
        self._draft = dict(defaults or {})
        self.form.set_item(None)
        self.form.set_values(self._draft)
        self.form.show()
        self.empty.hide()
        self.heading.setText(self.tr("<b>New {label}</b>").format(
                                 label=type_label(self.cls).lower()))
        specs = self.cls.specs()
        shown = self.form.field_names()
        required = [field_label(specs[n]) for n in shown if specs[n].required]
        if not required:
            self.hint.setText(self.tr("It is saved as soon as you fill in a field."))
        elif len(required) == 1:
            self.hint.setText(self.tr("It is saved as soon as this is filled in: {required}.")
                              .format(required=_words(required)))
        else:
            self.hint.setText(self.tr("It is saved as soon as these are filled in: {required}.")
                              .format(required=_words(required)))
        self.hint.show()
        first = next((n for n in shown if specs[n].required and specs[n].kind != "ref"),
                     shown[0])
        self.form.editor(first).setFocus()

    def is_draft(self) -> bool:
        return self._draft is not None

    def reload(self, item: Item | None) -> None:
        """Show a newer version of the shown item after someone else changed it (undo)."""
        if item is None:
            self.show_item(None)
            return
        if self.item is not None and self.item.id == item.id \
                and item.values() == self.item.values():
            self.item = item  # nothing the form shows changed: keep what is being typed
            return
        self._refused.clear()
        self.item = item
        self.form.set_item(item)
        self.heading.setText(f"<b>{_escape(item.title.splitlines()[0][:120])}</b>")

    # -- saving -------------------------------------------------------------------------

    def flush(self) -> None:
        """Save a long text still waiting for its typing pause."""
        self.form.flush()

    def unsaved(self) -> list[str]:
        """Plain-words lines for what the user typed that is not stored."""
        lines = list(self._refused.values())
        if self._draft:
            typed = {k: v for k, v in self._draft.items() if v not in (None, "", False)}
            if typed:
                lines.append(self.tr("A new {label} is not saved yet: ").format(
                                 label=type_label(self.cls).lower())
                             + (self.hint.text() or self.tr("fill in its required fields.")))
        return lines

    def park(self) -> Parked | None:
        """What was typed here and not stored (a refused value, an unfinished new item),
        taken out of the form to be put back later with `unpark`; None if nothing.

        It stays in memory only: a switch to another person or item must not lose it,
        and a refused value is not written anywhere in plain text."""
        self.flush()
        lines = self.unsaved()
        if not lines:
            return None
        return Parked(
            item_id=self.item.id if self.item is not None and self._draft is None else None,
            draft=dict(self._draft) if self._draft is not None else None,
            typed={name: self.form.value(name) for name in self._refused},
            messages=dict(self._refused), lines=tuple(lines))

    def unpark(self, parked: Parked) -> None:
        """Put parked typing back in the form (the parked item is already shown)."""
        if parked.draft is not None:
            self.start_new(parked.draft)
        self.form.set_values(parked.typed)
        for name, message in parked.messages.items():
            self._refused[name] = message
            self.form.show_error(name, message)

    def _on_edited(self, values: dict[str, Any]) -> None:
        if self._draft is not None:
            self._draft.update(values)
            self._try_add(set(values))
            return
        if self.item is None:
            return
        item_id, type_name = self.item.id, self.cls.TYPE
        label = field_label(self.cls.specs()[next(iter(values))])
        try:
            change = self.context.write(
                self.tr("Change {label} of “{title}”").format(
                    label=label.lower(), title=_short(self.item.title)),
                lambda: self.context.store.update(type_name, item_id, values),
                initiator=self)
        except ValidationError as exc:
            self._refuse(exc, next(iter(values)))
            return
        except NotFoundError:
            self.show_item(None)
            return
        except OrganizerError as exc:
            self._refuse(exc, next(iter(values)))
            return
        for name in values:
            self._refused.pop(name, None)
        if change:
            self.item = change.first.after
            self.saved.emit(self.item)

    def _try_add(self, touched: set[str]) -> None:
        assert self._draft is not None
        values = dict(self._draft, **self.fixed)
        try:
            change = self.context.write(
                f"Add {type_label(self.cls).lower()}",
                lambda: self.context.store.add(self.cls.TYPE, values,
                                               person_id=self.context.person_id),
                initiator=self)
        except ValidationError as exc:
            missing = exc.field and exc.field not in touched and not self._draft.get(exc.field)
            if missing:
                return  # not refused: simply not filled in yet (the hint says so)
            self._refuse(exc, next(iter(touched)))
            return
        except OrganizerError as exc:
            self._refuse(exc, next(iter(touched)))
            return
        item = change.first.after
        self._draft = None
        self._refused.clear()
        self.item = item
        self.hint.hide()
        self.form.item = item
        if item is not None:
            self.heading.setText(f"<b>{_escape(item.title.splitlines()[0][:120])}</b>")
        self.created.emit(item)
        self.saved.emit(item)

    def _refused_by_form(self, field: str, message: str) -> None:
        """A value the form itself could not read (a date): kept, like a store's refusal."""
        self._refused[field] = message

    def _refuse(self, exc: OrganizerError, fallback_field: str) -> None:
        field = (exc.field if isinstance(exc, ValidationError) else None) or fallback_field
        if field not in self.cls.specs():
            field = fallback_field
        message = str(exc)
        self.form.show_error(field, message)
        self._refused[field] = message


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 40 else first[:39] + "…"


def _words(labels: list[str]) -> str:
    names = [f"“{label}”" for label in labels]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

