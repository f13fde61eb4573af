"""No network: the command line and the app never open an internet socket.

Two independent witnesses:
- a `sitecustomize` guard loaded into every Python process of the session, which records
  and refuses any AF_INET/AF_INET6 socket and any name lookup (with the stack that asked);
- where `strace` is installed, the kernel's own record of every socket() and connect() the
  processes made, C++ (Qt) included.
Unix-domain sockets (the app's single-instance channel) are local, not network, and allowed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import ROOT

GUARD = '''
import os, socket, traceback

_LOG = os.environ["NO_NETWORK_LOG"]
_real_init = socket.socket.__init__


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"pid {os.getpid()}: {what}\\n" + "".join(traceback.format_stack(limit=10)))


def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
    if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
        _record(f"socket(family={family})")
        raise OSError("network use is forbidden in this session")
    _real_init(self, family, type, proto, fileno)


def _guarded_lookup(*args, **kwargs):
    _record(f"name lookup {args!r}")
    raise OSError("network use is forbidden in this session")


socket.socket.__init__ = _guarded_init
socket.getaddrinfo = _guarded_lookup
socket.gethostbyname = _guarded_lookup
socket.create_connection = lambda *a, **k: _guarded_lookup(*a)
'''

PASS = "correct horse battery staple"


def _available(command: str) -> bool:
    from importlib import import_module

    from organizer.cli import COMMANDS

    module = import_module(f"organizer.commands.{COMMANDS[command][0]}")
    return not getattr(module, "NOT_AVAILABLE", False)


class Session:
    """Runs commands with the guard loaded (and under strace when it is there)."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        guard_dir = tmp_path / "guard"
        guard_dir.mkdir()
        (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
        self.log = tmp_path / "network.log"
        self.trace_dir = tmp_path / "strace"
        self.trace_dir.mkdir()
        self.strace = shutil.which("strace")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
        self.env.update(PYTHONPATH=f"{guard_dir}{os.pathsep}{ROOT}",
                        NO_NETWORK_LOG=str(self.log), QT_QPA_PLATFORM="offscreen")
        self.runs = 0

    def run(self, *args: str, env: dict[str, str] | None = None,
            code: str | None = None) -> subprocess.CompletedProcess[str]:
        self.runs += 1
        command = [sys.executable] + (["-c", code] if code else ["-m", "organizer", *args])
        if self.strace:
            command = [self.strace, "-f", "-qq", "-e", "trace=socket,connect",
                       "-o", str(self.trace_dir / f"run-{self.runs}"), *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env={**self.env, **(env or {})}, cwd=ROOT)

    def inet_calls(self) -> list[str]:
        found = []
        for trace in sorted(self.trace_dir.iterdir()):
            for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
                if re.search(r"AF_INET6?\b|sin6?_(port|addr)", line):
                    found.append(f"{trace.name}: {line}")
        return found

    def guard_log(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""


def test_the_guard_itself_catches_a_connection_attempt(tmp_path: Path) -> None:
    """The control: without it, a silent guard would prove nothing."""
    session = Session(tmp_path)
    done = session.run(code="import socket\n"
                            "try:\n    socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                            "except OSError as e:\n    print('refused', e)\n")
    assert "refused" in done.stdout
    assert "socket(family=" in session.guard_log()
    if session.strace:  # and the kernel-side witness sees a socket made past the guard
        session.run(code="import _socket\n_socket.socket(_socket.AF_INET, "
                         "_socket.SOCK_STREAM).close()\n")
        assert session.inet_calls() != []


@pytest.mark.slow
def test_a_full_command_line_session_opens_no_network_socket(tmp_path: Path) -> None:
    session = Session(tmp_path)
    data = str(tmp_path / "data")
    scan = tmp_path / "scan.txt"
    scan.write_text("CT report: no change since 2024.\n", encoding="utf-8")
    from tests.helpers.scan_samples import QUALITIES, save, scanned_page

    # a scanned page: read (OCR) before `add` returns, offline
    paper = save(scanned_page(QUALITIES[2], ["Discharge summary: no complications."]),
                 tmp_path / "paper.png", 150)
    steps: list[tuple[str, ...]] = [
        ("add", "person", "full_name=Ann Lee", "birth_date=1950-03-02"),
        ("add", "medication", "--person", "Ann Lee", "name=Metformin", "dose=500 mg"),
        ("add", "record", "--person", "Ann Lee", "title=CT report", "--file", str(scan)),
        ("add", "record", "--person", "Ann Lee", "title=Paper", "--file", str(paper)),
        ("search", "report", "--json"),
        ("search", "complications", "--json"),
        ("list", "medication", "--person", "1", "--json"),
        ("check",),
        ("backup", "-o", str(tmp_path / "backup.zip")),
    ]
    if _available("demo"):
        steps.insert(0, ("demo",))
    if _available("import"):
        bundle = tmp_path / "bundle.json"
        bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                      "entry": [{"resource": {
                                          "resourceType": "AllergyIntolerance",
                                          "code": {"text": "Penicillin"}}}]}))
        steps.append(("import", str(bundle), "--person", "1"))
    if _available("disc"):  # pydicom and its decoders, on a disc written here
        from tests.helpers.disc_samples import write_disc

        disc = write_disc(tmp_path / "disc", patient="LEE^ANN", birth="19500302")
        steps.append(("disc", str(disc), "--person", "Ann Lee", "--copy-images"))
    if _available("packet"):
        steps.append(("packet", "--person", "1", "-o", str(tmp_path / "packet.pdf")))
    if _available("export"):
        steps.append(("export", "--person", "1", "--format", "archive", "-o",
                      str(tmp_path / "archive.zip")))
    for step in steps:
        done = session.run("--data-dir", data, *step)
        assert done.returncode == 0, (step, done.stderr)
    enc = {"ORGANIZER_NEW_PASSPHRASE": PASS, "ORGANIZER_PASSPHRASE": PASS}
    for step in [("encrypt",), ("people",), ("search", "Metformin"),
                 ("backup", "-o", str(tmp_path / "locked.zip")), ("decrypt",),
                 ("restore", str(tmp_path / "backup.zip"))]:
        done = session.run("--data-dir", data, *step, env=enc)
        assert done.returncode == 0, (step, done.stderr)
    assert session.guard_log() == ""
    assert session.inet_calls() == []


