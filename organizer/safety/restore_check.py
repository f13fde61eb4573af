"""What `restore` accepts: a database this app made, at a version it knows, whose files are
all in the backup.

Checksums only prove that a backup is whole, not that it is ours: anyone can write a zip
whose manifest matches its contents. A restored database is then opened by every later
command and by the app, so a trigger in it would run on our own writes, a view or an extra
table would be read as ours, and a missing file would surface months later as damage.
So before a restore swaps anything in, the staged database must have exactly the schema
that running this app's migrations up to its version makes (derived here, by running them
into an in-memory database: a new migration is covered without a word changed here), and
every attachment its rows use must be in the backup and match its checksum.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer.errors import OrganizerError
from organizer.i18n import N_, _

if TYPE_CHECKING:
    from organizer.storage.crypto import FileCipher

# Tables SQLite makes on its own (ANALYZE, AUTOINCREMENT): they belong to no schema.
_SQLITE_OWN = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4",
                         "sqlite_sequence"})
_SQLITE_HEADER = b"SQLite format 3\x00"

NOT_OURS = N_("The backup “{name}” was not used because its database is not one this app "
              "makes ({why}); nothing was changed.")

# (type, name) -> (table it belongs to, its CREATE statement with spaces normalised; None
# for the tables a virtual table keeps its data in, which SQLite itself defines)
Schema = dict[tuple[str, str], tuple[str, str | None]]


def expected_schema(version: int) -> Schema:
    """The schema this app's migrations make at `version` (1 … migrations.LATEST)."""
    return dict(_expected(version))


@cache
def _expected(version: int) -> tuple[tuple[tuple[str, str], tuple[str, str | None]], ...]:
    from organizer.storage import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in migrations.MIGRATIONS[:version]:
            step(conn)
        return tuple(sorted(schema_of(conn).items()))
    finally:
        conn.close()


