"""The medication list as CSV, for a spreadsheet or another doctor's office.

Names of linked items are written out (the prescriber's name, not an id). Cells that a
spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe:
a name typed or imported from elsewhere must never become a command.

The header row and yes/no are in the current language (organizer.i18n): in
English the columns keep the field names a script may read; in Spanish they are words
("nombre", "dosis"). The values are as stored or typed, never translated.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from organizer.i18n import N_, _, pgettext
from organizer.items.models import Medication
from organizer.storage.store import Store

COLUMNS = [N_("name"), N_("dose"), N_("form"), N_("route"), N_("frequency"),
           N_("instructions"), N_("prescriber"), N_("taken_for"), N_("started_on"),
           N_("stopped_on"), N_("active"), N_("code"), N_("code_system"), N_("notes")]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return pgettext("csv", "yes") if value else pgettext("csv", "no")
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def medications_csv(store: Store, person_id: int) -> str:
    names = {p.id: p.title for p in store.list_items("provider", person_id)}
    conditions = {c.id: c.title for c in store.list_items("condition", person_id)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(column) for column in COLUMNS])
    meds = store.list_items("medication", person_id,
                            order_by="active DESC, name COLLATE NOCASE, id")
    for med in meds:
        assert isinstance(med, Medication)
        writer.writerow([_cell(v) for v in (
            med.name, med.dose, med.form, med.route, med.frequency, med.instructions,
            names.get(med.prescriber_id or 0), conditions.get(med.condition_id or 0),
            med.started_on, med.stopped_on, med.active, med.code, med.code_system, med.notes)])
    return out.getvalue()


def export_csv(store: Store, person_id: int, out: Path) -> Path:
    # utf-8-sig: spreadsheet programs then read accented names correctly
    Path(out).write_text(medications_csv(store, person_id), encoding="utf-8-sig", newline="")
    return Path(out)
