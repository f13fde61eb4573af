"""The overview: a card per second opinion under way, what needs attention, coming visits.

It leads with the second opinions (organizer/overview_summary.py: next step, days left to
decide, records still to send). For someone who has just started, it offers the first
steps (the diagnosis, a second opinion, the records), each with its button, instead of a
list with nothing to say. Each entry opens its item: the page emits `open_item(type, id)`
and the main window navigates there. The lists come from organizer.attention (pure rules
over the store and today's date); the page refreshes when a Change touches a type they
depend on. An empty list is replaced by an `EmptyState` saying what to do.

Signals (the Page protocol's, ui/pages/page.py):
    open_item(str, int): the item type ("record", "case", "visit", "request"…) and its id.
    add_item(str): a first step's or an empty list's button: add an item of this type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from organizer.care.attention import in_days, long_date, needs_attention, upcoming_visits
from organizer.care.case_summary import visit_day
from organizer.care.overview_summary import CaseCard, FirstStep, case_cards, first_steps
from organizer.errors import OrganizerError
from organizer.items.changes import Change
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.format import at_word
from ui.pages.page import Page
from ui.widgets import heading, hint, scrolled

TargetRole = Qt.ItemDataRole.UserRole + 20
# An entry about a part of an item opens that part: a case's records tab.
PART_TARGETS = {("case", "records"): "case_records"}
# the overview shows what these item types say; any other change leaves it as it is
WATCHED = frozenset({"visit", "case", "checklist", "record", "sending", "question", "request",
                     "provider", "person", "condition"})


def _list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setSpacing(2)
    # room around each entry, drawn by a delegate: a style sheet would stop the list from
    # following the zoom
    widget.setItemDelegate(_PaddedDelegate(widget))
    # entries wrap to the list's width, and wrap again when it changes: never sideways
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return widget


class _PaddedDelegate(QStyledItemDelegate):
    """Entries with some room around their (wrapped) text."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        # measured at the width the entry is painted at: the list's, less its spacing,
        # this padding and the style's text margins (an estimate taken before the list
        # had its width cut the last line off)
        view = option.widget
        width = option.rect.width()
        if isinstance(view, QListWidget):
            width = view.viewport().width() - 2 * view.spacing()
        text_width = max(width - 2 * self.PAD - 8, 40)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, text_width, 100000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, bounds.height() + 2 * self.PAD + 4)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Any) -> None:
        # the background (selection, alternate rows) fills the whole entry; the text keeps
        # its distance from the edges
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        super().paint(painter, inner, index)