@pytest.mark.slow
def test_the_desktop_app_opens_no_network_socket(tmp_path: Path) -> None:
    """The real app, started offscreen in its own process for a moment, then closed."""
    session = Session(tmp_path)
    code = ("import sys\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication(sys.argv)\n"
            "QTimer.singleShot(1500, app.quit)\n"
            "from ui.app import main\n"
            f"sys.exit(main(data_dir={str(tmp_path / 'data')!r}))\n")
    done = session.run(code=code)
    assert done.returncode == 0, done.stderr
    assert session.guard_log() == ""
    assert session.inet_calls() == []


def test_the_app_widgets_in_this_process_open_no_network_socket(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unlock screen, single-instance channel and idle lock, driven here with the guard."""
    import socket

    opened: list[object] = []
    real_init = socket.socket.__init__

    def guarded(self, family=-1, type=-1, proto=-1, fileno=None):  # type: ignore[no-untyped-def]
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            opened.append(family)
            raise OSError("network use is forbidden")
        real_init(self, family, type, proto, fileno)

    monkeypatch.setattr(socket.socket, "__init__", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: opened.append(a) or [])
    from organizer.encryption import encrypt_store
    from organizer.opening import open_store
    from organizer.storage.store import Store
    from ui.dialogs.unlock_dialog import UnlockDialog
    from ui.single_instance import acquire_single_instance

    root = tmp_path / "data"
    open_store(root).close()
    encrypt_store(root, PASS)
    handle = acquire_single_instance(root, lambda: None)
    assert handle is not None
    opened_stores: list[Store] = []
    dialog = UnlockDialog(root, on_open=opened_stores.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASS)
    dialog.unlock()
    assert len(opened_stores) == 1
    opened_stores[0].close()
    handle.release()
    assert opened == []
