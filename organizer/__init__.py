"""Second Opinion Organizer: the core (no Qt).

Everything the desktop app, the command line and the packet builder share lives here:
the item models, the store that validates and writes them, attachments, search and the
interchange formats. Nothing in this package may import Qt; a test enforces it.
"""

__version__ = "0.1.0"
