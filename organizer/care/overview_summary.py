"""What the overview leads with: one card per open second opinion, and first steps.

A person opening the app wants to know, for each second opinion under way, what to do
next, how long is left to decide and which records still have to go to the doctor, in
words, without opening the case. Someone who has just added a person has nothing to be
reminded of yet; they are offered the first steps of the workflow (the diagnosis, a
second opinion, the records) instead of being told that nothing needs their attention.

Pure functions of a `Store` and a `today` date, like organizer/attention.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from organizer.care.attention import in_days, long_date, open_cases
from organizer.care.case_summary import (
    ChecklistProgress,
    case_records,
    day_of,
    is_sent,
    next_records_visit,
    next_visit,
    visit_day,
)
from organizer.i18n import N_, _, ngettext
from organizer.items.checklist import step_text
from organizer.items.models import Case, Provider, Record, Visit
from organizer.storage.store import Store


@dataclass(frozen=True)
class CaseCard:
    """One second opinion under way, summed up in a few lines of plain words."""

    case: Case
    progress: ChecklistProgress
    next_step: str  # "Next step: …", or that every step is done
    decide: str  # days left to decide, or that no date is set
    decide_late: bool  # the date to decide by has passed
    visit: str  # the next visit, or that none is planned
    records: str  # the records still to send, or that all went
    unsent: tuple[Record, ...]


def _doctor(store: Store, visit: Visit | None) -> str | None:
    if visit is None:
        return None
    return store.title_of(Provider, visit.provider_id)


def _decide(case: Case, today: date) -> tuple[str, bool]:
    day = day_of(case.decide_by, end=True)
    if day is None:
        return _("No date to decide by yet."), False
    if day < today:
        return _("The date to decide by has passed ({when}).").format(
            when=in_days(day, today)), True
    if day == today:
        return _("Decide today."), False
    days = (day - today).days
    return ngettext("{n} day left to decide (by {day}).", "{n} days left to decide (by {day}).",
                    days).format(n=days, day=long_date(day)), False


def _visit(store: Store, case: Case, today: date) -> str:
    visit = next_visit(store, case.id, today)
    day = visit_day(visit) if visit is not None else None
    if visit is None or day is None:
        return _("No visit planned yet.")
    doctor = _doctor(store, visit)
    if doctor:
        return _("Next visit with {doctor}: {day} ({when}).").format(
            doctor=doctor, day=long_date(day), when=in_days(day, today))
    return _("Next visit: {day} ({when}).").format(day=long_date(day), when=in_days(day, today))


def _records(store: Store, case: Case, today: date) -> tuple[str, tuple[Record, ...]]:
    records = case_records(store, case.id)
    if not records:
        return _("No records added to this second opinion yet."), ()
    visit = next_records_visit(store, case.id, today)
    recipient = visit.provider_id if visit is not None else None
    unsent = tuple(r for r in records if not is_sent(store, r, recipient))
    doctor = _doctor(store, visit)
    if not unsent:
        if len(records) == 1:
            return (_("The record is sent to {doctor}.").format(doctor=doctor) if doctor
                    else _("The record is sent.")), ()
        return (_("All {n} records sent to {doctor}.").format(n=len(records), doctor=doctor)
                if doctor else _("All {n} records sent.").format(n=len(records))), ()
    if doctor:
        return ngettext("{n} record still to send to {doctor}.",
                        "{n} records still to send to {doctor}.", len(unsent)).format(
                            n=len(unsent), doctor=doctor), unsent
    return ngettext("{n} record still to send.", "{n} records still to send.",
                    len(unsent)).format(n=len(unsent)), unsent


def case_cards(store: Store, person_id: int, today: date) -> list[CaseCard]:
    """A card for each second opinion not decided yet, oldest first."""
    cards: list[CaseCard] = []
    for under_way in open_cases(store, person_id):
        case, progress = under_way.case, under_way.progress
        following = progress.next_step
        step = (_("Next step: {step}").format(step=step_text(following.label))
                if following is not None
                else _("Every step of the checklist is done: time to decide."))
        decide, late = _decide(case, today)
        records, unsent = _records(store, case, today)
        cards.append(CaseCard(case, progress, step, decide, late, _visit(store, case, today),
                              records, unsent))
    return cards


@dataclass(frozen=True)
class FirstStep:
    """A step of the workflow not taken yet, and the item type its button adds."""

    type: str
    title: str
    text: str
    button: str


_FIRST_STEPS = (
    FirstStep("condition", N_("Add the diagnosis"),
              N_("Write down what the doctors found, even if it is only suspected, with who "
              "told you and when."), N_("Add the diagnosis")),
    FirstStep("case", N_("Start a second opinion"),
              N_("Say what you want another doctor to look at. The app makes the ten-step "
              "checklist for you."), N_("Start a second opinion")),
    FirstStep("record", N_("Attach your records"),
              N_("Reports, test results, letters: add the files you have, so they are ready "
              "to send."), N_("Attach records…")),
)


def first_steps(store: Store, person_id: int) -> list[FirstStep]:
    """The first steps this person has not taken: no diagnosis, no case, no record yet."""
    return [FirstStep(step.type, _(step.title), _(step.text), _(step.button))
            for step in _FIRST_STEPS if not store.list_items(step.type, person_id)]
