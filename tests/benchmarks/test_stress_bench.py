"""Several writers and every switch of the whole store at once, with SIGKILLs: lost writes.

Run with `make bench`. Four writer processes each make ORGANIZER_STRESS_WRITES writes
(default 500), one store opening per write as a command in a terminal does, printing each
name once its write is committed (an acknowledged write). Meanwhile a driver runs, one at
a time and in random order, `encrypt`, `change-passphrase`, `decrypt`, `restore`, `packet`
and `check`, and kills a writer or the running command with SIGKILL at random moments
(a killed writer is started again). At the end: acknowledged writes, lost writes (an
acknowledged name in neither the store nor the copy a restore kept of what it replaced),
damaged stores (`organizer check` failing). Prints figures; never fails on a time.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.benchmarks.timing import report
from tests.helpers.cli import ROOT

PASSES = ("stress passphrase one", "stress passphrase two")

_WRITER = """
import sys
from pathlib import Path
from organizer.errors import OrganizerError, WrongPassphraseError
from organizer.storage.store import Store
from organizer.opening import open_store
root, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
passes = sys.argv[4:]
number = 0
while number < count:
    name = f"{tag}-{number}"
    for passphrase in passes:
        try:
            with open_store(root, passphrase=passphrase) as store:
                store.add("person", {"full_name": name})
            print(name, flush=True)
            break
        except WrongPassphraseError:
            continue
        except OrganizerError:
            break  # refused in words (busy): not acknowledged, try the next one
    number += 1
