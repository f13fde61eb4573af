"""Running the command line as a real process, the project's folders, the shared fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def one_line_error(result: Any, *words: str, code: int = 1) -> str:
    """The run failed (exit 1; 2 for a usage error) with exactly one plain line on stderr,
    no traceback."""
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("organizer: ")
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    return lines[0]

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, data_dir: Path | None = None, env: dict[str, str] | None = None,
            input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m organizer ARGS` as a real process, from the repository's code."""
    # Like an installed app, the subprocess may keep its compiled bytecode between runs
    # (without it every run recompiles the whole command line: slow tests, no better proof).
    # The language is the test's to choose (English unless `env` says otherwise), not the
    # machine's locale: LANG=C.UTF-8 keeps UTF-8 and speaks English.
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("ORGANIZER_") and k != "PYTHONDONTWRITEBYTECODE"
                and k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
    full_env["LANG"] = "C.UTF-8"
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    command = [sys.executable, "-m", "organizer"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command + list(args), capture_output=True, text=True, env=full_env,
                          input=input, timeout=timeout, cwd=ROOT)


def shared_fixtures() -> Path | None:
    env = os.environ.get("ORGANIZER_FIXTURES")
    folder = Path(env) if env else ROOT.parent / "shared" / "fixtures"
    return folder if folder.is_dir() else None
