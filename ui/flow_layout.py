"""A row of buttons (and boxes) that wraps onto a second line when the width runs out.

One row of four buttons fits a laptop at 100% text; at 200% it is wider than the page and
the page scrolled sideways. `FlowLayout` lays its items left to right at their preferred
widths and starts a new line where the next one would not fit; an item that may grow
(a search box: its size policy expands) takes the rest of its line. Its least width is
its widest item's; its least height is the height of its lines at its current width, so
the window's page area scrolls rather than squeeze it (a height for the width alone is
left out of a layout's minimum, see ui/wrap_height.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items in lines, left to right, wrapping; `insertWidget` as a QBoxLayout has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._height = -1  # the least height last told to the layouts around
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout interface ----------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        # through addWidget, so that Qt makes (and, with the widget, deletes) the item; an
        # item made here would belong to Python too, and be deleted twice
        self.addWidget(widget)
        self._items.insert(max(0, min(index, len(self._items) - 1)), self._items.pop())
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if self._height >= 0 and height != self._height:
            # more (or fewer) lines at this width: the layouts around ask again for the
            # least height (each keeps it until told, and update() tells none of them)
            self._height = height
            layout: object = self
            while isinstance(layout, QLayout):
                layout.invalidate()
                layout = layout.parent()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._visible()) + self._gap() * max(
            len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        width = max((i.minimumSize().expandedTo(i.sizeHint()).width()
                     for i in self._visible()), default=0)
        width += margins.left() + margins.right()
        current = self.geometry().width()
        height = self.heightForWidth(max(current, width)) if current > 0 else \
            self.sizeHint().height()
        self._height = height
        return QSize(width, height)

    # -- laying out ---------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing,
                                          None, parent) if parent.style() else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (when `move`); the height the lines take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(),
                             -margins.bottom())
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if lines[-1] and used + gap + width > area.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(i.sizeHint().height() for i in line)
            natural = sum(i.sizeHint().width() for i in line) + gap * (len(line) - 1)
            growing = [i for i in line if _grows(i)]
            extra = max(area.width() - natural, 0) // len(growing) if growing else 0
            x = area.x()
            for item in line:
                width = item.sizeHint().width() + (extra if item in growing else 0)
                width = min(width, area.width())
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0


def _grows(item: QLayoutItem) -> bool:
    """Whether the item's widget may take more than its width (a search box)."""
    widget = item.widget()
    return widget is not None and bool(widget.sizePolicy().horizontalPolicy().value
                                       & QSizePolicy.PolicyFlag.ExpandFlag.value)
