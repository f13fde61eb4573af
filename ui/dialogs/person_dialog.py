"""Add a person, or edit one (from the people list, the Person menu and the welcome page).

Apart from ui/person_switcher.py, which the window's first frame needs: this form loads
ui.item_editor and the classes it sizes, so it is imported when first opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from organizer.items.models import Person
from ui.context import AppContext
from ui.item_editor import ItemEditor
from ui.screen_fit import fit_to_screen


class PersonDialog(QDialog):
    """Add a person, or edit one; saved as typed (the dialog has no Save button to forget).

    A new person is added as soon as the full name is filled in. Closing with a value the
    store refused, or a new person without a name, first says so; closing again leaves.
    """

    def __init__(self, context: AppContext, person: Person | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("Add a person"))
        fields = [n for n in Person.specs() if person is not None or n != "primary_provider_id"]
        self.editor = ItemEditor(Person, context, fields=fields)
        self.editor.created.connect(self._created)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 640, self.parentWidget())
        self._warned = False
        if person is None:
            self.editor.start_new()
        else:
            self.editor.show_item(person)

    def _created(self, person: Person) -> None:
        self.setWindowTitle(self.tr("Edit person"))
        self.context.set_person(person.id)

    def done(self, result: int) -> None:
        self.editor.flush()
        problems = self.editor.unsaved()
        if problems and not self._warned:
            self._warned = True
            self.warning.setText(self.tr("Not saved yet: ") + " ".join(problems)
                                 + self.tr(" Close again to leave without it."))
            self.warning.show()
            return
        super().done(result)
