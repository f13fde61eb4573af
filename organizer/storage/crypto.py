"""Keys for encryption at rest: passphrase -> database key, and sealed attachment files.

The database is encrypted by SQLCipher with a *raw* key that we derive ourselves
(PBKDF2-HMAC-SHA512, 256 000 rounds: SQLCipher 4's own default strength) from the
passphrase and the 16-byte salt SQLCipher keeps in clear at the start of the file. Deriving
it here, rather than letting SQLCipher do it, lets one process open the store again (a
background worker, the app after an idle lock is lifted) without asking again or paying
for the derivation again: the key stays in `_KEYS` until `forget_keys()`.

Attachment files are sealed with AES-256-GCM under a random *file key* kept inside the
encrypted database (the `meta` table), so changing the passphrase never rewrites them. A
sealed file is named by an HMAC of its SHA-256 under the same key, so its name does not
tell anyone holding a copy of a known document that it is in the store.

`cryptography` is imported only when a sealed file is written or read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from organizer.errors import OrganizerError
from organizer.frozen import frozen

# hashlib (which loads OpenSSL), hmac and unicodedata are imported where they are used:
# opening a plain store only reads the database's first bytes here, and the app does that
# before its window can show.

KDF_ROUNDS = 256_000
SALT_SIZE = 16
KEY_SIZE = 32
NONCE_SIZE = 12
FILE_MAGIC = b"SOO-AESGCM-1\n"     # format 1: one AES-GCM message (still read)
FILE_MAGIC_2 = b"SOO-AESGCM-2\n"   # format 2: chunks (see FileCipher)
SEAL_CHUNK = 1024 * 1024            # plain bytes per sealed chunk
MAX_SEAL_CHUNK = 64 * 1024 * 1024   # a larger chunk size in a header is not ours
TAG_SIZE = 16
_PREFIX_SIZE = 7
FILE_KEY_META = "file_key"

# (resolved database path, salt) -> raw key, for the stores this process has unlocked
_KEYS: dict[tuple[str, bytes], bytes] = {}


def normalize(passphrase: str) -> bytes:
    """The passphrase as bytes; NFC so the same words typed on another system still match."""
    import unicodedata

    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The 32-byte database key for a passphrase and a salt (deliberately slow)."""
    import hashlib

    return hashlib.pbkdf2_hmac("sha512", normalize(passphrase), salt, KDF_ROUNDS, KEY_SIZE)


def new_salt() -> bytes:
    return os.urandom(SALT_SIZE)


@frozen
class StoreKey:
    """What SQLCipher needs to open one database file: the raw key and the file's salt."""

    key: bytes
    salt: bytes

    def pragma_value(self) -> str:
        """The `PRAGMA key` value: a raw key with an explicit salt (no KDF inside SQLCipher)."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    @classmethod
    def create(cls, passphrase: str) -> StoreKey:
        """A key for a new encrypted database file, with a fresh salt."""
        salt = new_salt()
        return cls(derive_key(passphrase, salt), salt)


def key_for(database: Path, salt: bytes, passphrase: str | None) -> StoreKey | None:
    """The key for an encrypted database whose file starts with `salt` (organizer.db reads
    it): derived from the passphrase, else remembered.

    None when there is no passphrase and this process has not unlocked the file before.
    The caller learns whether the key is right only by opening the database.
    """
    if passphrase is None:
        remembered = _KEYS.get((str(database.resolve()), salt))
        return None if remembered is None else StoreKey(remembered, salt)
    return StoreKey(derive_key(passphrase, salt), salt)


def file_cipher(conn: Any) -> FileCipher:
    """The attachment cipher of an open encrypted database (its key lives in `meta`)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (FILE_KEY_META,)).fetchone()
    if row is None or not row[0]:
        raise OrganizerError("The encrypted organizer is missing its file key, so attached "
                             "files cannot be read. Restore it from a backup.")
    return FileCipher(bytes.fromhex(row[0]))


def remember(database: Path, key: StoreKey) -> None:
    """Keep a key that opened the database, for later opens in this process."""
    _KEYS[(str(database.resolve()), key.salt)] = key.key


def forget_keys() -> None:
    """Drop every remembered key (lock now, idle lock, after changing the passphrase)."""
    _KEYS.clear()


class Readable(Protocol):
    """Anything `seal_stream` can read from: a file, or chunks coming out of another seal."""

    def read(self, size: int = -1, /) -> bytes: ...


