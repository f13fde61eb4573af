"""One data folder open in the app, from the unlock screen to the last backup on closing.

The session owns what outlives a single main window: the one-app-per-folder lock, the
unlock screen of an encrypted store, the automatic lock after an idle time, and the work
that replaces the whole store (turning encryption on or off, changing the passphrase,
restoring a backup). Such work needs every connection closed, so the session saves and
closes the window and the store, runs the work off the GUI thread with a progress
window, and then opens the folder again (asking for the passphrase if there is one).

Closing the window normally ends the session: today's automatic backup is made (once a
day, verified, rotated) and the application quits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the window shows
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from ui.main_window import MainWindow

from organizer.errors import OrganizerError
from organizer.opening import open_store
from organizer.progress import Progress
from organizer.storage.store import Store
from ui.settings import Settings
from ui.worker import Job

BACKUP_FILTER = "Organizer backups (*.zip)"
AUTO_LOCK_KEY = "security/auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 15


class Session(QObject):
    """The app on one data folder. `start()` returns False when the app should not run."""

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        super().__init__()
        self.root = data_dir
        self.settings = settings
        self.window: Any = None
        self.store: Store | None = None
        self.instance: Any = None
        self.idle_lock: Any = None
        self.unlock_dialog: Any = None
        self.job: Job | None = None
        self._reopening = False
        self._retired: list[QWidget] = []
        self._not_saved: list[str] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)  # the session decides when the app ends

    # -- opening ------------------------------------------------------------------------

    def start(self) -> bool:
        from ui.single_instance import ALREADY_OPEN, acquire_single_instance

        self.instance = acquire_single_instance(self.root, self._activate, listen=False)
        if self.instance is None:
            print("organizer: " + QCoreApplication.translate("single_instance", ALREADY_OPEN))
            return False
        self.open()
        return True

    def open(self) -> None:
        """Open the store (through the unlock screen if it is encrypted) and the window."""
        from ui.unlocking import ask_passphrase_then_open

        self.unlock_dialog = ask_passphrase_then_open(self.root, None, self._opened)
        if self.unlock_dialog is not None:
            self.unlock_dialog.rejected.connect(self.quit)
            if self.instance is not None:  # a second start brings the unlock screen up
                self.instance.listen()

    def _opened(self, store: Store) -> None:
        from ui.context import AppContext
        from ui.main_window import MainWindow

        self.unlock_dialog = None
        self._retired.clear()
        self.store = store
        self.window = MainWindow(AppContext(store), self.settings, on_closed=self._closed)
        self._add_menus(self.window)
        if store.encrypted:
            from ui.idle_lock import IdleLock  # only a locked store locks itself again

            self.idle_lock = IdleLock(self.window, self.auto_lock_minutes(), self.lock)
        self.window.show()
        if self.instance is not None:
            self.window.after_first_paint(self.instance.listen)
        if self._not_saved:
            lines, self._not_saved = self._not_saved, []
            self._tell(self.tr("The organizer locked while some of what you typed could not be "
                               "saved. Type it again:\n\n") + "\n".join(lines))

    def _activate(self) -> None:
        from ui.single_instance import bring_to_front

        target = self.window if self.window is not None else self.unlock_dialog
        if target is not None:
            bring_to_front(target)

    # -- closing ------------------------------------------------------------------------

    def _closed(self) -> None:
        """The window closed (its edits are saved): back up once a day, close, and quit."""
        store, self.store = self.store, None
        if self.window is not None:
            # Called from inside the window's closeEvent: the window must outlive this
            # call, so Qt deletes it later rather than Python dropping it here.
            self._retired.append(self.window)
            self.window.deleteLater()
            self.window = None
        if self.idle_lock is not None:
            self.idle_lock.deleteLater()
            self.idle_lock = None
        if store is not None:
            if not self._reopening:
                try:
                    from organizer.safety.backup import maybe_daily_backup

                    maybe_daily_backup(store)
                except OrganizerError as exc:  # never keep someone from closing the app
                    print(f"organizer: the daily backup was not made: {exc}")
            store.close()
        if not self._reopening:
            self.quit()

    def _close_for_reopening(self) -> bool:
        """Save and close the window and the store; False if the user still has to act."""
        if self.window is None:
            return True
        self._reopening = True
        if not self.window.close():
            self._reopening = False
            return False
        return True

    def quit(self) -> None:
        if self.instance is not None:
            self.instance.release()
            self.instance = None
        QApplication.quit()

    # -- locking ------------------------------------------------------------------------

    def auto_lock_minutes(self) -> int:
        value: Any = self.settings.qsettings.value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_MINUTES)
        try:
            return int(value)
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self.settings.qsettings.setValue(AUTO_LOCK_KEY, minutes)
        if self.idle_lock is not None:
            self.idle_lock.set_timeout(minutes)

    def lock(self) -> None:
        """Save everything, close the store, forget the key, show the unlock screen."""
        from organizer.storage import crypto

        if self.store is None or not self.store.encrypted or self.window is None:
            return
        # A lock never waits for the user: what the store refused (a mistyped date) is
        # kept in memory only, never written in plain text, and shown after unlocking.
        self._reopening = True
        self._not_saved = self.window.force_close()
        crypto.forget_keys()
        # The plain copies (previews, a packet shown) go with the key.
        self._clear_plain_copies()
        self._reopening = False
        self.open()

    def _clear_plain_copies(self) -> None:
        from organizer.storage.paths import DataDir

        DataDir(self.root).clear_scratch()

    # -- work that replaces the whole store ---------------------------------------------

    def replace_store(self, what: str, work: Callable[[Progress], Any],
                      done: Callable[[Any], object] | None = None) -> Job | None:
        """Close everything, run `work` off the GUI thread with progress, then reopen."""
        if self.job is not None or not self._close_for_reopening():
            return None
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        progress = QProgressDialog(what, "", 0, 0)
        progress.setCancelButton(None)  # half a swap cannot be cancelled; it is quick
        progress.setWindowTitle(self.tr("Second Opinion Organizer"))
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.show()
        job = Job(work, self)
        self.job = job

        def report(done_count: int, total: int, step: str) -> None:
            progress.setRange(0, max(total, 0))
            progress.setValue(done_count)
            if step:
                progress.setLabelText(f"{what}\n{step}")

        def finish(message: str | None, result: Any = None) -> None:
            progress.close()
            progress.deleteLater()
            self.job = None
            self._reopening = False
            self.open()
            if message:
                self._tell(message, error=True)
            elif done is not None:
                done(result)

        job.progress.connect(report)
        job.succeeded.connect(lambda result: finish(None, result))
        job.failed.connect(lambda message: finish(message))
        job.cancelled.connect(lambda: finish(self.tr("Stopped: nothing was changed.")))
        job.start()
        return job

    # -- menus --------------------------------------------------------------------------

    def _add_menus(self, window: MainWindow) -> None:
        menus = window.menus
        quit_action = menus.quit
        back_up = self._action(window, self.tr("&Back up…"), self.back_up)
        menus.file.insertAction(quit_action, back_up)
        menus.file.insertAction(quit_action, self._action(window,
                                                          self.tr("&Restore from a backup…"),
                                                          self.choose_restore))
        menus.file.insertSeparator(quit_action)
        security = QMenu(self.tr("&Security"), window)
        window.menuBar().insertMenu(menus.help.menuAction(), security)
        encrypted = bool(self.store is not None and self.store.encrypted)
        if encrypted:
            self.lock_action = self._action(window, self.tr("&Lock now"), self.lock)
            self.lock_action.setShortcut("Ctrl+L")
            security.addAction(self.lock_action)
            after = security.addMenu(self.tr("Lock &automatically after"))
            group = QActionGroup(window)
            from ui.idle_lock import CHOICES_MINUTES

            for minutes in CHOICES_MINUTES:
                label = (self.tr("Never") if minutes == 0 else
                         self.tr("{minutes} minutes without use").format(minutes=minutes))
                action = self._action(window, label, _caller(self.set_auto_lock_minutes,
                                                             minutes))
                action.setCheckable(True)
                action.setChecked(minutes == self.auto_lock_minutes())
                group.addAction(action)
                after.addAction(action)
            security.addSeparator()
            security.addAction(self._action(window, self.tr("&Change the passphrase…"),
                                            self.change_passphrase))
            security.addAction(self._action(window, self.tr("&Remove the passphrase…"),
                                            self.remove_passphrase))
        else:
            security.addAction(self._action(window, self.tr("&Protect with a passphrase…"),
                                            self.protect))
        lock = self.lock_action if encrypted else None

        def icons() -> None:  # (after the first frame, as the window's own: ui/icons.py)
            from ui.icons import icon

            back_up.setIcon(icon("backup"))
            if lock is not None:
                lock.setIcon(icon("lock"))

        window.after_first_paint(icons)

    @staticmethod
    def _action(window: QWidget, text: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(window)  # (with its text: QIcon's class, see ui/first_frame.py)
        action.setText(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _tell(self, text: str, error: bool = False) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          self.tr("Second Opinion Organizer"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- backups ------------------------------------------------------------------------

    def back_up(self) -> QFileDialog | None:
        if self.window is None:
            return None
        from datetime import date

        from ui.file_dialogs import choose_save

        return choose_save(self.window, "backup", self.tr("Save a backup"),
                           f"organizer-backup-{date.today()}.zip", BACKUP_FILTER,
                           self.back_up_to, self.settings, default_suffix="zip")

    def back_up_to(self, target: Path) -> Job | None:
        """Write a verified backup while the app stays open (the worker has its own store)."""
        if self.window is None:
            return None
        root = self.root

        def work(progress: Progress) -> Any:
            from organizer.safety.backup import create_backup

            with open_store(root) as store:
                return create_backup(store, target, progress)

        job = Job(work, self.window)
        job.succeeded.connect(lambda _info: self._tell(
            self.tr("The backup is saved and checked: {target}. Keep a copy away from this "
                    "computer too (a USB stick).").format(target=target)))
        job.failed.connect(lambda message: self._tell(message, error=True))
        self.window.track_job(job, self.tr("Backing up…"))
        job.start()
        return job

    def choose_restore(self) -> QFileDialog | None:
        if self.window is None:
            return None
        from ui.file_dialogs import choose_file

        return choose_file(self.window, "backup", self.tr("Choose a backup to restore"),
                           BACKUP_FILTER,
                           self.confirm_restore, self.settings)

    def confirm_restore(self, backup: Path) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from a backup"),
                          self.tr("Replace everything in the organizer with the backup "
                                  "“{name}”?\n\nWhat is there now is kept aside in the backups "
                                  "folder, so this can be reversed.").format(name=backup.name),
                          QMessageBox.StandardButton.Cancel, self.window)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.restore(backup)
                                  if button is restore else None)
        box.open()
        return box

    def restore(self, backup: Path, passphrase: str | None = None) -> Job | None:
        from organizer.safety.backup import backup_is_encrypted, restore_backup

        try:
            locked = backup_is_encrypted(backup)
        except OrganizerError as exc:
            self._tell(str(exc), error=True)
            return None
        if locked and passphrase is None:
            self._ask_backup_passphrase(backup)
            return None
        root = self.root
        return self.replace_store(
            self.tr("Restoring the backup…"),
            lambda progress: restore_backup(root, backup, passphrase, progress),
            lambda _old: self._tell(self.tr("The backup is restored.")))

    def _ask_backup_passphrase(self, backup: Path) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Restore from a backup"))
        dialog.setLabelText(self.tr("This backup is protected. Type its passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(lambda text: self.restore(backup, text))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- passphrase ---------------------------------------------------------------------

    def protect(self) -> QWidget:
        from ui.dialogs.passphrase_dialogs import EnableEncryptionDialog

        dialog = EnableEncryptionDialog(self.window)
        dialog.submitted.connect(lambda _current, new: self._encrypt(new, dialog.wants_backup()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _encrypt(self, passphrase: str, then_back_up: bool) -> None:
        from organizer.encryption import encrypt_store

        root = self.root
        self.replace_store(
            self.tr("Protecting the organizer with your passphrase…"),
            lambda progress: encrypt_store(root, passphrase, progress),
            lambda _n: self.back_up() if then_back_up else None)

    def change_passphrase(self) -> QWidget:
        from ui.dialogs.passphrase_dialogs import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.window)
        dialog.submitted.connect(lambda current, new: self._rekey(current, new,
                                                                  dialog.wants_backup()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _rekey(self, current: str, new: str, then_back_up: bool) -> None:
        from organizer.encryption import change_passphrase

        root = self.root
        self.replace_store(
            self.tr("Changing the passphrase…"),
            lambda progress: change_passphrase(root, current, new, progress),
            lambda _n: self.back_up() if then_back_up else None)

    def remove_passphrase(self) -> QInputDialog:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Remove the passphrase"))
        dialog.setLabelText(self.tr("Anyone who can use this computer account will be able to "
                                    "read the organizer. To go on, type the passphrase:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(self._decrypt)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _decrypt(self, passphrase: str) -> None:
        from organizer.encryption import decrypt_store

        root = self.root
        self.replace_store(self.tr("Removing the passphrase…"),
                           lambda progress: decrypt_store(root, passphrase, progress))


def _caller(function: Callable[[int], None], value: int) -> Callable[[], None]:
    return lambda: function(value)
