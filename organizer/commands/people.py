"""`organizer people [--json]`: everyone in the store.

The plain listing takes organizer.storage.quick_read's fast path when it can (see there why);
`--json` prints every person field, so it reads full items through the Store.
"""

from __future__ import annotations

import argparse

from organizer.commands.common import one_line, open_store, print_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the person fields as JSON")


def run(args: argparse.Namespace) -> int:
    rows = None
    if not args.json:
        from organizer.storage import quick_read

        rows = quick_read.people(args.data_dir)
    if rows is None:
        with open_store(args) as store:
            people = store.people()
        if args.json:
            print_json([p.to_dict() for p in people])
            return 0
        rows = [(p.id, p.full_name, p.birth_date) for p in people]
    if not rows:
        from organizer.i18n import _

        print(_("No one is in the organizer yet. Add someone with: "
                "organizer add person full_name=\"…\""))
        return 0
    for person_id, full_name, born in rows:
        print(one_line(f"{person_id:>4}  {full_name}  {born or ''}".rstrip()))
    return 0
