"""`organizer change-passphrase`: not built yet; says so and exits 2."""

from __future__ import annotations

import argparse

from organizer.commands.common import not_available

NOT_AVAILABLE = True


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    return not_available("change-passphrase")
