"""`organizer backup -o FILE`: the whole store (database, files, checksums) in one zip.

The backup is read back and checked before the command says it is done. A backup of an
encrypted store is encrypted with the same passphrase.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from organizer.commands.common import open_store


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the backup file to write (a .zip; - for standard output)")


def run(args: argparse.Namespace) -> int:
    from organizer.safety.backup import create_backup

    with open_store(args) as store:
        info = create_backup(store, Path(args.output))
    locked = " It is encrypted: restoring it needs the passphrase." if info.encrypted else ""
    where = "to standard output" if args.output == "-" else str(info.path)
    # With `-o -` the zip is on standard output: what is said goes beside it, on stderr.
    print(f"Backup written and verified: {where} ({info.files} attached file(s), "
          f"{info.size / 1_000_000:.1f} MB).{locked}",
          file=sys.stderr if args.output == "-" else sys.stdout)
    return 0
