"""`organizer decrypt`: turn encryption at rest off (needs the passphrase)."""

from __future__ import annotations

import argparse

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from organizer.encryption import decrypt_store
    from organizer.errors import OrganizerError
    from organizer.i18n import _
    from organizer.storage.db import is_encrypted

    root = data_root(args)
    if not is_encrypted(root / "organizer.db"):
        raise OrganizerError(_("This organizer is not encrypted; there is nothing to turn "
                               "off."))
    decrypt_store(root, passphrase_from_user())
    print(_("Encryption is off: the organizer's data is no longer protected by a "
            "passphrase."))
    return 0
