"""“Printouts…”: the medication list, the question sheet, the visit summary for the primary
doctor, or the records request letter, made in the background, shown, saved or printed.

`open_printouts_dialog(ctx, parent, kind=None, case_id=None)` opens it (non-modal).

Signals:
    printout_ready(object): the `PrintoutResult` once a printout has been made and shown.
"""

from __future__ import annotations

import shutil
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organizer.items.models import Case, Request, Visit
from organizer.packet.options import PacketOptions, default_page_size
from organizer.packet.printouts import TITLES
from organizer.packet.text import format_date
from ui.context import AppContext
from ui.dialogs.packet_dialog import PdfPreview
from ui.screen_fit import fit_to_screen, narrow_combo
from ui.worker import Job


def open_printouts_dialog(ctx: AppContext, parent: QWidget | None = None,
                          kind: str | None = None,
                          case_id: int | None = None) -> PrintoutsDialog:
    dialog = PrintoutsDialog(ctx, parent, kind, case_id)
    dialog.setModal(False)
    dialog.show()
    return dialog


class PrintoutsDialog(QDialog):
    printout_ready = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 kind: str | None = None, case_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Printouts"))
        fit_to_screen(self, 1000, 700, self.parentWidget())
        self.job: Job | None = None
        self._temp = ctx.store.dirs.new_scratch()  # private, never /tmp (organizer.paths)
        store = ctx.store
        people = store.people()
        self.person = (store.person(ctx.person_id) if ctx.person_id is not None
                       else (people[0] if people else None))
        pid = self.person.id if self.person else None

        splitter = QSplitter()
        QVBoxLayout(self).addWidget(splitter)
        side = QWidget()
        column = QVBoxLayout(side)
        form = QFormLayout()
        # a label above its field when the two do not fit side by side (large text)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind = self._combo(self.tr("Printout"), [(title, key) for key,
                                                      title in TITLES.items()],
                                kind)
        form.addRow(self.tr("Printout:"), self.kind)
        cases = [c for c in store.list_items("case", pid)] if pid else []
        self.case_box = self._combo(self.tr("Second opinion"), [(self.tr("None"), None)] + [
            (c.title, c.id) for c in cases if isinstance(c, Case)], case_id)
        form.addRow(self.tr("Second opinion:"), self.case_box)
        visits = [v for v in store.list_items("visit", pid)] if pid else []
        self.visit_box = self._combo(self.tr("Visit"), [(self.tr("The latest visit"), None)] + [
            (f"{format_date(v.scheduled_at)} {v.purpose or ''}".strip(), v.id)
            for v in visits if isinstance(v, Visit)], None)
        form.addRow(self.tr("Visit (for the summary):"), self.visit_box)
        requests = [r for r in store.list_items("request", pid)] if pid else []
        self.request_box = self._combo(self.tr("Records request"), [(self.tr("The latest request"),
                                                                     None)] + [
            (f"{format_date(r.asked_on)}: {r.records[:50]}", r.id)
            for r in requests if isinstance(r, Request)], None)
        form.addRow(self.tr("Request (for the letter):"), self.request_box)
        self.page_size = self._combo(self.tr("Paper size"), [(self.tr("Letter (US)"), "letter"),
                                                             ("A4", "a4")],
                                     default_page_size())
        form.addRow(self.tr("Paper size:"), self.page_size)
        # a printout's (and the letter's) own language: who prints it and who reads it may
        # read another than the window's (each language named in its own words)
        from ui import i18n

        self.language = self._combo(self.tr("Language of the printout"),
                                    list((name, code) for code, name
                                         in i18n.LANGUAGE_NAMES.items()),
                                    i18n.current_language())
        form.addRow(self.tr("Language of the printout:"), self.language)
        column.addLayout(form)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addStretch()
        buttons = QHBoxLayout()
        self.make_button = QPushButton(self.tr("Make"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.make_button)
        buttons.addStretch()
        buttons.addWidget(close)
        column.addLayout(buttons)
        splitter.addWidget(side)
        self.preview = PdfPreview(self.suggested_name, self.status, ctx.store.root,
                                  settings=ctx.settings, kind="printout")
        splitter.addWidget(self.preview)
        splitter.setSizes([360, 640])
        if self.person is None:
            self.make_button.setEnabled(False)
            self.status.setText(self.tr("Add a person first."))
        self.finished.connect(self._cleanup)

    def _combo(self, name: str, items: list[tuple[str, Any]], current: Any) -> QComboBox:
        box = narrow_combo(QComboBox())
        box.setAccessibleName(name)
        for text, data in items:
            box.addItem(text, data)
        index = box.findData(current) if current is not None else -1
        if index >= 0:
            box.setCurrentIndex(index)
        return box

    def suggested_name(self) -> str:
        name = self.person.full_name if self.person else ""
        return f"{TITLES[str(self.kind.currentData())]} - {name}.pdf"

    def make(self) -> None:
        if self.person is None or (self.job is not None and self.job.is_running()):
            return
        root, pid = self.ctx.store.root, self.person.id
        kind, case_id = str(self.kind.currentData()), self.case_box.currentData()
        visit, request = self.visit_box.currentData(), self.request_box.currentData()
        options = PacketOptions(page_size=str(self.page_size.currentData()),
                                language=str(self.language.currentData()))
        target = self._temp / f"printout-{len(list(self._temp.iterdir())) + 1}.pdf"

        def work(progress: Any) -> Any:
            from organizer.opening import open_store
            from organizer.packet.printouts import make_printout

            with open_store(root) as store:
                return make_printout(store, pid, kind, target, options, case_id=case_id,
                                     visit=visit, request=request)

        self.job = Job(work, self)
        self.job.succeeded.connect(self._on_done)
        self.job.failed.connect(lambda message: self._finish(message))
        self.make_button.setEnabled(False)
        self.status.setText(self.tr("Making it…"))
        self.job.start()

    def _finish(self, message: str) -> None:
        self.make_button.setEnabled(True)
        self.status.setText(message)

    def _on_done(self, result: Any) -> None:
        self.preview.show_pdf(result.path)
        self._finish(self.tr("Ready: the {what}, %n page(s). Save it, open it or print it.",
                             "", result.pages).format(what=result.what))
        self.printout_ready.emit(result)

    def _cleanup(self) -> None:
        if self.job is not None and self.job.is_running():
            self.job.wait(30000)
        self.preview.close_document()
        shutil.rmtree(self._temp, ignore_errors=True)
