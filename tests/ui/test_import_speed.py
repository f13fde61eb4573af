"""PySide6 no longer reads the source of every module the app imports (ui/import_speed.py):
the hook is there in the PySide6 we ship with, it is replaced before the app's modules are
imported, and Qt still works for a module imported after it."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.cli import ROOT

CHILD = """
import sys, inspect
import ui  # replaces the hook first
feature = sys.modules["shibokensupport.feature"]
from ui import import_speed
print("replaced", feature._mod_uses_pyside is import_speed._uses_no_switches)
reads = []
real = inspect.getsource
inspect.getsource = lambda obj: reads.append(obj) or real(obj)
import ui.first_frame  # a module of the app that uses PySide6, imported after
from PySide6.QtWidgets import QApplication, QListView
app = QApplication([])
view = QListView()
ui.first_frame.no_sideways_scroll(view)
print("policy", int(view.horizontalScrollBarPolicy().value))
print("reads", len(reads))
"""


def test_pyside_reads_no_source_of_the_modules_imported_after_ui() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                                         "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["replaced"] == "True", "PySide6 moved its hook: see ui/import_speed.py"
    assert lines["reads"] == "0"
    assert lines["policy"] == "1"  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff, set by property
