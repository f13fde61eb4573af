"""Attachment files: stored once by content hash, written safely, their text extracted.

A file is copied to a temporary name in `files/`, flushed to disk and renamed to its
SHA-256 before the database row that points to it is committed. A crash therefore leaves
at worst a temporary file (cleared at the next start) or an unreferenced file (`check`
lists it as an orphan), never a row pointing to a half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.errors import OrganizerError
from organizer.i18n import _
from organizer.storage.hashing import hash_stream
from organizer.storage.paths import TEMP_PREFIX, create_private, fsync_dir, owned_name

# The media types whose pages may be scans (a PDF's pages are looked at one by one): the
# store marks such a file as waiting to be read, organizer.scan reads it.
SCANNABLE = ("image/jpeg", "image/png", "image/tiff", "image/heic", "application/pdf")

MAX_TEXT = 2_000_000  # characters of extracted text kept for search, per file
# pypdf holds a whole PDF in memory to read its text: a larger one is kept, its text not read
# (status TOO_LARGE, and the user is told), so a scan of several GiB never fills memory.
MAX_PDF_TEXT_BYTES = 100 * 1024 * 1024
MAX_TEXT_PAGES = 5000
# The most a reader that needs a whole file at once (qpdf for the packet, Pillow, the
# app's preview) is given; a larger file is said to be too large there, never read whole.
MAX_IN_MEMORY = 300 * 1024 * 1024
TOO_LARGE = "too_large"

_SUFFIX_TYPES = {
    ".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".png": "image/png", ".tif": "image/tiff", ".tiff": "image/tiff",
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/plain",
    ".json": "application/json", ".xml": "application/xml",
    ".heic": "image/heic", ".heif": "image/heic",
}
# HEIC (a phone's photos): an ISO media file whose "ftyp" box names an HEIF brand.
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1")
_MAGIC = [
    (b"%PDF", "application/pdf"), (b"\x89PNG", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"),
]
if TYPE_CHECKING:
    from organizer.storage.crypto import FileCipher

PREVIEWABLE = ("application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain")


def media_type(path: Path) -> str:
    """The file's type from its first bytes, else from its name."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        head = b""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    return _SUFFIX_TYPES.get(path.suffix.lower(), "application/octet-stream")


def not_a_file(path: Path) -> str:
    """Why `path` cannot be attached, in words: a folder is not a file, a missing one is gone."""
    if path.is_dir():
        return (f"“{path}” is a folder, not a file. Give the file inside it that you want to "
                "attach; nothing was added.")
    if path.exists():
        return f"“{path}” is not a file that can be attached; nothing was added."
    return f"The file “{path}” does not exist; nothing was added."


def store_file(files_dir: Path, source: Path,
               cipher: FileCipher | None = None) -> tuple[str, int]:
    """Copy `source` into `files_dir` under its SHA-256; returns (sha256, size).

    An identical file already stored is kept as it is: the same content is stored once.
    With `cipher` (an encrypted store) the file is sealed and named by the cipher instead;
    the returned SHA-256 and size are still those of the plain bytes.
    """
    if not source.is_file():
        raise OrganizerError(not_a_file(source))
    files_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Named after this process: a start in another process leaves it alone (paths.py).
    temp = files_dir / owned_name(TEMP_PREFIX)
    try:
        with create_private(temp) as out, open(source, "rb") as src:
            # Both stream: a file of several GiB is copied with one chunk in memory.
            sha, size = hash_stream(src, out) if cipher is None else cipher.seal_stream(src, out)
            out.flush()
            os.fsync(out.fileno())
        final = files_dir / (sha if cipher is None else cipher.file_name(sha))
        if final.exists() and (cipher is not None or final.stat().st_size == size):
            temp.unlink()
        else:
            os.replace(temp, final)
            fsync_dir(files_dir)
        return sha, size
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if getattr(exc, "errno", None) == 28:
            raise OrganizerError(_("The disk is full, so the file was not added. Free some "
                                   "space and try again.")) from None
        raise OrganizerError(_("“{file}” could not be read or copied ({reason}). Nothing was "
                               "added.").format(file=source.name, reason=exc.strerror)) from None


def stored_text(chunks: Callable[[], Iterator[bytes]], kind: str,
                size: int) -> tuple[str, str, bool]:
    """`extract_text_and_scans` for a stored file, in bounded memory.

    `chunks()` gives the file's plain bytes in chunks (`Store.read_chunks`): a picture is
    never read, a text file only as far as MAX_TEXT, a PDF only when it is at most
    MAX_PDF_TEXT_BYTES (else "", TOO_LARGE, and no scanned pages to read: OCR would need
    it whole too). Statuses otherwise as `extract_text`.
    """
    if kind == "text/plain":
        head = bytearray()
        stream = chunks()
        try:
            for chunk in stream:
                head += chunk
                if len(head) >= MAX_TEXT * 4:
                    break
        except OSError:
            return "", "unreadable", False
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        return bytes(head[: MAX_TEXT * 4]).decode("utf-8", "replace")[:MAX_TEXT], "ok", False
    if kind != "application/pdf":
        return "", "none", kind.startswith("image/") and size <= MAX_IN_MEMORY
    if size > MAX_PDF_TEXT_BYTES:
        return "", TOO_LARGE, False
    try:
        data = b"".join(chunks())
    except OSError:
        return "", "unreadable", True
    return _pdf_text(data)


def too_large_note(filename: str, size: int) -> str:
    """What the user is told when a PDF's text was not read because of its size."""
    return (f"“{filename}” is kept, but it is too large ({size // (1024 * 1024)} MB) for its "
            "words to be read for search.")


def extract_text(path: Path | bytes, kind: str) -> tuple[str, str]:
    """The searchable text of a file (a path, or its bytes when it is sealed) and its status.

    Status is "ok", "unreadable" (a damaged or password-protected PDF: kept all the same,
    the user may have nothing better) or "none" (a picture, or a type without text).
    """
    text, status, _scanned = extract_text_and_scans(path, kind)
    return text, status


# A PDF page with fewer characters of its own than this is taken for a scanned page
# (organizer.scan.pages decides the same way, page by page, when it reads them).
SCANNED_PAGE_CHARS = 20


def extract_text_and_scans(path: Path | bytes, kind: str) -> tuple[str, str, bool]:
    """`extract_text`, and whether the file may hold scanned pages to read (OCR): a
    picture, or a PDF with a page without text of its own (one parse for both)."""
    if kind == "text/plain":
        try:
            data = path if isinstance(path, bytes) else path.read_bytes()
            return data[: MAX_TEXT * 4].decode("utf-8", "replace")[:MAX_TEXT], "ok", False
        except OSError:
            return "", "unreadable", False
    if kind != "application/pdf":
        return "", "none", kind.startswith("image/")
    return _pdf_text(path)


def _pdf_text(path: Path | bytes) -> tuple[str, str, bool]:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
        if reader.is_encrypted and not reader.decrypt(""):
            return "", "unreadable", True
        parts: list[str] = []
        total = 0
        scanned = False
        for number, page in enumerate(reader.pages):
            text = page.extract_text() or ""
            parts.append(text)
            total += len(text)
            scanned = scanned or len(text.strip()) < SCANNED_PAGE_CHARS
            if total > MAX_TEXT or number >= MAX_TEXT_PAGES:
                scanned = True  # not every page was looked at: let the reader decide
                break
        return "\n".join(parts)[:MAX_TEXT], "ok", scanned
    except Exception:  # pypdf raises many kinds on damaged files; all mean "unreadable"
        return "", "unreadable", True
