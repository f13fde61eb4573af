"""A look at an attached file without leaving the app: PDF pages, a scaled image, or text.

The bytes always come from `Store.read_attachment` (never from files/ directly). QtPdf is
imported the first time a PDF is shown, so that starting the app does not pay for it.
`open_in_system_viewer` copies the file to a private temporary folder (readable only by
this user, removed when the app quits) and asks the system to open it there.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QStackedWidget, QWidget

from organizer.errors import OrganizerError
from organizer.items.models import Attachment
from organizer.storage.store import Store

_TEXT_LIMIT = 200_000
_private_dir: Path | None = None


class ScaledImage(QLabel):
    """An image shown as large as fits, keeping its proportions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(80, 80)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def set_image(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._rescale()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap.isNull():
            self.clear()
            return
        self.setPixmap(self._pixmap.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))


class AttachmentPreview(QStackedWidget):
    """Shows one attachment; `kind` says what is shown ("pdf", "image", "text", "none")."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = "none"
        self.setAccessibleName(self.tr("Preview of the chosen file"))
        self.message = QLabel(self.tr("Choose a file to see it here."))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = ScaledImage()
        self.image.setAccessibleName(self.tr("Image preview"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text of the file"))
        self.addWidget(self.message)
        self.addWidget(self.image)
        self.addWidget(self.text)
        self._pdf_view: Any = None
        self._pdf_document: Any = None
        self._buffer: QBuffer | None = None

    def show_attachment(self, attachment: Attachment | None) -> None:
        self._close_pdf()
        if attachment is None:
            self._say(self.tr("Choose a file to see it here."))
            return
        from organizer.storage.attachments import MAX_IN_MEMORY  # (hashlib: not before the window)

        if attachment.size > MAX_IN_MEMORY:
            self._say(self.tr("“{filename}” is too large to show here. Use “Open in viewer” to "
                              "open it with another program.").format(filename=attachment.filename))
            return
        try:
            data = self.store.read_attachment(attachment)
        except OrganizerError as exc:
            self._say(str(exc))
            return
        if attachment.media_type == "application/pdf":
            self._show_pdf(data)
        elif attachment.media_type.startswith("image/"):
            pixmap = QPixmap()
            if attachment.media_type == "image/heic":
                data = _heic_as_png(data)  # Qt has no HEIC reader; pi-heif decodes it
            if data and pixmap.loadFromData(data):
                self.image.set_image(pixmap)
                self.image.setToolTip(attachment.filename)
                self.setCurrentWidget(self.image)
                self.kind = "image"
            else:
                self._say(self.tr("“{filename}” cannot be shown here. Use “Open in viewer” to "
                                  "open it with another program.").format(
                              filename=attachment.filename))
        elif attachment.media_type.startswith("text/"):
            self.text.setPlainText(data[:_TEXT_LIMIT].decode("utf-8", errors="replace"))
            self.setCurrentWidget(self.text)
            self.kind = "text"
        else:
            self._say(self.tr("“{filename}” is kept, but this kind of file cannot be shown here. "
                              "Use “Open in viewer” to open it with another program.").format(
                          filename=attachment.filename))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)
        self.kind = "none"

    def _show_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._pdf_view is None:
            self._pdf_view = QPdfView()
            self._pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._pdf_view.setAccessibleName(self.tr("PDF preview"))
            self.addWidget(self._pdf_view)
            self._pdf_document = QPdfDocument(self)
            self._pdf_view.setDocument(self._pdf_document)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf_document.load(self._buffer)
        if self._pdf_document.status() != QPdfDocument.Status.Ready \
                or self._pdf_document.pageCount() == 0:
            self._say(self.tr("This PDF cannot be shown (it may be damaged or locked with a "
                              "password). It is kept as it is; “Open in viewer” may still open "
                              "it."))
            return
        self.setCurrentWidget(self._pdf_view)
        self.kind = "pdf"

    def page_count(self) -> int:
        return int(self._pdf_document.pageCount()) if self.kind == "pdf" else 0

    def _close_pdf(self) -> None:
        if self._pdf_document is not None:
            self._pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None


def _heic_as_png(data: bytes) -> bytes:
    """A phone's HEIC photo as PNG bytes for Qt (b"" when it cannot be decoded)."""
    import io

    from organizer.scan.pages import Unreadable, open_image

    try:
        image = open_image(data)
        out = io.BytesIO()
        image.convert("RGB").save(out, "PNG")
    except (Unreadable, OSError, ValueError):
        return b""
    return out.getvalue()


def private_copy(store: Store, attachment: Attachment) -> Path:
    """The attachment's bytes in a file only this user can read, named as the user knows it."""
    global _private_dir
    # In the data folder's private scratch (organizer.paths), never the shared /tmp: the
    # copy of an encrypted organizer's file is plain. "Lock now" and the next start clear it.
    if _private_dir is None or not _private_dir.is_dir():
        _private_dir = store.dirs.new_scratch()
        atexit.register(shutil.rmtree, _private_dir, True)
    folder = Path(tempfile.mkdtemp(dir=_private_dir))
    name = Path(attachment.filename).name or f"file-{attachment.id}"
    target = folder / name
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        for chunk in store.read_chunks(attachment.sha256):  # a file of GiB: one chunk at a time
            handle.write(chunk)
    return target


def open_in_system_viewer(store: Store, attachment: Attachment) -> Path:
    """Open a private copy with the system's viewer; returns the copy's path."""
    path = private_copy(store, attachment)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
