"""The packet, opened with pypdf: every section's content, page numbers, bookmarks, the
Unicode names, the files that could not be included, the password, the paper size."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from organizer.errors import CancelledError, OrganizerError, ValidationError
from organizer.opening import open_store
from organizer.packet.build import PacketResult, build_packet
from organizer.packet.merge import fit_matrix
from organizer.packet.options import PacketOptions, default_page_size
from organizer.packet.styles import BAND, EDGE
from organizer.progress import Progress
from organizer.storage.store import Store
from tests.helpers.packet_helpers import (
    PATIENT,
    PRIMARY,
    QUESTIONS,
    SECOND,
    SURGEON,
    Household,
    build_household,
    flat,
    make_pdf,
)

# Enclosure pages of the household: mammogram 2, pathology 3, landscape note 1, photo 1,
# then one notice page each for the damaged and the locked PDF.
ENCLOSURE_PAGES = [2, 3, 1, 1, 1, 1]


@dataclass
class Made:
    store: Store
    house: Household
    result: PacketResult
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return flat(" ".join(self.pages))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    root = tmp_path_factory.mktemp("packet")
    with open_store(root / "data") as store:
        house = build_household(store, root / "files")
        result = build_packet(store, house.person_id, root / "packet.pdf",
                              PacketOptions(page_size="letter", made_on="2026-03-05"),
                              case_id=house.case_id)
        reader = PdfReader(root / "packet.pdf")
        yield Made(store, house, result, reader, [p.extract_text() for p in reader.pages])


def test_greek_cyrillic_and_polish_names_extract_exactly(made: Made) -> None:
    cover = made.pages[0]
    assert PATIENT in cover
    assert SECOND in cover
    assert PRIMARY in cover  # where the report should go
    assert SURGEON in made.text
    # on every page, in the stamp
    assert all(PATIENT in page for page in made.pages)


def test_cover_holds_the_question_the_visit_and_who_prepared_it(made: Made) -> None:
    cover = flat(made.pages[1])  # after "At a glance"
    assert "Is a mastectomy needed now, or is a lumpectomy with radiation just as safe?" in cover
    assert "20 Mar 2026, 10:30" in cover
    assert "A caregiver (the patient is their mother)" in cover
    assert "2 Mar 1950" in cover


def test_case_section_has_diagnosis_opinion_options_and_quote_range(made: Made) -> None:
    text = made.text
    assert "Ductal carcinoma in situ, left breast" in text
    assert "Mastectomy within 6 weeks" in text
    for option in ("Mastectomy", "Lumpectomy with radiation", "Active monitoring"):
        assert option in text
    assert "USD 16,250 – 21,500 (3 places)" not in text  # costs: only when asked
    assert "4 to 6 weeks" in text
    assert "No driving for 2 weeks; no lifting for 6 weeks" in text


def test_timeline_is_one_page_of_dated_events(made: Made) -> None:
    start = next(i for i, p in enumerate(made.pages) if "oldest first" in p)
    page = flat(made.pages[start])
    assert page.startswith("Timeline")
    assert flat(made.pages[start + 1]).startswith("Patient summary")  # nothing spills over
    for event in ("Diagnostic mammogram report", "Core needle biopsy", "Second opinion",
                  "Ductal carcinoma in situ"):
        assert event in page, event


def test_patient_summary_sections(made: Made) -> None:
    text = made.text
    for words in ("Active", "Type 2 diabetes", "Past", "Broken wrist", "Metformin",
                  "500 mg, tablet", "Lisinopril", "Ibuprofen", "Penicillin", "Hives",
                  "Influenza", "Core needle biopsy, left breast", "HbA1c", "6.9 %",
                  "PLEASE SEND YOUR REPORT TO THE PRIMARY DOCTOR", "Fax 555-0201"):
        assert words in text, words


def test_every_question_is_numbered_with_room_to_write(made: Made) -> None:
    text = made.text
    for number, question in enumerate(QUESTIONS, start=1):
        assert f"{number}. {question}" in text


def test_every_record_is_in_the_index(made: Made) -> None:
    start = next(i for i, p in enumerate(made.pages) if "Index of enclosures" in p[:200]
                 and "No. Record" in flat(p))
    index = flat(" ".join(made.pages[start:start + 2]))  # it may run onto a second page
    for title in made.house.record_titles:
        assert title in index, title
    assert "no copy attached" in index
    assert "Sent separately" in index and "1Z999AA10123456784" in index


def test_page_count_is_front_matter_plus_every_enclosure_page(made: Made) -> None:
    result = made.result
    assert result.enclosures == len(ENCLOSURE_PAGES)
    assert len(made.reader.pages) == result.pages == result.front_pages + sum(ENCLOSURE_PAGES)
    first = made.pages[result.front_pages]
    assert "Enclosure 1" in first and "Mammogram page 1" in first
    assert "Enclosure" not in made.pages[result.front_pages - 1].split("\n")[0]


def test_every_page_says_page_n_of_m(made: Made) -> None:
    total = len(made.pages)
    for number, page in enumerate(made.pages, start=1):
        assert f"Page {number} of {total}" in page


def test_index_page_numbers_point_at_the_enclosures(made: Made) -> None:
    index = flat(next(p for p in made.pages if "No. Record" in flat(p)))
    match = re.search(r"Core biopsy pathology report .*? (\d+)–(\d+)", index)
    assert match, index
    first, last = int(match.group(1)), int(match.group(2))
    assert last - first == 2
    assert "Pathology page 1" in made.pages[first - 1]
    assert "Pathology page 3" in made.pages[last - 1]


def test_contents_lists_each_section_with_its_page(made: Made) -> None:
    contents = made.pages[2]  # after "At a glance" and the cover
    match = re.search(r"Patient summary (\d+)", flat(contents))
    assert match
    assert "Arranged in the sections of the International Patient Summary" in \
        flat(made.pages[int(match.group(1)) - 1])


def test_bookmarks_per_section_and_per_enclosure(made: Made) -> None:
    reader = made.reader
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    for section in ("Cover", "Contents", "The case", "Timeline", "Patient summary",
                    "Questions for the doctor", "Index of enclosures", "Enclosures"):
        assert section in titles
    children = next(item for item in outline if isinstance(item, list))
    assert len(children) == len(ENCLOSURE_PAGES)
    assert children[0].title == "1. Diagnostic mammogram report, 5 Jan 2026"
    second = reader.get_destination_page_number(children[1])
    assert "Pathology page 1" in made.pages[second]
    summary = next(item for item in outline if not isinstance(item, list)
                   and item.title == "Patient summary")
    assert "Arranged in the sections" in made.pages[reader.get_destination_page_number(summary)]


def test_damaged_and_locked_files_are_reported_not_fatal(made: Made) -> None:
    problems = {p.filename: p for p in made.result.problems}
    assert set(problems) == {"ultra.pdf", "locked.pdf"}
    assert "damaged" in problems["ultra.pdf"].reason
    assert "password" in problems["locked.pdf"].reason
    assert problems["locked.pdf"].message().startswith(
        "Enclosure 6 “Lab results from the portal” (locked.pdf) could not be included: ")
    text = made.text
    assert "ultra.pdf could not be included: the file is damaged" in text
    assert "locked.pdf could not be included: it is locked with a password" in text
    notice = made.pages[made.result.front_pages + 8 - 1]
    assert "The file “ultra.pdf” could not be included" in flat(notice)


def test_enclosure_pages_are_stamped_and_their_text_kept_clear_of_the_stamp(made: Made) -> None:
    page_index = made.result.front_pages + 2  # pathology page 1 (an A4 page on Letter)
    page = made.reader.pages[page_index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (612, 792)
    text = made.pages[page_index]
    assert "Enclosure 2" in text and "Core biopsy pathology report" in text
    assert "(page 1 of 3)" in text
    spots: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if "Pathology" in text or "Line " in text:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            spots.append(y)

    page.extract_text(visitor_text=visit)
    assert spots
    assert all(BAND <= y <= height - BAND for y in spots), spots


def test_a_landscape_document_goes_on_landscape_paper(made: Made) -> None:
    page = made.reader.pages[made.result.front_pages + 5]
    assert "Landscape page 1" in page.extract_text()
    assert float(page.mediabox.width) > float(page.mediabox.height)
    assert "/Rotate" not in page or page["/Rotate"] == 0


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_fit_matrix_keeps_every_corner_between_the_bands(rotate: int) -> None:
    box = (10.0, 20.0, 620.0, 812.0)
    m = fit_matrix(box, rotate, 595.0, 842.0)
    for x in (box[0], box[2]):
        for y in (box[1], box[3]):
            px, py = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
            assert EDGE - 0.01 <= px <= 595 - EDGE + 0.01
            assert BAND - 0.01 <= py <= 842 - BAND + 0.01


def test_password_protected_packet_opens_only_with_it(made: Made, tmp_path: Path) -> None:
    out = tmp_path / "locked.pdf"
    build_packet(made.store, made.house.person_id, out,
                 PacketOptions(page_size="a4", password="tea4two", sections=("cover",)),
                 case_id=made.house.case_id)
    assert b"Second-opinion" not in out.read_bytes()  # not even the title shows
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert not reader.decrypt("wrong")
    with pytest.raises(Exception):  # noqa: B017 - pypdf refuses to read a locked page
        reader.pages[0].extract_text()
    reader = PdfReader(out)
    assert reader.decrypt("tea4two")
    assert PATIENT in reader.pages[0].extract_text()
    assert "/AESV3" in str(reader.trailer["/Encrypt"].get_object()["/CF"])


def test_a4_paper(made: Made, tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    build_packet(made.store, made.house.person_id, out,
                 PacketOptions(page_size="a4", sections=("summary",)))
    page = PdfReader(out).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_chosen_sections_and_records_only(made: Made, tmp_path: Path) -> None:
    out = tmp_path / "some.pdf"
    ids = made.house.ids
    result = build_packet(made.store, made.house.person_id, out, PacketOptions(
        sections=("index", "enclosures"), record_ids=(ids["pathology"], ids["photo"])),
        case_id=made.house.case_id)
    pages = [p.extract_text() for p in PdfReader(out).pages]
    text = flat(" ".join(pages))
    assert "Core biopsy pathology report" in text and "Discharge letter (photo)" in text
    assert "Diagnostic mammogram report" not in text
    assert "Questions for the doctor" not in text and "Patient summary" not in text
    assert result.pages == result.front_pages + 3 + 1
    assert result.problems == ()


@pytest.mark.parametrize(("flag", "with_allergy", "expected"), [
    (True, False, "No known allergies"),
    (False, False, "No allergies recorded"),
])
def test_empty_allergies_section_is_stated(tmp_path: Path, flag: bool, with_allergy: bool,
                                           expected: str) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Дмитрий Соколов",
                                      "no_known_allergies": flag}).id
        out = tmp_path / "p.pdf"
        build_packet(store, person, out, PacketOptions(sections=("summary",)))
    text = flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert expected in text
    assert "Дмитрий Соколов" in text
    assert "No current medications recorded" in text


def test_empty_text_and_missing_files_become_notices(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Łukasz Wiśniewski"}).id
        record = store.add("record", {"title": "Mixed files"}, person_id=person).id
        (tmp_path / "empty.pdf").write_bytes(b"")
        (tmp_path / "notes.txt").write_text("typed notes")
        store.attach_file(record, tmp_path / "empty.pdf")
        store.attach_file(record, tmp_path / "notes.txt")
        store.attach_file(record, make_pdf(tmp_path / "good.pdf", "Good", 1))
        out = tmp_path / "p.pdf"
        result = build_packet(store, person, out, PacketOptions(sections=("index", "enclosures")))
    reasons = [p.reason for p in result.problems]
    assert reasons[0] == "the file is empty"
    assert reasons[1].startswith("only PDF files and pictures can go into the packet")
    assert result.pages == result.front_pages + 3
    assert "Łukasz Wiśniewski" in PdfReader(out).pages[0].extract_text()


def test_cancel_leaves_no_file(made: Made, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    calls: list[int] = []
    progress = Progress(lambda d, t, w: calls.append(d), lambda: len(calls) > 3)
    with pytest.raises(CancelledError):
        build_packet(made.store, made.house.person_id, out, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_plain_error(made: Made, tmp_path: Path) -> None:
    with pytest.raises(OrganizerError, match="does not exist"):
        build_packet(made.store, made.house.person_id, tmp_path / "nope" / "p.pdf")


def test_unknown_section_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a part of the packet"):
        PacketOptions(sections=("cover", "gossip"))


@pytest.mark.parametrize(("name", "size"), [
    ("en_US.UTF-8", "letter"), ("fr_CA.UTF-8", "letter"), ("es_MX", "letter"),
    ("en_PH.UTF-8", "letter"), ("English_United States.1252", "letter"),
    ("de_DE.UTF-8", "a4"), ("en_GB.UTF-8", "a4"), ("el_GR.UTF-8", "a4"), ("C", "a4"),
])
def test_paper_size_follows_the_locale(name: str, size: str) -> None:
    assert default_page_size(name) == size
