"""A JSON export saved as UTF-16 or UTF-32 (PowerShell's `>`, Notepad's "Unicode"), with or
without a byte order mark, is still the JSON the portal sent: recognised and imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from organizer.errors import OrganizerError


def _bundle_text() -> str:
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:p1", "resource": {
            "resourceType": "Patient", "id": "p1", "name": [{"family": "Lee",
                                                             "given": ["Ann"]}]}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": "urn:uuid:p1"},
                      "code": {"text": "Asthma"}, "onsetDateTime": "2010-01-02"}}]})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-8-sig"])
def test_a_json_file_in_utf16_is_json(cli: Any, tmp_path: Path, encoding: str) -> None:
    from organizer.interop.reader import sniff

    path = tmp_path / "export.json"
    path.write_bytes(("\n " + _bundle_text()).encode(encoding))  # "utf-16": with a BOM
    assert sniff(path) == "json"
    done = cli("import", str(path), "--new-person")
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli("list", "condition", "--person", "Ann Lee", "--json").stdout)
    assert [c["name"] for c in listed] == ["Asthma"]


def test_utf16_xml_is_still_xml_and_broken_utf16_json_is_refused(tmp_path: Path) -> None:
    from organizer.interop.reader import read_file, sniff

    xml = tmp_path / "doc.xml"
    xml.write_bytes('<?xml version="1.0" encoding="UTF-16"?><ClinicalDocument/>'.encode(
        "utf-16"))
    assert sniff(xml) == "xml"
    broken = tmp_path / "broken.json"
    broken.write_bytes('{"resourceType": "Bundle"'.encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(OrganizerError, match="not valid JSON"):
        read_file(broken)
