"""`python -m tests.helpers.layout_walk ZOOM`: every page and dialog of the demo window, checked for
what does not fit, printed as JSON (a list of problems, one sentence each).

Run by tests/test_layout_fit.py in a process of its own, whose offscreen screen has the
size under test (QT_QPA_PLATFORM="offscreen:configfile=..."): the window and the dialogs
size themselves from that screen, as they would on the laptop. Everything is measured from
the style in force (the sizes its widgets ask for), never from pixel values written here,
so the checks hold whatever theme is applied.

What counts as a problem, on each page and dialog:
- the window (or dialog) reaches past the screen's available area;
- a visible label or button is smaller than its text asks for (its size hint; a
  word-wrapped label its height for its width);
- a visible widget reaches past its parent (cut in half), except inside a scrolled area;
- a visible widget its parent's layout does not hold (a left-over, painted over others);
- a list or table with rows shows none of them;
- check boxes and radio buttons whose indicator does not grow with the text.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabWidget,
    QWidget,
)


def settle() -> None:
    """Let the layouts, the column fitting and the text heights settle."""
    for _ in range(4):
        QApplication.processEvents()


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    name = widget.accessibleName() or widget.objectName()
    what = type(widget).__name__
    return f"{what} {text[:50]!r}" if text else f"{what} {name!r}"


def _in_layout(layout: QLayout | None, widget: QWidget) -> bool:
    if layout is None:
        return False
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _in_layout(inner, widget):
            return True
    return False


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether `widget` lies inside a scroll area's viewport (it may reach past it)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        outer = parent.parentWidget()
        if isinstance(outer, QAbstractScrollArea) and outer.viewport() is parent:
            return True
        parent = outer
    return False


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a composite widget (scroll bars' corners, tab bar arrows...)."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):  # an editor open in a cell, a header
            return True
        parent = parent.parentWidget()
    return False


def text_problems(widget: QWidget) -> list[str]:
    """A label or button smaller than its text asks for."""
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return []
        margins = widget.contentsMargins()
        if widget.wordWrap():
            need_h = widget.heightForWidth(widget.width())
            # the longest word must fit the width too
            words = widget.text().split() if widget.textFormat() != 1 else []
            longest = max((widget.fontMetrics().horizontalAdvance(w) for w in words),
                          default=0) + margins.left() + margins.right()
            if need_h > widget.height() or (words and longest > widget.width() + 1):
                return [f"{_describe(widget)} is cut: it needs a height of {need_h} at "
                        f"width {widget.width()}, it has {widget.height()}"]
            return []
        hint = widget.sizeHint()
    elif isinstance(widget, QAbstractButton):
        if not widget.text() or isinstance(widget.parentWidget(), QLineEdit):
            return []  # (a line's own action button shows an icon, sized by the line)
        hint = widget.sizeHint()
    else:
        return []
    if hint.width() > widget.width() or hint.height() > widget.height():
        return [f"{_describe(widget)} is cut: it needs {hint.width()}x{hint.height()}, "
                f"it has {widget.width()}x{widget.height()}"]
    return []


def view_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or model.rowCount(view.rootIndex()) == 0:
        return []
    first = view.visualRect(model.index(0, 0, view.rootIndex()))
    height = max(first.height(), view.sizeHintForRow(0), 1)
    if view.viewport().height() < height:
        return [f"{_describe(view)} shows no row: its viewport is "
                f"{view.viewport().height()} px high, a row needs {height}"]
    return []


def indicator_size(box: QCheckBox | QRadioButton) -> int:
    option = QStyleOptionButton()
    option.initFrom(box)
    element = QStyle.SubElement.SE_CheckBoxIndicator if isinstance(box, QCheckBox) \
        else QStyle.SubElement.SE_RadioButtonIndicator
    return int(box.style().subElementRect(element, option, box).height())


def problems(top: QWidget, where: str) -> list[str]:
    """Everything on `top` (a window or dialog on screen) that does not fit."""
    found: list[str] = []
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    if not screen.contains(frame):
        found.append(f"{where}: the window ({frame.width()}x{frame.height()} at "
                     f"{frame.x()},{frame.y()}) reaches past the screen "
                     f"({screen.width()}x{screen.height()})")
    window_rect = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top or _internal(widget):
            continue
        parent = widget.parentWidget()
        here = f"{where}: "
        found += [here + p for p in text_problems(widget)]
        if isinstance(widget, QAbstractItemView):
            found += [here + p for p in view_problems(widget)]
        if parent is None:
            continue
        scrolled = _scrolled(widget, top)
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if not scrolled and not window_rect.contains(rect):
            found.append(f"{here}{_describe(widget)} lies outside the window "
                         f"({rect.x()},{rect.y()} {rect.width()}x{rect.height()})")
        outer = parent.parentWidget()
        in_viewport = isinstance(outer, QAbstractScrollArea) and outer.viewport() is parent
        if not in_viewport and not parent.rect().contains(widget.geometry()):
            found.append(f"{here}{_describe(widget)} is cut by {_describe(parent)}")
        if parent.layout() is not None and not _in_layout(parent.layout(), widget) \
                and not isinstance(parent, (QTabWidget, QMainWindow)):
            found.append(f"{here}{_describe(widget)} is left over, outside any layout")
    return found


def _pages(window: Any) -> Iterator[str]:
    """Show every section, every tab of a section and every tab of the case page."""
    from ui.pages import SECTIONS

    for key, _label in SECTIONS:
        page = window.show_section(key)
        inner_pages = page.sub_pages() or [page]
        for number, inner in enumerate(inner_pages):
            if inner is not page:
                page.show_sub_page(inner)
            settle()
            yield f"{key}" + (f" tab {number + 1}" if inner is not page else "")
            tabs = getattr(inner, "tabs", None) if key == "cases" else None
            if isinstance(tabs, QTabWidget):
                for index in range(1, tabs.count()):
                    tabs.setCurrentIndex(index)
                    settle()
                    yield f"{key}: {tabs.tabText(index)}"
                tabs.setCurrentIndex(0)


def _dialogs(window: Any, folder: Path) -> Iterator[tuple[str, Callable[[], Any]]]:
    """(name, how to open it): each returns the dialog or window to look at."""
    from ui.dialogs.error_dialog import ErrorDialog
    from ui.dialogs.passphrase_dialogs import ChangePassphraseDialog, EnableEncryptionDialog
    from ui.dialogs.starters_dialog import StartersDialog
    from ui.dialogs.unlock_dialog import UnlockDialog

    def cases() -> Any:
        return window.show_section("cases")

    def unlock() -> Any:
        dialog = UnlockDialog(folder, parent=window)
        dialog.open()
        settle()
        dialog._say("That passphrase does not open this organizer. Check that Caps Lock "
                    "is off and type it again; a lost passphrase cannot be recovered.")
        return dialog

    def error() -> Any:
        dialog = ErrorDialog(window)
        dialog.show()
        return dialog

    def visit_mode() -> Any:
        page = cases()
        page.start_visit_mode()
        return page.visit_window

    def plan_visit() -> Any:
        page = cases()
        page.plan_visit()
        return page.dialog

    def opinion() -> Any:
        page = cases()
        if page.opinions.cards:  # (the Spanish household has no opinion yet: a new one)
            page.opinions.edit(page.opinions.cards[0].opinion.id)
        else:
            page.opinions.add_opinion()
        return page.opinions.dialog

    def starters() -> Any:
        dialog = StartersDialog(window.context, window)
        dialog.show()
        return dialog

    def shown(dialog: Any) -> Any:
        dialog.show()
        return dialog

    yield "Add a person", window.add_person
    yield "Edit a person", window.edit_person
    yield "Make packet", window.make_packet
    yield "Print a list", lambda: window.print_list("medications")
    yield "Export", window.export
    yield "About", window.about
    yield "Question starters", starters
    yield "Plan a visit", plan_visit
    yield "Edit an opinion", opinion
    yield "Visit mode", visit_mode
    yield "Unlock (with a message)", unlock
    yield "Protect with a passphrase", lambda: shown(EnableEncryptionDialog(window))
    yield "Change the passphrase", lambda: shown(ChangePassphraseDialog(window))
    yield "Unexpected error", error


def _first_opinion(window: Any) -> list[str]:
    """A new second opinion, then its first opinion: the "no opinion yet" words go."""
    page = window.show_section("cases")
    page.new_case()
    page.tabs.setCurrentIndex(1)
    settle()
    case_id, person_id = page.case_id, window.context.person_id
    window.context.write("Add an opinion", lambda: window.context.store.add(
        "opinion", {"case_id": case_id, "agrees": "n_a", "diagnosis": "Spinal stenosis"},
        person_id=person_id))
    settle()
    return problems(window, "the first opinion of a new second opinion")


def walk(zoom: float) -> dict[str, Any]:
    from ui.app import make_application, open_window
    from ui.settings import Settings

    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="organizer-layout-") as name:
        folder = Path(name)
        settings = Settings(QSettings(str(folder / "settings.ini"),
                                      QSettings.Format.IniFormat))
        make_application(settings)
        window = open_window(demo=True, settings=settings)
        window.show()
        settle()
        box = QCheckBox("Sample")  # (not shown: only measured)
        radio = QRadioButton("Sample")
        base = (indicator_size(box), indicator_size(radio), box.fontMetrics().height())
        window.set_zoom(zoom)
        settle()
        grown = (indicator_size(box), indicator_size(radio), box.fontMetrics().height())
        box.deleteLater()
        radio.deleteLater()
        settle()
        text_growth = grown[2] / base[2]
        for kind, before, after in (("check box", base[0], grown[0]),
                                    ("radio button", base[1], grown[1])):
            if zoom > 1 and after < before * (1 + (text_growth - 1) * 0.75):
                found.append(f"the {kind} indicator stays {after} px (it was {before} px) "
                             f"while the text grew from {base[2]} to {grown[2]} px")
        pages = dialogs = 0
        for where in _pages(window):
            found += problems(window, where)
            sideways = window.page_area.horizontalScrollBar()
            if sideways.isVisible():
                found.append(f"{where}: the page scrolls sideways by {sideways.maximum()} px")
            pages += 1
        for name_, opener in _dialogs(window, folder):  # (on the demo's own case)
            dialog = opener()
            settle()
            if dialog is None:
                found.append(f"{name_}: did not open")
                continue
            found += problems(dialog, name_)
            dialogs += 1
            dialog.close()
            settle()
        found += [f"cases: {p}" for p in _first_opinion(window)]
        window.close()
        settle()
    return {"zoom": zoom, "pages": pages, "dialogs": dialogs, "problems": found}


def main(argv: list[str]) -> int:
    result = walk(float(argv[0]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
