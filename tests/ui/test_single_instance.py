"""One app per data folder (real processes), and a command line that waits for a busy store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli import ROOT, run_cli

APP = '''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from ui.single_instance import acquire_single_instance, bring_to_front

app = QApplication(sys.argv)
window = QMainWindow()

def activated():
    bring_to_front(window)
    print("ACTIVATED", flush=True)
    QTimer.singleShot(100, app.quit)

handle = acquire_single_instance(sys.argv[1], activated)
if handle is None:
    print("SECOND", flush=True)
    sys.exit(0)
window.show()
print("READY", flush=True)
QTimer.singleShot(20000, app.quit)
app.exec()
handle.release()
'''


def _start(data_dir: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-c", APP, str(data_dir)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


@pytest.mark.slow
def test_a_second_start_says_so_and_brings_the_first_to_the_front(data_dir: Path) -> None:
    from organizer.storage.instance import app_running

    first = _start(data_dir)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "READY"
        assert app_running(data_dir)  # the core sees it too (restore and encrypt refuse)
        second = _start(data_dir)
        out, err = second.communicate(timeout=30)
        assert out.strip() == "SECOND", err
        assert first.stdout.readline().strip() == "ACTIVATED"
        first.communicate(timeout=30)
        assert first.returncode == 0
    finally:
        first.kill()
        first.communicate()
    assert not app_running(data_dir)


@pytest.mark.slow
def test_the_lock_of_a_crashed_app_does_not_keep_the_folder_locked(data_dir: Path) -> None:
    first = _start(data_dir)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "READY"
    os.kill(first.pid, signal.SIGKILL)
    first.communicate()
    again = _start(data_dir)
    try:
        assert again.stdout is not None
        assert again.stdout.readline().strip() == "READY"
    finally:
        again.kill()
        again.communicate()


HOLD = '''
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("HOLDING", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
'''


def _hold(data_dir: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data_dir / "organizer.db"),
                               str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "HOLDING"
    return holder


@pytest.mark.slow
def test_the_command_line_waits_briefly_for_a_busy_store(data_dir: Path) -> None:
    assert run_cli("add", "person", "full_name=Ann Lee", data_dir=data_dir).returncode == 0
    holder = _hold(data_dir, 1.0)
    done = run_cli("add", "person", "full_name=Bob Stone", data_dir=data_dir)
    holder.communicate()
    assert done.returncode == 0, done.stderr
    names = run_cli("people", data_dir=data_dir).stdout
    assert "Bob Stone" in names


@pytest.mark.slow
def test_the_command_line_says_the_store_is_busy_and_changes_nothing(data_dir: Path) -> None:
    from organizer.storage.db import BUSY_TIMEOUT_MS

    assert run_cli("add", "person", "full_name=Ann Lee", data_dir=data_dir).returncode == 0
    holder = _hold(data_dir, BUSY_TIMEOUT_MS / 1000 + 4)
    try:
        started = time.monotonic()
        done = run_cli("add", "person", "full_name=Bob Stone", data_dir=data_dir)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.communicate()
    assert done.returncode == 1
    assert done.stderr.startswith("organizer: The organizer's data is busy")
    assert done.stderr.count("\n") == 1
    assert waited >= BUSY_TIMEOUT_MS / 1000 * 0.9  # it did wait before giving up
    assert "Bob Stone" not in run_cli("people", data_dir=data_dir).stdout
