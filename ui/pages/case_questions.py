"""The case's questions for the doctor: add, put in order, pick from the starters, edit.

The order is the order they will be asked in (and printed in): Move up and Move down
renumber the questions in one undoable write.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.care.questions import add_questions, case_questions, reorder
from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.items.models import Question
from ui.context import AppContext
from ui.dialogs.edit_item_dialog import BoundItemForm
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.item_model import ItemRole, ItemTableModel
from ui.pages.case_common import entry_row, try_write
from ui.widgets import error_label, hint, scrolled
from ui.wrap_height import keep_a_row

QUESTION_FIELDS = ["text", "priority", "visit_id", "asked", "answer", "answered_by_id",
                   "answered_on"]


class CaseQuestions(QWidget):
    """The questions tab."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.starters_dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr("The questions you want to ask, most important first. In "
                                      "visit mode you tick each one as asked and type the "
                                      "answer.")))
        add_row, self.new_text, (self.add_button, self.starters_button) = entry_row(
            self.tr("Type a question and press Enter"), self.tr("New question"), self.add_typed,
            ("Add", self.add_typed), (self.tr("Pick from question starters…"), self.open_starters))
        layout.addLayout(add_row)
        self.error = error_label()
        layout.addWidget(self.error)

        self.model = ItemTableModel(Question, ["text", "priority", "asked", "answer"],
                                    parent=self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.model)
        keep_a_row(self.table)  # a long question at a large text size: the page scrolls
        self.table.setAccessibleName(self.tr("Questions for the doctor"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # wrapped questions show whole
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        self.empty = EmptyState()  # in the table's place while there is no question
        self.empty.set_state(self.tr("No question for this second opinion yet. Type one above and "
                                     "press Enter, or start from questions other patients ask."),
                             self.tr("Pick from question starters…"), self.open_starters)
        self.empty.hide()
        left_layout.addWidget(self.empty)
        left_layout.addStretch(0)
        self._left_layout = left_layout
        move_row = FlowLayout()  # (wraps at a large text size)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        for button in (self.up_button, self.down_button, self.remove_button):
            move_row.addWidget(button)
        left_layout.addLayout(move_row)
        self.form = BoundItemForm("question", context, fields=QUESTION_FIELDS)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scrolled(self.form))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def handles(self, change: Change) -> bool:
        return bool(change.types & {"question", "visit", "provider"})

    def refresh(self) -> None:
        selected = self.selected_id()
        questions = case_questions(self.context.store, self.case_id) if self.case_id else []
        self.model.set_items(questions)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(questions))
        self.empty.setVisible(not questions and self.case_id is not None)
        self._left_layout.setStretch(self._left_layout.count() - 1, 0 if questions else 1)
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and questions:
            row = 0
        if row >= 0:
            self._select_row(row)
        for widget in (self.add_button, self.starters_button, self.new_text):
            widget.setEnabled(self.case_id is not None)
        self._show_selected()

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return int(index.data(ItemRole).id) if index.isValid() else None

    def _show_selected(self) -> None:
        question_id = self.selected_id()
        if self.form.item is None or self.form.item.id != question_id:
            self.form.bind(question_id)
        row = self.model.row_of(question_id) if question_id else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(row >= 0)

    def texts(self) -> list[str]:
        return [q.title for q in self.model.items()]

    # -- writes -------------------------------------------------------------------------

    def add_typed(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            self.error.setText(self.tr("Type the question first."))
            self.error.show()
            return
        if self.add_texts([text]):
            self.new_text.clear()

    def add_texts(self, texts: list[str]) -> Change | None:
        if self.case_id is None or self.context.person_id is None or not texts:
            return None
        case_id, person_id = self.case_id, self.context.person_id
        what = (self.tr("Add a question") if len(texts) == 1
                else self.tr("Add {texts} questions").format(texts=len(texts)))
        try:
            change = self.context.write(what, lambda: add_questions(
                self.context.store, case_id, person_id, texts))
        except OrganizerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        self.error.hide()
        self._select_row(self.model.row_of(change.items[-1].id))
        return change

    def move_selected(self, step: int) -> None:
        question_id = self.selected_id()
        ids = [q.id for q in self.model.items()]
        if question_id is None:
            return
        row = ids.index(question_id)
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        try_write(self.context, self, self.tr("Move a question"),
                  lambda: reorder(self.context.store, ids))
        self._select_row(self.model.row_of(question_id))

    def remove(self) -> None:
        question_id = self.selected_id()
        if question_id is not None:
            try_write(self.context, self, self.tr("Remove a question"),
                      lambda: self.context.store.delete("question", question_id))

    def open_starters(self) -> None:
        from ui.dialogs.starters_dialog import StartersDialog

        if self.case_id is None:
            return
        dialog = StartersDialog(self.context, self)
        dialog.picked.connect(self.add_texts)
        self.starters_dialog = dialog
        dialog.show()
