"""Choosing a doctor, with no dead end when the doctor is not in the care team yet.

Wherever a field links to a doctor (diagnosed by, prescribed by, the opinion's doctor,
the visit's, proposed by, sent to, asked of, answered by, the primary doctor), the form
shows a `DoctorChooser`: the person's care team to pick from, a box to type a name in
(completed as it is typed), and at the end of the list "Add a new doctor…", which opens
a small form (nothing is written until its Save). A typed name that is no one in the
care team is not thrown away: the button under the box offers to add it ("Add “Dr. Lee”
as a new doctor"). Both add the doctor through `AppContext.write` (one undo step) and
then choose them, which the form reports like any other choice.

Signals:
    chosen(object): the id of the doctor the user chose, or None for no one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import OrganizerError, ValidationError
from organizer.items.models import Provider
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_words import field_label
from ui.widgets import error_label

ADD_NEW = "add-new-doctor"  # the data of the list's last entry
ADD_TEXT = QT_TRANSLATE_NOOP("doctor_chooser", "Add a new doctor…")
# what "Add a new doctor…" asks (a hand-made form: an ItemForm here would import itself)
DOCTOR_FIELDS = ["name", "specialty", "facility", "phone"]


class DoctorChooser(QComboBox):
    chosen = Signal(object)

    def __init__(self, context: AppContext, label: str = "Doctor",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.label = label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing adds no list entry
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line
        line.setPlaceholderText(self.tr("Type or choose a name"))
        line.editingFinished.connect(self._typed)
        self.setAccessibleName(label)
        self.activated.connect(self._activated)
        self.currentIndexChanged.connect(self._index_changed)
        self.offer = QPushButton(self.tr("Add as a new doctor"))  # named once a name is typed
        self.offer.setAccessibleName(self.tr("Add the typed name as a new doctor"))
        self.offer.setObjectName("addDoctorOffer")
        self.offer.hide()
        self.offer.clicked.connect(self.add_typed)
        self._chosen: int | None = None
        self._offered = ""
        self.dialog: QWidget | None = None

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        line = self.lineEdit()
        if line is not None:  # the box typed in is the same control to a screen reader
            line.setAccessibleName(self.tr("{name}: type a name").format(name=name))

    # -- the list -----------------------------------------------------------------------

    def refill(self) -> None:
        """The person's care team, then "Add a new doctor…"; the choice is kept."""
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem("", None)
            person_id = self.context.person_id
            if person_id is not None:
                for doctor in self.context.store.list_items("provider", person_id):
                    self.addItem(doctor.title.splitlines()[0][:80], doctor.id)
            self.insertSeparator(self.count())
            self.addItem(QCoreApplication.translate("doctor_chooser", ADD_TEXT), ADD_NEW)
            self.setItemData(self.count() - 1, self.tr("{add_text} to the care team").format(
                                                   add_text=QCoreApplication.translate(
                                                       "doctor_chooser", ADD_TEXT)),
                             Qt.ItemDataRole.AccessibleTextRole)
            self._select(self._chosen)
        finally:
            self.blockSignals(False)

    def set_choice(self, doctor_id: Any) -> None:
        """Show a stored choice (None: no one) without reporting it."""
        self._chosen = doctor_id if isinstance(doctor_id, int) else None
        self.blockSignals(True)
        try:
            self._select(self._chosen)
        finally:
            self.blockSignals(False)
        self._hide_offer()

    def choice(self) -> int | None:
        return self._chosen

    def _select(self, doctor_id: int | None) -> None:
        index = self.findData(doctor_id) if doctor_id is not None else 0
        self.setCurrentIndex(max(index, 0))
        if index < 0 or doctor_id is None:
            self.setEditText("")

    # -- what the user does -------------------------------------------------------------

    def _index_changed(self, index: int) -> None:
        """A choice from the list, the arrow keys or a program (the list's own fillings
        block signals). The arrow keys pass over "Add a new doctor…" without opening it."""
        if self.itemData(index) == ADD_NEW:
            self.set_choice(self._chosen)  # the list's last entry is no doctor
            return
        self._choose(self.itemData(index))

    def _activated(self, index: int) -> None:
        """Picked in the open list (a click, or Enter on it)."""
        if self.itemData(index) == ADD_NEW:
            self.add_new()
            return
        self._choose(self.itemData(index))

    def _typed(self) -> None:
        text = " ".join(self.currentText().split())
        if self.itemData(self.currentIndex()) == ADD_NEW:
            return
        if not text:  # emptied: no one (and the list's place says so too)
            self.blockSignals(True)
            self.setCurrentIndex(0)
            self.blockSignals(False)
            self._choose(None)
            return
        folded = text.casefold()
        for index in range(self.count()):
            data = self.itemData(index)
            if isinstance(data, int) and self.itemText(index).casefold() == folded:
                self.setCurrentIndex(index)
                self._choose(data)
                return
        self._offer(text)

    def _choose(self, doctor_id: Any) -> None:
        doctor_id = doctor_id if isinstance(doctor_id, int) else None
        self._hide_offer()
        if doctor_id == self._chosen:
            return
        self._chosen = doctor_id
        self.chosen.emit(doctor_id)

    def _offer(self, name: str) -> None:
        self._offered = name
        self.offer.setText(self.tr("Add “{name}” as a new doctor").format(name=name))
        self.offer.setAccessibleName(self.tr("Add {name} to the care team as a new doctor").format(
                                         name=name))
        self.offer.setToolTip(self.tr("“{name}” is not in the care team yet").format(name=name))
        self.offer.show()

    def _hide_offer(self) -> None:
        self._offered = ""
        self.offer.hide()

    def add_typed(self) -> None:
        """Add the typed name as a doctor of this person, and choose them."""
        name, person_id = self._offered, self.context.person_id
        if not name or person_id is None:
            return
        try:
            change = self.context.write(self.tr("Add doctor “{name}”").format(name=name),
                                        lambda: self.context.store.add(
                "provider", {"name": name}, person_id=person_id))
        except OrganizerError as exc:
            self.offer.setText(str(exc))
            return
        self._added(change.first.after)

    def add_new(self) -> None:
        """Open the small form for a new doctor; Save adds and chooses them."""
        dialog = NewDoctorDialog(self.context, self._offered, self.window())
        dialog.added.connect(self._added)
        self.dialog = dialog
        dialog.open()

    def _added(self, doctor: Any) -> None:
        if doctor is None:
            return
        self.refill()
        self.setCurrentIndex(max(self.findData(doctor.id), 0))
        self._choose(doctor.id)
        self.setFocus()


