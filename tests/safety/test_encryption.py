"""Encryption at rest, through the real command line on real data folders.

What must hold: with encryption on, no byte in the data folder (database, -wal, files/,
backups made since) shows a name, a medication, attachment text or SQLite's plain header;
a wrong or missing passphrase changes nothing; encrypt -> decrypt keeps every item and
every attachment byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from organizer.storage.gate import GATE_FILES
from tests.helpers.cli import ROOT, run_cli
from tests.helpers.planted_secrets import PASS, PNG_BYTES, SECRETS, fill_with_secrets, secrets_found

NEW_PASS = "a different long passphrase"


def _snapshot(root: Path) -> dict[str, str]:
    """Every file's SHA-256, to prove that nothing changed."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}






def _everything(cli, env: dict[str, str] | None = None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    out: dict[str, object] = {}
    for type_name in ("person", "medication", "record"):
        done = cli("list", type_name, "--person", "1", "--json", env=env)
        assert done.returncode == 0, done.stderr
        out[type_name] = json.loads(done.stdout)
    return out


def _attachment_bytes(data_dir: Path, passphrase: str | None) -> list[bytes]:
    from organizer.opening import open_store
    from organizer.storage import crypto

    crypto.forget_keys()
    with open_store(data_dir, passphrase=passphrase) as store:
        record = store.list_items("record", 1)[0]
        return [store.read_attachment(a) for a in record.attachments]  # type: ignore[attr-defined]


@pytest.mark.slow
def test_with_encryption_on_the_data_folder_shows_nothing_readable(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    assert secrets_found(data_dir, SECRETS[:3]), "the plain store should show the secrets (control)"
    done = cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS})
    assert done.returncode == 0, done.stderr
    assert "cannot" in done.stdout or "nobody can open" in done.stdout

    env = {"ORGANIZER_PASSPHRASE": PASS}
    more = tmp_path / "letter.txt"
    more.write_text("Second letter mentions glioblastomaX again", encoding="utf-8")
    assert cli("add", "record", "--person", "1", "title=Letter", "--file", str(more),
               env=env).returncode == 0
    # (a backup is not allowed into the data folder itself: it is looked at where it is)
    outside = tmp_path / "usb"
    outside.mkdir()
    assert cli("backup", "-o", str(outside / "mine.zip"), env=env).returncode == 0
    assert secrets_found(outside, SECRETS) == []

    # A store held open with fresh writes, so the -wal file holds data when we look.
    from organizer.opening import open_store
    from organizer.safety.backup import maybe_daily_backup

    with open_store(data_dir, passphrase=PASS) as store:
        store.add("medication", {"name": "Hydroxyurea", "notes": "Kowalczykowa"}, person_id=1)
        assert maybe_daily_backup(store) is not None
        wal = data_dir / "organizer.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        assert secrets_found(data_dir, SECRETS) == []
        assert (data_dir / "files").iterdir()
    assert secrets_found(data_dir, SECRETS) == []
    # and the data is all still there for whoever has the passphrase
    found = cli("search", "glioblastomaX", "--json", env=env)
    assert found.returncode == 0, found.stderr
    assert {hit["title"] for hit in json.loads(found.stdout)} == {"Pathology report", "Letter"}


