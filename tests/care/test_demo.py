"""The demo household: what it holds, that its PDFs are real, that it is added only once."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from organizer.demo.household import ORIGIN, add_demo, demo_people_present
from organizer.items.models import TABLES, Person
from organizer.opening import open_store
from organizer.progress import Progress
from organizer.safety.check import check_store
from organizer.storage.store import Store

TODAY = date(2026, 3, 2)


@pytest.fixture
def demo(store: Store) -> Store:
    add_demo(store, today=TODAY)
    return store


def _person(store: Store, name: str) -> Person:
    return store.find_person(name)


def _count(store: Store, type_name: str, person: Person) -> int:
    return store.count(type_name, person.id)


def test_the_household_is_a_caregiver_her_mother_and_a_name_beyond_latin1(demo: Store) -> None:
    names = [p.full_name for p in demo.people()]
    assert sorted(names) == sorted(["Sarah Nowak", "Eleanor Whitfield", "Łukasz Nowak"])
    beyond = [n for n in names if any(ord(ch) > 0xFF for ch in n)]
    assert beyond == ["Łukasz Nowak"]
    with pytest.raises(UnicodeEncodeError):
        "Łukasz Nowak".encode("latin-1")
    assert _person(demo, "Sarah Nowak").relationship == "self"
    assert _person(demo, "Eleanor Whitfield").relationship == "mother"


def test_the_mother_has_a_full_record(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    assert _count(demo, "provider", mother) >= 4
    roles = {p.role for p in demo.list_items("provider", mother.id)}  # type: ignore[attr-defined]
    assert {"primary_care", "surgeon", "second_opinion", "therapist"} <= roles
    primary = demo.get("provider", mother.primary_provider_id or 0)
    assert primary.phone and primary.fax  # type: ignore[attr-defined]
    assert 7 <= demo.count("medication", mother.id) <= 12
    assert _count(demo, "allergy", mother) >= 1
    assert _count(demo, "immunization", mother) >= 3
    assert _count(demo, "procedure", mother) >= 2
    assert _count(demo, "condition", mother) >= 3
    assert _count(demo, "journal", mother) >= 3
    assert _count(demo, "request", mother) >= 1
    assert _count(demo, "case", mother) == 1
    assert _count(demo, "opinion", mother) == 1
    assert _count(demo, "treatment", mother) == 3
    assert _count(demo, "question", mother) == 10


def test_results_repeat_over_time_for_a_chart(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    a1c = demo.list_items("result", mother.id, where={"name": "Hemoglobin A1c"},
                          order_by="observed_on")
    assert len(a1c) >= 4
    dates = [r.observed_on for r in a1c]  # type: ignore[attr-defined]
    assert len(set(dates)) == len(dates)
    assert all(float(r.value) > 0 for r in a1c)  # type: ignore[attr-defined]


def test_the_checklist_is_half_done_with_dates_and_notes(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    steps: list[Any] = demo.list_items("checklist", mother.id, order_by="step")
    assert [s.step for s in steps] == list(range(1, 11))
    done = [s for s in steps if s.done]
    assert len(done) == 5
    assert all(s.done_on and s.note for s in done)
    insurer = steps[1]
    assert insurer.done and "EHP-2291-77431" in insurer.note


def test_options_have_what_a_family_compares(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    options: list[Any] = demo.list_items("treatment", mother.id)
    for option in options:
        assert option.duration and option.recovery_time and option.cost and option.risks
    quoted = [o for o in options if demo.count("quote", mother.id) and
              demo.list_items("quote", mother.id, where={"treatment_id": o.id})]
    assert len(quoted) == 1
    quotes: list[Any] = demo.list_items("quote", mother.id, where={"treatment_id": quoted[0].id})
    assert len({q.facility for q in quotes}) == 2
    assert all(q.amount and q.amount > 0 for q in quotes)


def test_visits_are_both_past_and_still_ahead(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    visits: list[Any] = demo.list_items("visit", mother.id)
    days = [date.fromisoformat(v.scheduled_at[:10]) for v in visits]
    assert any(d < TODAY for d in days)
    planned = [d for v, d in zip(visits, days, strict=True) if v.status == "planned"]
    assert planned and all(d > TODAY for d in planned)
    second = [v for v in visits if v.provider_id and
              demo.get("provider", v.provider_id).role == "second_opinion"]  # type: ignore[attr-defined]
    assert second and second[0].status == "planned"
    # Within a week: the overview shows what is still to be sent to that doctor.
    assert date.fromisoformat(second[0].scheduled_at[:10]) == TODAY + timedelta(days=6)


def test_records_carry_real_readable_pdfs(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    records: list[Any] = demo.list_items("record", mother.id)
    with_files = [r for r in records if r.attachments]
    assert len(with_files) >= 5
    kinds = {r.kind for r in with_files}
    assert {"letter", "imaging", "lab"} <= kinds
    pages = 0
    for record in with_files:
        for attachment in record.attachments:
            assert attachment.media_type == "application/pdf"
            reader = PdfReader(io.BytesIO(demo.read_attachment(attachment)))
            text = "".join(page.extract_text() for page in reader.pages)
            assert "Eleanor Whitfield" in text
            pages += len(reader.pages)
    assert pages > len(with_files)  # at least one report runs over a page
    mri = next(r for r in with_files if "MRI" in r.title)
    mri_text = demo.attachment_text(mri.attachments[0].id)
    assert "stenosis" in mri_text.lower()
    # dates inside the letters follow the day the demo was added
    exam = TODAY - timedelta(days=62)
    assert f"{exam.strftime('%B')} {exam.day}, {exam.year}" in mri_text
    assert check_store(demo).ok


def test_records_sent_to_the_second_doctor_are_some_sent_some_not(demo: Store) -> None:
    mother = _person(demo, "Eleanor Whitfield")
    statuses = {s.status for s in demo.list_items("sending", mother.id)}  # type: ignore[attr-defined]
    assert "requested" in statuses and ({"sent", "received"} & statuses)
    physical = [r for r in demo.list_items("record", mother.id) if r.physical]  # type: ignore[attr-defined]
    assert physical and physical[0].location


def test_every_demo_item_is_marked_demo(demo: Store) -> None:
    for type_name, table in TABLES.items():
        origins = {r[0] for r in demo.conn.execute(f"SELECT DISTINCT origin FROM {table}")}
        assert origins <= {ORIGIN}, type_name


def test_search_finds_text_inside_the_demo_pdfs(demo: Store) -> None:
    hits = demo.search("ligamentum flavum")
    assert any(hit.type == "record" for hit in hits)


def test_adding_the_demo_twice_adds_nothing_twice(demo: Store) -> None:
    before = {t: demo.count(t) for t in TABLES}
    again = add_demo(demo, today=TODAY)
    assert not again
    assert {t: demo.count(t) for t in TABLES} == before
    assert sorted(demo_people_present(demo)) == sorted(
        ["Sarah Nowak", "Eleanor Whitfield", "Łukasz Nowak"])


def test_a_demo_person_removed_comes_back_alone(demo: Store) -> None:
    son = _person(demo, "Łukasz Nowak")
    demo.delete("person", son.id)
    change = add_demo(demo, today=TODAY)
    people = {c.id for c in change.items if c.type == "person"}
    assert len(people) == 1
    assert demo.person(people.pop()).full_name == "Łukasz Nowak"
    assert len(demo.people()) == 3


def test_progress_is_reported_and_a_cancel_leaves_nothing(store: Store) -> None:
    seen: list[tuple[int, int]] = []
    add_demo(store, Progress(report=lambda done, total, what: seen.append((done, total))),
             today=TODAY)
    assert seen and seen[-1][0] == seen[-1][1]

    with open_store(store.root.parent / "other") as fresh:
        calls = 0

        def cancelled() -> bool:
            nonlocal calls
            calls += 1
            return calls > 20
        from organizer.errors import CancelledError

        with pytest.raises(CancelledError):
            add_demo(fresh, Progress(cancelled=cancelled), today=TODAY)
        assert fresh.people() == []
        assert {t: fresh.count(t) for t in TABLES} == dict.fromkeys(TABLES, 0)


def test_listing_and_getting_make_equal_items(demo: Store) -> None:
    # list_items builds items its own (faster) way; they must be exactly what get makes.
    for type_name in TABLES:
        for person in demo.people():
            listed = demo.list_items(type_name, person.id)
            assert listed == [demo.get(type_name, item.id) for item in listed], type_name
            for item in listed:
                assert type(item) is type(demo.get(type_name, item.id))
                assert hash(item) == hash(demo.get(type_name, item.id))
    records: list[Any] = demo.list_items("record")
    assert sum(len(r.attachments) for r in records) == 8


def test_the_overview_of_the_demo_says_what_is_still_to_send_to_the_second_doctor(
        demo: Store) -> None:
    from organizer.care.attention import RECORDS_NOT_SENT, needs_attention

    mother = _person(demo, "Eleanor Whitfield")
    notes = [n for n in needs_attention(demo, mother.id, TODAY) if n.kind == RECORDS_NOT_SENT]
    assert len(notes) == 1 and "Raman" in notes[0].text