class NewDoctorDialog(QDialog):
    """Name, specialty, facility and phone of a new doctor; Save adds them (one undo
    step), Cancel adds nothing.

    Signals:
        added(object): the new Provider.
    """

    added = Signal(object)

    def __init__(self, context: AppContext, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Add a new doctor"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Who are they? Only the name is needed now; the rest can be added "
                               "later in Care team."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # room at any zoom
        specs = Provider.specs()
        self.lines: dict[str, QLineEdit] = {}
        for field in DOCTOR_FIELDS:
            line = QLineEdit()
            line.setAccessibleName(field_label(specs[field]))
            line.setObjectName(f"field_{field}")
            label = QLabel(field_label(specs[field]) + (" *" if specs[field].required else ""))
            label.setBuddy(line)
            form.addRow(label, line)
            self.lines[field] = line
        self.lines["name"].setText(name)
        self.lines["name"].setPlaceholderText(self.tr("e.g. Dr. Maria Lopez"))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the new doctor"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel: add no doctor"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(max(480, 44 * self.fontMetrics().averageCharWidth()),
                        int(screen.width() * 0.9)), self.sizeHint().height())
        self.lines["name"].setFocus()

    def save(self) -> None:
        values = {field: line.text() for field, line in self.lines.items()}
        person_id = self.context.person_id
        try:
            change = self.context.write(
                self.tr("Add doctor “{values}”").format(values=values['name'].strip()),
                lambda: self.context.store.add("provider", values, person_id=person_id))
        except (ValidationError, OrganizerError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.added.emit(change.first.after)
        self.accept()
