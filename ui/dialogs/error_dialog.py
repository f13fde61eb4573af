"""Telling the user, in plain words, that something nobody expected went wrong.

`ErrorDialog` says what happened and that what was saved is safe, and offers
"Copy details": the same note as the private error log (exception types and code
locations, organizer.logs; no health data), for the user to paste into a message to
whoever helps them. It is shown with `show()`, never `exec()`: a failure in a slot or a
worker must not start a nested event loop, and a test drives it like any other window.

`ErrorReporter` is the one way code reports such a failure (`report(details, message)`),
from any thread: the report is posted as an event to the reporter's (GUI) thread, as Qt's
queued connections do, and emitted there as `reported`; the one dialog is shown, or
brought forward with the count of failures since it opened (a failure repeated in every
paint must not open a hundred windows).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("error_dialog", "Something went wrong")
UNEXPECTED = (QT_TRANSLATE_NOOP(
                  "error_dialog", "Something went wrong that the organizer did not expect, and it "
                  "stopped what it was doing. What you saved before is safe; the last change may "
                  "not have been made, so check it and try once more."))
HELP = (QT_TRANSLATE_NOOP(
            "error_dialog", "If it happens again, press “Copy details” and paste them into a "
            "message to whoever helps you with the organizer. They hold no health information: "
            "only where in the program it went wrong."))


class ErrorDialog(QDialog):
    """The plain-words report of an unexpected failure; `details` are what "Copy details"
    copies (shown below, read-only, for the user to see that nothing private is in them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("error_dialog", TITLE))
        self.setModal(False)
        from PySide6.QtCore import Qt  # (the reporter is made before the first frame)

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.failures = 0
        layout = QVBoxLayout(self)
        self.message = QLabel(QCoreApplication.translate("error_dialog", UNEXPECTED))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        layout.addWidget(self.message)
        self.help = QLabel(QCoreApplication.translate("error_dialog", HELP))
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details for whoever helps you"))
        self.details.setMinimumHeight(120)
        layout.addWidget(self.details)
        self.copied = QLabel("")
        self.copied.setAccessibleName(self.tr("Copied"))
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        from ui.screen_fit import fit_to_screen  # (when first used)

        fit_to_screen(self, 520, 360, self.parentWidget())

    def add_failure(self, details: str, message: str | None = None) -> None:
        """Show one more failure: its plain words (or the general ones) and its details."""
        self.failures += 1
        text = message or QCoreApplication.translate("error_dialog", UNEXPECTED)
        if self.failures > 1:
            text += self.tr(" (This has happened {failures} times since this window "
                            "opened.)").format(failures=self.failures)
        self.message.setText(text)
        previous = self.details.toPlainText()
        self.details.setPlainText(f"{previous}\n\n{details}".strip() if previous else details)
        self.copied.setText("")

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied.setText(self.tr("The details are copied: paste them into your message."))

    def done(self, result: int) -> None:
        self.failures = 0
        self.details.clear()
        super().done(result)


# Reports are posted rather than sent through a queued connection: naming
# Qt.ConnectionType.QueuedConnection would make Qt's namespace (ui/first_frame.py) before
# the window's first frame, since the reporter is installed before the window.
_REPORT = QEvent.Type(QEvent.registerEventType())


class _Report(QEvent):
    def __init__(self, details: str, message: str) -> None:
        super().__init__(_REPORT)
        self.details = details
        self.message = message


class ErrorReporter(QObject):
    """Shows `ErrorDialog` for failures reported from any thread (see the module doc).

    Signal:
        reported(str, str): details and message; emitted on the reporter's (GUI) thread,
        from its event loop, whichever thread reported.
    """

    reported = Signal(str, str)
    current: ErrorReporter | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self.broken = False  # the window itself failed: failures are only logged from then
        self.reported.connect(self._show)

    def install(self) -> ErrorReporter:
        """Make this the reporter `report()` uses."""
        ErrorReporter.current = self
        return self

    def report(self, details: str, message: str = "") -> None:
        if not self.broken:
            QCoreApplication.postEvent(self, _Report(details, message))

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _Report):
            self.reported.emit(event.details, event.message)
            return True
        return bool(super().event(event))

    @Slot(str, str)
    def _show(self, details: str, message: str) -> None:
        try:
            if self.dialog is None:
                self.dialog = ErrorDialog()
            self.dialog.add_failure(details, message or None)
            self.dialog.show()
            self.dialog.raise_()
        except Exception as exc:  # a failing error window must not report itself forever
            from organizer.logs import record_exception

            self.broken = True
            record_exception(exc, "the error window")


def report(details: str, message: str = "") -> None:
    """Show a failure to the user through the installed reporter (none: nothing shown,
    e.g. a test or a command without the app; the failure is in the log all the same)."""
    reporter = ErrorReporter.current
    if reporter is not None:
        reporter.report(details, message)


def report_exception(exc: BaseException, where: str) -> str:
    """Write `exc` to the private log and show it; the plain words the user was shown.

    An OrganizerError that reached here (a refusal some code forgot to catch) is shown in
    its own words: it was written for the user; a failure of known cause (a full disk, a
    text too long for a page: organizer.logs.known_cause) says that cause; anything else
    gets the general words.
    """
    from organizer.errors import OrganizerError
    from organizer.logs import describe_exception, known_cause, record_exception

    logged = record_exception(exc, where)
    unexpected = QCoreApplication.translate("error_dialog", UNEXPECTED)
    message = str(exc) if isinstance(exc, OrganizerError) else known_cause(exc) or unexpected
    details = describe_exception(exc)
    if logged is not None:
        details += QCoreApplication.translate(
                       "error_dialog", "\n(also written to {name} in the data folder)").format(
                       name=logged.name)
    report(details, message)
    return message
