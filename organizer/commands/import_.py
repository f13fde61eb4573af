"""`organizer import FILE ... (--person P | --new-person)`: import FHIR, C-CDA or an archive.

No preview here (the app has one): each file is read, compared with the store, and added
in one transaction; the command prints what it added. A file that cannot be imported is
refused with one line and changes nothing (files before it stay imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from organizer.commands.common import add_person_option, open_store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="a FHIR R4 bundle (.json), bulk NDJSON, a C-CDA document (.xml) "
                             "or a person archive (.zip)")
    group = parser.add_mutually_exclusive_group(required=True)
    add_person_option(group, required=False)  # type: ignore[arg-type]
    group.add_argument("--new-person", action="store_true",
                       help="make a new person from the patient named in the file")


def run(args: argparse.Namespace) -> int:
    from organizer.interop.plan import apply_plan, describe, make_plan
    from organizer.interop.reader import read_file

    paths = [Path(f) for f in args.files]
    with open_store(args) as store:
        person_id = None if args.new_person else store.find_person(args.person).id
        for path in paths:
            parsed = read_file(path)
            plan = make_plan(store, parsed, person_id)
            result = apply_plan(store, plan, source=path)
            for line in describe(result, parsed.filename):
                print(line)
    return 0
