"""Records: the documents, test and imaging results, and physical items (slides, discs).

Drop files (PDF, images, text) anywhere on the window to make one record per file; drop
them on a record's "Files" tab to attach them to that record. The file's text is read
for search afterwards, off the GUI thread, with progress in the status bar; then the
scanned pages (pictures, PDF pages without text) are read (OCR), page by page, with
Cancel. The record can be used meanwhile. Beside the preview, `ScanTextPanel` shows the
text read from the scan, and offers the results it sees as suggestions to confirm. Each record
has a preview of its files, opens them in the system viewer, and tracks who it was sent
to (requested, sent, received, how, tracking number).

Signals (the Page protocol's, ui/pages/page.py):
    status(str), and job_started(Job, str): the text reading, for the window's progress bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.care.records_from_files import add_records_from_files, added_ids, attach_files
from organizer.errors import NotFoundError, OrganizerError
from organizer.items.changes import Change
from organizer.items.models import Attachment, Record
from organizer.progress import Progress
from organizer.storage.store import Store
from ui.context import AppContext
from ui.empty_state import section_text
from ui.operations import StoreOp
from ui.pages.section_page import SectionPage
from ui.plurals import counted
from ui.preview import AttachmentPreview, open_in_system_viewer
from ui.scan_text import ScanTextPanel
from ui.worker import Job

FILE_FILTER = ("Documents and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.heic *.txt);;"
               "All files (*)")


def dropped_files(mime: Any) -> list[Path]:
    """The local files of a drop (other things dropped, such as web links, are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


def files_text(item: Any) -> str:
    """The "Files" column: how many files a record has, or that it is a physical item
    (slides, a disc) to carry or post, and where that is kept ("Physical item: kitchen
    drawer"); a narrow column shortens it with "…" and its tooltip has it whole."""
    if not isinstance(item, Record):
        return ""
    count = len(item.attachments)
    files = counted().files(count) if count else ""
    if not item.physical:
        return files
    where = " ".join((item.location or "").split())
    physical = (QCoreApplication.translate("records_page", "Physical item: {where}").format(
        where=where) if where else QCoreApplication.translate("records_page", "Physical item"))
    return f"{files} + {physical[0].lower()}{physical[1:]}" if files else physical


class RecordsPage(SectionPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context, "record", title=self.tr("Records"),
            intro=self.tr("Reports, test and imaging results, letters, and physical items such as "
                          "slides or imaging discs. Drag files here (PDF, pictures, text) to add "
                          "them: each file becomes a record."),
            computed=[(self.tr("Files"), files_text)], parent=parent)
        self.setAcceptDrops(True)
        self.job: Job | None = None
        self._extract_again = False  # files added while reading: read again after

        self.preview = AttachmentPreview(context.store)
        self.scan_text = ScanTextPanel(context)
        self.scan_text.read_requested.connect(self.read_pages_again)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files of this record"))
        self.files.setMaximumHeight(110)
        # a long file name ends in "…" (its tooltip has it whole), never scrolls sideways
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.currentItemChanged.connect(self._file_chosen)
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.setAccessibleName(self.tr("Attach more files to this record"))
        self.attach_button.clicked.connect(self.choose_files_to_attach)
        self.open_button = QPushButton(self.tr("Open in viewer"))
        self.open_button.setAccessibleName(self.tr("Open the chosen file in the system viewer"))
        self.open_button.clicked.connect(self.open_current_file)
        self.remove_file_button = QPushButton(self.tr("Remove file"))
        self.remove_file_button.setAccessibleName(
            self.tr("Remove the chosen file from this record"))
        self.remove_file_button.clicked.connect(self.remove_current_file)
        # two short rows rather than one long one: the details stay narrow enough to
        # leave the list of records its room
        attach_row = QHBoxLayout()
        drop_hint = QLabel(self.tr("Drop files here to attach them to this record, or:"))
        drop_hint.setWordWrap(True)
        attach_row.addWidget(drop_hint, 1)
        attach_row.addWidget(self.attach_button)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.remove_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files_tab = QWidget()
        files_column = QVBoxLayout(files_tab)
        files_column.addLayout(attach_row)
        files_column.addWidget(self.files)
        files_column.addLayout(buttons)
        # the page and the text read from it side by side, to be compared
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.setChildrenCollapsible(False)
        beside.addWidget(self.preview)
        beside.addWidget(self.scan_text)
        beside.setSizes([300, 300])
        self.preview_splitter = beside
        files_column.addWidget(beside, 1)
        self.files_tab = files_tab

        self.sendings = SectionPage(
            context, "sending", title=self.tr("Sending this record"),
            intro=self.tr("Each copy on its way: who it goes to, when it was asked for, sent and "
                          "received, how, and the tracking number."),
            where={"record_id": 0}, orientation=Qt.Orientation.Vertical)
        self.sendings.status.connect(self.status)

        self.side = QTabWidget()
        self.side.setAccessibleName(self.tr("About the chosen record"))
        self.splitter.replaceWidget(1, self.side)
        self.side.addTab(self.editor, self.tr("Details"))
        self.side.addTab(files_tab, self.tr("Files"))
        self.side.addTab(self.sendings, self.tr("Sending"))
        self.splitter.setSizes([600, 400])  # the list first; the details take the rest
        self.types = self.types | {"sending", "provider"}
        self.disc_button = QPushButton(self.tr("Add an imaging disc…"))
        self.disc_button.setAccessibleName(self.tr("Add an imaging disc (MRI, CT, X-ray) as a "
                                                   "record"))
        self.disc_button.setToolTip(self.tr("Read an imaging disc (DICOM): its studies and a key "
                                            "image of each series become one record"))
        self.disc_button.clicked.connect(self.choose_disc)
        self.bar.insertWidget(self.bar.indexOf(self.add_button) + 1, self.disc_button)
        QWidget.setTabOrder(self.add_button, self.disc_button)
        self._update_side()
        self.editor.created.connect(lambda _item: self._update_side())

    # -- the page interface -------------------------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        super().set_person(person_id)
        self.sendings.set_person(person_id)
        self._update_side()

    def flush(self) -> None:
        super().flush()
        self.sendings.flush()

    def unsaved(self) -> list[str]:
        return super().unsaved() + self.sendings.unsaved()

    def empty_state(self) -> tuple[str, str, Callable[[], object]]:
        # files are how most records arrive: the button asks for them (the window's
        # File › Add records from files…), each file becoming a record
        return (section_text("record", "records"), self.tr("Choose files…"),
                lambda: self.add_item.emit("record"))

    def show_item(self, type_name: str, item_id: int) -> bool:
        if type_name == "sending":
            try:
                sending = self.context.store.get("sending", item_id)
            except NotFoundError:
                return False
            if super().show_item("record", sending.record_id):  # type: ignore[attr-defined]
                self.side.setCurrentWidget(self.sendings)
                return self.sendings.show_item("sending", item_id)
            return False
        return super().show_item(type_name, item_id)

    # -- following the chosen record ----------------------------------------------------

    def _current_record(self) -> Record | None:
        item = self.editor.item
        return item if isinstance(item, Record) and not self.editor.is_draft() else None

    def _update_side(self) -> None:
        record = self._current_record()
        for index in (1, 2):
            self.side.setTabEnabled(index, record is not None)
        self.sendings.set_where({"record_id": record.id if record else 0})
        self._fill_files(record)

    def _fill_files(self, record: Record | None) -> None:
        chosen = self._current_file()
        self.files.blockSignals(True)
        self.files.clear()
        for attachment in (record.attachments if record else ()):
            entry = QListWidgetItem(f"{attachment.filename}  ({_size(attachment.size)})")
            entry.setToolTip(entry.text())
            entry.setData(Qt.ItemDataRole.UserRole, attachment)
            self.files.addItem(entry)
            if chosen is not None and chosen.id == attachment.id:
                self.files.setCurrentItem(entry)
        self.files.blockSignals(False)
        if self.files.currentItem() is None and self.files.count():
            self.files.setCurrentRow(0)
        has_files = self.files.count() > 0
        self.open_button.setEnabled(has_files)
        self.remove_file_button.setEnabled(has_files)
        self.attach_button.setEnabled(record is not None)
        current = self._current_file()
        if current is None or chosen is None or current.id != chosen.id:
            self.preview.show_attachment(current)
        self.scan_text.show_attachment(current, record)  # its reading may have just ended

    def _current_file(self) -> Attachment | None:
        entry = self.files.currentItem()
        value = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
        return value if isinstance(value, Attachment) else None

    def _file_chosen(self, *_args: Any) -> None:
        self.preview.show_attachment(self._current_file())
        self.scan_text.show_attachment(self._current_file(), self._current_record())

    def _current_changed(self, current: Any, previous: Any) -> None:
        super()._current_changed(current, previous)
        if not self._selecting:
            self._update_side()

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        super()._on_changed(change, initiator)
        record = self._current_record()
        if record is not None and any(c.type == "record" and c.id == record.id
                                      for c in change.items):
            try:
                fresh = self.context.store.get("record", record.id)
            except NotFoundError:
                fresh = None
            self.editor.reload(fresh)
            self._update_side()

    def reload(self) -> None:
        super().reload()
        self._update_side()

    # -- files --------------------------------------------------------------------------

    def dragEnterEvent(self, event: Any) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        paths = dropped_files(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        inside_files = self.files_tab.isVisible() and self.files_tab.rect().contains(
            self.files_tab.mapFrom(self, event.position().toPoint()))
        record = self._current_record()
        if inside_files and record is not None:
            self.attach_files(record.id, paths)
        else:
            self.add_files(paths)

    def add_files(self, paths: Iterable[Path]) -> StoreOp | None:
        """One new record per file, on the writer thread, as one undoable step.

        Returns the op (None when there is nothing to do); once it has landed, the last
        new record is shown and the files' text is read for search. A file that cannot
        be stored leaves no record at all (`organizer.care.records_from_files`).
        """
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        if self.person_id is None:
            self.status.emit(self.tr("Add a person first, then drop the files again."))
            return None
        person_id = self.person_id
        what = "a record" if len(paths) == 1 else f"{len(paths)} records"

        def work(store: Store, progress: Progress) -> Change:
            return add_records_from_files(store, person_id, paths, progress)

        def landed(change: Change) -> None:
            ids = added_ids(change)
            if ids:
                self.show_item("record", ids[-1])
            self.status.emit(self.tr("Added {what}. Reading the text for search…")
                             .format(what=what))
            self.extract_text()

        return self._start(self.tr("Add {what} from dropped files").format(what=what), work, landed,
                           self.tr("Adding {what} from the files").format(what=what),
                           self.tr("Nothing was added"))

    def attach_files(self, record_id: int, paths: Iterable[Path]) -> StoreOp | None:
        """Attach files to a record, on the writer thread, as one undoable step."""
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        what = self.tr("%n file(s)", "", len(paths))

        def work(store: Store, progress: Progress) -> Change:
            return attach_files(store, record_id, paths, progress)

        return self._start(self.tr("Attach {what}").format(what=what), work,
                           lambda _change: self.extract_text(),
                           self.tr("Attaching {what}").format(what=what),
                           self.tr("Nothing was attached"))

    def _start(self, description: str, work: Any, landed: Any, doing: str,
               refused: str) -> StoreOp:
        op = self.context.start_write(description, work, initiator=self)
        op.succeeded.connect(landed)
        op.failed.connect(lambda message: self.status.emit(f"{refused}: {message}"))
        op.cancelled.connect(lambda: self.status.emit(self.tr("Stopped: {refused}.").format(
                                                          refused=refused.lower())))
        self.job_started.emit(op, doing)
        return op

    def choose_disc(self) -> None:
        from ui.dialogs.disc_dialog import choose_disc_folder

        if self.context.person_id is not None:
            choose_disc_folder(self, self.add_disc, self.context.settings)

    def add_disc(self, folder: Path) -> QWidget | None:
        """The disc preview for the page's person; the new record is shown once added."""
        if self.context.person_id is None:
            return None
        from ui.dialogs.disc_dialog import open_disc_dialog

        dialog = open_disc_dialog(self.context, folder, self.context.person_id, self)
        dialog.added.connect(lambda saved: self.show_item("record", saved.record_id))
        return dialog

    def choose_files_to_attach(self) -> None:
        record = self._current_record()
        if record is None:
            return
        from ui.file_dialogs import choose_files

        choose_files(self, "records", self.tr("Attach files to this record"), FILE_FILTER,
                     lambda paths: self.attach_files(record.id, paths), self.context.settings)

    def open_current_file(self) -> None:
        attachment = self._current_file()
        if attachment is None:
            return
        try:
            open_in_system_viewer(self.context.store, attachment)
        except OrganizerError as exc:
            self.status.emit(self.tr("The file could not be opened: {exc}").format(exc=exc))
        except OSError as exc:  # the system's words ("Permission denied"), not Python's
            why = exc.strerror or self.tr("the system refused")
            self.status.emit(self.tr("The file could not be opened ({why}).").format(why=why))

    def remove_current_file(self) -> None:
        attachment = self._current_file()
        if attachment is None:
            return
        self.context.write(self.tr("Remove file “{filename}”").format(filename=attachment.filename),
                           lambda: self.context.store.remove_attachment(attachment.id))
        self.status.emit(self.tr("Removed “{filename}” from this record. Edit › Undo puts it back.")
                         .format(
                             filename=attachment.filename))

    # -- text extraction off the GUI thread ---------------------------------------------

    def extract_text(self) -> Job | None:
        """Read the text of every attachment still waiting, in a worker; returns the job."""
        if self.job is not None and self.job.is_running():
            self._extract_again = True
            return self.job
        self._extract_again = False
        root = self.context.store.root
        job = Job(lambda progress: _extract_all(root, progress), self)
        job.succeeded.connect(self._extracted)
        job.failed.connect(lambda message: self.status.emit(
            self.tr("The text of some files could not be read: {message}").format(message=message)))
        job.cancelled.connect(self._extract_cancelled)
        # "Reading “letter.jpg”, page 2 of 5" in the status bar, not only in a tooltip
        job.progress.connect(lambda _done, _total, what: self.status.emit(what)
                             if what.startswith("Reading “") else None)
        self.job = job
        self.job_started.emit(job, self.tr("Reading the text of the files and scanned pages"))
        job.start()
        return job

    def _extract_cancelled(self) -> None:
        # the files read before Cancel are kept: show them (their Change did not come back)
        self.reload()
        self.status.emit(self.tr("Stopped reading the files. The pages not read yet are read the "
                                 "next time files are added, or with “Read the pages”."))

    def read_pages_again(self, attachment: Attachment) -> Job | None:
        """Read an attachment's scanned pages now (skipped, or once the data are installed)."""
        try:
            change = self.context.store.save_scan_pages(attachment.id, [], "pending")
        except NotFoundError:
            return None
        self.context.broadcast(change, self)
        return self.extract_text()

    def _extracted(self, change: Change) -> None:
        # not undoable (derived from the files; see ui/operations.py), but every view
        # hears of it through the same bus; this page is not the initiator, so it reloads
        self.context.broadcast(change)
        count = len(change.items)
        if count:
            self.status.emit(self.tr("The text of %n file(s) can now be found with Search "
                                     "(Ctrl+F).", "", count))
        if self._extract_again:
            self.extract_text()


def _extract_all(root: Path, progress: Progress) -> Change:
    """In the worker: its own Store on the same folder (a connection belongs to one thread).

    First every file's own text (quick), then the scanned pages, page by page (about a
    second each); a Cancel between two pages stops it, keeping the files already read.
    """
    from organizer.opening import open_store
    from organizer.scan.read import read_pending

    change = Change()
    with open_store(root) as store:
        pending = store.pending_text()
        for done, attachment in enumerate(pending):
            progress.step(done, len(pending), attachment.filename)
            try:
                change = change + store.extract_pending_text(attachment)
            except NotFoundError:  # its record was deleted meanwhile (an undo)
                continue
        progress.step(len(pending), len(pending), "")
        change = change + read_pending(store, progress)
    return change


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size = size / 1024  # type: ignore[assignment]
    return str(size)

