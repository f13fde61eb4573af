"""The one place that knows where the data folder is and what lives in it.

Layout (DESIGN, "The data folder"): `organizer.db` with its `-wal` and `-shm`, `files/`
for attachments named by SHA-256, `backups/`. The folder is private to the user (0700)
and every file in it 0600, from its first byte: files are created with that mode, never
created first and made private afterwards.

Work in progress carries its owner: every temporary file and staging folder is named
`<prefix><pid>-…` after the process writing it. Several processes may use one data folder
at once (the app, a command in a terminal, a worker thread), so what a start clears is only
what a dead process left behind, never the half-written file of a live one.
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path

# Annotations only (never evaluated): the quick start of `organizer people` imports this.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import IO

APP_NAME = "SecondOpinionOrganizer"
TEMP_PREFIX = ".tmp-"
STAGING_PREFIX = ".staging-"
OLD_PREFIX = ".old-"
# Private scratch folders for decrypted copies (previews, a packet being made, an import's
# files on their way into the store): inside the data folder, never in the shared /tmp, so
# that an encrypted organizer's plain bytes stay in a folder only this user may enter and
# that "Lock now", the end of the work, or the next start clears.
SCRATCH_PREFIX = ".scratch-"
_WORK_PREFIXES = (TEMP_PREFIX, STAGING_PREFIX, OLD_PREFIX, SCRATCH_PREFIX)
# What the organizer itself keeps at the top of the data folder; anything else there is
# listed by `check` (never touched: it may be the user's).
KNOWN_NAMES = frozenset({
    "organizer.db", "organizer.db-wal", "organizer.db-shm", "organizer.db-journal",
    "files", "backups", "set-aside", "app.lock", ".swap-journal.json",
    ".store-gate", ".store-gate-intent",
    "errors.log", "errors.log.1",  # organizer.logs: what went wrong where, no health data
})


def default_data_dir() -> Path:
    """ORGANIZER_DATA_DIR if set, else the platform's user data folder."""
    env = os.environ.get("ORGANIZER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # imported late: it costs start-up time the command line can spare

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def owned_name(prefix: str, tag: str = "", suffix: str = "") -> str:
    """A fresh name for work in progress, carrying this process's id (see `owner_of`)."""
    return f"{prefix}{os.getpid()}-{tag}{os.urandom(6).hex()}{suffix}"


def owner_of(name: str, prefix: str) -> int | None:
    """The process id in a name made by `owned_name`, or None (a name from before ids)."""
    digits = name[len(prefix):].partition("-")[0]
    return int(digits) if name.startswith(prefix) and digits.isdigit() else None


def process_alive(pid: int | None) -> bool:
    """Is process `pid` still running? (None, a name without an owner, counts as gone.)

    This process is alive, whichever thread asks: the app's worker opens its own store
    while the window's thread may be writing a file. A zombie (dead, not yet reaped) is
    gone. A process of another user counts as alive: better to leave a file for later than
    to pull it from under someone.
    """
    if pid is None or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    try:  # Linux only: the state letter after the name in /proc/PID/stat
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


class DataDir:
    """The paths inside one data folder.

    A plain class rather than a dataclass: `organizer people` imports this module, and
    importing `dataclasses` (with `inspect`) costs more than the whole command should.
    """

    __slots__ = ("root",)

    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"DataDir({self.root!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataDir) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    @property
    def database(self) -> Path:
        return self.root / "organizer.db"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def error_log(self) -> Path:
        """organizer.logs writes here (and moves a full log to `errors.log.1`)."""
        return self.root / "errors.log"

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the folder's advisory lock (flock on the folder itself: no extra file).

        Only starts take it, for the few milliseconds of their clean-up; writers never wait
        for it. Where flock does not exist, starts simply are not serialized.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on the systems we ship for
            yield
            return
        fd = os.open(self.root, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                pass  # a file system without locks (some network shares): go on unserialized
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def stored_files(self) -> list[Path]:
        """The attachment files in `files/` (not the temporary ones being written)."""
        if not self.files.is_dir():
            return []
        return sorted(p for p in self.files.iterdir()
                      if p.is_file() and not p.name.startswith(TEMP_PREFIX))

    def leftovers(self) -> list[Path]:
        """What dead processes left half-done: temporary files, unfinished staging folders.

        Work of a live process (another command, the app, this process's other thread) is
        not a leftover.
        """
        found: list[Path] = []
        for folder in (self.root, self.files, self.backups):
            # names only, one test each: files/ holds every attachment, and this runs at
            # every start before the window shows
            try:
                with os.scandir(folder) as entries:
                    names = [e.name for e in entries if e.name.startswith(_WORK_PREFIXES)]
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in names:
                for prefix in _WORK_PREFIXES:
                    if name.startswith(prefix) and not process_alive(owner_of(name, prefix)):
                        found.append(folder / name)
        return sorted(found)

    def unknown(self) -> list[Path]:
        """Files and folders at the top of the data folder that the organizer did not make."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir()
                      if p.name not in KNOWN_NAMES and not p.name.startswith(_WORK_PREFIXES))

    def new_scratch(self) -> Path:
        """A fresh private folder (0700) for plain copies, named after this process.

        The caller removes it when done (`remove`); `clear_scratch` removes all of this
        process's at once (the app's "Lock now"); a start removes those of dead processes.
        """
        folder = self.root / owned_name(SCRATCH_PREFIX)
        folder.mkdir(mode=0o700)
        return folder

    @contextmanager
    def scratch(self) -> Iterator[Path]:
        """A private scratch folder for the length of a `with` block."""
        folder = self.new_scratch()
        try:
            yield folder
        finally:
            remove(folder)

    def clear_scratch(self) -> None:
        """Remove every scratch folder of this process (its plain copies go with them)."""
        if not self.root.is_dir():
            return
        for path in self.root.iterdir():
            if (path.name.startswith(SCRATCH_PREFIX)
                    and owner_of(path.name, SCRATCH_PREFIX) == os.getpid()):
                remove(path)


def remove(path: Path) -> None:
    """Remove a file or a whole folder, if it is still there."""
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def private_file(path: Path) -> None:
    """Make a file readable by its owner only (ignored where the file system cannot)."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def create_private(path: Path) -> IO[bytes]:
    """A new file open for writing, readable by its owner only from its first byte.

    O_EXCL: it never opens (and so never truncates or exposes) a file that is already
    there. Every file the organizer writes is created through here or `private_output`.
    """
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    return os.fdopen(fd, "wb")


STDOUT = "-"  # `-o -`: the output goes to standard output
_OUTPUT_TAG = "output-"  # work folders of outputs: `.tmp-<pid>-output-…` beside the target


class OutputTarget:
    """Where an output really goes, once `output_target` has allowed it.

    `path` is the real path (symlinks resolved: the link stays, the file it points to gets
    the output). `replace`: a regular file or a new name, written beside it and renamed
    over it in one step. Otherwise the output is written through into what is there (a
    FIFO, a character device such as /dev/null) or to standard output (`stdout`), which
    are never replaced.
    """

    __slots__ = ("path", "replace", "stdout")

    def __init__(self, path: Path, replace: bool, stdout: bool = False) -> None:
        self.path, self.replace, self.stdout = path, replace, stdout


def output_target(target: Path | str, data_dir: Path) -> OutputTarget:
    """Check where an output (packet, printout, export, backup) may be written.

    Refused, with a sentence saying what to do: a target inside the data folder `data_dir`
    however it is reached (a linked folder, a linked file, `..`; compared by real path and
    by the folders' identity on disk, so a second mount of the folder counts too), a
    folder, a missing folder, and anything that is neither a file nor a FIFO nor a
    character device (a socket, a disk device). Every output goes through here, before the
    work starts and again in `private_output`.
    """
    from organizer.errors import OrganizerError
    from organizer.i18n import _

    shown = str(target)
    if shown == STDOUT:
        return OutputTarget(Path(STDOUT), replace=False, stdout=True)
    real = Path(os.path.realpath(target))
    if _inside(real, data_dir) and not _in_own_scratch(real, data_dir):
        raise OrganizerError(_("“{file}” is inside the organizer's own data folder, where a "
                               "file written over it could destroy your records: choose "
                               "another place, for example your Documents folder.").format(
                                   file=shown))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise OrganizerError(_("The folder {folder} does not exist, so nothing was "
                                   "saved there. Choose another place.").format(
                                       folder=real.parent)) from None
        return OutputTarget(real, replace=True)
    except OSError as exc:
        raise OrganizerError(_("“{file}” cannot be used ({reason}). Choose another "
                               "place.").format(file=shown, reason=exc.strerror)) from None
    if stat.S_ISDIR(mode):
        raise OrganizerError(_("“{file}” is a folder. Give a file name to save to, for "
                               "example packet.pdf.").format(file=shown))
    if stat.S_ISREG(mode):
        return OutputTarget(real, replace=True)
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return OutputTarget(real, replace=False)
    raise OrganizerError(_("“{file}” is not a file (it is a device or a socket), so nothing "
                           "was written to it. Give a file name.").format(file=shown))


def _in_own_scratch(real: Path, data_dir: Path) -> bool:
    """Is `real` inside one of this process's scratch folders (a packet's preview)? Such a
    folder holds no part of the store, and no other process writes there."""
    data_real = Path(os.path.realpath(data_dir))
    try:
        first = real.relative_to(data_real).parts[0]
    except (ValueError, IndexError):
        return False
    return (first.startswith(SCRATCH_PREFIX) and len(real.relative_to(data_real).parts) > 1
            and owner_of(first, SCRATCH_PREFIX) == os.getpid())


def _inside(real: Path, data_dir: Path) -> bool:
    """Is `real` (a resolved path) the data folder or anything in it?"""
    data_real = Path(os.path.realpath(data_dir))
    if real == data_real or data_real in real.parents:
        return True
    try:
        data = os.stat(data_real)
    except OSError:
        return False
    for folder in (real, *real.parents):
        try:
            seen = os.stat(folder)
        except OSError:
            continue
        if (seen.st_dev, seen.st_ino) == (data.st_dev, data.st_ino):
            return True
    return False


@contextmanager
def private_output(target: Path | str, *, data_dir: Path) -> Iterator[Path]:
    """Write `target` whole or not at all, private to this user at every moment, and never
    in a way that could damage the store in `data_dir`.

    Yields a path for the writer (a packet, an export, a backup) to write to. It lies in a
    fresh folder that only this user may enter (0700), so whatever the writer does there
    (files it makes with the usual 0644, temporary files of its own) nobody else can read a
    byte. When the writer is done the file is made 0600 and flushed, then:

    - a regular file (or a new name) is replaced in one rename; the work folder is beside
      it (same file system) and named after this process, so a kill leaves at most that
      folder, which the next output into the same folder removes (`clear_dead_outputs`);
    - a FIFO, a character device or standard output (`-`) is written through, the whole
      output copied into it once it is complete; the work folder is then in the data
      folder, whose next start clears what a killed process left.

    What `output_target` refuses is refused before the writer runs. On any error the work
    folder goes, with all in it, and `target` is as it was.
    """
    where = output_target(target, data_dir)
    if where.replace:
        folder = where.path.parent
        clear_dead_outputs(folder)
    else:
        import tempfile

        folder = data_dir if data_dir.is_dir() else Path(tempfile.gettempdir())
    work = folder / owned_name(TEMP_PREFIX, _OUTPUT_TAG)
    work.mkdir(mode=0o700)
    try:
        temp = work / ("output" if where.stdout else where.path.name)
        yield temp
        private_file(temp)
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
            if not where.replace:
                _write_through(written, where)
        if where.replace:
            os.replace(temp, where.path)
            fsync_dir(folder)
    finally:
        remove(work)


def save_output(source: Path, target: Path | str, *, data_dir: Path) -> None:
    """Copy a finished output (the app's preview of a packet) to where the user chose, by
    the same rules as every other output (`private_output`)."""
    import shutil

    with private_output(target, data_dir=data_dir) as temp:
        shutil.copyfile(source, temp)


def _write_through(source: IO[bytes], where: OutputTarget) -> None:
    """Copy a finished output into a FIFO, a device or standard output, never replacing it."""
    import shutil
    import sys

    from organizer.errors import OrganizerError
    from organizer.i18n import _

    try:
        if where.stdout:
            sys.stdout.flush()
            shutil.copyfileobj(source, sys.stdout.buffer, 1 << 20)
            sys.stdout.buffer.flush()
            return
        fd = os.open(where.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    except BrokenPipeError:
        raise OrganizerError(_("The program reading the output stopped before it had all of "
                               "it. Run the command again.")) from None


def clear_dead_outputs(folder: Path) -> list[Path]:
    """Remove the work folders that killed outputs left in `folder`; returns them.

    Only this app's own (`.tmp-<pid>-output-…`, a folder of this user) whose process is
    gone: another output being saved into the same folder right now is left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(TEMP_PREFIX) or f"-{_OUTPUT_TAG}" not in name:
            continue
        try:
            if not entry.is_dir(follow_symlinks=False) or \
                    entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
        except OSError:
            continue
        if not process_alive(owner_of(name, TEMP_PREFIX)):
            remove(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
