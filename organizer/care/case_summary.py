"""What a second-opinion case adds up to: options compared, quotes as a range, progress.

The case page shows these and the packet prints them, so both say the same thing: the
same treatment costs differently at different places, and the comparison shows the range
of quotes (lowest to highest, per currency) beside each option.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from organizer.errors import NotFoundError
from organizer.i18n import _
from organizer.items.models import Checklist, Provider, Quote, Record, Sending, Treatment, Visit
from organizer.storage.store import Store

SENT_STATUSES = ("sent", "received")
OPEN_CASE_STATUSES = (None, "preparing", "scheduled", "seen")

_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_of(value: str | None, *, end: bool = False) -> date | None:
    """The calendar day of a stored date or date-time; None when there is none.

    A partial date ("2026-03", "2026") stands for a span: `end=False` gives its first day,
    `end=True` its last (a deadline typed as "March" means "by the end of March").
    """
    if not value:
        return None
    match = _DAY.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            first = date(int(year), int(month), 1)
            if not end:
                return first
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(int(year), 12, 31) if end else date(int(year), 1, 1)
    except ValueError:
        return None


def money(amount: float, currency: str | None = None) -> str:
    """1250.0, "USD" -> "USD 1,250"; cents are shown only when there are some."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    currency = (currency or "").strip()
    if not currency:
        return text
    if len(currency) == 1:  # a symbol: "$1,250"
        return currency + text
    return f"{currency} {text}"


@dataclass(frozen=True)
class PriceRange:
    """The lowest and highest quote for one option, in one currency."""

    currency: str
    low: float
    high: float
    count: int

    def text(self) -> str:
        places = "1 place" if self.count == 1 else f"{self.count} places"
        if self.low == self.high:
            return f"{money(self.low, self.currency)} ({places})"
        # a currency code is said once ("USD 18,000 – 26,500"), a symbol on both ends
        high = money(self.high, self.currency if len(self.currency) == 1 else None)
        return f"{money(self.low, self.currency)} – {high} ({places})"


def quote_ranges(quotes: Iterable[Quote]) -> tuple[PriceRange, ...]:
    """The range of amounts per currency (quotes without an amount are left out)."""
    by_currency: dict[str, list[float]] = {}
    for quote in quotes:
        if quote.amount is None:
            continue
        by_currency.setdefault((quote.currency or "").strip().upper(), []).append(
            float(quote.amount))
    return tuple(PriceRange(currency, min(amounts), max(amounts), len(amounts))
                 for currency, amounts in sorted(by_currency.items()))


@dataclass(frozen=True)
class OptionSummary:
    """One treatment option with its cost quotes and their range."""

    treatment: Treatment
    quotes: tuple[Quote, ...]
    ranges: tuple[PriceRange, ...]

    @property
    def range_text(self) -> str:
        """"USD 18,000 – 26,500 (3 places)", or "" when no quote has an amount."""
        return "; ".join(r.text() for r in self.ranges)


def options(store: Store, case_id: int) -> list[OptionSummary]:
    """The case's treatment options, in the order they were added, with their quotes."""
    out: list[OptionSummary] = []
    for treatment in store.list_items("treatment", where={"case_id": case_id}):
        assert isinstance(treatment, Treatment)
        quotes = tuple(q for q in store.list_items(
            "quote", where={"treatment_id": treatment.id},
            order_by="amount IS NULL, amount, id") if isinstance(q, Quote))
        out.append(OptionSummary(treatment, quotes, quote_ranges(quotes)))
    return out


@dataclass(frozen=True)
class ChecklistProgress:
    """How far along the ten steps a case is."""

    steps: tuple[Checklist, ...]

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def next_step(self) -> Checklist | None:
        """The first step not done yet (None when all are done)."""
        return next((s for s in self.steps if not s.done), None)

    def text(self) -> str:
        return _("{done} of {total} steps done").format(done=self.done, total=self.total)


def checklist_progress(store: Store, case_id: int) -> ChecklistProgress:
    steps = tuple(s for s in store.list_items("checklist", where={"case_id": case_id},
                                              order_by="step, id") if isinstance(s, Checklist))
    return ChecklistProgress(steps)


def visit_day(visit: Visit) -> date | None:
    return day_of(visit.scheduled_at)


def next_visit(store: Store, case_id: int, today: date) -> Visit | None:
    """The case's first visit still to come (today counts), or None."""
    coming = [v for v in store.list_items("visit", where={"case_id": case_id})
              if isinstance(v, Visit) and v.status not in ("done", "cancelled")
              and (d := visit_day(v)) is not None and d >= today]
    coming.sort(key=lambda v: v.scheduled_at)
    return coming[0] if coming else None


def expects_records(store: Store, visit: Visit) -> bool:
    """Whether the visit's doctor is one the patient's records go to before a visit.

    That is the second-opinion doctor (role "second_opinion"), or any doctor to whom the
    person already sends records (a sending to them in any state: asked, sent, received).
    A therapy session or a routine check-up linked to the case expects nothing; flagging
    every record of the case for it would drown the one warning that matters.
    """
    if visit.provider_id is None:
        return False
    try:
        provider = store.get("provider", visit.provider_id)
    except NotFoundError:
        return False
    if isinstance(provider, Provider) and provider.role == "second_opinion":
        return True
    return bool(store.list_items("sending", visit.person_id,
                                 where={"recipient_id": visit.provider_id}))


def next_records_visit(store: Store, case_id: int, today: date) -> Visit | None:
    """The case's first coming visit that expects records (see `expects_records`)."""
    coming = [v for v in store.list_items("visit", where={"case_id": case_id},
                                          order_by="scheduled_at, id")
              if isinstance(v, Visit) and v.status not in ("done", "cancelled")
              and (d := visit_day(v)) is not None and d >= today]
    return next((v for v in coming if expects_records(store, v)), None)


def is_sent(store: Store, record: Record, recipient_id: int | None) -> bool:
    """Whether the record went (or arrived) to the recipient; any recipient when None."""
    for sending in store.list_items("sending", where={"record_id": record.id}):
        assert isinstance(sending, Sending)
        if sending.status in SENT_STATUSES and (
                recipient_id is None or sending.recipient_id == recipient_id):
            return True
    return False


def case_records(store: Store, case_id: int) -> list[Record]:
    return [r for r in store.list_items("record", where={"case_id": case_id},
                                        order_by="dated_on IS NULL, dated_on, id")
            if isinstance(r, Record)]


def unsent_records(store: Store, visit: Visit) -> list[Record]:
    """The records of the visit's case not yet sent to the visit's doctor."""
    if visit.case_id is None:
        return []
    return [r for r in case_records(store, visit.case_id)
            if not is_sent(store, r, visit.provider_id)]
