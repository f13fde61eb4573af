"""The app's compiled catalogues for tests: built from the committed .ts as `make
translations` does (only when older), so a test run without make has them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.cli import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def build_catalogues() -> list[Path]:
    """Every resources/translations/*.ts compiled to its .qm when the .qm is older."""
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            done = subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                                   str(qm)], capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(done.stderr)
        built.append(qm)
    return built
