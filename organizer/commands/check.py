"""`organizer check [--repair]`: verify the database and every attachment's checksum.

Exits 1 only for damage; orphaned files and leftovers are listed but are not damage.
With --repair, orphaned files are moved aside into `set-aside/` in the data folder (never
deleted) and crash leftovers are removed.
"""

from __future__ import annotations

import argparse

from organizer.commands.common import one_line, open_store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--repair", action="store_true",
                        help="move orphaned files aside into set-aside/ (nothing is deleted)")


def run(args: argparse.Namespace) -> int:
    from organizer.safety.check import check_store, repair

    with open_store(args, sweep=False) as store:  # leftovers stay, to be listed
        report = check_store(store)
        if args.repair:
            repair(store, report)
    # one line per file, whatever its name holds (a line break, a direction override)
    for line in report.damage:
        print(f"DAMAGE  {one_line(line)}")
    for line in report.notes:
        print(f"note    {one_line(line)}")
    for line in report.repaired:
        print(f"repair  {one_line(line)}")
    verdict = "OK" if report.ok else "PROBLEMS FOUND"
    print(f"{verdict}: database checked, {report.attachments_checked} attachment(s) verified, "
          f"{len(report.damage)} problem(s), {len(report.notes)} note(s)."
          + (" Restore from a backup to mend the damage (`organizer restore FILE`)."
             if not report.ok else ""))
    return 0 if report.ok else 1
