"""Start the desktop app: one QApplication, the store, the main window.

Start-up is kept lean so that the window appears quickly: pages are built when first
shown, and heavy modules (QtPdf, reportlab) are imported only when used.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def make_application(settings: Any = None) -> Any:
    """The one QApplication, with the app's names, readable type and remembered zoom."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from organizer import __version__
    from ui import style
    from ui.settings import APPLICATION, ORGANIZATION, Settings

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    style.apply_zoom((settings or Settings()).zoom())
    return app


def open_window(data_dir: str | Path | None = None, demo: bool = False,
                settings: Any = None) -> Any:
    """The main window on a data folder (or, with `demo`, on example data); not yet shown."""
    from ui.main_window import MainWindow, open_example_window
    from ui.settings import Settings

    settings = settings or Settings()
    if demo:
        return open_example_window(settings)
    from organizer.store import Store
    from ui.context import AppContext

    store = Store(Path(data_dir) if data_dir else None)
    window = MainWindow(AppContext(store), settings, on_closed=store.close)
    return window


def main(data_dir: str | Path | None = None, demo: bool = False) -> int:
    """Run the app: on example data, or as a session on the data folder (ui.session)."""
    from organizer.errors import OrganizerError
    from organizer.paths import default_data_dir
    from ui.settings import Settings

    settings = Settings()
    app = make_application(settings)
    try:
        if demo:
            open_window(demo=True, settings=settings).show()
        else:
            from ui.session import Session

            session = Session(Path(data_dir) if data_dir else default_data_dir(), settings)
            if not session.start():
                return 0  # the app already open on this folder was brought to the front
    except OrganizerError as exc:
        from PySide6.QtWidgets import QMessageBox

        # Nothing else is on screen yet: a modal box is the only way to say it.
        QMessageBox.critical(None, "Second Opinion Organizer", str(exc))
        print(f"organizer: {exc}", file=sys.stderr)
        return 1
    return int(app.exec())



