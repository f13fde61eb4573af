"""The one application stylesheet and QPalette, built from a palette and the scales.

Each rule names palette roles, never colours, and declares the pairs it puts together
(`Check`: a foreground role read on a background role, and the contrast WCAG asks of
it), so tests/test_theme_contrast.py checks every pair of both palettes; a rule that sets
a text colour without a check for it fails that test too. The rules never set a font size
(the zoom sets the application font; see ui/theme/scale.py), and sizes are in px: Qt
works an `em` out once, at the font a widget had when polished, so it would not follow the
zoom either. Item views' cells are left to the palette, which keeps long lists as quick
to draw and measure as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ui.theme.contrast import BODY_TEXT, LARGE_TEXT, NON_TEXT
from ui.theme.palette import Palette
from ui.theme.scale import FOCUS_RING, RADII

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

# WCAG exempts a control that cannot be used now; it is still kept at large-text contrast
INACTIVE = LARGE_TEXT


class Check(NamedTuple):
    """`fg` is read (or seen) on `bg`, and must reach `minimum`:1."""

    fg: str
    bg: str
    minimum: float = BODY_TEXT


class Rule(NamedTuple):
    """One stylesheet rule: `declarations` map a property to a value, in which `{role}`
    stands for a palette colour and `{radius_small}`… for the scale's radii."""

    selector: str
    declarations: dict[str, str]
    checks: tuple[Check, ...] = ()

    def css(self, palette: Palette, indicator: int = 16,
            common: dict[str, str] | None = None) -> str:
        values = {role: palette.role(role) for role in _roles_in(self.declarations)}
        values |= common if common is not None else _common_values(palette, indicator)
        body = " ".join(f"{key}: {value.format(**values)};"
                        for key, value in self.declarations.items())
        return f"{self.selector} {{ {body} }}"


_MARKS = ("check_mark", "dot_mark", "chevron_mark")  # (chevron: text_muted's colour)


def _common_values(palette: Palette, indicator: int) -> dict[str, str]:
    """What every rule may name besides a palette role: radii, the focus ring, the tick
    box's size (it grows with the text: 16 px at the base size), the marks' pictures.
    Worked out once per stylesheet, not once per rule (the stylesheet is built before the
    first frame)."""
    values = {f"radius_{name}": f"{px}px" for name, px in RADII.items()}
    values["ring"] = f"{FOCUS_RING}px"
    values["indicator"] = f"{indicator}px"
    values["indicator_round"] = f"{indicator // 2 + 2}px"
    values |= {mark: _mark_url(mark.split("_")[0], palette) for mark in _MARKS}
    return values


def _mark_url(kind: str, palette: Palette) -> str:
    """The tick or the dot (in the accent's own text colour) or the chevron (in the muted
    text's): pictures shipped in resources/icons, one per palette (a stylesheet takes
    only a file's url for them; tests/test_theme_contrast.py checks their colours)."""
    from pathlib import Path

    import resources

    path = Path(resources.__file__).parent / "icons" / f"{kind}-{palette.name}.svg"
    return f'url("{path.as_posix()}")'


def _roles_in(declarations: dict[str, str]) -> set[str]:
    import string

    names = {name for value in declarations.values()
             for _text, name, _spec, _conv in string.Formatter().parse(value) if name}
    return {n for n in names
            if not n.startswith(("radius_", "indicator")) and n != "ring" and n not in _MARKS}


def _on_pages(fg: str, minimum: float = BODY_TEXT) -> tuple[Check, ...]:
    """`fg` as it sits on a page, a card or the navigation."""
    return tuple(Check(fg, bg, minimum) for bg in ("window", "surface", "surface_alt"))


# Buttons and inputs keep their size when focused: the 1 px border becomes the 2 px ring
# and the padding gives back the pixel.
_BUTTON_PAD, _BUTTON_PAD_FOCUS = "5px 10px", "4px 9px"
_INPUT_PAD, _INPUT_PAD_FOCUS = "4px 6px", "3px 5px"
_INPUTS = ("QLineEdit", "QTextEdit", "QPlainTextEdit", "QComboBox", "QAbstractSpinBox")

