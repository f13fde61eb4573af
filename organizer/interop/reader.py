"""Which reader a file needs, decided from its first bytes (never from its name alone)."""

from __future__ import annotations

from pathlib import Path

from organizer.errors import OrganizerError
from organizer.i18n import _
from organizer.interop.parsed import ParsedFile
from organizer.interop.refusals import UnreadableFileError, malformed, unrecognised
from organizer.progress import Progress
from organizer.storage.hashing import sha256_file

MAX_BYTES = 2 * 1024 ** 3  # beyond this a file is certainly not a patient's own record


def text_encoding(head: bytes) -> str | None:
    """"utf-16…" or "utf-32…" when the first bytes are text in one of those (with or
    without a byte order mark: JSON and XML start with an ASCII character, so its zero
    bytes give the encoding away), else None (UTF-8, or not text at all).

    Windows tools (PowerShell's `>` and Notepad's "Unicode") save files this way; such a
    file is still the JSON or XML the portal sent.
    """
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(head) < 4:
        return None
    if head[0] and not any(head[1:4]):
        return "utf-32-le"
    if not any(head[:3]) and head[3]:
        return "utf-32-be"
    if head[0] and not head[1]:
        return "utf-16-le"
    if not head[0] and head[1]:
        return "utf-16-be"
    return None


def sniff(path: Path) -> str:
    """"zip", "json", "xml" or "unknown", from the start of the file."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    encoding = text_encoding(head)
    if encoding is not None:
        # the last character may be cut in half at 4096 bytes: ignore it
        start = head.decode(encoding, "ignore").lstrip("\ufeff \t\r\n")
        if start.startswith(("{", "[")):
            return "json"
        return "xml" if start.startswith("<") or encoding == "utf-16" else "unknown"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"{", b"[")):
        return "json"
    if text.startswith(b"<"):
        return "xml"
    return "unknown"


def read_file(path: Path, progress: Progress | None = None) -> ParsedFile:
    """Read an import file into a ParsedFile; refuses with a plain-words error."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        if path.exists():  # a folder, a device, a pipe: nothing to read as a record
            raise OrganizerError(_("“{file}” is not a file (it is a folder or a device). Give "
                                   "the health record file itself; nothing was imported.").format(
                                       file=path))
        raise OrganizerError(_("The file “{file}” does not exist.").format(file=path))
    try:
        size = path.stat().st_size
        kind = sniff(path) if size else "empty"
    except OSError as exc:
        raise OrganizerError(_("“{file}” could not be read ({reason}).").format(
            file=name, reason=exc.strerror)) from None
    if kind == "empty":
        raise UnreadableFileError(_("“{file}” is empty, so there is nothing to import.").format(
            file=name))
    if size > MAX_BYTES:
        raise UnreadableFileError(_("“{file}” is too large to be a health record export "
                                    "({size} MB); nothing was imported.").format(
                                        file=name, size=size // 1024 ** 2))
    parsed = ParsedFile(filename=name, format=kind, sha256=sha256_file(path))
    if kind == "zip":
        from organizer.interop.archive import read_archive

        return read_archive(path, parsed, progress)
    if kind == "json":
        from organizer.interop import fhir

        with open(path, "rb") as handle:
            encoding = text_encoding(handle.read(4))
        if encoding is not None:  # UTF-16 or -32: one document (NDJSON is UTF-8 by its spec)
            return fhir.read_json(path, parsed, progress, encoding=encoding)
        if fhir.looks_like_ndjson(path):
            return fhir.read_ndjson(path, parsed, progress)
        return fhir.read_json(path, parsed, progress)
    if kind == "xml":
        from organizer.interop.ccda import read_xml

        return read_xml(path, parsed, progress)
    if path.suffix.lower() in (".json", ".ndjson"):
        raise malformed(name, "JSON")
    if path.suffix.lower() == ".xml":
        raise malformed(name, "XML")
    raise unrecognised(name)
