"""Visit mode: a calm, large-type screen for use during the appointment.

The questions of the visit (and of its second opinion) in order, each with "Asked" to
tick and room to type the answer, and a notes pane for the visit's notes. Nothing typed
here may be lost: each text is written to the database shortly after the user pauses
(SAVE_PAUSE_MS), and at the latest SAVE_AT_MOST_MS after the first unsaved keystroke
while they keep typing, and at once when a field loses focus or the window is hidden,
deactivated or closed. Each write is a committed SQLite transaction, so a crash or a
power cut after that loses nothing. Typing into one answer is one undo step.

Typing an answer ticks "Asked" and notes today as the day it was answered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organizer.care.attention import long_date
from organizer.care.case_summary import visit_day
from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.items.models import Question, Visit
from organizer.storage.store import Store
from ui.context import AppContext
from ui.screen_fit import fit_to_screen

SAVE_PAUSE_MS = 400
SAVE_AT_MOST_MS = 900
TEXT_SCALE = 1.45


def visit_questions(store: Store, visit: Visit) -> list[Question]:
    """The visit's questions in their order (one rule: organizer.visit_questions)."""
    from organizer.care import visit_questions as rule

    return rule.for_visit((q for q in store.list_items("question", visit.person_id)
                           if isinstance(q, Question)), visit)


