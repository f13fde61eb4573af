"""Listing a section of the large store: the first person's 5,000 test results, the way a
page loads them (Store.list_items), and other sections for comparison.

Target (issue 2): under 50 ms for 5,000 items. Printed, never asserted.
"""

from __future__ import annotations

from organizer.storage.store import Store
from tests.benchmarks.timing import report, timed


def test_list_speed(large_store: Store) -> None:
    people = large_store.people()
    big = max(people, key=lambda p: large_store.count("result", p.id))
    lines = []
    for type_name, person_id, label in (
            ("result", big.id, f"results of {big.full_name}"),
            ("result", None, "results of everyone"),
            ("record", big.id, f"records of {big.full_name} (with attachments)"),
            ("visit", big.id, f"visits of {big.full_name}"),
            ("medication", None, "medications of everyone")):
        timed(lambda t=type_name, p=person_id: large_store.list_items(t, p))  # warm the cache
        elapsed, items = timed(lambda t=type_name, p=person_id: large_store.list_items(t, p),
                               repeat=5)
        lines.append(f"{label}: {len(items):,} items in {elapsed:.1f} ms (best of 5)")
    lines.append("target: 5,000 items in under 50 ms")
    report("listing a section (Store.list_items, in-process)", lines)
