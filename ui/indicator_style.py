"""Check boxes and radio buttons whose box grows with the text.

Qt's styles draw the box of a check box or radio button at a fixed 13 to 14 pixels: at
200% text it is a speck beside words twice as tall, hard to see and to hit. This proxy of
the application's own style asks for a box about as tall as a capital letter plus its
descender (the text's height times `INDICATOR_SHARE`), never smaller than the style's own;
everything else is the style's. A style sheet that sets an indicator's size still wins.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

INDICATOR_SHARE = 0.78  # of the text's height: the style's own size at the base text size

_SCALED = {
    QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
}


class TextSizedIndicators(QProxyStyle):
    """The application's style, with indicators sized from the text beside them."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        size = int(super().pixelMetric(metric, option, widget))
        if metric not in _SCALED:
            return size
        if widget is not None:
            height = widget.fontMetrics().height()
        elif option is not None:
            height = option.fontMetrics.height()
        else:
            height = QFontMetrics(QGuiApplication.font()).height()
        return max(size, round(height * INDICATOR_SHARE))


_installed: list[Any] = []  # (kept alive: the application holds it only in C++)


def install(app: QApplication | QCoreApplication) -> None:
    """Make the application's style one with text-sized indicators (once)."""
    if not isinstance(app, QApplication) or isinstance(app.style(), TextSizedIndicators):
        return
    style = TextSizedIndicators(app.style().name())
    _installed.append(style)
    app.setStyle(style)
