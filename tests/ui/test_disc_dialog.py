# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The imaging disc preview, driven as a user would (pytest-qt, real discs, real store):
what is on the disc before anything is saved, the warnings, Cancel, and the saved record."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from organizer.items.changes import Change
from organizer.storage.store import Store
from tests.helpers.disc_samples import SeriesSpec, StudySpec, declare_huge, image_files, write_disc
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401

STUDIES = (
    StudySpec(),
    StudySpec(date="20231101", description="Chest CT", institution="City Clinic",
              series=(SeriesSpec("CT", "CHEST", "Lung window", 5, "MONOCHROME1", (-600, 1500)),
                      SeriesSpec("CT", "CHEST", "Soft tissue", 4))),
)


def jane(store: Store) -> int:
    return int(store.add("person", {"full_name": "Jane Doe",
                                    "birth_date": "1950-03-02"}).id)


def open_dialog(qtbot: Any, store: Store, folder: Path, person_id: int) -> Any:
    from ui.context import AppContext
    from ui.dialogs.disc_dialog import open_disc_dialog

    ctx = AppContext(store)
    ctx.set_person(person_id)
    dialog = open_disc_dialog(ctx, folder, person_id, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.index is not None or dialog.cancel_button.text() == "Close",
                    timeout=20000)
    return dialog


def rows(dialog: Any) -> list[QTreeWidgetItem]:
    found: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem) -> None:
        for number in range(item.childCount()):
            found.append(item.child(number))
            walk(item.child(number))

    walk(dialog.tree.invisibleRootItem())
    return found


def test_the_preview_shows_the_disc_and_nothing_is_saved_before_add(
        qtbot: Any, store: Store, tmp_path: Path) -> None:
    person = jane(store)
    dialog = open_dialog(qtbot, store, write_disc(tmp_path / "disc", STUDIES), person)
    texts = [[row.text(c) for c in range(4)] for row in rows(dialog)]
    assert texts[0][0] == "Patient: Jane Doe, born 1950-03-02"
    assert texts[1] == ["CT, CHEST · Chest CT", "2023-11-01", "9 images", "City Clinic"]
    assert texts[2][0] == "Series 1 · CT · CHEST · Lung window" and texts[2][2] == "5 images"
    assert texts[4] == ["MR, HEAD · Brain MRI", "2024-03-02", "3 images", "General Hospital"]
    series = [row for row in rows(dialog) if row.data(0, Qt.ItemDataRole.UserRole)]
    assert len(series) == 3 and all(not row.icon(0).isNull() for row in series)
    assert not dialog.picture.pixmap().isNull()  # the first series' key image, large
    assert not dialog.warning.isVisible()
    assert dialog.add_button.isEnabled()
    assert "2 studies, 12 images on the disc (from its DICOMDIR)" in dialog.status.text()
    assert dialog.copy_images.text().startswith("Copy every image into the organizer (")
    assert not dialog.copy_images.isChecked()
    assert store.list_items("record", person) == []
    changes: list[Change] = []
    dialog.ctx.changed.connect(lambda change, _by: changes.append(change))
    dialog.title.setText("Scans for Dr Chen")
    with qtbot.waitSignal(dialog.added, timeout=20000):
        dialog.add_button.click()
    (record,) = store.list_items("record", person)
    assert record.title == "Scans for Dr Chen" and record.kind == "imaging"
    assert len(record.attachments) == 3  # the key images only
    assert changes and "record" in changes[-1].types


def test_another_patients_disc_must_be_confirmed(qtbot: Any, store: Store,
                                                 tmp_path: Path) -> None:
    person = jane(store)
    disc = write_disc(tmp_path / "disc", patient="SMITH^JOHN", birth="19611224")
    dialog = open_dialog(qtbot, store, disc, person)
    assert dialog.warning.isVisible()
    assert "John Smith, born 24 Dec 1961, not Jane Doe" in dialog.warning_text.text()
    assert not dialog.add_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.add_button.isEnabled()
    with qtbot.waitSignal(dialog.added, timeout=20000):
        dialog.add_button.click()
    assert len(store.list_items("record", person)) == 1


