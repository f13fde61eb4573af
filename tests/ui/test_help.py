# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Help for a beginner: Help › "How a second opinion works" (the checklist's own ten steps,
each with why it matters) and "Getting started", opened from the real menus; the welcome
screen's whole text, that everything stays on this computer included, on a 1366x768
laptop at 100% and 200% text size."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from organizer.items.checklist import STEPS
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401
from ui import style
from ui.dialogs.help_dialog import WHY, HelpDialog, getting_started_html, steps_html
from ui.pages import SECTIONS

SIZES = [(1366, 768), (1280, 720)]


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _help_action(window: Any, words: str) -> Any:
    return next(a for a in window.menus.help.actions() if a.text().replace("&", "") == words)


def _open(window: Any, words: str) -> HelpDialog:
    before = set(window.findChildren(HelpDialog))
    _help_action(window, words).trigger()
    _settle()
    (dialog,) = set(window.findChildren(HelpDialog)) - before
    return dialog


def _save(widget: QWidget, name: str) -> None:
    """A picture to look at, when ORGANIZER_SHOTS names a folder (never in CI)."""
    folder = os.environ.get("ORGANIZER_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_the_ten_steps_are_the_checklists_own_words_each_with_why(window_factory: Any) -> None:
    assert len(STEPS) == len(WHY) == 10
    window = window_factory()
    dialog = _open(window, "How a second opinion works")
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.text.toPlainText()
    positions = [text.index(step) for step in STEPS]
    assert positions == sorted(positions)  # in the checklist's order
    for why in WHY:
        assert why in text
    assert "stays on this computer" in text
    dialog.close()


def test_the_steps_follow_the_checklist_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built from organizer.checklist, not a copy: a reworded step is reworded in the help."""
    import ui.dialogs.help_dialog as help_dialog

    changed = ("Ask your doctor whom else to see", *STEPS[1:])
    monkeypatch.setattr(help_dialog, "STEPS", changed)
    assert "Ask your doctor whom else to see." in help_dialog.steps_html()
    assert STEPS[0] not in help_dialog.steps_html()


def test_getting_started_names_only_menus_and_sections_that_exist(window_factory: Any) -> None:
    window = window_factory()
    dialog = _open(window, "Getting started")
    text = dialog.text.toPlainText()
    assert "Everything stays on this computer" in text
    menus = {m.title().replace("&", ""): m for m in
             (window.menus.file, window.menus.edit, window.menus.person, window.menus.help)}
    paths = re.findall(r"<b>([^<›]+) › ([^<]+)</b>", getting_started_html() + steps_html())
    assert len(paths) >= 5
    for menu, item in paths:
        texts = [a.text().replace("&", "").split("\t")[0] for a in menus[menu].actions()]
        assert item in texts, (menu, item, texts)
    sections = {label for _key, label in SECTIONS}
    for named in ("Conditions", "Second opinions"):
        assert f"<b>{named}</b>" in getting_started_html()
        assert named in sections


@pytest.mark.parametrize("zoom", [1.0, 2.0])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_help_fits_the_screen_and_reads_whole(window_factory: Any, zoom: float, width: int,
                                              height: int) -> None:
    window = window_factory()
    window.resize(width, height)
    window.set_zoom(zoom)
    _settle()
    dialog = _open(window, "How a second opinion works")
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    button = dialog.close_button
    assert button.width() >= button.sizeHint().width()
    assert dialog.rect().contains(button.geometry().translated(
        button.parentWidget().mapTo(dialog, button.parentWidget().rect().topLeft())))
    _save(dialog, f"help-steps-{width}-{round(zoom * 100)}")
    dialog.close()


def _text_fits(widget: QLabel | QPushButton) -> bool:
    hint = widget.sizeHint()
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) <= widget.height()
    return hint.width() <= widget.width() and hint.height() <= widget.height()


@pytest.mark.parametrize("zoom", [1.0, 2.0])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_welcome_screen_shows_its_whole_text(window_factory: Any, zoom: float, width: int,
                                                 height: int) -> None:
    style.apply_zoom(1.0)
    window = window_factory()
    window.resize(width, height)
    window.set_zoom(zoom)
    _settle()
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome
    shown = [w for w in welcome.findChildren(QLabel) + welcome.findChildren(QPushButton)
             if w.isVisibleTo(window)]
    words = " ".join(w.text() for w in shown)
    assert "Everything stays on this computer; nothing is sent anywhere." in words
    assert "How a second opinion works" in words
    inside = window.centralWidget().rect()
    for widget in shown:
        assert _text_fits(widget), (widget.text()[:40], widget.size(), widget.sizeHint())
        corner = widget.mapTo(window.centralWidget(), widget.rect().topLeft())
        assert inside.contains(corner) and inside.contains(
            corner + widget.rect().bottomRight()), widget.text()[:40]
    _save(window, f"welcome-{width}-{round(zoom * 100)}")


def test_the_welcome_screen_opens_the_help(window_factory: Any) -> None:
    window = window_factory()
    _settle()
    before = set(window.findChildren(HelpDialog))
    window.welcome.help_button.click()
    _settle()
    (dialog,) = set(window.findChildren(HelpDialog)) - before
    assert dialog.windowTitle() == "How a second opinion works"
