"""Our names for icons, drawn from one icon set (Phosphor, MIT, through qtawesome's font).

Every icon is a `ThemedIconEngine`: it draws its glyph at the size asked, so it is crisp
at any zoom and on any screen, in the colour its palette role has in the palette on screen
at the moment it is painted, so a switch to dark mode recolours every icon with no
bookkeeping. qtawesome (and its font) is imported at the first paint of an icon, which the
window leaves for after its first frame (ui/first_frame.py); the font is read from the
package's own files, never from the network, and only Phosphor's font is loaded (not the
dozen sets qtawesome's shared instance loads, nor copied into the user's fonts folder as
that instance does on Windows).

Licences: resources/icons/LICENSES.md.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap

# our name -> Phosphor's, drawn in its bold weight (WEIGHT): the regular line is under a
# pixel wide at 16-20 px, too faint for tired eyes
NAMES: dict[str, str] = {
    # sections
    "overview": "house",
    "cases": "chats-circle",
    "diagnoses": "heartbeat",
    "medications": "pill",
    "records": "files",
    "questions": "chat-circle-text",
    "visits": "calendar-check",
    "care_team": "identification-card",
    "history": "clock-counter-clockwise",
    "journal": "notebook",
    "people": "users",
    # actions
    "add": "plus-circle",
    "delete": "trash",
    "edit": "pencil-simple",
    "import": "download-simple",
    "export": "upload-simple",
    "packet": "file-pdf",
    "print": "printer",
    "search": "magnifying-glass",
    "undo": "arrow-counter-clockwise",
    "redo": "arrow-clockwise",
    "lock": "lock-simple",
    "backup": "floppy-disk",
    "disc": "disc",
    "files": "file-plus",
    "help": "question",
    "appearance": "circle-half",
    # statuses
    "done": "check-circle",
    "waiting": "hourglass-medium",
    "late": "warning-circle",
    "disagree": "x-circle",
}

# a section's key (ui/pages SECTIONS) -> its icon's name
SECTION_ICONS: dict[str, str] = {
    "overview": "overview", "cases": "cases", "conditions": "diagnoses",
    "medications": "medications", "records": "records", "questions": "questions",
    "visits": "visits", "care_team": "care_team", "history": "history", "journal": "journal",
}

_PREFIX = "ph"
WEIGHT = "-bold"
_font: Any = None  # qtawesome's IconicFont holding Phosphor only, made at the first paint


def _iconic() -> Any:
    global _font
    if _font is None:
        os.environ.setdefault("QT_API", "pyside6")  # qtpy: our binding, whatever else is there
        import qtawesome
        from qtawesome.iconic_font import IconicFont

        fonts = os.path.join(os.path.dirname(qtawesome.__file__), "fonts")
        _font = IconicFont((_PREFIX, "phosphor-1.3.0.ttf", "phosphor-charmap-1.3.0.json",
                            fonts))
    return _font


def glyph_exists(name: str) -> bool:
    """Whether the icon set has our icon `name` (the test of every name asks)."""
    return NAMES[name] + WEIGHT in _iconic().charmap[_PREFIX]


class ThemedIconEngine(QIconEngine):
    """Draws one glyph in a palette role's colour of the palette on screen when painted."""

    def __init__(self, name: str, role: str) -> None:
        super().__init__()
        self.name = name
        self.role = role

    def colour(self, mode: QIcon.Mode) -> str:
        from ui.theme.state import current

        palette = current()
        if mode == QIcon.Mode.Disabled:
            return palette.text_disabled
        if mode == QIcon.Mode.Selected and self.role in ("text", "text_muted"):
            return palette.on_accent_soft
        return palette.role(self.role)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        glyph = _iconic().icon(f"{_PREFIX}.{NAMES[self.name]}{WEIGHT}", color=self.colour(mode),
                               scale_factor=1.1)
        glyph.paint(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        # drawn at the screen's own pixels (a 200% screen gets a 40 px glyph for 20 px)
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)),
                             mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return ThemedIconEngine(self.name, self.role)

    def key(self) -> str:
        return "organizer-themed"

    def iconName(self) -> str:
        return self.name


def icon(name: str, role: str = "text_muted") -> QIcon:
    """Our icon `name` (see NAMES), drawn in palette role `role` ("accent", "on_accent",
    a status's role…); KeyError for a name we do not have."""
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    return QIcon(ThemedIconEngine(name, role))


def app_icon() -> QIcon:
    """The app's own icon (window, taskbar, About): resources/icons/organizer.svg."""
    from pathlib import Path

    import resources

    return QIcon(str(Path(resources.__file__).parent / "icons" / "organizer.svg"))
