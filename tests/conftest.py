"""Shared test fixtures: a fresh store in a temporary folder per test, the command line
run as a real subprocess, and the shared fixture files (skipped when absent)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import ROOT, run_cli, shared_fixtures  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
