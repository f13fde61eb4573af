"""Errors we never see: a failure nobody expected goes to the data folder's private log as
types and code locations (never values), and the user reads plain words: one line from
the command line, a dialog with "Copy details" in the app."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from organizer import logs

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Anna Kowalska, stage III carcinoma"


@pytest.fixture
def log_root(tmp_path: Path) -> Iterator[Path]:
    """logging configured on a data folder of this test's own, and put back after."""
    root = tmp_path / "data"
    root.mkdir(mode=0o700)
    before = logging.getLogger().handlers[:], logging.getLogger().level, warnings.showwarning
    logs.configure_logging(root)
    yield root
    logs.configure_logging(None)
    logger = logging.getLogger()
    logger.handlers[:] = before[0]
    logger.setLevel(before[1])
    warnings.showwarning = before[2]


def _fails_deep_inside(text: str) -> None:
    try:
        {}[text]
    except KeyError as exc:
        raise TypeError(f"could not use {text}") from exc


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_names_types_and_places_never_values(log_root: Path) -> None:
    try:
        _fails_deep_inside(SECRET)
    except TypeError as exc:
        written = logs.record_exception(exc, "command add")
    assert written == log_root / "errors.log"
    text = written.read_text("utf-8")
    assert _mode(written) == 0o600
    assert "unexpected TypeError during command add" in text
    assert "caused by:\nKeyError" in text
    assert "tests/safety/test_error_reporting.py:" in text and "in _fails_deep_inside" in text
    assert "Anna" not in text and "carcinoma" not in text and "could not use" not in text
    assert str(ROOT.parent) not in text  # no folder above the package (a user's name)


def test_os_and_sqlite_errors_keep_their_code_not_their_message(log_root: Path) -> None:
    import sqlite3

    try:
        open(log_root / f"{SECRET}.pdf", "rb")  # noqa: SIM115
    except OSError as exc:
        logs.record_exception(exc)
    try:
        sqlite3.connect(":memory:").execute(f"SELECT * FROM [{SECRET}]")
    except sqlite3.Error as exc:
        logs.record_exception(exc)
    text = (log_root / "errors.log").read_text("utf-8")
    assert "FileNotFoundError [ENOENT]" in text
    assert "sqlite3.OperationalError [SQLITE_ERROR]" in text
    assert "Anna" not in text


def test_the_log_is_bounded_and_rotates(log_root: Path) -> None:
    for _ in range(2000):
        try:
            _fails_deep_inside("x")
        except TypeError as exc:
            logs.record_exception(exc)
    current, previous = log_root / "errors.log", log_root / "errors.log.1"
    assert previous.exists() and current.exists()
    assert current.stat().st_size <= logs.MAX_BYTES
    assert previous.stat().st_size <= logs.MAX_BYTES
    assert _mode(current) == _mode(previous) == 0o600


