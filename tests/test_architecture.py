"""The layering rules of ARCHITECTURE.md, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_no_module_under_organizer_imports_qt() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "organizer").rglob("*.py")
                 if _imports(p) & set(QT_MODULES)]
    assert offenders == []


def test_no_module_under_organizer_imports_the_ui() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "organizer").rglob("*.py")
                 if "ui" in _imports(p) and p.name != "gui.py"]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "organizer").rglob("*.py")
        if p.name not in ("__main__.py", "gui.py"))
    code = ("import importlib, sys\n"
            f"for m in {modules!r}:\n"
            "    importlib.import_module(m.removesuffix('.__init__'))\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "print(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
