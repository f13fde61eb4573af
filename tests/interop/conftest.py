"""Fixtures of the import and export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from organizer.storage.store import Store


@pytest.fixture
def archive(store: Store, tmp_path: Path) -> Path:
    """A real archive: a person with a result, a case (and its checklist) and a PDF."""
    from organizer.interop.archive import export_archive

    pid = store.add("person", {"full_name": "Anna Kowalska", "birth_date": "1950-03-02"}).id
    store.add("result", {"name": "PSA", "value": "8.10", "observed_on": "2025-09-20"},
              person_id=pid)
    store.add("case", {"title": "Surgery or not?"}, person_id=pid, checklist=True)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    record = store.add("record", {"title": "Report", "kind": "lab"}, person_id=pid).id
    store.attach_file(record, pdf)
    return export_archive(store, pid, tmp_path / "anna.zip")
