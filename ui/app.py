"""Start the desktop app: one QApplication, the store, the main window."""

from __future__ import annotations

import sys
from pathlib import Path


def main(data_dir: str | Path | None = None, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from organizer import __version__
    from organizer.store import Store

    app = QApplication.instance() or QApplication(sys.argv)
    store = Store(Path(data_dir) if data_dir else None)
    window = QMainWindow()
    window.setWindowTitle(f"Second Opinion Organizer {__version__}")
    window.setCentralWidget(QLabel(f"Your data folder: {store.root}"))
    window.resize(1100, 750)
    window.show()
    try:
        return int(app.exec())
    finally:
        store.close()
