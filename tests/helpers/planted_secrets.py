"""A store filled with recognisable secrets, and a hunt for them in a folder (encryption tests)."""

from __future__ import annotations

import zipfile
from pathlib import Path

PASS = "correct horse battery staple"


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
SECRETS = [b"Kowalczykowa", b"Hydroxyurea", b"glioblastomaX", b"SQLite format 3"]


def secrets_found(root: Path, secrets: list[bytes]) -> list[str]:
    """Secrets visible in any file, and inside any zip's (decompressed) entries."""
    hits = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        hits += [f"{path.relative_to(root)}: {s.decode()}" for s in secrets if s in data]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    inner = archive.read(name)
                    hits += [f"{path.relative_to(root)}!{name}: {s.decode()}"
                             for s in secrets if s in inner]
    return hits


def fill_with_secrets(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "pathology.txt"
    note.write_text("Findings consistent with glioblastomaX, grade 4.\n", encoding="utf-8")
    picture = tmp_path / "scan.png"
    picture.write_bytes(PNG_BYTES)
    for args in (("add", "person", "full_name=Maria Kowalczykowa", "birth_date=1948-05-01"),
                 ("add", "medication", "--person", "1", "name=Hydroxyurea", "dose=500 mg"),
                 ("add", "record", "--person", "1", "title=Pathology report",
                  "--file", str(note), "--file", str(picture))):
        done = cli(*args, env={"ORGANIZER_PASSPHRASE": PASS})
        assert done.returncode == 0, done.stderr
