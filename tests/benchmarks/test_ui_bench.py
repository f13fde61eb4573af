"""Desktop app figures (printed, never asserted): start-up against a bare PySide6 window,
switching person and section, and memory after opening every page.

Run with `make bench`. Runs on a copy of the large store of tests/benchmarks/make_large_store.py.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print("SHOWN", flush=True)
"""

APP = """
import sys
from ui.app import make_application, open_window
app = make_application()
window = open_window(sys.argv[1])
window.show()
app.processEvents()
print("SHOWN", flush=True)
if len(sys.argv) > 2:  # open every page of every person, then report memory
    from ui.pages import SECTIONS
    for person in window.context.store.people():
        window.context.set_person(person.id)
        for key, _ in SECTIONS:
            window.show_section(key)
            app.processEvents()
    rss = [l for l in open('/proc/self/status') if l.startswith(('VmRSS', 'VmHWM'))]
    print("MEMORY", " ".join(l.split()[1] for l in rss), flush=True)
"""


@pytest.fixture(scope="module")
def ui_store(large_store_dir: Path, tmp_path_factory: Any) -> Path:
    """A copy of the large store (10 people, 20 years each) from make_large_store.py."""
    import shutil

    folder = tmp_path_factory.mktemp("bench") / "data"
    shutil.copytree(large_store_dir, folder)
    return folder


def _time_to_shown(code: str, *args: str, env: dict[str, str]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          text=True, env=env, cwd=ROOT) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        shown = time.perf_counter() - started
        rest = process.stdout.read().splitlines()
        process.wait(timeout=300)
    assert first.startswith("SHOWN"), first
    return shown, rest


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp / "config"), "HOME": str(tmp)}


def test_start_up_against_a_bare_window(ui_store: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        bare.append(_time_to_shown(BARE, env=env)[0])
        app.append(_time_to_shown(APP, str(ui_store), env=env)[0])
    b, a = statistics.median(bare), statistics.median(app)
    print(f"\nstart to window shown (subprocess, {RUNS} runs, offscreen): bare QMainWindow "
          f"median {b * 1000:.0f} ms worst {max(bare) * 1000:.0f} ms; organizer median "
          f"{a * 1000:.0f} ms worst {max(app) * 1000:.0f} ms; ratio {a / b:.2f}x")


def test_memory_after_opening_every_page(ui_store: Path, tmp_path: Path) -> None:
    _shown, rest = _time_to_shown(APP, str(ui_store), "all", env=_env(tmp_path))
    line = next(x for x in rest if x.startswith("MEMORY"))
    rss_kb, peak_kb = (int(v) for v in line.split()[1:3])
    print(f"\nmemory after every page of every person: RSS {rss_kb / 1024:.0f} MB "
          f"(peak {peak_kb / 1024:.0f} MB)")


def test_switching_person_and_section(qtbot: Any, ui_store: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from organizer.store import Store
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.pages import SECTIONS
    from ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with Store(ui_store) as store:
        window = MainWindow(AppContext(store), settings)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        people = [p.id for p in store.people()]

        def timed(action: Any) -> float:
            started = time.perf_counter()
            action()
            QApplication.processEvents()
            return time.perf_counter() - started

        first_build = [timed(lambda k=k: window.show_section(k)) for k, _ in SECTIONS]
        sections = [timed(lambda k=k: window.show_section(k))
                    for _ in range(3) for k, _ in SECTIONS]
        switches = []
        for key, _ in SECTIONS:
            window.show_section(key)
            for person in people:
                switches.append(timed(lambda p=person: window.context.set_person(p)))
        window.close()

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.1f} ms, "
                f"worst {max(values) * 1000:.1f} ms")

    print(f"\nfirst showing of each section (page built): {ms(first_build)}")
    print(f"switching section (built pages, {len(sections)} switches): {ms(sections)}")
    print(f"switching person on every section ({len(switches)} switches): {ms(switches)}")
