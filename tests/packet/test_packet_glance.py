"""The packet as a busy specialist reads it, opened with pypdf: the first page "at a glance"
on its own, type no smaller than 10 pt, results grouped by test with their trend, costs and
insurance left out unless asked, the case's own title off the cover unless kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from organizer.demo.household import add_demo
from organizer.items.models import Case, Medication, Record, Result
from organizer.opening import open_store
from organizer.packet.build import build_packet
from organizer.packet.options import PacketOptions
from organizer.packet.results import group_results
from organizer.packet.styles import BAND, MIN_SIZE, Styles
from organizer.storage.store import Store
from tests.helpers.packet_helpers import flat

TODAY = date(2026, 3, 2)
MADE = TODAY.isoformat()


@dataclass
class Demo:
    root: Path
    store: Store
    person_id: int
    case: Case

    def packet(self, name: str, **options: Any) -> PdfReader:
        out = self.root / f"{name}.pdf"
        build_packet(self.store, self.person_id, out,
                     PacketOptions(**{"page_size": "letter", "made_on": MADE, **options}),
                     case_id=self.case.id)
        return PdfReader(out)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    root = tmp_path_factory.mktemp("glance")
    with open_store(root / "data") as store:
        add_demo(store, today=TODAY)
        person = store.find_person("Eleanor Whitfield")
        case = next(c for c in store.list_items("case", person.id) if isinstance(c, Case))
        yield Demo(root, store, person.id, case)


@pytest.fixture(scope="module")
def default_packet(demo: Demo) -> PdfReader:
    return demo.packet("default")


@pytest.fixture(scope="module")
def costs_packet(demo: Demo) -> PdfReader:
    return demo.packet("costs", include_costs=True, title_on_cover=True)


def test_the_first_page_says_what_is_asked_what_she_takes_and_her_allergies(
        demo: Demo, default_packet: PdfReader) -> None:
    first = flat(default_packet.pages[0].extract_text())
    assert first.startswith("Second-opinion packet: at a glance Eleanor Whitfield")
    assert demo.case.question and flat(demo.case.question) in first
    assert "WHAT WE ASK OF YOU" in first
    assert "Whether you agree with Dr. Andrew Kessler's recommendation" in first
    current = [m for m in demo.store.list_items("medication", demo.person_id)
               if isinstance(m, Medication) and m.active and not m.stopped_on]
    assert len(current) >= 8
    for medication in current:
        assert medication.name in first, medication.name
        assert medication.dose and medication.dose in first, medication.dose
    assert "Allergies Allergic to Reaction Severity Penicillin Hives all over" in first
    assert "Lumbar spinal stenosis" in first  # the diagnosis
    assert "Opinions so far Dr. Andrew Kessler" in first
    assert "Decision needed by" in first


def test_at_a_glance_is_one_page_and_the_cover_follows(default_packet: PdfReader) -> None:
    outline = {item.title: default_packet.get_destination_page_number(item)
               for item in default_packet.outline if not isinstance(item, list)}
    assert outline["At a glance"] == 0
    assert outline["Cover"] == 1
    assert flat(default_packet.pages[1].extract_text()).startswith("Second-opinion packet")


def test_a_long_medication_list_still_fits_on_one_page_and_says_how_many_more(
        store: Store, person_id: int, tmp_path: Path) -> None:
    for number in range(40):
        store.add("medication", {"name": f"Medicine number {number}", "dose": f"{number} mg",
                                 "frequency": "once a day"}, person_id=person_id)
    for number in range(15):
        store.add("allergy", {"substance": f"Substance {number}", "reaction": "rash"},
                  person_id=person_id)
    out = tmp_path / "long.pdf"
    build_packet(store, person_id, out, PacketOptions(page_size="a4", made_on=MADE))
    reader = PdfReader(out)
    first = flat(reader.pages[0].extract_text())
    second = flat(reader.pages[1].extract_text())
    assert "Current medications (40)" in first
    assert "Medicine number 0 0 mg" in first
    assert "more medications (see the patient summary, page" in first
    assert second.startswith("Second-opinion packet")  # nothing ran over
    assert "Medicine number 39" in flat(" ".join(p.extract_text() for p in reader.pages[2:]))


@pytest.mark.parametrize(("known", "said"), [(True, "Allergies No known allergies"),
                                             (False, "Allergies No allergies recorded")])
def test_no_allergy_is_said_in_words_on_the_first_page(
        store: Store, tmp_path: Path, known: bool, said: str) -> None:
    person = store.add("person", {"full_name": "Ana Ruiz", "no_known_allergies": known}).id
    out = tmp_path / "none.pdf"
    build_packet(store, person, out, PacketOptions(made_on=MADE))
    assert said in flat(PdfReader(out).pages[0].extract_text())


def _sizes_outside_the_band(reader: PdfReader, pages: range) -> list[tuple[int, float, str]]:
    """(page, size, text) of every run of text drawn below MIN_SIZE, outside the header and
    footer band (the stamp, which repeats on every page, is the one exception)."""
    small: list[tuple[int, float, str]] = []
    for number in pages:
        page = reader.pages[number]
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float,
                  number: int = number, height: float = height) -> None:
            if not text.strip():
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1.0
            if BAND < y < height - BAND and size * scale < MIN_SIZE - 0.01:
                small.append((number, size * scale, text.strip()[:40]))

        page.extract_text(visitor_text=visit)
    return small


def test_no_text_in_the_front_matter_is_smaller_than_10_pt(
        demo: Demo, default_packet: PdfReader, costs_packet: PdfReader) -> None:
    assert MIN_SIZE >= 10
    assert all(style.fontSize >= MIN_SIZE for style in Styles().all())
    for reader in (default_packet, costs_packet):
        enclosures = next(item for item in reader.outline if not isinstance(item, list)
                          and item.title == "Enclosures")
        front = range(reader.get_destination_page_number(enclosures))
        assert len(front) >= 8
        assert _sizes_outside_the_band(reader, front) == []


def test_the_check_of_sizes_sees_small_text(tmp_path: Path) -> None:
    """The size check above would fail on 8 pt text (so it is not a check that cannot fail)."""
    from reportlab.pdfgen.canvas import Canvas

    out = tmp_path / "small.pdf"
    canvas = Canvas(str(out), pagesize=(612, 792))
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 400, "too small to read")
    canvas.save()
    assert _sizes_outside_the_band(PdfReader(out), range(1)) == [(0, 8.0, "too small to read")]


def test_costs_and_insurance_are_left_out_by_default(
        demo: Demo, default_packet: PdfReader, costs_packet: PdfReader) -> None:
    insurance = [r for r in demo.store.list_items("record", demo.person_id)
                 if isinstance(r, Record) and r.kind == "insurance"]
    assert [r.title for r in insurance] == ["Insurer letter: second opinion covered"]
    plain = flat(" ".join(p.extract_text() for p in default_packet.pages))
    full = flat(" ".join(p.extract_text() for p in costs_packet.pages))
    for words in ("Insurer letter: second opinion covered", "Quotes across facilities",
                  "What each option costs, by facility", "Insurance coverage",
                  "Covered after the $1,500 deductible"):
        assert words not in plain, words
        assert words in full, words
    assert len(costs_packet.pages) > len(default_packet.pages)


def test_the_case_title_is_on_the_cover_only_when_kept(
        demo: Demo, default_packet: PdfReader, costs_packet: PdfReader) -> None:
    title = demo.case.title
    cover = flat(default_packet.pages[1].extract_text())
    assert title not in cover
    assert "Second opinion on Lumbar spinal stenosis" in cover
    assert title not in str(default_packet.metadata.title)
    assert title in flat(costs_packet.pages[1].extract_text())
    assert title in str(costs_packet.metadata.title)


def test_results_are_grouped_by_test_with_the_trend_in_words(
        store: Store, person_id: int, tmp_path: Path) -> None:
    def result(name: str, value: str, on: str, unit: str = "mg/dL") -> None:
        store.add("result", {"name": name, "value": value, "unit": unit, "observed_on": on},
                  person_id=person_id)

    result("Creatinine", "0.9", "2025-06-04")
    result("Creatinine", "1.3", "2026-01-10")
    result("creatinine ", "1.1", "2025-12-01")
    result("Glucose", "131", "2025-06-04")
    result("Glucose", "124", "2026-01-10")
    result("Sodium", "140", "2025-06-04", "mmol/L")
    result("Sodium", "141", "2026-01-10", "mmol/L")
    result("Estrogen receptor", "positive", "2026-01-18", "")
    trends = {t.name.strip(): t for t in group_results(
        r for r in store.list_items("result", person_id) if isinstance(r, Result))}
    assert set(trends) == {"Creatinine", "Glucose", "Sodium", "Estrogen receptor"}
    assert trends["Creatinine"].count == 3 and trends["Creatinine"].latest.value == "1.3"
    assert trends["Creatinine"].trend_words() == "Up from 1.1 mg/dL (1 Dec 2025)"
    assert trends["Glucose"].trend_words() == "Down from 131 mg/dL (4 Jun 2025)"
    assert trends["Sodium"].trend_words() == "Steady (140 mmol/L on 4 Jun 2025)"
    assert trends["Estrogen receptor"].trend_words() == "First result"

    out = tmp_path / "results.pdf"
    build_packet(store, person_id, out, PacketOptions(made_on=MADE, sections=("summary",)))
    text = flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Test Latest result Normal range Flag Date Trend" in text
    assert "Creatinine 1.3 mg/dL 10 Jan 2026 Up from 1.1 mg/dL (1 Dec 2025)" in text
    assert text.count("Creatinine") == 1  # one line per test, not one per result


def test_the_command_line_includes_costs_and_keeps_the_title_when_asked(
        cli: Callable[..., Any], tmp_path: Path) -> None:
    assert cli("demo").returncode == 0
    plain, full = tmp_path / "plain.pdf", tmp_path / "full.pdf"
    common = ("packet", "--person", "Eleanor Whitfield", "--case", "1", "--sections",
              "glance,cover,case,index")
    done = cli(*common, "-o", str(plain))
    assert done.returncode == 0, done.stderr
    done = cli(*common, "-o", str(full), "--include-costs", "--title-on-cover")
    assert done.returncode == 0, done.stderr
    plain_text = flat(" ".join(p.extract_text() for p in PdfReader(plain).pages))
    full_text = flat(" ".join(p.extract_text() for p in PdfReader(full).pages))
    assert "Insurer letter" not in plain_text and "Insurer letter" in full_text
    assert "Quotes across facilities" not in plain_text
    assert "Quotes across facilities" in full_text
    cover = flat(PdfReader(full).pages[1].extract_text())
    assert "Back surgery: a second opinion before deciding" in cover
    bad = cli(*common, "-o", str(full), "--include-costs=yes")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_10_pt_type_breaks_no_word_in_two(demo: Demo) -> None:
    """At 10 pt a narrow column broke "Acetaminophen" and "Pathology" in two; on A4 (the
    narrower frame) every medication, phone number and kind of record prints whole."""
    from organizer.items.models import Provider
    from organizer.packet.text import word

    reader = demo.packet("a4", page_size="a4")
    marks = {item.title: reader.get_destination_page_number(item)
             for item in reader.outline if not isinstance(item, list)}
    def between(first: str, last: str) -> str:
        return flat(" ".join(p.extract_text() for p in reader.pages[marks[first]:marks[last]]))

    summary = between("Patient summary", "Questions for the doctor")
    index = between("Index of enclosures", "Enclosures")
    medications = [m for m in demo.store.list_items("medication", demo.person_id)
                   if isinstance(m, Medication) and m.active]
    for medication in medications:
        assert medication.name in summary, medication.name
    for provider in demo.store.list_items("provider", demo.person_id):
        assert isinstance(provider, Provider)
        if provider.phone:
            assert provider.phone in summary, provider.phone
    for record in demo.store.list_items("record", demo.person_id):
        assert isinstance(record, Record)
        if record.kind and record.kind != "insurance":
            assert word(record.kind) in index, record.kind
