"""A data folder made by release 0.1.0 (tests/data/release-0.1.0) opens with today's code
with every item and every attached file as that release wrote them.

The same folder is opened by the packaged app in `make package-test`
(packaging/smoke_test.py); this is the source's half, run in the quick suite.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from organizer.cli import main
from organizer.opening import open_store
from organizer.storage import migrations

RELEASE = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
EXPECTED = json.loads((RELEASE.parent / "release-0.1.0.expected.json").read_text("utf-8"))


def _json(capsys: Any, *args: str) -> Any:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_release_folder_opens_with_every_item(tmp_path: Path, capsys: Any) -> None:
    data = tmp_path / "data"
    shutil.copytree(RELEASE, data)
    assert _json(capsys, "--data-dir", str(data), "people", "--json") == EXPECTED["people"]
    for key, items in EXPECTED["items"].items():
        person, kind = key.split("/")
        listed = _json(capsys, "--data-dir", str(data), "list", kind, "--person", f"#{person}",
                       "--json")
        assert listed == items, key


def test_the_release_folder_keeps_its_files_and_needs_no_migration(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(RELEASE, data)
    records = [r for k, v in EXPECTED["items"].items() if k.endswith("/record") for r in v]
    attachments = [a for r in records for a in r["attachments"]]
    assert {a["media_type"] for a in attachments} == {"application/pdf", "image/png"}
    with open_store(data) as store:
        assert migrations.current_version(store.conn) == migrations.LATEST
        for record in records:
            for stored in store.attachments(record["id"]):
                body = store.read_attachment(stored)
                assert hashlib.sha256(body).hexdigest() == stored.sha256
        assert {h.type for h in store.search("hemoglobin")} == {"record"}  # the scan's text
    assert not (data / "backups").exists() or not any((data / "backups").iterdir())
