"""A person archive holding more than the organizer reads (a huge items.json or manifest,
a member announced at many GiB) is refused in one sentence by the real command line,
before the big part is read and with nothing changed."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.interop.archive import MAX_ITEMS_JSON, MAX_MANIFEST, MAX_MEMBER
from tests.helpers.snapshots import store_snapshot

TOO_LARGE = "holds more than the organizer can import safely"


def _repack(source: Path, out: Path, *, items_pad: int = 0, manifest_pad: int = 0,
            announce: int | None = None) -> Path:
    """The archive again (deflated, so padding costs no disk), with items.json or the
    manifest padded with whitespace (still valid JSON, checksums updated), or a file
    member announced at `announce` bytes."""
    with zipfile.ZipFile(source) as src:
        files = {name: src.read(name) for name in src.namelist()}
    meta = json.loads(files["manifest.json"])
    if items_pad:
        body = files["items.json"] + b" " * items_pad
        files["items.json"] = body
        meta["members"]["items.json"] = {"sha256": hashlib.sha256(body).hexdigest(),
                                         "size": len(body)}
    if announce is not None:
        member = next(k for k in meta["members"] if k.startswith("files/"))
        meta["members"][member]["size"] = announce
    files["manifest.json"] = json.dumps(meta).encode() + b" " * manifest_pad
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, data in files.items():
            dst.writestr(name, data)
    return out


CASES: dict[str, dict[str, int]] = {
    "items.json over its cap": {"items_pad": MAX_ITEMS_JSON + 1},
    "manifest over its cap": {"manifest_pad": MAX_MANIFEST + 1},
    "a file announced over its cap": {"announce": MAX_MEMBER + 1},
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_archive_over_a_cap_is_refused_in_one_sentence(
        case: str, archive: Path, tmp_path: Path,
        cli: Callable[..., Any], data_dir: Path) -> None:
    bad = _repack(archive, tmp_path / "big.zip", **CASES[case])
    assert bad.stat().st_size < 1024 * 1024  # small on disk: the size is in the unpacking
    before = store_snapshot(data_dir)
    done = cli("import", str(bad), "--new-person")
    assert done.returncode == 1, done.stdout
    [line] = done.stderr.strip().splitlines()
    assert TOO_LARGE in line and "big.zip" in line and "nothing was changed" in line
    assert store_snapshot(data_dir) == before


def test_an_archive_under_the_caps_still_imports(archive: Path, tmp_path: Path,
                                                 cli: Callable[..., Any]) -> None:
    padded = _repack(archive, tmp_path / "padded.zip", items_pad=1024 * 1024,
                     manifest_pad=1024 * 1024)
    done = cli("import", str(padded), "--new-person")
    assert done.returncode == 0, done.stderr


def test_an_archive_its_import_would_refuse_is_never_written(
        store: Any, person_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from organizer.errors import OrganizerError
    from organizer.interop import archive as archive_module

    store.add("journal", {"written_on": "2026-01-01", "text": "long day " * 20_000},
              person_id=person_id)
    # A smaller cap stands in for 64 MiB of notes (the check is the same comparison).
    monkeypatch.setattr(archive_module, "MAX_ITEMS_JSON", 100_000)
    out = tmp_path / "anna.zip"
    with pytest.raises(OrganizerError, match="too large for one archive"):
        archive_module.export_archive(store, person_id, out)
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "data"]
