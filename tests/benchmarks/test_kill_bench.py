"""Hundreds of SIGKILLs across every write path: prints kills, damaged stores, lost writes.

Run with `make bench`. Each kill starts a real writer process (tests/helpers/crash_child.py), kills
it at a random moment, and opens the store as the next start would (tests/helpers/crash_harness.py).
Set ORGANIZER_KILLS to change the number of kills per write path (default 60).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from tests.helpers.crash_harness import VERIFIERS, kill_once


@pytest.mark.timeout(7200)
def test_kill_bench(tmp_path: Path) -> None:
    per_path = int(os.environ.get("ORGANIZER_KILLS", "60"))
    seed = int(os.environ.get("ORGANIZER_KILL_SEED", str(int.from_bytes(os.urandom(4), "big"))))
    rng = random.Random(seed)
    totals = {"kills": 0, "damaged": 0, "lost": 0, "acks": 0}
    started = time.perf_counter()
    print(f"\nkill bench: seed {seed}, {per_path} kills per write path")
    for scenario in sorted(VERIFIERS):
        root = tmp_path / scenario / "data"
        damaged = lost = acks = 0
        for number in range(per_path):
            if number % 20 == 0:  # a fresh store now and then, so stores stay small
                root = tmp_path / scenario / f"data-{number}"
            result = kill_once(scenario, root, rng)
            acks += len(result.acks)
            if result.damage:
                damaged += 1
                print(f"  DAMAGED ({scenario}): {result.damage}")
            if result.lost:
                lost += len(result.lost)
                print(f"  LOST ({scenario}): {result.lost}")
        print(f"  {scenario:<12} kills {per_path:>4}  acknowledged writes {acks:>6}  "
              f"damaged stores {damaged}  lost writes {lost}")
        totals["kills"] += per_path
        totals["damaged"] += damaged
        totals["lost"] += lost
        totals["acks"] += acks
    print(f"  TOTAL        kills {totals['kills']:>4}  acknowledged writes {totals['acks']:>6}  "
          f"damaged stores {totals['damaged']}  lost writes {totals['lost']}  "
          f"({time.perf_counter() - started:.0f} s)")
