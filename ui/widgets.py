"""Small widgets every part of the app shares: titles, headings, hints, error labels.

They live here, not in ui/pages/, so that dialogs and the welcome page use them without
importing a page (tests/ui/test_page_protocol.py keeps ui/dialogs away from ui/pages).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from ui.app_font import follow_app_font
from ui.first_frame import no_sideways_scroll
from ui.wrap_height import keep_whole

TITLE_SCALE = 1.45


class TitleLabel(QLabel):
    """A page's title: follows the application font (the zoom) at a larger size, in
    semibold."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("pageTitle")
        self.setAccessibleName(text)
        self._follow(QGuiApplication.font())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow)

    def _follow(self, base: QFont) -> None:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * TITLE_SCALE)
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)


def heading(text: str, scale: float = 1.25) -> QLabel:
    """A section heading: bold and somewhat larger than the body text."""
    label = QLabel(text)
    keep_whole(label)  # a long heading at a large zoom takes two lines, not the width
    follow_app_font(label, scale, bold=True)  # and again after each zoom
    label.setAccessibleName(text)
    return label


def hint(text: str) -> QLabel:
    """A quiet explanation under a heading, in the palette's secondary text colour."""
    label = keep_whole(QLabel(text))  # wrapped, and never squeezed below its lines
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def error_label() -> QLabel:
    """A plain-words refusal shown beside what caused it (hidden until needed)."""
    label = QLabel()
    label.setObjectName("fieldError")  # the theme's error colour, light and dark
    label.setWordWrap(True)
    follow_app_font(label)
    label.hide()
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: on a small screen (or at a large zoom) it
    scrolls instead of making the window taller than the screen."""
    from PySide6.QtCore import Qt

    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its controls, not on the area
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    no_sideways_scroll(area)
    area.setWidget(widget)
    return area