def test_the_log_is_never_written_through_a_link_or_into_a_fifo(log_root: Path,
                                                                 tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("mine")
    (log_root / "errors.log").symlink_to(elsewhere)
    assert logs.record_exception(ValueError()) is None
    assert elsewhere.read_text() == "mine"
    (log_root / "errors.log").unlink()
    os.mkfifo(log_root / "errors.log")
    assert logs.record_exception(ValueError()) is None  # and it did not hang


def test_library_logs_and_warnings_go_to_the_log_not_the_terminal(
        log_root: Path, capfd: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("pypdf").error("Object %s in %s is damaged", 7, SECRET)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"odd value {SECRET}", UserWarning, stacklevel=1)
    assert capfd.readouterr().err == ""
    text = (log_root / "errors.log").read_text("utf-8")
    assert "ERROR from pypdf at tests/safety/test_error_reporting.py:" in text
    assert "WARNING UserWarning at tests/safety/test_error_reporting.py:" in text
    assert "Anna" not in text


def _child(code: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_the_command_line_tells_in_words_and_logs_the_rest(tmp_path: Path) -> None:
    """A bug we cannot make on purpose is stood in for by a find_person that fails with
    the typed name in its message, the way a KeyError quotes its key."""
    data = tmp_path / "data"
    code = ("import sys\n"
            "from organizer import cli\nfrom organizer.storage import store\n"
            "store.Store.find_person = lambda self, ref: {}[ref]\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    assert _child(code, data, "add", "person", "full_name=Anna Kowalska").returncode == 0
    done = _child(code, data, "list", "medication", "--person", SECRET)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("organizer: Something")
    assert "KeyError" not in done.stderr and "Traceback" not in done.stderr
    assert "Anna" not in done.stderr and str(data / "errors.log") in done.stderr
    text = (data / "errors.log").read_text("utf-8")
    assert "unexpected KeyError during command list" in text and "in <lambda>" in text
    assert "Anna" not in text
    assert _mode(data / "errors.log") == 0o600
    check = _child("import sys\nfrom organizer import cli\nsys.exit(cli.main(sys.argv[1:]))",
                   data, "check")
    assert "errors.log" not in check.stdout + check.stderr  # the organizer's own file


def test_a_library_warning_never_reaches_the_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = ("import logging, sys, warnings\n"
            "from organizer import cli\n"
            "import organizer.commands.people as people\n"
            "run = people.run\n"
            "def noisy(args):\n"
            "    code = run(args)  # the store (and so the data folder) is made first\n"
            "    logging.getLogger('pypdf').error('damaged %s', 'Anna Kowalska.pdf')\n"
            "    warnings.warn('Anna Kowalska', ResourceWarning, stacklevel=1)\n"
            "    return code\n"
            "people.run = noisy\n"
            "warnings.simplefilter('always')\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    done = _child(code, data, "people")
    assert done.returncode == 0 and done.stderr == ""
    text = (data / "errors.log").read_text("utf-8")
    assert "ERROR from pypdf" in text and "WARNING ResourceWarning at <string>:" in text
    assert "Anna" not in text


# -- the app --------------------------------------------------------------------------------

@pytest.fixture
def reporting(qapp: Any, log_root: Path) -> Iterator[Any]:
    """The app's error reporting installed as `main` does; the hooks put back after."""
    from ui.app import install_error_reporting
    from ui.error_reporting import ErrorReporter

    hooks = sys.excepthook, threading.excepthook
    reporter = install_error_reporting(log_root)
    yield reporter
    sys.excepthook, threading.excepthook = hooks
    if reporter.dialog is not None:
        reporter.dialog.close()
    ErrorReporter.current = None
    reporter.deleteLater()


def _dialog_shows(qtbot: Any, reporter: Any) -> Any:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    return reporter.dialog


def test_a_failing_worker_is_logged_and_shown_in_words(qtbot: Any, reporting: Any,
                                                        log_root: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.worker import Job

    def work(progress: Any) -> None:
        _fails_deep_inside(SECRET)

    job = Job(work)
    with qtbot.waitSignal(job.failed, timeout=10000) as failed:
        job.start()
    job.wait()
    said = failed.args[0]
    assert said.startswith("Something went wrong") and "Error" not in said
    assert "Anna" not in said
    dialog = _dialog_shows(qtbot, reporting)
    assert not dialog.isModal()
    assert "TypeError" in dialog.details.toPlainText()
    assert "Anna" not in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.copy_button, _left())
    copied = QGuiApplication.clipboard().text()
    assert "in _fails_deep_inside" in copied and "Anna" not in copied
    text = (log_root / "errors.log").read_text("utf-8")
    assert "unexpected TypeError during a background job" in text and "in work" in text
    assert "Anna" not in text and _mode(log_root / "errors.log") == 0o600


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.mark.qt_no_exception_capture
def test_a_failing_slot_is_logged_and_shown_in_words(qtbot: Any, reporting: Any,
                                                      log_root: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Save")
    qtbot.addWidget(button)

    def on_click() -> None:
        raise KeyError(SECRET)

    button.clicked.connect(on_click)
    qtbot.mouseClick(button, _left())
    qtbot.mouseClick(button, _left())
    dialog = _dialog_shows(qtbot, reporting)
    qtbot.waitUntil(lambda: dialog.failures == 2)
    assert "2 times" in dialog.message.text()
    assert "KeyError" not in dialog.message.text()
    text = (log_root / "errors.log").read_text("utf-8")
    assert text.count("unexpected KeyError during app") == 2 and "in on_click" in text
    assert "Anna" not in text and "Anna" not in dialog.details.toPlainText()


@pytest.mark.qt_no_exception_capture
def test_a_failing_thread_is_logged_and_shown(qtbot: Any, reporting: Any,
                                              log_root: Path) -> None:
    def run() -> None:
        raise OverflowError(SECRET)

    thread = threading.Thread(target=run, name="Reader")
    thread.start()
    thread.join()
    dialog = _dialog_shows(qtbot, reporting)
    assert "OverflowError" in dialog.details.toPlainText()
    text = (log_root / "errors.log").read_text("utf-8")
    assert "thread Reader" in text and "during a background thread" in text
    assert "Anna" not in text


@pytest.mark.qt_no_exception_capture
def test_a_refusal_nobody_caught_is_shown_in_its_own_words(qtbot: Any,
                                                            reporting: Any) -> None:
    from PySide6.QtCore import QTimer

    from organizer.errors import OrganizerError

    def slot() -> None:
        raise OrganizerError("The backup file is damaged. Choose another one.")

    QTimer.singleShot(0, slot)
    dialog = _dialog_shows(qtbot, reporting)
    assert dialog.message.text() == "The backup file is damaged. Choose another one."


def test_a_text_too_long_for_a_page_is_said_so_on_the_command_line(cli: Any,
                                                                   tmp_path: Path) -> None:
    """reportlab's LayoutError (a value longer than a page; splitting it is the packet's
    work) reaches the user as its cause in words, not as 'LayoutError'."""
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    assert cli("add", "medication", "--person", "1", "name=Aspirin",
               "instructions=" + "x" * 100_000).returncode == 0
    done = cli("packet", "--person", "1", "-o", str(tmp_path / "packet.pdf"))
    assert done.returncode in (0, 1)
    if done.returncode == 1:  # until the packet splits such text across pages
        assert "too long to fit on one page" in done.stderr
        assert "LayoutError" not in done.stderr and done.stderr.count("\n") == 1


def test_known_causes_in_words() -> None:
    import errno
    import sqlite3

    full = OSError(errno.ENOSPC, "No space left on device")
    assert "disk is full" in (logs.known_cause(full) or "")
    assert "memory" in (logs.known_cause(MemoryError()) or "")
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorname = "SQLITE_BUSY_SNAPSHOT"
    assert "busy" in (logs.known_cause(error) or "")
    assert logs.known_cause(KeyError("x")) is None
    assert "disk is full" in logs.unexpected_message(Path("errors.log"), full)


def test_a_failing_error_window_is_logged_once_not_reported_forever(
        qtbot: Any, reporting: Any, log_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import error_reporting
    from ui.dialogs import error_dialog

    def broken(self: Any, details: str, message: str | None = None) -> None:
        raise RuntimeError("no window today")

    monkeypatch.setattr(error_dialog.ErrorDialog, "add_failure", broken)
    error_reporting.report_exception(ValueError(), "a test")
    qtbot.waitUntil(lambda: reporting.broken)
    error_reporting.report_exception(ValueError(), "a test")
    qtbot.wait(50)
    text = (log_root / "errors.log").read_text("utf-8")
    assert text.count("during the error window") == 1
    assert text.count("unexpected ValueError during a test") == 2


def test_the_real_app_reports_a_failing_slot_and_keeps_running(tmp_path: Path) -> None:
    """`organizer --data-dir DIR` in a process of its own: a slot that fails (with a
    patient's name in its message) leaves the app running, the ErrorDialog on screen and
    a note in errors.log; nothing on the terminal."""
    from organizer.opening import open_store

    data_dir = tmp_path / "data"
    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Ada Example"})
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import make_application\n"
        "from organizer.cli import main\n"
        "app = make_application()\n"
        "def fail():\n"
        f"    raise KeyError({SECRET!r})\n"
        "def check():\n"
        "    shown = sorted(w.windowTitle() for w in QApplication.topLevelWidgets()\n"
        "                   if w.isVisible())\n"
        "    print('SHOWN', shown, flush=True)\n"
        "    app.quit()\n"
        "QTimer.singleShot(300, fail)\n"
        "QTimer.singleShot(900, check)\n"
        f"sys.exit(main(['--data-dir', {str(data_dir)!r}]))\n")
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "'Something went wrong'" in done.stdout and "Ada Example" in done.stdout
    assert "Traceback" not in done.stderr and "KeyError" not in done.stderr
    text = (data_dir / "errors.log").read_text("utf-8")
    assert "unexpected KeyError during app" in text and "in fail" in text
    assert "Anna" not in text and _mode(data_dir / "errors.log") == 0o600
