"""packaging/slim_folder.py on real libraries from the wheels the package ships: a
padded library compacted still loads and means the same, a stripped Python module still
imports, and numpy's patchelf-rewritten OpenBLAS, which strip would break, is kept as is.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(sysconfig.get_paths()["purelib"])

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: Linux"),
    pytest.mark.skipif(shutil.which("strip") is None or shutil.which("readelf") is None,
                       reason="binutils (strip, readelf) is not installed"),
]


def _slim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("slim_folder",
                                                  ROOT / "packaging" / "slim_folder.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["slim_folder"] = module
    spec.loader.exec_module(module)
    return module


def _loads(path: Path) -> bool:
    done = subprocess.run([sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])",
                           str(path)], capture_output=True, timeout=60)
    return done.returncode == 0


def _one(pattern: str) -> Path:
    found = sorted(SITE.glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} in this environment")
    return found[0]


def test_a_padded_library_is_compacted_and_still_loads(tmp_path: Path) -> None:
    slim = _slim()
    source = _one("tesserocr.libs/libtiff-*.so*")  # patchelf padded it to 6 MB
    libs = tmp_path / "tesserocr.libs"
    shutil.copytree(source.parent, libs)
    library = libs / source.name
    before = library.stat().st_size
    saved = slim.compact_library(library)
    assert saved > 1_000_000 and library.stat().st_size == before - saved
    assert slim.page_aligned(library) and _loads(library)
    for option in ("-d", "--dyn-syms"):  # the same dependencies, exports and versions
        assert slim._readelf(library, option) == slim._readelf(source, option) != "failed"
    assert slim.compact_library(library) == 0  # nothing left to cut


def test_a_stripped_module_still_imports(tmp_path: Path) -> None:
    slim = _slim()
    spec = importlib.util.find_spec("_json")
    module = Path(spec.origin) if spec is not None and spec.origin else None
    if module is None or not module.is_file() or not slim._has_symbols(module):
        pytest.skip("this Python's _json module has no symbols to strip")
    copy = tmp_path / module.name
    shutil.copy(module, copy)
    assert slim.strip_library(copy) > 0 and not slim._has_symbols(copy)
    done = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]);"
                           " import _json; print(_json.__file__)", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == str(copy)


def test_openblas_is_kept_whole_since_strip_would_break_it(tmp_path: Path) -> None:
    slim = _slim()
    source = _one("numpy.libs/libscipy_openblas*.so")
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    trial = tmp_path / "stripped.so"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(trial), str(copy)], check=True)
    if slim.page_aligned(trial):
        pytest.skip("this strip keeps OpenBLAS loadable: nothing to refuse")
    assert not _loads(trial)  # what the check protects against: the loader refuses it
    assert slim.strip_library(copy) == -1
    assert copy.read_bytes() == source.read_bytes()
    assert not list(tmp_path.glob("*.stripping"))
