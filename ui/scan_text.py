"""The text read from a scanned file, page by page, beside the page itself.

`ScanTextPanel` shows, for the chosen attachment, "Text read from the scan — check it
against the page": each page's text with the engine's confidence, or why there is none
yet (being read, not read, could not be read). Test results the text seems to hold are
listed as suggestions; "Add as a test result…" opens `ResultSuggestionDialog`, a filled-in
result form that writes only when the user presses Save. OCR never fills in anything.

Signals (ScanTextPanel):
    read_requested(object): the attachment whose pages the user asks to read (again).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import OrganizerError, ValidationError
from organizer.items.models import Attachment, Record, ScanPage, item_type
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_form import ItemForm
from ui.screen_fit import fit_to_screen

HEADING = QT_TRANSLATE_NOOP("scan_text", "Text read from the scan — check it against the page")
_STATUS_TEXT = {
    "pending": QT_TRANSLATE_NOOP(
                   "scan_text", "The pages of this file are waiting to be read (the record can be "
                   "used meanwhile)."),
    "skipped": QT_TRANSLATE_NOOP(
                   "scan_text", "The pages of this file were not read (it was added without "
                   "reading)."),
    "unreadable": QT_TRANSLATE_NOOP(
                      "scan_text", "The pages of this file could not be read: the picture may be "
                      "damaged. The file is kept as it is."),
    "unavailable": QT_TRANSLATE_NOOP(
                       "scan_text", "The pages could not be read on this computer: the English and "
                       "Spanish reading data are missing. Install tesseract-ocr-eng and "
                       "tesseract-ocr-spa (see the README), then press “Read the pages”."),
}
RESULT_FIELDS = ["name", "value", "unit", "reference_range", "flag", "observed_on", "notes"]


def pages_text(pages: list[ScanPage]) -> str:
    """Every page's text under a line that says which page and how sure the reading is."""
    parts = []
    for page in pages:
        parts.append(QCoreApplication.translate(
            "scan_text", "— Page {page} (read with {confidence:.0f}% confidence) —").format(
                page=page.page, confidence=page.confidence))
        parts.append(page.text or QCoreApplication.translate(
                                      "scan_text", "(no words found on this page)"))
        parts.append("")
    return "\n".join(parts).strip()


class ScanTextPanel(QWidget):
    read_requested = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.attachment: Attachment | None = None
        self.record: Record | None = None
        self.pages: list[ScanPage] = []
        self.setAccessibleName(self.tr("Text read from the scan"))
        self.heading = QLabel("<b>" + QCoreApplication.translate("scan_text", HEADING) + "</b>")
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Text read from each page of the scan"))
        self.read_button = QPushButton(self.tr("Read the pages"))
        self.read_button.setAccessibleName(self.tr("Read the text of this file's scanned pages"))
        self.read_button.clicked.connect(self._read_clicked)
        self.suggestions = QComboBox()
        self.suggestions.setAccessibleName(self.tr("Test results seen in the text read from the "
                                                   "scan"))
        self.add_result_button = QPushButton(self.tr("Add as a test result…"))
        self.add_result_button.setAccessibleName(
            self.tr("Add the chosen value as a test result, after you check it"))
        self.add_result_button.clicked.connect(self.open_suggestion)
        suggest_row = QHBoxLayout()
        self.suggest_label = QLabel(self.tr("Results seen:"))
        suggest_row.addWidget(self.suggest_label)
        suggest_row.addWidget(self.suggestions, 1)
        suggest_row.addWidget(self.add_result_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.text, 1)
        layout.addLayout(suggest_row)
        layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.dialog: ResultSuggestionDialog | None = None
        self.show_attachment(None, None)

    def show_attachment(self, attachment: Attachment | None, record: Record | None) -> None:
        from organizer.storage.attachments import SCANNABLE

        self.attachment, self.record = attachment, record
        scannable = attachment is not None and attachment.media_type in SCANNABLE
        self.setVisible(scannable)
        self.pages = self.context.store.scan_pages(attachment.id) if scannable and \
            attachment is not None else []
        status = attachment.scan_status if attachment is not None else "none"
        if self.pages:
            self.status.setText(self.tr("%n page(s) read. Reading can mistake letters and "
                                        "numbers.", "", len(self.pages)))
        elif status in ("done", "none"):
            self.status.setText(self.tr("This file has its own text: no page needed reading."))
        else:
            self.status.setText(QCoreApplication.translate("scan_text", _STATUS_TEXT[status])
                                if status in _STATUS_TEXT else "")
        self.text.setPlainText(pages_text(self.pages))
        self.text.setVisible(bool(self.pages))
        # pending too: a store brought up to date has pictures waiting from before
        self.read_button.setVisible(status in ("pending", "skipped", "unavailable",
                                               "unreadable"))
        self._fill_suggestions()

    def _fill_suggestions(self) -> None:
        from organizer.scan.suggest import suggest_results

        self.suggestions.clear()
        for page in self.pages:
            for found in suggest_results(page.text, page=page.page):
                label = " ".join(x for x in (found.name, found.value, found.unit) if x)
                self.suggestions.addItem(self.tr("{label} (page {page})").format(
                                             label=label, page=found.page), found)
        has = self.suggestions.count() > 0
        for widget in (self.suggest_label, self.suggestions, self.add_result_button):
            widget.setVisible(has)

    def _read_clicked(self) -> None:
        if self.attachment is not None:
            self.read_requested.emit(self.attachment)

    def open_suggestion(self) -> ResultSuggestionDialog | None:
        """Open the filled-in result form for the chosen suggestion (nothing is saved yet)."""
        found = self.suggestions.currentData()
        if found is None or self.record is None or self.attachment is None:
            return None
        values: dict[str, Any] = dict(found.values())
        if self.record.dated_on:
            values["observed_on"] = self.record.dated_on
        values["notes"] = (self.tr("Read from the scan of “{filename}”, page {page}, and checked "
                                   "against the page.").format(
                               filename=self.attachment.filename, page=found.page))
        self.dialog = ResultSuggestionDialog(self.context, self.record.person_id, values,
                                             found.line, self)
        self.dialog.open()
        return self.dialog


class ResultSuggestionDialog(QDialog):
    """A new test result filled in from a scan: written only when the user presses Save.

    Attributes:
        form: the result's ItemForm (edits are not written as they are typed here).
        saved_id: the new result's id once saved, else None.
    """

    def __init__(self, context: AppContext, person_id: int, values: dict[str, Any],
                 line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a test result from the scan"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This is what was read from the page. Check every number against "
                               "the paper, correct what is wrong, then press Save. Nothing is "
                               "added until you do.\n\nAs read: “{line}”").format(line=line))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ItemForm(item_type("result"), context, self, RESULT_FIELDS)
        self.form.set_values(values)
        layout.addWidget(self.form, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 520, self.parentWidget())

    def save(self) -> None:
        try:  # a date as the user writes it -> ISO, or why not (before any write)
            values = {k: v for k, v in self.form.checked_values().items()
                      if v not in (None, "")}
            change = self.context.write(self.tr("Add a test result from a scan"),
                                        lambda: self.context.store.add(
                                            "result", values, person_id=self.person_id))
        except ValidationError as exc:
            self.form.show_error(exc.field, str(exc))
            return
        except OrganizerError as exc:
            self.form.show_error(None, str(exc))
            return
        self.saved_id = change.id
        self.accept()
