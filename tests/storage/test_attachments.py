"""Attachments: stored once by content hash, privately, text extracted for search; damaged
or locked PDFs are kept; `check` reports altered and missing files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from organizer.opening import open_store
from organizer.safety.check import check_store
from organizer.storage.store import Store
from tests.helpers.cli import run_cli
from tests.helpers.paused_writer import dead_pid


def make_pdf(path: Path, text: str) -> Path:
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return path


def test_a_pdf_is_stored_by_hash_with_its_text_searchable(store: Store, person_id: int,
                                                         tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "mri.pdf", "Moderate central canal stenosis at L4-L5")
    record = store.add("record", {"title": "MRI report", "kind": "imaging"},
                       person_id=person_id).id
    change = store.attach_file(record, pdf)
    attachment = store.get("record", record).attachments[0]  # type: ignore[attr-defined]
    assert change.first.after.attachments == (attachment,)  # type: ignore[union-attr]
    assert attachment.media_type == "application/pdf"
    assert attachment.text_status == "ok"
    stored = store.dirs.files / attachment.sha256
    assert stored.read_bytes() == pdf.read_bytes()
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600
    assert store.read_attachment(attachment) == pdf.read_bytes()
    hits = store.search("canal stenosis")
    assert [(h.type, h.id) for h in hits] == [("record", record)]


def test_identical_files_are_stored_once(store: Store, person_id: int, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", "same")
    copy = tmp_path / "b.pdf"
    copy.write_bytes(pdf.read_bytes())
    for source in (pdf, copy):
        record = store.add("record", {"title": source.name}, person_id=person_id).id
        store.attach_file(record, source)
    assert len(list(store.dirs.files.iterdir())) == 1


def test_damaged_and_locked_pdfs_are_kept_with_unreadable_text(
        store: Store, person_id: int, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj <<< broken")
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=make_pdf(tmp_path / "plain.pdf", "secret text"))
    writer.encrypt("hunter2")
    writer.write(locked)
    record = store.add("record", {"title": "Old letters"}, person_id=person_id).id
    store.attach_file(record, damaged)
    store.attach_file(record, locked)
    statuses = [a.text_status for a in store.get("record", record).attachments]  # type: ignore[attr-defined]
    assert statuses == ["unreadable", "unreadable"]


def test_text_extraction_can_be_deferred(store: Store, person_id: int, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "lab.pdf", "HbA1c 7.2 percent")
    record = store.add("record", {"title": "Lab"}, person_id=person_id).id
    store.attach_file(record, pdf, extract_text=False)
    assert store.search("HbA1c") == []
    pending = store.pending_text()
    assert len(pending) == 1
    store.extract_pending_text(pending[0])
    assert store.pending_text() == []
    assert len(store.search("HbA1c")) == 1


def test_removing_an_attachment_can_be_undone(store: Store, person_id: int,
                                              tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "x.pdf", "x")
    record = store.add("record", {"title": "X"}, person_id=person_id).id
    store.attach_file(record, pdf)
    attachment = store.get("record", record).attachments[0]  # type: ignore[attr-defined]
    store.remove_attachment(attachment.id)
    assert store.get("record", record).attachments == ()  # type: ignore[attr-defined]
    store.restore_attachment(attachment.id)
    assert store.get("record", record).attachments == (attachment,)  # type: ignore[attr-defined]
    assert check_store(store).ok and check_store(store).orphans == []


def test_check_reports_an_altered_and_a_missing_file(store: Store, person_id: int,
                                                     tmp_path: Path) -> None:
    record = store.add("record", {"title": "Letters"}, person_id=person_id).id
    store.attach_file(record, make_pdf(tmp_path / "a.pdf", "first letter"))
    store.attach_file(record, make_pdf(tmp_path / "b.pdf", "second letter"))
    first, second = store.get("record", record).attachments  # type: ignore[attr-defined]
    assert check_store(store).ok
    (store.dirs.files / "stray-file").write_bytes(b"nobody uses me")
    (store.dirs.files / f".tmp-{dead_pid()}-abc").write_bytes(b"half written")  # a crash's
    report = check_store(store)
    assert report.ok and len(report.orphans) == 1 and len(report.leftovers) == 1
    altered = store.dirs.files / first.sha256
    os.chmod(altered, 0o600)
    altered.write_bytes(b"tampered")
    (store.dirs.files / second.sha256).unlink()
    report = check_store(store)
    assert not report.ok
    assert any("altered" in line and "a.pdf" in line for line in report.damage)
    assert any("Missing file" in line and "b.pdf" in line for line in report.damage)
    result = run_cli("check", data_dir=store.root)
    assert result.returncode == 1
    assert "a.pdf" in result.stdout and "b.pdf" in result.stdout
    assert "Traceback" not in result.stderr


def test_leftover_temporary_files_are_cleared_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data).close()
    leftover = data / "files" / f".tmp-{dead_pid()}-deadbeef"
    leftover.write_bytes(b"half")
    open_store(data).close()
    assert not leftover.exists()
