"""A person archive whose manifest or items have the wrong shape is refused in one plain
sentence, before anything is written; and the store's `set_stamps` accepts only real times."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.errors import ValidationError
from organizer.storage.store import Store
from tests.helpers.snapshots import store_snapshot

DAMAGED = "is damaged or is not an organizer archive"


def _rewrite(source: Path, out: Path, manifest: Callable[[dict[str, Any]], None] | None = None,
             items: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """A copy of the archive with its manifest or items changed (items.json's checksum
    and size are updated, so only the change itself is wrong)."""
    with zipfile.ZipFile(source) as src:
        files = {name: src.read(name) for name in src.namelist()}
    meta = json.loads(files["manifest.json"])
    if items is not None:
        data = json.loads(files["items.json"])
        items(data)
        body = json.dumps(data).encode("utf-8")
        files["items.json"] = body
        meta["members"]["items.json"] = {"sha256": hashlib.sha256(body).hexdigest(),
                                         "size": len(body)}
    if manifest is not None:
        manifest(meta)
    files["manifest.json"] = json.dumps(meta).encode("utf-8")
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in files.items():
            dst.writestr(name, data)
    return out


def _first(data: dict[str, Any], type_name: str) -> dict[str, Any]:
    row: dict[str, Any] = data["items"][type_name][0]
    return row


MANIFESTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "version is text": lambda m: m.update(version="abc"),
    "version is a list": lambda m: m.update(version=[1]),
    "version is true": lambda m: m.update(version=True),
    "version is zero": lambda m: m.update(version=0),
    "no format": lambda m: m.pop("format"),
    "members is a list": lambda m: m.update(members=["items.json"]),
    "a member is a list": lambda m: m["members"].update({"items.json": ["x"]}),
    "size is text": lambda m: m["members"]["items.json"].update(size="12"),
    "checksum is a number": lambda m: m["members"]["items.json"].update(sha256=123),
    "person is a list": lambda m: m.update(person=["x"]),
    "a file named for another checksum": lambda m: m["members"].update(
        {"files/" + "0" * 64: next(v for k, v in m["members"].items()
                                   if k.startswith("files/"))}),
}

ITEMS: dict[str, Callable[[dict[str, Any]], None]] = {
    "a name that is a list": lambda d: d["person"].update(full_name=["x"]),
    "a value that is an object": lambda d: _first(d, "result").update(value={"a": 1}),
    "a date that is not a date": lambda d: _first(d, "result").update(observed_on="soon"),
    "a yes/no that is text": lambda d: _first(d, "checklist").update(done="maybe"),
    "a link that is text": lambda d: _first(d, "checklist").update(case_id="1"),
    "an id that is a list": lambda d: _first(d, "result").update(id=[1]),
    "items that are a list": lambda d: d.update(items=[]),
    "rows that are not objects": lambda d: d["items"].update(result=["PSA"]),
    "a time that is not a time": lambda d: _first(d, "result").update(created_at="today"),
    "an origin that is a list": lambda d: _first(d, "result").update(origin=["typed"]),
    "attachments that are text": lambda d: _first(d, "record").update(attachments="x"),
    "a required name left empty": lambda d: _first(d, "result").update(name=""),
}


def _refused(cli: Callable[..., Any], data_dir: Path, path: Path) -> None:
    before = store_snapshot(data_dir)
    done = cli("import", str(path), "--new-person")
    assert done.returncode == 1, done.stdout
    [line] = done.stderr.strip().splitlines()
    assert DAMAGED in line and path.name in line and "went wrong" not in line
    assert store_snapshot(data_dir) == before


@pytest.mark.parametrize("change", list(MANIFESTS))
def test_a_malformed_manifest_is_refused(change: str, archive: Path, tmp_path: Path,
                                         cli: Callable[..., Any], data_dir: Path) -> None:
    bad = _rewrite(archive, tmp_path / "bad.zip", manifest=MANIFESTS[change])
    _refused(cli, data_dir, bad)


@pytest.mark.parametrize("change", list(ITEMS))
def test_malformed_items_are_refused(change: str, archive: Path, tmp_path: Path,
                                     cli: Callable[..., Any], data_dir: Path) -> None:
    bad = _rewrite(archive, tmp_path / "bad.zip", items=ITEMS[change])
    _refused(cli, data_dir, bad)


def test_the_untouched_copy_imports(archive: Path, tmp_path: Path,
                                    cli: Callable[..., Any]) -> None:
    """The rewriting itself breaks nothing: the refusals above are for the changes."""
    same = _rewrite(archive, tmp_path / "same.zip", manifest=lambda m: None,
                    items=lambda d: None)
    done = cli("import", str(same), "--new-person")
    assert done.returncode == 0, done.stderr


def test_set_stamps_takes_only_times_the_store_writes(store: Store, person_id: int) -> None:
    before = store.person(person_id)
    for bad in (("yesterday", "2020-01-01T00:00:00Z"), ("2020-02-30T00:00:00Z",) * 2,
                ("2020-01-01 00:00:00", "2020-01-01T00:00:00Z")):
        with pytest.raises(ValidationError):
            store.set_stamps("person", person_id, bad)
    assert store.person(person_id) == before
    store.set_stamps("person", person_id, ("2019-04-01T08:00:00Z", "2020-05-02T09:30:00Z"))
    after = store.person(person_id)
    assert (after.created_at, after.updated_at, after.origin) == (
        "2019-04-01T08:00:00Z", "2020-05-02T09:30:00Z", before.origin)


def test_a_refused_archive_is_said_in_spanish(archive: Path, tmp_path: Path,
                                              cli: Callable[..., Any], data_dir: Path) -> None:
    before = store_snapshot(data_dir)
    newer = _rewrite(archive, tmp_path / "newer.zip", manifest=lambda m: m.update(version=99))
    broken = _rewrite(archive, tmp_path / "broken.zip", manifest=MANIFESTS["version is text"])
    zipped = tmp_path / "notzip.zip"
    zipped.write_bytes(b"PK\x03\x04 not really a zip")
    for path, words in ((newer, "«newer.zip» se hizo con una versión más nueva del organizador"),
                        (broken, "«broken.zip» está dañado o no es un archivo del organizador"),
                        (zipped, "«notzip.zip» es un archivo zip dañado")):
        done = cli("--lang", "es", "import", str(path), "--new-person")
        assert done.returncode == 1, done.stdout
        [line] = done.stderr.strip().splitlines()
        assert words in line, line
    assert store_snapshot(data_dir) == before
