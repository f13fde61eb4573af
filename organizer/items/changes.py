"""What a write changed: the value every store write returns.

The app broadcasts it and each open view decides whether it must refresh; the undo stack
keeps it to reverse the write. `before` and `after` are the whole items, so reversing an
edit writes `before.values()` back.
"""

from __future__ import annotations

from dataclasses import field

from organizer.frozen import frozen
from organizer.items.models import Item

ADDED, UPDATED, DELETED, RESTORED = "added", "updated", "deleted", "restored"


@frozen
class ItemChange:
    """One item's change."""

    action: str  # ADDED, UPDATED, DELETED or RESTORED
    type: str
    id: int
    person_id: int
    before: Item | None = None
    after: Item | None = None


@frozen
class Change:
    """Everything one write changed (a case with its checklist, an import's many items)."""

    items: tuple[ItemChange, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __add__(self, other: Change) -> Change:
        return Change(self.items + other.items)

    @property
    def types(self) -> frozenset[str]:
        """The item types touched: a view showing none of them need not refresh."""
        return frozenset(c.type for c in self.items)

    @property
    def person_ids(self) -> frozenset[int]:
        return frozenset(c.person_id for c in self.items)

    @property
    def first(self) -> ItemChange:
        return self.items[0]

    @property
    def id(self) -> int:
        """The id of the main item written (the first one)."""
        return self.items[0].id

    def touches(self, type_name: str) -> bool:
        return type_name in self.types
