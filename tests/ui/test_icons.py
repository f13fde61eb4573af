# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Icons: every name we use is in the icon set, drawn crisp at any size in the palette's
colour (and recoloured in dark mode), on the sections and the main actions once the
window has shown; the app's icon is one drawing, and the packaged PNG is made from it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401


def _ink(image: QImage) -> tuple[int, QColor | None]:
    """How many pixels are drawn (alpha > 200), and the colour of a fully opaque one."""
    count, colour = 0, None
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                count += 1
            if pixel.alpha() == 255:
                colour = pixel
    return count, colour


@pytest.fixture
def light(qapp: Any) -> Any:
    from ui import theme

    theme.apply("light")
    yield
    theme.apply("system")


def test_every_name_is_in_the_icon_set(light: Any) -> None:
    from ui.icons import NAMES, SECTION_ICONS, glyph_exists, icon

    for name in NAMES:
        assert glyph_exists(name), name
    from ui.pages import SECTIONS

    assert {key for key, _ in SECTIONS} == set(SECTION_ICONS)
    for name in ("overview", "diagnoses", "medications", "records", "questions", "visits",
                 "cases", "people", "add", "delete", "import", "export", "packet", "print",
                 "search", "undo", "redo", "lock", "backup", "done", "waiting", "late",
                 "disagree"):
        assert not icon(name).isNull(), name
    with pytest.raises(KeyError):
        icon("no such icon")


def test_an_icon_is_drawn_at_the_size_asked_in_the_palette_colour(light: Any) -> None:
    from ui import theme
    from ui.icons import icon

    small = icon("medications").pixmap(QSize(16, 16)).toImage()
    large = icon("medications").pixmap(QSize(64, 64)).toImage()
    assert large.width() == 64
    ink_small, colour = _ink(small)
    ink_large, _ = _ink(large)
    # drawn afresh at 64 px, not a 16 px picture stretched: about 16 times the ink
    assert ink_small > 10 and 8 * ink_small < ink_large < 30 * ink_small
    assert colour is not None and colour.name() == theme.LIGHT.text_muted

    theme.apply("dark")
    _, dark = _ink(icon("medications").pixmap(QSize(32, 32)).toImage())
    assert dark is not None and dark.name() == theme.DARK.text_muted
    _, late = _ink(theme.status("late").icon.pixmap(QSize(32, 32)).toImage())
    assert late is not None and late.name() == theme.DARK.late


def test_a_hi_dpi_screen_gets_its_own_pixels(light: Any) -> None:
    from ui.icons import icon

    pixmap = icon("records").pixmap(QSize(20, 20), 2.0)
    assert pixmap.devicePixelRatio() == 2.0 and pixmap.width() == 40


def test_the_sections_and_main_actions_have_icons_after_the_first_frame(
        qtbot: Any, window_factory: Any) -> None:
    window = window_factory()
    qtbot.waitUntil(lambda: window._painted, timeout=5000)
    qtbot.waitUntil(lambda: not window.sections.item(0).icon().isNull(), timeout=5000)
    for row in range(window.sections.count()):
        assert not window.sections.item(row).icon().isNull()
    menus = window.menus
    for action in (menus.undo, menus.redo, menus.new_item, menus.delete_item, menus.find,
                   menus.import_files, menus.export, menus.packet):
        assert not action.icon().isNull(), action.text()
    assert not window.windowIcon().isNull()
    # the icons grow with the text
    small = window.sections.iconSize().height()
    window.set_zoom(2.0)  # (the new font reaches the widgets through posted events)
    qtbot.waitUntil(lambda: window.sections.iconSize().height() >= 1.7 * small, timeout=5000)


def test_the_app_icon_is_one_drawing_and_the_packaged_png_is_made_from_it(qapp: Any) -> None:
    import importlib.util

    from tests.helpers.cli import ROOT
    from ui.icons import app_icon

    # (packaging/ is a folder of scripts, not a package: "packaging" is pip's library)
    spec = importlib.util.spec_from_file_location("make_icons",
                                                  ROOT / "packaging" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    PNG, render = make_icons.PNG, make_icons.render

    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(QSize(32, 32)).isNull()
    packaged = QImage(str(PNG)).convertToFormat(QImage.Format.Format_ARGB32)
    drawn = render(256)
    assert packaged.size() == drawn.size()
    differ = sum(1 for y in range(0, 256, 4) for x in range(0, 256, 4)
                 if _far(packaged.pixelColor(x, y), drawn.pixelColor(x, y)))
    assert differ < 40, "packaging/organizer.png is out of date: run packaging/make_icons.py"


def _far(one: QColor, other: QColor) -> bool:
    return max(abs(one.red() - other.red()), abs(one.green() - other.green()),
               abs(one.blue() - other.blue()), abs(one.alpha() - other.alpha())) > 24


def test_icons_are_never_read_from_the_network(light: Any) -> None:
    """The icon font is the package's own file (qtawesome's fonts folder)."""
    import os

    import ui.icons as icons
    from ui.icons import _iconic

    font = _iconic()
    assert set(font.fontname) == {"ph"}  # one set, loaded from disk
    assert os.path.isfile(os.path.join(os.path.dirname(icons.__file__), "..", "resources",
                                       "icons", "organizer.svg"))
    assert isinstance(icons.icon("add"), QIcon)
