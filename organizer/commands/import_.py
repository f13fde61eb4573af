"""`organizer import FILE ... (--person P | --new-person)`: import FHIR, C-CDA or an archive.

No preview here (the app has one): every file is read and compared with the store first,
then all are added in one transaction; the command prints what it added. A file that
cannot be imported, or that names a different patient than --person (unless --force), is
refused with one line and nothing is imported, from that file or any other.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from organizer.commands.common import add_person_option, one_line, open_store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="a FHIR R4 bundle (.json), bulk NDJSON, a C-CDA document (.xml) "
                             "or a person archive (.zip)")
    group = parser.add_mutually_exclusive_group(required=True)
    add_person_option(group, required=False)  # type: ignore[arg-type]
    group.add_argument("--new-person", action="store_true",
                       help="make a new person from the patient named in the file")
    parser.add_argument("--force", action="store_true",
                        help="import even when the file names a different patient than "
                             "--person (the person's own details are never filled from it)")


def run(args: argparse.Namespace) -> int:
    from organizer.interop.plan import apply_plans, describe, plan_files

    paths = [Path(f) for f in args.files]
    with open_store(args) as store:
        person_id = None if args.new_person else store.find_person(args.person).id
        plans = plan_files(store, paths, person_id, force=args.force)
        results = apply_plans(store, plans)
    for (_, plan), result in zip(plans, results, strict=True):
        for line in describe(result, plan.parsed.filename):
            print(one_line(line))  # a file name may hold a line break
        if plan.mismatch is not None:
            name = plan.mismatch.person_name
            print(one_line(f"The file names {plan.mismatch.file_patient}; it was imported for "
                           f"{name} because of --force, and {name}’s own details were not "
                           "changed."))
    return 0
