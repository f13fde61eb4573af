"""The overview's "needs attention" rules, against a fixed `today`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from organizer.care import attention
from organizer.care.attention import (
    DECIDE_BY,
    RECORDS_NOT_SENT,
    REQUEST_OVERDUE,
    UNANSWERED_QUESTIONS,
    needs_attention,
    open_cases,
    upcoming_visits,
)
from organizer.care.case_summary import day_of, options, quote_ranges

TODAY = date(2026, 3, 10)


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def add(store: Any, person_id: int, type_name: str, **values: Any) -> int:
    return int(store.add(type_name, values, person_id=person_id,
                         checklist=type_name == "case").id)


def kinds(store: Any, person_id: int) -> list[str]:
    return [a.kind for a in needs_attention(store, person_id, TODAY)]


def test_nothing_needs_attention_in_an_empty_store(store: Any, person_id: int) -> None:
    assert needs_attention(store, person_id, TODAY) == []
    assert upcoming_visits(store, person_id, TODAY) == []
    assert open_cases(store, person_id) == []


def test_a_record_not_sent_within_a_week_of_the_visit(store: Any, person_id: int) -> None:
    surgeon = add(store, person_id, "provider", name="Dr. Ruth Okafor", role="second_opinion")
    other = add(store, person_id, "provider", name="Dr. Lee")
    case = add(store, person_id, "case", title="Back surgery")
    mri = add(store, person_id, "record", title="Lumbar MRI report", case_id=case)
    visit = add(store, person_id, "visit", scheduled_at=iso(5) + " 10:30", provider_id=surgeon,
                case_id=case)
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.type, a.id) for a in found] == [(RECORDS_NOT_SENT, "record", mri)]
    assert "Lumbar MRI report" in found[0].text and "Dr. Ruth Okafor" in found[0].text
    assert "in 5 days" in found[0].text
    # merely requested, or sent to someone else: still not sent to this doctor
    add(store, person_id, "sending", record_id=mri, recipient_id=surgeon, status="requested")
    add(store, person_id, "sending", record_id=mri, recipient_id=other, status="sent")
    assert kinds(store, person_id) == [RECORDS_NOT_SENT]
    add(store, person_id, "sending", record_id=mri, recipient_id=surgeon, status="sent")
    assert kinds(store, person_id) == []
    # a visit further than a week away does not need its records yet
    store.update("visit", visit, {"scheduled_at": iso(8)})
    add(store, person_id, "record", title="X-ray", case_id=case)
    assert kinds(store, person_id) == []
    store.update("visit", visit, {"scheduled_at": iso(7)})
    assert kinds(store, person_id) == [RECORDS_NOT_SENT]
    # a past or cancelled visit no longer needs anything sent
    store.update("visit", visit, {"status": "cancelled"})
    assert kinds(store, person_id) == []
    store.update("visit", visit, {"status": "planned", "scheduled_at": iso(-1)})
    assert RECORDS_NOT_SENT not in kinds(store, person_id)


def test_a_received_record_counts_as_sent(store: Any, person_id: int) -> None:
    doctor = add(store, person_id, "provider", name="Dr. Lee", role="second_opinion")
    case = add(store, person_id, "case", title="Biopsy")
    slides = add(store, person_id, "record", title="Pathology slides", case_id=case,
                 physical=True)
    add(store, person_id, "visit", scheduled_at=iso(0), provider_id=doctor, case_id=case)
    assert "today" in needs_attention(store, person_id, TODAY)[0].text
    add(store, person_id, "sending", record_id=slides, recipient_id=doctor, status="received")
    assert kinds(store, person_id) == []


def test_records_are_expected_only_by_a_doctor_who_gets_them(store: Any,
                                                              person_id: int) -> None:
    therapist = add(store, person_id, "provider", name="Tom Reyes, DPT", role="therapist")
    case = add(store, person_id, "case", title="Back surgery")
    mri = add(store, person_id, "record", title="Lumbar MRI report", case_id=case)
    add(store, person_id, "visit", scheduled_at=iso(3), provider_id=therapist, case_id=case)
    add(store, person_id, "visit", scheduled_at=iso(4), case_id=case)  # no doctor chosen
    # a therapy session linked to the case expects no records
    assert kinds(store, person_id) == []
    # once one of her records is on its way to him (even only asked for), he expects them
    note = add(store, person_id, "record", title="Clinic note")  # not part of the case
    add(store, person_id, "sending", record_id=note, recipient_id=therapist,
        status="requested")
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.type, a.id) for a in found] == [(RECORDS_NOT_SENT, "record", mri)]
    assert "Tom Reyes, DPT" in found[0].text and "in 3 days" in found[0].text


def test_the_second_opinion_doctor_expects_records_without_any_sending(
        store: Any, person_id: int) -> None:
    expert = add(store, person_id, "provider", name="Dr. Priya Raman", role="second_opinion")
    surgeon = add(store, person_id, "provider", name="Dr. Kessler", role="surgeon")
    case = add(store, person_id, "case", title="Back surgery")
    add(store, person_id, "record", title="MRI report", case_id=case)
    add(store, person_id, "visit", scheduled_at=iso(2), provider_id=surgeon, case_id=case)
    assert kinds(store, person_id) == []
    add(store, person_id, "visit", scheduled_at=iso(6), provider_id=expert, case_id=case)
    found = needs_attention(store, person_id, TODAY)
    assert len(found) == 1 and "Dr. Priya Raman" in found[0].text


def test_many_unsent_records_for_one_visit_make_one_entry(store: Any, person_id: int) -> None:
    expert = add(store, person_id, "provider", name="Dr. Priya Raman", role="second_opinion")
    case = add(store, person_id, "case", title="Back surgery")
    titles = ["MRI report", "X-ray", "Surgeon's letter", "Blood tests", "PT evaluation",
              "Referral"]
    ids = [add(store, person_id, "record", title=t, case_id=case,
               dated_on=f"2026-01-0{n + 1}") for n, t in enumerate(titles)]
    add(store, person_id, "visit", scheduled_at=iso(5) + " 10:30", provider_id=expert,
        case_id=case)
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.type, a.id, a.part) for a in found] == [
        (RECORDS_NOT_SENT, "case", case, "records")]
    assert found[0].text == (
        "6 records have not been sent to Dr. Priya Raman yet; the visit is in 5 days "
        "(15 March 2026): MRI report, X-ray, Surgeon's letter, Blood tests and 2 more.")
    for record_id in ids[:4]:
        add(store, person_id, "sending", record_id=record_id, recipient_id=expert,
            status="sent")
    text = needs_attention(store, person_id, TODAY)[0].text
    assert text.startswith("2 records have not been sent") and text.endswith(
        ": PT evaluation, Referral.")
    add(store, person_id, "sending", record_id=ids[4], recipient_id=expert, status="sent")
    found = needs_attention(store, person_id, TODAY)
    assert [(a.type, a.id) for a in found] == [("record", ids[5])]  # one: the record itself


def test_decide_by_close_or_passed(store: Any, person_id: int) -> None:
    later = add(store, person_id, "case", title="Later", decide_by=iso(15))
    soon = add(store, person_id, "case", title="Soon", decide_by=iso(14))
    passed = add(store, person_id, "case", title="Passed", decide_by=iso(-3))
    decided = add(store, person_id, "case", title="Decided", decide_by=iso(2),
                  status="decided")
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.id, a.overdue) for a in found] == [
        (DECIDE_BY, passed, True), (DECIDE_BY, soon, False)]
    assert "3 days ago" in found[0].text and "in 14 days" in found[1].text
    assert later not in [a.id for a in found] and decided not in [a.id for a in found]
    # a decision written down is enough, even before the status is changed
    store.update("case", soon, {"decision": "Physical therapy first"})
    assert [a.id for a in needs_attention(store, person_id, TODAY)] == [passed]


def test_a_partial_decide_by_means_the_end_of_that_month(store: Any, person_id: int) -> None:
    add(store, person_id, "case", title="Some time in March", decide_by="2026-03")
    assert needs_attention(store, person_id, TODAY) == []  # 31 March is 21 days away
    found = needs_attention(store, person_id, date(2026, 3, 20))
    assert found[0].due == date(2026, 3, 31) and not found[0].overdue
    assert day_of("2026-02", end=True) == date(2026, 2, 28)
    assert day_of("2026", end=False) == date(2026, 1, 1)
    assert day_of("2026-03-12 10:30") == date(2026, 3, 12)
    assert day_of("soon") is None


def test_a_records_request_unanswered_after_30_days(store: Any, person_id: int) -> None:
    clinic = add(store, person_id, "provider", name="Valley Imaging")
    old = add(store, person_id, "request", provider_id=clinic, records="MRI images on disc",
              asked_on=iso(-30))
    add(store, person_id, "request", provider_id=clinic, records="Blood tests",
        asked_on=iso(-29))
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.type, a.id) for a in found] == [(REQUEST_OVERDUE, "request", old)]
    assert "Valley Imaging" in found[0].text and "30 days" in found[0].text
    store.update("request", old, {"received_on": iso(-1)})
    assert kinds(store, person_id) == []


def test_unanswered_questions_after_the_visit(store: Any, person_id: int) -> None:
    doctor = add(store, person_id, "provider", name="Dr. Lee")
    case = add(store, person_id, "case", title="Back surgery")
    visit = add(store, person_id, "visit", scheduled_at=iso(2), provider_id=doctor,
                case_id=case)
    add(store, person_id, "question", text="Is surgery needed now?", case_id=case)
    add(store, person_id, "question", text="What if I wait?", visit_id=visit)
    answered = add(store, person_id, "question", text="How long is recovery?", case_id=case)
    store.update("question", answered, {"answer": "Six weeks"})
    assert kinds(store, person_id) == []  # the visit is still to come
    store.update("visit", visit, {"scheduled_at": iso(-1)})
    found = needs_attention(store, person_id, TODAY)
    assert [(a.kind, a.type, a.id) for a in found] == [(UNANSWERED_QUESTIONS, "case", case)]
    assert found[0].text.startswith("2 questions for the visit with Dr. Lee")
    # a new visit of the case coming up: the case's loose questions may be meant for it
    add(store, person_id, "visit", scheduled_at=iso(20), case_id=case)
    found = needs_attention(store, person_id, TODAY)
    assert found[0].text.startswith("1 question for the visit")


def test_attention_is_per_person_and_sorted(store: Any, person_id: int) -> None:
    other = int(store.add("person", {"full_name": "Jan Kowalski"}).id)
    add(store, other, "case", title="Not hers", decide_by=iso(1))
    add(store, person_id, "case", title="Hers later", decide_by=iso(9))
    add(store, person_id, "case", title="Hers sooner", decide_by=iso(3))
    titles = [a.text for a in needs_attention(store, person_id, TODAY)]
    assert len(titles) == 2 and "Hers sooner" in titles[0]


def test_upcoming_visits_and_open_cases(store: Any, person_id: int) -> None:
    case = add(store, person_id, "case", title="Back surgery")
    add(store, person_id, "case", title="Closed one", status="closed")
    add(store, person_id, "visit", scheduled_at=iso(-2))
    second = add(store, person_id, "visit", scheduled_at=iso(9))
    first = add(store, person_id, "visit", scheduled_at=iso(0) + " 08:00")
    add(store, person_id, "visit", scheduled_at=iso(3), status="cancelled")
    assert [v.id for v in upcoming_visits(store, person_id, TODAY)] == [first, second]
    cases = open_cases(store, person_id)
    assert [c.case.id for c in cases] == [case]
    assert (cases[0].progress.done, cases[0].progress.total) == (0, 10)
    step = cases[0].progress.steps[0]
    store.update("checklist", step.id, {"done": True})
    progress = open_cases(store, person_id)[0].progress
    assert progress.text() == "1 of 10 steps done"
    assert progress.next_step is not None and progress.next_step.step == 2


def test_quote_ranges_per_option(store: Any, person_id: int) -> None:
    case = add(store, person_id, "case", title="Back surgery")
    surgery = add(store, person_id, "treatment", case_id=case, name="Laminectomy")
    therapy = add(store, person_id, "treatment", case_id=case, name="Physical therapy")
    add(store, person_id, "quote", treatment_id=surgery, facility="City Hospital",
        amount=26500, currency="USD")
    add(store, person_id, "quote", treatment_id=surgery, facility="Lakeside Surgery Center",
        amount=18000, currency="usd")
    add(store, person_id, "quote", treatment_id=surgery, facility="Unknown", currency="USD")
    add(store, person_id, "quote", treatment_id=therapy, facility="Move PT", amount=95.5,
        currency="$")
    found = {o.treatment.name: o for o in options(store, case)}
    assert found["Laminectomy"].range_text == "USD 18,000 – 26,500 (2 places)"
    assert found["Laminectomy"].quotes[0].facility == "Lakeside Surgery Center"
    assert found["Physical therapy"].range_text == "$95.50 (1 place)"
    assert quote_ranges([]) == ()


def test_in_days_words() -> None:
    assert attention.in_days(TODAY, TODAY) == "today"
    assert attention.in_days(TODAY + timedelta(days=1), TODAY) == "tomorrow"
    assert attention.in_days(TODAY - timedelta(days=1), TODAY) == "yesterday"
    assert attention.long_date(date(2026, 3, 2)) == "2 March 2026"
