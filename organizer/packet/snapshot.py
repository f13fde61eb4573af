"""An immutable copy of everything a packet or printout shows about one person.

Taking the snapshot is the only step that reads the database; laying out the pages then
works on plain frozen items, so it can run in a worker thread (which opens its own Store)
and two packets made from the same snapshot are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from organizer.errors import NotFoundError
from organizer.items.models import (
    Allergy,
    Case,
    Condition,
    Immunization,
    Item,
    Medication,
    Opinion,
    Person,
    Procedure,
    Provider,
    Quote,
    Record,
    Request,
    Result,
    Sending,
    Treatment,
    Visit,
)
from organizer.items.models import Question as QuestionItem
from organizer.packet.text import sort_key
from organizer.storage.store import Store

T = TypeVar("T", bound=Item)


@dataclass(frozen=True)
class PacketSnapshot:
    """One person's data (and one case, or none) as it was when the packet was asked for."""

    person: Person
    case: Case | None
    taken_on: str
    providers: tuple[Provider, ...] = ()
    conditions: tuple[Condition, ...] = ()
    cases: tuple[Case, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    quotes: tuple[Quote, ...] = ()
    medications: tuple[Medication, ...] = ()
    allergies: tuple[Allergy, ...] = ()
    immunizations: tuple[Immunization, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    results: tuple[Result, ...] = ()
    records: tuple[Record, ...] = ()  # every record, the case's own first, then by date
    sendings: tuple[Sending, ...] = ()
    requests: tuple[Request, ...] = ()
    questions: tuple[QuestionItem, ...] = ()  # the case's and the unattached, in order
    visits: tuple[Visit, ...] = ()
    # The app's user when they are not the patient: the one person marked "self" (a
    # caregiver keeps their own record too), named on the cover as who prepared it.
    user_name: str | None = None
    # record id -> its imaging disc's index (Store.disc_series rows), for disc records only
    discs: dict[int, tuple[dict[str, Any], ...]] = field(default_factory=dict)

    def provider(self, provider_id: int | None) -> Provider | None:
        for provider in self.providers:
            if provider.id == provider_id:
                return provider
        return None

    def condition(self, condition_id: int | None) -> Condition | None:
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        return None

    def record(self, record_id: int | None) -> Record | None:
        for record in self.records:
            if record.id == record_id:
                return record
        return None

    def visit(self, visit_id: int | None) -> Visit | None:
        for visit in self.visits:
            if visit.id == visit_id:
                return visit
        return None

    def primary_doctor(self) -> Provider | None:
        """The doctor who manages all care: the person's chosen one, else the first in
        primary care."""
        chosen = self.provider(self.person.primary_provider_id)
        if chosen is not None:
            return chosen
        return next((p for p in self.providers if p.role == "primary_care"), None)

    def quotes_for(self, treatment_id: int) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.treatment_id == treatment_id)

    def sendings_for(self, record_id: int) -> tuple[Sending, ...]:
        return tuple(s for s in self.sendings if s.record_id == record_id)

    def packet_questions(self) -> list[QuestionItem]:
        """The questions the packet and the question sheet print (organizer.visit_questions):
        those of the visit the packet is made for, and the general ones."""
        from organizer.care import visit_questions

        case_id = self.case.id if self.case is not None else None
        case_visits = frozenset(v.id for v in self.visits
                                if case_id is not None and v.case_id == case_id)
        return visit_questions.for_packet(self.questions, case_id, self.next_visit(),
                                          case_visits)

    def questions_for(self, visit: Visit) -> list[QuestionItem]:
        """The questions of one visit, as visit mode shows them (organizer.visit_questions)."""
        from organizer.care import visit_questions

        return visit_questions.for_visit(self.questions, visit)

    def next_visit(self) -> Visit | None:
        """The visit the packet is prepared for: the case's next planned visit with the
        doctor who gives the opinion (role "second_opinion", or one records are sent to,
        as organizer.care.case_summary.expects_records decides for the overview), else its next
        planned visit, else its latest one. A physical-therapy session linked to the case
        must not take the second doctor's place on the cover."""
        if self.case is None:
            return None
        own = [v for v in self.visits if v.case_id == self.case.id and v.status != "cancelled"]
        planned = sorted((v for v in own if v.status == "planned"
                          and v.scheduled_at[:10] >= self.taken_on),
                         key=lambda v: v.scheduled_at)
        recipients = {s.recipient_id for s in self.sendings}
        second = {p.id for p in self.providers if p.role == "second_opinion"}
        for visit in planned:
            if visit.provider_id is not None and visit.provider_id in second | recipients:
                return visit
        if planned:
            return planned[0]
        return max(own, key=lambda v: v.scheduled_at) if own else None


def _items(store: Store, cls: type[T], person_id: int) -> list[T]:
    return [i for i in store.list_items(cls.TYPE, person_id) if isinstance(i, cls)]


def order_records(records: list[Record], case_id: int | None) -> tuple[Record, ...]:
    """The case's own records first, then every other one; each group by date (undated last)."""
    def key(record: Record) -> tuple[int, str, int]:
        own = 0 if case_id is not None and record.case_id == case_id else 1
        return (own, sort_key(record.dated_on), record.id)
    return tuple(sorted(records, key=key))


def take_snapshot(store: Store, person_id: int, case_id: int | None = None,
                  today: str | None = None) -> PacketSnapshot:
    """Read one person's data (and check that the case is theirs) into a snapshot."""
    person = store.person(person_id)
    case: Case | None = None
    if case_id is not None:
        found = store.get("case", case_id)
        if not isinstance(found, Case) or found.person_id != person_id:
            raise NotFoundError(f"Second opinion number {case_id} is not one of "
                                f"{person.full_name}'s.")
        case = found

    def of_case(items: list[T]) -> tuple[T, ...]:
        if case is None:
            return tuple(items)
        return tuple(i for i in items if getattr(i, "case_id", None) == case.id)

    treatments = of_case(_items(store, Treatment, person_id))
    treatment_ids = {t.id for t in treatments}
    visits = _items(store, Visit, person_id)
    case_visits = {v.id for v in visits if case is not None and v.case_id == case.id}
    questions = [q for q in _items(store, QuestionItem, person_id)
                 if case is None or q.case_id == case.id or q.visit_id in case_visits
                 or (q.case_id is None and q.visit_id is None)]
    questions.sort(key=lambda q: (q.position if q.position is not None else 1_000_000, q.id))
    records = order_records(_items(store, Record, person_id),
                            case.id if case is not None else None)
    discs = {record_id: tuple(rows) for record_id, rows in
             store.disc_series([r.id for r in records]).items()}
    selves = [p.full_name for p in store.people()
              if (p.relationship or "").strip().lower() in ("self", "me", "myself")]
    return PacketSnapshot(
        person=person, case=case, taken_on=today or date.today().isoformat(),
        user_name=selves[0] if len(selves) == 1 and selves[0] != person.full_name else None,
        providers=tuple(_items(store, Provider, person_id)),
        conditions=tuple(_items(store, Condition, person_id)),
        cases=tuple(_items(store, Case, person_id)),
        opinions=tuple(sorted(of_case(_items(store, Opinion, person_id)),
                              key=lambda o: (sort_key(o.given_on), o.id))),
        treatments=treatments,
        quotes=tuple(q for q in _items(store, Quote, person_id)
                     if q.treatment_id in treatment_ids),
        medications=tuple(_items(store, Medication, person_id)),
        allergies=tuple(_items(store, Allergy, person_id)),
        immunizations=tuple(_items(store, Immunization, person_id)),
        procedures=tuple(_items(store, Procedure, person_id)),
        results=tuple(_items(store, Result, person_id)),
        records=records,
        discs=discs,
        sendings=tuple(_items(store, Sending, person_id)),
        requests=tuple(_items(store, Request, person_id)),
        questions=tuple(questions),
        visits=tuple(sorted(visits, key=lambda v: (v.scheduled_at, v.id))),
    )
