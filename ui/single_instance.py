"""One app per data folder: a QLockFile in the folder, and a local channel to the first window.

`acquire_single_instance(data_dir, on_activate)` returns a handle when this process is the
first app on the folder; the handle keeps the lock and listens on a local (Unix-domain,
never network) socket. When a second start finds the folder locked, it sends "activate"
over that socket, so the first app can bring its window to the front, and gets None back:
it should say so and quit.

The lock file is `app.lock` in the data folder (organizer.instance reads it from the core:
commands that replace the whole store refuse while the app is open). A lock left by an app
that crashed is taken over, since QLockFile checks whether its process still runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtWidgets import QWidget

from organizer.storage.instance import lock_path
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # QtNetwork is imported when the channel opens, after the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
ALREADY_OPEN = (QT_TRANSLATE_NOOP(
                    "single_instance", "Second Opinion Organizer is already open on this computer "
                    "for these data. Its window has been brought to the front."))


def server_name(data_dir: Path) -> str:
    """A name for the local socket, the same for every start on the same folder."""
    import hashlib  # (loads OpenSSL: only once it is needed)

    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return f"second-opinion-organizer-{digest}"


class InstanceHandle(QObject):
    """Holds the folder's lock and answers later starts; `release()` on quitting.

    `listen()` opens the local channel. The app calls it just after its window is first
    painted: QtNetwork costs start-up time, and the lock alone already keeps a second app
    off the folder (a second start in those few milliseconds says so without bringing the
    first window to the front, which is coming up anyway).
    """

    def __init__(self, lock: QLockFile, root: Path, on_activate: Callable[[], None]) -> None:
        super().__init__()
        self._lock = lock
        self._root = root
        self._server: QLocalServer | None = None
        self._on_activate = on_activate

    def listen(self) -> None:
        if self._server is not None or not self._lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self._root)
        QLocalServer.removeServer(name)  # a socket left by a crashed app
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        server.listen(name)
        self._server = server

    def _accept(self) -> None:
        # The message is one short line sent at once: read it here and let the server
        # (the connection's parent) own the socket. Deleting it from its own
        # `disconnected` signal crashed Qt when both arrived in one event pass.
        server = self._server
        assert server is not None
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            if not connection.bytesAvailable():
                connection.waitForReadyRead(500)
            self._read(connection)
            connection.abort()

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(ACTIVATE.strip()):
            self._on_activate()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def acquire_single_instance(data_dir: Path | str, on_activate: Callable[[], None],
                            listen: bool = True) -> InstanceHandle | None:
    """The lock on `data_dir` for this process, or None after waking the app that has it.
    With `listen=False` the handle answers later starts only once `listen()` is called."""
    root = Path(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(root)))
    lock.setStaleLockTime(0)  # only a dead process's lock is stale, never an old one
    if not lock.tryLock(200):
        _wake(server_name(root))
        return None
    handle = InstanceHandle(lock, root, on_activate)
    if listen:
        handle.listen()
    return handle


def _wake(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(1000):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True


def bring_to_front(window: QWidget) -> None:
    """Show the window, restored if minimized, above the others."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
