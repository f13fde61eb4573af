"""The overview: what needs attention, the coming visits, the second opinions under way.

Each entry opens its item: the page emits `open_item(type, id)` and the main window
navigates there. The lists come from organizer.attention (pure rules over the store and
today's date); the page refreshes when a Change touches a type they depend on.

Signals (the Page protocol's, ui/pages/page.py):
    open_item(str, int): the item type ("record", "case", "visit", "request"…) and its id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from organizer.attention import in_days, long_date, needs_attention, open_cases, upcoming_visits
from organizer.case_summary import ChecklistProgress, visit_day
from organizer.changes import Change
from organizer.errors import OrganizerError
from ui.context import AppContext
from ui.pages.page import Page
from ui.widgets import heading, hint

TargetRole = Qt.ItemDataRole.UserRole + 20
# An entry about a part of an item opens that part: a case's records tab.
PART_TARGETS = {("case", "records"): "case_records"}
# the overview shows what these item types say; any other change leaves it as it is
WATCHED = frozenset({"visit", "case", "checklist", "record", "sending", "question", "request",
                     "provider", "person"})


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
        layout = QGridLayout(self)
        layout.setHorizontalSpacing(18)
        self.greeting = heading("Overview", 1.5)
        layout.addWidget(self.greeting, 0, 0, 1, 2)

        left = QVBoxLayout()
        left.addWidget(heading("Needs your attention"))
        self.attention = _list("Needs your attention")
        left.addWidget(self.attention, 1)
        layout.addLayout(left, 1, 0, 2, 1)

        right_top = QVBoxLayout()
        right_top.addWidget(heading("Coming visits"))
        self.visits = _list("Coming visits")
        right_top.addWidget(self.visits, 1)
        layout.addLayout(right_top, 1, 1)

        right_bottom = QVBoxLayout()
        right_bottom.addWidget(heading("Second opinions under way"))
        self.cases = _list("Second opinions under way")
        # each row widget has its own margins: no padding around it
        self.cases.setItemDelegate(QStyledItemDelegate(self.cases))
        self._fit_cases = _FitRows(self.cases)
        self._fit_lists = [_FitRows(w) for w in (self.attention, self.visits)]
        right_bottom.addWidget(self.cases, 1)
        layout.addLayout(right_bottom, 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(1, 1)
        layout.setRowStretch(2, 1)
        layout.addWidget(hint("Click an entry (or press Enter) to open it."), 3, 0, 1, 2)

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

    def refresh(self) -> None:
        for widget in (self.attention, self.visits, self.cases):
            widget.clear()
        person_id = self.person_id
        if person_id is None:
            self.greeting.setText("Overview")
            self._add(self.attention, "Choose or add a person to see what needs doing.", None)
            return
        store = self.context.store
        today = self.today()
        try:
            name = store.person(person_id).full_name
        except OrganizerError:
            name = ""
        self.greeting.setText(f"Overview for {name}" if name else "Overview")
        for entry in needs_attention(store, person_id, today):
            mark = "⚠  " if entry.overdue else "•  "
            kind = PART_TARGETS.get((entry.type, entry.part or ""), entry.type)
            self._add(self.attention, mark + entry.text, (kind, entry.id))
        if self.attention.count() == 0:
            self._add(self.attention, "✔  Nothing needs your attention right now.", None)
        for visit in upcoming_visits(store, person_id, today)[:8]:
            day = visit_day(visit)
            assert day is not None
            time = visit.scheduled_at[11:16] if len(visit.scheduled_at) > 11 else ""
            doctor = ""
            if visit.provider_id is not None:
                try:
                    doctor = " with " + store.get("provider", visit.provider_id).title
                except OrganizerError:
                    doctor = ""
            what = f" — {visit.purpose}" if visit.purpose else ""
            self._add(self.visits, f"{long_date(day)}{' at ' + time if time else ''} "
                                   f"({in_days(day, today)}){doctor}{what}",
                      ("visit", visit.id))
        if self.visits.count() == 0:
            self._add(self.visits, "No visit planned.", None)
        for under_way in open_cases(store, person_id):
            progress = under_way.progress
            case = under_way.case
            item = self._add(self.cases, "", ("case", case.id),
                             f"{case.title}: {progress.text()}")
            self.cases.setItemWidget(item, _case_row(case.title, progress))
        self._fit_cases.fit()
        if self.cases.count() == 0:
            self._add(self.cases, "No second opinion under way.", None)

    def entries(self, widget: QListWidget) -> list[tuple[str, tuple[str, int] | None]]:
        """(text, target) of each entry of one list (tooltips hold the full text)."""
        return [(widget.item(i).toolTip(), widget.item(i).data(TargetRole))
                for i in range(widget.count())]

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TargetRole)
        if target:
            self.open_item.emit(str(target[0]), int(target[1]))


def _case_row(title_text: str, progress: ChecklistProgress) -> QWidget:
    """One second opinion under way: its title, a progress bar, and the next step."""
    row = QWidget()
    row.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    line = QVBoxLayout(row)
    line.setContentsMargins(8, 6, 8, 8)
    line.setSpacing(6)
    title = QLabel(title_text)
    title.setWordWrap(True)
    bar = QProgressBar()
    bar.setRange(0, max(progress.total, 1))
    bar.setValue(progress.done)
    bar.setFormat(progress.text())
    bar.setAccessibleName(f"{title_text}: {progress.text()}")
    line.addWidget(title)
    line.addWidget(bar)
    following = progress.next_step
    if following is not None:
        line.addWidget(hint(f"Next: {following.label}"))
    return row
