"""Backups: one zip file holding the database, the attachment files and a manifest.

Making one: the database is copied with SQLite's online backup API (a consistent snapshot
even while the app writes; an encrypted store's copy stays encrypted under the same key),
every file in `files/` is copied as it is on disk (sealed files stay sealed), and
`manifest.json` lists the SHA-256 and size of each. The zip is written under a temporary
name, flushed, read back and checked against its manifest, and only then renamed to its
final name: a backup that exists is a backup that was verified.

Restoring one: every checksum is verified before anything is touched; the files are
unpacked into a staging folder, the database there is opened, integrity-checked and
checked to be this app's own (its schema exactly what the migrations make at its version,
every attached file it uses present: organizer.restore_check), and only then is it
swapped in (organizer.swap). A damaged backup is refused with the store
untouched. What the restore replaced is kept in `backups/before-restore-*`.

Automatic backups (before a schema migration, once a day when the app closes) go into
`backups/` and are kept in a rotating set per kind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer import __version__
from organizer.errors import OrganizerError, WrongPassphraseError
from organizer.i18n import N_, _
from organizer.progress import Progress, step
from organizer.storage import db
from organizer.storage.hashing import hash_stream, sha256_file
from organizer.storage.paths import (
    TEMP_PREFIX,
    DataDir,
    create_private,
    fsync_dir,
    owned_name,
    private_output,
)

if TYPE_CHECKING:
    from organizer.storage.crypto import StoreKey
    from organizer.storage.store import Store

FORMAT = "second-opinion-organizer-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_ENTRY = "organizer.db"
KEEP = {"daily": 7, "before-migration": 3, "before-restore": 2}
_FILE_ENTRY = re.compile(r"^files/[0-9a-f]{64}$")

# What reading a broken or hostile zip can raise: every one of them means "damaged".
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, KeyError,
                NotImplementedError, RuntimeError, OverflowError, UnicodeDecodeError)

DAMAGED = N_("The backup file “{name}” is damaged or incomplete ({why}), so it was not used. "
              "Your organizer was not changed; try another backup.")


def _damaged(name: str, why: str) -> str:
    return _(DAMAGED).format(name=name, why=why)


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds."""

    path: Path
    encrypted: bool
    schema_version: int
    created_at: str
    files: int
    size: int


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}-\d{6}-\d{6}")


def _stamp() -> str:
    """UTC time to the microsecond: two backups in the same second keep both."""
    return datetime.now(UTC).strftime("%Y-%m-%d-%H%M%S-%f")


def snapshot_database(conn: Any, target: Path) -> None:
    """Copy the open database to `target` with SQLite's online backup API.

    An encrypted database is copied into a file keyed with the same key (pages stay
    encrypted; no plain copy is ever written).
    """
    create_private(target).close()  # SQLite keeps the mode of a file that exists
    copy = db.connect(target, key=db.key_of(conn))
    try:
        conn.backup(copy)
    finally:
        copy.close()


