"""What encryption at rest costs: the same store, plain and encrypted, in the same run.

Prints median and worst times (and the encrypted/plain ratio) for:
- the command line, end to end as a user runs it (a fresh process each time, so every
  encrypted run pays the passphrase derivation once): people, list, search, and the packet
  when `organizer packet` exists in this build;
- inside one process, opening the store (the first open derives the key; later opens in
  the same process reuse it) and then listing and searching.
Never asserts on time.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.helpers.cli import ROOT

PASS = "benchmark passphrase long enough"
RUNS = int(os.environ.get("ORGANIZER_BENCH_RUNS", "7"))


def _build(root: Path, work: Path) -> None:
    from organizer.opening import open_store

    text = work / "report.txt"
    text.write_text("Pathology report. Findings: adenocarcinoma, margins clear. " * 800)
    with open_store(root) as store, store.transaction():
        for p in range(5):
            person = store.add("person", {"full_name": f"Demo Person {p}"}).id
            for n in range(200):
                store.add("medication", {"name": f"Medication {n}", "dose": f"{n} mg",
                                         "notes": "take with food " * 5}, person_id=person)
                store.add("result", {"name": f"Result {n}", "value": str(n), "unit": "mg/dL",
                                     "observed_on": "2025-03-01"}, person_id=person)
            for n in range(100):
                store.add("journal", {"written_on": "2025-04-01",
                                      "text": f"Day {n}: tired, some pain. " * 10},
                          person_id=person)
            for n in range(20):
                record = store.add("record", {"title": f"Report {n}"}, person_id=person).id
                copy = work / f"r{p}-{n}.txt"
                copy.write_text(text.read_text() + f" number {p}-{n}")
                store.attach_file(record, copy)


def _time(action: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def _cli(data: Path, *args: str, encrypted: bool) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    if encrypted:
        env["ORGANIZER_PASSPHRASE"] = PASS
    done = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(data), *args],
                          capture_output=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def _report(name: str, plain: list[float], encrypted: list[float]) -> None:
    ratio = statistics.median(encrypted) / statistics.median(plain)
    print(f"  {name:<44} plain median {statistics.median(plain) * 1000:7.1f} ms "
          f"(worst {max(plain) * 1000:7.1f})  encrypted median "
          f"{statistics.median(encrypted) * 1000:7.1f} ms (worst {max(encrypted) * 1000:7.1f})"
          f"  ratio {ratio:4.2f}x")


def test_encryption_cost(tmp_path: Path) -> None:
    from organizer.cli import COMMANDS
    from organizer.encryption import encrypt_store
    from organizer.opening import open_store
    from organizer.storage import crypto

    plain = tmp_path / "plain"
    _build(plain, tmp_path)
    locked = tmp_path / "locked"
    shutil.copytree(plain, locked)
    encrypt_store(locked, PASS)
    size = sum(p.stat().st_size for p in plain.rglob("*") if p.is_file()) / 1e6
    print(f"\nencryption cost: 5 people, 2500 items, 100 attached reports ({size:.1f} MB), "
          f"{RUNS} runs each")

    commands: list[tuple[str, ...]] = [("people",), ("list", "medication", "--person", "1"),
                                       ("search", "adenocarcinoma")]
    from importlib import import_module

    if not getattr(import_module(f"organizer.commands.{COMMANDS['packet'][0]}"),
                   "NOT_AVAILABLE", False):
        commands.append(("packet", "--person", "1", "-o", str(tmp_path / "packet.pdf")))
    for command in commands:
        _report("command line: " + " ".join(command[:2]),
                _time(lambda c=command: _cli(plain, *c, encrypted=False)),
                _time(lambda c=command: _cli(locked, *c, encrypted=True)))

    def session(root: Path, passphrase: str | None, first: bool) -> None:
        if first:
            crypto.forget_keys()
        with open_store(root, passphrase=passphrase) as store:
            store.people()
            store.list_items("medication", 1)
            store.search("adenocarcinoma")
            for record in store.list_items("record", 1)[:5]:
                store.read_attachment(record.attachments[0])  # type: ignore[attr-defined]

    _report("in process: open (key derived) + list + search",
            _time(lambda: session(plain, None, True)),
            _time(lambda: session(locked, PASS, True)))
    _report("in process: reopen (key remembered) + same work",
            _time(lambda: session(plain, None, False)),
            _time(lambda: session(locked, None, False)))
