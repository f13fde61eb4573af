"""Desktop app figures (printed, never asserted): start-up against a bare PySide6 window,
switching person and section, and memory after opening every page.

Run with `make bench`. Runs on a copy of the large store of tests/benchmarks/make_large_store.py.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 21  # this machine's speed drifts by a third within minutes: many interleaved runs

# Both programs report the moment their main window's first frame is painted and handed to
# the screen: the window's first paintEvent starts a zero timer; Qt paints the children
# and flushes the frame in that same pass, and the timer runs right after, saying "SHOWN".
# Work an app leaves for after its first paint is not counted; work it does before (even
# from a zero timer started before showing the window, which Qt runs before the first
# paint) is. The harness touches no Qt enum: creating one costs the bare window time the
# app would not see as extra. With "SHOWN" each says the processor time it used so far
# (user and system), a figure the machine's other work disturbs less than the wall clock.
FIRST_FRAME = """
import os, resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

real_exec = QApplication.exec
armed = []

def report():
    used = resource.getrusage(resource.RUSAGE_SELF)
    print("SHOWN", used.ru_utime + used.ru_stime, flush=True)
    if os.environ.get("END_AT_FIRST_FRAME"):  # (counting instructions: stop here)
        os._exit(0)
    QApplication.exit(0)  # (quit() would close the windows first)

def arm():
    if not armed:
        armed.append(True)
        QTimer.singleShot(0, report)
"""

BARE = FIRST_FRAME + """
from PySide6.QtWidgets import QMainWindow

class Window(QMainWindow):
    def paintEvent(self, event):
        arm()
        super().paintEvent(event)

app = QApplication([])
window = Window()
window.resize(1200, 800)
window.show()
app.exec()
"""

# For scale only (not the target's reference): the bare window plus one label placed with
# a flag of Qt's namespace. PySide builds all ~90 enums of that namespace as Python enums
# the first time any of it is used (~25-35 ms here); no real window avoids it.
BARE_WITH_QT_NAMESPACE = BARE.replace("window.resize(1200, 800)", """window.resize(1200, 800)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
window.setCentralWidget(QLabel("Overview", alignment=Qt.AlignmentFlag.AlignCenter))""")

# The app as a user starts it, `organizer --data-dir DIR`: the command line, the session
# (one app per folder, the unlock check), the store and the main window. The event loop
# runs until the first frame; then, for the memory figure, every page of every person is
# opened.
APP = FIRST_FRAME + """
import sys
from ui.main_window import MainWindow

real_paint = MainWindow.paintEvent
def paint(window, event):
    arm()
    real_paint(window, event)
MainWindow.paintEvent = paint

def first_frame_then_report(app):
    real_exec()
    if len(sys.argv) > 2:  # open every page of every person, then report memory
        from ui.pages import SECTIONS
        app.processEvents()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        for person in window.context.store.people():
            window.context.set_person(person.id)
            for key, _ in SECTIONS:
                window.show_section(key)
                app.processEvents()
        rss = [l for l in open('/proc/self/status') if l.startswith(('VmRSS', 'VmHWM'))]
        print("MEMORY", " ".join(l.split()[1] for l in rss), flush=True)
    return 0

QApplication.exec = first_frame_then_report
from organizer.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


@pytest.fixture(scope="module")
def ui_store(large_store_dir: Path, tmp_path_factory: Any) -> Path:
    """A copy of the large store (10 people, 20 years each) from make_large_store.py."""
    folder = tmp_path_factory.mktemp("bench") / "data"
    shutil.copytree(large_store_dir, folder)
    return folder


class Shown(NamedTuple):
    wall: float  # seconds from starting the process to its first frame
    cpu: float   # the processor time the process had used by then
    rest: list[str]  # what it printed after


def _time_to_shown(code: str, *args: str, env: dict[str, str]) -> Shown:
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          text=True, env=env, cwd=ROOT) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        shown = time.perf_counter() - started
        rest = process.stdout.read().splitlines()
        process.wait(timeout=300)
    assert first.startswith("SHOWN"), first
    return Shown(shown, float(first.split()[1]), rest)


def _ratios(base: list[Shown], other: list[Shown], field: str) -> str:
    """The median of the runs' own ratios (each run's pair ran back to back), with its
    quartiles: how much of the figure is the machine's drift."""
    ratios = [getattr(o, field) / getattr(b, field) for b, o in zip(base, other, strict=True)]
    low, mid, high = statistics.quantiles(ratios, n=4)
    return f"{mid:.2f}x (quartiles {low:.2f}-{high:.2f})"


