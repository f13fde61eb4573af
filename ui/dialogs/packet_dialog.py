"""“Make packet…”: choose what goes in, make it off the GUI thread, look at it, save it.

`open_packet_dialog(ctx, parent, case_id)` opens the dialog (non-modal) and returns it.
The packet is built by `organizer.packet.build.build_packet` in a `ui.worker.Job` that opens
its own Store on the same data folder; the window stays responsive and Cancel stops the
build (nothing is saved). The finished PDF is written to a private temporary folder,
shown in an embedded viewer (QtPdf), and from there saved, opened in the system's PDF
viewer, or printed. The temporary copy is deleted when the dialog closes.

Signals:
    packet_ready(object): the `PacketResult` once a packet has been made and loaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import OrganizerError
from organizer.items.models import Case, Record
from organizer.packet.options import (
    SECTIONS,
    PacketOptions,
    about_cost,
    default_page_size,
    in_packet_by_default,
)
from organizer.packet.snapshot import order_records
from organizer.packet.text import format_date, word
from ui.context import AppContext
from ui.screen_fit import fit_to_screen, narrow_combo
from ui.settings import Settings
from ui.widgets import scrolled
from ui.worker import Job


def open_packet_dialog(ctx: AppContext, parent: QWidget | None = None,
                       case_id: int | None = None) -> PacketDialog:
    """Open “Make packet…” for the current person (non-modal) and return the dialog."""
    dialog = PacketDialog(ctx, parent, case_id)
    dialog.setModal(False)  # the user may look things up in the main window meanwhile
    dialog.show()
    dialog.raise_()
    return dialog


class PacketDialog(QDialog):
    packet_ready = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 case_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Make packet"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        fit_to_screen(self, 1100, 760, self.parentWidget())
        self.job: Job | None = None
        self.result_path: Path | None = None
        self.result: Any = None
        # The preview is the patient's whole record, plain: a private folder in the data
        # folder (organizer.paths: "Lock now" and the next start clear it), never /tmp.
        self._temp = ctx.store.dirs.new_scratch()
        self.person = self._person()
        self._build(case_id)
        self.finished.connect(self._cleanup)

    # -- the form ------------------------------------------------------------------------

    _sized = False  # the splitter was given the choices' width (at the first show)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # the choices as wide as their words ask (a fixed 420 px cut them under a
            # larger text or the theme's padding); the preview takes the rest
            self._sized = True
            form = self._form_area.widget()
            need = ((form.sizeHint().width() if form is not None else 420)
                    + self._form_area.verticalScrollBar().sizeHint().width() + 4)
            total = sum(self._splitter.sizes())
            self._splitter.setSizes([need, max(total - need, total // 3)])

    def _person(self) -> Any:
        store = self.ctx.store
        if self.ctx.person_id is not None:
            return store.person(self.ctx.person_id)
        people = store.people()
        return people[0] if people else None

    def _build(self, case_id: int | None) -> None:
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter)
        form_side = QWidget()
        column = QVBoxLayout(form_side)
        name = self.person.full_name if self.person else self.tr("nobody yet")
        heading = QLabel(self.tr("<h2>Packet for {name}</h2>").format(name=name))
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)  # a long name at a large text size
        column.addWidget(heading)

        form = QFormLayout()
        self.case_box = narrow_combo(QComboBox())
        self.case_box.setAccessibleName(self.tr("Second opinion"))
        self.case_box.addItem(self.tr("None: a health summary with records"), None)
        cases = []
        if self.person is not None:
            cases = [c for c in self.ctx.store.list_items("case", self.person.id)
                     if isinstance(c, Case)]
        for case in cases:
            self.case_box.addItem(case.title, case.id)
        if case_id is not None:
            index = self.case_box.findData(case_id)
            if index >= 0:
                self.case_box.setCurrentIndex(index)
        elif cases:
            self.case_box.setCurrentIndex(1)
        self.case_box.currentIndexChanged.connect(self._fill_records)
        form.addRow(self.tr("Second opinion:"), self.case_box)

        self.page_size = QComboBox()
        self.page_size.setAccessibleName(self.tr("Paper size"))
        self.page_size.addItem(self.tr("Letter (US)"), "letter")
        self.page_size.addItem(self.tr("A4"), "a4")
        self.page_size.setCurrentIndex(self.page_size.findData(default_page_size()))
        form.addRow(self.tr("Paper size:"), self.page_size)
        # the packet's own language: the person who prints it and the doctor who reads it
        # may read another than the window's (each language named in its own words)
        from ui import i18n

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the packet"))
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current_language()), 0))
        form.addRow(self.tr("Language of the packet:"), self.language)

        self.prepared_by = QLineEdit()
        self.prepared_by.setAccessibleName(self.tr("Your name, if you are not the patient"))
        self.prepared_by.setPlaceholderText(self.tr("Leave empty if you are the patient"))
        self.prepared_by.setText(self._remembered_name())
        form.addRow(self.tr("Your name:"), self.prepared_by)

        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Password for the PDF (optional)"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Optional: lock the PDF with a password"))
        form.addRow(self.tr("Password:"), self.password)
        column.addLayout(form)

        sections = QGroupBox(self.tr("What to include"))
        grid = QGridLayout(sections)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, (key, title) in enumerate(SECTIONS.items()):
            box = QCheckBox(title)
            box.setChecked(True)
            box.setAccessibleName(self.tr("Include {title}").format(title=title))
            grid.addWidget(box, i // 2, i % 2)
            self.section_boxes[key] = box
        row_below = (len(SECTIONS) + 1) // 2
        # Costs and the case's own title: the patient's business, one tick away.
        self.include_costs = QCheckBox(self.tr("Costs and insurance (records, quotes, coverage)"))
        self.include_costs.setAccessibleName(self.tr("Include costs and insurance"))
        self.include_costs.setToolTip(self.tr("Left out unless you tick this: what things cost "
                                              "and what your insurance pays is your business, not "
                                              "the doctor's."))
        self.include_costs.toggled.connect(self._costs_toggled)
        grid.addWidget(self.include_costs, row_below, 0, 1, 2)
        self.title_on_cover = QCheckBox(self.tr("This second opinion's own title on the cover"))
        self.title_on_cover.setAccessibleName(self.tr("Print the second opinion's title on the "
                                                      "cover"))
        self.title_on_cover.setToolTip(self.tr("Without it, the cover names the diagnosis instead "
                                               "of the title you gave this second opinion."))
        grid.addWidget(self.title_on_cover, row_below + 1, 0, 1, 2)
        column.addWidget(sections)

        records = QGroupBox(self.tr("Records to enclose"))
        records_layout = QVBoxLayout(records)
        self.records = QListWidget()
        self.records.setAccessibleName(self.tr("Records to enclose"))
        records_layout.addWidget(self.records)
        row = QHBoxLayout()
        all_button = QPushButton(self.tr("Select all"))
        none_button = QPushButton(self.tr("Clear"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch()
        records_layout.addLayout(row)
        self.disc_images = QCheckBox(self.tr("Key images of imaging discs (one page per study)"))
        self.disc_images.setAccessibleName(self.tr("Include the key images of imaging discs"))
        self.disc_images.setChecked(True)
        records_layout.addWidget(self.disc_images)
        column.addWidget(records, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.progress)
        column.addWidget(self.status)

        buttons = QHBoxLayout()
        self.make_button = QPushButton(self.tr("Make packet"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_packet)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(close_button)
        # the choices scroll on a small screen at a large text size; the buttons stay
        left_side = QWidget()
        left_column = QVBoxLayout(left_side)
        left_column.setContentsMargins(0, 0, 0, 0)
        self._form_area = scrolled(form_side)
        left_column.addWidget(self._form_area, 1)
        left_column.addLayout(buttons)
        splitter.addWidget(left_side)

        self.preview = PdfPreview(self.suggested_name, self.status, self.ctx.store.root,
                                  settings=self.ctx.settings, kind="packet")
        self.document, self.view = self.preview.document, self.preview.view
        self.save_button = self.preview.save_button
        self.open_button = self.preview.open_button
        self.print_button = self.preview.print_button
        preview_side = self.preview
        splitter.addWidget(preview_side)
        splitter.setSizes([420, 680])
        self._splitter = splitter
        self._fill_records()
        if self.person is None:
            self.make_button.setEnabled(False)
            self.status.setText(self.tr("Add a person first: the packet is about one person."))

    def _remembered_name(self) -> str:
        """"Your name" as typed for this person's last packet; for a person with none
        yet, the name last typed for anyone (the caregiver's), unless the person is the
        user ("self")."""
        settings = self.ctx.settings
        if settings is None or self.person is None:
            return ""
        folder = str(self.ctx.store.root)
        typed = settings.prepared_by(folder, self.person.id)
        if typed is not None:
            return typed
        return "" if self.person.relationship == "self" else settings.last_prepared_by(folder)

    def _remember_name(self) -> None:
        if self.ctx.settings is not None and self.person is not None:
            self.ctx.settings.set_prepared_by(str(self.ctx.store.root), self.person.id,
                                              self.prepared_by.text().strip())

    def _fill_records(self) -> None:
        self.records.clear()
        self.disc_images.setVisible(False)  # only for a person with an imaging disc
        if self.person is None:
            return
        records = [r for r in self.ctx.store.list_items("record", self.person.id)
                   if isinstance(r, Record)]
        for record in order_records(records, self.case_box.currentData()):
            details = ", ".join(x for x in (format_date(record.dated_on), word(record.kind))
                                if x)
            files = len(record.attachments)
            note = self.tr("%n file(s)", "", files) if files else self.tr("no file")
            item = QListWidgetItem(f"{record.title}  ({details + '; ' if details else ''}"
                                   f"{note})")
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # The file kept from an import (JSON, XML) is bookkeeping, not for the doctor.
            item.setCheckState(Qt.CheckState.Checked if in_packet_by_default(
                record, self.include_costs.isChecked()) else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole + 1, about_cost(record))
            self.records.addItem(item)
        self.disc_images.setVisible(any(r.origin == "disc" for r in records))

    def _costs_toggled(self, checked: bool) -> None:
        """Tick or untick the records about cost and insurance with the costs."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.records.count()):
            item = self.records.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1):
                item.setCheckState(state)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.records.count()):
            self.records.item(row).setCheckState(state)

    def options(self) -> PacketOptions:
        """The choices on the form, as the core takes them."""
        record_ids = tuple(
            int(self.records.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.records.count())
            if self.records.item(row).checkState() == Qt.CheckState.Checked)
        return PacketOptions(
            sections=tuple(k for k, box in self.section_boxes.items() if box.isChecked()),
            record_ids=record_ids, page_size=str(self.page_size.currentData()),
            password=self.password.text() or None,
            prepared_by=self.prepared_by.text().strip() or None,
            disc_images=self.disc_images.isChecked(),
            include_costs=self.include_costs.isChecked(),
            title_on_cover=self.title_on_cover.isChecked(),
            language=str(self.language.currentData()))

    # -- making it -----------------------------------------------------------------------

    def make_packet(self) -> None:
        if self.person is None or (self.job is not None and self.job.is_running()):
            return
        try:
            options = self.options()
        except OrganizerError as exc:  # a ValidationError: say it beside the button
            self.status.setText(str(exc))
            return
        self._remember_name()
        person_id, case_id = self.person.id, self.case_box.currentData()
        root = self.ctx.store.root
        target = self._temp / f"packet-{len(list(self._temp.iterdir())) + 1}.pdf"

        def work(progress: Any) -> Any:
            from organizer.opening import open_store
            from organizer.packet.build import build_packet

            with open_store(root) as store:  # the worker's own connection
                return build_packet(store, person_id, target, options, case_id=case_id,
                                    progress=progress)

        self.job = Job(work, self)
        self.job.progress.connect(self._on_progress)
        self.job.succeeded.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self._busy(True)
        self.status.setText(self.tr("Making the packet…"))
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        self.make_button.setEnabled(not busy)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if what:
            self.status.setText(what)

    def _on_done(self, result: Any) -> None:
        self._busy(False)
        self.result = result
        self.result_path = Path(result.path)
        self.preview.show_pdf(self.result_path, self.password.text())
        text = self.tr("The packet is ready: {pages} pages, %n enclosure(s). Save it, open it "
                       "or print it.", "", result.enclosures).format(pages=result.pages)
        if result.problems:
            lines = "".join(f"<li>{_escape(p.message())}</li>" for p in result.problems)
            count = len(result.problems)
            text += self.tr("<p><b>%n file(s) could not be included</b> (each is listed in "
                            "the packet's index):</p><ul>{lines}</ul>", "", count).format(
                                lines=lines)
        self.status.setText(text)
        self.packet_ready.emit(result)

    def _on_failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(self.tr("The packet could not be made: {message}").format(
                                message=message))

    def _on_cancelled(self) -> None:
        self._busy(False)
        self.status.setText(self.tr("Cancelled: no packet was made."))

    def suggested_name(self) -> str:
        name = self.person.full_name if self.person else "packet"
        return self.tr("Second opinion packet - {name}.pdf").format(name=name)

    def save_to(self, path: Path) -> bool:
        return self.preview.save_to(path)

    def open_in_viewer(self) -> bool:
        return self.preview.open_in_viewer()

    def print_to(self, printer: Any) -> int:
        return self.preview.print_to(printer)

    # -- closing -------------------------------------------------------------------------

    def _cleanup(self) -> None:
        if self.job is not None and self.job.is_running():
            self.job.cancel()
            self.job.wait(30000)
        self.preview.close_document()
        shutil.rmtree(self._temp, ignore_errors=True)


