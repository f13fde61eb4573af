"""`organizer search TEXT [--person P] [--json]`: find items and attachment text."""

from __future__ import annotations

import argparse

from organizer.commands.common import add_person_option, open_store, print_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", metavar="TEXT")
    add_person_option(parser, required=False)
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from organizer.items.models import TYPES

    text = " ".join(args.text)
    with open_store(args) as store:
        person_id = store.find_person(args.person).id if args.person else None
        hits = store.search(text, person_id)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
        return 0
    from organizer.i18n import _, field_label

    if not hits:
        print(_("Nothing found for “{text}”.").format(text=text))
    for hit in hits:
        snippet = " ".join(hit.snippet.split())
        print(f"{field_label(TYPES[hit.type].LABEL)} {hit.id}: {hit.title.splitlines()[0]} "
              f"— {snippet}")
    return 0
