"""The import preview and the export dialog, driven as a user would (pytest-qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from organizer.interop.parsed import Proposed
from organizer.items.changes import Change
from organizer.storage.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
MESSY = DATA / "fhir_messy_bundle.json"


def _context(store: Store) -> Any:
    from ui.context import AppContext

    return AppContext(store)


def _rows(dialog: Any) -> list[QTreeWidgetItem]:
    found = []

    def walk(item: QTreeWidgetItem) -> None:
        for number in range(item.childCount()):
            child = item.child(number)
            if isinstance(child.data(0, Qt.ItemDataRole.UserRole), Proposed):
                found.append(child)
            walk(child)

    walk(dialog.tree.invisibleRootItem())
    return found


def test_preview_marks_duplicates_and_imports_only_what_is_ticked(
        qtbot: Any, store: Store, tmp_path: Path) -> None:
    from ui.dialogs.import_dialog import open_import_dialog

    person_id = store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id
    store.add("condition", {"name": "Breast cancer", "diagnosed_on": "2025-11"},
              person_id=person_id)
    ctx = _context(store)
    ctx.set_person(person_id)
    changes: list[Change] = []
    ctx.changed.connect(lambda change, _by: changes.append(change))
    dialog = open_import_dialog(ctx, [MESSY], None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    rows = _rows(dialog)
    dupes = [r for r in rows if r.data(0, Qt.ItemDataRole.UserRole).duplicate]
    assert len(dupes) == 1 and "already in the organizer" in dupes[0].text(0)
    assert dupes[0].checkState(0) == Qt.CheckState.Unchecked
    results = next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole).type == "result")
    results.setCheckState(0, Qt.CheckState.Unchecked)  # the user does not want this one
    assert "will be added" in dialog.status.text()
    dialog.tree.grab().save(str(tmp_path / "preview.png"))
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert changes and "medication" in changes[-1].types
    assert store.count("condition", person_id) == 2  # the typed one + the new one
    assert store.count("result", person_id) == 3  # one of four unticked
    assert store.count("medication", person_id) == 1
    assert not dialog.isVisible()
    assert not dialog.mismatch_box.isVisible()  # the file is about Zofia


def test_a_file_about_someone_else_must_be_confirmed(
        qtbot: Any, store: Store, person_id: int, tmp_path: Path) -> None:
    from ui.dialogs.import_dialog import open_import_dialog

    ctx = _context(store)
    ctx.set_person(person_id)  # Anna Kowalska; the file is about Zofia Nowak-Testowa
    dialog = open_import_dialog(ctx, [MESSY], None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mismatch_box.isVisible(), timeout=10000)
    warning = dialog.mismatch_text.text()
    assert "Zofia Nowak-Testowa, born 29 Feb 1948" in warning
    assert "Anna Kowalska, born 2 Mar 1950" in warning
    assert dialog.mismatch_confirm.text() == "Yes, this file is about Anna Kowalska"
    assert not dialog.mismatch_confirm.isChecked()
    assert _rows(dialog) and not dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "mismatch.png"))
    dialog.import_button.click()  # disabled: nothing happens
    assert store.count("condition", person_id) == 0
    dialog.mismatch_confirm.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert store.count("condition", person_id) == 2
    anna = store.person(person_id)
    assert (anna.sex, anna.no_known_allergies) == (None, False)  # her details untouched


def test_choosing_another_person_asks_again(qtbot: Any, store: Store, person_id: int
                                             ) -> None:
    from ui.dialogs.import_dialog import open_import_dialog

    zofia = store.add("person", {"full_name": "Zofia Nowak-Testowa"}).id
    ctx = _context(store)
    ctx.set_person(person_id)
    dialog = open_import_dialog(ctx, [MESSY], None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.mismatch_box.isVisible(), timeout=10000)
    dialog.mismatch_confirm.setChecked(True)
    dialog.person.setCurrentIndex(dialog.person.findData(zofia))
    assert not dialog.mismatch_box.isVisible() and dialog.import_button.isEnabled()
    dialog.person.setCurrentIndex(dialog.person.findData(person_id))
    assert dialog.mismatch_box.isVisible() and not dialog.mismatch_confirm.isChecked()
    assert not dialog.import_button.isEnabled()


def test_refused_file_is_explained_and_nothing_can_be_imported(
        qtbot: Any, store: Store, person_id: int) -> None:
    from ui.dialogs.import_dialog import open_import_dialog

    ctx = _context(store)
    dialog = open_import_dialog(ctx, [DATA / "billion_laughs.xml"], None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.refused.isVisible(), timeout=10000)
    assert "not allowed, for safety" in dialog.refused.text()
    assert not dialog.import_button.isEnabled()
    dialog.cancel_button.click()
    assert store.count("record", person_id) == 0


def test_new_person_from_the_file(qtbot: Any, store: Store) -> None:
    from ui.dialogs.import_dialog import NEW_PERSON, open_import_dialog

    ctx = _context(store)
    dialog = open_import_dialog(ctx, [DATA / "c32_older.xml", DATA / "fhir_bulk.ndjson"], None)
    qtbot.addWidget(dialog)
    assert dialog.person.currentData() == NEW_PERSON  # nobody is chosen yet
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert sorted(p.full_name for p in store.people()) == ["Nils Example", "Olga Testperson"]
    assert ctx.person_id is not None


def test_export_dialog_writes_the_chosen_format(qtbot: Any, store: Store, person_id: int,
                                                tmp_path: Path) -> None:
    from ui.dialogs.export_dialog import open_export_dialog

    store.add("visit", {"scheduled_at": "2026-02-10 09:30", "purpose": "Consult"},
              person_id=person_id)
    ctx = _context(store)
    ctx.set_person(person_id)
    dialog = open_export_dialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.radios["ics"].setChecked(True)
    assert dialog.path.text().endswith(".ics")
    out = tmp_path / "visits.ics"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "Saved to" in dialog.status.text()
    dialog.path.setText(str(tmp_path / "missing" / "x.ics"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "does not exist" in dialog.status.text(), timeout=10000)