class PdfPreview(QWidget):
    """A made PDF shown in the app (QtPdf), with Save as…, Open and Print….

    `suggested_name()` gives the file name offered by Save as; `status` is the label
    where the outcome is told in words; `data_dir` is the store's folder, where Save as
    never writes (organizer.storage.paths.save_output refuses it).
    """

    def __init__(self, suggested_name: Any, status: QLabel, data_dir: Path,
                 parent: QWidget | None = None, *, settings: Settings | None = None,
                 kind: str = "packet") -> None:
        super().__init__(parent)
        self.suggested_name = suggested_name
        self.settings = settings  # where Save as opens (ui/file_dialogs.py)
        self.kind = kind
        self.status = status
        self.data_dir = data_dir
        self.path: Path | None = None
        preview = QVBoxLayout(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.placeholder = QLabel(self.tr("Choose what to include, then press “Make”. The "
                                          "document appears here before you save or print it."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        preview.addWidget(self.placeholder)
        preview.addWidget(self.view, 1)
        self.view.hide()
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open in your usual PDF viewer"))
        self.print_button = QPushButton(self.tr("Print…"))
        for button, handler in ((self.save_button, self._ask_save),
                                (self.open_button, self.open_in_viewer),
                                (self.print_button, self._ask_print)):
            button.setEnabled(False)
            button.clicked.connect(handler)
            actions.addWidget(button)
        actions.addStretch()
        preview.addLayout(actions)

    def show_pdf(self, path: Path, password: str = "") -> None:
        self.path = path
        self.document.close()
        self.document.setPassword(password)
        self.document.load(str(path))
        self.placeholder.hide()
        self.view.show()
        for button in (self.save_button, self.open_button, self.print_button):
            button.setEnabled(True)

    # -- what to do with it --------------------------------------------------------------

    def _ask_save(self) -> QWidget:
        from ui.file_dialogs import choose_save

        self.save_dialog = choose_save(self, self.kind, self.tr("Save as"), self.suggested_name(),
                                       "PDF (*.pdf)", self.save_to, self.settings)
        return self.save_dialog

    def save_to(self, path: Path) -> bool:
        """Copy the packet to where the user chose; says so in the status line.

        Through the one output path of the core: never into the data folder, a linked
        target written through its link, the file private and whole or not there at all.
        """
        from organizer.errors import OrganizerError
        from organizer.storage.paths import save_output

        if self.path is None:
            return False
        if path.suffix.lower() != ".pdf" and not path.is_symlink() and not path.exists():
            path = path.with_name(path.name + ".pdf")
        try:
            save_output(self.path, path, data_dir=self.data_dir)
        except OrganizerError as exc:
            self.status.setText(str(exc))
            return False
        except OSError as exc:
            self.status.setText(self.tr("The packet could not be saved as {path} ({strerror}). "
                                        "Choose another place.").format(
                                    path=path, strerror=exc.strerror))
            return False
        self.status.setText(self.tr("Saved: {path}").format(path=path))
        return True

    def open_in_viewer(self) -> bool:
        if self.path is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))))

    def _ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: Any) -> int:
        """Draw every page of the packet on the printer; returns the pages printed."""
        pages = self.document.pageCount()
        if pages <= 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started. Check that it is on "
                                        "and try again."))
            return 0
        try:
            dpi = printer.resolution()
            for index in range(pages):
                if index:
                    printer.newPage()
                size = self.document.pagePointSize(index)
                image = self.document.render(index, QSize(int(size.width() * dpi / 72),
                                                          int(size.height() * dpi / 72)))
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(),
                                  image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return pages

    def close_document(self) -> None:
        self.document.close()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
