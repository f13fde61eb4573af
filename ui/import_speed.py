"""Spare every import the source read PySide6 adds to it.

PySide6 replaces Python's `__import__` with its own, and after each module is imported for
the first time it reads that module's whole source file (`inspect.getsource`) to see whether
it mentions PySide6: a module that does may switch on PySide's optional `from __feature__
import snake_case, true_property`. This app never uses those switches, so the answer is
never needed; reading the ~80 files the main window imports before its first frame cost
8-11 ms of a start-up whose bare Qt floor is 110-140 ms (tests/benchmarks/test_ui_bench.py).

`spare_source_reads()` tells PySide, for every module, "no switches here" (the answer it
would reach for a module that never mentions PySide6): with no switch ever selected, Qt's
classes look the same from every module either way. It is a private hook of PySide6's
(shibokensupport.feature._mod_uses_pyside), so it is replaced only when it is there, and a
PySide6 without it simply keeps reading (tests/ui/test_import_speed.py says which).
"""

from __future__ import annotations

import sys
from types import ModuleType

# where PySide6 (6.1 to 6.11) keeps the hook; looked up, never imported
_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def _uses_no_switches(module: ModuleType) -> bool:
    """PySide's question "may this module select a feature?": never, in this app."""
    return False


def spare_source_reads() -> bool:
    """Replace PySide's source-reading check; True if it was there to replace."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(vars(feature).get(_HOOK)):
        return False
    setattr(feature, _HOOK, _uses_no_switches)
    return True
