"""The window's page area: the pages scroll when their text is too large for the screen.

At 200% text on a 1366x768 laptop a page can ask for more room than the screen has; the
window then used to grow past the screen, cutting its bottom off. Here the page on screen
gets the whole area while it fits and scrolls once it needs more than its least size.
Only the page on screen is measured: the pages' stack answers for every page, shown or
not (a plain resizable scroll area made each page as tall as the tallest wrapped text of
any page). A wrapped label's least height is its height at its width only when it says
so (`ui.wrap_height.keep_whole`): a layout's minimum leaves wrapping out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget


class _Holder(QWidget):
    """The stack, filling this widget, whose size the PageArea sets."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self.stack = stack
        stack.setParent(self)

    def needed(self, width: int) -> QSize:
        """The least size the page on screen can be shown at, at about this width."""
        page = self.stack.currentWidget()
        if page is None:
            return QSize(0, 0)
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        width = max(width, least.width())
        return QSize(width, least.height())

    def resizeEvent(self, event: object) -> None:
        self.stack.setGeometry(self.rect())


class PageArea(QScrollArea):
    """`stack` (the window's pages) in a frameless scroll area that sizes it."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self.setObjectName("pageArea")
        self.setProperty("frameShape", 0)  # QFrame.Shape.NoFrame (no enum before the frame)
        self.holder = _Holder(stack)
        self.setWidget(self.holder)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        for watched in (stack, self.holder):
            watched.installEventFilter(self)
        stack.currentChanged.connect(lambda _index: self.fit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if event.type() == QEvent.Type.LayoutRequest:
                self._later.start()  # a page's content or text size changed
            return super().eventFilter(watched, event)  # (the area's own: the scroll bars)
        except (AttributeError, RuntimeError):  # the window is being destroyed
            return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Give the page the whole area, or what it needs when that is more."""
        room = self.contentsRect().size()
        need = self.holder.needed(room.width())
        if need.height() > room.height():  # a vertical scroll bar takes some width
            bar = self.verticalScrollBar().sizeHint().width()
            need = self.holder.needed(room.width() - bar)
            room.setWidth(room.width() - bar)
        if need.width() > room.width():
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        size = QSize(max(need.width(), room.width()), max(need.height(), room.height()))
        if self.holder.size() != size:
            self.holder.resize(size)
