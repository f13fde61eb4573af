"""What is on an imaging disc: patients, studies and series, read from headers only.

A disc written by a hospital has a DICOMDIR, an index of every image; reading it (and one
header per series, for what the index leaves out) is enough to show the disc. A disc or
folder without one is scanned: each file's first 132 bytes say whether it is DICOM, and
only the header of a DICOM file is read (`stop_before_pixels`). Pixel data is read only
for the key images (organizer.disc.thumbnails).

A disc is untrusted. A DICOMDIR entry naming a path outside the disc (`..`, an absolute
path, a symlink leading out) is never opened; symlinks are never followed; files that are
not DICOM, are cut short or cannot be read are skipped, and each becomes one line of
`DiscIndex.problems`. Programs on the disc (a viewer, autorun.inf) are only noticed, so
the user can be told the disc holds a viewer, never run.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from organizer.errors import CancelledError, OrganizerError
from organizer.formats import format_number
from organizer.i18n import _, ngettext
from organizer.progress import Progress, step

MAX_FILES = 100_000        # files looked at on one disc; a real disc holds far fewer
MAX_PROBLEM_EXAMPLES = 3   # file names quoted in the one line about non-DICOM files
PROGRAM_SUFFIXES = {".exe", ".com", ".bat", ".cmd", ".msi", ".dll", ".app", ".sh", ".jar"}
# What a scan reads of each file's header (the rest, and the pixels, stay on the disc).
HEADER_TAGS = ["PatientName", "PatientID", "PatientBirthDate", "StudyInstanceUID",
               "StudyDate", "StudyDescription", "InstitutionName", "SeriesInstanceUID",
               "SeriesNumber", "SeriesDescription", "Modality", "BodyPartExamined",
               "InstanceNumber", "SOPClassUID"]


@dataclass
class Series:
    """One series: its header values and the disc's files for it (relative paths)."""

    uid: str
    number: int | None = None
    modality: str = ""
    body_part: str = ""
    description: str = ""
    institution: str = ""
    files: list[tuple[int, str]] = field(default_factory=list)  # (instance number, path)

    @property
    def images(self) -> int:
        return len(self.files)

    def key_file(self) -> str | None:
        """The middle image in instance order: the one most likely to show the region."""
        if not self.files:
            return None
        ordered = sorted(self.files)
        return ordered[(len(ordered) - 1) // 2][1]


@dataclass
class Study:
    """One study (one visit to the scanner) of one patient."""

    uid: str
    patient_name: str = ""
    patient_id: str = ""
    birth_date: str = ""
    date: str = ""
    description: str = ""
    institution: str = ""
    series: list[Series] = field(default_factory=list)

    @property
    def images(self) -> int:
        return sum(s.images for s in self.series)

    @property
    def modalities(self) -> str:
        return ", ".join(dict.fromkeys(s.modality for s in self.series if s.modality))

    @property
    def body_parts(self) -> str:
        return ", ".join(dict.fromkeys(s.body_part for s in self.series if s.body_part))

    def series_for(self, uid: str) -> Series:
        for series in self.series:
            if series.uid == uid:
                return series
        series = Series(uid)
        self.series.append(series)
        return series


@dataclass
class DiscIndex:
    """Everything shown about a disc before anything is saved."""

    root: Path
    studies: list[Study] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    from_dicomdir: bool = False
    programs: list[str] = field(default_factory=list)  # a viewer, autorun.inf: never run

    @property
    def images(self) -> int:
        return sum(s.images for s in self.studies)

    @property
    def patients(self) -> list[tuple[str, str]]:
        """(name as the disc spells it, birth date in ISO form), each once."""
        return list(dict.fromkeys((s.patient_name, s.birth_date) for s in self.studies))

    def study_for(self, uid: str) -> Study:
        for study in self.studies:
            if study.uid == uid:
                return study
        study = Study(uid)
        self.studies.append(study)
        return study

    def image_bytes(self) -> int:
        """What copying every image into the organizer would take."""
        total = 0
        for study in self.studies:
            for series in study.series:
                for _number, rel in series.files:
                    try:
                        total += (self.root / rel).stat().st_size
                    except OSError:
                        pass
        return total

    def sort(self) -> None:
        self.studies.sort(key=lambda s: (s.date, s.uid))
        for study in self.studies:
            study.series.sort(key=lambda s: (s.number if s.number is not None else 1 << 30,
                                             s.uid))


class NotADiscError(OrganizerError):
    """The path given is not a folder (or DICOMDIR) that can be read."""


def read_disc(path: Path | str, progress: Progress | None = None) -> DiscIndex:
    """The disc's index: from its DICOMDIR when it has a usable one, else by scanning it.

    `path` is the disc's folder (or its DICOMDIR file). Raises NotADiscError when it is
    neither; CancelledError when the user cancels through `progress`.
    """
    root = Path(path)
    if root.is_file() and root.name.upper() == "DICOMDIR":
        root = root.parent
    if not root.is_dir():
        raise NotADiscError(_("“{path}” is not a folder or a disc that can be read. Give the "
                              "folder of the disc (where its DICOMDIR is); nothing was "
                              "added.").format(path=path))
    index = DiscIndex(root.resolve())
    index.programs = _programs(index.root)
    dicomdir = _find_dicomdir(index.root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom warns about every oddity of a header
        if dicomdir is not None and _read_dicomdir(index, dicomdir, progress):
            index.from_dicomdir = bool(index.images)
        if index.from_dicomdir:
            _complete_from_headers(index, progress)
        else:
            if dicomdir is not None and not index.problems:
                index.problems.append("The disc's DICOMDIR (its index) lists no images; the "
                                      "files were looked at one by one instead.")
            index.studies.clear()
            _scan(index, progress)
    index.sort()
    return index


# -- safety ------------------------------------------------------------------------------

def inside(root: Path, rel: str) -> Path | None:
    """The file `rel` names under `root`, or None when it would lead outside the disc.

    Refused: absolute paths, drive letters, `..`, and any symlink on the way (a disc has no
    reason to hold one, and following it could open a file elsewhere on this computer).
    """
    parts = [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]
    if (not parts or rel.startswith(("/", "\\")) or any(p == ".." for p in parts)
            or ":" in parts[0] or "\0" in rel):
        return None
    current = root
    try:
        for part in parts:
            current = _entry(current, part)
            if current.is_symlink():
                return None
        current.resolve().relative_to(root)
    except (ValueError, OSError):  # a name too long for this computer, or outside
        return None
    return current


def _entry(folder: Path, name: str) -> Path:
    """`folder / name`, or the one entry whose name differs only in case: a disc's index
    says "IM000001", while Linux may show an ISO 9660 disc's files as "im000001" (or
    "IM000001;1", with the file's version)."""
    exact = folder / name
    if os.path.lexists(exact):
        return exact
    wanted = name.casefold()
    try:
        matches = [e for e in os.listdir(folder)
                   if e.casefold() == wanted or e.casefold() == f"{wanted};1"]
    except OSError:
        return exact
    return folder / matches[0] if len(matches) == 1 else exact


def _programs(root: Path) -> list[str]:
    """Programs at the top of the disc (or one folder down): a viewer, an autorun."""
    found: list[str] = []
    for folder in (root, *[p for p in _listdir(root) if p.is_dir() and not p.is_symlink()]):
        for entry in _listdir(folder):
            name = entry.name.lower()
            if name == "autorun.inf" or Path(name).suffix in PROGRAM_SUFFIXES:
                found.append(str(entry.relative_to(root)))
    return sorted(found)


def _listdir(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())[:1000]
    except OSError:
        return []


def _find_dicomdir(root: Path) -> Path | None:
    for entry in _listdir(root):
        if entry.name.upper() == "DICOMDIR" and entry.is_file() and not entry.is_symlink():
            return entry
    return None


# -- reading a DICOMDIR ------------------------------------------------------------------

def _text(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def iso_date(value: Any) -> str:
    """A DICOM date (20240302) as ISO 8601 (2024-03-02); anything else as given, or ''."""
    text = _text(value)
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text[:10]


def _number(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _read_dicomdir(index: DiscIndex, dicomdir: Path, progress: Progress | None) -> bool:
    """Fill `index` from the DICOMDIR; False (and a problem line) if it cannot be used."""
    import pydicom

    try:
        ds = pydicom.dcmread(dicomdir, force=False)
        records = list(ds.DirectoryRecordSequence)
        first = _offset(ds, "OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity")
        total = sum(1 for r in records if _text(r.get("DirectoryRecordType")) not in
                    ("PATIENT", "STUDY", "SERIES"))
    except Exception:  # pydicom raises many kinds on a damaged file; all mean "unusable"
        index.problems.append("The disc's DICOMDIR (its index) is damaged; the files were "
                              "looked at one by one instead.")
        return False
    by_offset = {getattr(r, "seq_item_tell", None): r for r in records}
    if first not in by_offset:  # no offsets: the records in file order, top level first
        first = getattr(records[0], "seq_item_tell", -1) if records else -1
    seen: set[int] = set()
    counter = _Counter(progress, total)
    try:
        for top in _siblings(by_offset, first, seen):
            kind = _text(top.get("DirectoryRecordType"))
            if kind == "PATIENT":
                for study_record in _children(by_offset, top, seen):
                    if _text(study_record.get("DirectoryRecordType")) == "STUDY":
                        _read_study(index, by_offset, seen, top, study_record, counter)
            elif kind == "STUDY":  # some writers leave out the patient level
                _read_study(index, by_offset, seen, None, top, counter)
    except CancelledError:
        raise
    except Exception:  # pydicom parses values when they are read: a damaged one fails here
        index.studies.clear()
        index.problems[:] = ["The disc's DICOMDIR (its index) is damaged; the files were "
                             "looked at one by one instead."]
        return False
    for study in list(index.studies):
        study.series = [s for s in study.series if s.files]
        if not study.series:
            index.studies.remove(study)
    return True


class _Counter:
    """Progress through a DICOMDIR's image records, reported every 200."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def tick(self) -> None:
        self.done += 1
        if self.done % 200 == 0:
            step(self.progress, self.done, self.total, "Reading the disc's index")


def _read_study(index: DiscIndex, by_offset: dict[Any, Any], seen: set[int],
                patient: Any | None, record: Any, counter: _Counter) -> None:
    uid = _text(record.get("StudyInstanceUID")) or f"study-{len(seen)}"
    study = index.study_for(uid)
    source = patient if patient is not None else record
    study.patient_name = _text(source.get("PatientName"))
    study.patient_id = _text(source.get("PatientID"))
    study.birth_date = iso_date(source.get("PatientBirthDate"))
    study.date = iso_date(record.get("StudyDate"))
    study.description = _text(record.get("StudyDescription"))
    for series_record in _children(by_offset, record, seen):
        series_uid = (_text(series_record.get("SeriesInstanceUID"))
                      or f"{uid}-series-{len(seen)}")
        series = study.series_for(series_uid)
        series.modality = _text(series_record.get("Modality"))
        series.number = _number(series_record.get("SeriesNumber"))
        series.description = _text(series_record.get("SeriesDescription"))
        series.body_part = _text(series_record.get("BodyPartExamined"))
        series.institution = _text(series_record.get("InstitutionName"))
        for image in _children(by_offset, series_record, seen):
            counter.tick()
            _add_listed_file(index, series, image)


def _siblings(by_offset: dict[Any, Any], offset: int, seen: set[int]) -> Iterator[Any]:
    """The records of one level, following "next record" offsets, each at most once (a
    DICOMDIR whose offsets loop would otherwise never end)."""
    while offset and offset in by_offset and offset not in seen:
        seen.add(offset)
        record = by_offset[offset]
        yield record
        offset = _offset(record, "OffsetOfTheNextDirectoryRecord")


def _children(by_offset: dict[Any, Any], record: Any, seen: set[int]) -> Iterator[Any]:
    return _siblings(by_offset, _offset(record, "OffsetOfReferencedLowerLevelDirectoryEntity"),
                     seen)


def _offset(record: Any, name: str) -> int:
    """An offset of the DICOMDIR, or 0 (none) when it is missing or not one number."""
    value = record.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _add_listed_file(index: DiscIndex, series: Series, image: Any) -> None:
    file_id = image.get("ReferencedFileID")
    if file_id is None:
        return
    parts = [str(file_id)] if isinstance(file_id, str) else [str(p) for p in file_id]
    rel = "/".join(parts)
    found = inside(index.root, rel)
    if found is None:
        index.problems.append(_("{file}: the disc's index points outside the disc; "
                                "skipped.").format(file=rel))
        return
    if not found.is_file():
        index.problems.append(_("{file}: listed in the disc's index but not on the disc; "
                                "skipped.").format(file=rel))
        return
    number = _number(image.get("InstanceNumber"))
    series.files.append((number if number is not None else len(series.files),
                         found.relative_to(index.root).as_posix()))


def _complete_from_headers(index: DiscIndex, progress: Progress | None) -> None:
    """What a DICOMDIR does not say (body part, series description, institution, a
    birth date), from the header of each series' key image."""
    all_series = [(study, series) for study in index.studies for series in study.series]
    for done, (study, series) in enumerate(all_series):
        step(progress, done, len(all_series), "Reading the series")
        key = series.key_file()
        header = _header(index, key) if key else None
        if header is None:
            continue
        series.body_part = series.body_part or _text(header.get("BodyPartExamined"))
        series.description = series.description or _text(header.get("SeriesDescription"))
        series.institution = series.institution or _text(header.get("InstitutionName"))
        series.modality = series.modality or _text(header.get("Modality"))
        study.institution = study.institution or series.institution
        study.birth_date = study.birth_date or iso_date(header.get("PatientBirthDate"))
        study.description = study.description or _text(header.get("StudyDescription"))


# -- scanning the files ------------------------------------------------------------------

def is_dicom_file(path: Path) -> bool:
    """A DICOM file as a disc holds it (Part 10): 128 bytes, then "DICM"."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(132)
    except OSError:
        return False
    return len(head) == 132 and head[128:] == b"DICM"


def _header(index: DiscIndex, rel: str) -> dict[str, Any] | None:
    """One file's header values (HEADER_TAGS, no pixels), or None with a problem line.

    The values are read here, all at once: pydicom parses a value only when it is asked
    for, so a damaged one must fail inside this `try`, not later.
    """
    import pydicom

    try:
        ds = pydicom.dcmread(index.root / rel, stop_before_pixels=True,
                             specific_tags=HEADER_TAGS)
        return {name: ds.get(name) for name in HEADER_TAGS if name in ds}
    except Exception:  # truncated, damaged: pydicom raises many kinds
        index.problems.append(_("{file}: damaged or cut short; skipped.").format(file=rel))
        return None


def _walk(root: Path, index: DiscIndex) -> list[str]:
    """Every regular file under `root` (relative paths); symlinks are never followed."""
    found: list[str] = []
    outside_links = 0
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        here = Path(folder)
        for name in sorted(files):
            path = here / name
            if path.is_symlink():
                if inside(root, path.relative_to(root).as_posix()) is None:
                    outside_links += 1
                continue
            found.append(path.relative_to(root).as_posix())
            if len(found) >= MAX_FILES:
                index.problems.append(_("The disc holds more than {count} files; only the "
                                        "first were looked at.").format(
                                            count=format_number(MAX_FILES)))
                return found
        for name in [d for d in dirs if (here / d).is_symlink()]:
            dirs.remove(name)
            outside_links += 1
    if outside_links:
        index.problems.append(ngettext(
            "{n} link on the disc points elsewhere; it was not followed.",
            "{n} links on the disc point elsewhere; they were not followed.",
            outside_links).format(n=outside_links))
    return found


def _scan(index: DiscIndex, progress: Progress | None) -> None:
    files = _walk(index.root, index)
    not_dicom: list[str] = []
    for done, rel in enumerate(files):
        if done % 100 == 0:
            step(progress, done, len(files), _("Looking at the disc's files"))
        if Path(rel).name.upper() == "DICOMDIR":
            continue
        if not is_dicom_file(index.root / rel):
            not_dicom.append(rel)
            continue
        header = _header(index, rel)
        if header is None:
            continue
        if "SeriesInstanceUID" not in header and "StudyInstanceUID" not in header:
            index.problems.append(_("{file}: damaged or cut short (its header names no "
                                    "study); skipped.").format(file=rel))
            continue
        study = index.study_for(_text(header.get("StudyInstanceUID")) or "unknown study")
        if not study.date:
            study.patient_name = _text(header.get("PatientName"))
            study.patient_id = _text(header.get("PatientID"))
            study.birth_date = iso_date(header.get("PatientBirthDate"))
            study.date = iso_date(header.get("StudyDate"))
            study.description = _text(header.get("StudyDescription"))
            study.institution = _text(header.get("InstitutionName"))
        series = study.series_for(_text(header.get("SeriesInstanceUID")) or "unknown series")
        if not series.files:
            series.number = _number(header.get("SeriesNumber"))
            series.modality = _text(header.get("Modality"))
            series.body_part = _text(header.get("BodyPartExamined"))
            series.description = _text(header.get("SeriesDescription"))
            series.institution = _text(header.get("InstitutionName"))
        number = _number(header.get("InstanceNumber"))
        series.files.append((number if number is not None else len(series.files), rel))
    if not_dicom:
        examples = ", ".join(not_dicom[:MAX_PROBLEM_EXAMPLES])
        more = "…" if len(not_dicom) > MAX_PROBLEM_EXAMPLES else ""
        index.problems.append(ngettext(
            "{n} file that is not a DICOM image was skipped ({examples}).",
            "{n} files that are not DICOM images were skipped ({examples}).",
            len(not_dicom)).format(n=len(not_dicom), examples=examples + more))
