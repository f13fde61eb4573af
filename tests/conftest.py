"""Shared test fixtures: a fresh store in a temporary folder per test, the command line
run as a real subprocess, and the shared fixture files (skipped when absent)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


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


def run_cli(*args: str, data_dir: Path | None = None, env: dict[str, str] | None = None,
            input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m organizer ARGS` as a real process, from the repository's code."""
    # Like an installed app, the subprocess may keep its compiled bytecode between runs
    # (without it every run recompiles the whole command line: slow tests, no better proof).
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("ORGANIZER_") and k != "PYTHONDONTWRITEBYTECODE"}
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    command = [sys.executable, "-m", "organizer"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command + list(args), capture_output=True, text=True, env=full_env,
                          input=input, timeout=timeout, cwd=ROOT)


@pytest.fixture
def cli(data_dir: Path):  # type: ignore[no-untyped-def]
    """`cli("people", "--json")` runs the command line on this test's data folder."""
    def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, data_dir=data_dir, **kwargs)  # type: ignore[arg-type]
    return run


def shared_fixtures() -> Path | None:
    env = os.environ.get("ORGANIZER_FIXTURES")
    folder = Path(env) if env else ROOT.parent / "shared" / "fixtures"
    return folder if folder.is_dir() else None


@pytest.fixture
def fixtures_dir() -> Path:
    """The shared real-world FHIR and C-CDA files; the test is skipped where they are absent."""
    folder = shared_fixtures()
    if folder is None:
        pytest.skip("the shared fixtures folder (../shared/fixtures or ORGANIZER_FIXTURES) "
                    "is not present")
    return folder


_EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without tearing the interpreter down once every result is reported.

    Hundreds of Qt widgets, threads and connections made by the tests are otherwise
    destroyed in whatever order the plugins' teardown and Python's shutdown find them;
    once in a while that order crashes inside Qt after the last result was printed,
    turning a green run red. The results and the exit status are final at this point
    (the summary is printed when the session finishes), so nothing is lost; this runs
    first among the plugins' teardowns for that reason.
    """
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)

