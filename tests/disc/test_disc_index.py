"""Reading imaging discs: pydicom's own DICOMDIR test files, discs written here, and
hostile discs. Each bad file is skipped and named in one line; the rest is read; nothing
outside the disc is opened and nothing on it is run."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organizer.disc.index import inside, read_disc
from organizer.errors import OrganizerError
from tests.helpers.disc_samples import (
    SeriesSpec,
    StudySpec,
    copy_pydicom_disc,
    cut_short,
    image,
    image_files,
    point_outside,
    write_disc,
)
from tests.helpers.hostile import assert_only_refuses, hostile_files

TWO_STUDIES = (
    StudySpec(),
    StudySpec(date="20231101", description="Chest CT", institution="City Clinic",
              series=(SeriesSpec("CT", "CHEST", "Lung window", 5, "MONOCHROME1", (-600, 1500)),
                      SeriesSpec("CT", "CHEST", "Soft tissue", 4))),
)


def summary(index: object) -> list[tuple[object, ...]]:
    return [(s.date, s.description, s.institution, s.patient_name, s.birth_date,
             [(x.modality, x.body_part, x.description, x.images) for x in s.series])
            for s in index.studies]  # type: ignore[attr-defined]




@pytest.mark.parametrize("variant", ["DICOMDIR", "DICOMDIR-reordered", "DICOMDIR-implicit",
                                     "DICOMDIR-bigEnd", "DICOMDIR-nooffset"])
def test_pydicom_dicomdir_test_files(tmp_path: Path, variant: str) -> None:
    index = read_disc(copy_pydicom_disc(tmp_path / "disc", variant))
    assert index.from_dicomdir and not index.problems
    assert index.images == 31
    assert [(s.date, s.modalities, s.images) for s in index.studies] == [
        ("1995-09-03", "CT", 4), ("2001-01-01", "CT", 7), ("2001-01-01", "CR", 3),
        ("2003-05-05", "MR", 11), ("2003-05-05", "MR", 4), ("2003-05-05", "MR", 2)]
    assert {name for name, _ in index.patients} == {"Doe^Archibald", "Doe^Peter"}
    head = index.studies[0]
    # What the DICOMDIR leaves out comes from the key image's header.
    assert head.series[0].body_part == "HEAD" and head.description.startswith("CT, HEAD")


def test_a_dicomdir_without_the_patient_level(tmp_path: Path) -> None:
    index = read_disc(copy_pydicom_disc(tmp_path / "disc", "DICOMDIR-nopatient"))
    assert index.images > 0
    assert all(s.series and s.images for s in index.studies)


def test_a_written_disc_with_and_without_dicomdir_reads_the_same(tmp_path: Path) -> None:
    with_index = read_disc(write_disc(tmp_path / "a", TWO_STUDIES))
    scanned = read_disc(write_disc(tmp_path / "b", TWO_STUDIES, dicomdir=False))
    assert with_index.from_dicomdir and not scanned.from_dicomdir
    expected = [
        ("2023-11-01", "Chest CT", "City Clinic", "DOE^JANE", "1950-03-02",
         [("CT", "CHEST", "Lung window", 5), ("CT", "CHEST", "Soft tissue", 4)]),
        ("2024-03-02", "Brain MRI", "General Hospital", "DOE^JANE", "1950-03-02",
         [("MR", "HEAD", "T1 axial", 3)])]
    assert summary(with_index) == expected
    assert summary(scanned) == expected
    assert not with_index.problems and not scanned.problems
    # The key image is the middle one of each series, in instance order.
    lung = scanned.studies[0].series[0]
    assert lung.key_file() == dict((n, f) for n, f in lung.files)[3]


def test_the_dicomdir_file_itself_may_be_given(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc")
    assert read_disc(disc / "DICOMDIR").images == 3


def test_not_a_folder_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(OrganizerError, match="not a folder or a disc"):
        read_disc(tmp_path / "missing")


def test_entries_pointing_outside_the_disc_are_never_opened(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", (StudySpec(series=(SeriesSpec(images=4),)),))
    # A valid DICOM file of someone else, just outside the disc: opening it would show.
    secret = ["..", "SECRET"]
    point_outside(disc, 0, secret)
    other = image(patient="OTHER^PERSON", study_uid="1.2.3", series_uid="1.2.3.4", number=1)
    other.save_as(tmp_path / secret[-1], enforce_file_format=True)
    absolute = ["", "ETC", "PASSWD"]
    point_outside(disc, 1, absolute)
    point_outside(disc, 2, ["C:", "X"])
    index = read_disc(disc)
    assert index.images == 1
    assert [n for n, _ in index.patients] == ["DOE^JANE"]
    outside = [p for p in index.problems if "points outside the disc" in p]
    assert len(outside) == 3
    assert outside[0].startswith(f"../{secret[-1]}:")
    assert all("\n" not in p for p in index.problems)


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", dicomdir=False)
    elsewhere = write_disc(tmp_path / "elsewhere", dicomdir=False, patient="OTHER^PERSON")
    (disc / "LINKED").symlink_to(elsewhere / "IMAGES", target_is_directory=True)
    (disc / "IMAGES" / "ONE").symlink_to(image_files(elsewhere)[0])
    index = read_disc(disc)
    assert index.images == 3 and [n for n, _ in index.patients] == ["DOE^JANE"]
    assert any("2 links on the disc point elsewhere" in p for p in index.problems)
    assert inside(disc, "LINKED/IMG00000") is None


def test_a_dicomdir_entry_through_a_symlink_is_refused(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc")
    first = image_files(disc)[0]
    target = tmp_path / "target"
    shutil.move(first.parent, target)
    first.parent.symlink_to(target, target_is_directory=True)
    index = read_disc(disc)
    assert index.images == 0 or all(not f.startswith(first.parent.name)
                                    for s in index.studies for x in s.series
                                    for _, f in x.files)
    assert any("points outside the disc" in p for p in index.problems)


def test_non_dicom_and_truncated_files_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", (StudySpec(series=(SeriesSpec(images=5),)),),
                      dicomdir=False)
    files = image_files(disc)
    cut_short(files[0], 300)          # inside the header
    cut_short(files[1], 140)          # just the preamble and "DICM"
    (disc / "README.TXT").write_text("Insert the disc and run the viewer.")
    (disc / "IMAGES" / "FAKE").write_bytes(b"\0" * 128 + b"NOPE" + b"\1" * 500)
    index = read_disc(disc)
    assert index.images == 3
    assert any(p.startswith("IMAGES/IMG00000: damaged or cut short") for p in index.problems)
    assert any(p.startswith("IMAGES/IMG00001: damaged or cut short") for p in index.problems)
    assert any(p.startswith("2 files that are not DICOM images were skipped")
               for p in index.problems)


def test_a_damaged_dicomdir_falls_back_to_the_files(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc")
    (disc / "DICOMDIR").write_bytes(b"\0" * 128 + b"DICM" + b"\xff" * 300)
    index = read_disc(disc)
    assert not index.from_dicomdir and index.images == 3
    assert index.problems[0].startswith("The disc's DICOMDIR (its index) is damaged")


def test_a_viewer_is_noticed_and_never_run(tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc")
    marker = tmp_path / "ran"
    program = f"#!/bin/sh\ntouch {marker}\n"
    for name in ("viewer.exe", "RUN.SH", "setup.bat"):
        (disc / name).write_text(program)
        (disc / name).chmod(stat.S_IRWXU)
    (disc / "AUTORUN.INF").write_text("[autorun]\nopen=viewer.exe\nshellexecute=RUN.SH\n")
    index = read_disc(disc)
    assert index.images == 3
    assert index.programs == ["AUTORUN.INF", "RUN.SH", "setup.bat", "viewer.exe"]
    assert not marker.exists()


def test_an_empty_folder_and_a_viewer_only_disc(tmp_path: Path) -> None:
    from organizer.disc.save import empty_disc

    empty = tmp_path / "empty"
    empty.mkdir()
    assert read_disc(empty).images == 0
    assert "No DICOM images were found" in (empty_disc(read_disc(empty)) or "")
    viewer = tmp_path / "viewer"
    (viewer / "VIEWER").mkdir(parents=True)
    (viewer / "VIEWER" / "viewer.exe").write_bytes(b"MZ" + bytes(100))
    (viewer / "autorun.inf").write_text("[autorun]\nopen=VIEWER\\viewer.exe\n")
    assert "holds only a viewer program" in (empty_disc(read_disc(viewer)) or "")


def test_cancel_stops_the_reading(tmp_path: Path) -> None:
    from organizer.errors import CancelledError
    from organizer.progress import Progress

    disc = write_disc(tmp_path / "disc", dicomdir=False)
    with pytest.raises(CancelledError):
        read_disc(disc, Progress(cancelled=lambda: True))


@pytest.fixture(scope="module")
def good_disc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_disc(tmp_path_factory.mktemp("good") / "disc")


@settings(max_examples=120, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_hostile_dicomdir_or_image_only_skips_or_refuses(
        good_disc: Path, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Mutated and cut DICOMDIRs and images: read_disc and key_image may only succeed
    or say in words what they skip; every problem is one line."""
    from organizer.disc.thumbnails import key_image

    folder = tmp_path_factory.mktemp("hostile")
    disc = folder / "disc"
    shutil.copytree(good_disc, disc)
    which = data.draw(st.sampled_from(["DICOMDIR", "image"]))
    target = disc / "DICOMDIR" if which == "DICOMDIR" else image_files(disc)[0]
    blob = data.draw(hostile_files(sample=target.read_bytes()))

    def read(path: Path) -> None:
        index = read_disc(disc)
        assert all(p.strip() and "\n" not in p for p in index.problems)
        for study in index.studies:
            for series in study.series:
                for _, rel in series.files:
                    assert inside(index.root, rel) is not None
        if which == "image":
            key_image(path)

    assert_only_refuses(read, blob, target.parent, target.name)


