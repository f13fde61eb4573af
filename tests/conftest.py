"""Shared test fixtures: a fresh store in a temporary folder per test, the command line
run as a real subprocess, and the shared fixture files (skipped when absent)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import ROOT, run_cli, shared_fixtures  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The core speaks English in tests unless a test asks for another language (i18n.language),
# whatever the machine's locale.
os.environ["ORGANIZER_LANG"] = "en"


_language_installed = False


@pytest.fixture(autouse=True)
def _app_in_english(request: pytest.FixtureRequest) -> None:
    """A test with a QApplication runs it as the app starts in English: with the English
    catalogue of plurals ("%n file(s)" -> "1 file"), installed once (ui.i18n)."""
    global _language_installed
    if _language_installed or not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    from tests.helpers.catalogues import build_catalogues
    from ui import i18n

    build_catalogues()
    i18n.install("en", request.getfixturevalue("qapp"))
    _language_installed = True


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[object]:
    from organizer.opening import open_store

    with open_store(data_dir) as opened:
        yield opened


@pytest.fixture
def person_id(store: object) -> int:
    change = store.add("person", {"full_name": "Anna Kowalska", "birth_date": "1950-03-02"})  # type: ignore[attr-defined]
    return int(change.id)


@pytest.fixture
def cli(data_dir: Path):  # type: ignore[no-untyped-def]
    """`cli("people", "--json")` runs the command line on this test's data folder."""
    def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, data_dir=data_dir, **kwargs)  # type: ignore[arg-type]
    return run


@pytest.fixture
def fixtures_dir() -> Path:
    """The shared real-world FHIR and C-CDA files; the test is skipped where they are absent."""
    folder = shared_fixtures()
    if folder is None:
        pytest.skip("the shared fixtures folder (../shared/fixtures or ORGANIZER_FIXTURES) "
                    "is not present")
    return folder


def _qt_app() -> object | None:
    """The QApplication, if a test made one (the core's tests never load Qt)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    return None if widgets is None else widgets.QApplication.instance()


def _delete_windows(keep: set[int]) -> None:
    """Close and delete every top-level widget not in `keep`, now (not at the exit)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if id(widget) not in keep:
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    """A window a test made and left open (a main window from a factory, a dialog shown
    and never closed) is deleted when the test ends, while Qt is whole. Left to the end
    of the run, hundreds of them were destroyed by Python's last garbage collection in
    whatever order it found them, which once in a while crashed inside Qt after every
    result was printed (the run then ended with os._exit to hide it)."""
    app = _qt_app()
    before = {id(w) for w in app.topLevelWidgets()} if app is not None else set()  # type: ignore[attr-defined]
    yield
    if _qt_app() is not None:
        _delete_windows(before)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Whatever is left (a widget made outside any test) goes while Qt is still whole,
    and the garbage collector runs once before Python's own shutdown does."""
    if _qt_app() is not None:
        _delete_windows(set())
        import gc

        gc.collect()