def test_a_viewer_only_disc_cannot_be_added(qtbot: Any, store: Store, tmp_path: Path) -> None:
    person = jane(store)
    disc = tmp_path / "disc"
    disc.mkdir()
    (disc / "viewer.exe").write_bytes(b"MZ" + bytes(64))
    (disc / "autorun.inf").write_text("[autorun]\nopen=viewer.exe\n")
    dialog = open_dialog(qtbot, store, disc, person)
    assert dialog.warning.isVisible() and not dialog.confirm.isVisible()
    assert "holds only a viewer program" in dialog.warning_text.text()
    assert "never run" in dialog.status.text()
    assert not dialog.add_button.isEnabled()


def test_skipped_files_are_listed_and_a_series_without_key_image_says_why(
        qtbot: Any, store: Store, tmp_path: Path) -> None:
    person = jane(store)
    disc = write_disc(tmp_path / "disc", (StudySpec(series=(SeriesSpec(images=1),
                                                            SeriesSpec(images=1))),))
    declare_huge(image_files(disc)[1])
    (disc / "notes.txt").write_text("not an image")
    dialog = open_dialog(qtbot, store, disc, person)
    assert dialog.skipped.isVisible() and "too large to be real" in dialog.skipped.text()
    bad = [r for r in rows(dialog) if r.data(0, Qt.ItemDataRole.UserRole)][1]
    dialog.tree.setCurrentItem(bad)
    assert dialog.picture.text().startswith("No key image: ")
    assert dialog.add_button.isEnabled()


def test_cancel_while_reading_closes_and_saves_nothing(qtbot: Any, store: Store,
                                                       tmp_path: Path,
                                                       monkeypatch: Any) -> None:
    from organizer.disc import index as disc_index
    from ui.context import AppContext
    from ui.dialogs.disc_dialog import open_disc_dialog

    person = jane(store)
    disc = write_disc(tmp_path / "disc", dicomdir=False)
    started = threading.Event()
    real = disc_index.is_dicom_file

    def slow(path: Path) -> bool:  # a slow drive: each file takes a while
        started.set()
        time.sleep(0.2)
        return real(path)
    monkeypatch.setattr(disc_index, "is_dicom_file", slow)
    ctx = AppContext(store)
    dialog = open_disc_dialog(ctx, disc, person, None)
    qtbot.addWidget(dialog)
    assert started.wait(10)
    assert dialog.isVisible()  # the window is not frozen: the dialog is up, reading
    with qtbot.waitSignal(dialog.rejected, timeout=20000):
        dialog.cancel_button.click()
    assert dialog.job is None or not dialog.job.is_running()
    assert store.list_items("record", person) == []


def test_file_menu_and_records_page_open_the_disc_preview(
        qtbot: Any, store: Store, tmp_path: Path, window_factory: Any) -> None:
    from ui.dialogs.disc_dialog import DiscDialog

    person = jane(store)
    window = window_factory()
    window.context.set_person(person)
    assert window.menus.disc.isEnabled()
    assert window.menus.disc.text() == "Add an imaging &disc…"
    disc = write_disc(tmp_path / "disc")
    dialog = window.add_disc(disc)
    assert isinstance(dialog, DiscDialog)
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=20000)
    dialog.reject()
    window.show_section("records")
    page = window.records_page()  # Records shares its place with other tabs
    assert page.disc_button.text() == "Add an imaging disc…"
    dialog = page.add_disc(disc)
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=20000)
    with qtbot.waitSignal(dialog.added, timeout=20000):
        dialog.add_button.click()
    (record,) = store.list_items("record", person)
    qtbot.waitUntil(lambda: page.editor.item is not None and page.editor.item.id == record.id,
                    timeout=5000)