def _scaled(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


class _QuestionBox(QFrame):
    """One question: its number and words, "Asked", and the answer typed under it."""

    def __init__(self, number: int, question: Question) -> None:
        super().__init__()
        self.question_id = question.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.text = QLabel(f"{number}.  {question.text}")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _scaled(self.text, TEXT_SCALE, bold=True)
        self.asked = QCheckBox(self.tr("Asked"))
        _scaled(self.asked, TEXT_SCALE * 0.9)
        self.asked.setStyleSheet("QCheckBox::indicator { width: 22px; height: 22px; }")
        self.asked.setAccessibleName(self.tr("Question {number} asked").format(number=number))
        top.addWidget(self.text, 1)
        top.addWidget(self.asked, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("Type the answer here"))
        self.answer.setAccessibleName(self.tr("Answer to question {number}").format(number=number))
        _scaled(self.answer, TEXT_SCALE * 0.9)
        self.answer.setMinimumHeight(90)
        self.answer.setMaximumHeight(140)
        layout.addWidget(self.answer)
        self.show_question(question)

    def show_question(self, question: Question) -> None:
        self.asked.blockSignals(True)
        self.asked.setChecked(question.asked)
        self.asked.blockSignals(False)


class VisitModeWindow(QWidget):
    """The visit mode window for one visit (a top-level window, closed with Esc too)."""

    def __init__(self, ctx: AppContext, visit_id: int, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = ctx
        self.visit_id = visit_id
        self.today = today or date.today
        self._dirty: dict[str, str] = {}  # "notes" or "q<ID>" -> the text to save
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        visit = ctx.store.get("visit", visit_id)
        assert isinstance(visit, Visit)
        self.setWindowTitle(self.tr("Visit mode"))
        self.setAccessibleName(self.tr("Visit mode"))

        outer = QVBoxLayout(self)
        self.title = QLabel(self._title(visit))
        self.title.setWordWrap(True)
        _scaled(self.title, 1.7, bold=True)
        outer.addWidget(self.title)

        self.boxes: dict[int, _QuestionBox] = {}
        questions_widget = QWidget()
        self.question_layout = QVBoxLayout(questions_widget)
        self.question_layout.setSpacing(10)
        for number, question in enumerate(visit_questions(ctx.store, visit), start=1):
            self._add_box(number, question)
        self.none_label = QLabel(self.tr("No questions were written down for this visit. Add one "
                                         "below, or just take notes on the right."))
        self.none_label.setWordWrap(True)
        _scaled(self.none_label, 1.2)
        self.none_label.setVisible(not self.boxes)
        self.question_layout.addWidget(self.none_label)
        self.question_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its controls, not on the area
        scroll.setWidgetResizable(True)
        scroll.setWidget(questions_widget)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        add_row = QHBoxLayout()
        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText(self.tr("Another question that came up"))
        self.new_question.setAccessibleName(self.tr("Add a question"))
        _scaled(self.new_question, 1.2)
        self.new_question.returnPressed.connect(self.add_question)
        add_button = QPushButton(self.tr("Add"))
        _scaled(add_button, 1.2)
        add_button.clicked.connect(self.add_question)
        add_row.addWidget(self.new_question, 1)
        add_row.addWidget(add_button)
        left_layout.addLayout(add_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        notes_label = QLabel(self.tr("Notes"))
        _scaled(notes_label, 1.3, bold=True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab moves on, as in the answers
        self.notes.setPlainText(visit.notes or "")
        self.notes.setPlaceholderText(self.tr("Anything the doctor says: names, numbers, next "
                                              "steps"))
        self.notes.setAccessibleName(self.tr("Notes of the visit"))
        _scaled(self.notes, TEXT_SCALE * 0.9)
        notes_label.setBuddy(self.notes)
        self.notes.textChanged.connect(lambda: self._typed("notes", self.notes))
        self.notes.installEventFilter(self)
        right_layout.addWidget(notes_label)
        right_layout.addWidget(self.notes, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.status = QLabel(self.tr("Everything you type is saved as you go."))
        self.status.setAccessibleName(self.tr("Saving status"))
        self.status.setWordWrap(True)  # the buttons beside it stay on screen
        _scaled(self.status, 1.1)
        self.done_button = QPushButton(self.tr("The visit is over: mark it done"))
        self.done_button.clicked.connect(self.mark_done)
        close_button = QPushButton(self.tr("Close visit mode"))
        close_button.clicked.connect(self.close)
        for button in (self.done_button, close_button):
            _scaled(button, 1.2)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.done_button)
        bottom.addWidget(close_button)
        outer.addLayout(bottom)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SAVE_PAUSE_MS)
        self._pause.timeout.connect(self.flush)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(SAVE_AT_MOST_MS)
        self._deadline.timeout.connect(self.flush)
        ctx.changed.connect(self._on_changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        fit_to_screen(self, 1200, 800)

    # -- building -----------------------------------------------------------------------

    def _title(self, visit: Visit) -> str:
        day = visit_day(visit)
        when = long_date(day) if day else visit.scheduled_at
        time = visit.scheduled_at[11:16] if len(visit.scheduled_at) > 11 else ""
        doctor = ""
        if visit.provider_id is not None:
            try:
                name = self.context.store.get("provider", visit.provider_id).title
                doctor = QCoreApplication.translate("common", " with {name}").format(name=name)
            except OrganizerError:
                doctor = ""
        return self.tr("Visit{doctor} — {when}{value}").format(
                   doctor=doctor, when=when, value=self.tr(' at ') + time if time else '')

    def _add_box(self, number: int, question: Question) -> _QuestionBox:
        box = _QuestionBox(number, question)
        box.answer.setPlainText(question.answer or "")
        box.answer.textChanged.connect(
            lambda b=box: self._typed(f"q{b.question_id}", b.answer))
        box.answer.installEventFilter(self)
        box.asked.toggled.connect(lambda on, b=box: self._tick(b, on))
        self.boxes[question.id] = box
        self.question_layout.insertWidget(len(self.boxes) - 1, box)
        return box

    # -- saving -------------------------------------------------------------------------

    def _typed(self, key: str, editor: QPlainTextEdit) -> None:
        self._dirty[key] = editor.toPlainText()
        self.status.setText(self.tr("Saving…"))
        self._pause.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.flush()
        return super().eventFilter(watched, event)

    def has_unsaved(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        """Write every unsaved text now (each one its own committed transaction)."""
        self._pause.stop()
        self._deadline.stop()
        store = self.context.store
        failed: str | None = None
        for key, text in list(self._dirty.items()):
            try:
                self._save(store, key, text)
            except OrganizerError as exc:
                failed = str(exc)
                continue
            if self._dirty.get(key) == text:
                del self._dirty[key]
        if failed:
            self.status.setText(self.tr("Not saved yet: {failed} What you typed is still here; "
                                        "the app keeps trying.").format(failed=failed))
            self._deadline.start()
        elif not self._dirty:
            self.status.setText(self.tr("All saved."))

    def _save(self, store: Store, key: str, text: str) -> None:
        if key == "notes":
            self.context.write(self.tr("Type visit notes"), lambda: store.update(
                "visit", self.visit_id, {"notes": text}),
                merge_key=f"visit-notes-{self.visit_id}", initiator=self)
            return
        question_id = int(key[1:])
        question = store.get("question", question_id)
        assert isinstance(question, Question)
        values: dict[str, Any] = {"answer": text}
        if text.strip() and not question.asked:
            values["asked"] = True
            box = self.boxes.get(question_id)
            if box is not None:
                box.asked.blockSignals(True)
                box.asked.setChecked(True)
                box.asked.blockSignals(False)
        if text.strip() and not question.answered_on:
            values["answered_on"] = self.today().isoformat()
        self.context.write(self.tr("Type an answer"), lambda: store.update(
            "question", question_id, values), merge_key=f"answer-{question_id}",
            initiator=self)

    def _tick(self, box: _QuestionBox, on: bool) -> None:
        self.flush()
        question_id = box.question_id
        try:
            self.context.write(self.tr("Tick a question as asked") if on
                               else self.tr("Untick a question"),
                               lambda: self.context.store.update("question", question_id,
                                                                 {"asked": on}),
                               initiator=self)
        except OrganizerError as exc:
            self.status.setText(self.tr("Not saved: {exc}").format(exc=exc))

    def add_question(self) -> None:
        text = self.new_question.text().strip()
        visit = self.context.store.get("visit", self.visit_id)
        assert isinstance(visit, Visit)
        if not text:
            return
        position = len(self.boxes) + 1
        values = {"text": text, "visit_id": self.visit_id, "case_id": visit.case_id,
                  "position": position}
        try:
            change = self.context.write(self.tr("Add a question"), lambda: self.context.store.add(
                "question", values, person_id=visit.person_id), initiator=self)
        except OrganizerError as exc:
            self.status.setText(self.tr("Not saved: {exc}").format(exc=exc))
            return
        question = self.context.store.get("question", change.id)
        assert isinstance(question, Question)
        box = self._add_box(position, question)
        self.none_label.hide()
        self.new_question.clear()
        box.answer.setFocus()

    def mark_done(self) -> None:
        self.flush()
        try:
            self.context.write(self.tr("Mark the visit as done"), lambda: self.context.store.update(
                "visit", self.visit_id, {"status": "done"}), initiator=self)
        except OrganizerError as exc:
            self.status.setText(self.tr("Not saved: {exc}").format(exc=exc))
            return
        self.status.setText(self.tr("The visit is marked as done. All saved."))

    # -- outside changes and closing ----------------------------------------------------

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        """Show changes made elsewhere (an undo), never over text still being typed."""
        if initiator is self:  # our own save: the window already shows it
            return
        for item in change.items:
            if item.type == "question" and item.id in self.boxes:
                box = self.boxes[item.id]
                after = item.after
                if isinstance(after, Question):
                    box.show_question(after)
                    if f"q{item.id}" not in self._dirty and not box.answer.hasFocus():
                        self._set_text(box.answer, after.answer or "")
            elif item.type == "visit" and item.id == self.visit_id and isinstance(
                    item.after, Visit):
                if "notes" not in self._dirty and not self.notes.hasFocus():
                    self._set_text(self.notes, item.after.notes or "")
                self.title.setText(self._title(item.after))

    def _set_text(self, editor: QPlainTextEdit, text: str) -> None:
        if editor.toPlainText() == text:
            return
        editor.blockSignals(True)  # shown, not typed: nothing to save
        try:
            editor.setPlainText(text)
        finally:
            editor.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.flush()
        super().changeEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