def schema_of(conn: Any) -> Schema:
    """The schema of an open database (plain or SQLCipher), in the form `expected_schema`
    gives."""
    rows = [(str(t), str(n), str(tbl), s) for t, n, tbl, s in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master")]
    virtual = [n for t, n, _, s in rows if t == "table" and _normal(s).upper()
               .startswith("CREATE VIRTUAL TABLE")]
    schema: Schema = {}
    for type_, name, table, sql in rows:
        if type_ == "table" and name in _SQLITE_OWN:
            continue
        shadow = type_ == "table" and any(name.startswith(f"{v}_") for v in virtual)
        # A virtual table's data tables are written by SQLite (their definition may vary
        # with its version); their names are still checked, as is the virtual table.
        schema[(type_, name)] = (table, None if shadow else _normal(sql))
    return schema


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def check_database(conn: Any, backup_name: str, manifest_version: int) -> int:
    """Refuse (OrganizerError, one sentence) a database that is not this app's own schema
    at the version it and its manifest give; returns that version.

    The caller has already refused a version newer than this app (migrations.check_version).
    """
    from organizer.storage import migrations

    def refuse(why: str) -> OrganizerError:
        return OrganizerError(_(NOT_OURS).format(name=backup_name, why=why))

    version = migrations.check_version(conn)
    if version < 1:
        raise refuse(_("it gives no schema version"))
    if version != manifest_version:
        raise refuse(_("it says it is version {version}, its list of contents says "
                       "{listed}").format(version=version, listed=manifest_version))
    why = difference(expected_schema(version), schema_of(conn))
    if why:
        raise refuse(why)
    return version


def difference(expected: Schema, found: Schema) -> str | None:
    """The first way `found` is not `expected`, in words; None when they are the same.

    What could act on our writes comes first (triggers, views), then what is extra, what
    is missing, what differs.
    """
    rank = {"trigger": 0, "view": 1, "table": 2, "index": 3}  # an index goes with a table

    def order(key: tuple[str, str]) -> tuple[int, tuple[str, str]]:
        return rank.get(key[0], 4), key

    for type_, name in sorted(set(found) - set(expected), key=order):
        return _(_EXTRA.get(type_, _EXTRA["table"])).format(name=name)
    for type_, name in sorted(set(expected) - set(found), key=order):
        return _(_MISSING.get(type_, _MISSING["table"])).format(name=name)
    for key in sorted(expected, key=order):
        if expected[key] != found[key]:
            type_, name = key
            return _(_DIFFERENT.get(type_, _DIFFERENT["table"])).format(name=name)
    return None


# How a backup's schema differs, by what differs (each a whole phrase, for translation).
_EXTRA = {"trigger": N_("it has a trigger “{name}” that this app never makes"),
          "view": N_("it has a view “{name}” that this app never makes"),
          "table": N_("it has a table “{name}” that this app never makes"),
          "index": N_("it has an index “{name}” that this app never makes")}
_MISSING = {"trigger": N_("the trigger “{name}” is missing"),
            "view": N_("the view “{name}” is missing"),
            "table": N_("the table “{name}” is missing"),
            "index": N_("the index “{name}” is missing")}
_DIFFERENT = {"trigger": N_("the trigger “{name}” has another definition than this app's"),
              "view": N_("the view “{name}” has another definition than this app's"),
              "table": N_("the table “{name}” has other columns than this app's"),
              "index": N_("the index “{name}” has another definition than this app's")}


def check_header(header: bytes, encrypted: bool, backup_name: str) -> None:
    """The database is plain or encrypted as the manifest says (`header`: its first bytes).

    Without this an "encrypted" manifest on a plain database would be answered with "that
    passphrase does not open this backup", which would not be true.
    """
    plain = header[:len(_SQLITE_HEADER)] == _SQLITE_HEADER
    if plain == encrypted:
        why = (_("its list of contents says it is encrypted, and it is not") if encrypted
               else _("its list of contents says it is not encrypted, and it is"))
        raise OrganizerError(_(NOT_OURS).format(name=backup_name, why=why))


def check_attachments(conn: Any, files: Path, cipher: FileCipher | None,
                      file_entries: list[dict[str, Any]], backup_name: str) -> None:
    """Every attachment the database uses is in the backup, with the right bytes.

    The attachments that must be there are those `organizer check` calls damage when
    missing (every attachment not removed); a removed one's file is checked when present.
    In a plain backup each file must also be named by its own checksum (its name is how
    the store finds it); in an encrypted one each sealed file must open with the backup's
    key and give back bytes of the right checksum.
    """
    if cipher is None:
        for entry in file_entries:
            if entry["name"] != f"files/{entry['sha256']}":
                raise OrganizerError(_(
                    "The backup “{name}” was not used because its file {file} is not named "
                    "by its checksum; nothing was changed.").format(name=backup_name,
                                                                   file=entry["name"]))
    rows = conn.execute("SELECT a.filename, a.sha256, a.deleted_at IS NOT NULL, r.title "
                        "FROM attachments a LEFT JOIN records r ON r.id = a.record_id "
                        "ORDER BY a.id").fetchall()
    opened: set[str] = set()
    for filename, sha, removed, title in rows:
        if not (isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha)):
            # it names the file on disk: anything but a checksum could point outside files/
            raise OrganizerError(_(NOT_OURS).format(
                name=backup_name, why=_("the file “{file}” is not named by a checksum").format(
                    file=filename)))
        path = files / (str(sha) if cipher is None else cipher.file_name(str(sha)))
        if not path.is_file():
            if removed:
                continue
            raise OrganizerError(_(
                "The backup “{name}” was not used because the file “{file}” of the record "
                "“{record}” is not in it; nothing was changed.").format(
                    name=backup_name, file=filename, record=title or filename))
        if cipher is None or sha in opened:
            continue
        try:
            plain = cipher.open(str(sha), path.read_bytes())
        except OrganizerError:
            plain = b""
        if hashlib.sha256(plain).hexdigest() != sha:
            raise OrganizerError(_(
                "The backup “{name}” was not used because the file “{file}” in it does not "
                "match its checksum; nothing was changed.").format(name=backup_name,
                                                                  file=filename))
        opened.add(str(sha))
