"""An encrypted organizer leaves no plain copy behind: not in /tmp, not in backups, not
after a crash, not under the old passphrase."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers.cli import ROOT, run_cli
from tests.helpers.planted_secrets import PASS, SECRETS, fill_with_secrets, secrets_found

NEW_PASS = "a brand new long passphrase"


def test_importing_into_an_encrypted_store_writes_nothing_plain_outside_it(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    archive = tmp_path / "maria.zip"
    assert cli("export", "--person", "1", "--format", "archive", "-o", str(archive)
               ).returncode == 0
    other = tmp_path / "other"
    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert run_cli("add", "person", "full_name=Someone Else", data_dir=other).returncode == 0
    assert run_cli("encrypt", data_dir=other, env=env).returncode == 0
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    done = run_cli("import", str(archive), "--new-person", data_dir=other,
                   env={**env, "TMPDIR": str(private_tmp)})
    assert done.returncode == 0, done.stderr
    assert list(private_tmp.rglob("*")) == []
    assert secrets_found(other, SECRETS[:3]) == []
    assert [p.name for p in other.iterdir() if p.name.startswith(".scratch-")] == []
    found = run_cli("search", "glioblastomaX", data_dir=other, env=env)
    assert found.returncode == 0 and "Pathology report" in found.stdout


def test_a_scratch_folder_left_by_a_crash_goes_at_the_next_start(data_dir: Path) -> None:
    from organizer.opening import open_store
    from organizer.storage.paths import SCRATCH_PREFIX, DataDir
    from tests.helpers.paused_writer import dead_pid

    open_store(data_dir).close()
    left = data_dir / f"{SCRATCH_PREFIX}{dead_pid()}-abc123"
    left.mkdir(mode=0o700)
    (left / "preview.pdf").write_bytes(b"%PDF plain copy of a report")
    mine = DataDir(data_dir).new_scratch()
    with open_store(data_dir):
        assert not left.exists()
        assert mine.is_dir(), "this process's own scratch is not a leftover"
    DataDir(data_dir).clear_scratch()
    assert not mine.exists()


def _backups_open_with(data_dir: Path, passphrase: str) -> list[str]:
    """The backups in the data folder that `passphrase` opens."""
    from organizer.errors import WrongPassphraseError
    from organizer.storage import crypto, db

    opened = []
    for path in sorted((data_dir / "backups").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            staged = data_dir.parent / f"probe-{path.stem}.db"
            staged.write_bytes(archive.read("organizer.db"))
        salt = db.read_salt(staged)
        try:
            conn = db.connect(staged, key=crypto.StoreKey(crypto.derive_key(passphrase, salt),
                                                           salt))
        except WrongPassphraseError:
            continue
        finally:
            pass
        conn.close()
        opened.append(path.name)
    return opened


def test_after_a_new_passphrase_the_old_one_opens_nothing_in_the_folder(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert cli("encrypt", env=env).returncode == 0
    from organizer.opening import open_store
    from organizer.safety.backup import maybe_daily_backup

    with open_store(data_dir, passphrase=PASS) as store:
        maybe_daily_backup(store)
    assert _backups_open_with(data_dir, PASS)
    sealed_before = {p.name: p.read_bytes() for p in (data_dir / "files").iterdir()}

    done = cli("change-passphrase", env={**env, "ORGANIZER_NEW_PASSPHRASE": NEW_PASS})
    assert done.returncode == 0, done.stderr
    assert "USB" in done.stdout  # it says what the old passphrase still opens
    sealed_after = {p.name: p.read_bytes() for p in (data_dir / "files").iterdir()}
    assert len(sealed_after) == len(sealed_before)
    assert not set(sealed_after) & set(sealed_before), "files must be sealed under a new key"
    assert _backups_open_with(data_dir, PASS) == []
    assert _backups_open_with(data_dir, NEW_PASS)
    assert cli("people", env=env).returncode == 1
    found = cli("search", "glioblastomaX", env={"ORGANIZER_PASSPHRASE": NEW_PASS})
    assert found.returncode == 0 and "Pathology report" in found.stdout
    assert cli("check", env={"ORGANIZER_PASSPHRASE": NEW_PASS}).returncode == 0


_KILLED_ENCRYPT = """
import os, signal, sys
from organizer import encryption
from organizer.storage import swap
real_apply = swap._apply
def apply_then_die(dirs, journal):
    os.kill(os.getpid(), signal.SIGKILL)  # the journal is written: the switch is decided
