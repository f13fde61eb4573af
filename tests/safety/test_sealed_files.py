"""Sealed attachment files in chunks (format 2): every way of altering one is caught, the
old one-piece format still opens, and a file of hundreds of MB is sealed, checked and
exported by the real command line with one chunk in memory (peak RSS measured in the
child process itself)."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from organizer.errors import OrganizerError
from organizer.storage.crypto import FILE_MAGIC, FILE_MAGIC_2, NONCE_SIZE, TAG_SIZE, FileCipher
from tests.helpers.cli import run_cli
from tests.helpers.sparse_files import peak_memory_kb, sparse_file

KEY = bytes(range(32))
CHUNK = 64  # small chunks, so a few hundred bytes make several


def sealed(data: bytes, chunk: int = CHUNK, cipher: FileCipher | None = None) -> bytes:
    out = io.BytesIO()
    sha, size = (cipher or FileCipher(KEY)).seal_stream(io.BytesIO(data), out, chunk)
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    return out.getvalue()


def opened(blob: bytes, data: bytes) -> bytes:
    return b"".join(FileCipher(KEY).open_stream(hashlib.sha256(data).hexdigest(),
                                                io.BytesIO(blob)))


HEADER = len(FILE_MAGIC_2) + 4 + 7
PIECE = CHUNK + TAG_SIZE


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5])
def test_every_size_seals_and_opens(size: int) -> None:
    data = os.urandom(size)
    blob = sealed(data)
    assert blob.startswith(FILE_MAGIC_2)
    assert opened(blob, data) == data
    assert FileCipher(KEY).open(hashlib.sha256(data).hexdigest(), blob) == data


def _cases(blob: bytes) -> dict[str, bytes]:
    body = blob[HEADER:]
    pieces = [body[i:i + PIECE] for i in range(0, len(body), PIECE)]
    flipped = bytearray(blob)
    flipped[HEADER + 5] ^= 1
    other = sealed(os.urandom(4 * CHUNK))
    header_size = bytearray(blob)
    header_size[len(FILE_MAGIC_2) + 3] ^= 1
    return {
        "cut at a chunk boundary": blob[:HEADER] + b"".join(pieces[:2]),
        "cut inside a chunk": blob[:-7],
        "last chunk dropped": blob[:HEADER] + b"".join(pieces[:3]),
        "chunks swapped": blob[:HEADER] + pieces[1] + pieces[0] + b"".join(pieces[2:]),
        "a chunk repeated": blob[:HEADER] + pieces[0] + b"".join(pieces),
        "a byte flipped": bytes(flipped),
        "a chunk from another file": blob[:HEADER] + other[HEADER:HEADER + PIECE]
        + b"".join(pieces[1:]),
        "chunk size in the header changed": bytes(header_size),
        "extended past its last chunk": blob + pieces[0],
        "header only": blob[:HEADER],
        "not sealed at all": b"%PDF-1.7 plain bytes",
    }


@pytest.mark.parametrize("how", list(_cases(b"x" * (HEADER + 5 * PIECE))))
def test_an_altered_sealed_file_never_opens(how: str) -> None:
    data = os.urandom(4 * CHUNK + 10)  # five chunks, the last one short
    blob = _cases(sealed(data))[how]
    with pytest.raises(OrganizerError, match="damaged"):
        opened(blob, data)


def test_data_sealed_in_memory_binds_its_label() -> None:
    """`seal` (one piece) takes any label, as an index of files is sealed under a name."""
    cipher = FileCipher(KEY)
    blob = cipher.seal("index of files", b'{"a": 1}')
    assert blob.startswith(FILE_MAGIC)
    assert cipher.open("index of files", blob) == b'{"a": 1}'
    with pytest.raises(OrganizerError, match="altered"):
        cipher.open("another label", blob)


def test_a_sealed_file_swapped_for_another_sealed_file_is_caught() -> None:
    mine, theirs = os.urandom(300), os.urandom(300)
    with pytest.raises(OrganizerError, match="altered"):
        opened(sealed(theirs), mine)


def test_the_old_one_piece_format_still_opens() -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = os.urandom(5000)
    sha = hashlib.sha256(data).hexdigest()
    nonce = os.urandom(NONCE_SIZE)
    old = FILE_MAGIC + nonce + AESGCM(KEY).encrypt(nonce, data, FILE_MAGIC + sha.encode())
    assert opened(old, data) == data
    assert FileCipher(KEY).open(sha, old) == data
    with pytest.raises(OrganizerError, match="altered"):
        opened(old[:-1] + bytes([old[-1] ^ 1]), data)


# -- large files through the real command line ----------------------------------------------

PASS = "correct horse battery staple"
LARGE = 256 * 1024 * 1024

# Runs one command in this process and reports the process's own peak resident memory.
# getrusage's ru_maxrss survives exec (a child of a 300 MB pytest reports 300 MB however
# little it used), so the peak is read from VmHWM, which starts afresh with the program.






@pytest.mark.slow
def test_a_large_file_is_sealed_checked_and_exported_in_bounded_memory(
        data_dir: Path, tmp_path: Path) -> None:
    assert run_cli("add", "person", "full_name=Ana Ruiz", data_dir=data_dir).returncode == 0
    done = run_cli("encrypt", data_dir=data_dir, env={"ORGANIZER_NEW_PASSPHRASE": PASS})
    assert done.returncode == 0, done.stderr
    small = sparse_file(tmp_path / "small.bin", 4096)
    large = sparse_file(tmp_path / "big.bin", LARGE)

    peaks: dict[str, tuple[int, int]] = {}
    for name, source in (("small", small), ("large", large)):
        add = peak_memory_kb(data_dir, "add", "record", "--person", "1", f"title={name}",
                        "--file", str(source))
        check = peak_memory_kb(data_dir, "check")
        out = tmp_path / f"{name}.zip"
        export = peak_memory_kb(data_dir, "export", "--person", "1", "--format", "archive",
                           "-o", str(out))
        peaks[name] = (add, check, export)  # type: ignore[assignment]
    # What one command needs beyond the same command on a 4 KiB file: a few chunks, not
    # the file (the one-piece format held it twice: 512 MiB).
    for step, small_peak, large_peak in zip(("add", "check", "export"), peaks["small"],
                                            peaks["large"], strict=True):
        assert large_peak - small_peak < 64 * 1024 * 1024, (step, small_peak, large_peak)

    sealed_files = [p for p in (data_dir / "files").iterdir() if p.stat().st_size > LARGE]
    assert len(sealed_files) == 1
    with open(sealed_files[0], "rb") as handle:
        assert handle.read(len(FILE_MAGIC_2)) == FILE_MAGIC_2
    with zipfile.ZipFile(tmp_path / "large.zip") as archive:
        sha = hashlib.sha256()
        big = [n for n in archive.namelist() if archive.getinfo(n).file_size == LARGE]
        assert len(big) == 1
        with archive.open(big[0]) as member:
            for chunk in iter(lambda: member.read(1 << 20), b""):
                sha.update(chunk)
    with open(large, "rb") as handle:
        assert sha.hexdigest() == hashlib.file_digest(handle, "sha256").hexdigest()


@pytest.mark.slow
def test_a_huge_pdf_is_kept_its_text_and_enclosure_skipped_with_a_note(
        data_dir: Path, tmp_path: Path) -> None:
    from organizer.packet.enclosures import MAX_ENCLOSURE_BYTES
    from organizer.storage.attachments import MAX_PDF_TEXT_BYTES

    assert run_cli("add", "person", "full_name=Ana Ruiz", data_dir=data_dir).returncode == 0
    huge = tmp_path / "scan.pdf"
    size = max(MAX_PDF_TEXT_BYTES, MAX_ENCLOSURE_BYTES) + 1024 * 1024
    with open(huge, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(size)
    done = run_cli("add", "record", "--person", "1", "title=Whole-body scan", "--file",
                   str(huge), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "too large" in done.stderr and "scan.pdf" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1

    peak_small = peak_memory_kb(data_dir, "packet", "--person", "1", "--sections", "cover",
                           "-o", str(tmp_path / "cover.pdf"))
    out = tmp_path / "packet.pdf"
    peak = peak_memory_kb(data_dir, "packet", "--person", "1", "-o", str(out))
    assert peak - peak_small < 64 * 1024 * 1024, (peak_small, peak)
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "could not be included: it is too large" in text


@pytest.mark.slow
def test_the_preview_says_a_huge_file_is_too_large_and_copies_it_in_chunks(
        qtbot: Any, store: Any, person_id: int, tmp_path: Path) -> None:
    from organizer.storage.attachments import MAX_IN_MEMORY
    from ui.preview import AttachmentPreview, private_copy

    huge = tmp_path / "scan.png"
    with open(huge, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(MAX_IN_MEMORY + 1)
    record = store.add("record", {"title": "Scan"}, person_id=person_id).id
    store.attach_file(record, huge)
    [attachment] = store.attachments(record)
    preview = AttachmentPreview(store)
    qtbot.addWidget(preview)
    preview.show_attachment(attachment)
    assert "too large to show here" in preview.message.text()
    copy = private_copy(store, attachment)
    with open(copy, "rb") as made, open(huge, "rb") as source:
        assert hashlib.file_digest(made, "sha256").digest() == \
            hashlib.file_digest(source, "sha256").digest()
    copy.unlink()


@pytest.mark.slow
def test_a_store_holding_old_format_files_still_checks_exports_and_reads(
        data_dir: Path, tmp_path: Path) -> None:
    """Stores and backups made before the chunked format keep working beside new files."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from organizer.opening import open_store
    from organizer.storage import crypto

    old_bytes, new_bytes = os.urandom(200_000), os.urandom(3 * 1024 * 1024 + 7)
    (tmp_path / "old.bin").write_bytes(old_bytes)
    (tmp_path / "new.bin").write_bytes(new_bytes)
    assert run_cli("add", "person", "full_name=Ana Ruiz", data_dir=data_dir).returncode == 0
    assert run_cli("encrypt", data_dir=data_dir,
                   env={"ORGANIZER_NEW_PASSPHRASE": PASS}).returncode == 0
    env = {"ORGANIZER_PASSPHRASE": PASS}
    for name in ("old", "new"):
        done = run_cli("add", "record", "--person", "1", f"title={name}", "--file",
                       str(tmp_path / f"{name}.bin"), data_dir=data_dir, env=env)
        assert done.returncode == 0, done.stderr
    crypto.forget_keys()
    with open_store(data_dir, passphrase=PASS) as store:
        assert store.cipher is not None
        sha = hashlib.sha256(old_bytes).hexdigest()
        sealed_path = store.file_path(sha)
        assert sealed_path.read_bytes().startswith(FILE_MAGIC_2)
        # The same file as the one-piece format wrote it.
        nonce = os.urandom(NONCE_SIZE)
        key = store.cipher._key
        sealed_path.write_bytes(FILE_MAGIC + nonce + AESGCM(key).encrypt(
            nonce, old_bytes, FILE_MAGIC + sha.encode()))
        records = {r.title: r for r in store.list_items("record", 1)}
        assert store.read_attachment(records["old"].attachments[0]) == old_bytes
        assert store.read_attachment(records["new"].attachments[0]) == new_bytes
    crypto.forget_keys()
    check = run_cli("check", data_dir=data_dir, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    out = tmp_path / "ana.zip"
    done = run_cli("export", "--person", "1", "--format", "archive", "-o", str(out),
                   data_dir=data_dir, env=env)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        assert archive.read(f"files/{sha}") == old_bytes
        assert archive.read(f"files/{hashlib.sha256(new_bytes).hexdigest()}") == new_bytes
