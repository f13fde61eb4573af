"""The packaged app against the source app (printed, never asserted): time to the main
window's first frame, and the sizes of what `make package` ships.

Both are started the same way, through packaging/entry.py with
ORGANIZER_FIRST_FRAME_EXIT=1 (the window's first painted frame prints SHOWN and ends the
app): the frozen dist/organizer/organizer, and the source's `python packaging/entry.py`
with bytecode cached. Runs are interleaved so both see the same machine load, on one demo
store. Skips unless `make package` has built dist/organizer/.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks.timing import report

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
FROZEN = DIST / "organizer" / "organizer"
RUNS = 7


def _first_frame(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0 and done.stdout.strip() == "SHOWN", done.stderr[-500:]
    return elapsed


def _folder_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


@pytest.mark.skipif(not FROZEN.is_file(), reason="no packaged app: run `make package` first")
def test_frozen_against_source_first_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT),
           "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(data), "demo"],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    shown = {**env, "ORGANIZER_FIRST_FRAME_EXIT": "1"}
    source = [sys.executable, str(ROOT / "packaging" / "entry.py"), "--data-dir", str(data)]
    frozen = [str(FROZEN), "--data-dir", str(data)]
    _first_frame(source, shown)  # not timed: writes the bytecode cache, warms the disk
    _first_frame(frozen, shown)
    times: dict[str, list[float]] = {"source": [], "frozen": []}
    for _ in range(RUNS):
        times["source"].append(_first_frame(source, shown))
        times["frozen"].append(_first_frame(frozen, shown))
    s, f = statistics.median(times["source"]), statistics.median(times["frozen"])
    ratios = statistics.median(b / a for a, b in zip(times["source"], times["frozen"],
                                                     strict=True))
    report("packaged app: start to the first window (demo store, offscreen, "
           f"{RUNS} interleaved runs)", [
               f"source (python packaging/entry.py): median {s * 1000:.0f} ms, "
               f"worst {max(times['source']) * 1000:.0f} ms",
               f"frozen (dist/organizer/organizer):  median {f * 1000:.0f} ms, "
               f"worst {max(times['frozen']) * 1000:.0f} ms",
               f"frozen / source: {f / s:.2f}x (median of the runs' own ratios {ratios:.2f}x)",
           ])


@pytest.mark.skipif(not FROZEN.is_file(), reason="no packaged app: run `make package` first")
def test_package_sizes() -> None:
    lines = [f"dist/organizer/ unpacked: {_folder_mib(DIST / 'organizer'):.1f} MiB "
             "(files only; PyInstaller's links not counted)"]
    for pattern in ("*.deb", "*.tar.gz"):
        for made in sorted(DIST.glob(pattern)):
            lines.append(f"{made.name}: {made.stat().st_size / 2**20:.1f} MiB")
    largest = sorted(((sum(p.lstat().st_size for p in d.rglob("*") if p.is_file()
                           and not p.is_symlink()) if d.is_dir() else d.lstat().st_size, d.name)
                      for d in (DIST / "organizer" / "_internal").iterdir()), reverse=True)
    lines.append("largest parts: " + ", ".join(f"{name} {size / 2**20:.0f}"
                                               for size, name in largest[:8]) + " (MiB)")
    report("packaged app: sizes", lines)
