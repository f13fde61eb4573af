"""A realistic second-opinion case for the UI tests and screenshots (fictional patient).

Lumbar spinal stenosis: a surgeon recommends a laminectomy; a physical therapist and a
second surgeon are consulted; three options with quotes from several facilities.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def make_spinal_case(store: Any, today: date) -> dict[str, int]:
    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    person = store.add("person", {"full_name": "Margaret Ellison", "birth_date": "1949-06-14",
                                  "relationship": "mother"}).id

    def add(type_name: str, **values: Any) -> int:
        return int(store.add(type_name, values, person_id=person,
                             checklist=type_name == "case").id)

    surgeon = add("provider", name="Dr. Alan Whitcombe", role="surgeon",
                  specialty="Orthopaedic spine surgeon", facility="St. Brendan's Hospital")
    second = add("provider", name="Dr. Priya Raman", role="second_opinion",
                 specialty="Neurosurgeon", facility="Lakeside University Clinic")
    therapist = add("provider", name="Tomás Herrera, DPT", role="therapist",
                    specialty="Physical therapist", facility="Move Well Physical Therapy")
    condition = add("condition", name="Lumbar spinal stenosis (L4–L5)", status="confirmed",
                    diagnosed_on=day(-40), diagnosed_by_id=surgeon)
    case = add("case", title="Back surgery: is a laminectomy needed now?",
               condition_id=condition,
               question="Do I need a laminectomy now, or can physical therapy help first?",
               decide_by=day(12), status="scheduled")
    steps = [s for s in store.list_items("checklist", where={"case_id": case},
                                         order_by="step")]
    store.update("checklist", steps[0].id, {"done": True, "done_on": day(-20),
                                             "note": "Dr. Whitcombe suggested Dr. Raman"})
    store.update("checklist", steps[1].id, {"done": True, "done_on": day(-18),
                                             "note": "Called BlueRiver Health, spoke to Dana; "
                                                     "covered, reference SO-44817"})
    store.update("checklist", steps[2].id, {"done": True, "done_on": day(-15)})
    add("opinion", case_id=case, provider_id=surgeon, given_on=day(-40), agrees="n_a",
        diagnosis="Severe lumbar spinal stenosis at L4–L5",
        recommendation="Decompressive laminectomy within the next two months.",
        summary="Leg pain when walking more than 10 minutes; MRI shows severe narrowing.")
    add("opinion", case_id=case, provider_id=therapist, given_on=day(-10), agrees="partly",
        diagnosis="Lumbar stenosis with weak core and hip muscles",
        recommendation="Twelve weeks of physical therapy before deciding on surgery.")
    laminectomy = add("treatment", case_id=case, name="Laminectomy", proposed_by_id=surgeon,
                      duration="2–3 hours, 1–2 nights in hospital", recovery_time="6–12 weeks",
                      cost="About $25,000 before insurance", coverage="80% after deductible",
                      risks="Infection, nerve injury, spinal fluid leak (rare)",
                      daily_life="No driving for 2 weeks, no lifting for 6 weeks",
                      status="considering")
    therapy = add("treatment", case_id=case, name="Physical therapy, 12 weeks",
                  proposed_by_id=therapist, duration="2 sessions a week for 12 weeks",
                  recovery_time="None", cost="$95–140 a session", coverage="30 visits a year",
                  risks="Soreness; symptoms may not improve",
                  daily_life="Exercises at home 20 minutes a day", status="considering")
    injection = add("treatment", case_id=case, name="Epidural steroid injection",
                    duration="30 minutes", recovery_time="1–2 days",
                    cost="$1,200–2,000", coverage="Covered with prior approval",
                    risks="Temporary relief only; headache", daily_life="Rest for a day",
                    status="considering")
    for treatment, facility, amount in (
            (laminectomy, "St. Brendan's Hospital", 26500),
            (laminectomy, "Lakeside Surgery Center", 18200),
            (laminectomy, "Mercy Regional", 22900),
            (therapy, "Move Well Physical Therapy", 1380),
            (therapy, "Lakeside Rehab", 1620),
            (injection, "Lakeside Pain Clinic", 1450)):
        add("quote", treatment_id=treatment, facility=facility, amount=amount, currency="USD",
            obtained_on=day(-5))
    visit = add("visit", scheduled_at=day(4) + " 10:30", provider_id=second, case_id=case,
                location="Lakeside University Clinic, 3rd floor", purpose="Second opinion")
    mri = add("record", title="Lumbar MRI report", kind="imaging", dated_on=day(-45),
              source="Valley Imaging", case_id=case)
    add("record", title="MRI images (disc)", kind="imaging", dated_on=day(-45),
        source="Valley Imaging", case_id=case, physical=True, location="Kitchen drawer")
    notes = add("record", title="Surgeon's clinic note", kind="clinic_note", dated_on=day(-40),
                source="Dr. Alan Whitcombe", case_id=case)
    add("sending", record_id=mri, recipient_id=second, status="sent", method="fax",
        sent_on=day(-3))
    for position, text in enumerate((
            "Do you agree that I have severe spinal stenosis?",
            "Would physical therapy help enough to avoid surgery?",
            "What happens if I wait three months before deciding?",
            "How long until I can walk my dog again after surgery?",
            "What would the operation cost me, all included?"), start=1):
        add("question", text=text, case_id=case, position=position,
            priority="high" if position <= 2 else "normal")
    for offset, value in ((-400, "5.4"), (-300, "5.7"), (-200, "6.1"), (-120, "pending"),
                          (-60, "5.9"), (-10, "5.6")):
        add("result", name="Hemoglobin A1c", value=value, unit="%", reference_range="4.0-5.6",
            observed_on=day(offset))
    add("request", provider_id=surgeon, records="Operative notes from 2019 knee surgery",
        asked_on=day(-35))
    return {"person": person, "case": case, "surgeon": surgeon, "second": second,
            "therapist": therapist, "laminectomy": laminectomy, "therapy": therapy,
            "injection": injection, "visit": visit, "mri": mri, "notes": notes}


def shown_case_page(qtbot: Any, store: Any, person_id: int, today: date) -> Any:
    """The case page of `person_id` on screen at 1200x800, its "today" fixed."""
    from ui.context import AppContext
    from ui.pages.case_page import CasePage

    context = AppContext(store)
    context.set_person(person_id)
    page = CasePage(context, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page
