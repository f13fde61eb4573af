"""Every text and background the theme puts together, in both palettes, reaches WCAG AA:
4.5:1 for body text, 3:1 for large text, a focus ring and a control's edge (the pairs are
declared by the stylesheet's own rules, ui/theme/stylesheet.py, and read back here)."""

from __future__ import annotations

import re

import pytest

from ui.theme import PALETTES
from ui.theme.contrast import luminance, ratio
from ui.theme.palette import LIGHT, ROLES, Palette
from ui.theme.stylesheet import RULES, Check, all_checks, build_stylesheet


def failures(palette: Palette) -> list[str]:
    out = []
    for check in all_checks():
        value = ratio(palette.role(check.fg), palette.role(check.bg))
        if value < check.minimum:
            out.append(f"{palette.name}: {check.fg} on {check.bg} is {value:.2f}:1, "
                       f"needs {check.minimum}:1")
    return out


def test_the_ratio_is_wcags() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert ratio("#777777", "#777777") == pytest.approx(1.0)
    # WCAG's own example figure: #767676 on white is just above 4.5
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert luminance("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_pair_the_stylesheet_uses_is_readable(name: str) -> None:
    assert failures(PALETTES[name]) == []


def test_a_bad_pair_is_caught() -> None:
    """The check can fail: muted text as light as the card it sits on is reported."""
    washed = LIGHT._replace(text_muted="#c8c8c8")
    assert any("text_muted on surface" in line for line in failures(washed))


def test_every_colour_a_rule_sets_is_checked() -> None:
    """A rule that gives text a colour says what it is read on (a new rule cannot skip
    the check), and a rule with both a text and a background checks that very pair."""
    for rule in RULES:
        declared = rule.declarations
        colour = re.fullmatch(r"\{(\w+)\}", declared.get("color", ""))
        background = re.fullmatch(r"\{(\w+)\}", declared.get("background-color", ""))
        fgs = {check.fg for check in rule.checks}
        if colour:
            assert colour[1] in fgs, rule.selector
        if colour and background:
            assert Check(colour[1], background[1]) in rule.checks or any(
                c.fg == colour[1] and c.bg == background[1] for c in rule.checks), rule.selector


def test_the_palettes_name_every_role_and_the_sheet_only_known_ones() -> None:
    for palette in PALETTES.values():
        for role in ROLES:
            assert re.fullmatch(r"#[0-9a-f]{6}", palette.role(role)), (palette.name, role)
        sheet = build_stylesheet(palette)
        assert "{" in sheet and "em;" not in sheet and "font-size" not in sheet
    for check in all_checks():
        assert check.fg in ROLES and check.bg in ROLES


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_the_qpalette_is_readable_too(qapp: object, name: str) -> None:
    """What Qt draws itself (menus, cells, the status bar) reads from the QPalette."""
    from PySide6.QtGui import QPalette

    from ui.theme.stylesheet import build_qpalette

    palette = build_qpalette(PALETTES[name])
    role = QPalette.ColorRole
    for fg, bg in ((role.WindowText, role.Window), (role.Text, role.Base),
                   (role.Text, role.AlternateBase), (role.ButtonText, role.Button),
                   (role.HighlightedText, role.Highlight), (role.PlaceholderText, role.Base),
                   (role.PlaceholderText, role.Window), (role.ToolTipText, role.ToolTipBase),
                   (role.Link, role.Base)):
        value = ratio(palette.color(fg).name(), palette.color(bg).name())
        assert value >= 4.5, (name, fg, bg, value)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_status_colours_read_as_text_and_come_with_a_word(qapp: object, name: str) -> None:
    from ui import theme

    palette = PALETTES[name]
    for status in ("done", "waiting", "late", "disagree"):
        role = theme.STATUSES[status][0]
        for bg in ("window", "surface", "surface_alt"):
            assert ratio(palette.role(role), palette.role(bg)) >= 4.5, (name, status, bg)
        look = theme.status(status)
        assert look.word and not look.icon.isNull()
    assert theme.status("waiting", "Sent on 3 May").word == "Sent on 3 May"


def test_the_pictures_the_stylesheet_uses_have_the_palettes_colours() -> None:
    """The tick, the dot and the chevron are files; each is drawn in its palette's colour
    (the tick and dot on the accent, the chevron in muted text) and exists."""
    from pathlib import Path

    import resources

    folder = Path(resources.__file__).parent / "icons"
    for palette in PALETTES.values():
        sheet = build_stylesheet(palette)
        for kind, role in (("check", "on_accent"), ("dot", "on_accent"),
                           ("chevron", "text_muted")):
            path = folder / f"{kind}-{palette.name}.svg"
            assert path.as_posix() in sheet
            assert palette.role(role) in path.read_text(encoding="utf-8"), path.name
