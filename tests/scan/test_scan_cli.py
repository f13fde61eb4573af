"""The command line reads scanned pages before `add record --file` returns (a script's next
`search` finds them), `--no-ocr` skips that, and schema step 5 marks the pictures and PDFs
of an older store to be read."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from organizer.opening import open_store
from organizer.storage import migrations
from tests.helpers.scan_samples import LETTER, QUALITIES, page_pdf, save, scanned_page

pytestmark = pytest.mark.slow  # real processes reading real pages
OFFICE, FAX = QUALITIES[1], QUALITIES[2]


@pytest.fixture
def person(cli) -> str:  # type: ignore[no-untyped-def]
    assert cli("add", "person", "full_name=Rosa Delgado").returncode == 0
    return "Rosa Delgado"


def test_add_record_file_reads_the_scan_before_it_returns(cli, person: str,
                                                          tmp_path: Path) -> None:
    scan = save(scanned_page(OFFICE), tmp_path / "biopsy.jpg", OFFICE.dpi)
    done = cli("add", "record", "--person", person, "title=Biopsy report", "kind=pathology",
               "--file", str(scan))
    assert done.returncode == 0, done.stderr
    record_id = int(done.stdout.strip())
    assert done.stderr == ""
    found = cli("search", "ductal carcinoma", "--json")
    (hit,) = json.loads(found.stdout)
    assert (hit["type"], hit["id"]) == ("record", record_id)
    assert "[carcinoma]" in hit["snippet"].lower()
    # OCR fills in nothing: the record has only what was typed, and no result was added
    (record,) = json.loads(cli("list", "record", "--person", person, "--json").stdout)
    assert (record["title"], record["description"], record["dated_on"]) == \
        ("Biopsy report", None, None)
    assert json.loads(cli("list", "result", "--person", person, "--json").stdout) == []


def test_no_ocr_leaves_the_pages_unread(cli, person: str, data_dir: Path,
                                        tmp_path: Path) -> None:
    scan = save(scanned_page(FAX), tmp_path / "fax.tif", FAX.dpi)
    done = cli("add", "record", "--person", person, "title=Fax", "--file", str(scan),
               "--no-ocr")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("search", "carcinoma", "--json").stdout) == []
    with open_store(data_dir) as store:
        (attachment,) = store.attachments(int(done.stdout))
        assert attachment.scan_status == "skipped"
        assert store.pending_scans() == []


def test_without_the_language_data_the_record_is_added_with_a_note(
        cli, person: str, tmp_path: Path) -> None:
    scan = save(scanned_page(FAX, LETTER[:4]), tmp_path / "fax.png", FAX.dpi)
    empty = tmp_path / "empty"
    empty.mkdir()
    done = cli("add", "record", "--person", person, "title=Fax", "--file", str(scan),
               env={"ORGANIZER_TESSDATA": str(empty), "ORGANIZER_TESSDATA_ONLY": "1"})
    assert done.returncode == 0
    assert done.stdout.strip().isdigit()
    assert done.stderr.count("\n") == 1 and "tesseract-ocr-eng" in done.stderr


def test_schema_step_6_marks_older_pictures_and_pdfs_to_be_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    picture = save(scanned_page(FAX, LETTER[:3]), tmp_path / "old-scan.png", FAX.dpi)
    note = tmp_path / "note.txt"
    note.write_text("typed note", encoding="utf-8")
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(page_pdf(["A typed letter, its own text on the page."]))
    scanned = save(scanned_page(FAX, LETTER[:3]), tmp_path / "scanned.pdf", FAX.dpi)
    with open_store(data) as store:
        person = store.add("person", {"full_name": "Rosa Delgado"})
        record = store.add("record", {"title": "Old scan"}, person_id=person.id)
        for path in (picture, note, typed, scanned):
            store.attach_file(record.id, path)
    # the store as version 5 left it: no pages table, no status column
    conn = sqlite3.connect(data / "organizer.db")
    conn.executescript("DROP TABLE attachment_pages; "
                       "ALTER TABLE attachments DROP COLUMN scan_status; "
                       "PRAGMA user_version = 5;")
    conn.close()
    with open_store(data) as store:
        assert migrations.current_version(store.conn) == migrations.LATEST
        assert {a.filename: a.scan_status for a in store.attachments(record.id)} == \
            {"old-scan.png": "pending", "note.txt": "none", "typed.pdf": "none",
             "scanned.pdf": "pending"}
        assert [a.filename for a in store.pending_scans()] == ["old-scan.png", "scanned.pdf"]
    assert list((data / "backups").glob("before-migration-v5-*.zip"))
