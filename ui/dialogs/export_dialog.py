"""Export one person: everything (archive), a summary for another doctor's system (IPS),
visits for a calendar, or the medication list for a spreadsheet. The file is written in
a worker, from its own Store.

Signals:
    exported(object): the Path written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from organizer.interop.exports import FORMATS, export
from organizer.opening import open_store
from organizer.progress import Progress
from ui.context import AppContext
from ui.worker import Job


class ExportDialog(QDialog):
    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Whose information to export"))
        for person in ctx.store.people():
            self.person.addItem(person.full_name, person.id)
        if ctx.person_id is not None and self.person.findData(ctx.person_id) >= 0:
            self.person.setCurrentIndex(self.person.findData(ctx.person_id))
        form.addRow(self.tr("Export for:"), self.person)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("What to export:")))
        self.formats = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for number, (key, (words, _)) in enumerate(FORMATS.items()):
            radio = QRadioButton(words)
            radio.setAccessibleName(words)
            self.formats.addButton(radio, number)
            self.radios[key] = radio
            layout.addWidget(radio)
        self.radios["archive"].setChecked(True)
        self.formats.buttonToggled.connect(self._format_changed)

        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File to write"))
        self.path.textChanged.connect(self._update)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        file_form = QFormLayout()
        file_form.addRow(self.tr("Save as:"), row)
        layout.addLayout(file_form)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self._export)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._format_changed()

    def format(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def _suggested(self) -> Path:
        name = (self.person.currentText() or "export").replace(" ", "_")
        suffix = FORMATS[self.format()][1]
        label = {"archive": "archive", "ips": "summary", "ics": "visits",
                 "csv": "medications"}[self.format()]
        from ui.file_dialogs import start_folder

        return start_folder("export", self.ctx.settings) / f"{name}-{label}{suffix}"

    def _format_changed(self, *args: object) -> None:
        current = Path(self.path.text()) if self.path.text() else None
        if current is None or current.suffix in {s for _, s in FORMATS.values()}:
            base = current.with_suffix(FORMATS[self.format()][1]) if current else \
                self._suggested()
            self.path.setText(str(base))
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip()) and
                                      self.person.count() > 0 and not self._busy())

    def _busy(self) -> bool:
        return self.job is not None and self.job.is_running()

    def _choose(self) -> QWidget:
        from ui.file_dialogs import choose_save

        return choose_save(self, "export", self.tr("Save the export as"),
                           self.path.text() or self._suggested(), "",
                           lambda path: self.path.setText(str(path)), self.ctx.settings)

    def _export(self) -> None:
        person_id = int(self.person.currentData())
        fmt, out, root = self.format(), Path(self.path.text().strip()), self.ctx.store.root
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)

        def work(progress: Progress) -> Path:
            with open_store(root) as store:
                return export(store, person_id, fmt, out, progress)

        self.job = Job(work, self)
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _finished_job(self) -> None:
        if self.job is not None:
            self.job.wait()
        self.job = None

    def _done(self, path: Path) -> None:
        from ui.file_dialogs import remember

        self._finished_job()
        remember("export", Path(path), self.ctx.settings)  # (typed, or chosen)
        self.status.setText(self.tr("Saved to {path}.").format(path=path))
        self._update()
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self._finished_job()
        self.status.setText(message)
        self._update()

    def done(self, result: int) -> None:
        if self._busy() and self.job is not None:
            self.job.wait()
        super().done(result)


def open_export_dialog(ctx: AppContext, parent: QWidget | None = None) -> ExportDialog:
    """Open the export dialog (non-modal)."""
    dialog = ExportDialog(ctx, parent)
    dialog.open()
    return dialog
