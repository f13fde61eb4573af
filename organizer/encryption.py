"""Turning encryption at rest on or off, and changing the passphrase.

Each switch writes a complete new store (database and, when they change, the attachment
files) into a staging folder, verifies it (integrity check, every table's row count, every
file opens and matches its checksum), and only then swaps it in (organizer.swap): a crash
or a failure before the swap leaves the old store exactly as it was; a crash after the
swap's journal is written is completed at the next start. The old copy is deleted: plain
data must not linger once encryption is on.

Automatic backups made before encryption was turned on are plain, so they are replaced by
one new encrypted backup.

A lost passphrase cannot be recovered: there is no back door, by design.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.i18n import _
from organizer.progress import Progress, step
from organizer.safety import backup, sealing
from organizer.storage import crypto, gate, swap
from organizer.storage.instance import APP_OPEN_MESSAGE, app_running
from organizer.storage.paths import DataDir

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase must be long enough to resist guessing; refuse it in plain words."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise OrganizerError(_("Choose a passphrase of at least {n} characters; a few "
                               "ordinary words in a row are easy to remember and hard to "
                               "guess. Nothing was changed.").format(n=MIN_PASSPHRASE))


def _open(root: Path, passphrase: str | None) -> Any:
    from organizer.opening import open_store

    return open_store(root, passphrase=passphrase)


@contextmanager
def _switch(root: Path, passphrase: str | None, *, with_files: bool
            ) -> Iterator[_Switch]:
    """Have the store to oneself, open it, and give the body a staging folder to build in.

    First every other user of the store is waited out and new ones are held back
    (organizer.gate): writers finish, so every write acknowledged before the switch is in
    the copy, and none can be acknowledged into the old store after it. When the body ends
    well, the old store is closed and the staged one swapped in (with its `files/` when
    `with_files`, and removing the paths the body listed in `remove` in the same journaled
    step) and the keys this process remembers are forgotten. When it raises, the staging
    folder goes and the old store is left exactly as it was.
    """
    if app_running(root):
        raise OrganizerError(APP_OPEN_MESSAGE)
    for name in ("files", "backups", sealing.SET_ASIDE):
        if (root / name).is_symlink():
            # Its contents live elsewhere: a switch would seal or remove the link, not them.
            raise OrganizerError(_("The folder “{folder}” in the data folder is a link to "
                                   "another place, so encryption cannot be switched safely. "
                                   "Move that folder back into the data folder, then try "
                                   "again; nothing was changed.").format(folder=name))
    with gate.exclusive(root):
        store = _open(root, passphrase)
        dirs = store.dirs
        try:
            staging = swap.new_staging(dirs)
            switch = _Switch(store, staging)
            try:
                yield switch
                store.close()
                swap.swap_in(dirs, staging, with_files=with_files, remove=switch.remove)
            finally:
                swap.drop_unjournaled(dirs, staging)
        finally:
            store.close()
        crypto.forget_keys()
        if switch.then is not None:
            switch.then()


class _Switch:
    """What a switch's body works with: the open store, its staging folder; and what it
    asks for: paths to remove with the swap, work to do after it (still holding the gate)."""

    def __init__(self, store: Any, staging: Path) -> None:
        self.store = store
        self.staging = staging
        self.remove: list[Path] = []
        self.then: Callable[[], None] | None = None


def encrypt_store(root: Path | str, new_passphrase: str,
                  progress: Progress | None = None) -> int:
    """Turn encryption on; returns how many plain automatic backups were replaced."""

    check_new_passphrase(new_passphrase)
    plain_backups: list[Path] = []
    with _switch(Path(root), None, with_files=True) as switch:
        store, staging = switch.store, switch.staging
        dirs = store.dirs
        if store.encrypted:
            raise OrganizerError(_("This organizer is already encrypted. To change its "
                                   "passphrase, use change-passphrase."))
        plain_backups = backup.automatic_backups(dirs.backups)
        # SQLCipher's own SQLite must not open the file beside this process's sqlite3
        # connection (organizer.db): close it; the gate keeps everyone else out meanwhile.
        store.close()
        sealing.seal_store(dirs, staging, new_passphrase, progress)
        # The plain automatic backups would leak what encryption hides: they go in the same
        # journaled step as the swap (a crash after it still removes them at the next
        # start), and one encrypted backup is made in their place.
        switch.remove = plain_backups
        if plain_backups:
            switch.then = lambda: _encrypted_backup(dirs, new_passphrase)
    return len(plain_backups)


def _encrypted_backup(dirs: DataDir, passphrase: str) -> None:
    from organizer.opening import open_store

    with open_store(dirs.root, passphrase=passphrase) as store:
        backup.auto_backup(store.conn, store.dirs, "daily")


def decrypt_store(root: Path | str, passphrase: str,
                  progress: Progress | None = None) -> None:
    """Turn encryption off (the passphrase is needed, and is checked first)."""
    with _switch(Path(root), passphrase, with_files=True) as switch:
        store, staging = switch.store, switch.staging
        if not store.encrypted:
            raise OrganizerError(_("This organizer is not encrypted; there is nothing to turn "
                                   "off."))
        staged = _copy_sealed(store, staging, None, None, progress, "Decrypting")
        try:
            # (each file's checksum was checked as it was written)
            staged.execute("DELETE FROM meta WHERE key = ?", (crypto.FILE_KEY_META,))
        finally:
            staged.close()


def _copy_sealed(store: Any, staging: Path, key: crypto.StoreKey | None,
                 file_key: bytes | None, progress: Progress | None, doing: str) -> Any:
    """Copy an encrypted store into `staging`: the database keyed with `key` (None: plain),
    every file (and what is set aside) sealed under `file_key` (None: plain), one chunk at
    a time; returns a connection to the verified copy, for the caller's last touches."""
    from organizer.storage.migrations import current_version

    old = store.cipher
    assert old is not None
    new = crypto.FileCipher(file_key) if file_key is not None else None
    version = current_version(store.conn)
    expected = sealing.tables(store.conn)
    step(progress, 0, 1, f"{doing} the database")
    sealing.export(store.conn, staging / swap.DB_NAME, key, version)
    sealing.convert_files(sealing.referenced(store.conn), store.file_path, staging / "files",
                          old, new, progress, f"{doing} the attached files")
    sealing.convert_set_aside(store.root / sealing.SET_ASIDE, staging / sealing.SET_ASIDE,
                              old, new)
    return sealing.verify(staging / swap.DB_NAME, key, expected, version)


