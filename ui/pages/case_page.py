"""The second-opinion case page: everything about one second opinion on one screen.

At the top: which second opinion (or "New second opinion"), the question at stake and
the date to decide by, and the next visit (with visit mode one click away). Below, one
tab per part of the work: the ten-step checklist, the opinions side by side, the
treatment options compared, the questions, the records still to send, the decision.

Every change goes through `AppContext.write`, so it is undoable; the page refreshes
only the parts a broadcast `Change` touches.

Signals (the Page protocol's, ui/pages/page.py):
    open_item(str, int): the user asked to open an item shown elsewhere (type, id).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.care.attention import in_days, long_date
from organizer.care.case_summary import checklist_progress, day_of, next_visit, visit_day
from organizer.errors import NotFoundError
from organizer.items.changes import Change
from organizer.items.models import (
    Case,
    Checklist,
    Opinion,
    Provider,
    Question,
    Quote,
    Record,
    Treatment,
    Visit,
)
from ui.context import AppContext
from ui.dialogs.edit_item_dialog import BoundItemForm
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.format import at_word
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_words import choice_text as choice_label
from ui.pages.case_checklist import CaseChecklist
from ui.pages.case_common import Today, try_write
from ui.pages.case_opinions import CaseOpinions
from ui.pages.case_questions import CaseQuestions
from ui.pages.case_records import CaseRecords
from ui.pages.case_treatments import CaseTreatments
from ui.pages.page import Page
from ui.sizing import FitTextHeight, follow_app_font
from ui.widgets import heading, hint, scrolled
from ui.wrap_height import keep_whole

NEW_TITLE = QT_TRANSLATE_NOOP("CasePage", "New second opinion")  # in the app's language
QUESTION_SCALE = 1.3
# the header's fields are shown when they and the tabs' least height take at most this
# share of the page's height (at 100% text on a 1366x768 laptop they do)
COMPACT_SHARE = 0.8

# The items that name the case they belong to (`case_id`).
_OF_A_CASE = (Checklist, Opinion, Treatment, Record, Question, Visit)


class CasePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: Today | None = None) -> None:
        super().__init__(parent)
        self.context = ctx
        self.today: Today = today or date.today
        self.case_id: int | None = None
        self.visit_window: QWidget | None = None
        self.dialog: QWidget | None = None
        outer = QVBoxLayout(self)

        picker_row = FlowLayout()  # the button under the choice at a large text size
        picker_label = QLabel(self.tr("Second opinion:"))
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Which second opinion"))
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(16)
        self.picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        picker_label.setBuddy(self.picker)
        self.picker.currentIndexChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr("New second opinion"))
        self.new_button.clicked.connect(self.new_case)
        picker_row.addWidget(picker_label)
        picker_row.addWidget(self.picker)
        picker_row.addWidget(self.new_button)
        outer.addLayout(picker_row)

        self.stack = QStackedLayout()
        outer.addLayout(self.stack, 1)
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(heading(self.tr("No second opinion yet"), 1.4))
        self.empty_text = EmptyState()
        self.empty_text.set_state(
            self.tr("A second opinion is worth asking for when you are told something serious: a "
                    "surgery, a cancer diagnosis, a costly or risky test. Start one here: the app "
                    "makes a ten-step checklist for you."), self.tr("Start a second opinion"),
            self.new_case)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.empty)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.checklist = CaseChecklist(ctx, self.today)
        self.opinions = CaseOpinions(ctx)
        self.treatments = CaseTreatments(ctx)
        self.questions = CaseQuestions(ctx)
        self.records = CaseRecords(ctx, self.today)
        self.records.add_item.connect(self.add_item)
        self.decision = self._build_decision()
        self.parts: list[Any] = [self.checklist, self.opinions, self.treatments, self.questions,
                      self.records]
        for widget in (self.checklist, self.opinions, self.treatments, self.questions,
                       self.records):
            self.tabs.addTab(widget, "")
        # the decision's two boxes scroll on a small screen rather than make the window
        # taller than the screen
        self.tabs.addTab(scrolled(self.decision), "")
        body.addWidget(self.tabs, 1)
        self.stack.addWidget(self.body)

        ctx.changed.connect(self._on_changed)
        self.set_person(ctx.person_id)

    # -- building -----------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(frame)
        # the compact header: the question and the days left in a few lines, visit mode,
        # and the button that shows or hides the fields (see _auto_compact)
        top = QHBoxLayout()
        self.summary = QLabel()
        keep_whole(self.summary)
        self.summary.setAccessibleName(self.tr("This second opinion in short"))
        top.addWidget(self.summary, 1)
        self.visit_mode_button = QPushButton(self.tr("Start visit mode"))
        self.visit_mode_button.setToolTip(self.tr("A large, simple screen for the appointment: "
                                                  "tick each question and type the answers"))
        self.visit_mode_button.clicked.connect(self.start_visit_mode)
        self.details_button = QPushButton()
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName(self.tr("Show or hide the details of this second "
                                                      "opinion"))
        self.details_button.clicked.connect(self._details_clicked)
        actions = QVBoxLayout()  # one above the other: the summary keeps the width
        actions.addWidget(self.visit_mode_button)
        actions.addWidget(self.details_button)
        actions.addStretch(1)
        top.addLayout(actions)
        column.addLayout(top)
        self.details = QWidget()
        column.addWidget(self.details)
        row = QHBoxLayout(self.details)
        row.setContentsMargins(0, 0, 0, 0)
        self.header_form = BoundItemForm("case", self.context, fields=["title", "question"])
        # labels above the fields: the question gets the whole width
        self.header_form.set_row_wrap(QFormLayout.RowWrapPolicy.WrapAllRows)
        question = self.header_form.editor("question")
        assert isinstance(question, QPlainTextEdit)
        question.setPlaceholderText(self.tr("The one question you need answered, e.g. “Do I need "
                                            "surgery now, or can physical therapy help first?”"))
        # larger than the rest (it is what the whole page is about), and exactly as tall
        # as the question: two to four lines, more scroll
        follow_app_font(question, QUESTION_SCALE)
        self.question_height = FitTextHeight(question, min_lines=2, max_lines=4)
        row.addWidget(self.header_form, 3)
        side = QVBoxLayout()
        self.date_form = BoundItemForm("case", self.context,
                                       fields=["decide_by", "status", "condition_id"])
        # three short rows, a label above its field only when the two do not fit
        self.date_form.set_row_wrap(QFormLayout.RowWrapPolicy.WrapLongRows)
        side.addWidget(self.date_form)
        self.days_left = QLabel()
        self.days_left.setAccessibleName(self.tr("Time left to decide"))
        self.days_left.setWordWrap(True)
        follow_app_font(self.days_left, bold=True)
        side.addWidget(self.days_left)
        visit_row = QHBoxLayout()
        self.visit_label = QLabel()
        self.visit_label.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("Plan a visit…"))
        self.plan_button.clicked.connect(self.plan_visit)
        visit_row.addWidget(self.plan_button)
        visit_row.addStretch(1)
        side.addWidget(self.visit_label)
        side.addLayout(visit_row)
        side.addStretch(1)
        row.addLayout(side, 2)
        self.show_details(True)
        return frame

    # -- the compact header -------------------------------------------------------------

    _details_chosen = False  # True once the user pressed Show / Hide details

    def _details_clicked(self, on: bool) -> None:
        self._details_chosen = True
        self.show_details(on)

    def show_details(self, on: bool) -> None:
        """The header's fields shown (the question to edit, the dates, the status) or
        hidden behind the few lines of the summary."""
        self.details.setVisible(on)
        self.summary.setVisible(not on)
        self.details_button.setChecked(on)
        self.details_button.setText(self.tr("Hide details") if on else self.tr("Show details"))

    def details_shown(self) -> bool:
        return not self.details.isHidden()

    def _auto_compact(self) -> None:
        """On a short screen or with large text the header's fields would take the room
        of the work below (the checklist, the options compared, the questions): then they
        start hidden, until the user shows them."""
        room = self._room_height()
        if self._details_chosen or self.case_id is None or room <= 0:
            return
        tall = self.details.sizeHint().height() + self.tabs.minimumSizeHint().height()
        self.show_details(tall <= room * COMPACT_SHARE)

    def _room_height(self) -> int:
        """The height this page is seen at: its scroll area's (the window's page area),
        not its own, which grows with what it shows."""
        widget: QWidget | None = self
        while widget is not None:
            outer = widget.parentWidget()
            if isinstance(outer, QAbstractScrollArea) and outer.viewport() is widget:
                return int(outer.viewport().height())
            widget = outer
        return self.height()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._auto_compact)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._auto_compact)

    def _build_decision(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(hint(self.tr("The final choice is yours. When you have decided, write "
                                      "down what and why: it helps later, and it helps your family "
                                      "understand. Set the status to “decided”.")))
        self.decision_form = BoundItemForm(
            "case", self.context, fields=["decision", "rationale", "decided_on", "status"])
        for name in ("decision", "rationale"):
            editor = self.decision_form.editor(name)
            assert isinstance(editor, QPlainTextEdit)
            editor.setMaximumHeight(200)
            editor.setMinimumHeight(110)
        layout.addWidget(self.decision_form)
        layout.addStretch(1)
        return widget

    # -- person and case ----------------------------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        """Show the second opinions of this person (the most recent one first)."""
        self.person_id = person_id
        self.case_id = None
        self._fill_picker(select=None)

    def shown_case(self) -> int | None:
        return self.case_id

    def _cases(self) -> list[Case]:
        person_id = self.context.person_id
        if person_id is None:
            return []
        return [c for c in self.context.store.list_items("case", person_id,
                                                         order_by="id DESC")
                if isinstance(c, Case)]

    def _fill_picker(self, select: int | None) -> None:
        cases = self._cases()
        self.new_button.setEnabled(self.context.person_id is not None)
        self.picker.blockSignals(True)
        self.picker.clear()
        for case in cases:
            status = f"  ({choice_label(case.status)})" if case.status else ""
            self.picker.addItem(case.title + status, case.id)
        index = self.picker.findData(select) if select is not None else -1
        if index < 0 and self.case_id is not None:
            index = self.picker.findData(self.case_id)
        if index < 0 and cases:
            index = 0
        self.picker.setCurrentIndex(index)
        self.picker.setEnabled(bool(cases))
        self.picker.blockSignals(False)
        self.show_case(self.picker.currentData() if index >= 0 else None)

    def _picked(self) -> None:
        self.show_case(self.picker.currentData())

    def show_case(self, case_id: int | None) -> None:
        """Show one case (the lead's navigation calls this to open a case found elsewhere)."""
        if case_id is not None and self.picker.currentData() != case_id:
            index = self.picker.findData(case_id)
            if index >= 0:
                self.picker.blockSignals(True)
                self.picker.setCurrentIndex(index)
                self.picker.blockSignals(False)
        self.case_id = case_id
        self.stack.setCurrentWidget(self.body if case_id is not None else self.empty)
        for form in (self.header_form, self.date_form, self.decision_form):
            form.bind(case_id)
        for part in self.parts:
            part.set_case(case_id)
        self._refresh_header()
        self._refresh_tab_titles()

    def show_item(self, type_name: str, item_id: int) -> bool:
        """Open the case an item belongs to, on the tab that shows it (search, overview)."""
        store = self.context.store
        case_id: int | None
        try:
            if type_name in ("case", "case_records"):
                case_id = item_id
            elif type_name == "quote":
                quote = store.get("quote", item_id)
                assert isinstance(quote, Quote)
                treatment = store.get("treatment", quote.treatment_id)
                assert isinstance(treatment, Treatment)
                case_id = treatment.case_id
            else:
                item = store.get(type_name, item_id)
                case_id = item.case_id if isinstance(item, _OF_A_CASE) else None
        except NotFoundError:
            return False
        if case_id is None:
            return False
        self.show_case(case_id)
        tab = {"checklist": 0, "opinion": 1, "treatment": 2, "quote": 2,
               "case_records": 4}.get(type_name)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        return self.case_id == case_id

    def _refresh_header(self) -> None:
        if self.case_id is None:
            return
        store = self.context.store
        today = self.today()
        case = store.get("case", self.case_id)
        assert isinstance(case, Case)
        deadline = day_of(case.decide_by, end=True)
        if case.status in ("decided", "closed"):
            self.days_left.setText(self.tr("Decided") + (self.tr(" on {date}")
                                                         .format(date=long_date(d)) if (
                d := day_of(case.decided_on)) else "") + ".")
        elif deadline is None:
            self.days_left.setText(self.tr("No date to decide by yet."))
        elif deadline < today:
            self.days_left.setText(self.tr("⚠  The date to decide by has passed ({days}).").format(
                                       days=in_days(deadline, today)))
        elif deadline == today:
            self.days_left.setText(self.tr("Decide today."))
        else:
            self.days_left.setText(self.tr("Decide {days} ({date}).").format(
                                       days=in_days(deadline, today), date=long_date(deadline)))
        visit = next_visit(store, self.case_id, today)
        self.visit = visit
        if visit is None:
            self.visit_label.setText(self.tr("No visit planned yet."))
        else:
            day = visit_day(visit)
            name = store.title_of(Provider, visit.provider_id)  # None: deleted or not set
            doctor = QCoreApplication.translate("common",
                                                " with {name}").format(name=name) if name else ""
            time = visit.scheduled_at[11:16] if len(visit.scheduled_at) > 11 else ""
            when = f"{long_date(day)}{at_word() + time if time else ''}" if day else \
                visit.scheduled_at
            self.visit_label.setText(self.tr("Next visit{doctor}: {when} ({days}).").format(
                                         doctor=doctor, when=when, days=in_days(day, today))
                                     if day else self.tr("Next visit{doctor}: {when}.").format(
                                                     doctor=doctor, when=when))
        self.visit_mode_button.setEnabled(visit is not None or self._any_visit() is not None)
        self._refresh_summary(case)

    def _refresh_summary(self, case: Case) -> None:
        question = case.question or case.title
        self.summary.setText(f"<b>{_escape(question)}</b><br>{_escape(self.days_left.text())} "
                             f"{_escape(self.visit_label.text())}")

    def _any_visit(self) -> Visit | None:
        visits = [v for v in self.context.store.list_items(
            "visit", where={"case_id": self.case_id}, order_by="scheduled_at DESC")
            if isinstance(v, Visit) and v.status != "cancelled"] if self.case_id else []
        return visits[0] if visits else None

    def _refresh_tab_titles(self) -> None:
        if self.case_id is None:
            return
        store = self.context.store
        progress = checklist_progress(store, self.case_id)
        counts = {name: len(store.list_items(name, where={"case_id": self.case_id}))
                  for name in ("opinion", "treatment", "question", "record")}
        unsent = self.records.needs_sending
        titles = [self.tr("Checklist ({done} of {total})").format(
                      done=progress.done, total=progress.total),
                  self.tr("Opinions ({counts})").format(counts=counts['opinion']),
                  self.tr("Treatment options ({counts})").format(counts=counts['treatment']),
                  self.tr("Questions ({counts})").format(counts=counts['question']),
                  self.tr("Records ({counts})").format(counts=counts['record']) + (" ⚠" if unsent
                                                                                   else ""),
                  self.tr("Decision")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    # -- changes ------------------------------------------------------------------------

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        person_id = self.context.person_id
        if person_id is None or person_id not in change.person_ids:
            return
        case_ids = {c.id for c in change.items if c.type == "case"}
        if case_ids:
            added = [c.id for c in change.items if c.type == "case" and c.before is None
                     and c.after is not None]
            self._fill_picker(select=added[0] if added else self.case_id)
            return
        if self.case_id is None:
            return
        for part in self.parts:
            if part.handles(change):
                part.refresh()
        if change.types & {"visit", "provider", "checklist"}:
            self._refresh_header()
        self._refresh_tab_titles()

    # -- actions ------------------------------------------------------------------------

    def add_new(self) -> None:
        """Edit › New item (and the Overview's "Start a second opinion") on this page."""
        self.new_case()

    def new_case(self) -> None:
        person_id = self.context.person_id
        if person_id is None:
            return
        new_title = QCoreApplication.translate("CasePage", NEW_TITLE)
        change = try_write(self.context, self, self.tr("Start a second opinion"),
                           lambda: self.context.store.add("case", {"title": new_title},
                                                          person_id=person_id,
                                                          checklist=True))
        if change:
            self.tabs.setCurrentIndex(0)
            self.show_details(True)  # the title and the question are typed first
            title = self.header_form.editor("title")
            assert isinstance(title, QLineEdit)
            title.setFocus()
            title.selectAll()

    def plan_visit(self) -> None:
        """The new visit's form; nothing is written until its Save (Cancel: nothing)."""
        from ui.dialogs.new_item_dialog import NewItemDialog

        person_id, case_id = self.context.person_id, self.case_id
        if person_id is None or case_id is None:
            return
        dialog = NewItemDialog(
            self.context, "visit", ["scheduled_at", "provider_id", "location", "purpose",
                                    "status"], self,
            fixed={"case_id": case_id}, defaults={"purpose": self.tr("Second opinion")},
            title=self.tr("Plan a visit"),
            intro=self.tr("When and with whom? Type the day and the time as you usually write "
                          "them, or choose the day on the calendar."))
        self.dialog = dialog
        dialog.show()

    def start_visit_mode(self) -> None:
        from ui.visit_mode import VisitModeWindow

        visit = next_visit(self.context.store, self.case_id, self.today()) \
            if self.case_id else None
        visit = visit or self._any_visit()
        if visit is None:
            return
        window = VisitModeWindow(self.context, visit.id)
        self.visit_window = window
        window.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
