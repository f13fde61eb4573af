"""Making a sealed (encrypted) copy of a store, and checking a copy against its original.

What turning encryption on, changing the passphrase, decrypting and restoring share: the
database is copied with SQLCipher's `sqlcipher_export` into a new file (keyed or plain), the
attachment files are sealed under a file key, and the copy is opened and compared with the
original (integrity check, every table's row count, the schema version, every file opens and
matches its checksum) before anything is swapped in. The caller holds the store to itself
(organizer.gate) and has closed its own connections where organizer.db says it must.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.progress import Progress, step
from organizer.storage import crypto, db, swap
from organizer.storage.paths import TEMP_PREFIX, DataDir, create_private, owned_name

_SHA = re.compile(r"^[0-9a-f]{64}$")


def seal_store(source: DataDir, target: Path, passphrase: str,
               progress: Progress | None = None) -> None:
    """Build in `target` an encrypted copy of the plain store in `source`, verified.

    `target/organizer.db` is keyed from `passphrase` (a fresh salt) and holds a new file key;
    `target/files/` holds every attachment sealed under it. No connection of this process
    may have the plain database open through sqlite3 (the copy reads it through SQLCipher).
    """
    from organizer.storage.migrations import current_version

    key = crypto.StoreKey.create(passphrase)
    file_key = crypto.FileCipher.new_key()
    cipher = crypto.FileCipher(file_key)
    step(progress, 0, 1, "Encrypting the database")
    plain = db.connect_plain_with_sqlcipher(source.database)
    try:
        version = current_version(plain)
        expected = tables(plain)
        export(plain, target / swap.DB_NAME, key, version)
    finally:
        plain.close()
    names = [p.name for p in source.stored_files() if _SHA.match(p.name)]
    convert_files(names, lambda sha: source.files / sha, target / "files", None, cipher,
                  progress, "Encrypting attached files")
    convert_set_aside(source.root / SET_ASIDE, target / SET_ASIDE, None, cipher)
    staged = verify(target / swap.DB_NAME, key, expected, version)
    try:
        staged.execute("BEGIN IMMEDIATE")
        staged.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (crypto.FILE_KEY_META, file_key.hex()))
        staged.execute("COMMIT")
        check_files(staged, crypto.file_cipher(staged), target / "files")
    finally:
        staged.close()


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def tables(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
            for name in names}


def export(source: Any, target: Path, key: crypto.StoreKey | None, version: int) -> None:
    """Copy every table of `source` into a new database file with `sqlcipher_export`."""
    key_sql = key.pragma_value() if key is not None else "''"
    # Made here, private, so that SQLite (which would create it with the umask's 0644)
    # opens a file that is already 0600; its journal takes the same mode.
    create_private(target).close()
    source.execute(f"ATTACH DATABASE {_quote(target)} AS staged KEY {key_sql}")
    try:
        source.execute("SELECT sqlcipher_export('staged')")
        source.execute(f"PRAGMA staged.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE staged")


def verify(staged: Path, key: crypto.StoreKey | None, expected: dict[str, int],
            version: int) -> Any:
    """Open the staged database as the store will, and compare it with the original."""
    conn = db.connect(staged, key=key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise OrganizerError("The new copy failed its check, so nothing was changed: "
                                 + "; ".join(problems[:3]))
        got = tables(conn)
        if got != expected:
            raise OrganizerError("The new copy does not hold the same items as the original, "
                                 "so nothing was changed.")
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != version:
            raise OrganizerError("The new copy has the wrong schema version; nothing was "
                                 "changed.")
    except BaseException:
        conn.close()
        raise
    return conn


def write_private(path: Path, data: bytes) -> None:
    with create_private(path) as out:
        out.write(data)


CHUNK = 1024 * 1024


class _Chunks:
    """A file-like view of an iterator of byte chunks (what `seal_stream` reads from)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            more = next(self._chunks, None)
            if more is None:
                break
            self._buffer += more
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


