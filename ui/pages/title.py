"""A page's title: larger than the text around it, and still scaled by the zoom."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

TITLE_SCALE = 1.45


class TitleLabel(QLabel):
    """Follows the application font (the zoom) at a larger size, in semibold."""

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