class FileCipher:
    """Seals and opens attachment files under the store's file key (AES-256-GCM).

    A sealed file (format 2, written since files of several GiB could be attached) is
    FILE_MAGIC_2, a 4-byte chunk size and a 7-byte random nonce prefix, then the plain
    bytes in chunks of that size, each sealed on its own with a 16-byte tag. A chunk's
    nonce is the prefix, its 4-byte number and a flag byte that is 1 only on the last
    chunk (the STREAM construction), and the header is bound in as associated data: a
    chunk moved, dropped, repeated, taken from another file, or the file cut short at a
    chunk boundary, all fail to open. Memory is one chunk, whatever the file's size.
    The SHA-256 of the plain bytes is checked once the last chunk is open, so a sealed
    file swapped for another sealed file is caught too.

    Format 1 (FILE_MAGIC, a 12-byte nonce, one ciphertext with the SHA-256, or another
    label, as associated data) is what `seal` writes for data already in memory, and what
    stores and backups made before format 2 hold; `open` and `open_stream` read both.
    """

    def __init__(self, key: bytes) -> None:
        import hashlib
        import hmac

        if len(key) != KEY_SIZE:
            raise ValueError("a file key is 32 bytes")
        self._key = key
        self._name_key = hmac.new(key, b"file names", hashlib.sha256).digest()

    @staticmethod
    def new_key() -> bytes:
        return os.urandom(KEY_SIZE)

    def file_name(self, sha256: str) -> str:
        """The on-disk name of the file whose plain bytes have this SHA-256."""
        import hashlib
        import hmac

        return hmac.new(self._name_key, sha256.encode("ascii"), hashlib.sha256).hexdigest()

    def seal(self, sha256: str, data: bytes) -> bytes:
        """`data`, already in memory, sealed in one piece (format 1) with `sha256` bound in
        as associated data: any label works (an index of files is sealed under a name),
        and `open` must be given the same one. Files copied from disk use `seal_stream`."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_SIZE)
        return FILE_MAGIC + nonce + AESGCM(self._key).encrypt(nonce, data,
                                                               FILE_MAGIC + sha256.encode())

    def seal_stream(self, source: Readable, out: IO[bytes],
                    chunk_size: int = SEAL_CHUNK) -> tuple[str, int]:
        """Seal what `source` holds into `out`, one chunk in memory; its (SHA-256, size)."""
        import hashlib

        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        prefix = os.urandom(_PREFIX_SIZE)
        header = FILE_MAGIC_2 + chunk_size.to_bytes(4, "big") + prefix
        out.write(header)
        aead, digest, size, number = AESGCM(self._key), hashlib.sha256(), 0, 0
        chunk = source.read(chunk_size)
        while True:
            following = source.read(chunk_size) if len(chunk) == chunk_size else b""
            last = not following
            digest.update(chunk)
            size += len(chunk)
            out.write(aead.encrypt(_chunk_nonce(prefix, number, last), chunk, header))
            if last:
                return digest.hexdigest(), size
            chunk, number = following, number + 1

    def open(self, sha256: str, blob: bytes) -> bytes:
        """The plain bytes; OrganizerError if the file was altered or is not ours."""
        import io

        return b"".join(self.open_stream(sha256, io.BytesIO(blob)))

    def open_stream(self, sha256: str, source: IO[bytes]) -> Iterator[bytes]:
        """The plain bytes of a sealed file, chunk by chunk, in bounded memory (format 2;
        a format-1 file is read whole, as it was written).

        OrganizerError, at the chunk where it shows, if the file was altered, cut short or
        is not ours; the caller discards what it was given before.
        """
        import hashlib

        head = source.read(len(FILE_MAGIC_2))
        if head == FILE_MAGIC:
            yield self._open_v1(sha256, head + source.read())
            return
        if head != FILE_MAGIC_2:
            raise OrganizerError(_NOT_SEALED)
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        rest = source.read(4 + _PREFIX_SIZE)
        if len(rest) != 4 + _PREFIX_SIZE:
            raise OrganizerError(_NOT_SEALED)
        chunk_size = int.from_bytes(rest[:4], "big")
        if not 0 < chunk_size <= MAX_SEAL_CHUNK:
            raise OrganizerError(_NOT_SEALED)
        header, prefix = head + rest, rest[4:]
        aead, digest, number = AESGCM(self._key), hashlib.sha256(), 0
        sealed = source.read(chunk_size + TAG_SIZE)
        while True:
            following = source.read(chunk_size + TAG_SIZE) if sealed else b""
            last = not following
            if len(sealed) < TAG_SIZE or number >= 2**32:
                raise OrganizerError(_ALTERED)
            try:
                plain = aead.decrypt(_chunk_nonce(prefix, number, last), sealed, header)
            except InvalidTag:
                raise OrganizerError(_ALTERED) from None
            digest.update(plain)
            if last and digest.hexdigest() != sha256:
                raise OrganizerError(_ALTERED)
            yield plain
            if last:
                return
            sealed, number = following, number + 1

    def _open_v1(self, sha256: str, blob: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        head = len(FILE_MAGIC)
        if len(blob) < head + NONCE_SIZE + TAG_SIZE:
            raise OrganizerError(_NOT_SEALED)
        nonce = blob[head:head + NONCE_SIZE]
        try:
            return AESGCM(self._key).decrypt(nonce, blob[head + NONCE_SIZE:],
                                             FILE_MAGIC + sha256.encode())
        except InvalidTag:
            raise OrganizerError(_ALTERED) from None


def _chunk_nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


_NOT_SEALED = ("An attached file is damaged (it is not a sealed file). Restore it from a "
               "backup.")
_ALTERED = ("An attached file is damaged or was altered (its seal does not match). Restore "
            "it from a backup.")
