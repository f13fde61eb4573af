# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Where the file dialogs open, and what they remember: imports in Downloads, what the app
saves in Documents, the home folder when those are missing, and each kind the folder it
was last in. The packet remembers "Your name". One helper makes every file dialog."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401
from ui.file_dialogs import KINDS, choose_files, choose_save, start_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with Documents and Downloads."""
    home = tmp_path / "home"
    for name in ("Documents", "Downloads"):
        (home / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    return home


def folder_of(dialog: QFileDialog) -> Path:
    return Path(dialog.directory().absolutePath())


def pick(dialog: QFileDialog, path: Path) -> None:
    """What a user does: choose the file, press Open (or Save)."""
    dialog.setDirectory(str(path.parent))
    dialog.selectFile(str(path))
    dialog.accept()


def test_imports_open_in_downloads_and_outputs_in_documents(home: Path) -> None:
    assert start_folder("import") == home / "Downloads"
    assert start_folder("records") == home / "Downloads"
    for kind in ("packet", "printout", "export", "backup"):
        assert start_folder(kind) == home / "Documents", kind
    assert set(KINDS) >= {"import", "records", "disc", "packet", "printout", "export",
                          "backup"}
    with pytest.raises(KeyError):
        start_folder("elsewhere")


def test_without_those_folders_the_dialogs_open_at_home(home: Path) -> None:
    (home / "Documents").rmdir()
    (home / "Downloads").rmdir()
    assert start_folder("import") == home
    assert start_folder("packet") == home
    assert start_folder("disc").is_dir()


def test_each_kind_remembers_its_own_folder(qtbot: Any, home: Path, settings: Any) -> None:
    portal = home / "Desktop" / "portal"
    portal.mkdir(parents=True)
    (portal / "ccd.xml").write_text("<x/>")
    chosen: list[list[Path]] = []
    dialog = choose_files(None, "import", "Choose", "", chosen.append, settings)
    assert dialog.isVisible() and folder_of(dialog) == home / "Downloads"
    pick(dialog, portal / "ccd.xml")
    assert chosen == [[portal / "ccd.xml"]]
    assert settings.last_folder("import") == portal
    assert folder_of(choose_files(None, "import", "Again", "", chosen.append, settings)) == portal
    # another kind keeps its own
    saved: list[Path] = []
    save = choose_save(None, "packet", "Save", "Packet - Rosa.pdf", "PDF (*.pdf)",
                       saved.append, settings)
    assert folder_of(save) == home / "Documents"
    assert save.selectedFiles()[0].endswith("Packet - Rosa.pdf")
    # a remembered folder that was removed since is not offered
    for file in portal.iterdir():
        file.unlink()
    portal.rmdir()
    assert start_folder("import", settings) == home / "Downloads"


def test_the_windows_dialogs_open_where_they_should(qtbot: Any, home: Path, settings: Any,
                                                  window_factory: Any, person_id: int) -> None:
    window = window_factory()
    window.context.set_person(person_id)
    dialog = window.choose_import_files()
    assert folder_of(dialog) == home / "Downloads"
    dialog.reject()
    dialog = window.choose_record_files()
    assert folder_of(dialog) == home / "Downloads"
    dialog.reject()  # (a file chosen would be added on the writer thread)
    from ui.dialogs.export_dialog import ExportDialog

    export = ExportDialog(window.context, window)
    qtbot.addWidget(export)
    assert Path(export.path.text()).parent == home / "Documents"
    chooser = export._choose()
    assert folder_of(chooser) == home / "Documents"
    chooser.reject()


def test_the_packet_is_saved_in_documents_and_the_folder_remembered(
        qtbot: Any, home: Path, settings: Any, store: Any, person_id: int) -> None:
    from ui.context import AppContext
    from ui.dialogs.packet_dialog import PacketDialog

    context = AppContext(store)
    context.settings = settings
    context.set_person(person_id)
    dialog = PacketDialog(context)
    qtbot.addWidget(dialog)
    made = home / "made.pdf"
    made.write_bytes(b"%PDF-1.4\n%%EOF\n")
    dialog.preview.path = made  # (as if made: the copy is what is tested here)
    chooser = dialog.preview._ask_save()
    assert folder_of(chooser) == home / "Documents"
    elsewhere = home / "Documents" / "Mom"
    elsewhere.mkdir()
    pick(chooser, elsewhere / "Second opinion packet.pdf")
    assert (elsewhere / "Second opinion packet.pdf").exists()
    assert settings.last_folder("packet") == elsewhere
    assert folder_of(dialog.preview._ask_save()) == elsewhere
    dialog.reject()


def test_the_packet_remembers_your_name(qtbot: Any, settings: Any, store: Any) -> None:
    from ui.context import AppContext
    from ui.dialogs.packet_dialog import PacketDialog

    mom = store.add("person", {"full_name": "Rosa Lee", "relationship": "mother"}).id
    dad = store.add("person", {"full_name": "Tom Lee", "relationship": "father"}).id
    me = store.add("person", {"full_name": "Sarah Lee", "relationship": "self"}).id
    context = AppContext(store)
    context.settings = settings

    def dialog_for(person: int) -> PacketDialog:
        context.set_person(person)
        dialog = PacketDialog(context)
        qtbot.addWidget(dialog)
        return dialog

    first = dialog_for(mom)
    assert first.prepared_by.text() == ""
    first.prepared_by.setText("Sarah Lee (daughter)")
    first.make_packet()  # the name is kept when the packet is made
    assert first.job is not None
    first.job.cancel()
    qtbot.waitUntil(lambda: not first.job.is_running(), timeout=60000)
    first.reject()
    assert dialog_for(mom).prepared_by.text() == "Sarah Lee (daughter)"
    assert dialog_for(dad).prepared_by.text() == "Sarah Lee (daughter)"  # offered
    assert dialog_for(me).prepared_by.text() == ""  # her own packet: she is the patient
    # emptied for one person stays empty for that person
    again = dialog_for(dad)
    again.prepared_by.setText("")
    again.make_packet()
    assert again.job is not None
    again.job.cancel()
    qtbot.waitUntil(lambda: not again.job.is_running(), timeout=60000)
    assert dialog_for(dad).prepared_by.text() == ""
    assert dialog_for(mom).prepared_by.text() == "Sarah Lee (daughter)"
    # a context without settings (a dialog on its own) remembers nothing
    context.settings = None
    assert dialog_for(mom).prepared_by.text() == ""


def test_every_file_dialog_goes_through_the_one_helper() -> None:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "file_dialogs.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"QFileDialog\(|QFileDialog\.get|getOpenFileName|getSaveFileName|"
                         r"getExistingDirectory", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, found
