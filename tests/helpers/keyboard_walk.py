"""What a keyboard user meets in a window: its shortcuts, its tab stops, its unnamed controls.

Shared by tests/ui/test_keyboard.py. Each function looks at real widgets as they are on screen
(hidden pages and widgets do not count: Qt does not let their shortcuts fire, nor Tab stop
on them).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt+letter a label's or button's text gives it ("&Find" -> "Alt+F")."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return f"Alt+{found.group(1).upper()}" if found else None


def _keys(sequences: list[QKeySequence]) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences
            if not s.isEmpty()]


def window_shortcuts(window: QWidget) -> dict[str, list[str]]:
    """Every key that does something in this window right now, and what it does.

    The window's actions (in menus or not), its QShortcuts, the mnemonics of the menu bar's
    menus, and those of the visible labels with a buddy, buttons and tabs. A key listed
    twice is ambiguous: Qt then runs neither, or the wrong one.
    """
    found: dict[str, list[str]] = defaultdict(list)
    actions: set[int] = set()
    for action in [*window.findChildren(QAction), *window.actions()]:
        if id(action) in actions:
            continue
        actions.add(id(action))
        if not action.isVisible() and action.menu() is None:
            continue
        for key in _keys(action.shortcuts()):
            found[key].append(f"action “{action.text()}”")
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and (not isinstance(parent, QWidget) or parent.isVisible()):
            for key in _keys(shortcut.keys()):
                found[key].append(f"shortcut of {type(parent).__name__}")
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            key = mnemonic(action.text())
            if key and action.isVisible():
                found[key].append(f"menu “{action.text()}”")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        named = isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None)
        key = mnemonic(widget.text()) if named else None
        if key:
            found[key].append(f"{type(widget).__name__} “{widget.text()}”")
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                key = mnemonic(widget.tabText(index))
                if key:
                    found[key].append(f"tab “{widget.tabText(index)}”")
    return dict(found)


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    """The letters that choose an entry of one open menu."""
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        key = mnemonic(action.text())
        if key and action.isVisible():
            found[key].append(action.text())
    return dict(found)


def duplicates(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: uses for key, uses in found.items() if len(uses) > 1}


# -- tab order --------------------------------------------------------------------------


def _top_left(widget: QWidget, window: QWidget) -> QPoint:
    """Where a widget is laid out in the window: a scroll area's contents as if it were
    not scrolled, so that the order of stops does not depend on where it is scrolled to."""
    point = widget.mapTo(window, QPoint(0, 0))
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(
                parent, QAbstractItemView):
            point += QPoint(parent.horizontalScrollBar().value(),
                            parent.verticalScrollBar().value())
        parent = parent.parentWidget()
    return point


def _area(widget: QWidget, window: QWidget) -> QWidget | None:
    """The innermost scroll area a widget is in (not counting item views)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(
                parent, QAbstractItemView):
            return parent
        parent = parent.parentWidget()
    return None


def _on_screen(widget: QWidget, window: QWidget) -> QRect:
    return widget.rect().translated(widget.mapTo(window, QPoint(0, 0)))


def activate(window: QWidget) -> None:
    """Make `window` the active one (focus moves only in the active window)."""
    import time

    window.raise_()
    window.activateWindow()
    deadline = time.monotonic() + 2
    while QApplication.activeWindow() is not window and time.monotonic() < deadline:
        QApplication.processEvents()
    assert QApplication.activeWindow() is window, "the window could not be activated"


def tab_stops(window: QWidget, limit: int = 400) -> Stops:
    """The widgets Tab visits, from the focused one, until it comes back to the first.

    Real Tab presses, sent to the widget with the focus as the keyboard would: a scroll
    area then scrolls the next stop into view, and a control that keeps Tab for itself
    (a text box that types a tab) is a trap, reported as `TrapError`.
    """
    from PySide6.QtTest import QTest

    activate(window)
    first = window.focusWidget()
    if first is None or not first.isVisible():
        window.focusNextChild()
        first = QApplication.focusWidget()
    assert first is not None, "nothing in the window takes the keyboard"
    stops = Stops([first])
    stops.note(first, window)
    for _ in range(limit):
        before = QApplication.focusWidget()
        assert before is not None
        QTest.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is before:
            raise TrapError(f"Tab does not leave {describe(before)}")
        if now is None or now is first or now in stops:
            break
        stops.append(now)
        stops.note(now, window)
    return stops


