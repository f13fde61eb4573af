"""`organizer people [--json]`: everyone in the store."""

from __future__ import annotations

import argparse

from organizer.commands.common import open_store, print_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the person fields as JSON")


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        people = store.people()
    if args.json:
        print_json([p.to_dict() for p in people])
        return 0
    if not people:
        print("No one is in the organizer yet. Add someone with: "
              "organizer add person full_name=\"…\"")
        return 0
    for person in people:
        born = person.birth_date or ""
        print(f"{person.id:>4}  {person.full_name}  {born}".rstrip())
    return 0