def write_backup(conn: Any, dirs: DataDir, target: Path,
                 progress: Progress | None = None) -> BackupInfo:
    """Write a verified backup of the store open on `conn` to `target` (replaced if present).

    For the app's own backups in `backups/`; a backup the user asks for goes through
    `create_backup`, which keeps it out of the data folder.
    """
    target = Path(target)
    if target.is_dir():
        raise OrganizerError(_("“{file}” is a folder. Give a file name for the backup, for "
                               "example organizer-backup.zip.").format(file=target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OrganizerError(_("The folder {folder} does not exist, so the backup was not "
                               "written.").format(folder=folder))
    # Named after this process: a start in another process leaves it alone (paths.py).
    temp_zip = folder / owned_name(TEMP_PREFIX, "backup-", ".zip")
    try:
        manifest, files = _write_zip(conn, dirs, temp_zip, progress)
        os.replace(temp_zip, target)
        fsync_dir(folder)
    except OSError as exc:
        raise _write_error(exc, target) from None
    finally:
        temp_zip.unlink(missing_ok=True)
    step(progress, files + 2, files + 2, "Backup written")
    return BackupInfo(target, manifest["encrypted"], manifest["schema_version"],
                      manifest["created_at"], files, target.stat().st_size)


def _write_zip(conn: Any, dirs: DataDir, temp_zip: Path,
               progress: Progress | None) -> tuple[dict[str, Any], int]:
    """Write the backup zip to `temp_zip` (a new file) and verify it; returns its manifest
    and how many attached files it holds."""
    from organizer.storage.migrations import current_version

    files = dirs.stored_files()
    total = len(files) + 2
    temp_db = dirs.root / owned_name(TEMP_PREFIX, "backup-", ".db")
    try:
        step(progress, 0, total, "Copying the database")
        snapshot_database(conn, temp_db)
        manifest: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
            "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema_version": current_version(conn),
            "encrypted": db.key_of(conn) is not None,
            "database": {"name": DB_ENTRY, "sha256": sha256_file(temp_db),
                         "size": temp_db.stat().st_size},
            "files": [],
        }
        with create_private(temp_zip) as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=1,
                                 allowZip64=True) as archive:
                archive.write(temp_db, DB_ENTRY)
                for number, path in enumerate(files, start=1):
                    step(progress, number, total, "Copying attached files")
                    name = f"files/{path.name}"
                    entry: str | zipfile.ZipInfo = name
                    if manifest["encrypted"]:
                        # A sealed file is random bytes: deflating it costs time (most of a
                        # minute for 2 GiB) and saves nothing, so it is stored as it is.
                        entry = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
                        entry.compress_type = zipfile.ZIP_STORED
                        entry.external_attr = 0o600 << 16
                    with open(path, "rb") as src, archive.open(entry, "w",
                                                              force_zip64=True) as out:
                        sha, size = hash_stream(src, out)
                    manifest["files"].append({"name": name, "sha256": sha, "size": size})
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            raw.flush()
            os.fsync(raw.fileno())
    finally:
        temp_db.unlink(missing_ok=True)
    step(progress, total - 1, total, "Checking the backup")
    verify_backup(temp_zip)
    return manifest, len(files)


def _write_error(exc: OSError, target: Path) -> OrganizerError:
    if exc.errno == 28:
        return OrganizerError(_("The disk is full, so the backup {file} was not written. "
                                "Free some space or choose another place.").format(
                                    file=target.name))
    if exc.errno in (13, 30):
        return OrganizerError(_("The backup {file} cannot be written there (no permission "
                                "or a read-only disk). Choose another place.").format(
                                    file=target.name))
    return OrganizerError(_("The backup {file} could not be written ({reason}). Your "
                            "organizer was not changed.").format(file=target.name,
                                                                 reason=exc.strerror))


def create_backup(store: Store, target: Path | str,
                  progress: Progress | None = None) -> BackupInfo:
    """Back up an open store to one verified zip file at a target of the user's choosing.

    Any target `paths.output_target` allows (`-` is standard output; a FIFO is written
    through); one inside the data folder is refused: `backups/` and the rest are the app's.
    """
    target = Path(target)
    try:
        with private_output(target, data_dir=store.root) as temp:
            manifest, files = _write_zip(store.conn, store.dirs, temp, progress)
            size = temp.stat().st_size
    except OSError as exc:
        raise _write_error(exc, target) from None
    step(progress, files + 2, files + 2, "Backup written")
    return BackupInfo(target, manifest["encrypted"], manifest["schema_version"],
                      manifest["created_at"], files, size)


def _read_manifest(archive: zipfile.ZipFile, name: str) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > 50_000_000:
            raise ValueError("manifest too large")
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise OrganizerError(_damaged(name=name, why="it has no list of contents")) from None
    except _READ_ERRORS as exc:
        raise OrganizerError(_damaged(name=name, why=f"its list of contents is unreadable: "
                                                   f"{exc}")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise OrganizerError(_("“{file}” is not a Second Opinion Organizer backup. Nothing "
                               "was changed.").format(file=name))
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise OrganizerError(_("The backup “{file}” was made by a newer version of the app. "
                               "Install the newer version to restore it; nothing was "
                               "changed.").format(file=name))
    return manifest


def _entries(manifest: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The manifest's entries, each checked to be a name this app writes (no path tricks)."""
    try:
        entries = [manifest["database"], *manifest["files"]]
        for entry in entries:
            entry_name = entry["name"]
            if not (entry_name == DB_ENTRY or _FILE_ENTRY.match(entry_name)):
                raise ValueError(f"unexpected entry {entry_name!r}")
            if not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]) or int(entry["size"]) < 0:
                raise ValueError("bad checksum entry")
    except (KeyError, TypeError, ValueError) as exc:
        raise OrganizerError(_damaged(name=name, why=f"its list of contents is wrong: "
                                                   f"{exc}")) from None
    return entries