"""


def _env(passphrase: str | None = None, new: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    if passphrase:
        env["ORGANIZER_PASSPHRASE"] = passphrase
    if new:
        env["ORGANIZER_NEW_PASSPHRASE"] = new
    return env


class Writer:
    def __init__(self, root: Path, index: int, count: int) -> None:
        self.root, self.index, self.count = root, index, count
        self.generation = 0
        self.acknowledged: list[str] = []
        self.kills = 0
        self._start()

    def _start(self) -> None:
        tag = f"W{self.index}g{self.generation}"
        remaining = self.count - len(self.acknowledged)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(self.root), tag, str(remaining), *PASSES],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env(), cwd=ROOT)
        self.reader = threading.Thread(target=self._read, args=(self.proc,), daemon=True)
        self.reader.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        with proc.stdout:
            for line in proc.stdout:
                self.acknowledged.append(line.strip())

    def kill_and_restart(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            self.reader.join()
            self.kills += 1
            self.generation += 1
            if len(self.acknowledged) < self.count:
                self._start()

    def done(self) -> bool:
        return self.proc.poll() is not None

    def finish(self) -> None:
        self.proc.wait()
        self.reader.join()


def _encrypted(root: Path) -> bool:
    from organizer.storage.db import is_encrypted

    return is_encrypted(root / "organizer.db")


def _names_in(folder: Path) -> set[str]:
    database = folder / "organizer.db"
    if not database.exists():
        return set()
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            return {r[0] for r in conn.execute("SELECT full_name FROM people")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return set()  # an encrypted copy: never made here (restores run on a plain store)


def _command(root: Path, rng: random.Random, state: dict[str, object],
             tmp: Path) -> tuple[str, list[str], dict[str, str]]:
    encrypted = _encrypted(root)
    current = str(state["pass"]) or PASSES[0]  # plain now: encrypt with the first one
    choices = ["packet", "check"]
    choices += ["change-passphrase", "decrypt"] if encrypted else ["encrypt", "restore"]
    what = rng.choice(choices)
    base = [sys.executable, "-m", "organizer", "--data-dir", str(root)]
    if what == "encrypt":
        return what, [*base, "encrypt"], _env(current)
    if what == "decrypt":
        return what, [*base, "decrypt"], _env(current)
    if what == "change-passphrase":
        new = PASSES[1] if current == PASSES[0] else PASSES[0]
        state["next"] = new
        return what, [*base, "change-passphrase"], _env(current, new)
    if what == "restore":
        return what, [*base, "restore", str(state["backup"])], _env()
    if what == "packet":
        return what, [*base, "packet", "--person", "1", "-o", str(tmp / "packet.pdf")], \
            _env(current if encrypted else None)
    return what, [*base, "check"], _env(current if encrypted else None)


@pytest.mark.timeout(7200)
def test_stress_bench(tmp_path: Path) -> None:
    writes = int(os.environ.get("ORGANIZER_STRESS_WRITES", "500"))
    seed = int(os.environ.get("ORGANIZER_STRESS_SEED", str(int.from_bytes(os.urandom(4), "big"))))
    rng = random.Random(seed)
    root = tmp_path / "data"
    first = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(root), "add",
                            "person", "full_name=Stress Patient"], env=_env(), cwd=ROOT,
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    backup = tmp_path / "plain-backup.zip"
    made = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(root), "backup",
                           "-o", str(backup)], env=_env(), cwd=ROOT, capture_output=True)
    assert made.returncode == 0
    state: dict[str, object] = {"pass": PASSES[0], "backup": backup}
    started = time.perf_counter()
    writers = [Writer(root, n, writes) for n in range(4)]
    ops: dict[str, list[int]] = {}
    replaced: set[str] = set()
    command_kills = 0
    refusals: dict[str, int] = {}
    while not all(w.done() for w in writers):
        what, command, env = _command(root, rng, state, tmp_path)
        proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        killed = rng.random() < 0.25
        if killed:
            time.sleep(rng.uniform(0.05, 1.5))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                command_kills += 1
            else:
                killed = False
        _, err = proc.communicate()
        if proc.returncode not in (0, -signal.SIGKILL):
            refusals[f"{what}: {err.strip()[:90]}"] = refusals.get(
                f"{what}: {err.strip()[:90]}", 0) + 1
        counts = ops.setdefault(what, [0, 0, 0])  # ran, succeeded, killed
        counts[0] += 1
        counts[1] += proc.returncode == 0
        counts[2] += killed
        if proc.returncode == 0 and what == "change-passphrase":
            state["pass"] = state["next"]
        elif killed and what == "change-passphrase":
            state["pass"] = "?"  # find out below
        if state["pass"] == "?" or (killed and what in ("encrypt", "decrypt")):
            state["pass"] = _which_passphrase(root)
        for kept in (root / "backups").glob("before-restore-*"):
            replaced |= _names_in(kept)
        if rng.random() < 0.5:
            rng.choice(writers).kill_and_restart()
        time.sleep(rng.uniform(0.0, 0.5))
    for writer in writers:
        writer.finish()
    elapsed = time.perf_counter() - started
    for kept in (root / "backups").glob("before-restore-*"):
        replaced |= _names_in(kept)
    final_pass = _which_passphrase(root)
    listed = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(root),
                             "people", "--json"], env=_env(final_pass or None), cwd=ROOT,
                            capture_output=True, text=True)
    import json

    names = {p["full_name"] for p in json.loads(listed.stdout)}
    acknowledged = [n for w in writers for n in w.acknowledged]
    lost = [n for n in acknowledged if n not in names and n not in replaced]
    check = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(root), "check"],
                           env=_env(final_pass or None), cwd=ROOT, capture_output=True, text=True)
    lines = [f"seed {seed}; 4 writers x {writes} writes; {elapsed:.0f} s in all",
             f"acknowledged writes: {len(acknowledged)}; lost: {len(lost)}"
             f"{' ' + str(lost[:5]) if lost else ''}",
             f"damaged stores: {0 if check.returncode == 0 else 1}"
             f"{'' if check.returncode == 0 else ' ' + check.stdout[:200]}",
             f"SIGKILLs: {sum(w.kills for w in writers)} writers, {command_kills} commands"]
    lines += [f"{what}: ran {c[0]}, succeeded {c[1]}, killed {c[2]}"
              for what, c in sorted(ops.items())]
    lines += [f"refused ({n}x): {why}" for why, n in sorted(refusals.items())]
    report("Stress: writers during switches, with SIGKILLs", lines)


def _which_passphrase(root: Path) -> str:
    """Which of the two passphrases opens the store now ('' when it is plain)."""
    if not _encrypted(root):
        return ""
    for passphrase in PASSES:
        done = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(root),
                               "people"], env=_env(passphrase), cwd=ROOT, capture_output=True)
        if done.returncode == 0:
            return passphrase
    return PASSES[0]
