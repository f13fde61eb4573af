"""What needs the user's attention now, for one person: the overview's "to do" list.

Pure functions over a `Store` and a `today` date (passed in, so the rules are tested
against a fixed day). The rules, from the second-opinion workflow:

- Records not sent a week before a visit: a visit of a case within the next 7 days, with a
  doctor who expects records (the second-opinion doctor, or one the person already sends
  records to: `case_summary.expects_records`), and records of that case without a sending
  to that doctor marked sent or received. All the records missing for one visit make one
  entry, so that a long list of records does not bury everything else.
- Unanswered questions: questions for a visit that has taken place (its day has passed or
  it is marked done) with no answer written down. A case's question not tied to a visit
  belongs to the case's latest past visit, unless another visit of the case is still to
  come (then it may be meant for that one).
- A decide-by date close (within 14 days) or passed, on a case not decided yet.
- A records request with nothing received 30 days after it was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from organizer.care.case_summary import (
    OPEN_CASE_STATUSES,
    ChecklistProgress,
    case_records,
    checklist_progress,
    day_of,
    expects_records,
    is_sent,
    visit_day,
)
from organizer.errors import NotFoundError
from organizer.formats import format_date
from organizer.formats import in_days as _in_days
from organizer.i18n import _, ngettext
from organizer.items.models import Case, Question, Request, Visit
from organizer.storage.store import Store

RECORDS_NOT_SENT = "records_not_sent"
UNANSWERED_QUESTIONS = "unanswered_questions"
DECIDE_BY = "decide_by"
REQUEST_OVERDUE = "request_overdue"

SEND_AHEAD_DAYS = 7
DECIDE_SOON_DAYS = 14
REQUEST_WAIT_DAYS = 30
TITLES_LISTED = 4  # a grouped entry names this many records, then "and N more"


@dataclass(frozen=True)
class Attention:
    """One thing to do, in plain words, and the item it opens (`type`, `id`).

    `part` names the part of that item's page to show ("records": a case's records).
    """

    kind: str
    text: str
    type: str
    id: int
    due: date | None = None  # the day it matters by (for sorting)
    overdue: bool = False
    part: str | None = None


def long_date(day: date) -> str:
    """12 March 2026, 12 de marzo de 2026: in the current language (organizer.formats)."""
    return format_date(day, "long")


def in_days(day: date, today: date) -> str:
    """today / tomorrow / in 5 days / yesterday / 3 days ago, in the current language."""
    return _in_days(day, today)


def _visits(store: Store, person_id: int) -> list[Visit]:
    return [v for v in store.list_items("visit", person_id, order_by="scheduled_at, id")
            if isinstance(v, Visit)]


def _provider_name(store: Store, provider_id: int | None) -> str | None:
    if provider_id is None:
        return None
    try:
        return store.get("provider", provider_id).title
    except NotFoundError:  # a deleted doctor: the visit still needs its records
        return None


def upcoming_visits(store: Store, person_id: int, today: date) -> list[Visit]:
    """Visits from today on that are neither done nor cancelled, soonest first."""
    return [v for v in _visits(store, person_id)
            if v.status not in ("done", "cancelled")
            and (d := visit_day(v)) is not None and d >= today]


@dataclass(frozen=True)
class OpenCase:
    """A second opinion not decided yet, with how far along its checklist it is."""

    case: Case
    progress: ChecklistProgress


def open_cases(store: Store, person_id: int) -> list[OpenCase]:
    """Cases still preparing, scheduled or seen (not decided or closed), oldest first."""
    return [OpenCase(c, checklist_progress(store, c.id))
            for c in store.list_items("case", person_id)
            if isinstance(c, Case) and c.status in OPEN_CASE_STATUSES]


def _records_not_sent(store: Store, person_id: int, today: date) -> list[Attention]:
    found: list[Attention] = []
    for visit in upcoming_visits(store, person_id, today):
        day = visit_day(visit)
        assert day is not None
        if visit.case_id is None or (day - today).days > SEND_AHEAD_DAYS:
            continue
        if not expects_records(store, visit):
            continue
        unsent = [r for r in case_records(store, visit.case_id)
                  if not is_sent(store, r, visit.provider_id)]
        if not unsent:
            continue
        doctor = _provider_name(store, visit.provider_id)
        when = _("the visit is {in_days} ({date})").format(in_days=in_days(day, today),
                                                          date=long_date(day))
        if len(unsent) == 1:
            text = (_("“{title}” has not been sent to {doctor} yet; {when}.") if doctor
                    else _("“{title}” has not been sent yet; {when}."))
            found.append(Attention(
                RECORDS_NOT_SENT, text.format(title=unsent[0].title, doctor=doctor, when=when),
                "record", unsent[0].id, day))
            continue
        titles = ", ".join(r.title for r in unsent[:TITLES_LISTED])
        more = len(unsent) - TITLES_LISTED
        if more > 0:
            titles += ngettext(" and {n} more", " and {n} more", more).format(n=more)
        n = len(unsent)
        text = (ngettext("{n} record has not been sent to {doctor} yet; {when}: {titles}.",
                         "{n} records have not been sent to {doctor} yet; {when}: {titles}.",
                         n) if doctor else
                ngettext("{n} record has not been sent yet; {when}: {titles}.",
                         "{n} records have not been sent yet; {when}: {titles}.", n))
        found.append(Attention(
            RECORDS_NOT_SENT, text.format(n=n, doctor=doctor, when=when, titles=titles),
            "case", visit.case_id, day, part="records"))
    return found


def _visit_is_past(visit: Visit, today: date) -> bool:
    if visit.status == "cancelled":
        return False
    day = visit_day(visit)
    return visit.status == "done" or (day is not None and day < today)


def _unanswered_questions(store: Store, person_id: int, today: date) -> list[Attention]:
    visits = _visits(store, person_id)
    by_id = {v.id: v for v in visits}
    latest_past: dict[int, Visit] = {}
    has_coming: set[int] = set()
    for each in visits:
        if each.case_id is None:
            continue
        if _visit_is_past(each, today):
            latest_past[each.case_id] = each  # visits are in date order
        elif each.status != "cancelled":
            has_coming.add(each.case_id)
    waiting: dict[int, list[Question]] = {}
    for question in store.list_items("question", person_id, order_by="position, id"):
        assert isinstance(question, Question)
        if (question.answer or "").strip():
            continue
        visit: Visit | None = None
        if question.visit_id is not None:
            visit = by_id.get(question.visit_id)
            if visit is None or not _visit_is_past(visit, today):
                continue
        elif question.case_id is not None and question.case_id not in has_coming:
            visit = latest_past.get(question.case_id)
            if visit is None:
                continue
        else:
            continue
        waiting.setdefault(visit.id, []).append(question)
    found: list[Attention] = []
    for visit_id, questions in waiting.items():
        past = by_id[visit_id]
        day = visit_day(past)
        doctor = _provider_name(store, past.provider_id)
        visit_words = (_("the visit with {doctor} on {date}") if doctor and day
                       else _("the visit with {doctor}") if doctor
                       else _("the visit on {date}") if day else _("the visit"))
        visit_words = visit_words.format(doctor=doctor, date=long_date(day) if day else "")
        n = len(questions)
        text = ngettext("{n} question for {visit} has no answer written down.",
                        "{n} questions for {visit} have no answer written down.", n)
        target = ("case", past.case_id) if past.case_id is not None else ("visit", past.id)
        found.append(Attention(
            UNANSWERED_QUESTIONS, text.format(n=n, visit=visit_words),
            target[0], target[1], day))
    return found


def _decide_by(store: Store, person_id: int, today: date) -> list[Attention]:
    found: list[Attention] = []
    for case in store.list_items("case", person_id):
        assert isinstance(case, Case)
        if case.status not in OPEN_CASE_STATUSES or (case.decision or "").strip():
            continue
        day = day_of(case.decide_by, end=True)
        if day is None or (day - today).days > DECIDE_SOON_DAYS:
            continue
        if day < today:
            text = _("The date to decide on “{title}” has passed ({date}, {in_days}).")
        else:
            text = _("Decide on “{title}” by {date} ({in_days}).")
        text = text.format(title=case.title, date=long_date(day), in_days=in_days(day, today))
        found.append(Attention(DECIDE_BY, text, "case", case.id, day, overdue=day < today))
    return found


def _requests_overdue(store: Store, person_id: int, today: date) -> list[Attention]:
    found: list[Attention] = []
    for request in store.list_items("request", person_id):
        assert isinstance(request, Request)
        if request.received_on:
            continue
        asked = day_of(request.asked_on, end=True)
        if asked is None or (today - asked).days < REQUEST_WAIT_DAYS:
            continue
        whom = _provider_name(store, request.provider_id) or _("the doctor's office")
        what = " ".join(request.records.split())
        if len(what) > 60:
            what = what[:57].rstrip() + "…"
        days = (today - asked).days
        text = ngettext("The records asked of {whom} on {date} (“{what}”) have not arrived "
                        "after {n} day. Call them, or send a reminder.",
                        "The records asked of {whom} on {date} (“{what}”) have not arrived "
                        "after {n} days. Call them, or send a reminder.", days)
        found.append(Attention(
            REQUEST_OVERDUE, text.format(whom=whom, date=long_date(asked), what=what, n=days),
            "request", request.id, asked, overdue=True))
    return found


def needs_attention(store: Store, person_id: int, today: date) -> list[Attention]:
    """Everything that needs attention: overdue things first, then by the day they matter."""
    found = (_decide_by(store, person_id, today) + _records_not_sent(store, person_id, today)
             + _requests_overdue(store, person_id, today)
             + _unanswered_questions(store, person_id, today))
    return sorted(found, key=lambda a: (not a.overdue, a.due or date.max))
