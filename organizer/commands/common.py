"""What several commands share: opening the store, finding the person, printing JSON."""

from __future__ import annotations

import argparse
import sys

# Annotations only (never evaluated): `organizer people` should not pay for importing
# typing, json or pathlib before it needs them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from organizer.models import Person
    from organizer.store import Store


def open_store(args: argparse.Namespace) -> Store:
    from pathlib import Path

    from organizer.store import Store

    return Store(Path(args.data_dir) if args.data_dir else None)


def add_person_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--person", "-p", required=required, metavar="P",
                        help="the person: an id or a full name (any case)")


def find_person(store: Store, ref: str) -> Person:
    return store.find_person(ref)


def print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def not_available(name: str) -> int:
    print(f"organizer: “{name}” is not available yet.", file=sys.stderr)
    return 2
