"""Windows and dialogs sized from the screen they open on, never from a fixed size.

A size written in pixels (1200x800) is too tall for a 1366x768 laptop, whose panel and
title bar leave about 700 pixels, and too small once the text is twice as large. So each
window says the size it would like at the app's base text size; `fit_to_screen` grows it
with the text (the application font against `ui.theme.scale.BASE_POINT_SIZE`), keeps it within
the screen's available area (less the window manager's frame) and places it there, over
its parent when it has one. `keep_on_screen` does the same for a window already open,
after a zoom made its contents ask for more room.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QSplitter, QWidget

from ui.theme.scale import BASE_POINT_SIZE

# The window manager's title bar and borders, before a window is shown (once shown, its
# own frame is measured instead).
FRAME_WIDTH, FRAME_HEIGHT = 16, 40
SPLITTER_MARGIN = 24  # what a page's margins take beside a splitter on it, about


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without panels and docks)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def text_scale() -> float:
    """How much larger the text is than the app's base size (1.0 at 100%)."""
    size = QGuiApplication.font().pointSizeF()
    return max(size / BASE_POINT_SIZE, 0.5) if size > 0 else 1.0


def _frame(widget: QWidget) -> QSize:
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        return QSize(outer.width() - inner.width(), outer.height() - inner.height())
    return QSize(FRAME_WIDTH, FRAME_HEIGHT)


def room(widget: QWidget) -> QSize:
    """The largest size the widget may take: its screen's available area, less its frame."""
    area, frame = available_area(widget), _frame(widget)
    return QSize(max(area.width() - frame.width(), 200),
                 max(area.height() - frame.height(), 200))


def fit_to_screen(widget: QWidget, width: int, height: int,
                  parent: QWidget | None = None, grow: bool = True) -> None:
    """Size `widget` as `width` x `height` at the base text size, grown with the text and
    never larger than the screen allows; centred over `parent` (or the screen). With
    `grow`, it also grows taller for wrapped text (see grow_with_text)."""
    scale = text_scale()
    limit = room(widget)
    wanted = QSize(round(width * scale), round(height * scale))
    size = QSize(min(wanted.width(), limit.width()), min(wanted.height(), limit.height()))
    widget.resize(size)
    _place(widget, parent)
    if grow:
        grow_with_text(widget)


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a window that no longer fits its screen (after a zoom)."""
    limit = room(widget)
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(min(widget.width(), limit.width()),
                      min(widget.height(), limit.height()))
    area, outer = available_area(widget), widget.frameGeometry()
    x = min(max(outer.x(), area.left()), area.right() + 1 - outer.width())
    y = min(max(outer.y(), area.top()), area.bottom() + 1 - outer.height())
    if (x, y) != (outer.x(), outer.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


class _GrowWithText(QObject):
    """Makes a window taller when its wrapped text needs more lines than it has room for.

    A window's layout gives it the minimum height of its parts, but a word-wrapped label's
    height depends on its width, which the minimum ignores: a message shown after the
    window opened (a refused passphrase), or a zoom, left its last lines cut off.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if watched is self.window and not self._pending and event.type() in (
                    QEvent.Type.Show, QEvent.Type.LayoutRequest, QEvent.Type.Resize):
                self._pending = True
                QTimer.singleShot(0, self.fit)  # once the layout has settled
        except (AttributeError, RuntimeError):  # the window is being destroyed
            pass
        return False

    def fit(self) -> None:
        try:
            self._fit()
        except RuntimeError:  # closed and deleted before the layout settled
            pass

    def _fit(self) -> None:
        self._pending = False
        window, layout = self.window, self.window.layout()
        if layout is None or not window.isVisible():
            return
        width = window.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
            else layout.totalMinimumSize().height()
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > window.height():
            window.resize(width, min(needed, room(window).height()))
            keep_on_screen(window)


