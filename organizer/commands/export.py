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
    from organizer.i18n import _

    if args.output == "-":
        print(_("Wrote the {format} export for {name} to standard output.").format(
            format=args.format, name=person.full_name), file=sys.stderr)
    else:
        print(_("Wrote {file} ({format}) for {name}.").format(
            file=written, format=args.format, name=person.full_name))
    return 0
