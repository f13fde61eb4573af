"""Reading scanned pages (OCR) on real scans made in the test: the page preparation
(skew, quarter turns, upscaling), which pages of a file are read, what is kept with the
attachment, search over it, and that nothing is ever filled in from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from organizer.opening import open_store
from organizer.scan.ocr import Engine, tessdata_dir
from organizer.scan.pages import Unreadable, pages_to_read
from organizer.scan.prepare import detect_skew, prepare, upscale_factor
from organizer.scan.read import read_page, read_pending, read_scan
from organizer.scan.suggest import suggest_results
from organizer.storage.store import Store
from tests.helpers.scan_samples import (
    LETTER,
    QUALITIES,
    Quality,
    page_pdf,
    rasterise,
    save,
    save_multipage_tiff,
    scanned_page,
    word_recall,
)

pytestmark = pytest.mark.slow  # about 40 s: each page is really read

CLEAN, OFFICE, FAX = QUALITIES
SHORT = LETTER[:6]  # a short page reads in a fraction of a second


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    with Engine() as opened:
        yield opened


def _record(store: Store, person_id: int, path: Path, *, read: bool = True) -> int:
    change = store.add("record", {"title": path.stem, "kind": "pathology"},
                       person_id=person_id)
    store.attach_file(change.id, path, read_scan=read)
    return change.id


# -- the language data come from the system's packages --------------------------------------

def test_english_and_spanish_data_are_installed_not_downloaded() -> None:
    folder = tessdata_dir()
    assert (folder / "eng.traineddata").is_file() and (folder / "spa.traineddata").is_file()
    assert not str(folder).startswith(str(Path.home() / ".cache"))


# -- preparing the page ---------------------------------------------------------------------

@pytest.mark.parametrize("angle", [-7.0, -2.5, 0.0, 3.0])
def test_skew_is_measured_to_a_quarter_degree(angle: float) -> None:
    page = rasterise(page_pdf(LETTER), 150).rotate(angle, expand=True, fillcolor=255,
                                                 resample=Image.Resampling.BICUBIC)
    assert detect_skew(page) == pytest.approx(-angle, abs=0.3)


def test_small_and_faxed_pages_are_enlarged_to_about_300_dpi() -> None:
    assert upscale_factor(1275, 150) == pytest.approx(2.0)
    assert upscale_factor(2550, 300) == 1.0
    assert upscale_factor(850, 100) == 3.0            # never more than 3x
    assert upscale_factor(1240, None) == pytest.approx(2.0, abs=0.05)  # dpi from its width
    assert upscale_factor(1240, 72) == pytest.approx(2.0, abs=0.05)    # a camera's 72: ignored


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_fed_sideways_or_upside_down_is_turned_upright(engine, turn: int) -> None:
    page = scanned_page(Quality("sideways", 200, skew=1.5), SHORT, rotate=turn)
    prepared = prepare(page, 200, engine.orientation)
    assert (prepared.rotation + turn) % 360 == 0
    assert word_recall(SHORT, engine.read(prepared.image).text) >= 0.95


def test_an_upside_down_page_is_read_turned_and_an_upright_one_without_detection(
        engine, monkeypatch: pytest.MonkeyPatch) -> None:
    upside_down = scanned_page(Quality("upside down", 200, skew=-2.0), SHORT, rotate=180)
    prepared, reading = read_page(engine, upside_down, 200)
    assert prepared.rotation == 180 and prepared.skew == pytest.approx(2.0, abs=0.3)
    assert word_recall(SHORT, reading.text) >= 0.95
    asked: list[object] = []
    monkeypatch.setattr(engine, "orientation", lambda image: asked.append(image) or 0)
    upright = scanned_page(Quality("upright", 200), SHORT)
    assert word_recall(SHORT, read_page(engine, upright, 200)[1].text) >= 0.95
    assert asked == []  # a sure reading needs no script detection


def test_uneven_grey_page_is_normalised_to_white_paper_and_black_ink() -> None:
    page = scanned_page(OFFICE, SHORT)
    prepared = prepare(page, OFFICE.dpi)
    low, high = prepared.image.getextrema()
    assert low <= 10 and high >= 245
    assert prepared.scale == pytest.approx(1.5)


# -- the three qualities of the issue (the benchmark measures them at length) -----------------

@pytest.mark.parametrize("quality", QUALITIES, ids=lambda q: q.name)
def test_each_quality_reaches_its_word_recall(engine, tmp_path: Path, quality: Quality) -> None:
    path = save(scanned_page(quality), tmp_path / "page.tif", quality.dpi)
    (source,) = pages_to_read(path.read_bytes(), "image/tiff")
    image, dpi = source.load()
    reading = engine.read(prepare(image, dpi, engine.orientation).image)
    assert word_recall(LETTER, reading.text) >= quality.target
    assert reading.confidence > 60


# -- which pages are read ---------------------------------------------------------------------

def test_a_multipage_tiff_gives_every_page(tmp_path: Path) -> None:
    pages = [scanned_page(CLEAN, [f"Page number {n}: the report goes on."]) for n in (1, 2, 3)]
    path = save_multipage_tiff(pages, tmp_path / "three.tif")
    assert [s.number for s in pages_to_read(path.read_bytes(), "image/tiff")] == [1, 2, 3]


def test_only_pdf_pages_without_a_text_layer_are_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    typed = PdfReader(io.BytesIO(page_pdf(["This page was typed and has its own text."] * 3)))
    scanned = PdfReader(save(scanned_page(OFFICE, SHORT), tmp_path / "scan.pdf", 200))
    writer = PdfWriter()
    writer.add_page(typed.pages[0])
    writer.add_page(scanned.pages[0])
    out = io.BytesIO()
    writer.write(out)
    assert [s.number for s in pages_to_read(out.getvalue(), "application/pdf")] == [2]
    image, dpi = pages_to_read(out.getvalue(), "application/pdf")[0].load()
    assert dpi == 300 and image.width >= 2400


@pytest.mark.parametrize("data", [b"%PDF-1.7 this is not really a PDF", b"\xff\xd8\xff\xe0 junk"])
def test_a_damaged_file_is_unreadable_not_an_error(data: bytes) -> None:
    media = "application/pdf" if data.startswith(b"%PDF") else "image/jpeg"
    with pytest.raises(Unreadable):
        pages_to_read(data, media)


def test_a_huge_picture_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (9000, 9000), 1).save(path)  # 81 megapixels in a few kilobytes
    with pytest.raises(Unreadable, match="too large"):
        pages_to_read(path.read_bytes(), "image/png")


def test_a_phone_heic_photo_is_read(engine, tmp_path: Path) -> None:
    from pillow_heif import from_pillow

    from organizer.storage.attachments import media_type

    path = tmp_path / "photo.heic"
    from_pillow(scanned_page(CLEAN, SHORT).convert("RGB")).save(path, quality=90)
    assert media_type(path) == "image/heic"
    (source,) = pages_to_read(path.read_bytes(), "image/heic")
    image, dpi = source.load()
    assert word_recall(SHORT, engine.read(prepare(image, dpi, engine.orientation).image).text) \
        >= 0.95


# -- kept with the attachment, found by search, never filling in a value ---------------------

def test_pages_read_are_kept_with_confidence_and_found_with_snippets(
        store: Store, person_id: int, tmp_path: Path) -> None:
    path = save(scanned_page(OFFICE), tmp_path / "pathology-report.jpg", 200)
    record_id = _record(store, person_id, path)
    (attachment,) = store.attachments(record_id)
    assert attachment.scan_status == "pending"
    assert not store.search("carcinoma")
    before = store.get("record", record_id)

    change = read_scan(store, attachment)

    assert [c.id for c in change.items] == [record_id]
    (page,) = store.scan_pages(attachment.id)
    assert page.page == 1 and 70 < page.confidence <= 100 and page.skew == pytest.approx(-2.5,
                                                                                         abs=0.3)
    assert word_recall(LETTER, page.text) >= OFFICE.target
    assert store.attachments(record_id)[0].scan_status == "done"
    (hit,) = store.search("ductal carcinoma")
    assert (hit.type, hit.id) == ("record", record_id)
    assert "[carcinoma]" in hit.snippet.lower()
    assert store.search("metformina")  # the Spanish lines too
    # OCR never changes a value: the record's fields are as typed, and no result appeared
    after = store.get("record", record_id)
    assert {k: v for k, v in after.to_dict().items() if k != "updated_at"} == \
        {k: v for k, v in before.to_dict().items() if k != "updated_at"}
    assert store.count("result", person_id) == 0


def test_reading_again_replaces_the_pages_and_a_removed_file_leaves_search(
        store: Store, person_id: int, tmp_path: Path) -> None:
    path = save(scanned_page(CLEAN, SHORT), tmp_path / "letter.png", 300)
    record_id = _record(store, person_id, path)
    (attachment,) = store.attachments(record_id)
    read_scan(store, attachment)
    read_scan(store, attachment)
    assert len(store.scan_pages(attachment.id)) == 1
    assert store.search("estrogen")
    store.remove_attachment(attachment.id)
    assert not store.search("estrogen")


def test_a_scanned_pdf_records_each_of_its_pages(store: Store, person_id: int,
                                                 tmp_path: Path) -> None:
    images = [scanned_page(FAX, [f"Fax page {n} of the discharge summary.", *SHORT])
              for n in (1, 2)]
    path = tmp_path / "fax.pdf"
    images[0].convert("L").save(path, "PDF", resolution=150.0, save_all=True,
                                append_images=[images[1].convert("L")])
    record_id = _record(store, person_id, path)
    (attachment,) = store.attachments(record_id)
    read_scan(store, attachment)
    pages = store.scan_pages(attachment.id)
    assert [p.page for p in pages] == [1, 2]
    assert "page 2" in pages[1].text.lower()


def test_a_broken_picture_is_kept_and_marked_unreadable(store: Store, person_id: int,
                                                        tmp_path: Path) -> None:
    good = save(scanned_page(CLEAN, SHORT), tmp_path / "good.jpg", 300).read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(good[: len(good) // 3])  # a photo cut short in the copying
    record_id = _record(store, person_id, path)
    read_pending(store)
    (attachment,) = store.attachments(record_id)
    assert attachment.scan_status == "unreadable"
    assert store.scan_pages(attachment.id) == []
    assert store.read_attachment(attachment) == path.read_bytes()  # kept as it is


def test_without_language_data_the_file_is_kept_and_read_later(
        store: Store, person_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.scan import ocr

    path = save(scanned_page(CLEAN, SHORT), tmp_path / "letter.png", 300)
    record_id = _record(store, person_id, path)
    empty = tmp_path / "no-tessdata"
    empty.mkdir()
    monkeypatch.setenv("ORGANIZER_TESSDATA", str(empty))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(ocr, "_TESSDATA_PLACES", ())
    read_pending(store)
    assert store.attachments(record_id)[0].scan_status == "unavailable"
    monkeypatch.undo()
    assert [a.id for a in store.pending_scans()] == [store.attachments(record_id)[0].id]
    read_pending(store)
    assert store.attachments(record_id)[0].scan_status == "done"


def test_text_files_and_typed_pdfs_have_nothing_to_read(store: Store, person_id: int,
                                                        tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Call the surgeon on Monday.", encoding="utf-8")
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(page_pdf(["A typed letter with a text layer on every page."] * 4))
    record_id = _record(store, person_id, note)
    store.attach_file(record_id, typed)
    store.attach_file(record_id, typed, extract_text=False, filename="dropped.pdf")
    statuses = {a.filename: a.scan_status for a in store.attachments(record_id)}
    # known at once when the text is read with the file; else when its text is read
    assert statuses == {"note.txt": "none", "typed.pdf": "none", "dropped.pdf": "pending"}
    (dropped,) = store.pending_text()
    store.extract_pending_text(dropped)
    assert {a.scan_status for a in store.attachments(record_id)} == {"none"}
    assert store.pending_scans() == []


def test_an_encrypted_store_reads_its_sealed_scans(tmp_path: Path) -> None:
    from organizer.encryption import encrypt_store

    root = tmp_path / "data"
    with open_store(root) as plain:
        plain.add("person", {"full_name": "Ana Ruiz"})
    encrypt_store(root, "correct horse battery")
    with open_store(root, passphrase="correct horse battery") as store:
        person = store.find_person("Ana Ruiz")
        path = save(scanned_page(CLEAN, SHORT), tmp_path / "letter.png", 300)
        record_id = _record(store, person.id, path)
        read_pending(store)
        assert store.search("progesterone")[0].id == record_id


# -- suggestions, never values ----------------------------------------------------------------

def test_results_on_a_page_are_offered_as_suggestions(engine) -> None:
    page = scanned_page(OFFICE, LETTER[6:12])
    text = engine.read(prepare(page, OFFICE.dpi, engine.orientation).image).text
    found = {s.name: s for s in suggest_results(text, page=2)}
    assert set(found) == {"Hemoglobin", "Glucose", "Creatinine"}
    assert found["Hemoglobin"].values() == {"name": "Hemoglobin", "value": "13.5",
                                            "unit": "g/dL", "reference_range": "12.0-15.5"}
    assert found["Glucose"].page == 2


@pytest.mark.parametrize("line", [
    "Page 1 of 2", "Fax: 555 0100", "Specimen: left breast.",
    "Diagnosis: invasive ductal carcinoma, grade 2, measuring 14 mm."])
def test_lines_that_are_not_results_are_not_offered(line: str) -> None:
    assert suggest_results(line) == []


def test_flags_and_limits_are_read(engine) -> None:
    (found,) = suggest_results("LDL cholesterol 162 mg/dL <130 H")
    assert (found.value, found.reference_range, found.flag) == ("162", "<130", "high")


# -- the packet encloses the page images, never the text read --------------------------------

def test_the_packet_encloses_the_scan_as_its_image_not_the_text_read(
        store: Store, person_id: int, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from organizer.packet.build import build_packet

    path = save(scanned_page(CLEAN, SHORT), tmp_path / "report.jpg", 300)
    record_id = _record(store, person_id, path)
    read_pending(store)
    assert "estrogen" in store.scan_pages(store.attachments(record_id)[0].id)[0].text.lower()
    out = tmp_path / "packet.pdf"
    build_packet(store, person_id, out)
    reader = PdfReader(out)
    enclosure = [p for p in reader.pages if "report" in (p.extract_text() or "").lower()
                 and p.images]
    assert enclosure, "the scan is enclosed as a picture"
    for page in reader.pages:
        assert "estrogen" not in (page.extract_text() or "").lower()


def test_a_phone_photo_with_a_shadow_across_it_is_evened_out(engine) -> None:
    from PIL import ImageChops

    page = scanned_page(Quality("phone photo", 200, skew=1.0), SHORT)
    # light falls off from white at the top left to dim grey at the bottom right
    shadow = Image.linear_gradient("L").resize(page.size).rotate(45).point(
        lambda v: 255 - v // 2)
    photo = ImageChops.multiply(page, shadow)
    from PIL import ImageStat

    def paper(image: Image.Image) -> float:  # blank paper near the dim corner
        w, h = image.size
        return float(ImageStat.Stat(image.crop((int(w * .8), int(h * .8), int(w * .85),
                                                int(h * .85)))).mean[0])

    assert paper(photo) < 160
    prepared = prepare(photo, 200)
    assert paper(prepared.image) >= 240  # the paper is white again in the dim corner too
    assert word_recall(SHORT, engine.read(prepared.image).text) >= 0.95