class Stops(list[QWidget]):
    """The stops in Tab's order, with where each was on screen when it had the focus (a
    scroll area scrolls each into view in turn)."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__(widgets)
        self.seen: dict[int, QRect] = {}

    def note(self, widget: QWidget, window: QWidget) -> None:
        self.seen[id(widget)] = _on_screen(widget, window)


class TrapError(AssertionError):
    """Tab stays in one control: a keyboard user cannot get past it."""


def from_the_top(stops: list[QWidget], window: QWidget) -> Stops:
    """The cycle of stops turned to begin where reading begins.

    Tab order is a cycle; its start is the one place where going back up is right (the
    wrap-around). With columns side by side the top-left stop is not always the start
    (a notes pane at the right may sit higher than the list at the left), so the start is
    the turn of the cycle that reads best: the one with the fewest steps out of order.
    """
    if not stops:
        return stops
    turns = [stops[i:] + stops[:i] for i in range(len(stops))]
    best = Stops(min(turns, key=lambda turn: len(out_of_order(window, turn))))
    best.seen = stops.seen if isinstance(stops, Stops) else {}
    return best


# What Tab may stop on without the user seeing anything take the keyboard: a container.
CONTAINERS = ("QWidget", "QFrame", "QScrollArea", "QStackedWidget", "QSplitter", "QGroupBox")


def invisible_stops(window: QWidget, stops: list[QWidget]) -> list[str]:
    """Stops the user cannot see or use: hidden, disabled, or outside the window."""
    bad = []
    area = window.rect()
    seen = stops.seen if isinstance(stops, Stops) else {}
    for widget in stops:
        rect = seen.get(id(widget)) or _on_screen(widget, window)
        if not widget.isVisible() or not widget.isEnabled() or widget.width() <= 0 \
                or not area.intersects(rect):
            bad.append(describe(widget))
        elif type(widget).__name__ in CONTAINERS:
            bad.append(describe(widget) + " (a container, not a control)")
    return bad


def out_of_order(window: QWidget, stops: list[QWidget], row: int = 12) -> list[str]:
    """Stops that go back up the window, or back left on the same row.

    Reading order: each stop is below the previous one, or on the same row (tops within
    `row` pixels, or overlapping rows) and to its right. A stop inside a scrolled area is
    compared by where it is in the area, not where it is scrolled to. Going back to the
    first stop at the end is the wrap-around, which is fine.
    """
    bad = []
    seen = stops.seen if isinstance(stops, Stops) else {}
    # (Qt's own scroll buttons of a tab bar whose tabs do not fit sit where the tabs are)
    stops = [w for w in stops if not isinstance(w.parentWidget(), QTabBar)]
    for before, after in itertools.pairwise(stops):
        if _area(before, window) is _area(after, window) or not seen:
            a, b = _top_left(before, window), _top_left(after, window)
        else:  # into or out of a scroll area: where each was when it had the focus
            a, b = seen[id(before)].topLeft(), seen[id(after)].topLeft()
        # one row: the tops level, or each one's middle within the other's height (a
        # tall box beside a short one; not a short one below a tall one's top)
        middle_a, middle_b = a.y() + before.height() // 2, b.y() + after.height() // 2
        same_row = abs(a.y() - b.y()) <= row or (
            b.y() <= middle_a <= b.y() + after.height()
            and a.y() <= middle_b <= a.y() + before.height())
        if same_row:
            if b.x() < a.x() and not _contains(before, after, window):
                bad.append(f"{describe(after)} is left of {describe(before)}")
        elif b.y() < a.y() and not _side_by_side(before, after, window):
            bad.append(f"{describe(after)} is above {describe(before)}")
    return bad


def _contains(outer: QWidget, inner: QWidget, window: QWidget) -> bool:
    rect = outer.rect().translated(_top_left(outer, window))
    return rect.contains(_top_left(inner, window))


def _side_by_side(before: QWidget, after: QWidget, window: QWidget) -> bool:
    """`after` starts a column to the right of `before`'s (a list beside its editor): the
    columns are read one after the other, each top to bottom."""
    a, b = _top_left(before, window), _top_left(after, window)
    return b.x() >= a.x() + before.width()


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit, QLabel)) else ""
    return f"{type(widget).__name__}({name or text or '?'})"


# -- accessible names -------------------------------------------------------------------

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractSlider, QAbstractItemView, QTabBar)


def unnamed_controls(window: QWidget) -> list[str]:
    """Visible controls a screen reader could only call by their type.

    A control is named by its accessibleName, its own text (a button, a tick box), or a
    label that is its buddy (a form's row label is one).
    """
    labelled: set[int] = set()
    for label in window.findChildren(QLabel):
        if label.buddy() is not None:
            labelled.add(id(label.buddy()))
    for form in window.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and isinstance(label.widget(), QLabel) \
                    and field.widget() is not None and label.widget().text().strip():
                labelled.add(id(field.widget()))
    missing = []
    for widget in controls(window):
        own = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName().strip() or own.replace("&", "").strip() \
                or id(widget) in labelled:
            continue
        missing.append(describe(widget) + " in " + _path(widget))
    return missing


def controls(window: QWidget) -> list[QWidget]:
    """The visible controls of a window a user can reach (not the parts Qt makes inside
    another control: a combo box's line edit, a scroll bar)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
                widget, QAbstractButton):
            continue
        if isinstance(widget, QAbstractSlider) and widget.focusPolicy() in (
                Qt.FocusPolicy.NoFocus, Qt.FocusPolicy.TabFocus):
            continue
        if _inner_part(widget):
            continue
        found.append(widget)
    return found


def _inner_part(widget: QWidget) -> bool:
    """A piece Qt puts inside another control (a spin box's line edit, a tab bar's scroll
    buttons, a table's corner button, an editable combo box's line edit)."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar)):
        return True
    return widget.objectName().startswith("qt_") or (
        isinstance(widget, QAbstractButton) and isinstance(parent, QAbstractItemView))


def _path(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget.parentWidget()
    while current is not None and len(names) < 4:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))
