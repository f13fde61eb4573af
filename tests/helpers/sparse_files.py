"""Large files without the disk space (sparse), and a command's peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.cli import ROOT

PASS = "correct horse battery staple"
_MEASURED = """
import resource, sys
from organizer.cli import main
code = main(sys.argv[1:])
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK_KB", peak, file=sys.stderr)
sys.exit(code)
"""



def peak_memory_kb(data_dir: Path, *args: str) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env.update(PYTHONPATH=str(ROOT), ORGANIZER_PASSPHRASE=PASS)
    done = subprocess.run([sys.executable, "-c", _MEASURED, "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.split("PEAK_KB")[-1].split()[0]) * 1024


def sparse_file(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
        handle.seek(size // 2)
        handle.write(b"a marker in the middle")
    return path
