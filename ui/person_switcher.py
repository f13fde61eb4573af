"""Whose information is shown: one click on a name switches; add and edit people.

A caregiver may keep a parent's, a partner's and a child's care in one place; the list of
people is always in view, so that it is never in doubt whose records are on screen.

Signals:
    add_requested(): the user wants to add a person.
    edit_requested(): the user wants to edit the current person.

The dialog that adds or edits a person is ui/dialogs/person_dialog.py: the switcher is in
the window's first frame, and the dialog's form (ui.item_editor, the table and text
classes it sizes) is loaded only when first opened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.items.changes import Change
from organizer.items.models import Person
from ui.context import AppContext
from ui.first_frame import USER_ROLE, no_sideways_scroll

_MAX_VISIBLE_PEOPLE = 5


class PersonSwitcher(QWidget):
    add_requested = Signal()
    edit_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        heading = QLabel(self.tr("Pe&ople"))  # Alt+O: Alt+P opens the Person menu
        self.list = QListWidget()
        self.list.setObjectName("people")
        self.list.setSpacing(3)
        # a long name is shortened with "…" at its end (a list's default elide mode; the
        # tooltip has it whole), never scrolled sideways
        no_sideways_scroll(self.list)
        self.list.installEventFilter(self)  # a new text size (zoom) needs a new height
        self.list.setAccessibleName(self.tr("People: choose whose information is shown"))
        heading.setBuddy(self.list)
        self.list.currentItemChanged.connect(self._chosen)
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.setAccessibleName(self.tr("Add a person"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(self.tr("Edit details"))
        self.edit_button.setAccessibleName(self.tr("Edit the chosen person's details"))
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        context.changed.connect(self._on_changed)
        context.person_changed.connect(self.select)
        self.reload()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for person in self.context.store.people():
            entry = QListWidgetItem(_label(person))
            entry.setData(USER_ROLE, person.id)
            entry.setToolTip(self.tr("Show {person}'s information").format(person=_label(person)))
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self._fit_height()
        self.list.setVisible(self.list.count() > 0)
        self.select(self.context.person_id)
        self.edit_button.setEnabled(self.context.person_id is not None)

    def _fit_height(self) -> None:
        """Tall enough for every person up to five; more scroll (a caregiver rarely has more)."""
        if not self.list.count():
            self.list.setFixedHeight(0)
            return
        rows = min(self.list.count(), _MAX_VISIBLE_PEOPLE)
        # each row has the spacing above and below it; the last one too
        row_height = self.list.sizeHintForRow(0) + 2 * self.list.spacing()
        self.list.setFixedHeight(rows * row_height + self.list.spacing()
                                 + 2 * self.list.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (the stylesheet's room around each name is known once the list is shown)
        if watched is self.list and event.type() in (QEvent.Type.FontChange,
                                                     QEvent.Type.Show):
            self._fit_height()
        return super().eventFilter(watched, event)

    def select(self, person_id: object) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(USER_ROLE) == person_id:
                self.list.setCurrentItem(entry)
                break
        self.list.blockSignals(False)
        self.edit_button.setEnabled(person_id is not None)

    def person_ids(self) -> list[int]:
        return [self.list.item(r).data(USER_ROLE)
                for r in range(self.list.count())]

    def _chosen(self, entry: QListWidgetItem | None, _previous: object) -> None:
        if entry is not None:
            self.context.set_person(entry.data(USER_ROLE))

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        if "person" in change.types:
            self.reload()


def _label(person: Person) -> str:
    if person.relationship and person.relationship.lower() not in ("self", "me"):
        return f"{person.full_name} ({person.relationship})"
    return person.full_name
