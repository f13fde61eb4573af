"""`organizer restore FILE`: put a backup in place of the current store.

Every checksum in the backup is verified first; a damaged backup is refused and nothing
changes. What was replaced (if there was a store) is kept in backups/before-restore-*. An
encrypted backup needs the passphrase it was made with (ORGANIZER_PASSPHRASE, or asked for).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a backup made by `organizer backup`")


def run(args: argparse.Namespace) -> int:
    from organizer.i18n import _
    from organizer.safety.backup import backup_is_encrypted, restore_backup, verify_backup

    source = Path(args.file)
    verify_backup(source)
    passphrase = None
    if backup_is_encrypted(source):
        from organizer.errors import LockedError

        try:
            passphrase = passphrase_from_user(prompt=_("Passphrase of the backup: "))
        except LockedError:
            raise LockedError(_("This backup is locked with a passphrase. Give the passphrase "
                                "it was made with (set ORGANIZER_PASSPHRASE, or run the "
                                "command in a terminal to be asked). Nothing was "
                                "changed.")) from None
    kept = restore_backup(data_root(args), source, passphrase)
    said = _("Restored from {file}.").format(file=source)
    if kept:
        said += " " + _("What it replaced is kept in {file}.").format(file=kept)
    print(said)
    return 0
