"""Imaging discs written by the tests with pydicom: good ones, and hostile ones.

`write_disc(folder, ...)` writes a disc of real DICOM files (small, with real pixel data)
and, unless told otherwise, a real DICOMDIR made by pydicom's FileSet. The hostile helpers
change one thing about a good disc: a DICOMDIR entry pointing outside the disc, a file cut
short, a header declaring a huge image, a compression nobody can decode, a viewer program.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.fileset import FileSet
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, MRImageStorage, generate_uid

PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"


@contextmanager
def quiet() -> Iterator[None]:
    """pydicom warns about the odd values hostile files need; the tests make them on purpose."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def shipped(name: str) -> Path:
    """One of pydicom's own test files that ships inside the wheel (never downloaded)."""
    path = PYDICOM_FILES / name
    assert path.is_file(), f"{name} is not shipped inside the pydicom wheel"
    return path


@dataclass
class SeriesSpec:
    modality: str = "MR"
    body_part: str = "HEAD"
    description: str = "T1 axial"
    images: int = 3
    photometric: str = "MONOCHROME2"
    window: tuple[float, float] | None = (1000.0, 200.0)


@dataclass
class StudySpec:
    date: str = "20240302"
    description: str = "Brain MRI"
    institution: str = "General Hospital"
    series: tuple[SeriesSpec, ...] = (SeriesSpec(),)


def ramp(rows: int = 32, columns: int = 32) -> Any:
    """Pixels 0..2000 left to right, so windowing is visible and checkable."""
    line = np.linspace(0, 2000, columns).astype(np.uint16)
    return np.tile(line, (rows, 1))


def image(*, patient: str = "DOE^JANE", birth: str = "19500302", study_uid: str,
          series_uid: str, number: int, series_number: int = 1, modality: str = "MR",
          body_part: str = "HEAD", study_date: str = "20240302",
          study_description: str = "Brain MRI", series_description: str = "T1 axial",
          institution: str = "General Hospital", photometric: str = "MONOCHROME2",
          window: tuple[float, float] | None = (1000.0, 200.0),
          pixels: Any = None) -> Dataset:
    """One small DICOM image as a hospital's scanner writes it (Part 10, with pixels)."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    sop_class = CTImageStorage if modality == "CT" else MRImageStorage
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.PatientName = patient
    ds.PatientID = "MRN-1"
    ds.PatientBirthDate = birth
    ds.StudyInstanceUID = study_uid
    ds.StudyDate = study_date
    ds.StudyTime = "101500"
    ds.StudyID = "1"
    ds.AccessionNumber = "A1"
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = study_description
    ds.InstitutionName = institution
    ds.SeriesInstanceUID = series_uid
    ds.SeriesNumber = series_number
    ds.SeriesDescription = series_description
    ds.Modality = modality
    ds.BodyPartExamined = body_part
    ds.InstanceNumber = number
    if window is not None:
        ds.WindowCenter, ds.WindowWidth = window
    data = ramp() if pixels is None else pixels
    with quiet():
        ds.set_pixel_data(data, photometric_interpretation=photometric,
                          bits_stored=16 if data.dtype == np.uint16 else 8)
    return ds


def write_disc(folder: Path, studies: tuple[StudySpec, ...] = (StudySpec(),), *,
               dicomdir: bool = True, patient: str = "DOE^JANE",
               birth: str = "19500302") -> Path:
    """A disc in `folder`: with a DICOMDIR (pydicom's FileSet lays it out as a hospital's
    disc writer does: PT000000/ST000000/SE000000/IM000000) or as loose files."""
    folder.mkdir(parents=True, exist_ok=True)
    datasets = []
    for study in studies:
        study_uid = generate_uid()
        for series_number, series in enumerate(study.series, start=1):
            series_uid = generate_uid()
            for number in range(1, series.images + 1):
                datasets.append(image(
                    patient=patient, birth=birth, study_uid=study_uid, series_uid=series_uid,
                    number=number, series_number=series_number, modality=series.modality,
                    body_part=series.body_part, study_date=study.date,
                    study_description=study.description,
                    series_description=series.description, institution=study.institution,
                    photometric=series.photometric, window=series.window))
    with quiet():
        if dicomdir:
            fileset = FileSet()
            for ds in datasets:
                fileset.add(ds)
            fileset.write(folder)
            fileset._stage["t"].cleanup()  # its staging folder, else a ResourceWarning later
        else:
            images = folder / "IMAGES"
            images.mkdir(exist_ok=True)
            for number, ds in enumerate(datasets):
                ds.save_as(images / f"IMG{number:05d}", enforce_file_format=True)
    return folder


def image_files(disc: Path) -> list[Path]:
    """The disc's image files, in name order (DICOMDIR excluded)."""
    return sorted(p for p in disc.rglob("*") if p.is_file() and p.name != "DICOMDIR"
                  and p.read_bytes()[128:132] == b"DICM")


def point_outside(disc: Path, record: int, target: list[str]) -> None:
    """Make the DICOMDIR's `record`-th image entry name `target` (e.g. ["..", "SECRET"]).

    The value keeps its byte length (the last part is padded with X), so every offset in
    the DICOMDIR stays right; the padded name is returned in `target[-1]`.
    """
    path = disc / "DICOMDIR"
    with quiet():
        ds = pydicom.dcmread(path)
        images = [r for r in ds.DirectoryRecordSequence if r.DirectoryRecordType == "IMAGE"]
        entry = images[record]
        old = "\\".join(entry.ReferencedFileID)
        new = "\\".join(target)
        assert len(new) <= len(old), "the new path must not be longer than the old one"
        target[-1] += "X" * (len(old) - len(new))
        entry.ReferencedFileID = target
        ds.save_as(path)


def cut_short(path: Path, keep: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:keep])


def declare_huge(path: Path) -> None:
    """Say the image is 60,000 x 60,000 pixels (the pixel data stays small)."""
    with quiet():
        ds = pydicom.dcmread(path)
        ds.Rows = 60000
        ds.Columns = 60000
        ds.save_as(path)


def unknown_compression(path: Path) -> None:
    """Store the image as MPEG-2 video (a transfer syntax no decoder here reads)."""
    from pydicom.encaps import encapsulate

    with quiet():
        ds = pydicom.dcmread(path)
        ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.100"  # MPEG2 Main Profile
        ds.PixelData = encapsulate([b"\x00\x00\x01\xb3" + bytes(60)])
        ds["PixelData"].VR = "OB"
        ds["PixelData"].is_undefined_length = True
        ds.save_as(path)


def copy_pydicom_disc(target: Path, dicomdir: str = "DICOMDIR") -> Path:
    """pydicom's test disc (three patients' folders) with one of its DICOMDIR variants."""
    source = PYDICOM_FILES / "dicomdirtests"
    for folder in ("77654033", "98892001", "98892003"):
        shutil.copytree(source / folder, target / folder)
    shutil.copy(source / dicomdir, target / "DICOMDIR")
    return target
