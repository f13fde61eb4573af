"""Errors we never see: a private log of what went wrong where, holding no health data.

A failure nobody expected (a bug, a library's surprise) must neither show the user a raw
traceback nor vanish. It is written to `errors.log` in the data folder (0600 from its first
byte, `paths.create_private`; at most `MAX_BYTES`, then moved to `errors.log.1`), and the
user is told in plain words that it happened and where the note is.

What the log holds is safe to send to whoever helps: the exception's type (with an OS
error's errno name or SQLite's error name), and the file, line and function of each frame.
Never an exception's message, a local variable, a log record's text or a line of source:
any of those may quote a name, a diagnosis or a file name the user typed.

`configure_logging(root)` is the one place the standard `logging` module is set up (the
command line and the app call it once at start): records of WARNING and above, from the
organizer or any library (pypdf, reportlab, Pillow), go to the log as their level, logger
and code location, and `warnings.warn` calls as their class and location; nothing is
printed to the terminal, where a library's own words would mean nothing to the patient.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import threading
import time
import traceback
import warnings
from pathlib import Path

from organizer.i18n import N_, _

# Annotations only (never evaluated): `organizer people` should not pay for typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import TracebackType
    from typing import TextIO

MAX_BYTES = 256 * 1024
MAX_FRAMES = 40  # of each exception in a chain; a deep recursion keeps its two ends
_lock = threading.Lock()
_root: Path | None = None


def log_path(root: Path | None = None) -> Path | None:
    """Where the log of the data folder `root` (or the configured one) is."""
    from organizer.storage.paths import DataDir

    root = root if root is not None else _root
    return None if root is None else DataDir(root).error_log


def configure_logging(root: Path | None) -> None:
    """Send every warning, error and `warnings.warn` of this process to the private log of
    the data folder `root` (None: to nowhere, until a folder is known), never to stderr.

    Called again (the app opened another folder, a test), it re-points the one handler
    rather than adding a second.
    """
    global _root
    _root = root
    logger = logging.getLogger()
    for handler in list(logger.handlers):
        if isinstance(handler, PrivateLogHandler):
            logger.removeHandler(handler)
    logger.addHandler(PrivateLogHandler())
    logger.setLevel(logging.WARNING)
    warnings.showwarning = show_warning


def show_warning(message: Warning | str, category: type[Warning], filename: str,
                 lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """`warnings.showwarning` for the whole process: the warning's class and where it was
    raised go to the log; its text (which may quote a file name or a value) does not."""
    write_entry([f"WARNING {category.__qualname__} at {short_path(filename)}:{lineno}"],
                thread=threading.current_thread().name)


class PrivateLogHandler(logging.Handler):
    """Appends a record's level, logger and code location (never its text) to the log."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        where = f"{short_path(record.pathname)}:{record.lineno} in {record.funcName}"
        lines = [f"{record.levelname} from {record.name} at {where}"]
        if record.exc_info and record.exc_info[1] is not None:
            lines += describe_exception(record.exc_info[1]).splitlines()
        write_entry(lines, thread=record.threadName or "")

    def handleError(self, record: logging.LogRecord) -> None:
        # The log is the last resort: if it cannot be written, printing logging's own
        # traceback to the terminal would be the very thing this module prevents.
        return


