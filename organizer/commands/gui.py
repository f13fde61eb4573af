"""`organizer gui [--demo]` (and `organizer` with no command): open the desktop app."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true",
                        help="open on a fresh demo store in a temporary folder")


def run(args: argparse.Namespace) -> int:
    from ui.app import main as gui_main

    return gui_main(data_dir=args.data_dir, demo=args.demo)
