"""The app's colours, light and dark, as named roles (no Qt: the contrast test reads them).

One accent (a calm blue), soft page backgrounds, white cards; every colour is named for
what it does, not how it looks, so the stylesheet, the icons and the status helper ask
for "text_muted" or "focus" and get the right one in either palette. The pairs the
stylesheet puts together are checked against WCAG AA by tests/test_theme_contrast.py.
"""

from __future__ import annotations

from typing import NamedTuple


class Palette(NamedTuple):
    """Every colour the app uses, as "#rrggbb".

    A NamedTuple, not a frozen dataclass: Python 3.11 compiles a dataclass's methods from
    source, milliseconds before the first frame for 27 fields."""

    name: str  # "light" or "dark"
    window: str  # the page behind the cards
    surface: str  # cards, lists, tables, inputs
    surface_alt: str  # alternate rows, headers, the navigation, quiet buttons
    text: str  # body text on any of the three above
    text_muted: str  # hints, captions, placeholders (still AA on all three)
    text_disabled: str  # a control that cannot be used now (large-text contrast)
    border: str  # lines between parts (decoration only)
    control_border: str  # the edge of an input or button a person must find (3:1)
    accent: str  # primary buttons, the chosen section, links
    on_accent: str  # text and icons on the accent
    accent_hover: str  # a primary button under the pointer or pressed
    accent_soft: str  # the chosen row, the chosen section
    on_accent_soft: str  # text on accent_soft
    focus: str  # the focus ring (at least 2 px, 3:1 against what it sits on)
    error: str  # a refusal beside a field
    success: str  # status: done
    waiting: str  # status: waiting
    late: str  # status: late
    disagree: str  # status: disagree
    notice_bg: str  # the calm notice banner (example data, not saved)
    notice_text: str
    tooltip_bg: str
    tooltip_text: str
    progress_groove: str  # the unfilled part of a progress bar
    progress_chunk: str  # the filled part: the bar's text reads on both (4.5:1)

    def role(self, name: str) -> str:
        """A colour by its role's name (the icons and the stylesheet's rules ask so)."""
        if name == "name" or name not in ROLES:
            raise KeyError(f"no colour role {name!r}")
        value: str = self[_INDEX[name]]
        return value


ROLES = frozenset(Palette._fields) - {"name"}
_INDEX = {name: index for index, name in enumerate(Palette._fields)}

LIGHT = Palette(
    name="light",
    window="#f3f5f7",
    surface="#ffffff",
    surface_alt="#eef2f6",
    text="#1b2430",
    text_muted="#4d5967",
    text_disabled="#6b7682",
    border="#d5dce3",
    control_border="#7a8694",
    accent="#17629e",
    on_accent="#ffffff",
    accent_hover="#114c7c",
    accent_soft="#dbe9f5",
    on_accent_soft="#0f2a44",
    focus="#17629e",
    error="#b3261e",
    success="#1e7a3c",
    waiting="#8a5300",
    late="#b3261e",
    disagree="#7b3f9e",
    notice_bg="#fff3c4",
    notice_text="#3d2e00",
    tooltip_bg="#1b2430",
    tooltip_text="#ffffff",
    progress_groove="#ffffff",
    progress_chunk="#5594ce",
)

DARK = Palette(
    name="dark",
    window="#13181e",
    surface="#1c232b",
    surface_alt="#242d37",
    text="#e8edf2",
    text_muted="#aab5c0",
    text_disabled="#8994a0",
    border="#34404c",
    control_border="#7f8c99",
    accent="#7cc0e8",
    on_accent="#0b1b26",
    accent_hover="#a3d3f0",
    accent_soft="#1f3a52",
    on_accent_soft="#e8edf2",
    focus="#7cc0e8",
    error="#ff8a80",
    success="#6fd39a",
    waiting="#f2b84b",
    late="#ff8a80",
    disagree="#d3a5f0",
    notice_bg="#4a3b00",
    notice_text="#fff3c4",
    tooltip_bg="#e8edf2",
    tooltip_text="#13181e",
    progress_groove="#0b0f13",
    progress_chunk="#2f6ba2",
)

PALETTES = {"light": LIGHT, "dark": DARK}