def _copy_checked(archive: zipfile.ZipFile, entry: dict[str, Any], name: str,
                  out: Any = None) -> None:
    """Read one entry, compare its size and SHA-256 with the manifest, copy it if asked."""
    try:
        info = archive.getinfo(entry["name"])
    except KeyError:
        raise OrganizerError(_damaged(name=name, why=f"{entry['name']} is missing")) from None
    if info.file_size != int(entry["size"]):
        raise OrganizerError(_damaged(name=name, why=f"{entry['name']} has the wrong size"))
    try:
        with archive.open(info) as src:
            sha, size = hash_stream(src, out, limit=int(entry["size"]))
    except _READ_ERRORS as exc:
        raise OrganizerError(_damaged(name=name, why=f"{entry['name']}: {exc}")) from None
    if size != int(entry["size"]) or sha != entry["sha256"]:
        raise OrganizerError(_damaged(name=name,
                                      why=f"{entry['name']} does not match its checksum"))


def verify_backup(path: Path | str, progress: Progress | None = None) -> BackupInfo:
    """Check every checksum in a backup; OrganizerError (plain words) if anything is off."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise OrganizerError(_("There is no backup file “{file}”.").format(file=path))
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _read_manifest(archive, name)
            entries = _entries(manifest, name)
            for number, entry in enumerate(entries, start=1):
                step(progress, number, len(entries), "Checking the backup")
                _copy_checked(archive, entry, name)
    except FileNotFoundError:
        raise OrganizerError(_("There is no backup file “{file}”.").format(file=path)) from None
    except PermissionError:
        raise OrganizerError(_("The backup “{file}” may not be read by this account.").format(
            file=name)) from None
    except _READ_ERRORS as exc:
        raise OrganizerError(_damaged(name=name, why=str(exc) or type(exc).__name__)) \
            from None
    return BackupInfo(path, bool(manifest.get("encrypted")), int(manifest["schema_version"]),
                      str(manifest.get("created_at", "")), len(entries) - 1, path.stat().st_size)


def backup_is_encrypted(path: Path | str) -> bool:
    """What the manifest says (without checking the checksums)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(_read_manifest(archive, Path(path).name).get("encrypted"))
    except _READ_ERRORS as exc:
        raise OrganizerError(_damaged(name=Path(path).name, why=str(exc))) from None


def restore_backup(root: Path | str, path: Path | str, passphrase: str | None = None,
                   progress: Progress | None = None) -> Path | None:
    """Replace the store in `root` with the backup's contents; returns where the old one went
    (None when there was no store to replace: a restore into a new folder).

    Nothing in the data folder changes unless every checksum matches and the restored
    database opens and passes SQLite's integrity check. Every other user of the store is
    waited out first and new ones are held back until the restore is over (organizer.gate),
    so no write can be acknowledged into the store it replaces; the app closes its own
    connections first.
    """
    from organizer.storage import gate
    from organizer.storage.instance import APP_OPEN_MESSAGE, app_running

    if app_running(Path(root)):
        raise OrganizerError(APP_OPEN_MESSAGE)
    Path(root).mkdir(mode=0o700, parents=True, exist_ok=True)
    with gate.exclusive(Path(root)):
        return _restore(root, path, passphrase, progress)


