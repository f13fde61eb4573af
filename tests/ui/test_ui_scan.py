# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Scanned pages in the app: read in the background with progress per page and Cancel,
the record usable before, the text shown beside the page, and a number read offered
only as a suggestion that writes nothing until Save."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from tests.helpers.scan_samples import LETTER, QUALITIES, save, save_multipage_tiff, scanned_page
from tests.helpers.ui_helpers import added_records, settings, window_factory  # noqa: F401

pytestmark = pytest.mark.slow  # pages are really read
OFFICE = QUALITIES[1]


def _wait(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.jobs, timeout=60000)


def test_a_dropped_scan_is_usable_at_once_and_read_in_the_background(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, tmp_path: Path) -> None:
    scan = save(scanned_page(OFFICE), tmp_path / "biopsy report.jpg", OFFICE.dpi)
    window = window_factory()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    started = time.perf_counter()
    (record_id,) = added_records(qtbot, window.add_record_files([scan]))
    page = window.records_page()
    job = page.job
    said: list[str] = []
    page.status.connect(said.append)
    steps: list[tuple[int, int, str]] = []
    job.progress.connect(lambda d, t, w: steps.append((d, t, w)))
    # usable before its pages are read: shown, editable, its file previewed
    assert job.is_running()
    page.show_item("record", record_id)
    page.side.setCurrentWidget(page.files_tab)
    assert page.preview.kind == "image"
    assert "waiting to be read" in page.scan_text.status.text()
    store.update("record", record_id, {"source": "Riverside General"})
    _wait(qtbot, window)
    elapsed = time.perf_counter() - started
    timer.stop()
    assert any("page 1 of 1" in what for _, _, what in steps)
    assert "Reading “biopsy report.jpg”, page 1 of 1" in said  # shown in the status bar
    # The window kept answering while the page was read: the engine lets go of Python's
    # lock while it reads, which takes most of the job (holding it would freeze the window
    # for longer than half the job), on a loaded machine as on a quiet one.
    assert max(gaps) < elapsed / 2
    assert store.get("record", record_id).source == "Riverside General"
    panel = page.scan_text
    assert panel.isVisible() and "check it against the page" in panel.heading.text()
    assert "1 page read" in panel.status.text()
    shown = panel.text.toPlainText()
    assert "Page 1 (read with" in shown and "carcinoma" in shown
    assert [h.id for h in store.search("carcinoma")] == [record_id]


def test_cancel_stops_between_pages_and_keeps_nothing_half_read(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, tmp_path: Path) -> None:
    pages = [scanned_page(OFFICE, LETTER[n:n + 6], seed=n) for n in (0, 6, 12, 0, 6)]
    scan = save_multipage_tiff(pages, tmp_path / "five pages.tif", OFFICE.dpi)
    window = window_factory()
    (record_id,) = added_records(qtbot, window.add_record_files([scan]))
    job = window.records_page().job
    cancelled: list[bool] = []
    job.cancelled.connect(lambda: cancelled.append(True))
    job.progress.connect(lambda d, t, w: job.cancel() if "page 2 of 5" in w else None)
    _wait(qtbot, window)
    assert cancelled == [True]
    (attachment,) = store.get("record", record_id).attachments
    assert attachment.scan_status == "pending" and store.scan_pages(attachment.id) == []
    assert store.get("record", record_id).title == "five pages"  # the record stays


def test_a_result_read_is_only_a_suggestion_until_saved(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, tmp_path: Path) -> None:
    scan = save(scanned_page(OFFICE, LETTER[6:12]), tmp_path / "blood tests.png", OFFICE.dpi)
    record_id = store.add("record", {"title": "Blood tests", "kind": "lab",
                                     "dated_on": "2026-01-12"}, person_id=person_id).id
    store.attach_file(record_id, scan)
    window = window_factory()
    page = window.records_page()
    window.show_section("records")
    page.extract_text()
    _wait(qtbot, window)
    page.show_item("record", record_id)
    page.side.setCurrentWidget(page.files_tab)
    panel = page.scan_text
    labels = [panel.suggestions.itemText(i) for i in range(panel.suggestions.count())]
    assert "Hemoglobin 13.5 g/dL (page 1)" in labels
    assert store.count("result", person_id) == 0  # seen, not filled in

    panel.suggestions.setCurrentIndex(labels.index("Hemoglobin 13.5 g/dL (page 1)"))
    dialog = panel.open_suggestion()
    assert dialog.form.value("value") == "13.5" and dialog.form.value("unit") == "g/dL"
    assert dialog.form.value("observed_on") == "2026-01-12"
    assert store.count("result", person_id) == 0  # the open form writes nothing
    dialog.reject()
    assert store.count("result", person_id) == 0

    dialog = panel.open_suggestion()
    dialog.form.editor("value").setText("13.6")  # the user corrects what was misread
    dialog.save()
    (result,) = store.list_items("result", person_id)
    assert (result.name, result.value, result.unit, result.reference_range) == \
        ("Hemoglobin", "13.6", "g/dL", "12.0-15.5")
    assert "blood tests.png" in result.notes
    window.undo()
    assert store.count("result", person_id) == 0


def test_a_file_added_without_reading_can_be_read_from_the_panel(
        qtbot: Any, window_factory: Any, store: Any, person_id: int, tmp_path: Path) -> None:
    scan = save(scanned_page(OFFICE, LETTER[:5]), tmp_path / "letter.jpg", OFFICE.dpi)
    record_id = store.add("record", {"title": "Letter"}, person_id=person_id).id
    store.attach_file(record_id, scan, read_scan=False)
    window = window_factory()
    window.show_section("records")
    page = window.records_page()
    page.show_item("record", record_id)
    page.side.setCurrentWidget(page.files_tab)
    assert page.scan_text.read_button.isVisible()
    page.scan_text.read_button.click()
    _wait(qtbot, window)
    assert "1 page read" in page.scan_text.status.text()
    assert not page.scan_text.read_button.isVisible()


def test_a_heic_photo_is_previewed_and_read(qtbot: Any, window_factory: Any, store: Any,
                                            person_id: int, tmp_path: Path) -> None:
    from pillow_heif import from_pillow

    path = tmp_path / "phone photo.heic"
    from_pillow(scanned_page(OFFICE, LETTER[:4]).convert("RGB")).save(path, quality=85)
    window = window_factory()
    (record_id,) = added_records(qtbot, window.add_record_files([path]))
    page = window.records_page()
    _wait(qtbot, window)
    page.show_item("record", record_id)
    page.side.setCurrentWidget(page.files_tab)
    assert page.preview.kind == "image"
    assert "pathology" in page.scan_text.text.toPlainText().lower()
