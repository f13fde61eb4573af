"""`organizer disc PATH --person P [--copy-images] [--title T] [--force]`, end to end: real
processes, real discs written with pydicom, the record read back with `list --json`."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from organizer.disc.index import read_disc
from organizer.disc.save import save_disc
from organizer.errors import OrganizerError, ValidationError
from tests.helpers.cli import one_line_error
from tests.helpers.disc_samples import (
    SeriesSpec,
    StudySpec,
    cut_short,
    declare_huge,
    image_files,
    point_outside,
    unknown_compression,
    write_disc,
)

STUDIES = (
    StudySpec(),
    StudySpec(date="20231101", description="Chest CT", institution="City Clinic",
              series=(SeriesSpec("CT", "CHEST", "Lung window", 5, "MONOCHROME1", (-600, 1500)),
                      SeriesSpec("CT", "CHEST", "Soft tissue", 4))),
)


@pytest.fixture
def jane(cli: Any) -> str:
    result = cli("add", "person", "full_name=Jane Doe", "birth_date=1950-03-02")
    assert result.returncode == 0, result.stderr
    return str(result.stdout.strip())


def records(cli: Any, person: str) -> list[dict[str, Any]]:
    result = cli("list", "record", "--person", person, "--json")
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_a_disc_becomes_an_imaging_record_with_its_studies(cli: Any, jane: str,
                                                           tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", STUDIES)
    result = cli("disc", str(disc), "--person", "Jane Doe")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "2023-11-01 CT, CHEST: Chest CT, 2 series, 9 images (City Clinic)",
        "2024-03-02 MR, HEAD: Brain MRI, 1 series, 3 images (General Hospital)"]
    (record,) = records(cli, jane)
    assert lines[-1] == str(record["id"])
    assert record["kind"] == "imaging" and record["physical"] is True
    assert record["origin"] == "disc" and record["dated_on"] == "2024-03-02"
    assert record["title"] == "Imaging disc, 2 studies"
    assert record["studies"] == [
        {"study_date": "2023-11-01", "modality": "CT", "body_part": "CHEST",
         "description": "Chest CT", "institution": "City Clinic", "series": 2, "images": 9},
        {"study_date": "2024-03-02", "modality": "MR", "body_part": "HEAD",
         "description": "Brain MRI", "institution": "General Hospital", "series": 1,
         "images": 3}]
    # One key image per series, a real PNG, and nothing else copied by default.
    names = [a["filename"] for a in record["attachments"]]
    assert names == ["Key image 2023-11-01 CT series 1 Lung window.png",
                     "Key image 2023-11-01 CT series 2 Soft tissue.png",
                     "Key image 2024-03-02 MR series 1 T1 axial.png"]
    assert {a["media_type"] for a in record["attachments"]} == {"image/png"}
    files = tmp_path / "data" / "files"
    for attachment in record["attachments"]:
        with Image.open(io.BytesIO((files / attachment["sha256"]).read_bytes())) as key:
            assert key.format == "PNG" and key.size == (32, 32)
    # A record without a disc has no `studies`.
    assert cli("add", "record", "--person", jane, "title=Letter").returncode == 0
    assert "studies" not in records(cli, jane)[1]


def test_the_disc_is_found_by_search(cli: Any, jane: str, tmp_path: Path) -> None:
    cli("disc", str(write_disc(tmp_path / "disc", STUDIES)), "--person", jane,
        "--title", "Scans from City Clinic")
    hits = json.loads(cli("search", "Chest CT", "--json").stdout)
    assert [h["title"] for h in hits] == ["Scans from City Clinic"]


def test_copy_images_keeps_every_image(cli: Any, jane: str, tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", STUDIES)
    assert cli("disc", str(disc), "--person", jane, "--copy-images").returncode == 0
    (record,) = records(cli, jane)
    copies = [a for a in record["attachments"] if a["filename"].endswith(".dcm")]
    assert len(copies) == 12
    on_disc = {p.read_bytes() for p in image_files(disc)}
    files = tmp_path / "data" / "files"
    assert {(files / a["sha256"]).read_bytes() for a in copies} == on_disc


def test_another_patients_disc_is_refused_unless_forced(cli: Any, jane: str,
                                                        tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", patient="SMITH^JOHN", birth="19611224")
    result = cli("disc", str(disc), "--person", jane)
    line = one_line_error(result, "SMITH", "Nothing was added", "--force")
    assert "John Smith, born" in line
    assert records(cli, jane) == []
    assert cli("disc", str(disc), "--person", jane, "--force").returncode == 0
    assert len(records(cli, jane)) == 1


def test_a_name_written_the_dicom_way_matches(cli: Any, jane: str, tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", patient="Doe^Jane^^Mrs", birth="")
    assert cli("disc", str(disc), "--person", jane).returncode == 0


def _nothing_to_add(tmp_path: Path, make: str) -> Path:
    """A disc with nothing the organizer can add: no folder, an empty one, or a viewer
    program alone."""
    folder = tmp_path / "disc"
    if make != "missing":
        folder.mkdir()
    if make == "viewer":
        (folder / "viewer.exe").write_bytes(b"MZ" + bytes(64))
        (folder / "autorun.inf").write_text("[autorun]\nopen=viewer.exe\n")
    return folder


@pytest.mark.parametrize("make", ["missing", "empty", "viewer"])
def test_nothing_to_add_is_one_line(cli: Any, jane: str, tmp_path: Path, make: str) -> None:
    folder = _nothing_to_add(tmp_path, make)
    words = {"missing": "is not a folder or a disc", "empty": "No DICOM images were found",
             "viewer": "holds only a viewer program (autorun.inf, viewer.exe)"}[make]
    one_line_error(cli("disc", str(folder), "--person", jane), words, "nothing was added"
                   if make == "missing" else "Nothing was added")
    assert records(cli, jane) == []


def test_a_usage_error_exits_2(cli: Any, tmp_path: Path) -> None:
    assert cli("disc", str(tmp_path)).returncode == 2


def test_a_hostile_disc_is_imported_with_one_line_per_problem(cli: Any, jane: str,
                                                              tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", (StudySpec(series=(
        SeriesSpec(images=3), SeriesSpec(description="Huge", images=1),
        SeriesSpec(description="MPEG", images=1), SeriesSpec(description="Cut", images=2),
    )),))
    files = image_files(disc)
    point_outside(disc, 0, ["..", "SECRET"])
    declare_huge(files[3])
    unknown_compression(files[4])
    cut_short(files[5], files[5].stat().st_size - 200)  # the middle one of "Cut"
    marker = tmp_path / "ran"
    (disc / "viewer.sh").write_text(f"#!/bin/sh\ntouch {marker}\n")
    (disc / "viewer.sh").chmod(stat.S_IRWXU)
    (disc / "AUTORUN.INF").write_text("[autorun]\nopen=viewer.sh\n")
    result = cli("disc", str(disc), "--person", jane)
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.startswith("Skipped: ")]
    assert len(skipped) == 4, skipped
    assert "points outside the disc" in skipped[0]
    assert "too large to be real" in skipped[1]
    assert "cannot be read (MPEG2" in skipped[2]
    assert "cut short" in skipped[3]
    (record,) = records(cli, jane)
    assert record["studies"][0]["series"] == 4 and record["studies"][0]["images"] == 6
    assert len(record["attachments"]) == 1  # only the good series' key image
    assert not marker.exists()


def test_a_failure_while_saving_leaves_nothing(store: Any, person_id: int,
                                               tmp_path: Path, monkeypatch: Any) -> None:
    disc = write_disc(tmp_path / "disc", STUDIES)
    index = read_disc(disc)
    store.update("person", person_id, {"full_name": "Jane Doe"})

    def broken(*args: object, **kwargs: object) -> None:
        raise ValidationError("the disk filled up")
    monkeypatch.setattr(type(store), "add_disc_series", broken)
    with pytest.raises(OrganizerError):
        save_disc(store, person_id, index)
    assert store.list_items("record", person_id) == []
    conn = sqlite3.connect(store.dirs.database)
    assert conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM disc_series").fetchone()[0] == 0


def test_the_store_refuses_a_series_without_its_uids(store: Any, person_id: int) -> None:
    record = store.add("record", {"title": "Disc"}, person_id=person_id).id
    good = {"study_uid": "1", "series_uid": "1.1", "images": 3}
    with pytest.raises(ValidationError, match="study and series"):
        store.add_disc_series(record, [good, {"study_uid": "1", "images": 1}])
    with pytest.raises(ValidationError, match="number of images"):
        store.add_disc_series(record, [{"study_uid": "1", "series_uid": "1.2", "images": -1}])
    assert store.disc_series([record]) == {}
    store.add_disc_series(record, [good])
    assert [r["images"] for r in store.disc_series([record])[record]] == [3]


def test_an_encrypted_store_seals_the_key_images(cli: Any, jane: str, tmp_path: Path) -> None:
    secret = {"ORGANIZER_NEW_PASSPHRASE": "disc pass", "ORGANIZER_PASSPHRASE": "disc pass"}
    assert cli("encrypt", env=secret).returncode == 0
    disc = write_disc(tmp_path / "disc")
    result = cli("disc", str(disc), "--person", jane, env=secret)
    assert result.returncode == 0, result.stderr
    listed = cli("list", "record", "--person", jane, "--json", env=secret)
    (record,) = json.loads(listed.stdout)
    assert record["studies"][0]["images"] == 3
    stored = list((tmp_path / "data" / "files").iterdir())
    assert len(stored) == 1 and not stored[0].read_bytes().startswith(b"\x89PNG")
    assert record["attachments"][0]["sha256"] not in {p.name for p in stored}


def test_pydicoms_own_test_disc_end_to_end(cli: Any, jane: str, tmp_path: Path) -> None:
    """pydicom's DICOMDIR test files (two patients, six studies of CR, CT and MR)."""
    from tests.helpers.disc_samples import copy_pydicom_disc
    disc = copy_pydicom_disc(tmp_path / "disc")
    one_line_error(cli("disc", str(disc), "--person", jane), "Archibald Doe", "--force")
    result = cli("disc", str(disc), "--person", jane, "--force")
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("Skipped")]
    (record,) = records(cli, jane)
    studies = record["studies"]
    assert [(s["study_date"], s["modality"], s["series"], s["images"]) for s in studies] == [
        ("1995-09-03", "CT", 1, 4), ("2001-01-01", "CT", 2, 7), ("2001-01-01", "CR", 3, 3),
        ("2003-05-05", "MR", 3, 11), ("2003-05-05", "MR", 2, 4), ("2003-05-05", "MR", 2, 2)]
    assert len(record["attachments"]) == sum(s["series"] for s in studies) == 13


