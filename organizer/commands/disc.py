"""`organizer disc PATH --person P [--copy-images] [--title T] [--force]`: add an imaging disc.

Prints the studies found, one line each, then anything skipped (one line per problem),
then the new record's id alone on the last line, as `add` does.
"""

from __future__ import annotations

import argparse

from organizer.commands.common import add_person_option, open_store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH",
                        help="the disc's folder (or a mounted disc), or its DICOMDIR")
    add_person_option(parser)
    parser.add_argument("--copy-images", action="store_true",
                        help="also copy every image into the organizer (not only the key "
                             "images)")
    parser.add_argument("--title", metavar="T", help="the record's title")
    parser.add_argument("--force", action="store_true",
                        help="add the disc even though it names another patient")


def run(args: argparse.Namespace) -> int:
    from organizer.disc.index import read_disc
    from organizer.disc.save import preview, save_disc
    from organizer.disc.studies import describe_study

    with open_store(args) as store:
        person = store.find_person(args.person)
        index = read_disc(args.path)
        saved = save_disc(store, person.id, index, title=args.title,
                          copy_images=args.copy_images, force=args.force)
    for study in preview(index):
        print(describe_study(study))
    shown = saved.problems[:20]
    for problem in shown:
        print(f"Skipped: {problem}")
    if len(saved.problems) > len(shown):
        print(f"Skipped: {len(saved.problems) - len(shown)} more problem(s) not shown.")
    print(saved.record_id)
    return 0
