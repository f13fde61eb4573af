"""The packaged app's one executable: the window with no arguments, the command line with them.

PyInstaller freezes this file. It is `organizer.cli.main` and nothing else, except one
check for the smoke test and the start-up benchmark: with ORGANIZER_FIRST_FRAME_EXIT=1 the
main window's first painted frame prints "SHOWN" on stdout and ends the app with status 0
(the same measure as tests/benchmarks/test_ui_bench.py, which patches the window from
outside; a frozen app cannot be patched from outside, so the hook lives here, in the
launcher, and never in the app's own modules). With ORGANIZER_QT_PARTS_CHECK=FOLDER it
runs packaging/qt_parts_check.py instead (QtPdf, printing, SVG icons) for the same test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


def _exit_at_first_frame() -> None:
    """Print SHOWN and leave the event loop once the main window has painted a frame."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    armed: list[bool] = []
    real_paint = MainWindow.paintEvent

    def report() -> None:
        print("SHOWN", flush=True)
        QApplication.exit(0)

    def paint(window: MainWindow, event: Any) -> None:
        if not armed:
            armed.append(True)
            QTimer.singleShot(0, report)
        real_paint(window, event)

    MainWindow.paintEvent = paint  # type: ignore[method-assign,assignment]


def _use_own_ocr_data() -> None:
    """A packaged app reads scans with the language data it ships (tessdata/ in the
    folder), never a system copy of another Tesseract version; ORGANIZER_TESSDATA set by
    the user still wins (organizer.scan.ocr.tessdata_dir)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        os.environ.setdefault("ORGANIZER_TESSDATA", os.path.join(bundle, "tessdata"))


def main() -> int:
    _use_own_ocr_data()
    if os.environ.get("ORGANIZER_QT_PARTS_CHECK"):  # make package-test only
        from qt_parts_check import run

        return run(Path(os.environ["ORGANIZER_QT_PARTS_CHECK"]))
    if os.environ.get("ORGANIZER_FIRST_FRAME_EXIT") == "1":
        _exit_at_first_frame()
    from organizer.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
