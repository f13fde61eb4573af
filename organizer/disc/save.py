"""Saving a disc: one record of kind `imaging`, its index and its key images, all at once.

The slow part (decoding one image per series) happens before the transaction; the
record, its key images, its index rows and (only when asked) a copy of every image are
then written in ONE `store.transaction()`, so a failure or a Cancel leaves nothing behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer.disc.index import DiscIndex, Series, Study
from organizer.disc.studies import describe_study, studies_of
from organizer.errors import OrganizerError
from organizer.i18n import _, ngettext
from organizer.items.changes import Change
from organizer.items.models import Person
from organizer.progress import Progress, step

if TYPE_CHECKING:
    from organizer.storage.store import Store


@dataclass
class KeyImage:
    """The key image of one series, rendered (PNG bytes), or why it could not be."""

    study: Study
    series: Series
    png: bytes | None = None
    problem: str = ""


@dataclass
class SavedDisc:
    change: Change
    record_id: int
    problems: list[str] = field(default_factory=list)


def index_rows(index: DiscIndex, keys: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The index as Store.disc_series rows; `keys`: series uid -> its key image's SHA-256."""
    rows = []
    for study in index.studies:
        for series in study.series:
            rows.append({
                "patient_name": study.patient_name, "patient_id": study.patient_id,
                "patient_birth_date": study.birth_date, "study_uid": study.uid,
                "study_date": study.date, "study_description": study.description,
                "institution": study.institution or series.institution,
                "series_uid": series.uid, "series_number": series.number,
                "modality": series.modality, "body_part": series.body_part,
                "series_description": series.description, "images": series.images,
                "key_sha256": (keys or {}).get(series.uid)})
    return rows


def preview(index: DiscIndex) -> list[dict[str, Any]]:
    """The studies as they will be saved (DESIGN's `studies` keys)."""
    return studies_of(index_rows(index))


def patient_name(dicom_name: str) -> str:
    """A DICOM person name ("DOE^JANE^M") as people write it ("JANE M DOE")."""
    family, _, rest = dicom_name.partition("^")
    given = " ".join(p for p in rest.split("^") if p)
    name = " ".join(p for p in (given, family) if p).strip()
    return name.title() if name.isupper() else name  # scanners often write names in capitals


def mismatch(index: DiscIndex, person: Person) -> str | None:
    """Why the disc seems to be about someone else (a sentence), or None."""
    from organizer.interop.patient import compare

    for name, born in index.patients:
        found = compare("the disc", {"full_name": patient_name(name), "birth_date": born or None},
                        person)
        if found is not None:
            return _("The disc is about {patient}, not {person}.").format(
                patient=found.file_patient, person=found.person)
    return None


def empty_disc(index: DiscIndex) -> str | None:
    """Why there is nothing to save (a sentence), or None when the disc holds images."""
    if index.images:
        return None
    if index.programs:
        return _("The disc at {folder} holds only a viewer program ({programs}), no images "
                 "the organizer can read.").format(folder=index.root,
                                                   programs=", ".join(index.programs[:3]))
    return _("No DICOM images were found in {folder}.").format(folder=index.root)


def render_key_images(index: DiscIndex, progress: Progress | None = None) -> list[KeyImage]:
    """The middle image of each series as a picture (slow: pixels are decoded here)."""
    from organizer.disc.thumbnails import key_image

    pairs = [(study, series) for study in index.studies for series in study.series]
    out = []
    for done, (study, series) in enumerate(pairs):
        step(progress, done, len(pairs), _("Making the key images"))
        key = KeyImage(study, series)
        rel = series.key_file()
        if rel is not None:
            try:
                key.png = key_image(index.root / rel)
            except OrganizerError as exc:
                key.problem = _("{file}: no key image, {reason}.").format(file=rel,
                                                                         reason=exc)
        out.append(key)
    step(progress, len(pairs), len(pairs), _("Made the key images"))
    return out


def default_title(index: DiscIndex) -> str:
    studies = preview(index)
    if len(studies) == 1:
        study = studies[0]
        what = " ".join(p for p in (study["modality"], study["body_part"]) if p)
        date = study["study_date"] or _("undated")
        if not what:
            return _("Imaging disc, {date}").format(date=date)
        return _("{what} disc, {date}").format(what=what, date=date)
    return ngettext("Imaging disc, {n} study", "Imaging disc, {n} studies",
                    len(studies)).format(n=len(studies))


def save_disc(store: Store, person_id: int, index: DiscIndex, *, title: str | None = None,
              copy_images: bool = False, force: bool = False,
              keys: list[KeyImage] | None = None,
              progress: Progress | None = None) -> SavedDisc:
    """Add the disc as a record of the person; refuses (OrganizerError, nothing written) a
    disc without images, or about another patient unless `force`. `keys` are key images
    already rendered (the app makes them for its preview); otherwise they are made here."""
    person = store.person(person_id)
    reason = empty_disc(index)
    if reason:
        raise OrganizerError(_("{reason} Nothing was added.").format(reason=reason))
    other = mismatch(index, person)
    if other and not force:
        raise OrganizerError(_("{reason} Nothing was added. Choose the right person, or add "
                               "--force if the disc really is about {name}.").format(
                                   reason=other, name=person.full_name))
    keys = keys if keys is not None else render_key_images(index, progress)
    problems = list(index.problems) + [k.problem for k in keys if k.problem]
    studies = preview(index)
    dates = [s["study_date"] for s in studies if s["study_date"]]
    sources = ", ".join(dict.fromkeys(s["institution"] for s in studies if s["institution"]))
    values = {"title": title or default_title(index), "kind": "imaging",
              "dated_on": max(dates) if dates else None, "source": sources or None,
              "description": "\n".join(describe_study(s) for s in studies),
              "physical": True}
    with store.dirs.scratch() as folder, store.transaction():
        change = store.add("record", values, person_id=person_id, origin="disc")
        record_id = change.id
        shas: dict[str, str] = {}
        for number, key in enumerate(keys, start=1):
            if key.png is None:
                continue
            path = Path(folder) / f"key-{number}.png"
            path.write_bytes(key.png)
            # A key image is a picture of a scan, not a page of text: nothing to read.
            change = change + store.attach_file(record_id, path, filename=_key_name(key),
                                                read_scan=False)
            shas[key.series.uid] = hashlib.sha256(key.png).hexdigest()
        change = change + store.add_disc_series(record_id, index_rows(index, shas))
        if copy_images:
            change = change + _copy_images(store, record_id, index, progress)
    return SavedDisc(change, record_id, problems)


def _key_name(key: KeyImage) -> str:
    parts = [key.study.date or "undated", key.series.modality,
             f"series {key.series.number}" if key.series.number is not None else "",
             key.series.description]
    name = "Key image " + " ".join(p for p in parts if p) + ".png"
    return name.replace("/", "-").replace("\\", "-")


def _copy_images(store: Store, record_id: int, index: DiscIndex,
                 progress: Progress | None) -> Change:
    change = Change()
    files = [rel for study in index.studies for series in study.series
             for _number, rel in series.files]
    for done, rel in enumerate(files):
        if done % 20 == 0:
            step(progress, done, len(files), _("Copying the images"))
        name = rel.replace("/", "_")
        if not name.lower().endswith(".dcm"):
            name += ".dcm"
        change = change + store.attach_file(record_id, index.root / rel, filename=name)
    return change


def copy_size(index: DiscIndex) -> str:
    """What copying every image would take, in words ("12.4 MB")."""
    size = index.image_bytes()
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"
