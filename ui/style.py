"""The look of the app: large readable type scaled by the zoom, the system's own palette.

Nothing here hard-codes a background or text colour: the system's light or dark palette is
kept. Colours that carry meaning (an error under a field, the example-data banner) are
picked from the palette's lightness so that they stay readable in dark mode.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11.5
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
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour() -> str:
    """A red readable on the current background."""
    return "#ff8a80" if is_dark() else "#b3261e"


def notice_colours() -> tuple[str, str]:
    """(background, text) of a calm notice banner (the example-data mark)."""
    return ("#4a3b00", "#fff3c4") if is_dark() else ("#fff3c4", "#3d2e00")