def convert_files(shas: list[str], source: Callable[[str], Path], target: Path,
                  old: crypto.FileCipher | None, new: crypto.FileCipher | None,
                  progress: Progress | None, what: str) -> None:
    """Copy each attachment into `target`, opened from `old`'s seal (None: plain) and sealed
    under `new` (None: plain), one chunk in memory at a time (a file of several GiB too).

    Each file's checksum is checked on the way; a mismatch stops the switch in words. A
    file missing before the switch is left out (`check` reports it; a switch must not lose
    the rest).
    """
    target.mkdir(mode=0o700, exist_ok=True)
    for number, sha in enumerate(shas, start=1):
        step(progress, number, len(shas), what)
        path = source(sha)
        if not path.exists():
            continue
        temp = target / owned_name(TEMP_PREFIX)
        with open(path, "rb") as src, create_private(temp) as out:
            chunks = (old.open_stream(sha, src) if old is not None
                      else iter(lambda: src.read(CHUNK), b""))
            if new is not None:
                got, _ = new.seal_stream(_Chunks(chunks), out)
            else:
                digest = hashlib.sha256()
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                got = digest.hexdigest()
        if got != sha:
            temp.unlink(missing_ok=True)
            raise OrganizerError(f"An attached file ({sha[:12]}…) is damaged (it does not "
                                 "match its checksum), so nothing was changed. Run `organizer "
                                 "check`, then restore it from a backup.")
        os.replace(temp, target / (new.file_name(sha) if new is not None else sha))


def check_files(conn: Any, cipher: crypto.FileCipher, files: Path, *,
                 present_only: bool = False) -> None:
    """Every attachment's sealed file is there, opens, and matches its checksum.

    `present_only`: a file already missing before the switch (which `check` reports) is
    not held against the new copy."""
    for sha in referenced(conn):
        sealed = files / cipher.file_name(sha)
        if not sealed.exists() and present_only:
            continue
        if not sealed.exists():
            raise OrganizerError("An attached file is missing from the data folder, so "
                                 "nothing was changed. Run `organizer check`.")
        try:
            with open(sealed, "rb") as handle:
                for _ in cipher.open_stream(sha, handle):  # checks the checksum at the end
                    pass
        except OrganizerError:
            raise OrganizerError("An attached file did not survive encryption intact, so "
                                 "nothing was changed.") from None


def referenced(conn: Any) -> list[str]:
    return sorted({r[0] for r in conn.execute("SELECT sha256 FROM attachments")})




SET_ASIDE = "set-aside"
_INDEX = ".sealed-index"  # in each set-aside folder of an encrypted store: name -> SHA-256
_INDEX_LABEL = "set-aside index"


def convert_set_aside(source: Path, target: Path, old: crypto.FileCipher | None,
                      new: crypto.FileCipher | None) -> int:
    """Copy `set-aside/` (what `check --repair` moved out of files/) into `target`, sealed
    under `new` (None: plain), opening what `old` sealed (None: it was plain).

    A sealed folder carries a small sealed index of its files' checksums, so that turning
    encryption off opens them again. A sealed file missing from the index (set aside while
    the store was encrypted: its checksum was never known) is copied as it is. Returns how
    many files could not be converted that way.
    """
    import json

    if not source.is_dir():
        return 0
    kept_as_is = 0
    for folder in [*sorted(p for p in source.rglob("*") if p.is_dir()), source]:
        names: dict[str, str] = {}
        index = folder / _INDEX
        if old is not None and index.exists():
            names = json.loads(old.open(_INDEX_LABEL, index.read_bytes()))
        out = target / folder.relative_to(source)
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
        written: dict[str, str] = {}
        for path in sorted(p for p in folder.iterdir() if p.is_file() and p.name != _INDEX):
            sha = path.name if old is None else names.get(path.name)
            if sha is None or (old is None and not _SHA.match(sha)):
                write_private(out / path.name, path.read_bytes())
                kept_as_is += 1
                continue
            data = path.read_bytes() if old is None else old.open(sha, path.read_bytes())
            if new is None:
                write_private(out / sha, data)
            else:
                name = new.file_name(sha)
                write_private(out / name, new.seal(sha, data))
                written[name] = sha
        if new is not None and written:
            write_private(out / _INDEX, new.seal(_INDEX_LABEL, json.dumps(written).encode()))
    return kept_as_is
