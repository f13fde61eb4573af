"""The window's menus and main actions, by name.

Code that adds to the menus (the session's Back up and Security) reaches them here instead
of finding a menu by its position in the bar, which broke silently whenever a menu moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


@dataclass(eq=False)
class Menus:
    file: QMenu
    edit: QMenu
    view: QMenu
    person: QMenu
    help: QMenu
    printouts: QMenu  # File › Print a list
    quit: QAction  # the last of File: what the session adds goes before it
    import_files: QAction
    export: QAction
    packet: QAction
    disc: QAction
    undo: QAction
    redo: QAction
    new_item: QAction
    delete_item: QAction
    find: QAction
    appearance: QMenu  # View › Appearance: System, Light, Dark
    # enabled only while a person is chosen (not on the welcome page)
    for_a_person: list[QAction] = field(default_factory=list)
