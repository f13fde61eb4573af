"""A case's questions for the doctor: their order, and adding several at once.

The question starters dialog and the case's questions tab both add through
`add_questions`, so new questions always go at the end of the list the patient ordered,
in one transaction (one undo step in the app), whether one is typed or ten are picked.
"""

from __future__ import annotations

from collections.abc import Iterable

from organizer.items.changes import Change
from organizer.items.models import Question
from organizer.storage.store import Store


def case_questions(store: Store, case_id: int) -> list[Question]:
    """The case's questions in the order they will be asked."""
    return [q for q in store.list_items("question", where={"case_id": case_id},
                                        order_by="position IS NULL, position, id")
            if isinstance(q, Question)]


def add_questions(store: Store, case_id: int, person_id: int, texts: Iterable[str]) -> Change:
    """Add questions at the end of the case's list, in one transaction."""
    start = len(case_questions(store, case_id))
    change = Change()
    with store.transaction():
        for offset, text in enumerate(texts):
            change = change + store.add("question", {"text": text, "case_id": case_id,
                                                     "position": start + offset + 1},
                                        person_id=person_id)
    return change


def reorder(store: Store, ordered_ids: list[int]) -> Change:
    """Number the questions 1, 2, 3… in the given order (one transaction)."""
    change = Change()
    with store.transaction():
        for position, question_id in enumerate(ordered_ids, start=1):
            change = change + store.update("question", question_id, {"position": position})
    return change
