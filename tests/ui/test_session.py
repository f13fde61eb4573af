"""The app's session on one data folder: one app per folder, unlock, lock, backups,
turning encryption on, restoring — driven through the real windows and a real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from organizer.opening import open_store
from organizer.storage import crypto
from ui.session import Session
from ui.settings import Settings

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def session_factory(tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    made: list[Session] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def make(root: Path) -> Session:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"),
                                      QSettings.Format.IniFormat))
        session = Session(root, settings)
        made.append(session)
        return session

    yield make
    for session in made:
        if session.window is not None:
            session.window.close()
        if session.unlock_dialog is not None:
            session.unlock_dialog.close()
        if session.instance is not None:
            session.instance.release()
    crypto.forget_keys()
    app.setQuitOnLastWindowClosed(True)


def _people(root: Path) -> list[str]:
    with open_store(root) as store:
        return [p.full_name for p in store.people()]


def test_a_plain_store_opens_its_window_and_a_second_app_is_refused(
        session_factory: Any, data_dir: Path) -> None:
    open_store(data_dir).close()
    first = session_factory(data_dir)
    assert first.start()
    assert first.window is not None and first.window.isVisible()
    menus = [a.text() for a in first.window.menuBar().actions()]
    assert "&Security" in menus and menus[-1] == "&Help"
    second = session_factory(data_dir)
    assert not second.start()


def test_the_session_adds_its_menus_beside_the_windows_own(session_factory: Any,
                                                           data_dir: Path) -> None:
    """Back up goes just before Quit and Security just before Help, found by name
    (`MainWindow.menus`), not by their place in the menu bar."""
    open_store(data_dir).close()
    session = session_factory(data_dir)
    assert session.start()
    window = session.window
    file_texts = [action.text() for action in window.menus.file.actions()]
    assert file_texts[-4:] == ["&Back up…", "&Restore from a backup…", "", "&Quit"]
    assert window.menus.file.actions()[-1] is window.menus.quit
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-2:] == ["&Security", "&Help"]
    assert titles.count("&Security") == 1


def test_the_folder_answers_a_second_start_once_the_window_is_painted(
        session_factory: Any, data_dir: Path, qtbot: Any) -> None:
    """The local channel opens just after the first paint (QtNetwork stays off the path to
    the first sight of the window); from then on a second start wakes this window."""
    from ui.single_instance import _wake, server_name

    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
    session = session_factory(data_dir)
    woken: list[bool] = []
    session._activate = lambda: woken.append(True)
    session.instance = None
    assert session.start()
    assert session.instance is not None and session.instance._server is None  # not yet
    qtbot.waitUntil(lambda: session.instance._server is not None, timeout=5000)
    assert session.window._painted
    assert _wake(server_name(data_dir))
    qtbot.waitUntil(lambda: woken == [True], timeout=5000)


def test_closing_the_window_makes_the_daily_backup(session_factory: Any,
                                                   data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
    session = session_factory(data_dir)
    session.start()
    session.window.close()
    assert session.store is None
    daily = list((data_dir / "backups").glob("daily-*.zip"))
    assert len(daily) == 1


def test_back_up_then_restore_brings_the_old_data_back(session_factory: Any, data_dir: Path,
                                                        tmp_path: Path, qtbot: Any) -> None:
    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
    session = session_factory(data_dir)
    session.start()
    target = tmp_path / "backup.zip"
    job = session.back_up_to(target)
    with qtbot.waitSignal(job.succeeded, timeout=20000):
        pass
    assert target.is_file()
    session.window.context.store.add("person", {"full_name": "Added after the backup"})
    job = session.restore(target)
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=20000):
        pass
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    assert _people(data_dir) == ["Anna Kowalska"]


def test_protect_with_a_passphrase_then_lock_and_unlock(session_factory: Any, data_dir: Path,
                                                        qtbot: Any) -> None:
    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Zoë Papadopoulou"})
    session = session_factory(data_dir)
    session.start()
    session._encrypt(PASSPHRASE, then_back_up=False)
    assert session.job is not None
    with qtbot.waitSignal(session.job.succeeded, timeout=30000):
        pass
    qtbot.waitUntil(lambda: session.window is not None or session.unlock_dialog is not None)
    assert b"Papadopoulou" not in (data_dir / "organizer.db").read_bytes()
    if session.window is None:  # the key was not kept: the unlock screen asks for it
        session.unlock_dialog.passphrase.setText(PASSPHRASE)
        session.unlock_dialog.unlock()
    assert session.window is not None and session.store is not None
    assert session.store.encrypted
    session.lock()
    assert session.window is None and session.unlock_dialog is not None
    session.unlock_dialog.passphrase.setText("not the passphrase")
    session.unlock_dialog.unlock()
    assert session.window is None
    assert session.unlock_dialog.error.isVisible()
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.unlock()
    assert session.window is not None and session.window.isVisible()
    assert [p.full_name for p in session.store.people()] == ["Zoë Papadopoulou"]


def test_the_lock_does_not_wait_for_a_refused_value_and_keeps_it_in_memory(
        session_factory: Any, data_dir: Path, qtbot: Any) -> None:
    from organizer.encryption import encrypt_store
    from tests.helpers.ui_helpers import type_into

    with open_store(data_dir) as store:
        person = store.add("person", {"full_name": "Zoë Papadopoulou"}).id
        store.add("condition", {"name": "Lumbar spinal stenosis"}, person_id=person)
    encrypt_store(data_dir, PASSPHRASE)
    session = session_factory(data_dir)
    session.start()
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.unlock()
    assert session.window is not None
    page = session.window.show_section("conditions")
    page.show_item("condition", 1)
    type_into(qtbot, page.editor.form.editor("diagnosed_on"), "2026-02-30")
    assert page.editor.unsaved()
    session.idle_lock.lock_now()
    assert session.window is None and session.store is None
    assert session.unlock_dialog is not None and session.unlock_dialog.isVisible()
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.unlock()
    boxes = [w for w in QApplication.topLevelWidgets()
             if type(w).__name__ == "QMessageBox" and w.isVisible()]
    assert any("2026-02-30" in box.text() for box in boxes)
    for box in boxes:
        box.close()
