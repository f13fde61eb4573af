"""`organizer demo`: add the demo household (running it twice adds nothing twice)."""

from __future__ import annotations

import argparse

from organizer.commands.common import open_store


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    """`--lang es` (or the language chosen before the command) adds the Spanish-speaking
    household; its summary is printed in that language."""
    from collections import Counter

    from organizer.demo.household import add_demo, demo_people_present
    from organizer.i18n import _
    from organizer.items.counts import count_of
    from organizer.items.models import TYPES

    with open_store(args) as store:
        change = add_demo(store, lang=args.lang)
        if not change:
            names = ", ".join(demo_people_present(store))
            print(_("The demo people are already in the organizer ({names}); nothing was "
                    "added.").format(names=names))
            return 0
        people = [store.person(c.id).full_name for c in change.items
                  if c.type == "person" and c.action == "added"]
        files = sum(len(store.attachments(c.id)) for c in change.items
                    if c.type == "record" and c.action == "added")
    counts = Counter(c.type for c in change.items if c.action == "added")
    parts = [count_of(t, counts[t]) for t in TYPES if t != "person" and counts[t]]
    print(_("Added the demo household: {names}.").format(names=", ".join(people)))
    print(_("With them: {items}, and {files}.").format(items=", ".join(parts),
                                                       files=count_of("file", files)))
    return 0
