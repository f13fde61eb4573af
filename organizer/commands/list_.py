"""`organizer list TYPE --person P [--json]`: one kind of item of one person."""

from __future__ import annotations

import argparse
from typing import Any

from organizer.commands.common import (
    add_person_option,
    command_type,
    open_store,
    print_json,
)
from organizer.items.models import Item


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("type", metavar="TYPE")
    add_person_option(parser)
    parser.add_argument("--json", action="store_true")


def describe(item: Item) -> str:
    """One line for a terminal: the id, the title and the first few other values."""
    details = []
    for name, spec in item.specs().items():
        value = getattr(item, name)
        if name == item.TITLE_FIELD or value in (None, "", False) or spec.kind in (
                "ref", "longtext"):
            continue
        details.append(spec.label.lower() + " " + ("yes" if value is True else str(value)))
        if len(details) == 3:
            break
    line = f"{item.id:>5}  {item.title.splitlines()[0] if item.title else ''}"
    return line + (f"  ({'; '.join(details)})" if details else "")


def _add_studies(found: dict[int, list[Any]], rows: list[dict[str, Any]]) -> None:
    """DESIGN: a record that stands for an imaging disc has `studies` in its JSON."""
    if not found:
        return
    from organizer.disc.studies import studies_of

    for row in rows:
        if row["id"] in found:
            row["studies"] = studies_of(found[row["id"]])


def run(args: argparse.Namespace) -> int:
    cls = command_type(args.type)
    with open_store(args) as store:
        person = store.find_person(args.person)
        if cls.TYPE == "person":
            items: list[Item] = [person]
        else:
            items = store.list_items(cls.TYPE, person.id)
        discs = (store.disc_series([item.id for item in items])
                 if args.json and cls.TYPE == "record" and items else {})
    if args.json:
        rows = [item.to_dict() for item in items]
        _add_studies(discs, rows)
        print_json(rows)
    elif not items:
        from organizer.i18n import _, field_label

        print(_("No {kind} for {name}.").format(kind=field_label(cls.PLURAL).lower(),
                                                name=person.full_name))
    else:
        for item in items:
            print(describe(item))
    return 0
