"""The Qt parts a packaged app needs beyond its first window, checked inside the frozen app.

`make package-test` (packaging/smoke_test.py) cannot reach into a frozen program, so the
launcher (packaging/entry.py) runs this when ORGANIZER_QT_PARTS_CHECK names a folder
holding `packet.pdf` and `icon.svg`; nothing of it runs otherwise. With the app's own
widget it shows the packet as the packet dialog does (QtPdf: `PdfPreview`, its first page
rendered), prints it to `printed.pdf` through `PdfPreview.print_to` (Qt's print support,
QPrinter writing a PDF), and draws the SVG as an icon (the svg icon engine and image
format plugins). It writes `qt-parts.json` in that folder; the smoke test reads it and
opens printed.pdf with pypdf. These are what a trimmed package could silently lose (a
plugin left out, a library stripped wrongly) while the window still opens.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _ink(image: object) -> float:
    """Share of a QImage's sampled pixels that are drawn (opaque) and dark: a blank or
    transparent render is 0."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    if image.isNull():
        return 0.0
    samples = dark = 0
    for y in range(0, image.height(), max(1, image.height() // 200)):
        for x in range(0, image.width(), max(1, image.width() // 200)):
            samples += 1
            color = image.pixelColor(x, y)
            if color.alpha() > 128 and color.lightness() < 200:
                dark += 1
    return dark / max(samples, 1)


def run(folder: Path) -> int:
    """Check the Qt parts against the files in `folder`; 0 once qt-parts.json is written."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QLabel

    from ui.dialogs.packet_dialog import PdfPreview

    app = QApplication.instance() or QApplication(sys.argv[:1])
    result: dict[str, object] = {}
    preview = PdfPreview(lambda: "packet.pdf", QLabel(), folder / "data")
    preview.show_pdf(folder / "packet.pdf")
    document = preview.document
    result["pdf_status"] = document.status().name
    result["pdf_pages"] = document.pageCount()
    ready = document.status() == QPdfDocument.Status.Ready
    first = document.render(0, QSize(600, 800)) if ready else None
    result["pdf_first_page_ink"] = _ink(first) if first is not None else 0.0

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printed.pdf"))
    result["printed_pages"] = preview.print_to(printer)
    preview.close_document()

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    result["svg_format"] = "svg" in formats
    icon = QIcon(str(folder / "icon.svg"))
    pixmap = icon.pixmap(QSize(64, 64))
    result["svg_icon_ink"] = _ink(pixmap.toImage()) if not pixmap.isNull() else 0.0
    (folder / "qt-parts.json").write_text(json.dumps(result), "utf-8")
    del app
    return 0