def test_no_key_image_goes_to_the_shared_temporary_folder(store: Any, person_id: int,
                                                          tmp_path: Path,
                                                          monkeypatch: Any) -> None:
    """The pictures on their way in stay in a private folder inside the data folder."""
    disc = write_disc(tmp_path / "disc", patient="KOWALSKA^ANNA", birth="19500302")
    seen: list[tuple[Path, int]] = []
    real = type(store).attach_file

    def spy(self: Any, record_id: int, source: Path, **kwargs: Any) -> Any:
        seen.append((Path(source), Path(source).parent.stat().st_mode & 0o777))
        return real(self, record_id, source, **kwargs)
    monkeypatch.setattr(type(store), "attach_file", spy)
    save_disc(store, person_id, read_disc(disc))
    assert len(seen) == 1
    source, mode = seen[0]
    assert source.is_relative_to(store.root) and mode == 0o700
    assert not source.parent.exists()  # removed once saved


@pytest.mark.parametrize(("make", "words"), [
    ("missing", "no es una carpeta ni un disco que se pueda leer"),
    ("empty", "No se encontraron imágenes DICOM en"),
    ("viewer", "solo contiene un programa visor (autorun.inf, viewer.exe)"),
])
def test_nothing_to_add_is_said_in_spanish(cli: Any, jane: str, tmp_path: Path, make: str,
                                           words: str) -> None:
    folder = _nothing_to_add(tmp_path, make)
    one_line_error(cli("--lang", "es", "disc", str(folder), "--person", jane), words,
                   "no se agregó nada" if make == "missing" else "No se agregó nada")
    assert records(cli, jane) == []
