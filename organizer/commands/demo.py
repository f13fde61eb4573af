"""`organizer demo`: add the demo household (running it twice adds nothing twice)."""

from __future__ import annotations

import argparse

from organizer.commands.common import open_store


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from organizer.demo.household import add_demo, demo_people_present
    from organizer.items.models import TYPES

    with open_store(args) as store:
        change = add_demo(store)
        if not change:
            names = ", ".join(demo_people_present(store))
            print(f"The demo people are already in the organizer ({names}); nothing was added.")
            return 0
        people = [store.person(c.id).full_name for c in change.items
                  if c.type == "person" and c.action == "added"]
        files = sum(len(store.attachments(c.id)) for c in change.items
                    if c.type == "record" and c.action == "added")
    counts = Counter(c.type for c in change.items if c.action == "added")
    parts = [f"{counts[t]} {_words(TYPES[t].LABEL.lower(), counts[t])}"
             for t in TYPES if t != "person" and counts[t]]
    print(f"Added the demo household: {', '.join(people)}.")
    print(f"With them: {', '.join(parts)}, and {files} attached PDF files.")
    return 0


def _words(label: str, count: int) -> str:
    """"journal entry" -> "journal entries" (the labels are all regular nouns)."""
    if count == 1:
        return label
    if label.endswith("y") and label[-2] not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"
