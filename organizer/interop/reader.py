"""Which reader a file needs, decided from its first bytes (never from its name alone)."""

from __future__ import annotations

from pathlib import Path

from organizer.errors import OrganizerError
from organizer.hashing import sha256_file
from organizer.interop.parsed import ParsedFile
from organizer.interop.refusals import UnreadableFileError, malformed, unrecognised
from organizer.progress import Progress

MAX_BYTES = 2 * 1024 ** 3  # beyond this a file is certainly not a patient's own record


def sniff(path: Path) -> str:
    """"zip", "json", "xml" or "unknown", from the start of the file."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"{", b"[")):
        return "json"
    if text.startswith(b"<"):
        return "xml"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: XML exports sometimes are
        return "xml"
    return "unknown"


def read_file(path: Path, progress: Progress | None = None) -> ParsedFile:
    """Read an import file into a ParsedFile; refuses with a plain-words error."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise OrganizerError(f"The file “{path}” does not exist.")
    try:
        size = path.stat().st_size
        kind = sniff(path) if size else "empty"
    except OSError as exc:
        raise OrganizerError(f"“{name}” could not be read ({exc.strerror}).") from None
    if kind == "empty":
        raise UnreadableFileError(f"“{name}” is empty, so there is nothing to import.")
    if size > MAX_BYTES:
        raise UnreadableFileError(f"“{name}” is too large to be a health record export "
                                  f"({size // 1024 ** 2} MB); nothing was imported.")
    parsed = ParsedFile(filename=name, format=kind, sha256=sha256_file(path))
    if kind == "zip":
        from organizer.interop.archive import read_archive

        return read_archive(path, parsed, progress)
    if kind == "json":
        from organizer.interop import fhir

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
