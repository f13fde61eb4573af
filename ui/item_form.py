"""An editor for one item, generated from its type's field specs.

There is no Save button to forget: each field reports its new value when the user leaves
it (or, for long text, shortly after they stop typing), through the `edited` signal. The
page that owns the form writes it through `AppContext.write` and, if the store refuses it,
calls `show_error`, which puts the plain-words message right under the field. The typed
text stays in the field, so nothing typed is lost.

Dates are typed as people write them (`ui.date_field.DateField`, read by the core's
`organizer.items.dates`) and reported in ISO; a date that cannot be read is refused here, in
plain words under the field, and reported through `refused` instead of `edited`. A link
to a doctor is a `ui.doctor_chooser.DoctorChooser`: a new doctor can be added in place.

Signals:
    edited(dict): {field name: raw value} for one field the user changed.
    refused(str, str): field name and plain-words message of a value refused before it
        reached the store (a date that is no date).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import ValidationError
from organizer.items.fields import FieldSpec
from organizer.items.models import Item
from ui.context import AppContext
from ui.date_field import DateField
from ui.doctor_chooser import DoctorChooser
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_words import choice_text as choice_label
from ui.item_words import field_help, field_label
from ui.sizing import follow_app_font

TYPING_PAUSE_MS = 700
# Codes from the coding systems (SNOMED, RxNorm, LOINC, ICD-10…): imported files carry
# them and doctors' systems need them, but a person reading the form does not; they wait
# at the end of the form under "More details", closed until asked for.
DETAIL_FIELDS = ("code", "code_system")
_PLACEHOLDERS = {
    "int": QT_TRANSLATE_NOOP("item_form", "a whole number"),
    "number": QT_TRANSLATE_NOOP("item_form", "an amount, e.g. 1250.00"),
}


class ItemForm(QWidget):
    edited = Signal(dict)
    refused = Signal(str, str)

    def __init__(self, cls: type[Item], context: AppContext, parent: QWidget | None = None,
                 fields: list[str] | None = None) -> None:
        super().__init__(parent)
        self.cls = cls
        self.context = context
        self.item: Item | None = None
        self._loading = True  # building fills the choice lists: that is not an edit
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._timers: dict[str, QTimer] = {}
        # under an editor: a date said back in words, the offer to add a typed doctor
        self._below: dict[str, QWidget] = {}
        specs = cls.specs()
        self._specs = {name: specs[name] for name in (fields or list(specs))}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.details_button: QToolButton | None = None
        self._details = [n for n in self._specs if n in DETAIL_FIELDS]
        shown_first = [n for n in self._specs if n not in DETAIL_FIELDS]
        for name in shown_first + self._details:
            spec = self._specs[name]
            if name in self._details and self.details_button is None:
                layout.addRow(self._make_details_button())
            editor = self._make_editor(name, spec)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            follow_app_font(error)  # a style sheet would keep the old size through a zoom
            error.hide()
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            if name in self._below:
                column.addWidget(self._below[name])
            column.addWidget(error)
            label = QLabel(field_label(spec) + (" *" if spec.required else ""))
            label.setBuddy(editor)
            layout.addRow(label, box)
            self._editors[name] = editor
            self._errors[name] = error
        self.show_details(False)
        self._loading = False
        self.adaptive_rows = True  # labels go above the fields when the form is narrow
        self._labels = [layout.labelForField(box) for box in
                        (self._editors[n].parentWidget() for n in self._specs)
                        if box is not None]

    def set_row_wrap(self, policy: QFormLayout.RowWrapPolicy) -> None:
        """Keep one row wrapping policy, whatever the width (a form laid out by hand)."""
        self.adaptive_rows = False
        layout = self.layout()
        if isinstance(layout, QFormLayout):
            layout.setRowWrapPolicy(policy)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if not self.adaptive_rows or not isinstance(layout, QFormLayout):
            return
        # beside their labels, fields need room for about 22 characters; when the form is
        # narrower than that (a small window, a large zoom), each label goes above its field
        labels = max((w.sizeHint().width() for w in self._labels if w is not None),
                     default=0)
        narrow = self.width() < labels + 22 * self.fontMetrics().averageCharWidth()
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if narrow
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        if layout.rowWrapPolicy() != policy:
            layout.setRowWrapPolicy(policy)

    def show_details(self, shown: bool) -> None:
        """Open (or close) "More details": the codes at the end of the form."""
        layout = self.layout()
        if self.details_button is None or not isinstance(layout, QFormLayout):
            return
        for name in self._details:
            box = self._editors[name].parentWidget()
            if box is not None:
                layout.setRowVisible(box, shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)
        if self.details_button.isChecked() != shown:
            self.details_button.setChecked(shown)

    # -- building -----------------------------------------------------------------------

    def _make_details_button(self) -> QToolButton:
        button = self.details_button = QToolButton()
        button.setText(self.tr("More details"))
        button.setAccessibleName(self.tr("More details: the codes from the records"))
        button.setToolTip(self.tr("The codes a doctor's system uses (SNOMED, RxNorm, LOINC…), "
                                  "usually filled in by an import"))
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.toggled.connect(self.show_details)
        return button

    def _make_editor(self, name: str, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind == "longtext":
            text_edit = QPlainTextEdit()
            text_edit.setTabChangesFocus(True)
            text_edit.setMinimumHeight(70)
            text_edit.setMaximumHeight(140)
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(TYPING_PAUSE_MS)
            timer.timeout.connect(lambda n=name: self._emit(n))
            self._timers[name] = timer
            text_edit.textChanged.connect(lambda t=timer: None if self._loading else t.start())
            editor = text_edit
        elif spec.kind == "bool":
            check = QCheckBox(field_help(spec) or "")
            check.toggled.connect(lambda _=False, n=name: self._emit(n))
            editor = check
        elif spec.kind == "ref" and spec.ref == "provider":
            chooser = DoctorChooser(self.context, field_label(spec))
            chooser.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chooser.setMinimumContentsLength(12)
            chooser.chosen.connect(lambda _=None, n=name: self._emit(n))
            self._below[name] = chooser.offer
            editor = chooser
        elif spec.kind in ("enum", "ref"):
            combo = QComboBox()
            # a long choice (a diagnosis, a case's title) is shortened in the closed box and
            # shown whole in the open list: it must not make the whole form wider
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            editor = combo
            if spec.kind == "enum":
                combo.addItem("", None)
                for value in spec.choices:
                    combo.addItem(choice_label(value), value)
            # connected after filling: adding the first choice selects it, which is no edit
            combo.currentIndexChanged.connect(lambda _=0, n=name: self._emit(n))
        elif spec.kind in ("date", "datetime"):
            date_field = DateField(with_time=spec.kind == "datetime", label=field_label(spec),
                                   field=name)
            self._below[name] = date_field.make_reading()
            date_field.editingFinished.connect(lambda n=name: self._emit_if_changed(n))
            editor = date_field
        else:
            line = QLineEdit()
            line.setPlaceholderText(
                QCoreApplication.translate("item_form", _PLACEHOLDERS[spec.kind])
                if spec.kind in _PLACEHOLDERS else field_help(spec))
            line.editingFinished.connect(lambda n=name: self._emit_if_changed(n))
            editor = line
        editor.setAccessibleName(field_label(spec))
        if field_help(spec):
            editor.setToolTip(field_help(spec))
            editor.setAccessibleDescription(field_help(spec))
        editor.setObjectName(f"field_{name}")
        return editor

    def _fill_refs(self) -> None:
        person_id = self.context.person_id
        for name, spec in self._specs.items():
            if spec.kind != "ref" or spec.ref is None:
                continue
            combo = self._editors[name]
            if isinstance(combo, DoctorChooser):
                combo.refill()
                continue
            assert isinstance(combo, QComboBox)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            if person_id is None:
                continue
            for target in self.context.store.list_items(spec.ref, person_id):
                combo.addItem(target.title.splitlines()[0][:80], target.id)

    # -- public -------------------------------------------------------------------------

    def field_names(self) -> list[str]:
        """The fields this form shows, in order."""
        return list(self._specs)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def set_item(self, item: Item | None) -> None:
        """Show an item (or clear the form for a new one) without reporting edits."""
        self._loading = True
        try:
            for timer in self._timers.values():
                timer.stop()
            self.item = item
            self._fill_refs()
            self.clear_errors()
            for name, spec in self._specs.items():
                value = getattr(item, name) if item is not None else None
                self._set_value(name, spec, value)
        finally:
            self._loading = False

    def set_values(self, values: dict[str, Any]) -> None:
        """Put values in some fields (a new item's defaults) without reporting edits."""
        self._loading = True
        try:
            for name, value in values.items():
                if name in self._specs:
                    self._set_value(name, self._specs[name], value)
        finally:
            self._loading = False

    def flush(self) -> None:
        """Report a long text still waiting for its typing pause (before switching items)."""
        for name, timer in self._timers.items():
            if timer.isActive():
                timer.stop()
                self._emit(name)

    def value(self, name: str) -> Any:
        editor = self._editors[name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, DoctorChooser):
            return editor.choice()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, DateField):  # a QLineEdit that answers in ISO
            return editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self._specs}

    def checked_values(self) -> dict[str, Any]:
        """`values()` for a write (a dialog's Save): dates in ISO, or the ValidationError,
        in plain words and naming its field, of the first one that is no date."""
        out = self.values()
        for name, editor in self._editors.items():
            if isinstance(editor, DateField):
                out[name] = editor.parsed()
        return out

    def show_error(self, field: str | None, message: str) -> None:
        label = self._errors.get(field or "")
        if label is None:  # an error not tied to one field goes under the first one
            label = next(iter(self._errors.values()))
        label.setText(message)
        label.show()
        if field in self._details:
            self.show_details(True)  # a refused code is not hidden behind "More details"

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.clear()
            label.hide()

    # -- internals ----------------------------------------------------------------------

    def _set_value(self, name: str, spec: FieldSpec, value: Any) -> None:
        editor = self._editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value) if value is not None else
                              bool(self.cls.__dataclass_fields__[name].default))
        elif isinstance(editor, DoctorChooser):
            editor.set_choice(value)
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, DateField):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            editor.setText("" if value is None else str(value))
            editor.setCursorPosition(0)  # the start of a long value, not its end
            editor.setModified(False)

    def _emit_if_changed(self, name: str) -> None:
        editor = self._editors[name]
        if isinstance(editor, QLineEdit) and not editor.isModified():
            return
        self._emit(name)

    def _emit(self, name: str) -> None:
        if self._loading:
            return
        editor = self._editors[name]
        if isinstance(editor, QLineEdit):
            editor.setModified(False)
        if isinstance(editor, DateField):
            try:
                editor.parsed()
            except ValidationError as exc:  # said here: the store only knows ISO
                self.show_error(name, str(exc))
                self.refused.emit(name, str(exc))
                return
        self.clear_error(name)
        self.edited.emit({name: self.value(name)})
