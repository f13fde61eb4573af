"""How widgets size themselves to their content, to the window and to the zoom.

Three helpers, each measuring again whenever what it depends on changes (the width, the
text size, the content), so that nothing is cut, squeezed or overlapping at any window
size or zoom:

- `follow_app_font(widget, scale, bold)`: a heading or a larger text box keeps its size
  relative to the application font when View › Zoom changes it (a font set once on a
  widget would otherwise stay at the old size). It lives in ui/app_font.py, which the
  window's first frame can import without the table classes below.
- `FitTextHeight`: a plain-text box as tall as its text needs, between a few lines.
- `ColumnFitter`: a table's columns share its width: each as wide as its content and
  header ask, the main column (a title) taking what is left or giving way first, so
  that every column and header stays in view without a sideways scroll bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QHeaderView,
    QPlainTextEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)

from ui.app_font import follow_app_font

__all__ = ["ColumnFitter", "FitTextHeight", "follow_app_font"]


class FitTextHeight(QObject):
    """Keeps a QPlainTextEdit exactly as tall as its text (or placeholder), within limits.

    Fewer lines than `min_lines` leave room to type; more than `max_lines` scroll.
    """

    def __init__(self, editor: QPlainTextEdit, min_lines: int = 2, max_lines: int = 4) -> None:
        super().__init__(editor)
        self.editor = editor
        self.min_lines = min_lines
        self.max_lines = max_lines
        editor.installEventFilter(self)
        editor.textChanged.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show) \
                and watched is self.editor:
            self.fit()
        return False

    def lines(self) -> int:
        """How many lines the text takes at the box's width."""
        editor = self.editor
        margin = editor.document().documentMargin()
        width = max(int(editor.viewport().width() - 2 * margin), 40)
        text = editor.toPlainText() or editor.placeholderText() or " "
        metrics = QFontMetrics(editor.font())
        rect = metrics.boundingRect(QRect(0, 0, width, 100000),
                                    int(Qt.TextFlag.TextWordWrap), text)
        return max(1, math.ceil(rect.height() / max(metrics.lineSpacing(), 1)))

    def fit(self) -> None:
        editor = self.editor
        lines = min(max(self.lines(), self.min_lines), self.max_lines)
        metrics = QFontMetrics(editor.font())
        margins = editor.contentsMargins()
        height = (lines * metrics.lineSpacing() + 2 * editor.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        if editor.height() != height or editor.minimumHeight() != height:
            editor.setFixedHeight(int(height))


# the widest texts by the font's measure that are then sized exactly by the delegate (a
# few, since the font's measure and the delegate's text layout may differ by a pixel)
_EXACT_CANDIDATES = 4


class ColumnFitter(QObject):
    """Shares a table's width among its columns; see the module's docstring.

    Each column asks for the width of its widest cell and its header. When the table is
    wide enough, every column gets that and the main column (`stretch`) takes the rest.
    When it is not, the columns in `keep` (short values that must stay whole: dates,
    yes/no, a status) keep their width, and the others share what is left fairly: a
    column that needs little gets it all, the long ones are cut to an equal width (the
    main one to twice that) and show "…" (the cell's tooltip has the whole text). No
    column is cut narrower than its header. With more than `max_rows` rows, the content
    is not measured (that reads every row): the headers decide.
    """

    MAIN_WEIGHT = 2.0  # the main column may be this many times wider than the others
    MAIN_CHARS = 16  # and is never cut below about this many characters

    def __init__(self, table: QTableView, stretch: int = 0, keep: Sequence[int] = (),
                 max_rows: int = 400) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.keep = set(keep)
        self.max_rows = max_rows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)
        table.installEventFilter(self)
        table.destroyed.connect(self._timer.stop)
        self._width = -1
        model = table.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                           model.dataChanged, model.headerDataChanged):
                signal.connect(self.later)

    def later(self, *_args: object) -> None:
        """Fit once the current burst of changes is over."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._viewport:
            if self._viewport.width() != self._width:
                self.later()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.Show) and watched is self.table:
            self.later()
        return False

    def wanted(self, columns: list[int], available: int) -> tuple[dict[int, int],
                                                                  dict[int, int]]:
        """(the width each column asks for, the least it may have: its header's)."""
        table = self.table
        model = table.model()
        measure = model is not None and model.rowCount() <= self.max_rows
        pad = table.fontMetrics().averageCharWidth()
        wants: dict[int, int] = {}
        least: dict[int, int] = {}
        for column in columns:
            head = self._header_width(column)
            content = self.content_width(column) + pad if measure else head
            wants[column] = max(head, content)
            # the main column keeps enough to tell its rows apart, the others their header
            floor = min(pad * self.MAIN_CHARS, int(available * 0.4)) \
                if column == self.stretch else 0
            least[column] = min(wants[column], max(head, floor))
        return wants, least

    def content_width(self, column: int) -> int:
        """What `QTableView.sizeHintForColumn` answers, for a model of plain text cells
        (ItemTableModel: no icons, check boxes or fonts of their own), at a fraction of
        its cost: Qt asks the delegate's size of every cell, a dozen model calls each,
        which took most of a person switch on a list of a few hundred rows. Here each
        cell's text is read once and measured with the font; only the few widest are then
        sized by the delegate exactly as Qt does."""
        table = self.table
        model = table.model()
        rows = model.rowCount() if model is not None else 0
        if rows == 0:
            return table.sizeHintForColumn(column)
        texts, to_view = self._texts(model, column)
        metrics = QFontMetricsF(table.font())  # fractions: many texts differ by less than 1 px
        seen: set[str] = set()
        widest: list[tuple[float, int]] = []  # (approximate width, row), one row per text
        for row, text in enumerate(texts):
            if text in seen:
                continue
            seen.add(text)
            widest.append((max(metrics.horizontalAdvance(line)
                               for line in text.split("\n")), row))
        widest.sort(reverse=True)
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        best = 0
        for _width, row in widest[:_EXACT_CANDIDATES]:
            index = to_view(row)
            delegate = table.itemDelegateForIndex(index)
            best = max(best, delegate.sizeHint(option, index).width())
        return best + 1 if table.showGrid() else best

    @staticmethod
    def _texts(model: QAbstractItemModel, column: int) -> tuple[list[str],
                                                                Callable[[int], QModelIndex]]:
        """The text of each row the view shows in `column`, and the view's index of a row
        of that list. An ItemTableModel (under a sorting proxy or not) gives its texts in
        one call; other models are read cell by cell."""
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        from ui.item_model import ItemTableModel  # (the one model that has its texts)

        if not isinstance(source, ItemTableModel):
            texts = []
            for row in range(model.rowCount()):
                value = model.index(row, column).data()
                texts.append("" if value is None else str(value))
            return texts, lambda row: model.index(row, column)
        texts = source.column_texts(column)
        if source is model:
            return texts, lambda row: model.index(row, column)
        assert isinstance(model, QSortFilterProxyModel)
        if model.rowCount() != len(texts):  # a filter hides some rows: only the others
            shown = [model.mapToSource(model.index(r, column)).row()
                     for r in range(model.rowCount())]
            texts = [texts[r] for r in shown]
            return texts, lambda row: model.index(row, column)
        return texts, lambda row: model.mapFromSource(source.index(row, column))

    def _header_width(self, column: int) -> int:
        """What a header needs to show its words whole: their width (in bold, as Qt
        draws the current column's header), the style's margins, and the sort arrow on
        the sorted column only (Qt's own size hint reserves an arrow on every column,
        which takes width from the columns with content)."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        font = QFont(header.font())
        font.setBold(True)
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        width = QFontMetrics(font).horizontalAdvance(text) + 4 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                       header) + 2 * margin
        return min(width, header.sectionSizeHint(column))

    def widths(self, available: int) -> dict[int, int]:
        """The width of each shown column for a table `available` pixels wide."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        columns = [c for c in range(model.columnCount() if model is not None else 0)
                   if not header.isSectionHidden(c)]
        if not columns:
            return {}
        wants, least = self.wanted(columns, available)
        main = self.stretch if self.stretch in wants else columns[0]
        if sum(wants.values()) <= available:
            widths = dict(wants)
            widths[main] += available - sum(wants.values())
            return widths
        kept = {c: wants[c] for c in columns if c in self.keep and c != main}
        flexible = [c for c in columns if c not in kept]
        room = available - sum(kept.values())
        weight = {c: self.MAIN_WEIGHT if c == main else 1.0 for c in flexible}

        def share(level: float) -> dict[int, int]:
            return {c: max(least[c], min(wants[c], int(level * weight[c]))) for c in flexible}

        # the largest equal width (per unit of weight) at which the flexible columns fit
        low, high = 0.0, float(max(wants.values()))
        for _ in range(30):
            middle = (low + high) / 2
            if sum(share(middle).values()) <= room:
                low = middle
            else:
                high = middle
        widths = {**kept, **share(low)}
        leftover = available - sum(widths.values())
        if leftover > 0:
            widths[main] += leftover
        return widths

    def fit(self) -> None:
        table = self.table
        available = table.viewport().width()
        if table.model() is None or available <= 0 or not table.isVisible():
            return
        # a fit asked for by the same burst of changes would measure every row again
        self._timer.stop()
        self._width = available
        header = table.horizontalHeader()
        for column, width in self.widths(available).items():
            size = max(width, header.minimumSectionSize())
            if header.sectionSize(column) != size:
                header.resizeSection(column, size)