def _restore(root: Path | str, path: Path | str, passphrase: str | None,
             progress: Progress | None) -> Path | None:
    from organizer.safety import restore_check
    from organizer.storage import crypto, migrations, swap
    from organizer.storage.instance import APP_OPEN_MESSAGE, app_running

    path = Path(path)
    dirs = DataDir(Path(root))
    info = verify_backup(path, progress)
    if info.encrypted and passphrase is None:
        raise OrganizerError(_("This backup is locked with a passphrase. Give the passphrase "
                               "it was made with (ORGANIZER_PASSPHRASE on the command line); "
                               "nothing was changed."))
    swap.prepare(dirs)
    if app_running(dirs.root):
        raise OrganizerError(APP_OPEN_MESSAGE)
    staging = swap.new_staging(dirs)
    try:
        (staging / "files").mkdir(mode=0o700)
        with zipfile.ZipFile(path) as archive:
            manifest = _read_manifest(archive, path.name)
            entries = _entries(manifest, path.name)
            for number, entry in enumerate(entries, start=1):
                step(progress, number, len(entries), "Unpacking the backup")
                with create_private(staging / entry["name"]) as out:
                    _copy_checked(archive, entry, path.name, out)
            # From the zip, not the unpacked file: no descriptor on a database but SQLite's.
            with archive.open(DB_ENTRY) as staged:
                restore_check.check_header(staged.read(16), info.encrypted, path.name)
        staged_db = staging / DB_ENTRY
        key: StoreKey | None = None
        if info.encrypted:
            assert passphrase is not None
            salt = db.read_salt(staged_db)
            key = crypto.StoreKey(crypto.derive_key(passphrase, salt), salt)
        try:
            conn = db.connect(staged_db, key=key)
        except WrongPassphraseError:
            raise WrongPassphraseError(_("That passphrase does not open this backup. Give "
                                         "the passphrase the backup was made with; nothing "
                                         "was changed.")) from None
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise OrganizerError(_damaged(name=path.name,
                                              why="its database fails the check"))
            migrations.check_version(conn)
            # Whole is not enough: it must be this app's own schema, with all its files.
            restore_check.check_database(conn, path.name, info.schema_version)
            cipher = crypto.file_cipher(conn) if key is not None else None
            restore_check.check_attachments(conn, staging / "files", cipher, entries[1:],
                                            path.name)
        except db.Error as exc:
            raise OrganizerError(_damaged(name=path.name, why=str(exc))) from None
        finally:
            conn.close()
        step(progress, len(entries), len(entries), "Putting the backup in place")
        dirs.backups.mkdir(parents=True, exist_ok=True)
        keep = dirs.backups / f"before-restore-{_stamp()}"
        if key is not None and dirs.database.exists() and not db.is_encrypted(dirs.database):
            # An encrypted backup over a plain store: what it replaces must not stay in the
            # folder in plain. It is kept as a backup sealed with the same passphrase.
            assert passphrase is not None
            keep = keep.with_suffix(".zip")
            _keep_sealed(dirs, passphrase, keep)
            swap.swap_in(dirs, staging, with_files=True)
        else:
            swap.swap_in(dirs, staging, with_files=True, keep_old_as=keep)
    except OSError as exc:
        raise OrganizerError(_("The backup could not be restored ({reason}). Your organizer "
                               "was not changed.").format(reason=exc.strerror)) from None
    finally:
        swap.drop_unjournaled(dirs, staging)
    crypto.forget_keys()
    # Only a restore that swapped a store in rotates: one refused above (a crafted backup,
    # a wrong passphrase) never costs the copy an earlier restore kept of what it replaced.
    rotate(dirs.backups, "before-restore")
    return keep if keep.exists() else None


def _keep_sealed(dirs: DataDir, passphrase: str, target: Path) -> None:
    """Write a verified, encrypted backup of the plain store in `dirs` to `target`."""
    from organizer.safety import sealing
    from organizer.storage import crypto, swap
    work = swap.new_staging(dirs)
    try:
        sealing.seal_store(dirs, work, passphrase)
        sealed = work / DB_ENTRY
        key = crypto.key_for(sealed, db.read_salt(sealed), passphrase)
        conn = db.connect(sealed, key=key)
        try:
            write_backup(conn, DataDir(work), target)
        finally:
            conn.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def auto_backup(conn: Any, dirs: DataDir, kind: str,
                progress: Progress | None = None) -> BackupInfo:
    """An automatic backup into `backups/` (kind: daily, before-migration), then rotate."""
    dirs.backups.mkdir(parents=True, exist_ok=True)
    info = write_backup(conn, dirs, dirs.backups / f"{kind}-{_stamp()}.zip", progress)
    rotate(dirs.backups, kind)
    return info


def maybe_daily_backup(store: Store, progress: Progress | None = None) -> Path | None:
    """Make today's automatic backup if there is none yet (the app calls this on closing)."""
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    if any(store.dirs.backups.glob(f"daily-{today}-*.zip")):
        return None
    return auto_backup(store.conn, store.dirs, "daily", progress).path


def rotate(backups: Path, kind: str, keep: int | None = None) -> list[Path]:
    """Keep the newest `keep` automatic backups of one kind; returns the ones removed."""
    prefix = kind.split("-v")[0]
    if keep is None:
        keep = KEEP.get(prefix, 3)
    if not backups.is_dir():
        return []

    def made_at(path: Path) -> str:
        found = _STAMP.search(path.name)
        return found.group(0) if found else ""

    found = sorted((p for p in backups.iterdir() if p.name.startswith(prefix + "-")),
                   key=made_at)
    removed = found[:-keep] if keep > 0 else found
    for old in removed:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
    return removed


def automatic_backups(backups: Path) -> list[Path]:
    """The backups this app made on its own in `backups/`."""
    if not backups.is_dir():
        return []
    return sorted(p for p in backups.iterdir()
                  if p.name.startswith(tuple(f"{k}-" for k in KEEP)))
