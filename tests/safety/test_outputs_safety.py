"""Outputs never damage the store (issue 9, point 3), proved with real command-line runs.

A packet, a printout, an export or a backup is refused when its target lies inside the data
folder (however it is reached: directly, through a linked folder, through a linked file).
A target that is not a regular file is written through (a FIFO, a character device) and
stays what it was; a symlinked target keeps its link and the file it points to gets the
output; `-o -` writes to standard output. A packet killed while saving leaves no hidden
partial copy beside the output once the next output is made there.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from organizer.opening import open_store

ROOT = Path(__file__).resolve().parents[2]
NAME = "Ann Lee"

# Every command that writes an output file, up to its `-o`.
OUTPUTS: dict[str, list[str]] = {
    "packet": ["packet", "--person", NAME, "-o"],
    "printout": ["packet", "--person", NAME, "--printout", "medications", "-o"],
    "archive": ["export", "--person", NAME, "--format", "archive", "-o"],
    "csv": ["export", "--person", NAME, "--format", "csv", "-o"],
    "backup": ["backup", "-o"],
}
# How the first bytes of each output look.
MAGIC = {"packet": b"%PDF", "printout": b"%PDF", "archive": b"PK", "csv": b"",
         "backup": b"PK"}


def run(data_dir: Path, *args: str, cwd: Path,
        timeout: float = 180) -> subprocess.CompletedProcess[bytes]:
    """The command line as a real process, in `cwd`, with bytes on stdout (for `-o -`)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ORGANIZER_") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(data_dir),
                           *args], capture_output=True, env=env, cwd=cwd, timeout=timeout)


def one_error_line(done: subprocess.CompletedProcess[bytes], *words: str) -> str:
    assert done.returncode == 1, (done.stdout[-500:], done.stderr)
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("organizer: "), done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def make_pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for number in range(pages):
        for line in range(40):
            drawing.drawString(72, 760 - 18 * line, f"Page {number + 1}, line {line}: "
                               "severe central canal stenosis at L4-L5, see the images.")
        drawing.showPage()
    drawing.save()
    return path


def fill(data_dir: Path, tmp_path: Path, pages: int = 2) -> None:
    with open_store(data_dir) as store:
        person = store.add("person", {"full_name": NAME}).id
        store.add("medication", {"name": "Metformin", "dose": "500 mg"}, person_id=person)
        store.add("question", {"text": "Is surgery needed now?"}, person_id=person)
        record = store.add("record", {"title": "MRI report"}, person_id=person).id
        store.attach_file(record, make_pdf(tmp_path / "mri.pdf", pages))


@pytest.fixture
def filled(data_dir: Path, tmp_path: Path) -> Path:
    fill(data_dir, tmp_path)
    return data_dir


def store_state(data_dir: Path) -> tuple[str, list[str], list[str]]:
    """What must not change: the database whole, its items, the files folder."""
    conn = sqlite3.connect(f"file:{data_dir / 'organizer.db'}?mode=ro", uri=True)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        meds = [r[0] for r in conn.execute("SELECT name FROM medications ORDER BY id")]
    finally:
        conn.close()
    return integrity, meds, sorted(p.name for p in (data_dir / "files").iterdir())


def hidden(folder: Path) -> list[str]:
    """Hidden work left in a folder (the store's gate files hold no data: not counted)."""
    from organizer.storage.gate import GATE_FILES

    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith(".") and p.name not in GATE_FILES)


# -- a target inside the data folder ---------------------------------------------------------

