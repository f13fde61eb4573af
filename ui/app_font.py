"""Text that keeps its size relative to the application font when View › Zoom changes it.

Apart from ui/sizing.py because the window's first frame needs only this: sizing.py
touches QTableView, QHeaderView, QStyle and QPlainTextEdit, whose enums PySide6 builds
as Python enums the first time each class is used (about 8 ms before the window could
show). `ui.sizing.follow_app_font` is this same function.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget


def follow_app_font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> None:
    """Give `widget` the application font times `scale` now and after every zoom."""

    def follow(base: QFont) -> None:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * scale)
        if bold:
            font.setBold(True)
        widget.setFont(font)

    follow(QGuiApplication.font())
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        app.fontChanged.connect(follow)
        # the connection goes with the widget, not with the application
        widget.destroyed.connect(lambda *_: _disconnect(app, follow))


def _disconnect(app: QGuiApplication, slot: object) -> None:
    try:
        app.fontChanged.disconnect(slot)
    except (RuntimeError, TypeError):
        pass
