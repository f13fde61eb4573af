"""A saved disc's index as studies: what `list record --json`, the packet and the app show.

The store keeps one row per series (Store.disc_series); people think in studies ("the MRI
of March"), so the rows are grouped by study here, in one place.
"""

from __future__ import annotations

from typing import Any

from organizer.i18n import _, ngettext


def studies_of(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """DESIGN's `studies`: {study_date, modality, body_part, description, institution,
    series, images} per study, in date order; modalities and body parts of several series
    are joined with ", "."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(str(row["study_uid"]), []).append(row)
    studies = []
    for series in grouped.values():
        first = series[0]
        studies.append({
            "study_date": first["study_date"] or None,
            "modality": _joined(r["modality"] for r in series),
            "body_part": _joined(r["body_part"] for r in series),
            "description": first["study_description"] or None,
            "institution": first["institution"] or _joined(r["institution"] for r in series),
            "series": len(series),
            "images": sum(int(r["images"]) for r in series),
        })
    studies.sort(key=lambda s: s["study_date"] or "")
    return studies


def key_images_by_study(rows: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(the study's uid, the SHA-256 of each of its series' key images), in date order."""
    out: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: (r["study_date"] or "", r["study_uid"])):
        keys = out.setdefault(str(row["study_uid"]), [])
        if row["key_sha256"]:
            keys.append(str(row["key_sha256"]))
    return list(out.items())


def describe_study(study: dict[str, Any]) -> str:
    """One line for a terminal or the packet: "2024-03-02 MR, head: Brain MRI, 3 series,
    120 images (General Hospital)"."""
    what = ", ".join(p for p in (study["modality"], study["body_part"]) if p) or _("imaging")
    date = study["study_date"] or _("undated")
    line = f"{date} {what}"
    if study["description"]:
        line += f": {study['description']}"
    line += ", " + ngettext("{n} series", "{n} series", study["series"]).format(
        n=study["series"])
    line += ", " + ngettext("{n} image", "{n} images", study["images"]).format(
        n=study["images"])
    if study["institution"]:
        line += f" ({study['institution']})"
    return line


def _joined(values: Any) -> str | None:
    text = ", ".join(dict.fromkeys(str(v) for v in values if v))
    return text or None
