# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Records: dropping files makes records (text read off the GUI thread), the preview,
the system viewer on a private copy, sending status, and attaching more files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.helpers.ui_helpers import added_records, settings, type_into, window_factory  # noqa: F401


def make_pdf(path: Path, text: str) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return path


def drop(widget: Any, paths: list[Path], at: Any = None) -> QDropEvent:
    """A real drop event carrying file URLs, delivered as Qt would deliver it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    position = QPointF(at if at is not None else widget.rect().center())
    event = QDropEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    return event


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "ct_scan report.pdf", "Hemoglobin thirteen point two")


def test_dropping_a_pdf_makes_a_record_shows_it_and_makes_its_text_searchable(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, pdf: Path,
        tmp_path: Path) -> None:
    note = tmp_path / "questions.txt"
    note.write_text("Ask about the biopsy", encoding="utf-8")
    window = window_factory()
    window.show_section("overview")
    event = drop(window, [pdf, note])
    assert event.isAccepted()
    # written on the writer thread; the text is read once the write has landed
    qtbot.waitUntil(lambda: window.records_page().job is not None, timeout=20000)
    assert window.context.undo_stack.count() == 1
    records = store.list_items("record", person_id)
    assert sorted(r.title for r in records) == ["ct scan report", "questions"]
    scan = next(r for r in records if r.title == "ct scan report")
    assert scan.kind == "imaging" and scan.attachments[0].filename == pdf.name
    assert window.current_key() == "records"
    page = window.records_page()
    job = page.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.is_running() and not window.jobs, timeout=20000)
    assert store.pending_text() == []
    assert [h.id for h in store.search("hemoglobin")] == [scan.id]

    page.show_item("record", scan.id)
    page.side.setCurrentWidget(page.files_tab)
    assert page.preview.kind == "pdf" and page.preview.page_count() == 1

    # The drop is one undoable step.
    window.undo()
    assert store.list_items("record", person_id) == []


def test_preview_of_an_image_and_a_text_file_and_opening_a_private_copy(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, tmp_path: Path,
        monkeypatch: Any) -> None:
    from PySide6.QtGui import QColor, QDesktopServices, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    picture = tmp_path / "rash.png"
    image.save(str(picture))
    window = window_factory()
    ids = added_records(qtbot, window.add_record_files([picture]))
    page = window.records_page()
    page.show_item("record", ids[0])
    page.side.setCurrentWidget(page.files_tab)
    assert page.preview.kind == "image"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page.open_current_file()
    copy = Path(opened[0].toLocalFile())
    assert copy.read_bytes() == picture.read_bytes() and copy.name == "rash.png"
    assert copy.stat().st_mode & 0o077 == 0  # only this user can read it
    qtbot.waitUntil(lambda: not window.jobs, timeout=20000)


def test_dropping_on_the_files_tab_attaches_to_the_chosen_record(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, pdf: Path,
        tmp_path: Path) -> None:
    record_id = store.add("record", {"title": "Biopsy report"}, person_id=person_id).id
    window = window_factory()
    window.show_section("records")
    page = window.records_page()
    page.show_item("record", record_id)
    page.side.setCurrentWidget(page.files_tab)
    at = page.files_tab.mapTo(page, page.files_tab.rect().center())
    drop(page, [pdf], at)
    qtbot.waitUntil(lambda: page.files.count() == 1, timeout=20000)
    assert [a.filename for a in store.get("record", record_id).attachments] == [pdf.name]
    assert page.files.count() == 1
    page.remove_current_file()
    assert store.get("record", record_id).attachments == ()
    window.undo()
    assert len(store.get("record", record_id).attachments) == 1
    qtbot.waitUntil(lambda: not window.jobs, timeout=20000)


def test_sending_status_per_recipient(qtbot: Any, qtmodeltester: Any, window_factory: Any,
                                      store: Any, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dr Okafor"}, person_id=person_id).id
    record_id = store.add("record", {"title": "Pathology slides", "physical": True,
                                     "location": "Hospital lab, block B"},
                          person_id=person_id).id
    window = window_factory()
    window.show_section("records")
    page = window.records_page()
    page.show_item("record", record_id)
    assert "Hospital lab" in page.proxy.index(0, 4).data()
    page.side.setCurrentWidget(page.sendings)
    sendings = page.sendings
    sendings.add_new()
    combo = sendings.editor.form.editor("recipient_id")
    combo.setCurrentIndex(combo.findData(doctor))
    [sending] = store.list_items("sending", person_id)
    assert sending.record_id == record_id and sending.recipient_id == doctor
    assert sending.status == "requested"
    type_into(qtbot, sendings.editor.form.editor("tracking"), "1Z999")
    status = sendings.editor.form.editor("status")
    status.setCurrentIndex(status.findData("sent"))
    sending = store.get("sending", sending.id)
    assert sending.tracking == "1Z999" and sending.status == "sent"
    assert sendings.model.rowCount() == 1
    assert sendings.proxy.index(0, 0).data() == "Dr Okafor"
    qtmodeltester.check(sendings.proxy)


def test_records_requests_need_a_doctor_and_say_so(qtbot: Any, window_factory: Any,
                                                   store: Any, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dr Okafor"}, person_id=person_id).id
    window = window_factory()
    outer = window.show_section("records")
    outer.tabs.setCurrentIndex(1)
    page = outer.pages[1]
    page.add_new()
    form = page.editor.form
    type_into(qtbot, form.editor("records"), "All scans from 2025")
    page.flush()
    assert store.list_items("request", person_id) == []  # the doctor is still missing
    assert page.unsaved()
    combo = form.editor("provider_id")
    combo.setCurrentIndex(combo.findData(doctor))
    [request] = store.list_items("request", person_id)
    assert request.records == "All scans from 2025" and request.asked_on


def test_dropping_a_portal_file_opens_the_import_preview_not_a_record(
        window_factory: Any, store: Any, person_id: int, qtbot: Any) -> None:
    from tests.helpers.cli import ROOT
    from ui.dialogs.import_dialog import ImportDialog

    window = window_factory()
    bundle = ROOT / "tests" / "data" / "fhir_messy_bundle.json"
    drop(window, [bundle])
    dialogs = window.findChildren(ImportDialog)
    assert len(dialogs) == 1 and dialogs[0].paths == [bundle]
    assert store.list_items("record", person_id) == []  # nothing added before the preview
    qtbot.waitUntil(lambda: dialogs[0].job is None or not dialogs[0].job.is_running(),
                    timeout=10000)
    dialogs[0].close()


def test_file_menu_opens_export_for_the_person(window_factory: Any, store: Any,
                                               person_id: int) -> None:
    from ui.dialogs.export_dialog import ExportDialog

    window = window_factory()
    window.menus.export.trigger()
    assert [d.isVisible() for d in window.findChildren(ExportDialog)] == [True]
