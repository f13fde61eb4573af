"""The Qt binding itself must not corrupt Python's memory.

PySide6 6.12.0's `Signal.emit()` returned `True` without taking a reference, so every emit
from Python code lowered True's reference count by one; after a few thousand emits the
interpreter aborts ("bool_dealloc"). The app emits signals for every keystroke saved and
every progress step, so it would crash within minutes. pyproject.toml keeps PySide6 below
6.12; this test fails if an upgrade brings such a leak back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    with_args = Signal(int, int, str)
    bare = Signal()
    carrying = Signal(object)


def test_emitting_signals_keeps_reference_counts_of_true_false_and_none() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.with_args.connect(lambda *args: received.append(args))
    emitter.carrying.connect(received.append)
    # A garbage collection in the middle (of objects left by earlier tests: items hold
    # many None) would drop None's count by hundreds and look like a leak: none runs here.
    gc.collect()
    gc.disable()
    try:
        counts = [sys.getrefcount(x) for x in (True, False, None)]
        emits = 1000
        for _ in range(emits):
            emitter.with_args.emit(1, 2, "step")
            emitter.bare.emit()
            emitter.carrying.emit(None)
        received.clear()
        after = [sys.getrefcount(x) for x in (True, False, None)]
    finally:
        gc.enable()
    # A leak loses one reference per emit (thousands here); a few come and go with
    # the interpreter's own bookkeeping.
    losses = [before - now for before, now in zip(counts, after, strict=True)]
    assert max(losses) < emits // 10, losses
