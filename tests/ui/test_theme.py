# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The theme on real widgets: View › Appearance (system, light, dark) remembered, the
system's scheme followed, the zoom still followed under the stylesheet, a focus ring of
2 px in the focus colour, and a progress bar whose text reads on both of its parts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401
from ui.theme.contrast import ratio


@pytest.fixture(autouse=True)
def back_to_system(qapp: Any) -> Iterator[None]:
    from ui import theme

    yield
    theme.apply("system")


def test_appearance_is_chosen_in_the_view_menu_and_remembered(
        window_factory: Any, settings: Any) -> None:
    from ui import theme

    window = window_factory()
    choices = {a.data(): a for a in window.menus.appearance.actions()}
    assert set(choices) == {"system", "light", "dark"}
    assert choices["system"].isChecked()  # a new user follows the system
    choices["dark"].trigger()
    assert settings.appearance() == "dark" and choices["dark"].isChecked()
    assert theme.current() is theme.DARK
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).name() == \
        theme.DARK.window
    assert theme.DARK.surface in QApplication.instance().styleSheet()
    choices["light"].trigger()
    assert theme.current() is theme.LIGHT and settings.appearance() == "light"

    again = window_factory()  # the next window (the next start) keeps the choice
    assert {a.data() for a in again.menus.appearance.actions() if a.isChecked()} == {"light"}


def test_the_system_scheme_is_followed_unless_overridden(qapp: Any) -> None:
    from ui import theme

    assert theme.resolve("system", True) is theme.DARK
    assert theme.resolve("system", False) is theme.LIGHT
    assert theme.resolve("light", True) is theme.LIGHT
    assert theme.resolve("dark", False) is theme.DARK
    theme.apply("system")
    theme.system_scheme_changed(Qt.ColorScheme.Dark)  # the user turned on dark mode
    assert theme.current() is theme.DARK
    theme.apply("light")
    theme.system_scheme_changed(Qt.ColorScheme.Dark)
    assert theme.current() is theme.LIGHT  # View › Appearance › Light wins
    theme.apply("system")
    theme.system_scheme_changed(Qt.ColorScheme.Light)
    assert theme.current() is theme.LIGHT


def test_widgets_follow_the_zoom_under_the_stylesheet(qtbot: Any, settings: Any) -> None:
    """Qt keeps the font a widget had when the stylesheet polished it unless told not
    to: a label and a line edit made after the theme still grow with View › Zoom."""
    from ui import style, theme

    theme.apply("light")
    style.apply_zoom(1.0)
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    label, field = QLabel("Medications"), QLineEdit("Lisinopril")
    column.addWidget(label)
    column.addWidget(field)
    holder.show()
    qtbot.waitExposed(holder)
    before = label.fontInfo().pointSizeF()
    style.apply_zoom(2.0)
    qtbot.waitUntil(lambda: label.fontInfo().pointSizeF() >= 1.9 * before, timeout=5000)
    assert field.fontInfo().pointSizeF() >= 1.9 * before


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_the_focus_ring_is_two_pixels_in_the_focus_colour(qtbot: Any, appearance: str) -> None:
    from ui import theme

    palette = theme.apply(appearance)
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    field, other = QLineEdit("Aspirin"), QLineEdit()
    column.addWidget(field)
    column.addWidget(other)
    holder.resize(300, 120)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5000)
    image = field.grab().toImage()
    middle = image.height() // 2
    edge = [image.pixelColor(x, middle).name() for x in range(4)]
    assert edge[0] == edge[1] == palette.focus, edge  # 2 px of ring
    assert ratio(palette.focus, palette.window) >= 3 and ratio(palette.focus,
                                                               palette.surface) >= 3


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_a_progress_bars_text_reads_on_both_parts(qtbot: Any, appearance: str) -> None:
    """Drawn, then measured: the filled part, the empty part and the text's colour."""
    from ui import theme

    palette = theme.apply(appearance)
    bar = QProgressBar()
    qtbot.addWidget(bar)
    bar.setRange(0, 10)
    bar.setValue(5)
    bar.setFormat("5 of 10 steps done")
    bar.resize(400, 30)
    bar.show()
    qtbot.waitExposed(bar)
    image = bar.grab().toImage()
    filled = image.pixelColor(40, image.height() // 2).name()
    empty = image.pixelColor(image.width() - 40, image.height() // 2).name()
    assert filled == palette.progress_chunk and empty == palette.progress_groove
    text = bar.palette().color(bar.foregroundRole()).name()
    assert ratio(text, filled) >= 4.5 and ratio(text, empty) >= 4.5
    assert ratio(filled, empty) >= 3  # and the progress itself is seen


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_errors_and_hints_take_the_palettes_colours(qtbot: Any, appearance: str) -> None:
    """No colour fixed for a light background is left on an error or a hint: in dark mode
    a refusal is the dark palette's red, readable on its background."""
    from ui import theme
    from ui.widgets import error_label

    palette = theme.apply(appearance)
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    error = error_label()
    error.setText("That date is not a date.")
    hint = QLabel("At least 8 characters.")
    hint.setProperty("hint", True)
    column.addWidget(error)
    column.addWidget(hint)
    error.show()
    holder.show()
    qtbot.waitExposed(holder)
    assert error.palette().color(error.foregroundRole()).name() == palette.error
    assert hint.palette().color(hint.foregroundRole()).name() == palette.text_muted
