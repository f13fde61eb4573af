"""`organizer change-passphrase`: the current passphrase from ORGANIZER_PASSPHRASE, the new
one from ORGANIZER_NEW_PASSPHRASE (or both asked for)."""

from __future__ import annotations

import argparse

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from organizer.encryption import change_passphrase
    from organizer.errors import OrganizerError
    from organizer.storage.db import is_encrypted

    root = data_root(args)
    if not is_encrypted(root / "organizer.db"):
        raise OrganizerError("This organizer is not encrypted. Turn encryption on with "
                             "`organizer encrypt`.")
    current = passphrase_from_user()
    new = passphrase_from_user("ORGANIZER_NEW_PASSPHRASE", "New passphrase: ", confirm=True)
    replaced = change_passphrase(root, current, new)
    print("The passphrase is changed, and the attached files are sealed under a new key.")
    if replaced:
        print(f"The {replaced} automatic backup(s) in the data folder were replaced by one "
              "made with the new passphrase.")
    print("Backups you saved elsewhere before today (a USB stick) still open with the old "
          "passphrase; make a new one and delete the old ones if that passphrase was seen.")
    return 0
