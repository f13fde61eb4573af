"""The unlock screen: the one thing shown before an encrypted organizer opens.

Shown by `ui.unlocking.ask_passphrase_then_open` (with `open()`, never `exec()`) when the
store is locked; it calls `on_open(store)` once the right passphrase is typed. A wrong
passphrase is said plainly beside the field; nothing in the data folder changes.

Signals of UnlockDialog:
    unlocked(object): the opened `organizer.storage.store.Store`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import LockedError, OrganizerError
from organizer.opening import open_store
from organizer.storage.store import Store
from ui.screen_fit import fit_to_screen

OnOpen = Callable[[Store], None]


class UnlockDialog(QDialog):
    unlocked = Signal(object)

    def __init__(self, data_dir: Path | str, on_open: OnOpen | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._on_open = on_open
        self.setWindowTitle(self.tr("Unlock your organizer"))
        self.setAccessibleName(self.tr("Unlock your organizer"))
        self.setMinimumWidth(460)

        title = QLabel(self.tr("Your organizer is locked"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        explain = QLabel(self.tr("Type your passphrase to open it. Your health information stays "
                                 "encrypted on this computer until you do."))
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setMinimumHeight(36)
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Unlock problem"))
        self.error.setObjectName("fieldError")  # the theme's error colour
        self.error.hide()
        self.forgot = QLabel(self.tr("Forgot it? A lost passphrase cannot be recovered, by "
                                     "anyone. If you kept an unencrypted backup, you can restore "
                                     "that."))
        self.forgot.setWordWrap(True)
        self.forgot.setProperty("hint", True)  # the theme's muted text

        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quit"))
        buttons.accepted.connect(self.unlock)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (title, explain, label, self.passphrase, self.error, self.forgot):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.passphrase.setFocus()
        # as wide as its text asks at any size; taller for a message under the field
        fit_to_screen(self, 460, 330, parent)

    def unlock(self) -> None:
        """Try the typed passphrase; open the store or say what is wrong."""
        typed = self.passphrase.text()
        if not typed:
            self._say(self.tr("Type your passphrase first."))
            return
        from PySide6.QtCore import Qt  # (imported before the window's first frame)

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = open_store(self.data_dir, passphrase=typed)
        except LockedError as exc:
            self._say(str(exc))
            self.passphrase.selectAll()
            return
        except OrganizerError as exc:
            self._say(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.error.hide()
        if self._on_open is not None:
            self._on_open(store)
        self.unlocked.emit(store)
        self.accept()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.setFocus()
