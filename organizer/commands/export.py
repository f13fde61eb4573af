"""`organizer export --person P --format archive|ips|ics|csv -o OUT`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from organizer.commands.common import add_person_option, open_store


def configure(parser: argparse.ArgumentParser) -> None:
    add_person_option(parser)
    parser.add_argument("--format", "-f", required=True,
                        choices=["archive", "ips", "ics", "csv"],
                        help="archive: everything, with files (zip); ips: patient summary "
                             "(FHIR JSON); ics: visits (calendar); csv: medications")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write (- for standard output)")


def run(args: argparse.Namespace) -> int:
    from organizer.interop.exports import export

    with open_store(args) as store:
        person = store.find_person(args.person)
        written = export(store, person.id, args.format, Path(args.output))
    # With `-o -` the export is on standard output: what is said goes beside it, on stderr.
    if args.output == "-":
        print(f"Wrote the {args.format} export for {person.full_name} to standard output.",
              file=sys.stderr)
    else:
        print(f"Wrote {written} ({args.format}) for {person.full_name}.")
    return 0
