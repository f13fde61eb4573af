"""The person archive: one zip holding everything about one person, to move it elsewhere.

Layout:
    manifest.json   format, version, when, and the SHA-256 and size of every other member
    items.json      {"person": {...}, "items": {"provider": [...], ...}}: every live item,
                    keyed by DESIGN's field names (the `--json` keys)
    files/SHA256    each attached file once, named by its checksum

Importing it (`organizer import ARCHIVE.zip --new-person`) gives back the same items, with
their links remapped to the new ids, their own origin and created/updated times, and the
same files byte for byte. Every member is checked against the manifest before anything is
written; a member whose name is not in the manifest is never read. A manifest or an item
of the wrong shape (a list where a name belongs, a version that is not a number) refuses
the whole archive, before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from organizer import __version__
from organizer.errors import OrganizerError, ValidationError
from organizer.formats import format_number
from organizer.i18n import _
from organizer.interop.parsed import ParsedFile, Proposed, ZipMember
from organizer.interop.refusals import UnreadableFileError, unrecognised
from organizer.items.models import TYPES, Person, Record
from organizer.items.validation import clean
from organizer.progress import Progress
from organizer.progress import step as report
from organizer.storage.hashing import hash_stream
from organizer.storage.store import Store, is_stamp

FORMAT = "second-opinion-organizer-person-archive"
VERSION = 1
# Size caps, checked on what the zip and the manifest announce before a byte is read:
# json.loads needs several times a document's size in memory, and a zip bomb announces
# what it likes. items.json of ten people over twenty years is a few MB.
MAX_MANIFEST = 16 * 1024 ** 2
MAX_ITEMS_JSON = 64 * 1024 ** 2
MAX_MEMBER = 8 * 1024 ** 3     # one attached file
MAX_TOTAL = 32 * 1024 ** 3     # everything in the archive, once unpacked
_HEX = set("0123456789abcdef")


def damaged(name: str) -> UnreadableFileError:
    """The refusal for an archive whose manifest or items are not what the organizer
    writes: broken, tampered with, or made by something else."""
    return UnreadableFileError(_("“{name}” is damaged or is not an organizer archive, so it "
                                 "cannot be imported; nothing was changed.").format(name=name))


def export_archive(store: Store, person_id: int, out: Path,
                   progress: Progress | None = None) -> Path:
    """Write the person's archive to `out` (through a temporary file, then renamed)."""
    person = store.person(person_id)
    items: dict[str, list[dict[str, Any]]] = {}
    attachments: dict[str, Any] = {}
    for type_name in TYPES:
        if type_name == "person":
            continue
        found = store.list_items(type_name, person_id)
        if found:
            items[type_name] = [item.to_dict() for item in found]
        for item in found:
            if isinstance(item, Record):
                for attachment in item.attachments:
                    attachments.setdefault(attachment.sha256, attachment)
    body = json.dumps({"person": person.to_dict(), "items": items}, ensure_ascii=False,
                      indent=1).encode("utf-8")
    if len(body) > MAX_ITEMS_JSON:
        # Never write an archive that its own import would refuse.
        raise OrganizerError(_(
            "{name}'s items are too large for one archive ({size} MB of text; at most "
            "{limit} MB), so it was not written. Shorten the longest notes and try "
            "again.").format(name=person.full_name[:80],
                             size=format_number(len(body) // 1024 ** 2),
                             limit=format_number(MAX_ITEMS_JSON // 1024 ** 2)))
    manifest: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "app_version": __version__,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "person": person.full_name,
        "members": {"items.json": {"sha256": hashlib.sha256(body).hexdigest(),
                                   "size": len(body)}}}
    out = Path(out)
    temp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("items.json", body)
            for number, (sha, attachment) in enumerate(sorted(attachments.items()), start=1):
                # Streamed: a file of several GiB goes in with one chunk in memory.
                digest, size = hashlib.sha256(), 0
                with archive.open(f"files/{sha}", "w", force_zip64=True) as member:
                    for chunk in store.read_chunks(sha):
                        digest.update(chunk)
                        size += len(chunk)
                        member.write(chunk)
                if digest.hexdigest() != sha:
                    raise OrganizerError(_(
                        "The file of “{file}” does not match its checksum, so the archive "
                        "was not written. `organizer check` tells more.").format(
                            file=attachment.filename))
                manifest["members"][f"files/{sha}"] = {"sha256": sha, "size": size}
                report(progress, number, len(attachments), attachment.filename)
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out


def read_archive(path: Path, parsed: ParsedFile, progress: Progress | None = None
                 ) -> ParsedFile:
    """An archive as proposed items; every member is verified before it is trusted."""
    name = parsed.filename
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(archive, name)
            members = manifest["members"]
            _check_sizes(archive, members, name)
            for number, (member, meta) in enumerate(members.items(), start=1):
                _verify(archive, member, meta, name)
                report(progress, number, len(members), "Checking the archive")
            with archive.open("items.json") as handle:
                body = handle.read(MAX_ITEMS_JSON + 1)
            if len(body) > MAX_ITEMS_JSON:
                raise too_large(name, "items.json", MAX_ITEMS_JSON)
            data = json.loads(body.decode("utf-8"))
    except zipfile.BadZipFile:
        raise UnreadableFileError(_("“{name}” is a damaged zip file, so it cannot be "
                                    "imported; nothing was changed.").format(
                                        name=name)) from None
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError):
        raise damaged(name) from None
    parsed.format = "archive"
    parsed.keep_file = False
    parsed.title = (_("Archive of {name}").format(name=manifest["person"])
                    if manifest.get("person") else _("Archive of a person"))
    if not isinstance(data, dict) or not isinstance(data.get("person"), dict):
        raise damaged(name)
    person = data["person"]
    _check_row(Person, person, name)
    parsed.person = {k: person.get(k) for k in Person.specs()
                     if k != "primary_provider_id" and person.get(k) is not None}
    parsed.person_origin = person.get("origin") or None
    parsed.person_stamps = _stamps(person, name)
    if person.get("primary_provider_id"):
        parsed.person_links["primary_provider_id"] = f"provider:{person['primary_provider_id']}"
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise damaged(name)
    for type_name, rows in items.items():
        if type_name not in TYPES or type_name == "person":
            parsed.skipped[f"unknown kind “{type_name}”"] += 1
            continue
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise damaged(name)
        for row in rows:
            _check_row(TYPES[type_name], row, name)
            parsed.items.append(_proposed(type_name, row, path, members, name))
    return parsed


def _check_row(cls: type[Any], row: dict[str, Any], name: str) -> None:
    """Every value of an archived item has the shape its field needs (a list never passes
    for a name), and reads as the store would read it; else the archive is damaged."""
    for field_name, spec in cls.specs().items():
        value = row.get(field_name)
        if value is None:
            continue
        whole = isinstance(value, int) and not isinstance(value, bool)
        fits = {"ref": whole, "int": whole, "bool": isinstance(value, bool),
                "number": whole or isinstance(value, float)}.get(spec.kind,
                                                                isinstance(value, str))
        if not fits:
            raise damaged(name)
    if cls is not Person and not (isinstance(row.get("id"), int)
                                  and not isinstance(row.get("id"), bool)):
        raise damaged(name)
    if row.get("origin") is not None and not isinstance(row.get("origin"), str):
        raise damaged(name)
    values = {k: row[k] for k, spec in cls.specs().items()
              if spec.kind != "ref" and row.get(k) is not None}
    try:
        clean(cls, values, partial=True)
    except ValidationError:
        raise damaged(name) from None
    if any(spec.required and spec.kind != "ref" and values.get(k) in (None, "")
           for k, spec in cls.specs().items()):
        raise damaged(name)


def _stamps(row: dict[str, Any], name: str) -> tuple[str, str] | None:
    """The item's (created_at, updated_at), checked; None when the archive has none."""
    created, updated = row.get("created_at"), row.get("updated_at")
    if created is None and updated is None:
        return None
    if not (is_stamp(created) and is_stamp(updated)):
        raise damaged(name)
    return str(created), str(updated)


def too_large(name: str, member: str, cap: int) -> UnreadableFileError:
    """The refusal for an archive holding more than the organizer reads."""
    return UnreadableFileError(_(
        "“{name}” holds more than the organizer can import safely ({member} is over "
        "{limit} MB), so it was not imported; nothing was changed.").format(
            name=name, member=member, limit=format_number(cap // 1024 ** 2)))


def _check_sizes(archive: zipfile.ZipFile, members: dict[str, Any], name: str) -> None:
    """Every member, as the manifest and the zip announce it, within its cap."""
    total = 0
    for member, meta in members.items():
        cap = MAX_ITEMS_JSON if member == "items.json" else MAX_MEMBER
        info = archive.NameToInfo.get(member)
        size = max(meta["size"], info.file_size if info is not None else 0)
        if size > cap:
            raise too_large(name, member, cap)
        total += size
        if total > MAX_TOTAL:
            raise too_large(name, "the whole archive", MAX_TOTAL)


def _manifest(archive: zipfile.ZipFile, name: str) -> dict[str, Any]:
    """The manifest, checked for the shape the organizer writes before anything trusts it."""
    try:
        with archive.open("manifest.json") as handle:
            text = handle.read(MAX_MANIFEST + 1)
    except KeyError:
        raise unrecognised(name) from None
    if len(text) > MAX_MANIFEST:
        raise too_large(name, "manifest.json", MAX_MANIFEST)
    try:
        manifest = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged(name) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged(name)
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(name)
    if version > VERSION:
        raise UnreadableFileError(_("“{name}” was made by a newer version of the organizer. "
                                    "Update the organizer, then import it again.").format(
                                        name=name))
    for key in ("app_version", "exported_at", "person"):
        if manifest.get(key) is not None and not isinstance(manifest[key], str):
            raise damaged(name)
    members = manifest.get("members")
    if not isinstance(members, dict) or "items.json" not in members:
        raise damaged(name)
    for member, meta in members.items():
        if not isinstance(meta, dict):
            raise damaged(name)
        sha, size = meta.get("sha256"), meta.get("size")
        if not (isinstance(sha, str) and len(sha) == 64 and set(sha) <= _HEX
                and isinstance(size, int) and not isinstance(size, bool) and size >= 0):
            raise damaged(name)
        if member.startswith("files/") and member[6:] != sha:
            raise damaged(name)
    for member in members:
        if member != "items.json" and not (
                member.startswith("files/") and len(member) == 70 and
                all(c in "0123456789abcdef" for c in member[6:])):
            raise UnreadableFileError(_("“{name}” lists an unexpected file ({member}); it "
                                        "was not imported.").format(name=name, member=member))
    return manifest


def _verify(archive: zipfile.ZipFile, member: str, meta: Any, name: str) -> None:
    """The member's size and SHA-256 match the manifest (read in chunks: bounded memory)."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise UnreadableFileError(_("“{name}” is incomplete ({member} is missing); nothing "
                                    "was imported.").format(name=name, member=member)) from None
    if info.file_size != meta.get("size"):
        raise UnreadableFileError(_("“{name}” is damaged ({member} has the wrong size); "
                                    "nothing was imported.").format(name=name, member=member))
    with archive.open(info) as handle:
        sha, size = hash_stream(handle, limit=info.file_size)
    if sha != meta.get("sha256") or size != info.file_size:
        raise UnreadableFileError(_("“{name}” is damaged ({member} does not match its "
                                    "checksum); nothing was imported.").format(name=name,
                                                                              member=member))


def _proposed(type_name: str, row: dict[str, Any], path: Path,
              members: dict[str, Any], name: str) -> Proposed:
    cls = TYPES[type_name]
    values: dict[str, Any] = {}
    links: dict[str, str] = {}
    for field_name, spec in cls.specs().items():
        value = row.get(field_name)
        if spec.kind == "ref":
            if value is not None and spec.ref is not None:
                links[field_name] = f"{spec.ref}:{value}"
            continue
        if value is not None:
            values[field_name] = value
    item = Proposed(type_name, values, key=f"{type_name}:{row.get('id')}", links=links,
                    origin=row.get("origin") or None, stamps=_stamps(row, name))
    if type_name == "record":
        attachments = row.get("attachments") or []
        if not isinstance(attachments, list):
            raise damaged(name)
        for attachment in attachments:
            if not isinstance(attachment, dict):
                raise damaged(name)
            sha, filename = attachment.get("sha256"), attachment.get("filename")
            if not isinstance(sha, str) or not isinstance(filename, (str, type(None))):
                raise damaged(name)
            member = f"files/{sha}"
            if member in members:
                item.files.append((filename or sha, ZipMember(path, member)))
    return item
