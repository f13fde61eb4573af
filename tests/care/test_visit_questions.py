"""One rule decides which questions belong to a visit: visit mode, the visit summary and the
packet all show the same ones (organizer.visit_questions)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from organizer.opening import open_store
from tests.helpers.cli import run_cli


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _store(root: Path) -> dict[str, int]:
    soon = (date.today() + timedelta(days=10)).isoformat()
    past = (date.today() - timedelta(days=20)).isoformat()
    with open_store(root) as store:
        pid = store.add("person", {"full_name": "Ana Ruiz"}).id
        doctor = store.add("provider", {"name": "Dr Sol Vega", "role": "second_opinion"},
                           person_id=pid).id
        case = store.add("case", {"title": "Knee surgery?"}, person_id=pid,
                         checklist=True).id
        first = store.add("visit", {"scheduled_at": past, "case_id": case, "status": "done",
                                    "provider_id": doctor}, person_id=pid).id
        second = store.add("visit", {"scheduled_at": soon, "case_id": case,
                                     "provider_id": doctor}, person_id=pid).id
        for text, values in (("Asked at the first visit", {"visit_id": first}),
                             ("Saved for the second visit", {"visit_id": second}),
                             ("About the second opinion", {"case_id": case}),
                             ("A general question", {})):
            store.add("question", {"text": text, **values}, person_id=pid)
        return {"person": pid, "case": case, "first": first, "second": second}


def test_visit_mode_the_summary_and_the_packet_agree(qtbot: object, tmp_path: Path) -> None:
    from ui.visit_mode import visit_questions

    root = tmp_path / "data"
    ids = _store(root)
    with open_store(root) as store:
        first = store.get("visit", ids["first"])
        shown = [q.text for q in visit_questions(store, first)]  # type: ignore[arg-type]
    assert shown == ["Asked at the first visit", "About the second opinion"]

    summary = tmp_path / "summary.pdf"
    done = run_cli("packet", "--person", "1", "--case", str(ids["case"]), "-o", str(summary),
                   "--printout", "visit-summary", "--visit", str(ids["first"]), data_dir=root)
    assert done.returncode == 0, done.stderr
    text = text_of(summary)
    assert "Asked at the first visit" in text and "About the second opinion" in text
    assert "Saved for the second visit" not in text, "another visit's question printed"

    packet = tmp_path / "packet.pdf"
    done = run_cli("packet", "--person", "1", "--case", str(ids["case"]), "-o", str(packet),
                   data_dir=root)
    assert done.returncode == 0, done.stderr
    text = text_of(packet)
    # The packet is made for the coming visit: its questions, and the general ones.
    for wanted in ("Saved for the second visit", "About the second opinion",
                   "A general question"):
        assert wanted in text
    assert "Asked at the first visit" not in text
