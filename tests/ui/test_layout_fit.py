# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Every page and dialog fits a small laptop's screen, at 100% and up to 200% text.

Each size is walked in a process of its own whose offscreen screen is that laptop's
(tests/layout_walk.py): the demo household's window, every section, every tab, every tab
of the case page, visit mode and every dialog, each sized by the app itself from the
screen. A problem is a sentence naming the page and the widget: text cut, a widget
outside the window or cut by its parent, a left-over widget, a table showing no row, a
window past the screen, an indicator that does not grow with the text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from tests.helpers.cli import ROOT
from tests.helpers.layout_walk import problems, text_problems
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401

SCREENS = [(1366, 768), (1280, 720)]
ZOOMS = [1.0, 1.5, 2.0]

# Problems still open, by text size: each is expected exactly (a new problem fails the
# test, and so does one of these once fixed: then take it off this list).
KNOWN: dict[float, list[str]] = {}
# The same for Spanish only (by screen and zoom), as (where, what) without the texts. A
# new second opinion in Spanish at 100% on 1366x768: the header's question box is cut by
# its part of the header (the Spanish labels of its fields are longer).
KNOWN_IN_SPANISH: dict[tuple[int, int, float], list[tuple[str, str]]] = {
    (1366, 768, 1.0): [("cases", "QPlainTextEdit '' is cut by QWidget ''")],
}


def walk(tmp_path: Path, width: int, height: int, zoom: float,
         language: str = "en") -> dict[str, Any]:
    """The walk in a process of its own, the app in `language` (Spanish is about a quarter
    longer than English: nothing may be cut in either)."""
    from tests.helpers.catalogues import build_catalogues

    build_catalogues()
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "dpr": 1}]}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               ORGANIZER_LANG=language)
    done = subprocess.run([sys.executable, "-m", "tests.helpers.layout_walk", str(zoom)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("zoom", ZOOMS)
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_spanish_fits_as_english_does(tmp_path: Path, width: int, height: int,
                                      zoom: float) -> None:
    """The same walk with the app in Spanish (about a quarter longer than English): every
    page and dialog, and no problem that English does not have too. Problems are compared
    by where they are (the walk's own names) and what they are, without the texts, which
    differ by language."""
    spanish = walk(tmp_path / "es", width, height, zoom, "es")
    english = walk(tmp_path / "en", width, height, zoom, "en")
    assert (spanish["pages"], spanish["dialogs"]) == (english["pages"], english["dialogs"])
    added = Counter(map(_kind, spanish["problems"])) - Counter(map(_kind, english["problems"]))
    assert added == Counter(KNOWN_IN_SPANISH.get((width, height, zoom), [])), "\n".join(
        p for p in spanish["problems"] if _kind(p) in added)


def _kind(problem: str) -> tuple[str, str]:
    """ "cases: Decisión: QToolButton 'Elegir …' is cut: it needs 25x25, it has 22x18" ->
    ("cases", "QToolButton '' is cut: it needs 25x25, it has 22x18")."""
    where, _, rest = problem.partition(": ")
    what = re.sub(r"'[^']*'", "''", rest)
    match = re.search(r"\b(Q[A-Z]\w+|[A-Z]\w+Page|StepDate|the page|the check box|the radio)\b.*",
                      what)
    return where, match.group(0) if match else what


def test_the_checks_find_cut_text_and_a_left_over_label(qtbot: Any) -> None:
    """The walk's checks are not blind: a cut label, a squeezed check box and a label
    left outside its parent's layout are each reported."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    long_text = "A sentence much longer than the narrow window it is shown in"
    squeezed = QCheckBox(long_text)
    column.addWidget(squeezed)
    wrapped = QLabel(long_text * 3)
    wrapped.setWordWrap(True)
    column.addWidget(wrapped)
    QLabel("left over", window)
    window.resize(120, 60)
    window.show()
    qtbot.waitExposed(window)
    found = problems(window, "sample")
    assert any("QCheckBox" in p and "is cut" in p for p in found), found
    assert any("QLabel 'A sentence" in p and "is cut" in p for p in found), found
    assert any("'left over' is left over" in p for p in found), found
    window.resize(2000, 400)
    qtbot.wait(10)
    assert text_problems(squeezed) == [] and text_problems(wrapped) == []


def test_the_case_header_makes_room_for_the_work(qtbot: Any, window_factory: Any,
                                                 store: Any) -> None:
    """On a laptop at a large text size the case page's header is a few lines (the
    question, the days left, visit mode); its fields are one click away, and that
    choice is kept."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from organizer.demo.household import add_demo

    add_demo(store)
    window = window_factory()
    window.resize(1366, 1400)  # a tall screen: room for everything
    page = window.show_section("cases")
    for _ in range(5):
        QApplication.processEvents()
    assert page.details_shown() and not page.summary.isVisible()
    window.resize(1366, 728)
    window.set_zoom(1.6)
    qtbot.waitUntil(lambda: not page.details_shown())
    assert page.summary.isVisible() and "laminectomy" in page.summary.text()
    assert "Decide in" in page.summary.text()
    assert page.visit_mode_button.isVisible()
    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    assert page.details_shown() and page.details_button.text() == "Hide details"
    window.resize(1366, 700)
    for _ in range(5):
        QApplication.processEvents()
    assert page.details_shown(), "the user's choice is kept"


def test_a_new_second_opinion_opens_with_its_fields(window_factory: Any, store: Any,
                                                    person_id: int) -> None:
    window = window_factory()
    window.resize(1000, 600)
    window.set_zoom(2.0)
    page = window.show_section("cases")
    page.new_case()
    assert page.details_shown()
    assert page.header_form.editor("title").isVisible()
