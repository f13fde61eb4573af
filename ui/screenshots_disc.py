"""The imaging disc preview's screenshot (docs/screenshots/disc_preview.png).

The disc is made from real images that ship inside the pydicom wheel (a CT and an MR
slice), written as a small hospital disc would be: two studies, three series, a DICOMDIR,
and a viewer program beside them (which the preview notices and never runs).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

# (pydicom test file, study date, study, series number, series, body part, images, flip)
SERIES = [
    ("CT_small.dcm", "20251028", "CT lumbar spine", 1, "Axial 3 mm", "LSPINE", 7, False),
    ("MR_small.dcm", "20251103", "MRI brain", 1, "T1 axial", "BRAIN", 12, False),
    ("MR_small.dcm", "20251103", "MRI brain", 2, "T1 axial, flipped view", "BRAIN", 12, True),
]


def dicom_name(full_name: str) -> str:
    """"Rosa María Example" as a scanner writes it: "EXAMPLE^ROSA MARÍA"."""
    words = full_name.split()
    return f"{words[-1]}^{' '.join(words[:-1])}".upper() if len(words) > 1 else full_name


def write_example_disc(folder: Path, patient: str, birth_date: str | None) -> Path:
    """A disc for the picture, about `patient` (so the preview shows no warning)."""
    import pydicom
    from pydicom.fileset import FileSet
    from pydicom.uid import generate_uid

    data = Path(pydicom.__file__).parent / "data" / "test_files"
    studies: dict[str, str] = {}
    fileset = FileSet()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, date, study, number, series, part, images, flip in SERIES:
            series_uid = generate_uid()
            for instance in range(1, images + 1):
                ds = pydicom.dcmread(data / name)
                ds.PatientName, ds.PatientID = dicom_name(patient), "LH-0412"
                ds.PatientBirthDate = (birth_date or "").replace("-", "")
                ds.StudyInstanceUID = studies.setdefault(study, generate_uid())
                ds.StudyDate, ds.StudyDescription = date, study
                ds.InstitutionName = "Lakeside Hospital"
                ds.SeriesInstanceUID, ds.SeriesNumber = series_uid, number
                ds.SeriesDescription, ds.BodyPartExamined = series, part
                ds.InstanceNumber = instance
                ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
                if flip:
                    ds.PixelData = ds.pixel_array[:, ::-1].copy().tobytes()
                fileset.add(ds)
        fileset.write(folder)
        fileset._stage["t"].cleanup()
    (folder / "VIEWER").mkdir()
    (folder / "VIEWER" / "viewer.exe").write_bytes(b"MZ" + bytes(62))
    (folder / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER\\viewer.exe\n")
    return folder


def shoot_disc_preview(app: Any, window: Any, store: Any, outdir: Path, folder: Path,
                       saved_width: int) -> Path:
    """Open the preview on the example disc for the first person, wait for it, grab it."""
    from PySide6.QtCore import QElapsedTimer, Qt

    person = window.context.store.person(window.context.person_id) \
        if window.context.person_id is not None else store.people()[0]
    window.context.set_person(person.id)
    dialog = window.add_disc(write_example_disc(folder / "disc", person.full_name,
                                                person.birth_date))
    timer = QElapsedTimer()
    timer.start()
    while dialog.index is None and timer.elapsed() < 30000:
        app.processEvents()
    dialog.resize(1060, 660)
    for _ in range(5):
        app.processEvents()
    image = dialog.grab().toImage().scaledToWidth(
        saved_width, Qt.TransformationMode.SmoothTransformation)
    path = outdir / "disc_preview.png"
    image.save(str(path))
    dialog.reject()
    return path