def _env(tmp: Path) -> dict[str, str]:
    """Both programs run with their bytecode cached, as an installed app runs (pip writes
    the .pyc files; PySide6's are in site-packages): PYTHONDONTWRITEBYTECODE, if set,
    would have the app compile its own modules on every start and the bare window not."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp / "config"), "HOME": str(tmp),
           "PYTHONPYCACHEPREFIX": str(tmp / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def test_start_up_against_a_bare_window(ui_store: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    _time_to_shown(BARE, env=env)  # not timed: writes the bytecode caches
    _time_to_shown(BARE_WITH_QT_NAMESPACE, env=env)
    _time_to_shown(APP, str(ui_store), env=env)
    bare: list[Shown] = []
    qt: list[Shown] = []
    app: list[Shown] = []
    for _ in range(RUNS):  # interleaved, so all see the same machine load
        bare.append(_time_to_shown(BARE, env=env))
        qt.append(_time_to_shown(BARE_WITH_QT_NAMESPACE, env=env))
        app.append(_time_to_shown(APP, str(ui_store), env=env))

    def ms(runs: list[Shown], field: str) -> str:
        values = [getattr(r, field) for r in runs]
        return (f"median {statistics.median(values) * 1000:.0f} ms, "
                f"worst {max(values) * 1000:.0f} ms")

    print(f"\nstart to the main window's first frame (subprocess, {RUNS} interleaved runs, "
          f"offscreen; the app started as `organizer --data-dir DIR` on the large store):")
    for field, what in (("wall", "wall clock"), ("cpu", "processor time")):
        print(f"  {what}: bare QMainWindow {ms(bare, field)}; organizer {ms(app, field)}; "
              f"ratio {_ratios(bare, app, field)}; for scale, the bare window with one label "
              f"aligned by Qt's namespace {_ratios(bare, qt, field)}")


def _instructions(code: str, *args: str, env: dict[str, str]) -> int:
    """The instructions a process runs from its start to its first frame, counted by
    valgrind (cachegrind, no cache simulation): the same count on a busy or a quiet machine,
    where the clock drifts. It counts work, not waiting: disk reads cost it nothing."""
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           "--cachegrind-out-file=/dev/null", sys.executable, "-c", code,
                           *args], capture_output=True, text=True, env={
                               **env, "END_AT_FIRST_FRAME": "1"}, cwd=ROOT, timeout=600)
    assert done.stdout.startswith("SHOWN"), done.stdout + done.stderr[-2000:]
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    assert found is not None, done.stderr[-2000:]
    return int(found.group(1).replace(",", ""))


def test_start_up_instructions_against_a_bare_window(ui_store: Path, tmp_path: Path) -> None:
    if shutil.which("valgrind") is None:
        pytest.skip("valgrind is not installed (apt-get install valgrind): the instruction "
                    "count of the start-up is not measured")
    env = _env(tmp_path)
    _time_to_shown(BARE, env=env)  # bytecode cached for both
    _time_to_shown(APP, str(ui_store), env=env)
    bare = _instructions(BARE, env=env)
    app = _instructions(APP, str(ui_store), env=env)
    print(f"\ninstructions from start to the first frame (valgrind): bare QMainWindow "
          f"{bare / 1e6:.0f} M; organizer {app / 1e6:.0f} M; ratio {app / bare:.2f}x")


def test_memory_after_opening_every_page(ui_store: Path, tmp_path: Path) -> None:
    rest = _time_to_shown(APP, str(ui_store), "all", env=_env(tmp_path)).rest
    line = next(x for x in rest if x.startswith("MEMORY"))
    rss_kb, peak_kb = (int(v) for v in line.split()[1:3])
    print(f"\nmemory after every page of every person: RSS {rss_kb / 1024:.0f} MB "
          f"(peak {peak_kb / 1024:.0f} MB)")


def test_switching_person_and_section(qtbot: Any, ui_store: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from organizer.opening import open_store
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.pages import SECTIONS
    from ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with open_store(ui_store) as store:
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
        slowest: dict[str, float] = {}
        for key, _ in SECTIONS:
            window.show_section(key)
            for person in people:
                switches.append(timed(lambda p=person: window.context.set_person(p)))
                slowest[key] = max(slowest.get(key, 0.0), switches[-1])
        window.close()

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.1f} ms, "
                f"worst {max(values) * 1000:.1f} ms")

    worst_key = max(slowest, key=lambda k: slowest[k])
    print(f"\nfirst showing of each section (page built, its modules imported): "
          f"{ms(first_build)}")
    print(f"switching section (built pages, {len(sections)} switches): {ms(sections)}")
    print(f"switching person on every section ({len(switches)} switches): {ms(switches)}; "
          f"slowest section {worst_key}")
