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


def _import_graph(root: Path) -> dict[str, set[str]]:
    """Every module of a package and the modules of ours it imports, wherever the import
    stands (at the top, inside a function, under `if TYPE_CHECKING:`): a loop through an
    import inside a function is a loop all the same, only hidden."""
    import ast

    modules: dict[str, Path] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path

    def ours(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    kept = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join([*kept, *([node.module] if node.module else [])])
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules
                           else base for alias in node.names]
            for target in targets:
                found = ours(target)
                if found is not None and found != name:
                    graph[name].add(found)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_among_our_modules() -> None:
    root = Path(__file__).resolve().parent.parent
    for package in ("organizer", "ui"):
        assert _cycles(_import_graph(root / package)) == [], f"import cycles in {package}/"


# Which area of the core may import which (ARCHITECTURE.md, "Folders"). An area is a folder
# of organizer/; the base modules (errors, progress, frozen, the version) import nothing of ours
# above them; the top modules (opening, encryption, logs, cli, commands/) put the areas
# together and may import any of them. A feature package may use another (the packet
# shows a disc's key images) as long as no loop forms (the cycle test above).
BASE = {"organizer", "organizer.errors", "organizer.progress", "organizer.i18n", "organizer.frozen",
        "organizer.formats"}
FEATURES = {"interop", "disc", "scan", "packet"}
MAY_IMPORT = {
    "base": {"base"},
    "items": {"base", "items"},
    "storage": {"base", "items", "storage"},
    "safety": {"base", "items", "storage", "safety"},
    "care": {"base", "items", "storage", "care"},
    **{feature: {"base", "items", "storage", "care"} | FEATURES for feature in FEATURES},
    "demo": {"base", "items", "storage", "care", "demo"} | FEATURES,
}


def _area(module: str) -> str:
    if module in BASE:
        return "base"
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in MAY_IMPORT:
        return parts[1]
    return "top"


def test_each_area_of_the_core_imports_only_the_areas_below_it() -> None:
    graph = _import_graph(ROOT / "organizer")
    assert {_area(m) for m in graph} >= set(MAY_IMPORT) - {"base"} | {"top"}
    wrong = sorted(f"{module} ({_area(module)}) imports {other} ({_area(other)})"
                   for module, others in graph.items() if _area(module) != "top"
                   for other in others if _area(other) not in MAY_IMPORT[_area(module)])
    assert wrong == []


def test_no_test_module_imports_another() -> None:
    """What tests share lives in tests/helpers/ (and fixtures in conftest files): a test
    module that imports another runs that module's tests' set-up twice and ties the two."""
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                leaf = name.rsplit(".", 1)[-1]
                if name.startswith("tests.") and (leaf.startswith("test_") or leaf == "conftest"):
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []
