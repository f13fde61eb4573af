"""Turning encryption on and changing the passphrase, in plain words.

Both dialogs say plainly that a lost passphrase cannot be recovered, and offer to save an
encrypted backup right after (ticked by default). They only collect and check what the
user typed; the caller runs the switch off the GUI thread (a `ui.worker.Job` calling
`organizer.encryption.encrypt_store` / `change_passphrase`, after closing its store) and,
when `wants_backup()`, asks where to save a backup.

Signals:
    submitted(str, str): the current passphrase ("" when turning encryption on) and the new one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from organizer.encryption import MIN_PASSPHRASE
from ui.i18n import QT_TRANSLATE_NOOP
from ui.screen_fit import fit_to_screen

NO_RECOVERY = (QT_TRANSLATE_NOOP(
                   "passphrase_dialogs", "Important: if you forget this passphrase, nobody can "
                   "open your organizer again — not us, not a technician, no one. There is no "
                   "reset. Write it down and keep it somewhere safe, away from this computer."))


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumHeight(32)
    return field


class _PassphraseDialog(QDialog):
    submitted = Signal(str, str)

    def __init__(self, title: str, intro: str, action: str, ask_current: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        text = QLabel(intro)
        text.setWordWrap(True)
        warning = QLabel(QCoreApplication.translate("passphrase_dialogs", NO_RECOVERY))
        warning.setWordWrap(True)
        warning.setAccessibleName(self.tr("Warning"))
        warning.setObjectName("notice")  # the theme's notice colours, light and dark
        form = QFormLayout()
        self.current = _password_field(self.tr("Current passphrase"))
        if ask_current:
            form.addRow(self.tr("&Current passphrase:"), self.current)
        else:
            self.current.hide()
        self.new = _password_field(self.tr("New passphrase"))
        self.again = _password_field(self.tr("New passphrase again"))
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("&Type it again:"), self.again)
        hint = QLabel(self.tr("At least {min_passphrase} characters. A few ordinary words in a "
                              "row are easy to remember and hard to guess.").format(
                          min_passphrase=MIN_PASSPHRASE))
        hint.setWordWrap(True)
        hint.setProperty("hint", True)  # the theme's muted text
        self.backup = QCheckBox(self.tr("Save an encrypted backup right after (recommended)"))
        self.backup.setChecked(True)
        self.backup.setAccessibleName(self.tr("Save an encrypted backup"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setObjectName("fieldError")  # the theme's error colour
        self.error.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (heading, text, warning):
            layout.addWidget(widget)
        layout.addLayout(form)
        for below in (hint, self.backup, self.error):
            layout.addWidget(below)
        layout.addWidget(buttons)
        self._ask_current = ask_current
        (self.current if ask_current else self.new).setFocus()
        # as wide as its text asks at any size, and never cut (the warning, a refusal)
        fit_to_screen(self, 560, 420, parent)

    def wants_backup(self) -> bool:
        return self.backup.isChecked()

    def problem(self) -> str | None:
        """What is wrong with what was typed, in plain words, or None."""
        if self._ask_current and not self.current.text():
            return self.tr("Type your current passphrase.")
        new = self.new.text()
        if len(new.strip()) < MIN_PASSPHRASE:
            return self.tr("Choose a passphrase of at least {min_passphrase} characters.").format(
                       min_passphrase=MIN_PASSPHRASE)
        if new != self.again.text():
            return self.tr("The two new passphrases are not the same. Type them again.")
        return None

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        self.submitted.emit(self.current.text(), self.new.text())
        self.accept()


class EnableEncryptionDialog(_PassphraseDialog):
    """Turn encryption on: choose a passphrase (twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Protect with a passphrase"),
            self.tr("Your organizer will be encrypted on this computer: without the passphrase, "
                    "no one can read it, even with the computer in hand. You will type it each "
                    "time you open the app."),
            self.tr("Turn on encryption"), ask_current=False, parent=parent)


class ChangePassphraseDialog(_PassphraseDialog):
    """Change the passphrase of an encrypted organizer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Change the passphrase"),
            self.tr("Backups you made before keep opening with the old passphrase."),
            self.tr("Change passphrase"), ask_current=True, parent=parent)