RULES: tuple[Rule, ...] = (
    # -- buttons: quiet by default, the accent for the one main action ---------------------
    Rule("QPushButton", {
        "background-color": "{surface}", "color": "{text}",
        "border": "1px solid {control_border}", "border-radius": "{radius_medium}",
        "padding": _BUTTON_PAD},
        (Check("text", "surface"), *_on_pages("control_border", NON_TEXT))),
    Rule("QPushButton:hover", {"background-color": "{surface_alt}"},
         (Check("text", "surface_alt"),)),
    Rule("QPushButton:pressed", {"background-color": "{accent_soft}",
                                 "color": "{on_accent_soft}"},
         (Check("on_accent_soft", "accent_soft"),)),
    Rule("QPushButton:focus", {"border": "{ring} solid {focus}", "padding": _BUTTON_PAD_FOCUS},
         (*_on_pages("focus", NON_TEXT), Check("focus", "surface", NON_TEXT))),
    Rule('QPushButton:default, QPushButton[primary="true"]', {
        "background-color": "{accent}", "color": "{on_accent}", "border-color": "{accent}"},
        (Check("on_accent", "accent"), *_on_pages("accent", NON_TEXT))),
    Rule('QPushButton:default:hover, QPushButton[primary="true"]:hover, '
         'QPushButton:default:pressed, QPushButton[primary="true"]:pressed', {
             "background-color": "{accent_hover}", "border-color": "{accent_hover}",
             "color": "{on_accent}"},
         (Check("on_accent", "accent_hover"),)),
    # the ring on an accent button is drawn in the accent's own text colour, inside it
    Rule('QPushButton:default:focus, QPushButton[primary="true"]:focus', {
        "border": "{ring} solid {on_accent}", "padding": _BUTTON_PAD_FOCUS},
        (Check("on_accent", "accent", NON_TEXT),)),
    Rule("QPushButton:disabled", {
        "background-color": "{surface_alt}", "color": "{text_disabled}",
        "border-color": "{border}"},
        (Check("text_disabled", "surface_alt", INACTIVE),)),
    Rule("QToolButton", {"border-radius": "{radius_small}", "padding": "3px"}),
    # a line's own action button (a date's calendar) is sized by the line: no padding
    Rule("QLineEdit QToolButton", {"padding": "0px", "border": "none"}),
    Rule("QToolButton:focus", {"border": "{ring} solid {focus}", "padding": "1px"},
         _on_pages("focus", NON_TEXT)),
    # -- inputs: white, rounded, with an edge a person can find -----------------------------
    Rule(", ".join(_INPUTS), {
        "background-color": "{surface}", "color": "{text}",
        "border": "1px solid {control_border}", "border-radius": "{radius_small}",
        "padding": _INPUT_PAD,
        "selection-background-color": "{accent_soft}", "selection-color": "{on_accent_soft}"},
        (Check("text", "surface"), Check("text_muted", "surface"),
         Check("on_accent_soft", "accent_soft"), *_on_pages("control_border", NON_TEXT))),
    Rule(", ".join(f"{w}:focus" for w in _INPUTS), {
        "border": "{ring} solid {focus}", "padding": _INPUT_PAD_FOCUS},
        (*_on_pages("focus", NON_TEXT),)),
    # a choice list's arrow: a plain chevron in the muted text colour, no box around it
    Rule("QComboBox::drop-down", {
        "subcontrol-origin": "padding", "subcontrol-position": "center right",
        "width": "22px", "border": "0px"}),
    Rule("QComboBox::down-arrow", {"image": "{chevron_mark}", "width": "14px",
                                   "height": "14px"}),
    Rule(", ".join(f"{w}:disabled" for w in _INPUTS), {
        "background-color": "{surface_alt}", "color": "{text_disabled}"},
        (Check("text_disabled", "surface_alt", INACTIVE),)),
    # tick boxes and choices: a ring around the whole control when it has the focus
    Rule("QCheckBox, QRadioButton", {
        "border": "{ring} solid transparent", "border-radius": "{radius_small}",
        "padding": "1px 3px"}),
    Rule("QCheckBox:focus, QRadioButton:focus", {"border-color": "{focus}"},
         _on_pages("focus", NON_TEXT)),
    # the box itself: Fusion draws its edge a shade darker than the page, which vanishes
    # on a dark page; here it has the controls' edge, and the accent once ticked
    Rule("QCheckBox::indicator, QRadioButton::indicator, "
         "QAbstractItemView::indicator", {
             "width": "{indicator}", "height": "{indicator}", "background-color": "{surface}",
             "border": "2px solid {control_border}", "border-radius": "{radius_small}"},
         (*_on_pages("control_border", NON_TEXT), Check("control_border", "surface",
                                                        NON_TEXT))),
    Rule("QRadioButton::indicator", {"border-radius": "{indicator_round}"}),
    Rule("QCheckBox::indicator:checked, QAbstractItemView::indicator:checked", {
        "background-color": "{accent}", "border-color": "{accent}",
        "image": "{check_mark}"},
        (Check("on_accent", "accent", NON_TEXT), *_on_pages("accent", NON_TEXT))),
    Rule("QRadioButton::indicator:checked", {
        "background-color": "{accent}", "border-color": "{accent}", "image": "{dot_mark}"},
        (Check("on_accent", "accent", NON_TEXT),)),
    Rule("QCheckBox::indicator:disabled, QRadioButton::indicator:disabled", {
        "border-color": "{border}", "background-color": "{surface_alt}"}),
    # -- lists, tables, tabs -------------------------------------------------------------
    Rule("QAbstractItemView", {
        "background-color": "{surface}", "alternate-background-color": "{surface_alt}",
        "color": "{text}", "border": "1px solid {border}",
        "border-radius": "{radius_medium}",
        "selection-background-color": "{accent_soft}", "selection-color": "{on_accent_soft}"},
        (Check("text", "surface"), Check("text", "surface_alt"),
         Check("on_accent_soft", "accent_soft"))),
    Rule("QAbstractItemView:focus", {"border": "{ring} solid {focus}"},
         (Check("focus", "surface", NON_TEXT), *_on_pages("focus", NON_TEXT))),
    # the people and the sections: rows in the navigation's own colour, the chosen one soft
    Rule("QWidget#navigation", {"background-color": "{surface_alt}",
                                "border-radius": "{radius_large}"}),
    Rule("QListWidget#sections, QListWidget#people", {
        "background-color": "{surface_alt}", "border": "{ring} solid transparent",
        "color": "{text}"},
        (Check("text", "surface_alt"),)),
    Rule("QListWidget#sections:focus, QListWidget#people:focus", {
        "border": "{ring} solid {focus}"},
        (Check("focus", "surface_alt", NON_TEXT),)),
    Rule("QListWidget#sections::item, QListWidget#people::item", {
        "padding": "0px 5px", "border-radius": "{radius_medium}", "color": "{text}"},
        (Check("text", "surface_alt"),)),
    Rule("QListWidget#sections::item:selected, QListWidget#people::item:selected", {
        "background-color": "{accent_soft}", "color": "{on_accent_soft}"},
        (Check("on_accent_soft", "accent_soft"),)),
    Rule("QListWidget#sections::item:hover:!selected, "
         "QListWidget#people::item:hover:!selected", {
             "background-color": "{surface}", "color": "{text}"},
         (Check("text", "surface"),)),
    Rule("QTabWidget::pane", {
        "border": "1px solid {border}", "border-radius": "{radius_medium}",
        "background-color": "{window}", "top": "-1px"}),
    Rule("QTabBar::tab", {
        "background-color": "transparent", "color": "{text_muted}",
        "padding": "6px 14px", "border-bottom": "3px solid transparent"},
        _on_pages("text_muted")),
    Rule("QTabBar::tab:selected", {"color": "{text}", "border-bottom-color": "{accent}"},
         (*_on_pages("text"), *_on_pages("accent", NON_TEXT))),
    Rule("QTabBar::tab:hover:!selected", {"color": "{text}"}, _on_pages("text")),
    Rule("QTabBar::tab:focus", {"border-bottom-color": "{focus}"},
         _on_pages("focus", NON_TEXT)),
    # -- cards, boxes, notices ----------------------------------------------------------
    Rule('QFrame[card="true"]', {
        "background-color": "{surface}", "border": "1px solid {border}",
        "border-radius": "{radius_large}"}),
    Rule("QGroupBox", {
        "background-color": "{surface}", "border": "1px solid {border}",
        "border-radius": "{radius_large}", "margin-top": "18px", "padding": "10px 8px"}),
    Rule("QGroupBox::title", {
        "subcontrol-origin": "margin", "subcontrol-position": "top left",
        "left": "10px", "padding": "0px 4px", "color": "{text}"},
        _on_pages("text")),
    Rule("QLabel#notice", {
        "background-color": "{notice_bg}", "color": "{notice_text}", "padding": "6px 10px",
        "border-radius": "{radius_medium}"},
        (Check("notice_text", "notice_bg"),)),
    Rule("QLabel#fieldError", {"color": "{error}"}, _on_pages("error")),
    Rule('QLabel[hint="true"]', {"color": "{text_muted}"}, _on_pages("text_muted")),
    Rule("QToolTip", {
        "background-color": "{tooltip_bg}", "color": "{tooltip_text}",
        "border": "0px", "padding": "4px 6px"},
        (Check("tooltip_text", "tooltip_bg"),)),
    # -- progress: the text reads on the filled and on the empty part ---------------------
    Rule("QProgressBar", {
        "background-color": "{progress_groove}", "color": "{text}",
        "border": "1px solid {control_border}", "border-radius": "{radius_small}",
        "text-align": "center"},
        (Check("text", "progress_groove"), *_on_pages("control_border", NON_TEXT))),
    Rule("QProgressBar::chunk", {
        "background-color": "{progress_chunk}", "border-radius": "3px"},
        (Check("text", "progress_chunk"),
         Check("progress_chunk", "progress_groove", NON_TEXT))),
)