@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_an_output_over_the_database_is_refused(filled: Path, tmp_path: Path,
                                                output: str) -> None:
    before = store_state(filled)
    done = run(filled, *OUTPUTS[output], str(filled / "organizer.db"), cwd=tmp_path)
    one_error_line(done, "data folder")
    assert store_state(filled) == before == ("ok", ["Metformin"], before[2])
    assert run(filled, "check", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("how", ["in files", "through a linked folder", "through a linked file",
                                 "as a relative path"])
def test_a_packet_anywhere_in_the_data_folder_is_refused(filled: Path, tmp_path: Path,
                                                         how: str) -> None:
    before = store_state(filled)
    cwd = tmp_path
    if how == "in files":
        target = filled / "files" / "packet.pdf"
    elif how == "through a linked folder":
        (tmp_path / "documents").symlink_to(filled, target_is_directory=True)
        target = tmp_path / "documents" / "organizer.db"
    elif how == "through a linked file":
        target = tmp_path / "packet.pdf"
        target.symlink_to(filled / "organizer.db")
    else:
        cwd = filled / "backups"
        target = Path("..") / "organizer.db"
    done = run(filled, *OUTPUTS["packet"], str(target), cwd=cwd)
    one_error_line(done, "data folder")
    assert store_state(filled) == before
    assert not (filled / "files" / "packet.pdf").exists()
    assert hidden(filled / "files") == [] and hidden(tmp_path) == []


def test_a_backup_into_the_backups_folder_is_refused(filled: Path, tmp_path: Path) -> None:
    """backups/ holds the automatic backups and what a restore replaced: the app's own."""
    done = run(filled, "backup", "-o", str(filled / "backups" / "mine.zip"), cwd=tmp_path)
    one_error_line(done, "data folder")
    assert list((filled / "backups").iterdir()) == []


# -- targets that are not regular files ------------------------------------------------------

class FifoReader:
    """Reads everything written into a FIFO, in a thread (a writer blocks on a full pipe).

    The test keeps a writer end of its own open until the command has ended, so the reader
    sees the end of the data only then (and is never stuck if nothing opens the FIFO).
    """

    def __init__(self, fifo: Path) -> None:
        self.fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        self.guard = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.set_blocking(self.fd, True)
        self.data = bytearray()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while chunk := os.read(self.fd, 1 << 16):
            self.data += chunk

    def finish(self) -> bytes:
        os.close(self.guard)
        self.thread.join(30)
        assert not self.thread.is_alive()
        os.close(self.fd)
        return bytes(self.data)


@pytest.mark.parametrize("output", ["packet", "csv", "backup"])
def test_a_fifo_target_is_written_through_and_stays_a_fifo(filled: Path, tmp_path: Path,
                                                           output: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)
    reader = FifoReader(fifo)
    done = run(filled, *OUTPUTS[output], str(fifo), cwd=tmp_path)
    data = reader.finish()
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert data.startswith(MAGIC[output]) and len(data) > 100
    if output == "packet":
        assert "Metformin" in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    elif output == "csv":
        assert "Metformin" in data.decode("utf-8-sig")
    else:
        from organizer.safety.backup import verify_backup

        copy = tmp_path / "copy.zip"
        copy.write_bytes(data)
        assert verify_backup(copy).files == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith((".pdf", ".zip"))) \
        == ["data", "pipe"]


