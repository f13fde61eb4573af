"""The command line (DESIGN, "The command line": a contract scripts depend on).

Only the chosen command's module is imported, so a quick command such as `people` does not
pay for Qt, reportlab or the importers. Every error the user can cause ends as one line on
stderr with exit status 1; a usage error exits 2; no traceback is ever shown (set
ORGANIZER_DEBUG=1 to see one). A failure nobody expected is written, as types and code
locations only, to the data folder's private error log (organizer.logs), and the line on
stderr says so in plain words.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from organizer import __version__

# command word -> (module under organizer.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("gui", "open the desktop app (--demo: on a fresh demo store in a temporary folder)"),
    "demo": ("demo", "add the demo people to the store (running it twice adds nothing twice)"),
    "people": ("people", "list people: id, full name, birth date"),
    "add": ("add", "add one item; prints the new id"),
    "list": ("list_", "list one kind of item of one person"),
    "search": ("search", "search every item and attachment text"),
    "disc": ("disc", "add an imaging disc (a folder or a mounted disc) as a record"),
    "import": ("import_", "import FHIR or C-CDA files"),
    "export": ("export", "export a person: archive, ips, ics or csv"),
    "packet": ("packet", "make the PDF packet for the second doctor"),
    "backup": ("backup", "write a backup of the whole store to one file"),
    "restore": ("restore", "restore the store from a backup file"),
    "check": ("check", "verify the database and every attachment's checksum"),
    "encrypt": ("encrypt", "turn encryption at rest on"),
    "decrypt": ("decrypt", "turn encryption at rest off"),
    "change-passphrase": ("change_passphrase", "change the encryption passphrase"),
}

USAGE = "organizer [--data-dir DIR] [--lang en|es] [COMMAND ...]"
LANG_HELP = ("the language of what the command writes: its messages, the packet, the printouts "
             "and the demo household (default: ORGANIZER_LANG, else the system's language)")


def _terminal_width() -> int:
    """What shutil.get_terminal_size() answers, without importing shutil (and with it zlib,
    bz2 and lzma), which argparse otherwise does for every parser and argument it makes."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         width if width is not None else _terminal_width() - 2)


def _top_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<18} {text}" for name, (_, text) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="organizer", usage=USAGE,
        description="Second Opinion Organizer: keep a family's health information on this "
                    "computer and make the packet for a second medical opinion.",
        epilog=f"commands:\n{lines}\n\nWith no command, the desktop app opens. "
               "`organizer COMMAND --help` tells more about one command.",
        formatter_class=_Formatter)
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the data folder (default: ORGANIZER_DATA_DIR or your user data "
                             "folder)")
    parser.add_argument("--lang", metavar="en|es", choices=("en", "es"), help=LANG_HELP)
    parser.add_argument("--version", action="version", version=f"organizer {__version__}")
    parser.add_argument("command", nargs="?", metavar="COMMAND")
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def command_parser(name: str, description: str) -> argparse.ArgumentParser:
    """The parser a command module starts from (it adds its own arguments)."""
    parser = argparse.ArgumentParser(prog=f"organizer {name}", description=description,
                                     formatter_class=_Formatter)
    parser.add_argument("--data-dir", metavar="DIR", default=None, help=argparse.SUPPRESS)
    # its own dest: `organizer --lang en demo --lang es` is the Spanish demo (the
    # command's own option wins over the one before the command)
    parser.add_argument("--lang", dest="command_lang", metavar="en|es", choices=("en", "es"),
                        default=None, help=LANG_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _top_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from organizer.i18n import _, set_default

    set_default(args.lang)
    name = args.command or "gui"
    if name not in COMMANDS:
        print("organizer: " + _("unknown command “{name}”. Commands: {commands}.").format(
            name=name, commands=", ".join(COMMANDS)), file=sys.stderr)
        return 2
    module_name, text = COMMANDS[name]
    from importlib import import_module

    module = import_module(f"organizer.commands.{module_name}")
    parser = command_parser(name, text)
    module.configure(parser)
    if getattr(module, "NOT_AVAILABLE", False):
        options, _unknown = parser.parse_known_args(args.rest)
    else:
        options = parser.parse_intermixed_args(args.rest)
    options.data_dir = options.data_dir or args.data_dir
    options.lang = set_default(options.command_lang or args.lang)
    from organizer.commands.common import data_root, one_line
    from organizer.logs import configure_logging

    configure_logging(data_root(options))
    try:
        return int(module.run(options))
    except KeyboardInterrupt:
        print("organizer: " + _("stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # every failure ends as one plain line, never a traceback
        if os.environ.get("ORGANIZER_DEBUG"):
            raise
        from organizer.errors import OrganizerError, UsageError
        from organizer.logs import known_cause, record_exception, unexpected_message

        if isinstance(exc, OrganizerError):
            message = str(exc)
        elif isinstance(exc, OSError) and exc.strerror and not known_cause(exc):
            record_exception(exc, f"command {name}")
            message = f"{exc.strerror} ({exc.filename or ''})".replace(" ()", "")
        else:
            message = unexpected_message(record_exception(exc, f"command {name}"), exc)
        # one line whatever the message quotes (a value typed with a line break in it)
        print(f"organizer: {one_line(message)}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
