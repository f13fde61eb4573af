"""`organizer encrypt`: turn encryption at rest on. The passphrase to lock it with comes from
ORGANIZER_PASSPHRASE (DESIGN: the passphrase always comes from there; ORGANIZER_NEW_PASSPHRASE
is accepted too), or is asked twice on a terminal. A lost passphrase cannot be recovered."""

from __future__ import annotations

import argparse
import os
import sys

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from organizer.encryption import encrypt_store
    from organizer.errors import OrganizerError
    from organizer.i18n import _, ngettext

    env = next((name for name in ("ORGANIZER_PASSPHRASE", "ORGANIZER_NEW_PASSPHRASE")
                if os.environ.get(name)), None)
    if env is None and not sys.stdin.isatty():
        raise OrganizerError(_("Give the passphrase to lock the organizer with in "
                               "ORGANIZER_PASSPHRASE (or run the command in a terminal to be "
                               "asked). Nothing was changed."))
    new = passphrase_from_user(env or "ORGANIZER_PASSPHRASE", _("New passphrase: "),
                               confirm=True)
    replaced = encrypt_store(data_root(args), new)
    print(_("Encryption is on. Keep the passphrase safe: if it is lost, nobody can open this "
            "organizer again, not even with help."))
    if replaced:
        print(ngettext("The {n} automatic backup made before was not encrypted; it was "
                       "replaced by one encrypted backup.",
                       "The {n} automatic backups made before were not encrypted; they were "
                       "replaced by one encrypted backup.", replaced).format(n=replaced),
              file=sys.stdout)
    return 0
