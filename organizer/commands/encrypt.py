"""`organizer encrypt`: turn encryption at rest on (new passphrase: ORGANIZER_NEW_PASSPHRASE
or asked twice). A lost passphrase cannot be recovered."""

from __future__ import annotations

import argparse
import sys

from organizer.commands.common import data_root, passphrase_from_user


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from organizer.encryption import encrypt_store

    new = passphrase_from_user("ORGANIZER_NEW_PASSPHRASE", "New passphrase: ", confirm=True)
    replaced = encrypt_store(data_root(args), new)
    print("Encryption is on. Keep the passphrase safe: if it is lost, nobody can open this "
          "organizer again, not even with help.")
    if replaced:
        print(f"The {replaced} automatic backup(s) made before were not encrypted; they were "
              "replaced by one encrypted backup.", file=sys.stdout)
    return 0
