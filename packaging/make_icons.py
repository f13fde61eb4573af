"""Make packaging/organizer.png (256 px, the .deb's icon) and organizer.ico (Windows)
from the one drawing, resources/icons/organizer.svg. Run after changing the drawing:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

tests/test_icons.py fails when the PNG no longer matches the drawing.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "organizer.svg"
PNG = ROOT / "packaging" / "organizer.png"
ICO = ROOT / "packaging" / "organizer.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Any:
    """The drawing as a QImage of `size` x `size` (a QGuiApplication must exist)."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    render(256).save(str(PNG))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(256).save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data().data())))
    picture.save(ICO, sizes=[(s, s) for s in ICO_SIZES])
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
