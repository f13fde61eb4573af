"""The ten steps of a second opinion: tick, the day it was done, and a note per step.

Ticking a step fills in today's date (the user may change it); unticking clears it.
Every change is one undoable write.

A step's words are a word-wrapped label beside a box without text, so that a long step
takes two lines instead of squeezing the note column; clicking the words ticks the box,
as clicking a check box's own text would.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from organizer.care.case_summary import checklist_progress
from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.items.models import Checklist
from ui.context import AppContext
from ui.date_field import DateField
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.case_common import Today
from ui.widgets import error_label, heading, hint

NOTE_HINTS = {  # translated where shown
    2: QT_TRANSLATE_NOOP("case_checklist", "Who you spoke to, when, and the reference number"),
    4: QT_TRANSLATE_NOOP("case_checklist", "What was sent, how, and any tracking number"),
}


class StepLabel(QLabel):
    """A step's words: they wrap, and a click on them ticks the step's box."""

    clicked = Signal()

    def __init__(self, check: QCheckBox) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setBuddy(check)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._pressed = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.button() == Qt.MouseButton.LeftButton
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pressed and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        self._pressed = False
        event.accept()


class StepDate(DateField):
    """A step's day done, typed as the user writes dates (or picked on the calendar): as
    wide as such a date and the calendar button at the current text size, no wider."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        hint.setWidth(metrics.horizontalAdvance("00 Mmm 0000") + 3 * metrics.averageCharWidth()
                      + metrics.height() + 8)
        return hint

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class _StepRow:
    """The widgets of one step (kept, not rebuilt, so typing is never interrupted)."""

    def __init__(self, grid: QGridLayout, row: int) -> None:
        row += 1  # row 0 holds the column titles
        self.step_id = 0
        self.check = QCheckBox()
        self.label = StepLabel(self.check)
        self.label.clicked.connect(self._label_clicked)
        self.done_on = StepDate(label=QCoreApplication.translate("case_checklist", "Date done"),
                                field="done_on")
        self.done_on.setPlaceholderText(QCoreApplication.translate("case_checklist", "date done"))
        # as wide as a typed date needs at the current text size, no wider
        self.done_on.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.note = QLineEdit()
        self.check.setAccessibleName(QCoreApplication.translate(
                                         "case_checklist", "Step {row} done").format(row=row))
        self.done_on.setAccessibleName(QCoreApplication.translate(
                                           "case_checklist", "Step {row}: date done").format(
                                           row=row))
        self.note.setAccessibleName(QCoreApplication.translate(
                                        "case_checklist", "Step {row}: note").format(row=row))
        self.error = error_label()
        grid.addWidget(self.check, row * 2, 0)
        grid.addWidget(self.label, row * 2, 1)
        grid.addWidget(self.done_on, row * 2, 2)
        grid.addWidget(self.note, row * 2, 3)
        grid.addWidget(self.error, row * 2 + 1, 1, 1, 3)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.check, self.label, self.done_on, self.note)

    def _label_clicked(self) -> None:
        if self.check.isEnabled():
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
            self.check.toggle()

    def show(self, step: Checklist) -> None:
        self.step_id = step.id
        self.check.blockSignals(True)
        self.check.setChecked(step.done)
        self.check.blockSignals(False)
        self.label.setText(f"{step.step}. {step.label or ''}")
        self.check.setAccessibleName(QCoreApplication.translate(
                                         "case_checklist", "Step {step} done").format(
                                         step=step.step))
        self.check.setAccessibleDescription(step.label or "")
        self.done_on.setAccessibleName(QCoreApplication.translate(
                                           "case_checklist", "Step {step}: date done").format(
                                           step=step.step))
        self.note.setAccessibleName(QCoreApplication.translate(
                                        "case_checklist", "Step {step}: note").format(
                                        step=step.step))
        hint_text = NOTE_HINTS.get(step.step or 0)
        self.note.setPlaceholderText(
            QCoreApplication.translate("case_checklist", hint_text) if hint_text
            else QCoreApplication.translate("case_checklist", "Note"))
        for editor, value in ((self.done_on, step.done_on), (self.note, step.note)):
            if editor.hasFocus() and editor.isModified():
                continue  # the user is typing here: their text wins
            if editor is self.done_on:
                self.done_on.set_value(value)  # in the user's own way of writing dates
                continue
            editor.setText(value or "")
            editor.setCursorPosition(0)  # show the start of a long note, not its end
            editor.setModified(False)


class CaseChecklist(QWidget):
    """The checklist tab of the case page."""

    def __init__(self, context: AppContext, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.case_id: int | None = None
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setRange(0, 10)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v of %m steps done"))
        self.progress.setAccessibleName(self.tr("Checklist progress"))
        layout.addWidget(self.progress)
        layout.addWidget(hint(self.tr("Tick a step when it is done; today's date is filled in for "
                                      "you. Use the note for names, dates and reference numbers.")))
        body = QWidget()
        self.grid = QGridLayout(body)
        # the step's words and the note share the width; the box and the date take
        # what they need
        self.grid.setColumnStretch(1, 9)
        self.grid.setColumnStretch(3, 8)
        self.grid.setVerticalSpacing(6)
        for column, title in ((1, self.tr("Step")), (2, self.tr("Done on")), (3, self.tr("Note"))):
            self.grid.addWidget(heading(title, 1.0), 0, column)
        self.rows = [_StepRow(self.grid, i) for i in range(10)]
        for row in self.rows:
            row.check.toggled.connect(lambda on, r=row: self._tick(r, on))
            row.done_on.editingFinished.connect(lambda r=row: self._edit(r, "done_on"))
            row.note.editingFinished.connect(lambda r=row: self._edit(r, "note"))
        self.grid.setRowStretch(30, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its controls, not on the area
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        steps = checklist_progress(self.context.store, self.case_id).steps if self.case_id \
            else ()
        for index, row in enumerate(self.rows):
            visible = index < len(steps)
            for widget in row.widgets():
                widget.setVisible(visible)
            if visible:
                row.show(steps[index])
            else:
                row.error.hide()
        done = sum(1 for s in steps if s.done)
        self.progress.setRange(0, max(len(steps), 1))
        self.progress.setValue(done)

    def done_count(self) -> int:
        return self.progress.value()

    def handles(self, change: Change) -> bool:
        return change.touches("checklist")

    # -- writes -------------------------------------------------------------------------

    def _tick(self, row: _StepRow, on: bool) -> None:
        store = self.context.store
        step_id = row.step_id
        step = store.get("checklist", step_id)
        assert isinstance(step, Checklist)
        values: dict[str, object] = {"done": on}
        if on and not step.done_on:
            values["done_on"] = self.today().isoformat()
        if not on:
            values["done_on"] = None
        what = self.tr("Tick") if on else self.tr("Untick")
        self.context.write(f"{what} step {step.step}",
                           lambda: store.update("checklist", step_id, values))

    def _edit(self, row: _StepRow, field: str) -> None:
        editor = row.done_on if field == "done_on" else row.note
        if not editor.isModified():
            return
        editor.setModified(False)
        step_id = row.step_id
        text: str | None = editor.text()
        try:
            if field == "done_on":  # as the user wrote it -> ISO, or why not
                text = row.done_on.parsed()
            self.context.write(self.tr("Edit checklist step"), lambda: self.context.store.update(
                "checklist", step_id, {field: text}))
        except OrganizerError as exc:
            row.error.setText(str(exc))
            row.error.show()
            return
        row.error.hide()
        self.refresh()

