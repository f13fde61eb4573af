# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The page protocol you can see: every page derives from `Page`, the window never asks a
page whether it has a method, dialogs do not import pages, and the menus are reached by
name (`MainWindow.menus`), not by their place in the menu bar."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from tests.helpers.cli import ROOT
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401

UI = ROOT / "ui"


def _modules(folder: Path) -> list[str]:
    return [".".join(path.relative_to(ROOT).with_suffix("").parts)
            for path in sorted(folder.rglob("*.py"))]


def _imported(tree: ast.AST) -> set[str]:
    """Every module an import names, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_every_page_class_in_ui_pages_derives_from_page() -> None:
    from ui.pages.page import Page

    widgets = []
    for name in _modules(UI / "pages"):
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and cls.__name__.endswith("Page") \
                    and issubclass(cls, QWidget):
                widgets.append(cls)
    assert len(widgets) >= 5  # SectionPage, TabbedPage, RecordsPage, OverviewPage, CasePage
    assert [cls.__name__ for cls in widgets if not issubclass(cls, Page)] == []


def test_every_section_and_tab_the_window_makes_is_a_page(window_factory: Any,
                                                         person_id: int) -> None:
    from ui.pages import SECTIONS
    from ui.pages.page import Page

    window = window_factory()
    for key, _label in SECTIONS:
        page = window.page(key)
        assert isinstance(page, Page), key
        assert all(isinstance(inner, Page) for inner in page.sub_pages()), key
        assert page.person_id == person_id, key


def test_ui_never_asks_whether_something_has_an_attribute() -> None:
    """hasattr/getattr on a page hid a missing method (and a typo) until a click reached
    it; only an item's fields, named by its field specs, are read by name."""
    offences = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            first = node.args[0] if node.args else None
            reads_an_item = isinstance(first, ast.Name) and first.id == "item"
            if node.func.id == "hasattr" or (node.func.id == "getattr" and not reads_an_item):
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offences == []


def test_dialogs_do_not_import_pages() -> None:
    """A dialog is opened by a page; what both use lives in ui/widgets.py."""
    offences = []
    for path in sorted((UI / "dialogs").rglob("*.py")):
        names = _imported(ast.parse(path.read_text(encoding="utf-8")))
        offences += [f"{path.name}: {n}" for n in sorted(names)
                     if n == "ui.pages" or n.startswith("ui.pages.")]
    assert offences == []


def test_the_checks_above_would_see_an_offence(tmp_path: Path) -> None:
    """The scanners find what they look for (so the tests above can fail)."""
    tree = ast.parse("def f(page):\n    from ui.pages.case_common import hint\n"
                     "    return hasattr(page, 'flush')\n")
    assert "ui.pages.case_common" in _imported(tree)
    assert any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
               and n.func.id == "hasattr" for n in ast.walk(tree))


def test_the_menus_are_reached_by_name(window_factory: Any, person_id: int) -> None:
    window = window_factory()
    menus = window.menus
    bar = [action.menu() for action in window.menuBar().actions()]
    assert [menus.file, menus.edit, menus.view, menus.person, menus.help] == bar
    assert menus.file.actions()[-1] is menus.quit
    assert menus.printouts.menuAction() in menus.file.actions()
    assert all(action.isEnabled() for action in menus.for_a_person)


def test_the_person_menus_wait_on_the_welcome_page(window_factory: Any) -> None:
    window = window_factory()  # no person yet: the welcome page
    assert window.current_page() is None
    assert not any(action.isEnabled() for action in window.menus.for_a_person)
    window.new_item()  # nothing to add to, and no page to ask: nothing happens
    window.delete_item()

