"""`organizer check`: verify the database and every attachment's checksum.

Exits 1 only for damage; orphaned files and leftovers are listed but are not damage.
"""

from __future__ import annotations

import argparse

from organizer.commands.common import open_store


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = store.check()
    for line in report.damage:
        print(f"DAMAGE  {line}")
    for line in report.notes:
        print(f"note    {line}")
    verdict = "OK" if report.ok else "PROBLEMS FOUND"
    print(f"{verdict}: database checked, {report.attachments_checked} attachment(s) verified, "
          f"{len(report.damage)} problem(s), {len(report.notes)} note(s).")
    return 0 if report.ok else 1
