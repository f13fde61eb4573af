"""Search on the large store: 50 varied queries, per person and across everyone.

Target (issue 2): median under 30 ms, worst under 100 ms. Figures are printed, never
asserted: timings depend on the machine.
"""

from __future__ import annotations

import random

from organizer.storage.store import Store
from tests.benchmarks.make_large_store import CONDITIONS, DRUGS, TESTS, WORDS
from tests.benchmarks.timing import report, summary, timed


def queries() -> list[str]:
    """Single common words, rare words, prefixes as typed, two or three words, names."""
    rng = random.Random(7)
    found = [rng.choice(WORDS) for _ in range(12)]                       # common words
    found += [w[:4] for w in rng.sample(WORDS, 8)]                        # typed halfway
    found += [" ".join(rng.sample(WORDS, 2)) for _ in range(8)]          # two words
    found += [" ".join(rng.sample(WORDS, 3)) for _ in range(4)]          # three words
    found += [rng.choice(DRUGS) for _ in range(5)]                        # medication names
    found += [t[0] for t in rng.sample(TESTS, 5)]                          # test names
    found += [c.split(",")[0] for c in rng.sample(CONDITIONS, 4)]         # diagnoses
    found += ["Kowalska", "Łucja", "zzzz nothing", "second opinion"]      # names, no hit
    assert len(found) == 50
    return found


def test_search_speed(large_store: Store) -> None:
    people = [p.id for p in large_store.people()]
    large_store.search("warm up")
    everyone: list[float] = []
    one_person: list[float] = []
    hits = 0
    for number, text in enumerate(queries()):
        elapsed, found = timed(lambda text=text: large_store.search(text))
        everyone.append(elapsed)
        hits += len(found)
        elapsed, _ = timed(lambda text=text, n=number: large_store.search(
            text, people[n % len(people)]))
        one_person.append(elapsed)
    both = everyone + one_person
    report("search (Store.search, 50 queries, up to 50 hits each, in-process)", [
        f"across everyone: {summary(everyone)}",
        f"one person:      {summary(one_person)}",
        f"all 100 runs:    {summary(both)}   (target: median < 30 ms, worst < 100 ms)",
        f"{hits} hits in all for the 50 queries across everyone",
    ])
