"""The look of the app: large readable type scaled by the zoom; the colours are the
theme's (ui/theme/), and the functions below answer from the palette on screen.

Kept for the callers that ask for one colour (an error under a field, the example-data
banner); new code asks ui.theme for a role, or uses the stylesheet's object names
(`fieldError`, `notice`) and properties (`primary`, `card`, `hint`).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ui import theme
from ui.theme.scale import BASE_POINT_SIZE as BASE_POINT_SIZE

_base_family: str | None = None


def apply_zoom(zoom: float) -> None:
    """Scale the whole interface: every widget follows the application font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if _base_family:
        font.setFamily(_base_family)
    font.setPointSizeF(BASE_POINT_SIZE * zoom)
    app.setFont(font)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (default: the theme's on screen) is a dark one."""
    if palette is None:
        return theme.current().name == "dark"
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour() -> str:
    """A red readable on the current background."""
    return theme.current().error


def notice_colours() -> tuple[str, str]:
    """(background, text) of a calm notice banner (the example-data mark)."""
    palette = theme.current()
    return palette.notice_bg, palette.notice_text
