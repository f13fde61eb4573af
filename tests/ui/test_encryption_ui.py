"""The app's side of encryption: unlock screen, passphrase dialogs, lock now and idle lock."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

PASS = "correct horse battery staple"


@pytest.fixture
def locked_root(tmp_path: Path) -> Path:
    from organizer.encryption import encrypt_store
    from organizer.opening import open_store
    from organizer.storage import crypto

    root = tmp_path / "data"
    with open_store(root) as store:
        store.add("person", {"full_name": "Ann Lee"})
    encrypt_store(root, PASS)
    crypto.forget_keys()
    return root


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_unlock_screen_refuses_a_wrong_passphrase_then_opens(
        qtbot, locked_root: Path) -> None:
    from ui.dialogs.unlock_dialog import UnlockDialog
    from ui.unlocking import ask_passphrase_then_open

    opened: list[object] = []
    dialog = ask_passphrase_then_open(locked_root, None, opened.append)
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and opened == []
    before = _snapshot(locked_root)

    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("That passphrase is not right")
    assert _snapshot(locked_root) == before

    dialog.passphrase.clear()
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "Type your passphrase" in dialog.error.text()

    qtbot.keyClicks(dialog.passphrase, PASS)
    with qtbot.waitSignal(dialog.unlocked):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(opened) == 1
    store = opened[0]
    assert store.people()[0].full_name == "Ann Lee"  # type: ignore[attr-defined]
    store.close()  # type: ignore[attr-defined]
    assert dialog.passphrase.text() == ""  # the passphrase does not linger in the widget


def test_a_plain_store_opens_without_any_dialog(tmp_path: Path) -> None:
    from ui.unlocking import ask_passphrase_then_open

    opened: list[object] = []
    assert ask_passphrase_then_open(tmp_path / "data", None, opened.append) is None
    assert len(opened) == 1
    opened[0].close()  # type: ignore[attr-defined]


def test_the_passphrase_dialogs_warn_and_check_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.passphrase_dialogs import ChangePassphraseDialog, EnableEncryptionDialog

    dialog = EnableEncryptionDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.error)))
    assert "nobody can open your organizer" in texts and "no reset" in texts.lower()
    assert dialog.wants_backup()  # the encrypted backup is offered, ticked

    got: list[tuple[str, str]] = []
    dialog.submitted.connect(lambda old, new: got.append((old, new)))
    qtbot.keyClicks(dialog.new, "short")
    qtbot.keyClicks(dialog.again, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in dialog.error.text() and got == []
    dialog.new.setText(PASS)
    dialog.again.setText(PASS + "!")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.text() and got == []
    dialog.again.setText(PASS)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert got == [("", PASS)] and not dialog.isVisible()

    change = ChangePassphraseDialog()
    qtbot.addWidget(change)
    change.open()
    change.new.setText(PASS)
    change.again.setText(PASS)
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    assert "current passphrase" in change.error.text()


def test_lock_now_forgets_the_key(qtbot, locked_root: Path) -> None:  # type: ignore[no-untyped-def]
    from organizer.errors import LockedError
    from organizer.opening import open_store
    from ui.idle_lock import IdleLock

    open_store(locked_root, passphrase=PASS).close()
    open_store(locked_root).close()  # remembered in this process
    window = QMainWindow()
    qtbot.addWidget(window)
    calls: list[str] = []
    lock = IdleLock(window, 0, lambda: calls.append("locked"))
    with qtbot.waitSignal(lock.locked):
        lock.lock_now()
    assert calls == ["locked"]
    with pytest.raises(LockedError):
        open_store(locked_root)


def test_the_idle_lock_waits_for_quiet_and_activity_postpones_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.idle_lock import IdleLock

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    calls: list[str] = []
    lock = IdleLock(window, 0.02, lambda: calls.append("locked"))  # 1.2 s
    assert lock.timeout_ms() == 1200
    # Keep busy for longer than the timeout, with pauses far shorter than it (a loaded
    # machine may stretch a 100 ms wait, never to 1.2 s).
    for step in range(16):
        qtbot.wait(100)
        qtbot.mouseMove(window, QPoint(10 + step, 10))
        qtbot.keyClick(window, Qt.Key.Key_A)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["locked"], timeout=5000)
    assert lock.is_locked
    lock.unlocked()
    lock.set_timeout(0)  # never
    qtbot.wait(1500)
    assert calls == ["locked"]


def test_screens_render(qtbot, locked_root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Render the dialogs so a person can look at them (saved beside the test's files)."""
    from ui.dialogs.passphrase_dialogs import EnableEncryptionDialog
    from ui.dialogs.unlock_dialog import UnlockDialog

    for name, widget in (("unlock", UnlockDialog(locked_root)),
                         ("enable", EnableEncryptionDialog())):
        qtbot.addWidget(widget)
        widget.show()
        image = widget.grab()
        assert image.width() >= 460
        image.save(str(tmp_path / f"{name}.png"))
