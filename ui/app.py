"""Start the desktop app: one QApplication, the store, the main window.

Start-up is kept lean so that the window appears quickly: pages are built when first
shown, and heavy modules (QtPdf, reportlab) are imported only when used.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication


def make_application(settings: Any = None) -> Any:
    """The one QApplication, with the app's names, readable type and remembered zoom."""
    from PySide6.QtWidgets import QApplication

    from organizer import __version__
    from ui import style, theme
    from ui.settings import APPLICATION, ORGANIZATION, Settings

    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (150% is 1.5, not rounded to 2) are Qt 6's default,
        # PassThrough; setting it here would make Qt's namespace before the first frame
        # (ui/first_frame.py).
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    settings = settings or Settings()
    from ui import i18n

    i18n.install(i18n.choose_language(settings.language()), app)
    style.apply_zoom(settings.zoom())
    theme.apply(settings.appearance())
    return app


def open_window(data_dir: str | Path | None = None, demo: bool = False,
                settings: Any = None) -> Any:
    """The main window on a data folder (or, with `demo`, on example data); not yet shown."""
    from ui.main_window import MainWindow, open_example_window
    from ui.settings import Settings

    settings = settings or Settings()
    if demo:
        return open_example_window(settings)
    from organizer.opening import open_store
    from ui.context import AppContext

    store = open_store(Path(data_dir) if data_dir else None)
    window = MainWindow(AppContext(store), settings, on_closed=store.close)
    return window


def install_error_reporting(data_dir: Path | None) -> Any:
    """Errors we never see, seen: configure logging once for the app (organizer.logs, into
    `data_dir`'s private error log) and route every exception nobody caught, in a slot on
    the GUI thread (PySide6 hands those to sys.excepthook) or in any other thread, to the
    log and to the plain-words ErrorDialog. Returns the installed ErrorReporter."""
    from PySide6.QtWidgets import QApplication

    from organizer.logs import configure_logging
    from ui.error_reporting import ErrorReporter, report_exception

    configure_logging(data_dir)
    reporter = ErrorReporter(QApplication.instance()).install()
    previous = sys.excepthook

    def excepthook(kind: type[BaseException], exc: BaseException,
                   tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)  # Ctrl+C in the terminal that started the app
            return
        try:
            report_exception(exc.with_traceback(tb) if exc.__traceback__ is None else exc,
                             "app")
        except Exception:  # the report itself failed (a full disk): Python's own words
            previous(kind, exc, tb)

    previous_thread_hook = threading.excepthook

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return  # a thread that ended itself with sys.exit(): not a failure
        try:
            report_exception(args.exc_value, "a background thread")
        except Exception:  # as above: never fail inside the hook
            previous_thread_hook(args)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    return reporter


def main(data_dir: str | Path | None = None, demo: bool = False) -> int:
    """Run the app: on example data, or as a session on the data folder (ui.session)."""
    from organizer.errors import OrganizerError
    from organizer.storage.paths import default_data_dir
    from ui.settings import Settings

    settings = Settings()
    app = make_application(settings)
    folder = None if demo else Path(data_dir) if data_dir else default_data_dir()
    install_error_reporting(folder)
    try:
        if demo:
            open_window(demo=True, settings=settings).show()
        else:
            from ui.session import Session

            assert folder is not None
            session = Session(folder, settings)
            if not session.start():
                return 0  # the app already open on this folder was brought to the front
    except OrganizerError as exc:
        from PySide6.QtWidgets import QMessageBox

        # Nothing else is on screen yet: a modal box is the only way to say it.
        QMessageBox.critical(None, QCoreApplication.translate("app", "Second Opinion Organizer"),
                             str(exc))
        print(f"organizer: {exc}", file=sys.stderr)
        return 1
    return int(app.exec())



