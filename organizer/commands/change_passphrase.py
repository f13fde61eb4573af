"""`organizer change-passphrase`: the current passphrase from ORGANIZER_PASSPHRASE, the new
one from ORGANIZER_NEW_PASSPHRASE (or both asked for)."""

from __future__ import annotations

import argparse

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from organizer.db import is_encrypted
    from organizer.encryption import change_passphrase
    from organizer.errors import OrganizerError

    root = data_root(args)
    if not is_encrypted(root / "organizer.db"):
        raise OrganizerError("This organizer is not encrypted. Turn encryption on with "
                             "`organizer encrypt`.")
    current = passphrase_from_user()
    new = passphrase_from_user("ORGANIZER_NEW_PASSPHRASE", "New passphrase: ", confirm=True)
    change_passphrase(root, current, new)
    print("The passphrase is changed. Backups made before still open with the old one.")
    return 0