class _FitRows(QObject):
    """Keeps each row widget of a list as tall as its content needs at the list's width.

    A row's wrapped title and "Next:" line need more height when the list is narrow or the
    text larger (zoom); a size hint taken once, before the list had its width, made them
    overlap. The rows are measured again whenever the list's width or font changes.
    """

    def __init__(self, widget: QListWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        widget.viewport().installEventFilter(self)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self.fit()
        return False

    def fit(self) -> None:
        widget = self.widget
        width = widget.viewport().width() - 2 * widget.spacing()
        if width <= 0:
            return
        for row in range(widget.count()):
            item = widget.item(row)
            inner = widget.itemWidget(item)
            if inner is None:
                continue
            layout = inner.layout()
            height = (layout.totalHeightForWidth(width) if layout is not None
                      and layout.hasHeightForWidth() else inner.sizeHint().height())
            hint = QSize(width, max(height, inner.minimumSizeHint().height()))
            if item.sizeHint() != hint:
                item.setSizeHint(hint)
        # never a list that shows none of its rows: at a large text size the page scrolls
        # (in the window's page area) rather than squeeze a list below its first row
        first = widget.sizeHintForRow(0) if widget.count() else 0
        widget.setMinimumHeight(first + 2 * (widget.frameWidth() + widget.spacing()) + 2
                                if first > 0 else 0)


class OverviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        # first: building the page below already sends font changes (see changeEvent)
        self._font_changed = False
        self._refresh_later = QTimer(self)  # after a zoom: the rows wrap at the new size
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(0)
        self._refresh_later.timeout.connect(self._refresh_for_font)
        self.context = ctx
        self.today = today or date.today
        # the whole page scrolls when its text does not fit (a small screen, a large zoom):
        # a first step's words are never squeezed to half a line
        inner = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))
        layout = QGridLayout(inner)
        layout.setHorizontalSpacing(18)
        self.greeting = heading(self.tr("Overview"), 1.5)
        layout.addWidget(self.greeting, 0, 0, 1, 2)

        # for someone who has just started: the first steps, each with its button
        self.first = QFrame()
        self.first.setObjectName("firstSteps")
        self.first_column = QVBoxLayout(self.first)
        self.first_column.setContentsMargins(0, 0, 0, 0)
        self.first_heading = heading(self.tr("Getting started"))
        self.first_column.addWidget(self.first_heading)
        self.first_column.addWidget(hint(
            self.tr("A few steps get the important things in one place. Do them in any order; "
                    "everything stays on this computer.")))
        self.first_steps: list[FirstStepRow] = []
        layout.addWidget(self.first, 1, 0, 1, 2)

        self.left_part = QWidget()
        left = QVBoxLayout(self.left_part)
        left.setContentsMargins(0, 0, 0, 0)
        self.cases_heading = heading(self.tr("Second opinions under way"))
        left.addWidget(self.cases_heading)
        self.cases = _list(self.tr("Second opinions under way"))
        # each row widget has its own margins: no padding around it
        self.cases.setItemDelegate(QStyledItemDelegate(self.cases))
        self._fit_cases = _FitRows(self.cases)
        left.addWidget(self.cases, 1)
        self.cases_empty = EmptyState()
        left.addWidget(self.cases_empty)
        left.addStretch(0)  # takes the room only while no list is shown (see _show_lists)
        layout.addWidget(self.left_part, 2, 0)

        self.right_part = QWidget()
        right = QVBoxLayout(self.right_part)
        right.setContentsMargins(0, 0, 0, 0)
        self.attention_heading = heading(self.tr("Needs your attention"))
        right.addWidget(self.attention_heading)
        self.attention = _list(self.tr("Needs your attention"))
        right.addWidget(self.attention, 1)
        self.attention_empty = EmptyState()
        right.addWidget(self.attention_empty)
        right.addWidget(heading(self.tr("Coming visits")))
        self.visits = _list(self.tr("Coming visits"))
        right.addWidget(self.visits, 1)
        self.visits_empty = EmptyState()
        right.addWidget(self.visits_empty)
        right.addStretch(0)
        self._fit_lists = [_FitRows(w) for w in (self.attention, self.visits)]
        self._columns = (left, right)
        self._grid = layout
        layout.addWidget(self.right_part, 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(2, 1)
        self.click_hint = hint(self.tr("Click an entry (or press Enter) to open it."))
        layout.addWidget(self.click_hint, 3, 0, 1, 2)

        for widget in (self.attention, self.visits, self.cases):
            widget.itemActivated.connect(self._open)
            widget.itemClicked.connect(self._open)
        ctx.changed.connect(self._on_changed)
        self.set_person(ctx.person_id)

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # a hidden page (or one of a closed window) waits until it is shown again
            self._font_changed = True
            if self.isVisible():
                self._refresh_later.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._font_changed:
            self._refresh_later.start()

    def _refresh_for_font(self) -> None:
        if self.isVisible():
            self._font_changed = False
            self.refresh()

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        if self.person_id is not None and change.types & WATCHED and (
                self.person_id in change.person_ids):
            self.refresh()

    def _add(self, widget: QListWidget, text: str, target: tuple[str, int] | None,
             tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(TargetRole, target)
        item.setToolTip(tooltip or text)
        if target is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled)
        widget.addItem(item)
        return item

    def _adding(self, type_name: str) -> Callable[[], None]:
        return lambda: self.add_item.emit(type_name)

    def _show_first_steps(self, steps: list[FirstStep]) -> None:
        for row in self.first_steps:
            self.first_column.removeWidget(row)
            row.deleteLater()
        self.first_steps = [FirstStepRow(step, self._adding(step.type)) for step in steps]
        for row in self.first_steps:
            self.first_column.addWidget(row)
        self.first.setVisible(bool(steps))

    def refresh(self) -> None:
        for widget in (self.attention, self.visits, self.cases):
            widget.clear()
        person_id = self.person_id
        if person_id is None:
            self.greeting.setText(self.tr("Overview"))
            self._show_first_steps([])
            self._place(True)
            self._show_lists(cases=False, attention=False, visits=False)
            self.attention_empty.set_state(self.tr("Choose or add a person to see what needs "
                                                   "doing (Person › Add person)."))
            self.attention_empty.show()
            return
        store = self.context.store
        today = self.today()
        try:
            name = store.person(person_id).full_name
        except OrganizerError:
            name = ""
        self.greeting.setText(self.tr("Overview for {name}").format(name=name) if name
                              else self.tr("Overview"))
        steps = first_steps(store, person_id)
        self._show_first_steps(steps)
        starting = any(step.type == "case" for step in steps)

        for entry in needs_attention(store, person_id, today):
            mark = "⚠  " if entry.overdue else "•  "
            kind = PART_TARGETS.get((entry.type, entry.part or ""), entry.type)
            self._add(self.attention, mark + entry.text, (kind, entry.id))
        self.attention_empty.set_state(self.tr("✔  Nothing needs your attention right now."))

        for visit in upcoming_visits(store, person_id, today)[:8]:
            day = visit_day(visit)
            assert day is not None
            time = visit.scheduled_at[11:16] if len(visit.scheduled_at) > 11 else ""
            doctor = ""
            if visit.provider_id is not None:
                try:
                    name = store.get("provider", visit.provider_id).title
                    doctor = QCoreApplication.translate("common", " with {name}").format(name=name)
                except OrganizerError:
                    doctor = ""
            what = f" — {visit.purpose}" if visit.purpose else ""
            self._add(self.visits, f"{long_date(day)}{at_word() + time if time else ''} "
                                   f"({in_days(day, today)}){doctor}{what}",
                      ("visit", visit.id))
        self.visits_empty.set_state(self.tr("No visit planned. When you book an appointment, add "
                                            "it here to be reminded of what to bring."),
                                    self.tr("Plan a visit"), self._adding("visit"))

        for card in case_cards(store, person_id, today):
            case = card.case
            item = self._add(self.cases, "", ("case", case.id),
                             f"{case.title}: {card.progress.text()}")
            self.cases.setItemWidget(item, _case_row(card))
        self._fit_cases.fit()
        self.cases_empty.set_state(
            self.tr("No second opinion under way. Start one when you are told something serious "
                    "and want another doctor to look before deciding."),
            self.tr("Start a second opinion"), self._adding("case"))
        self._place(starting)
        self._show_lists(
            cases=not starting,
            # a new person has nothing to be reminded of: the first steps say what to do
            attention=not (steps and self.attention.count() == 0),
            visits=not starting or self.visits.count() > 0)

    def _place(self, starting: bool) -> None:
        """Without a second opinion, the left column (the cards) goes, and the attention
        and visits take the whole width; with one, the cards lead on the left."""
        grid = self._grid
        grid.removeWidget(self.right_part)
        if starting:
            grid.addWidget(self.right_part, 2, 0, 1, 2)
        else:
            grid.addWidget(self.right_part, 2, 1)
        self.left_part.setVisible(not starting)

    def _show_lists(self, *, cases: bool, attention: bool, visits: bool) -> None:
        """Each list, or its empty state in its place (or neither, when not `shown`)."""
        for shown, widget, empty, title in (
                (cases, self.cases, self.cases_empty, self.cases_heading),
                (attention, self.attention, self.attention_empty, self.attention_heading),
                (visits, self.visits, self.visits_empty, None)):
            has_rows = widget.count() > 0
            widget.setVisible(shown and has_rows)
            empty.setVisible(shown and not has_rows)
            if title is not None:
                title.setVisible(shown)
        # an empty state keeps its own height; what is left goes below, not inside it
        for column, lists in zip(self._columns,
                                 ((self.cases,), (self.attention, self.visits)), strict=True):
            column.setStretch(column.count() - 1,
                              0 if any(not w.isHidden() for w in lists) else 1)
        self.click_hint.setVisible(any(not w.isHidden() for w in
                                       (self.cases, self.attention, self.visits)))

    def entries(self, widget: QListWidget) -> list[tuple[str, tuple[str, int] | None]]:
        """(text, target) of each entry of one list (tooltips hold the full text)."""
        return [(widget.item(i).toolTip(), widget.item(i).data(TargetRole))
                for i in range(widget.count())]

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TargetRole)
        if target:
            self.open_item.emit(str(target[0]), int(target[1]))


