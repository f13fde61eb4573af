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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError

# hashlib (which loads OpenSSL), hmac and unicodedata are imported where they are used:
# opening a plain store only reads the database's first bytes here, and the app does that
# before its window can show.

KDF_ROUNDS = 256_000
SALT_SIZE = 16
KEY_SIZE = 32
NONCE_SIZE = 12
FILE_MAGIC = b"SOO-AESGCM-1\n"
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


@dataclass(frozen=True)
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


class FileCipher:
    """Seals and opens attachment files under the store's file key (AES-256-GCM).

    Layout of a sealed file: FILE_MAGIC, a 12-byte random nonce, then the ciphertext with
    its 16-byte tag. The SHA-256 of the plain bytes is bound in as associated data, so a
    sealed file cannot be swapped for another one unnoticed.
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
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_SIZE)
        return FILE_MAGIC + nonce + AESGCM(self._key).encrypt(nonce, data,
                                                               FILE_MAGIC + sha256.encode())

    def open(self, sha256: str, blob: bytes) -> bytes:
        """The plain bytes; OrganizerError if the file was altered or is not ours."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        head = len(FILE_MAGIC)
        if not blob.startswith(FILE_MAGIC) or len(blob) < head + NONCE_SIZE + 16:
            raise OrganizerError("An attached file is damaged (it is not a sealed file). "
                                 "Restore it from a backup.")
        nonce = blob[head:head + NONCE_SIZE]
        try:
            return AESGCM(self._key).decrypt(nonce, blob[head + NONCE_SIZE:],
                                             FILE_MAGIC + sha256.encode())
        except InvalidTag:
            raise OrganizerError("An attached file is damaged or was altered (its seal does "
                                 "not match). Restore it from a backup.") from None
