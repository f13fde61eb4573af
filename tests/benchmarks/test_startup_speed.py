"""`organizer people` on the large store against `python -c pass`, as real processes.

Target (issue 2): under 3x. Both are run 20 times, alternating so that both see the same
machine load, and the medians compared. Bytecode caching is left on for this run (the test
environment may set PYTHONDONTWRITEBYTECODE): an installed app has its .pyc files, and
compiling the sources on every start is not what a user waits for.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.timing import report

ROOT = Path(__file__).resolve().parents[2]
RUNS = 20


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ORGANIZER_") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - started) * 1000
    assert done.returncode == 0, done.stderr
    return elapsed


def test_people_start_up(large_store_dir: Path) -> None:
    env = _environment()
    baseline = [sys.executable, "-c", "pass"]
    as_module = [sys.executable, "-m", "organizer", "--data-dir", str(large_store_dir), "people"]
    # What the installed `organizer` script runs: no runpy.
    as_script = [sys.executable, "-c", "import sys; from organizer.cli import main; "
                 "sys.exit(main())", "--data-dir", str(large_store_dir), "people"]
    as_json = [*as_module, "--json"]
    commands = {"python -c pass": baseline, "organizer people (as the installed script)":
                as_script, "python -m organizer people": as_module,
                "python -m organizer people --json": as_json}
    for command in commands.values():  # warm up, and write the bytecode caches
        _wall(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            times[name].append(_wall(command, env))
    base = statistics.median(times["python -c pass"])
    lines = []
    for name, found in times.items():
        median = statistics.median(found)
        lines.append(f"{name}: median {median:.1f} ms (best {min(found):.1f}) = "
                     f"{median / base:.2f}x python -c pass")
    lines.append(f"target: organizer people under 3x python -c pass; {RUNS} alternating runs each")
    report("start-up: organizer people on the large store (10 people)", lines)