def test_a_disc_mounted_with_lower_case_names_is_read(tmp_path: Path) -> None:
    """Linux may show an ISO 9660 disc's names in lower case; its DICOMDIR says upper."""
    disc = write_disc(tmp_path / "disc")
    for path in sorted(disc.rglob("*"), key=lambda p: -len(p.parts)):
        if path.name != "DICOMDIR":
            path.rename(path.with_name(path.name.lower()))
    index = read_disc(disc)
    assert index.from_dicomdir and index.images == 3 and not index.problems
    assert index.studies[0].series[0].files[0][1] == "pt000000/st000000/se000000/im000000"


def test_a_disc_s_problems_are_said_in_spanish(tmp_path: Path) -> None:
    from organizer.disc.save import default_title
    from organizer.i18n import language

    disc = write_disc(tmp_path / "disc", dicomdir=False)
    elsewhere = write_disc(tmp_path / "elsewhere", dicomdir=False, patient="OTHER^PERSON")
    (disc / "LINKED").symlink_to(elsewhere / "IMAGES", target_is_directory=True)
    (disc / "notes.txt").write_text("not an image")
    with language("es"):
        index = read_disc(disc)
        title = default_title(index)
    assert any(p == "1 enlace del disco apunta a otro lugar; no se siguió."
               for p in index.problems), index.problems
    assert any(p.startswith("Se omitió 1 archivo que no es una imagen DICOM (notes.txt)")
               for p in index.problems), index.problems
    assert title.startswith("Disco de ") and "disc" not in title