def test_a_character_device_target_is_written_through(filled: Path, tmp_path: Path) -> None:
    """The like of /dev/null: written to, never replaced by a file.

    As root, a regression would replace the machine's own /dev/null, so the test makes a
    twin of it in its own folder instead (when the file system allows devices).
    """
    if os.geteuid() == 0:
        device = tmp_path / "null"
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            os.close(os.open(device, os.O_WRONLY))
        except OSError as exc:
            pytest.skip(f"no device node can be made and opened here ({exc.strerror})")
    else:
        device = Path("/dev/null")
    for output in ("packet", "csv"):
        done = run(filled, *OUTPUTS[output], str(device), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert hidden(tmp_path) == []


def test_a_socket_target_is_refused(filled: Path, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        done = run(filled, *OUTPUTS["csv"], str(path), cwd=tmp_path)
        one_error_line(done, "not a file")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_a_disk_device_target_is_refused_before_it_is_opened(filled: Path,
                                                             tmp_path: Path) -> None:
    """A packet written onto a disk would destroy the disk: refused by its type alone.

    The node names a loop device number that nothing uses, so even a regression that
    opened it would find no disk behind it.
    """
    if os.geteuid() != 0:
        pytest.skip("only root can make a device node")
    device = tmp_path / "disk"
    try:
        os.mknod(device, 0o600 | stat.S_IFBLK, os.makedev(7, 250))
    except OSError as exc:
        pytest.skip(f"no device node can be made here ({exc.strerror})")
    done = run(filled, *OUTPUTS["packet"], str(device), cwd=tmp_path)
    one_error_line(done, "not a file")
    assert stat.S_ISBLK(os.lstat(device).st_mode)
    assert hidden(tmp_path) == []


# -- a symlinked target ------------------------------------------------------------------------

@pytest.mark.parametrize("output", ["packet", "csv"])
@pytest.mark.parametrize("exists", [True, False], ids=["to a file", "dangling"])
def test_a_symlink_target_keeps_its_link_and_its_file_gets_the_output(
        filled: Path, tmp_path: Path, output: str, exists: bool) -> None:
    real = tmp_path / "shared" / "latest.out"
    real.parent.mkdir()
    if exists:
        real.write_bytes(b"the last one")
    link = tmp_path / "latest"
    link.symlink_to(real)
    done = run(filled, *OUTPUTS[output], str(link), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    data = real.read_bytes()
    assert data.startswith(MAGIC[output]) and b"the last one" not in data
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert hidden(tmp_path) == [] and hidden(real.parent) == []


# -- standard output ---------------------------------------------------------------------------

@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_dash_writes_to_standard_output(filled: Path, tmp_path: Path, output: str) -> None:
    done = run(filled, *OUTPUTS[output], "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "-").exists()
    assert hidden(tmp_path) == [] and hidden(filled) == []
    data = done.stdout
    assert data.startswith(MAGIC[output]) and len(data) > 100
    if output in ("packet", "printout"):
        assert "Metformin" in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert b"Saved the" in done.stderr  # what is said goes beside the data, not into it
    elif output == "archive":
        assert "items.json" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    elif output == "csv":
        assert data.decode("utf-8-sig").count("Metformin") == 1
    else:
        from organizer.safety.backup import verify_backup

        copy = tmp_path / "copy.zip"
        copy.write_bytes(data)
        assert verify_backup(copy).files == 1


# -- a killed packet ---------------------------------------------------------------------------

def test_a_killed_packet_leaves_no_hidden_partial_copy_after_the_next_run(
        data_dir: Path, tmp_path: Path) -> None:
    """SIGKILL while the packet is being saved; the next output made there clears it."""
    fill(data_dir, tmp_path, pages=300)
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    caught = False
    for _attempt in range(6):
        child = subprocess.Popen(
            [sys.executable, "-m", "organizer", "--data-dir", str(data_dir), *OUTPUTS["packet"],
             str(out / "packet.pdf")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env, cwd=tmp_path)
        deadline = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < deadline:
            if hidden(out):
                os.kill(child.pid, signal.SIGKILL)
                break
            time.sleep(0.001)
        child.wait(60)
        if child.returncode == -signal.SIGKILL and hidden(out):
            caught = True
            break
        (out / "packet.pdf").unlink(missing_ok=True)
    assert caught, "the packet was never caught while saving"
    assert not (out / "packet.pdf").exists()
    again = run(data_dir, *OUTPUTS["csv"], str(out / "medications.csv"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert hidden(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["medications.csv"]


def test_a_live_writers_work_beside_the_output_is_left_alone(tmp_path: Path) -> None:
    """Only a dead process's partial copy is cleared: another live one may be saving there."""
    from organizer.storage.paths import private_output

    live = tmp_path / f".tmp-{os.getppid()}-output-0123456789ab"
    live.mkdir()
    (live / "packet.pdf").write_bytes(b"half")
    with private_output(tmp_path / "letter.txt", data_dir=tmp_path / "data") as temp:
        temp.write_bytes(b"a letter")
    assert live.is_dir() and (tmp_path / "letter.txt").read_bytes() == b"a letter"


# -- the app's “Save as…” ----------------------------------------------------------------------

def test_the_apps_save_as_follows_the_same_rules(qtbot: object, data_dir: Path,
                                                 tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from ui.context import AppContext
    from ui.dialogs.packet_dialog import open_packet_dialog

    fill(data_dir, tmp_path)
    with open_store(data_dir) as store:
        context = AppContext(store)
        context.set_person(store.people()[0].id)
        dialog = open_packet_dialog(context, None)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        with qtbot.waitSignal(dialog.packet_ready, timeout=60000):  # type: ignore[attr-defined]
            qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        before = store_state(data_dir)
        assert not dialog.save_to(data_dir / "organizer.db")
        assert "data folder" in dialog.status.text()
        assert not dialog.save_to(data_dir / "files" / "copy.pdf")
        assert store_state(data_dir) == before
        real = tmp_path / "shared" / "packet.pdf"
        real.parent.mkdir()
        link = tmp_path / "latest.pdf"
        link.symlink_to(real)
        assert dialog.save_to(link)
        assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
        assert stat.S_IMODE(real.stat().st_mode) == 0o600
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo, 0o600)
        reader = FifoReader(fifo)
        assert dialog.save_to(fifo)
        assert reader.finish() == real.read_bytes()
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        assert hidden(tmp_path) == []
        dialog.reject()
        # The preview lived in the dialog's private scratch folder; closing it removes it.
        assert hidden(data_dir) == []


def test_the_apps_backup_into_the_data_folder_is_refused_in_words(
        qtbot: object, data_dir: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from organizer.storage import crypto
    from ui.session import Session
    from ui.settings import Settings

    fill(data_dir, tmp_path)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    session = Session(data_dir, settings)
    try:
        assert session.start()
        before = sorted(p.name for p in (data_dir / "backups").iterdir())
        job = session.back_up_to(data_dir / "backups" / "mine.zip")
        assert job is not None
        with qtbot.waitSignal(job.failed, timeout=20000) as blocker:  # type: ignore[attr-defined]
            pass
        assert "data folder" in blocker.args[0]
        assert sorted(p.name for p in (data_dir / "backups").iterdir()) == before
    finally:
        if session.window is not None:
            session.window.close()
        if session.instance is not None:
            session.instance.release()
        crypto.forget_keys()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)