def test_a_wrong_or_missing_passphrase_says_so_and_changes_nothing(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    assert cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0
    before = _snapshot(data_dir)
    for command in (("people",), ("add", "person", "full_name=Intruder"), ("check",),
                    ("backup", "-o", str(tmp_path / "b.zip")), ("decrypt",)):
        wrong = cli(*command, env={"ORGANIZER_PASSPHRASE": "not the passphrase"})
        assert wrong.returncode == 1
        assert wrong.stderr.startswith("organizer: That passphrase is not right")
        assert wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr
        missing = cli(*command, input="")  # stdin is not a terminal and no variable
        assert missing.returncode == 1
        assert missing.stderr.startswith("organizer: This organizer is locked with a passphrase")
        assert missing.stderr.count("\n") == 1
    wrong = cli("change-passphrase", env={"ORGANIZER_PASSPHRASE": "nope nope nope",
                                          "ORGANIZER_NEW_PASSPHRASE": NEW_PASS})
    assert wrong.returncode == 1 and "not right" in wrong.stderr
    assert _snapshot(data_dir) == before
    assert not (tmp_path / "b.zip").exists()


@pytest.mark.slow
def test_encrypt_then_decrypt_keeps_every_item_and_attachment_byte_for_byte(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    items = _everything(cli)
    files = _attachment_bytes(data_dir, None)
    assert files == [b"Findings consistent with glioblastomaX, grade 4.\n", PNG_BYTES]

    assert cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0
    assert _everything(cli, {"ORGANIZER_PASSPHRASE": PASS}) == items
    assert _attachment_bytes(data_dir, PASS) == files

    changed = cli("change-passphrase", env={"ORGANIZER_PASSPHRASE": PASS,
                                            "ORGANIZER_NEW_PASSPHRASE": NEW_PASS})
    assert changed.returncode == 0, changed.stderr
    assert cli("people", env={"ORGANIZER_PASSPHRASE": PASS}).returncode == 1
    assert _everything(cli, {"ORGANIZER_PASSPHRASE": NEW_PASS}) == items

    done = cli("decrypt", env={"ORGANIZER_PASSPHRASE": NEW_PASS})
    assert done.returncode == 0, done.stderr
    assert _everything(cli) == items
    assert _attachment_bytes(data_dir, None) == files
    assert (data_dir / "organizer.db").read_bytes()[:16] == b"SQLite format 3\x00"
    check = cli("check")
    assert check.returncode == 0 and check.stdout.startswith("OK"), check.stdout
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")
            and p.name not in GATE_FILES] == []


def test_a_short_new_passphrase_is_refused(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    before = _snapshot(data_dir)
    done = cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": "short"})
    assert done.returncode == 1 and "at least 8 characters" in done.stderr
    assert _snapshot(data_dir) == before


def test_an_altered_sealed_file_is_damage_that_check_reports(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    assert cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0
    sealed = sorted((data_dir / "files").iterdir())[0]
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0xFF
    sealed.write_bytes(bytes(data))
    done = cli("check", env={"ORGANIZER_PASSPHRASE": PASS})
    assert done.returncode == 1
    assert "seal does not match" in done.stdout


def test_encryption_refuses_while_the_app_is_open(
        cli, data_dir: Path) -> None:
    import socket

    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (data_dir / "app.lock").write_text(f"{holder.pid}\nSecondOpinionOrganizer\n"
                                           f"{socket.gethostname()}\n")
        before = _snapshot(data_dir)
        done = cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS})
        assert done.returncode == 1 and "app is open" in done.stderr
        assert _snapshot(data_dir) == before
    finally:
        holder.kill()
        holder.wait()
    # the app is gone: its stale lock does not stand in the way
    assert cli("encrypt", env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0


def test_an_unlocked_store_reopens_in_the_same_process_until_locked(data_dir: Path) -> None:
    from organizer.encryption import encrypt_store
    from organizer.errors import LockedError
    from organizer.opening import open_store
    from organizer.storage import crypto

    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Ann Lee"})
    encrypt_store(data_dir, PASS)
    with pytest.raises(LockedError):
        open_store(data_dir)
    with open_store(data_dir, passphrase=PASS):
        pass
    with open_store(data_dir) as again:  # a background worker opens it without asking again
        assert again.encrypted and again.people()[0].full_name == "Ann Lee"
    crypto.forget_keys()  # lock now
    with pytest.raises(LockedError):
        open_store(data_dir)


def test_a_plain_store_never_loads_sqlcipher_or_cryptography(data_dir: Path) -> None:
    """Encryption costs nothing at start-up for people who do not use it."""
    assert run_cli("add", "person", "full_name=Ann Lee", data_dir=data_dir).returncode == 0
    code = ("import sys\n"
            "from organizer.cli import main\n"
            f"main(['--data-dir', {str(data_dir)!r}, 'people'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlcipher3', 'cryptography')))\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