def change_passphrase(root: Path | str, passphrase: str, new_passphrase: str,
                      progress: Progress | None = None) -> int:
    """Re-key the database under a new passphrase, with a new file key for the files.

    Every attached file is sealed again under the new file key and the automatic backups
    (which the old passphrase opens) are replaced by one made under the new one, so the old
    passphrase opens nothing in the data folder afterwards. Returns how many automatic
    backups were replaced. Copies made elsewhere before the change (a backup on a USB
    stick) still open with the old passphrase: nothing here can reach them.
    """
    check_new_passphrase(new_passphrase)
    old_backups: list[Path] = []
    with _switch(Path(root), passphrase, with_files=True) as switch:
        store, staging = switch.store, switch.staging
        if not store.encrypted:
            raise OrganizerError(_("This organizer is not encrypted. Turn encryption on with "
                                   "`organizer encrypt`."))
        key = crypto.StoreKey.create(new_passphrase)
        file_key = crypto.FileCipher.new_key()
        staged = _copy_sealed(store, staging, key, file_key, progress, "Re-encrypting")
        try:
            staged.execute("BEGIN IMMEDIATE")
            staged.execute("UPDATE meta SET value = ? WHERE key = ?",
                           (file_key.hex(), crypto.FILE_KEY_META))
            staged.execute("COMMIT")
            sealing.check_files(staged, crypto.file_cipher(staged), staging / "files",
                                present_only=True)
        finally:
            staged.close()
        old_backups = backup.automatic_backups(store.dirs.backups)
        switch.remove = old_backups
        if old_backups:
            dirs = store.dirs
            switch.then = lambda: _encrypted_backup(dirs, new_passphrase)
    return len(old_backups)
