"""“Make packet…” driven like a user would: choose, make (off the GUI thread), look, save,
print; Cancel; the files that could not be included are named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from organizer.storage.store import Store
from tests.helpers.packet_helpers import PATIENT, Household, build_household
from ui.context import AppContext
from ui.dialogs.packet_dialog import PacketDialog, open_packet_dialog


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> tuple[AppContext, Household]:
    house = build_household(store, tmp_path / "files")
    context = AppContext(store)
    context.set_person(house.person_id)
    return context, house


def make(qtbot: Any, dialog: PacketDialog) -> Any:
    with qtbot.waitSignal(dialog.packet_ready, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_make_preview_save_and_print(qtbot: Any, ctx: tuple[AppContext, Household],
                                     tmp_path: Path) -> None:
    context, house = ctx
    dialog = open_packet_dialog(context, None, house.case_id)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.case_box.currentData() == house.case_id
    assert dialog.records.count() == len(house.record_titles)
    result = make(qtbot, dialog)
    assert result.pages == dialog.document.pageCount() > 10
    assert dialog.view.isVisible()
    status = dialog.status.text()
    assert "2 files could not be included" in status and "locked.pdf" in status
    saved = tmp_path / "mine.pdf"
    assert dialog.save_to(saved)
    assert PATIENT in PdfReader(saved).pages[0].extract_text()
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == result.pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == result.pages
    temp = dialog._temp
    dialog.reject()
    assert not temp.exists()  # the private preview copy is gone


def test_choices_reach_the_packet(qtbot: Any, ctx: tuple[AppContext, Household],
                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    context, _ = ctx
    dialog = open_packet_dialog(context, None)
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("a4"))
    for key, box in dialog.section_boxes.items():
        box.setChecked(key in ("summary", "index", "enclosures"))
    dialog._check_all(False)
    dialog.records.item(0).setCheckState(Qt.CheckState.Checked)  # the mammogram only
    dialog.password.setText("opensesame")
    result = make(qtbot, dialog)
    assert result.enclosures == 1 and result.problems == ()
    reader = PdfReader(result.path)
    assert reader.decrypt("opensesame")
    assert round(float(reader.pages[0].mediabox.width)) == 595
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Mammogram page 2" in text and "Pathology page 1" not in text
    opened: list[Any] = []
    monkeypatch.setattr("ui.dialogs.packet_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url) or True)
    assert dialog.open_in_viewer() and opened[0].toLocalFile() == str(result.path)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chooser = dialog.preview.save_dialog  # (ui/file_dialogs.py: non-modal)
    chooser.setDirectory(str(tmp_path))
    chooser.selectFile(str(tmp_path / "chosen"))
    chooser.accept()
    assert (tmp_path / "chosen.pdf").exists()
    dialog.reject()


def test_the_packet_has_its_own_language(qtbot: Any,
                                         ctx: tuple[AppContext, Household]) -> None:
    """The window in English, the packet in Spanish: the person who prints it and the
    doctor who reads it may read different languages."""
    context, _ = ctx
    dialog = open_packet_dialog(context, None)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"  # the window's language by default
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    for key, box in dialog.section_boxes.items():
        box.setChecked(key in ("cover", "summary"))
    result = make(qtbot, dialog)
    text = " ".join(p.extract_text() for p in PdfReader(result.path).pages)
    assert "Página 1 de" in text and "Page 1 of" not in text
    dialog.reject()


def test_cancel_makes_nothing(qtbot: Any, ctx: tuple[AppContext, Household]) -> None:
    context, house = ctx
    dialog = open_packet_dialog(context, None, house.case_id)
    qtbot.addWidget(dialog)
    dialog.make_packet()
    assert dialog.cancel_button.isVisible()
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.cancelled, timeout=60000):
        dialog.cancel()
    assert "Cancelled" in dialog.status.text()
    assert dialog.make_button.isEnabled() and not dialog.cancel_button.isVisible()
    assert not any(dialog._temp.iterdir())
    dialog.reject()


def test_no_person_yet(qtbot: Any, store: Store) -> None:
    dialog = open_packet_dialog(AppContext(store), None)
    qtbot.addWidget(dialog)
    assert not dialog.make_button.isEnabled()
    assert "Add a person first" in dialog.status.text()
    dialog.reject()


@pytest.mark.parametrize(("kind", "expected"), [
    ("medications", "Metformin"), ("questions", "What happens if I wait three months"),
    ("visit-summary", "Mastectomy within 6 weeks"), ("request-letter", "right of access"),
])
def test_printouts_dialog(qtbot: Any, ctx: tuple[AppContext, Household], tmp_path: Path,
                          kind: str, expected: str) -> None:
    from ui.dialogs.printouts_dialog import open_printouts_dialog

    context, house = ctx
    dialog = open_printouts_dialog(context, None, kind, house.case_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.printout_ready, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert dialog.preview.document.pageCount() == result.pages >= 1
    assert dialog.preview.save_to(tmp_path / "out.pdf")
    pages = PdfReader(tmp_path / "out.pdf").pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert expected in text and PATIENT in text
    dialog.reject()


def test_the_request_letter_has_its_own_language(qtbot: Any,
                                                 ctx: tuple[AppContext, Household],
                                                 tmp_path: Path) -> None:
    """The letter asking for records in Spanish, from an English window."""
    from ui.dialogs.printouts_dialog import open_printouts_dialog

    context, house = ctx
    dialog = open_printouts_dialog(context, None, "request-letter", house.case_id)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    with qtbot.waitSignal(dialog.printout_ready, timeout=60000):
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.preview.save_to(tmp_path / "carta.pdf")
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(tmp_path / "carta.pdf").pages)
    assert "right of access" not in text and "45 CFR 164.524" in text
    dialog.reject()


def test_printouts_dialog_says_what_is_missing(qtbot: Any, store: Store) -> None:
    from ui.dialogs.printouts_dialog import open_printouts_dialog

    context = AppContext(store)
    context.set_person(store.add("person", {"full_name": "Anna Kowalska"}).id)
    dialog = open_printouts_dialog(context, None, "request-letter")
    qtbot.addWidget(dialog)
    assert dialog.job is None
    dialog.make()
    assert dialog.job is not None
    # Waiting on the text, not on the job's signal: a fast failure may come before a
    # signal wait could be set up.
    qtbot.waitUntil(lambda: "has no records request yet" in dialog.status.text(),
                    timeout=60000)
    assert dialog.make_button.isEnabled()
    dialog.reject()


def test_the_file_kept_from_an_import_is_not_ticked_for_the_packet(
        qtbot: Any, store: Store, tmp_path: Any) -> None:
    from PySide6.QtCore import Qt

    from ui.dialogs.packet_dialog import open_packet_dialog

    person = store.add("person", {"full_name": "Anna Kowalska"}).id
    kept = tmp_path / "portal.json"
    kept.write_text('{"resourceType": "Bundle"}')
    imported = store.add("record", {"title": "Imported from portal.json", "kind": "imported"},
                         person_id=person).id
    store.attach_file(imported, kept)
    letter = store.add("record", {"title": "Referral letter", "kind": "letter"},
                       person_id=person).id
    context = AppContext(store)
    context.set_person(person)
    dialog = open_packet_dialog(context, None)
    qtbot.addWidget(dialog)
    states = {dialog.records.item(row).data(Qt.ItemDataRole.UserRole):
              dialog.records.item(row).checkState() for row in range(dialog.records.count())}
    assert states == {imported: Qt.CheckState.Unchecked, letter: Qt.CheckState.Checked}
    dialog.reject()
