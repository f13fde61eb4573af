"""The one way code reports a failure nobody expected, from any thread, to the user.

`ErrorReporter.report(details, message)` posts the report as an event to the reporter's
(GUI) thread, as Qt's queued connections do, where it is emitted as `reported`; the one
`ErrorDialog` (ui/dialogs/error_dialog.py) is shown, or brought forward with the count of
failures since it opened (a failure repeated in every paint must not open a hundred
windows). The reporter is installed before the main window; the dialog's module, and the
dialog classes of Qt it uses, load with the first failure shown, not before the window's
first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot

from ui.error_words import UNEXPECTED

if TYPE_CHECKING:
    from ui.dialogs.error_dialog import ErrorDialog

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
                from ui.dialogs.error_dialog import ErrorDialog

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
