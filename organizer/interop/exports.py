"""One entry point for every export format, shared by `organizer export` and the app."""

from __future__ import annotations

from pathlib import Path

from organizer.errors import ValidationError
from organizer.progress import Progress
from organizer.storage.paths import private_output
from organizer.storage.store import Store

# format word -> (what it is, in words; the usual file suffix)
FORMATS = {
    "archive": ("Everything about the person, with the attached files (zip)", ".zip"),
    "ips": ("Patient summary for another doctor's system (FHIR IPS, JSON)", ".json"),
    "ics": ("Visits for a calendar (iCalendar)", ".ics"),
    "csv": ("Medication list for a spreadsheet (CSV)", ".csv"),
}


def export(store: Store, person_id: int, format: str, out: Path,
           progress: Progress | None = None) -> Path:
    """Write one export; the person must exist, the format must be one of FORMATS.

    `out` may be any target `paths.output_target` allows (`-` is standard output); one
    inside the data folder is refused before anything is written.
    """
    out = Path(out)
    if format not in FORMATS:
        raise ValidationError(f"“{format}” is not an export format. Use one of: "
                              f"{', '.join(FORMATS)}.")
    # A health record: 0600 from its first byte, and never over the store itself.
    with private_output(out, data_dir=store.root) as temp:
        _write(store, person_id, format, temp, progress)
    return out


def _write(store: Store, person_id: int, format: str, out: Path,
           progress: Progress | None) -> Path:
    if format == "archive":
        from organizer.interop.archive import export_archive

        return export_archive(store, person_id, out, progress)
    if format == "ips":
        from organizer.interop.ips_export import export_ips

        return export_ips(store, person_id, out)
    if format == "ics":
        from organizer.interop.ics import export_ics

        return export_ics(store, person_id, out)
    from organizer.interop.csv_export import export_csv

    return export_csv(store, person_id, out)
