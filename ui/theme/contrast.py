"""WCAG 2 contrast, computed from colours written as "#rrggbb" (no Qt: the theme's test
and the palettes' own checks use it).

A ratio is (L1 + 0.05) / (L2 + 0.05) of the two relative luminances, 1 to 21. WCAG AA asks
4.5:1 for body text, 3:1 for large text (18 pt, or 14 pt bold) and for the parts of a
control a person must see to use it (its border, a focus ring).
"""

from __future__ import annotations

BODY_TEXT = 4.5
LARGE_TEXT = 3.0
NON_TEXT = 3.0  # a focus ring, an input's border, an icon that carries meaning


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The relative luminance of "#rrggbb" (0 black .. 1 white)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(text[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(one: str, other: str) -> float:
    """The contrast ratio of two colours, whichever is lighter."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)
