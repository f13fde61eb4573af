"""The demo household's packet: the cover names the second doctor (not the therapy
session that comes first) and the caregiver who made it; every enclosure is there."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from organizer.demo.household import add_demo
from organizer.packet.build import build_packet
from organizer.storage.store import Store


def test_the_demo_packet_is_prepared_for_the_second_doctor_by_the_caregiver(
        store: Store, tmp_path: Path) -> None:
    add_demo(store)
    patient = store.find_person("Eleanor Whitfield")
    case = store.list_items("case", patient.id)[0]
    visits = sorted(store.list_items("visit", patient.id), key=lambda v: v.scheduled_at)
    therapy = next(v for v in visits if v.status == "planned" and v.case_id == case.id)
    assert "DPT" in store.get("provider", therapy.provider_id).title  # the first to come
    output = tmp_path / "packet.pdf"
    result = build_packet(store, patient.id, output, case_id=case.id)
    reader = PdfReader(output)
    cover = " ".join(reader.pages[1].extract_text().split())  # after "At a glance"
    assert "PREPARED FOR Doctor Dr. Priya Raman" in cover
    assert "Sarah Nowak, caregiver (the patient is their mother)" in cover
    attached = sum(len(r.attachments) for r in store.list_items("record", patient.id))
    assert attached == 8 and len(result.problems) == 0
    # one bookmark per enclosure; the insurer's letter is left out (cost and insurance)
    assert len(reader.outline[-1]) == 7
