"""What several commands share: opening the store, finding the person, printing JSON."""

from __future__ import annotations

import argparse
import sys

# Annotations only (never evaluated): `organizer people` should not pay for importing
# typing, json or pathlib before it needs them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from organizer.items.models import Item, Person
    from organizer.storage.store import Store


def data_root(args: argparse.Namespace) -> Path:
    from pathlib import Path

    from organizer.storage.paths import default_data_dir

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def command_type(name: str) -> type[Item]:
    """The item type a TYPE word names; an unknown word is a usage error (exit 2)."""
    from organizer.errors import UsageError
    from organizer.i18n import _
    from organizer.items.models import TYPES

    if name not in TYPES:
        raise UsageError(_("“{name}” is not a kind of item. Use one of: {types}.").format(
            name=name, types=", ".join(TYPES)))
    return TYPES[name]


def open_store(args: argparse.Namespace, sweep: bool = True) -> Store:
    """The store of --data-dir; an encrypted one is opened with the passphrase
    (ORGANIZER_PASSPHRASE, or asked for on a terminal). `sweep`: see Store."""
    from organizer.errors import LockedError
    from organizer.opening import open_store
    from organizer.storage.db import is_encrypted

    root = data_root(args)
    passphrase = None
    if is_encrypted(root / "organizer.db"):
        passphrase = passphrase_from_user()
    try:
        return open_store(root, passphrase=passphrase, sweep=sweep)
    except LockedError:
        if passphrase is not None:
            raise
        # The start finished a switch a crash had interrupted (encryption turned on): the
        # store is encrypted now, so the passphrase is needed after all.
        return open_store(root, passphrase=passphrase_from_user(), sweep=sweep)


def passphrase_from_user(env: str = "ORGANIZER_PASSPHRASE", prompt: str = "Passphrase: ",
                         confirm: bool = False) -> str:
    """A passphrase from the environment, or typed at a terminal (never echoed).

    Without a terminal and without the variable, a one-line error: a script must not hang
    waiting for a prompt nobody sees.
    """
    import os

    from organizer.errors import LOCKED_MESSAGE, LockedError, OrganizerError
    from organizer.i18n import _

    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        if env == "ORGANIZER_PASSPHRASE":
            raise LockedError(LOCKED_MESSAGE)
        raise OrganizerError(_("Give the new passphrase in {variable} (or run the command in "
                               "a terminal to be asked). Nothing was changed.").format(
                                   variable=env))
    import getpass

    typed = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Type it again: ")) != typed:
        raise OrganizerError(_("The two passphrases are not the same. Nothing was changed."))
    if not typed:
        raise OrganizerError(_("No passphrase was typed. Nothing was changed."))
    return typed


# How --person tells an id from a name (Store.find_person; the README says the same).
PERSON_HELP = ("the person: an id or a full name (any case); #12 or id:12 is always an id, "
               "name:1984 always a name; a bare number is an id, or else a name")


def add_person_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--person", "-p", required=required, metavar="P", help=PERSON_HELP)


def find_person(store: Store, ref: str) -> Person:
    return store.find_person(ref)


# Characters that would break a message line in a terminal or turn the rest of it around:
# controls (line breaks, escape sequences), line/paragraph separators, and the bidi marks,
# embeddings, overrides and isolates ("\u202e" makes "fdp.exe" look like "exe.pdf").
_UNSAFE = {*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, 0x061C, 0x200E,
           0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def one_line(text: str) -> str:
    """`text` as one line that shows what it holds: a file name with a line break or a
    direction override in it is written with the escape ("\\n", "\\u202e"), so a
    note about one file is one line and reads the way the characters are stored."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code not in _UNSAFE:
            out.append(ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        else:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def not_available(name: str) -> int:
    from organizer.i18n import _

    print("organizer: " + _("“{name}” is not available yet.").format(name=name),
          file=sys.stderr)
    return 2
