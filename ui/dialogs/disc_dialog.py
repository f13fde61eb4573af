"""The imaging disc preview: read a disc off the GUI thread, show what is on it, then save.

A worker reads the disc's index (organizer.disc.index) and makes the key images; the
dialog then shows the patients, studies and series with the key image of each series,
before anything is saved. It warns, loudly, when the disc names another patient (Add stays
disabled until the user ticks "Yes, this disc is about <person>"), and when the disc holds
only a viewer program or no images (nothing can be added). Copying every image is offered
with its size, unticked. Adding runs in a second worker, in one transaction; Cancel stops
either worker, and nothing is saved before Add.

Signals:
    added(object): the `organizer.disc.save.SavedDisc`, after success.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.progress import Progress
from organizer.storage.store import Store
from ui.context import AppContext
from ui.dialogs.job_dialog import JobDialog
from ui.screen_fit import fit_to_screen
from ui.settings import Settings
from ui.worker import Job

ICON = 72        # a series' key image in the list
PREVIEW = 300    # the chosen series' key image beside the list
WARNING_STYLE = ("#discWarning { background: #fff4d6; border: 2px solid #b36b00; "
                 "border-radius: 6px; } #discWarning QLabel, #discWarning QCheckBox "
                 "{ color: #3d2600; background: transparent; }")


def _pixmap(png: bytes | None) -> QPixmap:
    pixmap = QPixmap()
    if png:
        pixmap.loadFromData(png, "PNG")
    return pixmap


class DiscDialog(JobDialog):
    added = Signal(object)

    def __init__(self, ctx: AppContext, folder: Path, person_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = Path(folder)
        self.person = ctx.store.person(person_id)
        self.index: Any = None
        self.keys: list[Any] = []
        self.job: Job | None = None
        self.saved: Any = None
        self.setWindowTitle(self.tr("Add an imaging disc"))
        fit_to_screen(self, 1060, 640, self.parentWidget())

        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading the disc in {folder}…").format(folder=self.folder))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What is happening"))
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)

        self.warning = QFrame()
        self.warning.setObjectName("discWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        box = QVBoxLayout(self.warning)
        self.warning_title = QLabel()
        bold = QFont()
        bold.setBold(True)
        self.warning_title.setFont(bold)
        box.addWidget(self.warning_title)
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        self.warning_text.setAccessibleName(self.tr("Warning about the disc"))
        box.addWidget(self.warning_text)
        self.confirm = QCheckBox()
        self.confirm.toggled.connect(self._update_buttons)
        box.addWidget(self.confirm)
        self.warning.hide()
        layout.addWidget(self.warning)

        middle = QHBoxLayout()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("On the disc"), self.tr("Date"), self.tr("Images"),
                                   self.tr("Where")])
        self.tree.setIconSize(QSize(ICON, ICON))
        self.tree.setAccessibleName(self.tr("Patients, studies and series on the disc"))
        self.tree.currentItemChanged.connect(self._series_chosen)
        middle.addWidget(self.tree, 1)
        self.picture = QLabel("")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedWidth(PREVIEW + 12)
        self.picture.setMinimumHeight(PREVIEW)
        self.picture.setStyleSheet("background: black; color: #ddd;")
        self.picture.setAccessibleName(self.tr("Key image of the chosen series"))
        self.picture.setWordWrap(True)
        middle.addWidget(self.picture)
        layout.addLayout(middle, 1)

        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.skipped.setAccessibleName(self.tr("Files that were skipped"))
        self.skipped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped.hide()
        layout.addWidget(self.skipped)

        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title of the new record"))
        form.addRow(self.tr("Record title:"), self.title)
        self.copy_images = QCheckBox(self.tr("Copy every image into the organizer"))
        self.copy_images.setAccessibleName(self.tr("Copy every image from the disc"))
        self.copy_images.setToolTip(self.tr("By default only the disc's index and one key image "
                                            "per series are kept; the disc itself stays the full "
                                            "copy."))
        form.addRow("", self.copy_images)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox()
        self.add_button = self.action_button = QPushButton(self.tr("Add the disc"))
        self.add_button.setEnabled(False)
        self.add_button.setDefault(True)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.add_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)

    # reading ------------------------------------------------------------------------

    def start(self) -> None:
        """Read the disc and make its key images in a worker (headers, then one image
        per series); the preview fills in when it is done."""
        folder = self.folder

        def work(progress: Progress) -> tuple[Any, list[Any]]:
            from organizer.disc.index import read_disc
            from organizer.disc.save import render_key_images

            index = read_disc(folder, progress)
            return index, render_key_images(index, progress)

        self._run(work, self._read_done)

    def _read_done(self, result: tuple[Any, list[Any]]) -> None:
        from organizer.disc.save import copy_size, default_title, empty_disc, mismatch

        self._finished_job()
        self.progress.hide()
        self.index, self.keys = result
        index = self.index
        studies = len(index.studies)
        self.status.setText(
            self.tr("{value}, {value2} on the disc ({value3}). Nothing is saved until you press "
                    "“Add the disc”.").format(
                value=self.tr('%n study(ies)', '', studies),
                value2=self.tr('%n image(s)', '', index.images),
                value3=(self.tr("from its DICOMDIR") if index.from_dicomdir
                        else self.tr("its files looked at one by one"))))
        self._fill_tree()
        problems = list(index.problems) + [k.problem for k in self.keys if k.problem]
        if problems:
            shown = problems[:8]
            more = len(problems) - len(shown)
            self.skipped.setText(self.tr("Skipped:\n") + "\n".join(shown) +
                                 (self.tr("\n…and {more} more.").format(more=more) if more else ""))
            self.skipped.show()
        empty = empty_disc(index)
        other = mismatch(index, self.person)
        if empty:
            self._warn(self.tr("Nothing on this disc can be added"), empty, None)
        elif other:
            self._warn(self.tr("This may be someone else’s disc"),
                       self.tr("{other} Check that this is the right disc and the right person: a "
                               "doctor would read these images as theirs.").format(other=other),
                       self.tr("Yes, this disc is about {full_name}").format(
                           full_name=self.person.full_name))
        if programs := index.programs:
            note = (self.tr("The disc also holds a viewer program ({programs}); it is never run.")
                    .format(
                        programs=', '.join(programs[:3])))
            self.status.setText(self.status.text() + " " + note)
        self.title.setText(default_title(index) if index.images else "")
        self.copy_images.setText(self.tr("Copy every image into the organizer ({size})").format(
                                     size=copy_size(index)))
        self.copy_images.setEnabled(bool(index.images))
        self._update_buttons()

    def _warn(self, title: str, text: str, confirm: str | None) -> None:
        self.warning_title.setText(title)
        self.warning_text.setText(text)
        self.confirm.setVisible(confirm is not None)
        self.confirm.setText(confirm or "")
        self.confirm.setChecked(False)
        self.warning.show()

    def _fill_tree(self) -> None:
        from organizer.disc.save import patient_name

        self.tree.clear()
        keys = {(k.study.uid, k.series.uid): k for k in self.keys}
        bold = QFont()
        bold.setBold(True)
        patients: dict[tuple[str, str], QTreeWidgetItem] = {}
        first_series: QTreeWidgetItem | None = None
        for study in self.index.studies:
            who = (study.patient_name, study.birth_date)
            if who not in patients:
                name = patient_name(study.patient_name) or self.tr("A patient with no name")
                born = f", born {study.birth_date}" if study.birth_date else ""
                top = QTreeWidgetItem(self.tree, [self.tr("Patient: {name}{born}").format(
                                                      name=name, born=born)])
                top.setFont(0, bold)
                top.setFirstColumnSpanned(True)
                top.setExpanded(True)
                patients[who] = top
            kinds = ", ".join(p for p in (study.modalities, study.body_parts) if p)
            row = QTreeWidgetItem(patients[who], [
                " · ".join(p for p in (kinds, study.description) if p) or self.tr("Study"),
                study.date, self.tr('%n image(s)', '', study.images), study.institution])
            row.setFont(0, bold)
            row.setExpanded(True)
            for series in study.series:
                label = " · ".join(p for p in (
                    f"Series {series.number}" if series.number is not None else "Series",
                    series.modality, series.body_part, series.description) if p)
                item = QTreeWidgetItem(row, [label, "", self.tr('%n image(s)', '', series.images),
                                             series.institution])
                key = keys.get((study.uid, series.uid))
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                if key is not None and key.png:
                    item.setIcon(0, QIcon(_pixmap(key.png)))
                item.setToolTip(0, label + (self.tr("\nNo key image: {problem}").format(
                                                problem=key.problem)
                                            if key is not None and key.problem else ""))
                first_series = first_series or item
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 400))
        if first_series is not None:
            self.tree.setCurrentItem(first_series)

    def _series_chosen(self, current: QTreeWidgetItem | None, *_: Any) -> None:
        key = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        if key is None:
            return
        if key.png:
            self.picture.setPixmap(_pixmap(key.png).scaled(
                PREVIEW, PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No key image: ") + (key.problem
                                                              or self.tr("none on the disc")))

    def _update_buttons(self) -> None:
        from organizer.disc.save import empty_disc, mismatch

        ready = self.index is not None and not empty_disc(self.index)
        if ready and mismatch(self.index, self.person) and not self.confirm.isChecked():
            ready = False
        self.add_button.setEnabled(ready and not self._busy())

    # saving -------------------------------------------------------------------------

    def _save(self) -> None:
        from organizer.disc.save import mismatch

        if self.index is None:
            return
        index, keys, person_id = self.index, self.keys, self.person.id
        title = self.title.text().strip() or None
        copy = self.copy_images.isChecked()
        force = bool(mismatch(index, self.person)) and self.confirm.isChecked()
        for widget in (self.add_button, self.title, self.copy_images, self.confirm):
            widget.setEnabled(False)
        self.status.setText(self.tr("Adding the disc…"))

        def work(store: Store, progress: Progress) -> Any:
            from organizer.disc.save import save_disc

            return save_disc(store, person_id, index, title=title, copy_images=copy,
                             force=force, keys=keys, progress=progress)

        # on the writer thread; adding the disc is one undo step (ui/operations.py)
        self._wire(self.ctx.start_write(self.tr("Add an imaging disc"), work, initiator=self,
                                        change_of=lambda saved: saved.change), self._saved)

    def _saved(self, saved: Any) -> None:
        self._finished_job()
        self.saved = saved
        self.added.emit(saved)
        self.accept()



def open_disc_dialog(ctx: AppContext, folder: Path, person_id: int,
                     parent: QWidget | None = None) -> DiscDialog:
    """Open the disc preview (non-modal) and start reading the disc."""
    dialog = DiscDialog(ctx, folder, person_id, parent)
    dialog.open()
    dialog.start()
    return dialog


def choose_disc_folder(parent: QWidget, chosen: Any, settings: Settings | None = None
                       ) -> QWidget:
    """Ask for the disc's folder (non-modal); `chosen(Path)` is called with the answer."""
    from ui.file_dialogs import choose_folder

    return choose_folder(parent, "disc", QCoreApplication.translate(
                                             "disc_dialog", "Choose the imaging disc (its drive, "
                                             "or the folder with its DICOMDIR)"), chosen, settings)
