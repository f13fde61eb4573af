"""Which questions belong to a visit: one rule for visit mode, the visit summary and the packet.

A question belongs to visit V when it was written for V (`visit_id`), or when it belongs to
V's second opinion (`case_id`) and was written for no visit in particular. A question
written for another visit of the same second opinion is that visit's, not V's: the patient
chose where to ask it. The order is the one the patient set (`position`), then the order of
writing.

The functions take any items with `id`, `case_id`, `visit_id` and `position` (the store's
`Question`, the packet snapshot's question rows), so the three places that show a visit's
questions cannot drift apart again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class QuestionLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def case_id(self) -> int | None: ...
    @property
    def visit_id(self) -> int | None: ...
    @property
    def position(self) -> int | None: ...


class VisitLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def case_id(self) -> int | None: ...


Q = TypeVar("Q", bound=QuestionLike)


def in_order(questions: Iterable[Q]) -> list[Q]:
    """The patient's order: by position (unnumbered last), then as written."""
    return sorted(questions, key=lambda q: (q.position is None, q.position or 0, q.id))


def belongs_to_visit(question: QuestionLike, visit: VisitLike) -> bool:
    if question.visit_id is not None:
        return question.visit_id == visit.id
    return visit.case_id is not None and question.case_id == visit.case_id


def for_visit(questions: Iterable[Q], visit: VisitLike) -> list[Q]:
    """The questions to ask at `visit`, in order."""
    return in_order(q for q in questions if belongs_to_visit(q, visit))


def for_packet(questions: Iterable[Q], case_id: int | None, visit: VisitLike | None,
               case_visits: frozenset[int] = frozenset()) -> list[Q]:
    """The questions a packet prints, in order.

    For the visit the packet is made for: that visit's questions (the rule above), then the
    questions written for no second opinion and no visit (for whichever doctor comes next).
    Without a visit: every question of the second opinion or of one of its visits
    (`case_visits`), and those general ones; without a second opinion, every question.
    """
    listed = list(questions)

    def general(q: QuestionLike) -> bool:
        return q.case_id is None and q.visit_id is None

    if visit is not None:
        return in_order(q for q in listed if belongs_to_visit(q, visit) or general(q))
    if case_id is None:
        return in_order(listed)
    return in_order(q for q in listed
                    if q.case_id == case_id or q.visit_id in case_visits or general(q))
