"""Fixtures the benchmarks share: the large store, built once and cached (see
make_large_store.py). Any benchmark, of the core, the app or the packet, can ask for
`large_store_dir` (the data folder) or `large_store` (an open Store on it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.opening import open_store
from organizer.storage.store import Store
from tests.benchmarks.make_large_store import large_store as _build


@pytest.fixture(scope="session")
def large_store_dir() -> Path:
    return _build()


@pytest.fixture(scope="session")
def large_store(large_store_dir: Path) -> Iterator[Store]:
    with open_store(large_store_dir) as store:
        yield store