def grow_with_text(window: QWidget) -> None:
    """Keep `window` tall enough for its wrapped text (see _GrowWithText), once."""
    if window.findChild(_GrowWithText) is None:
        _GrowWithText(window)


def visible_room(widget: QWidget) -> QSize:
    """The size `widget` is seen at: its scroll area's viewport (the window's page area)
    when it is inside one, whose content grows with what it shows; else its own."""
    inner: QWidget | None = widget
    while inner is not None:
        outer = inner.parentWidget()
        if isinstance(outer, QAbstractScrollArea) and outer.viewport() is inner:
            return QSize(outer.viewport().size())
        inner = outer
    return QSize(widget.size())


class _StackWhenNarrow(QObject):
    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show,
                            QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self.fit)
        return False

    def fit(self) -> None:
        try:
            self._fit()
        except (AttributeError, RuntimeError):  # the splitter was deleted meanwhile
            pass

    def _fit(self) -> None:
        from PySide6.QtCore import Qt

        splitter = self.splitter
        parts = [w for i in range(splitter.count()) if (w := splitter.widget(i)) is not None]
        least = sum(p.minimumSizeHint().expandedTo(p.minimumSize()).width() for p in parts)
        least += splitter.handleWidth() * (len(parts) - 1) + 4
        room = visible_room(splitter).width() - SPLITTER_MARGIN  # (the page's margins)
        wanted = Qt.Orientation.Horizontal if least <= room else Qt.Orientation.Vertical
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
        # a part whose least size grew (its buttons wrapped) is given it: a splitter
        # keeps the sizes it had
        vertical = wanted == Qt.Orientation.Vertical
        sizes = splitter.sizes()
        least_sizes = [p.minimumSizeHint().expandedTo(p.minimumSize()) for p in parts]
        for part in parts:  # one above the other: each as tall as its wrapped rows need
            # at the splitter's width (a splitter knows only a part's minimum size, which
            # is from the width it had before; below it, its buttons and list overlap)
            need = _least_height_at(part, splitter.width()) if vertical else 0
            if need != part.property("stackedLeast"):
                part.setProperty("stackedLeast", need)
                part.setMinimumHeight(need)
        least_sizes = [p.minimumSizeHint().expandedTo(p.minimumSize()) for p in parts]
        grown = [max(size, least.height() if vertical else least.width())
                 for size, least in zip(sizes, least_sizes, strict=True)]
        if grown != sizes:
            splitter.setSizes(grown)


def _least_height_at(part: QWidget, width: int) -> int:
    """The least height `part` needs at `width`, counting rows that wrap (a FlowLayout's
    buttons): its minimum size hint alone is from the width it had before."""
    layout = part.layout()
    if layout is None or not layout.hasHeightForWidth() or width <= 0:
        return 0
    return int(layout.totalMinimumHeightForWidth(width))


def stack_when_narrow(splitter: QSplitter) -> QSplitter:
    """Parts side by side while they fit the width they are seen at, else one above the
    other (a list and its details at 200% text on a laptop), never sideways scrolling."""
    if splitter.findChild(_StackWhenNarrow) is None:
        _StackWhenNarrow(splitter)
    return splitter


def narrow_combo(combo: QComboBox, chars: int = 20) -> QComboBox:
    """Let a choice list be narrower than its longest entry (a case's long title, a
    visit's whole line), so a dialog fits the screen at a large text size; the open list
    still shows each entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def _place(widget: QWidget, parent: QWidget | None) -> None:
    area, frame = available_area(widget), _frame(widget)
    full = QSize(widget.width() + frame.width(), widget.height() + frame.height())
    centre = parent.frameGeometry().center() if parent is not None and parent.isVisible() \
        else area.center()
    corner = QPoint(centre.x() - full.width() // 2, centre.y() - full.height() // 2)
    x = min(max(corner.x(), area.left()), area.right() + 1 - full.width())
    y = min(max(corner.y(), area.top()), area.bottom() + 1 - full.height())
    widget.move(max(x, area.left()), max(y, area.top()))
