"""Crash safety: real writer processes killed with SIGKILL at random moments.

After each kill the store is opened as the next start would open it: `check` must pass,
every write the writer acknowledged must be there, and no half-written file may be left.
A few kills per write path here; hundreds in tests/benchmarks/test_kill_bench.py.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from organizer.safety.check import check_store
from organizer.storage.gate import GATE_FILES
from tests.helpers.crash_harness import VERIFIERS, kill_once

KILLS_PER_PATH = 2


@pytest.mark.slow
@pytest.mark.parametrize("scenario", sorted(VERIFIERS))
def test_a_killed_writer_loses_nothing_it_acknowledged(scenario: str, tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    root = tmp_path / "data"
    total_acks = 0
    for _ in range(KILLS_PER_PATH):
        result = kill_once(scenario, root, rng)
        total_acks += len(result.acks)
        assert result.damage == [], f"seed {seed}: {result.damage}"
        assert result.lost == [], f"seed {seed}: lost {result.lost}"
    assert (root / "organizer.db").exists()


def test_a_switch_interrupted_after_its_journal_is_finished_at_the_next_start(
        tmp_path: Path) -> None:
    """The swap's roll-forward, step by step: stop after each rename, then start again."""
    from organizer.opening import open_store
    from organizer.storage import swap
    from organizer.storage.paths import DataDir

    root = tmp_path / "data"
    with open_store(root) as store:
        store.add("person", {"full_name": "Old Store"})
    staged_root = tmp_path / "new"
    with open_store(staged_root) as store:
        store.add("person", {"full_name": "New Store"})
    dirs = DataDir(root)
    staging = swap.new_staging(dirs)
    os.replace(staged_root / "organizer.db", staging / "organizer.db")
    os.replace(staged_root / "files", staging / "files")

    # Die right after the journal is durable and the old database went aside.
    calls = {"n": 0}
    real_replace = os.replace

    def dying_replace(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # journal in place, old db aside: stop before the new db moves
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    swap.os.replace = dying_replace
    try:
        with pytest.raises(KeyboardInterrupt):
            swap.swap_in(dirs, staging, with_files=True)
    finally:
        swap.os.replace = real_replace
    assert (root / swap.JOURNAL).exists()
    assert not (root / "organizer.db").exists()
    with open_store(root) as store:  # the next start finishes the switch
        assert [p.full_name for p in store.people()] == ["New Store"]
        assert check_store(store).ok
    assert not (root / swap.JOURNAL).exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".")
            and p.name not in GATE_FILES] == []