def short_path(filename: str) -> str:
    """A code file's path from its package down ("organizer/store.py", "pypdf/_reader.py"):
    the folders above it may hold the user's own name (/home/NAME/…)."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            index = len(parts) - 1 - parts[::-1].index(marker)
            return "/".join(parts[index + 1:]) or filename
    for package in ("organizer", "ui", "tests"):
        if package in parts[:-1]:
            index = len(parts) - 1 - parts[::-1].index(package)
            if index < len(parts) - 1:
                return "/".join(parts[index:])
    if filename.startswith("<"):
        return filename  # "<frozen importlib._bootstrap>", "<string>"
    return "/".join(parts[-2:])


def exception_kind(exc: BaseException) -> str:
    """The exception's class, with an OS error's errno name or SQLite's error name: what
    tells a developer the cause, never the message (which may quote what the user typed)."""
    cls = type(exc)
    name = cls.__qualname__ if cls.__module__ == "builtins" else \
        f"{cls.__module__}.{cls.__qualname__}"
    extra = ""
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        extra = f" [{errno.errorcode.get(exc.errno, exc.errno)}]"
    sqlite_name = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        extra = f" [{sqlite_name}]"
    return name + extra


def describe_exception(exc: BaseException) -> str:
    """The traceback of `exc` (and of what caused it), as types and code locations only."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    label = ""
    while current is not None and id(current) not in seen and len(seen) < 10:
        seen.add(id(current))
        if label:
            lines.append(label)
        lines.append(exception_kind(current))
        frames = traceback.extract_tb(current.__traceback__)
        if len(frames) > MAX_FRAMES:
            lines.append(f"  ({MAX_FRAMES} of {len(frames)} frames: the first and the last)")
            frames = traceback.StackSummary.from_list(
                [*frames[:MAX_FRAMES // 2], *frames[-(MAX_FRAMES // 2):]])
        lines += [f"  {short_path(f.filename)}:{f.lineno} in {f.name}" for f in frames]
        if current.__cause__ is not None:
            label, current = "caused by:", current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            label, current = "while handling:", current.__context__
        else:
            current = None
    return "\n".join(lines)


def record_exception(exc: BaseException, where: str = "", root: Path | None = None
                     ) -> Path | None:
    """Write `exc` to the log (of `root`, or of the configured folder); the log's path, or
    None when there is no folder or it cannot be written (the caller still tells the user).
    `where`: a word from the code saying what was running ("command add", "app")."""
    header = [f"unexpected {exception_kind(exc)}" + (f" during {where}" if where else "")]
    return write_entry(header + describe_exception(exc).splitlines()[1:],
                       thread=threading.current_thread().name, root=root)


def unexpected_message(logged: Path | None, exc: BaseException | None = None) -> str:
    """What the user reads when something nobody expected went wrong (no exception name:
    it would mean nothing to them), and where the note for a helper is. A failure whose
    cause is known (a full disk, a text too long for a page) says that cause instead."""
    known = known_cause(exc) if exc is not None else None
    text = known or _("Something went wrong that the organizer did not expect, and it "
                      "stopped what it was doing; what was saved before is safe. Try once "
                      "more.")
    if logged is None or known:
        return text
    return text + " " + _("If it happens again, send the file {file} (it holds no health "
                          "information) to whoever helps you with the organizer.").format(
                              file=logged)


_SQLITE_CAUSES = {
    "SQLITE_FULL": N_("The disk is full, so the change could not be saved. Free some space "
                      "and try again; what was saved before is safe."),
    "SQLITE_BUSY": N_("The organizer's data is busy in another window or command. Wait a "
                      "moment and try again; nothing was changed."),
    "SQLITE_LOCKED": N_("The organizer's data is busy in another window or command. Wait a "
                        "moment and try again; nothing was changed."),
    "SQLITE_CORRUPT": N_("The organizer's database looks damaged. Run `organizer check` (in "
                         "the app: Check the data) or restore a backup."),
    "SQLITE_NOTADB": N_("The organizer's database looks damaged. Run `organizer check` (in "
                        "the app: Check the data) or restore a backup."),
}


def known_cause(exc: BaseException) -> str | None:
    """Plain words for a failure whose cause is known though no code turned it into an
    OrganizerError (a library's or the system's error), or None."""
    if isinstance(exc, MemoryError):
        return _("The computer ran out of memory for this, so it was stopped. Close other "
                 "programs and try again; what was saved before is safe.")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _(_SQLITE_CAUSES["SQLITE_FULL"])
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        cause = _SQLITE_CAUSES.get("_".join(name.split("_")[:2]))  # SQLITE_BUSY_SNAPSHOT
        return _(cause) if cause else None
    cls = type(exc)
    if cls.__name__ == "LayoutError" and cls.__module__.startswith("reportlab"):
        return _("A text in these records is too long to fit on one page of the PDF, so "
                 "the PDF was not made. Shorten the longest note or description (or leave "
                 "its part out), then try again.")
    return None


def record_exc_info(exc_type: type[BaseException], exc: BaseException | None,
                    tb: TracebackType | None, where: str = "") -> Path | None:
    """`record_exception` for what `sys.excepthook` and `threading.excepthook` receive."""
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return record_exception(exc, where)


def write_entry(lines: list[str], thread: str = "", root: Path | None = None) -> Path | None:
    """Append one dated entry to the log; its path, or None if it could not be written."""
    from organizer import __version__

    path = log_path(root)
    if path is None:
        return None
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    head = f"--- {stamp} organizer {__version__} pid {os.getpid()}"
    if thread:
        head += f" thread {_plain_word(thread)}"
    text = "\n".join([head, *lines]) + "\n"
    data = text.encode("utf-8", "replace")
    with _lock:
        try:
            _rotate(path, len(data))
            _append(path, data)
        except OSError:
            return None
    return path


def _plain_word(name: str) -> str:
    # a thread's name is the code's ("MainThread", "Dummy-3", "QThread"), kept short
    return "".join(ch for ch in name[:40] if ch.isalnum() or ch in "-_.")


def _rotate(path: Path, incoming: int) -> None:
    try:
        size = path.lstat().st_size
    except FileNotFoundError:
        return
    if size + incoming > MAX_BYTES:
        os.replace(path, path.with_name(path.name + ".1"))


def _append(path: Path, data: bytes) -> None:
    """Append to the log, made private from its first byte; never through a link, and
    never into a FIFO or device someone put in its place (O_NONBLOCK: no hang)."""
    from organizer.storage.paths import create_private

    flags = os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        try:
            with create_private(path) as handle:
                handle.write(data)
            return
        except FileExistsError:  # another process made it in between
            fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "the error log is not a regular file")
        os.fchmod(fd, 0o600)
        os.write(fd, data)
    finally:
        os.close(fd)
