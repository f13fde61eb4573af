"""The few values of Qt's namespace (`Qt`) that the window's first frame needs, as numbers.

PySide6 makes all of the ~90 enums of Qt's namespace as Python enums the first time any of
them is used: about 11 ms on the bench machine, an eighth of what a bare QMainWindow takes
to its first frame. So the modules imported before that frame import `Qt` inside the
functions that run later, and name here, as the plain numbers Qt's C++ API takes, the
values the first frame itself needs. tests/ui/test_ui_lazy.py checks on a real start that
`Qt` is not made before the first paint, and that these numbers are Qt's.

The same holds for a class: `QAction(text, parent)` weighs its overloads against
`QAction(icon, text, parent)` and so makes QIcon's class (its ThemeIcon enum has 151
members), which `QAction(parent)` then `setText(text)` does not.

Not every value can be a number: Signal.connect accepts an int for its connection type
and silently makes a direct connection of it, which is why the error reporter posts its
reports as events instead of naming Qt.ConnectionType.QueuedConnection.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea

# Qt.ItemDataRole.UserRole: item views take a role as a plain int.
USER_ROLE = 256

_SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def no_sideways_scroll(view: QAbstractScrollArea) -> None:
    """`view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)`, through
    Qt's property system, which takes the enum's number."""
    view.setProperty("horizontalScrollBarPolicy", _SCROLL_BAR_ALWAYS_OFF)