# The QPalette's roles as the palette's (text role, background role, minimum): what Qt
# draws itself (menus, cells, headers, the status bar) reads from these.
PALETTE_PAIRS: tuple[Check, ...] = (
    Check("text", "window"), Check("text", "surface"), Check("text", "surface_alt"),
    Check("on_accent_soft", "accent_soft"), Check("text_muted", "surface"),
    Check("text_muted", "window"), Check("tooltip_text", "tooltip_bg"),
    Check("accent", "surface"), Check("accent", "window"),
    Check("text_disabled", "window", INACTIVE), Check("text_disabled", "surface", INACTIVE),
)


def all_checks() -> list[Check]:
    return [check for rule in RULES for check in rule.checks] + list(PALETTE_PAIRS)


def build_stylesheet(palette: Palette, text_scale: float = 1.0) -> str:
    """The application's stylesheet in this palette, at this text size (1.0: the base)."""
    indicator = max(16, round(16 * text_scale))
    common = _common_values(palette, indicator)
    return "\n".join(rule.css(palette, indicator, common) for rule in RULES)


def build_qpalette(palette: Palette) -> QPalette:
    """The QPalette in this palette's colours, for everything the stylesheet leaves to Qt."""
    from PySide6.QtGui import QColor, QPalette

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    result = QPalette()
    colours = {
        role.Window: palette.window, role.WindowText: palette.text,
        role.Base: palette.surface, role.AlternateBase: palette.surface_alt,
        role.Text: palette.text, role.Button: palette.surface_alt,
        role.ButtonText: palette.text, role.BrightText: palette.on_accent,
        role.Highlight: palette.accent_soft, role.HighlightedText: palette.on_accent_soft,
        role.PlaceholderText: palette.text_muted, role.ToolTipBase: palette.tooltip_bg,
        role.ToolTipText: palette.tooltip_text, role.Link: palette.accent,
        role.LinkVisited: palette.accent, role.Light: palette.surface,
        role.Midlight: palette.surface_alt, role.Mid: palette.border,
        role.Dark: palette.control_border, role.Shadow: palette.control_border,
        role.Accent: palette.accent,
    }
    for colour_role, value in colours.items():
        result.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(group.Disabled, colour_role, QColor(palette.text_disabled))
    return result