class FirstStepRow(QFrame):
    """One first step: its title and why, and the button that takes it."""

    def __init__(self, step: FirstStep, action: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        words = QVBoxLayout()
        words.addWidget(heading(step.title, 1.1))
        words.addWidget(hint(step.text))
        row.addLayout(words, 1)
        self.button = QPushButton(step.button)
        self.button.setAccessibleName(step.button.rstrip("…"))
        self.button.clicked.connect(action)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


def _case_row(card: CaseCard) -> QWidget:
    """One second opinion under way: its title, a progress bar, and its summary lines
    (next step, days left to decide, next visit, records still to send)."""
    row = QWidget()
    row.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    line = QVBoxLayout(row)
    line.setContentsMargins(10, 8, 10, 10)
    line.setSpacing(5)
    title_text = card.case.title
    title = heading(title_text, 1.1)
    bar = QProgressBar()
    bar.setRange(0, max(card.progress.total, 1))
    bar.setValue(card.progress.done)
    bar.setFormat(card.progress.text())
    bar.setAccessibleName(f"{title_text}: {card.progress.text()}")
    line.addWidget(title)
    line.addWidget(bar)
    decide = ("⚠  " if card.decide_late else "") + card.decide
    for text in (card.next_step, decide, card.visit, card.records):
        label = QLabel(text)
        label.setWordWrap(True)
        line.addWidget(label)
    return row
