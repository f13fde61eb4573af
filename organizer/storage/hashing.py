"""SHA-256 of files and streams, read in chunks: the one place checksums are computed.

Attachments are named by their checksum, backups and person archives list one per member,
and `check` compares them; all of them hash the same way here, with memory bounded by the
chunk size whatever the size of the file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO

CHUNK = 1024 * 1024


def hash_stream(source: IO[bytes], out: IO[bytes] | None = None,
                limit: int | None = None) -> tuple[str, int]:
    """The SHA-256 (hex) and size of what `source` holds, copied to `out` when given.

    With `limit`, reading stops as soon as more than `limit` bytes came: a member whose
    size was announced must not be allowed to feed an endless stream. The size returned is
    then larger than `limit` (and the checksum covers only the first `limit` bytes), so
    the caller's comparison with what was announced fails.
    """
    digest = hashlib.sha256()
    size = 0
    for chunk in iter(lambda: source.read(CHUNK), b""):
        size += len(chunk)
        if limit is not None and size > limit:
            break
        digest.update(chunk)
        if out is not None:
            out.write(chunk)
    return digest.hexdigest(), size


def sha256_file(path: Path) -> str:
    """The SHA-256 (hex) of a file on disk."""
    with open(path, "rb") as handle:
        return hash_stream(handle)[0]
