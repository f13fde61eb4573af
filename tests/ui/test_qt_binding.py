"""The Qt binding itself must not corrupt Python's memory.

PySide6 6.12.0's `Signal.emit()` returned `True` without taking a reference, so every emit
from Python code lowered True's reference count by one; after a few thousand emits the
interpreter aborts ("bool_dealloc"). The app emits signals for every keystroke saved and
every progress step, so it would crash within minutes. pyproject.toml keeps PySide6 below
6.12; this test fails if an upgrade brings such a leak back.
"""

from __future__ import annotations

import json
import subprocess
import sys

# Run in a fresh interpreter: in the test process other threads (a worker finishing, the
# garbage collector) take and drop references to True and None while we count.
_PROBE = """
import json, sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    with_args = Signal(int, int, str)
    bare = Signal()
    carrying = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
received = []
emitter.with_args.connect(lambda *args: received.append(args))
emitter.carrying.connect(received.append)
counts = [sys.getrefcount(x) for x in (True, False, None)]
for _ in range(EMITS):
    emitter.with_args.emit(1, 2, "step")
    emitter.bare.emit()
    emitter.carrying.emit(None)
received.clear()
after = [sys.getrefcount(x) for x in (True, False, None)]
print(json.dumps([b - a for b, a in zip(counts, after)]))
"""


def test_emitting_signals_keeps_reference_counts_of_true_false_and_none() -> None:
    emits = 1000
    done = subprocess.run([sys.executable, "-c", _PROBE.replace("EMITS", str(emits))],
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    # On PySide6 6.12.0 the probe aborts (a negative return code) or loses ~3,000.
    assert done.returncode == 0, done.stderr[-500:]
    losses = json.loads(done.stdout)
    # A leak loses one reference per emit (thousands here); a few come and go with the
    # interpreter's own bookkeeping.
    assert max(losses) < emits // 10, losses