swap._apply = apply_then_die
encryption.encrypt_store(sys.argv[1], sys.argv[2])
"""


def test_a_kill_during_encrypt_never_leaves_the_plain_backups_behind(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    from organizer.opening import open_store
    from organizer.safety.backup import maybe_daily_backup

    with open_store(data_dir) as store:
        assert maybe_daily_backup(store) is not None
    assert secrets_found(data_dir / "backups", SECRETS[:1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.run([sys.executable, "-c", _KILLED_ENCRYPT, str(data_dir), PASS],
                           env=env, cwd=ROOT, capture_output=True)
    assert child.returncode == -signal.SIGKILL
    # The next start finishes the switch, plain backups included.
    assert cli("people", env={"ORGANIZER_PASSPHRASE": PASS}).returncode == 0
    assert secrets_found(data_dir, SECRETS[:3]) == []


def test_restoring_an_encrypted_backup_leaves_nothing_plain_and_keeps_what_it_replaced(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)  # the plain store the restore replaces: it holds the secrets
    other = tmp_path / "other"
    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert run_cli("add", "person", "full_name=Encrypted Elsewhere", data_dir=other
                   ).returncode == 0
    assert run_cli("encrypt", data_dir=other, env=env).returncode == 0
    backup = tmp_path / "encrypted.zip"
    assert run_cli("backup", "-o", str(backup), data_dir=other, env=env).returncode == 0

    done = cli("restore", str(backup), env=env)
    assert done.returncode == 0, done.stderr
    assert secrets_found(data_dir, SECRETS[:3]) == []
    (kept,) = list((data_dir / "backups").glob("before-restore-*"))
    assert kept.suffix == ".zip"
    people = cli("people", env=env)
    assert people.returncode == 0 and "Encrypted Elsewhere" in people.stdout
    # What the restore replaced comes back from its sealed copy, with the same passphrase.
    back = tmp_path / "back"
    assert run_cli("restore", str(kept), data_dir=back, env=env).returncode == 0
    found = run_cli("search", "glioblastomaX", data_dir=back, env=env)
    assert found.returncode == 0 and "Pathology report" in found.stdout


def test_set_aside_files_are_sealed_with_the_store_and_open_again_after_decrypt(
        cli, data_dir: Path, tmp_path: Path) -> None:
    import hashlib

    fill_with_secrets(cli, tmp_path)
    orphan = b"An orphaned scan mentioning glioblastomaX"
    sha = hashlib.sha256(orphan).hexdigest()
    (data_dir / "files" / sha).write_bytes(orphan)
    assert cli("check", "--repair").returncode == 0
    (aside,) = (data_dir / "set-aside").iterdir()
    assert (aside / sha).read_bytes() == orphan

    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert cli("encrypt", env=env).returncode == 0
    assert secrets_found(data_dir, SECRETS[:3]) == []
    assert cli("change-passphrase", env={**env, "ORGANIZER_NEW_PASSPHRASE": NEW_PASS}
               ).returncode == 0
    assert secrets_found(data_dir, SECRETS[:3]) == []
    assert cli("decrypt", env={"ORGANIZER_PASSPHRASE": NEW_PASS}).returncode == 0
    (aside,) = (data_dir / "set-aside").iterdir()
    assert (aside / sha).read_bytes() == orphan


def test_a_linked_files_folder_is_refused_before_anything_changes(
        cli, data_dir: Path, tmp_path: Path) -> None:
    fill_with_secrets(cli, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    os.replace(data_dir / "files", elsewhere)
    (data_dir / "files").symlink_to(elsewhere)
    done = cli("encrypt", env={"ORGANIZER_PASSPHRASE": PASS})
    assert done.returncode == 1
    assert "link to another place" in done.stderr and "nothing was changed" in done.stderr
    assert (data_dir / "organizer.db").read_bytes()[:16] == b"SQLite format 3\x00"


def test_an_encrypted_backup_stores_its_sealed_files_without_deflating_them(
        cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill_with_secrets(cli, tmp_path)
    plain = tmp_path / "plain.zip"
    assert cli("backup", "-o", str(plain)).returncode == 0
    env = {"ORGANIZER_PASSPHRASE": PASS}
    assert cli("encrypt", env=env).returncode == 0
    sealed = tmp_path / "sealed.zip"
    assert cli("backup", "-o", str(sealed), env=env).returncode == 0
    with zipfile.ZipFile(plain) as archive:
        kinds = {i.compress_type for i in archive.infolist() if i.filename.startswith("files/")}
    assert kinds == {zipfile.ZIP_DEFLATED}
    with zipfile.ZipFile(sealed) as archive:
        kinds = {i.compress_type for i in archive.infolist() if i.filename.startswith("files/")}
    assert kinds == {zipfile.ZIP_STORED}
    # and it restores, whole
    back = tmp_path / "back"
    assert run_cli("restore", str(sealed), data_dir=back, env=env).returncode == 0
    found = run_cli("search", "glioblastomaX", data_dir=back, env=env)
    assert found.returncode == 0 and "Pathology report" in found.stdout
