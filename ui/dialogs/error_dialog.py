"""Telling the user, in plain words, that something nobody expected went wrong.

`ErrorDialog` says what happened and that what was saved is safe, and offers
"Copy details": the same note as the private error log (exception types and code
locations, organizer.logs; no health data), for the user to paste into a message to
whoever helps them. It is shown with `show()`, never `exec()`: a failure in a slot or a
worker must not start a nested event loop, and a test drives it like any other window.

Failures reach it through ui/error_reporting.py, which imports this module only when a
first failure is to be shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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

from ui.error_words import UNEXPECTED
from ui.i18n import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("error_dialog", "Something went wrong")
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
