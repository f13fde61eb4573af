"""Lock now, and lock by itself after a chosen idle time.

`IdleLock(window, timeout_minutes, on_lock)` watches the app's keyboard and mouse events;
after `timeout_minutes` without any, or when `lock_now()` is called, it forgets the keys
this process remembered (organizer.storage.crypto.forget_keys) and calls `on_lock()`, which is
where the app closes its store, hides what was on screen and shows the unlock screen.
A timeout of 0 means never. Nothing happens for a store that is not encrypted unless the
app asks (a lock without a passphrase would protect nothing).

Signals:
    locked(): after the keys were forgotten and on_lock ran.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from organizer.storage import crypto

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut}
CHOICES_MINUTES = (0, 5, 10, 15, 30, 60)


class IdleLock(QObject):
    locked = Signal()

    def __init__(self, window: QWidget, timeout_minutes: float,
                 on_lock: Callable[[], None]) -> None:
        super().__init__(window)
        self._on_lock = on_lock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock_now)
        self.is_locked = False
        self.set_timeout(timeout_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, minutes: float) -> None:
        """Change the idle time (0: never lock by itself)."""
        self._timeout_ms = int(minutes * 60_000)
        self.poke()

    def timeout_ms(self) -> int:
        return self._timeout_ms

    def poke(self) -> None:
        """Restart the idle countdown (any key or mouse use does this)."""
        if self._timeout_ms > 0 and not self.is_locked:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.poke()
        return False

    def lock_now(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self._timer.stop()
        crypto.forget_keys()
        self._on_lock()
        self.locked.emit()

    def unlocked(self) -> None:
        """The user unlocked again: start counting anew."""
        self.is_locked = False
        self.poke()
