"""`organizer add TYPE --person P FIELD=VALUE ... [--file PATH ...] [--no-ocr]`: add one item.

The record and its files are committed first; then the scanned pages among the files
(pictures, PDF pages without text) are read before the command returns, so that a script's
next `search` finds their words. `--no-ocr` leaves them unread ("skipped").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from organizer.commands.common import add_person_option, command_type, open_store
from organizer.errors import UsageError, ValidationError
from organizer.i18n import _, field_label


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("type", metavar="TYPE", help="person, provider, medication, record…")
    add_person_option(parser, required=False)
    parser.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
    parser.add_argument("--file", action="append", default=[], metavar="PATH",
                        help="attach a file to the new record (may be repeated)")
    parser.add_argument("--no-ocr", action="store_true",
                        help="do not read the text of scanned pages in the files")


def parse_assignments(type_name: str, words: list[str]) -> dict[str, Any]:
    """FIELD=VALUE words as a dict; `NAME=` is taken for the link field `NAME_id`."""
    cls = command_type(type_name)
    specs = cls.specs()
    values: dict[str, Any] = {}
    for word in words:
        name, sep, value = word.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(_("“{word}” is not FIELD=VALUE (for example "
                               "name=Metformin).").format(word=word))
        if name not in specs and f"{name}_id" in specs and specs[f"{name}_id"].kind == "ref":
            name = f"{name}_id"
        if name in values:
            raise ValidationError(_("{field} is given twice.").format(field=name), name)
        values[name] = value
    return values


def run(args: argparse.Namespace) -> int:
    cls = command_type(args.type)
    values = parse_assignments(args.type, args.fields)
    files = [Path(f) for f in args.file]
    if files and cls.TYPE != "record":
        raise ValidationError(_("Only a record can have files attached (--file)."))
    for path in files:
        if not path.is_file():
            from organizer.storage.attachments import not_a_file

            raise ValidationError(not_a_file(path))
    with open_store(args) as store:
        if cls.TYPE == "person":
            if args.person:
                raise UsageError(_("`add person` takes no --person."))
            change = store.add("person", values)
        else:
            if not args.person:
                raise UsageError(_("Say whose {kind} this is: --person NAME.").format(
                    kind=field_label(cls.LABEL).lower()))
            person = store.find_person(args.person)
            with store.transaction():
                # A case someone starts comes with the ten steps of a second opinion.
                change = store.add(cls.TYPE, values, person_id=person.id,
                                   checklist=cls.TYPE == "case")
                for path in files:
                    store.attach_file(change.id, path, read_scan=not args.no_ocr)
            if files:
                _too_large_notes(store, change.id)
            if files and not args.no_ocr:
                _read_scans(store, change.id)
    print(change.id)
    return 0


def _too_large_notes(store: Any, record_id: int) -> None:
    """Say which files were kept without their text read (too large to read safely)."""
    from organizer.storage.attachments import TOO_LARGE, too_large_note

    for attachment in store.attachments(record_id):
        if attachment.text_status == TOO_LARGE:
            print(f"organizer: note: {too_large_note(attachment.filename, attachment.size)}",
                  file=sys.stderr)


def _read_scans(store: Any, record_id: int) -> None:
    """Read the new record's scanned pages (outside the write: it takes seconds a page)."""
    from organizer.scan.read import read_pending

    waiting = [a.id for a in store.attachments(record_id) if a.scan_status == "pending"]
    if not waiting:
        return
    read_pending(store, only=waiting)
    if any(a.scan_status == "unavailable" for a in store.attachments(record_id)):
        import sys

        from organizer.scan.ocr import MISSING_DATA

        print(f"Note: the record was added, but its scanned pages were not read. {MISSING_DATA}",
              file=sys.stderr)
