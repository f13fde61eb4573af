"""Which palette is on screen: one small module that the icons read at each paint
(ui/icons.py) without importing the rest of the theme, which imports the icons."""

from __future__ import annotations

from ui.theme.palette import LIGHT, Palette

_current: Palette = LIGHT


def current() -> Palette:
    """The palette on screen."""
    return _current


def set_current(palette: Palette) -> None:
    global _current
    _current = palette
