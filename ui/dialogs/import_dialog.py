"""The import preview: read the files off the GUI thread, show what would be added, let
the user untick what they do not want, then import in one transaction (in a worker).

Items already in the organizer are shown, marked, and unticked. Nothing is written until
the user presses Import; a refused file is explained in plain words and changes nothing.
When a file names a different patient from the person chosen, a warning names both and
Import stays disabled until the user ticks "Yes, this file is about <person>". All the
files are imported in one transaction: every one of them, or none.

Signals:
    imported(object): the list of `organizer.interop.plan.ImportResult`, after success.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import OrganizerError
from organizer.interop.parsed import ParsedFile, Proposed
from organizer.interop.plan import (
    ImportPlan,
    ImportResult,
    apply_plans,
    count_words,
    make_plan,
)
from organizer.items.changes import Change
from organizer.items.models import TYPES
from organizer.progress import Progress
from organizer.storage.store import Store
from ui.context import AppContext
from ui.dialogs.job_dialog import JobDialog
from ui.item_words import field_label, type_plural
from ui.screen_fit import fit_to_screen
from ui.worker import Job

NEW_PERSON = -1
_ORDER = list(TYPES)


class ImportDialog(JobDialog):
    imported = Signal(object)

    def __init__(self, ctx: AppContext, paths: list[Path], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.paths = [Path(p) for p in paths]
        self.parsed: list[tuple[Path, ParsedFile]] = []
        self.plans: list[tuple[Path, ImportPlan]] = []
        self.refusals: list[str] = []
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import health records"))
        fit_to_screen(self, 720, 560, self.parentWidget())

        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading the file…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What is happening"))
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)

        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Whose records these are"))
        for person in ctx.store.people():
            self.person.addItem(person.full_name, person.id)
        self.person.addItem(self.tr("Someone new (the patient named in the file)"), NEW_PERSON)
        current = self.person.findData(ctx.person_id) if ctx.person_id is not None else -1
        self.person.setCurrentIndex(current if current >= 0 else self.person.count() - 1)
        self.person.currentIndexChanged.connect(self._replan)
        form.addRow(self.tr("Import for:"), self.person)
        layout.addLayout(form)

        # A file about someone else: said loudly, and confirmed by hand before Import.
        self.mismatch_box = QFrame()
        self.mismatch_box.setObjectName("mismatchBox")
        self.mismatch_box.setStyleSheet(
            "#mismatchBox { background: #fff4d6; border: 2px solid #b36b00; "
            "border-radius: 6px; } #mismatchBox QLabel { color: #3d2600; "
            "background: transparent; }")
        box = QVBoxLayout(self.mismatch_box)
        self.mismatch_title = QLabel(self.tr("This may be someone else’s record"))
        heading = QFont()
        heading.setBold(True)
        heading.setPointSizeF(heading.pointSizeF() * 1.15 if heading.pointSizeF() > 0
                              else 11)
        self.mismatch_title.setFont(heading)
        box.addWidget(self.mismatch_title)
        self.mismatch_text = QLabel()
        self.mismatch_text.setWordWrap(True)
        self.mismatch_text.setAccessibleName(self.tr("Warning: the file names another patient"))
        box.addWidget(self.mismatch_text)
        self.mismatch_confirm = QCheckBox()
        self.mismatch_confirm.toggled.connect(self._confirm_toggled)
        box.addWidget(self.mismatch_confirm)
        self.mismatch_box.hide()
        layout.addWidget(self.mismatch_box)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("What will be added; untick what you do not want"))
        self.tree.itemChanged.connect(self._item_changed)
        layout.addWidget(self.tree, 1)
        self.refused = QLabel()
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet("color: #a40000;")
        self.refused.hide()
        layout.addWidget(self.refused)

        self.buttons = QDialogButtonBox()
        self.import_button = self.action_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._apply)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)

    # reading ------------------------------------------------------------------------

    def start(self) -> None:
        """Read every file in a worker; the preview fills in when it is done."""
        paths = list(self.paths)

        def work(progress: Progress) -> list[tuple[Path, ParsedFile | str]]:
            from organizer.interop.reader import read_file

            out: list[tuple[Path, ParsedFile | str]] = []
            for path in paths:
                try:
                    out.append((path, read_file(path, progress)))
                except OrganizerError as exc:
                    out.append((path, str(exc)))
            return out

        self._run(work, self._read_done)

    def _read_done(self, results: list[tuple[Path, ParsedFile | str]]) -> None:
        self._finished_job()
        self.progress.hide()
        self.parsed = [(p, r) for p, r in results if isinstance(r, ParsedFile)]
        self.refusals = [r for _, r in results if isinstance(r, str)]
        if self.refusals:
            self.refused.setText("\n".join(self.refusals))
            self.refused.show()
        self._replan()

    def _replan(self) -> None:
        """Compare the files with the chosen person's items (quick reads, on this thread)."""
        if not self.parsed:
            self.status.setText(self.tr("Nothing can be imported.") if self.refusals else "")
            self.import_button.setEnabled(False)
            return
        person = self.person.currentData()
        person_id = None if person == NEW_PERSON else int(person)
        self.plans = []
        problems = list(self.refusals)
        for path, parsed in self.parsed:
            for item in parsed.items:  # a fresh comparison for every choice of person
                item.duplicate, item.existing_id, item.same_as, item.include = (
                    False, None, None, True)
            try:
                self.plans.append((path, make_plan(self.ctx.store, parsed, person_id)))
            except OrganizerError as exc:
                problems.append(str(exc))
        self.refused.setText("\n".join(problems))
        self.refused.setVisible(bool(problems))
        self._show_mismatch()
        self._fill_tree()

    def _mismatched(self) -> list[ImportPlan]:
        return [plan for _, plan in self.plans if plan.mismatch is not None]

    def _show_mismatch(self) -> None:
        """Warn, naming both people, when a file names another patient; the box to tick
        starts unticked every time the person or the files change."""
        mismatched = self._mismatched()
        self.mismatch_confirm.blockSignals(True)
        self.mismatch_confirm.setChecked(False)
        self.mismatch_confirm.blockSignals(False)
        if not mismatched:
            self.mismatch_box.hide()
            return
        texts = [plan.mismatch.warning() for plan in mismatched if plan.mismatch]
        name = mismatched[0].person_name
        files = self.tr("these files") if len(texts) > 1 else self.tr("the file")
        self.mismatch_text.setText("\n\n".join(texts) + self.tr(
            "\n\nNothing from {value} will change {name}’s own details.").format(
                value=files,
                                                            name=name))
        self.mismatch_confirm.setText(
            self.tr("Yes, {value} about {name}").format(
                value=self.tr("these files are") if len(texts) > 1 else self.tr("this file is"),
                name=name))
        self.mismatch_box.show()

    def _confirm_toggled(self, checked: bool) -> None:
        for plan in self._mismatched():
            plan.confirmed = checked
        self._update_summary()

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        several = len(self.plans) > 1
        bold = QFont()
        bold.setBold(True)
        for path, plan in self.plans:
            parent: QTreeWidget | QTreeWidgetItem = self.tree
            if several:
                top = QTreeWidgetItem(self.tree, [path.name])
                top.setFont(0, bold)
                top.setExpanded(True)
                parent = top
            groups: dict[str, list[Proposed]] = {}
            for item in plan.items:
                groups.setdefault(item.type, []).append(item)
            if plan.person_values:
                label = (self.tr("New person: ") + plan.person_name if plan.person_id is None else
                         self.tr("Fill in {person_name}’s empty details: ").format(
                             person_name=plan.person_name) +
                         ", ".join(field_label(TYPES["person"].specs()[k]).lower()
                                   for k in plan.person_values))
                QTreeWidgetItem(parent, [label])
            if plan.already is not None:
                QTreeWidgetItem(parent, [self.tr("This file was already imported for {value}; "
                                                 "nothing new.").format(
                                             value=plan.already.get('full_name'))])
            for type_name in sorted(groups, key=_ORDER.index):
                items = groups[type_name]
                new = sum(1 for i in items if not i.duplicate)
                group = QTreeWidgetItem(parent, [f"{type_plural(TYPES[type_name])} ({new} new)"])
                group.setFont(0, bold)
                group.setFlags(group.flags() | Qt.ItemFlag.ItemIsUserCheckable |
                               Qt.ItemFlag.ItemIsAutoTristate)
                for item in items:
                    text = item.label
                    if item.same_as:
                        text += self.tr("   — listed twice in the file")
                    elif item.duplicate:
                        text += self.tr("   — already in the organizer")
                    row = QTreeWidgetItem(group, [text])
                    row.setData(0, Qt.ItemDataRole.UserRole, item)
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(0, Qt.CheckState.Checked if item.include
                                      else Qt.CheckState.Unchecked)
                    if item.duplicate:
                        row.setForeground(0, self.palette().placeholderText())
                group.setExpanded(new <= 12)
            if plan.parsed.skipped:
                skipped = sum(plan.parsed.skipped.values())
                note = QTreeWidgetItem(parent, [
                    self.tr("Not imported: {skipped} entries with no place in the organizer, or "
                            "nothing to keep (point here to see which)").format(skipped=skipped)])
                note.setToolTip(0, ", ".join(f"{n} {w}" for w, n in
                                             plan.parsed.skipped.most_common()))
        self.tree.blockSignals(False)
        self._update_summary()

    def _item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        item = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(item, Proposed):
            item.include = row.checkState(0) == Qt.CheckState.Checked
            self._update_summary()

    def _update_summary(self) -> None:
        total = sum(1 for _, plan in self.plans for i in plan.items if i.include)
        new_people = sum(1 for _, plan in self.plans
                         if plan.person_id is None and plan.already is None)
        dupes = sum(1 for _, plan in self.plans for i in plan.items if i.duplicate)
        if not self.plans:
            self.status.setText(self.tr("Nothing can be imported."))
        else:
            parts = [self.tr("%n item(s) will be added", "", total)]
            if dupes:
                parts.append(self.tr("{dupes} already in the organizer (unticked)").format(
                                 dupes=dupes))
            self.status.setText("; ".join(parts) + self.tr(". Untick anything you do not want."))
        can = bool(self.plans) and any(
            total or new_people or plan.person_values for _, plan in self.plans)
        confirmed = all(plan.confirmed for plan in self._mismatched())
        if not confirmed:
            self.status.setText(self.tr("The file names another patient: check the warning below "
                                        "before importing."))
        self.import_button.setEnabled(can and confirmed and not self._busy())

    # applying -----------------------------------------------------------------------

    def _apply(self) -> None:
        plans = list(self.plans)
        if not all(plan.confirmed for plan in self._mismatched()):
            return
        self.import_button.setEnabled(False)
        self.person.setEnabled(False)
        self.mismatch_confirm.setEnabled(False)
        self.tree.setEnabled(False)
        self.status.setText(self.tr("Importing…"))

        def work(store: Store, progress: Progress) -> list[Any]:
            return apply_plans(store, plans, progress)  # every file in one transaction

        names = [path.name for path, _ in plans]
        what = f"“{names[0]}”" if len(names) == 1 else f"{len(names)} files"
        # on the writer thread; the whole import is one undo step (ui/operations.py)
        self._wire(self.ctx.start_write(self.tr("Import {what}").format(what=what), work,
                                        initiator=self,
                                        change_of=all_changes), self._applied)

    def _applied(self, results: list[Any]) -> None:
        self._finished_job()
        if results and self.person.currentData() == NEW_PERSON:
            self.ctx.set_person(results[-1].person_id)
        added: dict[str, int] = {}
        for result in results:
            for type_name, count in result.added.items():
                added[type_name] = added.get(type_name, 0) + count
        self.summary = ", ".join(f"{n} {count_words(t, n)}" for t, n in added.items())
        self.imported.emit(results)
        self.accept()



def all_changes(results: list[ImportResult]) -> Change:
    """One Change for an import of several files: one undo step takes them all back."""
    change = Change()
    for result in results:
        change = change + result.change
    return change


def open_import_dialog(ctx: AppContext, paths: list[Path], parent: QWidget | None = None
                       ) -> ImportDialog:
    """Open the import preview for some files (non-modal) and start reading them."""
    dialog = ImportDialog(ctx, paths, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    dialog.start()
    return dialog
