"""Who is using a data folder's store, so that a switch can have the store to itself.

Every open `Store` (the app's window, its background jobs, a command in a terminal) holds a
*shared* lock on `.store-gate` in the data folder for as long as it is open. A switch that
replaces the whole store (encrypt, decrypt, change the passphrase, restore) takes the same
lock *exclusively*: it waits until every other user has closed its store (writers finish
what they were doing), and while it holds the lock no store can open (new users wait). So
no write can be acknowledged into a store that is being replaced, and every write
acknowledged before the switch began is in the copy it makes.

Fairness: a stream of short commands could keep a shared lock held at every moment, so a
switch first takes `.store-gate-intent` exclusively; an opener passes through that lock
(shared, for an instant) before it takes the gate, so once a switch has announced itself,
no new user slips in ahead of it.

The locks are `flock` locks on files of their own, never on the database: SQLite's own
POSIX locks on `organizer.db` are per process and per file, and any `close()` of another
descriptor on that file would drop them (see organizer.db). A process that dies releases
its locks with it, so a crash never leaves the store shut.

The thread that holds the exclusive lock may open the store itself (it must, to copy it);
any other thread, of this process or another, waits like everyone else. Where `flock` does
not exist (Windows), the gate is open: the app's single-instance lock still keeps switches
and the window apart there.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GATE_NAME = ".store-gate"
INTENT_NAME = ".store-gate-intent"
GATE_FILES = frozenset({GATE_NAME, INTENT_NAME})  # kept for good: they hold no data
# How long an opener waits for a switch to end, and a switch for the others to finish.
OPEN_WAIT_SECONDS = 60.0
SWITCH_WAIT_SECONDS = 30.0
_POLL = 0.02

IN_USE_MESSAGE = ("Another program or window is still using the organizer's data (a command "
                  "in a terminal, or a task of the app such as making a packet or importing). "
                  "Wait until it has finished, or close it, then try again; nothing was changed.")
SWITCHING_MESSAGE = ("The organizer's data is being replaced right now (a restore, or "
                     "encryption being turned on or off) and it is taking long. Wait until it "
                     "is done, then try again; nothing was changed.")

# Data folders whose exclusive lock a thread of this process holds: {root: thread id}.
_exclusive: dict[str, int] = {}
_exclusive_lock = threading.Lock()


def _key(root: Path) -> str:
    return os.path.realpath(root)


def holds_exclusive(root: Path) -> bool:
    """Is the current thread the one switching this data folder?"""
    with _exclusive_lock:
        return _exclusive.get(_key(root)) == threading.get_ident()


def _open_lock_file(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)


def _try_flock(fd: int, mode: int, deadline: float) -> bool:
    """Take `mode` on `fd`, polling until `deadline` (monotonic); False if it never came."""
    import fcntl

    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL)
        except OSError:
            return True  # a file system without locks (some network shares): go on unlocked


class StoreUse:
    """The shared lock one open store holds; `release()` (or closing the store) ends it.

    Attributes: `fd`, the lock file's descriptor (-1 when nothing is held: the gate is open
    on this platform, or this thread holds the exclusive lock itself).
    """

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def release(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            os.close(fd)  # closing releases the flock

    def __del__(self) -> None:  # a store dropped without close() must not shut others out
        self.release()


def enter(root: Path, *, wait: float | None = None) -> StoreUse:
    """Announce that a store on `root` is being opened; wait while a switch runs.

    Raises StoreBusyError (in words) if a switch still holds the gate after `wait` seconds
    (default OPEN_WAIT_SECONDS). The folder must exist.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the systems we ship for
        return StoreUse(-1)
    if holds_exclusive(root):
        return StoreUse(-1)
    from organizer.errors import StoreBusyError

    deadline = time.monotonic() + (OPEN_WAIT_SECONDS if wait is None else wait)
    intent = _open_lock_file(root / INTENT_NAME)
    try:
        if not _try_flock(intent, fcntl.LOCK_SH, deadline):
            raise StoreBusyError(SWITCHING_MESSAGE)
        gate = _open_lock_file(root / GATE_NAME)
        if not _try_flock(gate, fcntl.LOCK_SH, deadline):
            os.close(gate)
            raise StoreBusyError(SWITCHING_MESSAGE)
    finally:
        os.close(intent)
    return StoreUse(gate)


@contextmanager
def exclusive(root: Path, *, wait: float | None = None) -> Iterator[None]:
    """Have the store of `root` to oneself: every other user out, new ones held back.

    Waits up to `wait` seconds (default SWITCH_WAIT_SECONDS) for the others to close their
    stores, then raises OrganizerError (in words) and changes nothing. The calling thread
    must not hold a store of its own open on `root` (it would wait for itself); inside the
    block it may open the store freely.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the systems we ship for
        yield
        return
    from organizer.errors import StoreBusyError

    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = _key(root)
    deadline = time.monotonic() + (SWITCH_WAIT_SECONDS if wait is None else wait)
    intent = _open_lock_file(root / INTENT_NAME)
    gate = -1
    try:
        if not _try_flock(intent, fcntl.LOCK_EX, deadline):
            raise StoreBusyError(IN_USE_MESSAGE)
        gate = _open_lock_file(root / GATE_NAME)
        if not _try_flock(gate, fcntl.LOCK_EX, deadline):
            raise StoreBusyError(IN_USE_MESSAGE)
        with _exclusive_lock:
            _exclusive[key] = threading.get_ident()
        try:
            yield
        finally:
            with _exclusive_lock:
                _exclusive.pop(key, None)
    finally:
        if gate >= 0:
            os.close(gate)
        os.close(intent)


def try_enter_now(root: Path) -> StoreUse | None:
    """The shared lock if it can be had at once, else None (a quick read steps aside)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return StoreUse(-1)
    if holds_exclusive(root):
        return StoreUse(-1)
    try:
        intent = _open_lock_file(root / INTENT_NAME)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(intent, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        except OSError:
            return StoreUse(-1)
        gate = _open_lock_file(root / GATE_NAME)
        try:
            fcntl.flock(gate, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(gate)
            return None
        except OSError:
            pass
        return StoreUse(gate)
    finally:
        os.close(intent)
