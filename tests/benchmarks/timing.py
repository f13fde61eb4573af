"""Small helpers to time things the same way in every benchmark."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """The best of `repeat` runs of `action`, in milliseconds, and its last result."""
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


def summary(times_ms: list[float]) -> str:
    return (f"median {statistics.median(times_ms):.1f} ms, worst {max(times_ms):.1f} ms, "
            f"best {min(times_ms):.1f} ms over {len(times_ms)}")


def report(title: str, lines: list[str]) -> None:
    """Print one benchmark's figures as a small block (make bench runs pytest with -s)."""
    print(f"\n== {title}")
    for line in lines:
        print(f"   {line}")
