"""How long work in the core reports progress and hears a Cancel, without knowing about Qt.

A long function takes `progress: Progress | None`; it calls `progress.step(done, total,
what)` now and then, and `progress.check()` raises CancelledError once the user has asked
to stop. The app's worker supplies one wired to its progress bar and Cancel button; the
command line passes None (or a printing one).
"""

from __future__ import annotations

from collections.abc import Callable

from organizer.errors import CancelledError


class Progress:
    """Progress reports out, cancellation in."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self._report = report
        self._cancelled = cancelled

    def step(self, done: int, total: int, what: str = "") -> None:
        self.check()
        if self._report is not None:
            self._report(done, total, what)

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise CancelledError()


def step(progress: Progress | None, done: int, total: int, what: str = "") -> None:
    """`progress.step(...)` that accepts None."""
    if progress is not None:
        progress.step(done, total, what)
