"""Every file the organizer writes is the user's alone (0600, folders 0700), whatever the
umask, right after every command: in the data folder, and the health records it writes
elsewhere (exports, packets, backups). Also the command line's words around encryption,
restore and attaching, and the one checksum helper."""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

PASS = "correct horse battery"
NEW_PASS = "another long passphrase"


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems give: files 0644 unless the organizer says otherwise."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _not_private(root: Path) -> dict[str, str]:
    """Every file not 0600 and every folder not 0700 under `root` (with its mode)."""
    found = {}
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            found[str(path.relative_to(root))] = oct(mode)
    return found


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow
def test_every_command_leaves_every_file_private(
        cli, data_dir: Path, tmp_path: Path, usual_umask: None) -> None:
    scan = tmp_path / "scan.txt"
    scan.write_text("pathology report", encoding="utf-8")
    steps: list[tuple[tuple[str, ...], dict[str, str]]] = [
        (("add", "person", "full_name=Ann Lee"), {}),
        (("add", "record", "--person", "1", "title=Report", "--file", str(scan)), {}),
        (("add", "visit", "--person", "1", "scheduled_at=2026-03-02 10:00",
          "purpose=Biopsy results"), {}),
        (("add", "medication", "--person", "1", "name=Metformin"), {}),
        (("backup", "-o", str(tmp_path / "b.zip")), {}),
        (("check", "--repair"), {}),
        (("encrypt",), {"ORGANIZER_PASSPHRASE": PASS}),
        (("change-passphrase",), {"ORGANIZER_PASSPHRASE": PASS,
                                  "ORGANIZER_NEW_PASSPHRASE": NEW_PASS}),
        # (a backup asked for into the data folder itself is refused: test_outputs_safety)
        (("backup", "-o", str(tmp_path / "locked.zip")), {"ORGANIZER_PASSPHRASE": NEW_PASS}),
        (("decrypt",), {"ORGANIZER_PASSPHRASE": NEW_PASS}),
        (("restore", str(tmp_path / "b.zip")), {}),
    ]
    for args, env in steps:
        done = cli(*args, env=env)
        assert done.returncode == 0, (args, done.stderr)
        assert _not_private(data_dir) == {}, args
    assert _mode(tmp_path / "b.zip") == _mode(tmp_path / "locked.zip") == 0o600


def test_exports_and_packets_are_private_from_their_first_byte(
        cli, data_dir: Path, tmp_path: Path, usual_umask: None) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    assert cli("add", "visit", "--person", "1", "scheduled_at=2026-03-02 10:00",
               "purpose=Biopsy").returncode == 0
    assert cli("add", "medication", "--person", "1", "name=Metformin").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "e.csv"
    existing.write_text("an older file that anyone could read")
    os.chmod(existing, 0o644)
    for fmt, name in (("archive", "e.zip"), ("ips", "e.json"), ("ics", "e.ics"),
                      ("csv", "e.csv")):
        done = cli("export", "--person", "1", "--format", fmt, "-o", str(out / name))
        assert done.returncode == 0, done.stderr
        assert _mode(out / name) == 0o600, fmt
    assert "Metformin" in existing.read_text(encoding="utf-8-sig")  # replaced, and private
    done = cli("packet", "--person", "1", "-o", str(out / "packet.pdf"))
    assert done.returncode == 0, done.stderr
    assert _mode(out / "packet.pdf") == 0o600
    # Nothing half-written stays beside them.
    assert sorted(p.name for p in out.iterdir()) == [
        "e.csv", "e.ics", "e.json", "e.zip", "packet.pdf"]


def test_private_output_leaves_the_target_alone_when_the_writer_fails(tmp_path: Path) -> None:
    from organizer.storage.paths import private_output

    target = tmp_path / "letter.pdf"
    target.write_bytes(b"the letter as it was")
    with pytest.raises(RuntimeError), \
            private_output(target, data_dir=tmp_path / "data") as temp:
        temp.write_bytes(b"half a new letter")
        raise RuntimeError("the writer broke")
    assert target.read_bytes() == b"the letter as it was"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_encrypt_takes_the_passphrase_from_organizer_passphrase(
        cli, data_dir: Path) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("encrypt", env={"ORGANIZER_PASSPHRASE": PASS})
    assert done.returncode == 0, done.stderr
    assert cli("people").returncode == 1  # locked now
    people = cli("people", env={"ORGANIZER_PASSPHRASE": PASS})
    assert people.returncode == 0 and "Ann Lee" in people.stdout


def test_encrypt_without_a_passphrase_says_where_to_give_it(
        cli, data_dir: Path) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("encrypt")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "ORGANIZER_PASSPHRASE" in done.stderr and "Traceback" not in done.stderr
    assert cli("people").returncode == 0  # still open without a passphrase: nothing changed


def test_attaching_a_folder_says_it_is_a_folder(
        cli, data_dir: Path, tmp_path: Path) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("add", "record", "--person", "1", "title=X", "--file", str(tmp_path))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "is a folder, not a file" in done.stderr and "does not exist" not in done.stderr
    assert "Ann Lee" in cli("people").stdout
    assert cli("list", "record", "--person", "1", "--json").stdout.strip() == "[]"


def test_restoring_into_an_empty_folder_speaks_of_no_replaced_store(
        cli, data_dir: Path, tmp_path: Path) -> None:
    from tests.helpers.cli import run_cli
    source = tmp_path / "source"
    assert run_cli("add", "person", "full_name=Ann Lee", data_dir=source).returncode == 0
    assert run_cli("backup", "-o", str(tmp_path / "b.zip"), data_dir=source).returncode == 0
    done = cli("restore", str(tmp_path / "b.zip"))
    assert done.returncode == 0, done.stderr
    assert "replaced" not in done.stdout and "before-restore" not in done.stdout
    assert list((data_dir / "backups").glob("before-restore-*")) == []
    assert "Ann Lee" in cli("people").stdout
    # Restoring again does replace a store, and says where it is kept.
    again = cli("restore", str(tmp_path / "b.zip"))
    assert again.returncode == 0 and "What it replaced is kept in" in again.stdout
    assert len(list((data_dir / "backups").glob("before-restore-*"))) == 1


def test_one_hash_helper_reads_in_chunks_and_stops_at_a_limit(tmp_path: Path) -> None:
    from organizer.storage.hashing import CHUNK, hash_stream, sha256_file

    data = os.urandom(CHUNK * 2 + 17)
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()
    copy = io.BytesIO()
    assert hash_stream(io.BytesIO(data), copy) == (hashlib.sha256(data).hexdigest(), len(data))
    assert copy.getvalue() == data
    _, size = hash_stream(io.BytesIO(data), limit=CHUNK)  # more than announced: stops early
    assert CHUNK < size < len(data)
