"""Sizes the design uses: the type scale, the spacing scale, corner radii, the focus ring.

Type is a ratio of the application font, which the zoom sets (ui/style.apply_zoom): a
stylesheet that set a font size would stop a widget from following the zoom, so text sizes
are applied as QFonts (ui/widgets.py, ui/app_font.py) and the stylesheet never sets one.
Sizes inside controls are in px (an `em` in a stylesheet is worked out once, at polish).
"""

from __future__ import annotations

# text size as a multiple of the body text
TYPE_SCALE = {
    "caption": 0.9,  # small print under a control
    "body": 1.0,
    "subheading": 1.1,
    "heading": 1.25,  # a section on a page (ui.widgets.heading)
    "title": 1.45,  # a page's title (ui.widgets.TitleLabel)
    "display": 1.8,  # the welcome screen's first line
}

# spacing between parts, in pixels at 100% (layouts); in em inside controls (stylesheet)
SPACING = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32}


RADII = {"small": 4, "medium": 8, "large": 12}  # inputs, buttons, cards (px)

FOCUS_RING = 2  # px: WCAG 2.2's focus appearance asks at least 2 px at 3:1

# The application font's size at 100% (ui/style.py scales it by the zoom); what follows
# the text (the tick boxes, windows' sizes) is worked out against it.
BASE_POINT_SIZE = 11.5
