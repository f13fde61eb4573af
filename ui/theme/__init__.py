"""The design system in one place: palettes (palette.py), sizes (scale.py), the one
stylesheet and QPalette (stylesheet.py), and which palette is on screen.

The app follows the system's colour scheme unless View › Appearance says Light or Dark
(remembered in ui/settings.py). Before the first frame the system's scheme is read from
the palette Qt started with (asking QStyleHints.colorScheme() would make Qt's namespace,
see ui/first_frame.py); after it, `follow_system` listens to the system's changes.

Colours that carry meaning come with words: `status(name)` returns the colour, the icon
and the word of a status together, so no caller can show a status by colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication

from ui.i18n import QT_TRANSLATE_NOOP
from ui.theme import state
from ui.theme.palette import DARK, LIGHT, PALETTES, Palette
from ui.theme.state import current

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# (translated where shown: View › Appearance)
APPEARANCES: dict[str, str] = {"system": QT_TRANSLATE_NOOP("theme", "Same as the system"),
                               "light": QT_TRANSLATE_NOOP("theme", "Light"),
                               "dark": QT_TRANSLATE_NOOP("theme", "Dark")}

_choice = "system"
_system_dark: bool | None = None  # what the system asked for, once known
_following = False  # listening to the system's changes of scheme


def choice() -> str:
    """What View › Appearance says: "system", "light" or "dark"."""
    return _choice


def resolve(appearance: str, system_dark: bool) -> Palette:
    """The palette for an appearance choice ("system" follows `system_dark`)."""
    if appearance == "light":
        return LIGHT
    if appearance == "dark":
        return DARK
    return DARK if system_dark else LIGHT


def _palette_is_dark(palette: Any) -> bool:
    from PySide6.QtGui import QPalette

    return bool(palette.color(QPalette.ColorRole.Window).lightness() < 128)


def apply(appearance: str | None = None) -> Palette:
    """Put the palette for `appearance` (default: the one chosen last) on the whole app:
    the QPalette and the one stylesheet. Icons (ui/icons.py) follow at their next paint."""
    global _choice, _system_dark
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return current()
    if appearance is not None:
        _choice = appearance if appearance in APPEARANCES else "system"
    if _system_dark is None:  # the palette Qt started with is the system's
        _system_dark = _palette_is_dark(app.palette())
    palette = resolve(_choice, _system_dark)
    from ui.theme.stylesheet import build_qpalette, build_stylesheet

    scale = _text_scale(app)
    if palette is not current() or not app.styleSheet() or scale != _applied_scale[0]:
        state.set_current(palette)
        _applied_scale[0] = scale
        app.setPalette(build_qpalette(palette))
        app.setStyleSheet(build_stylesheet(palette, scale))
    _keep_following_the_zoom(app)
    return palette


_applied_scale = [1.0]  # the text size the stylesheet on screen was built for


def _text_scale(app: Any) -> float:
    """The zoom, read from the application's font (ui/style.py sets it): what the
    stylesheet's sizes that follow the text (the tick boxes) are built for."""
    from ui.theme.scale import BASE_POINT_SIZE

    size = app.font().pointSizeF()
    return round(size / BASE_POINT_SIZE, 2) if size > 0 else 1.0


def _keep_following_the_zoom(app: Any, now: bool = False) -> None:
    """Under an application stylesheet, Qt gives each widget it polishes the font the
    widget had then, so a later zoom (QApplication.setFont) passed it by; with
    AA_UseStyleSheetPropagationInWidgetStyles it leaves the font alone (our rules set
    none) and every widget follows the zoom. Naming the attribute makes Qt's namespace
    (ui/first_frame.py): before the first frame it is set by `follow_system`, just after;
    what the first frame showed was polished at the size it still has."""
    import PySide6.QtCore

    if not now and "Qt" not in vars(PySide6.QtCore):  # not made yet: before the first frame
        return
    from PySide6.QtCore import Qt

    app.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)


def system_scheme_changed(scheme: Any) -> None:
    """The system's colour scheme changed (QStyleHints.colorSchemeChanged)."""
    global _system_dark
    from PySide6.QtCore import Qt

    if scheme == Qt.ColorScheme.Unknown:
        return
    _system_dark = scheme == Qt.ColorScheme.Dark
    apply()


def follow_system() -> None:
    """After the first frame: take the system's scheme from Qt's own answer, and follow
    its changes from now on (a dark scheme set while the app is open)."""
    global _following
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _keep_following_the_zoom(app, now=True)
    if _following:
        return
    _following = True
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.connect(system_scheme_changed)
    system_scheme_changed(hints.colorScheme())


class StatusLook(NamedTuple):
    """How a status is shown: always the colour, the icon and the word together."""

    colour: str
    icon: QIcon
    word: str


# status -> (palette role, ui.icons name, word)
STATUSES: dict[str, tuple[str, str, str]] = {
    "done": ("success", "done", QT_TRANSLATE_NOOP("theme", "Done")),
    "waiting": ("waiting", "waiting", QT_TRANSLATE_NOOP("theme", "Waiting")),
    "late": ("late", "late", QT_TRANSLATE_NOOP("theme", "Late")),
    "disagree": ("disagree", "disagree", QT_TRANSLATE_NOOP("theme", "Disagrees")),
}


# the stored values that are a status, by item type and field: each such cell of a list
# shows the status's icon beside its own word (ui/item_model.py)
FIELD_STATUSES: dict[tuple[str, str], dict[object, str]] = {
    ("sending", "status"): {"requested": "waiting", "sent": "waiting", "received": "done"},
    ("visit", "status"): {"planned": "waiting", "done": "done"},
    ("case", "status"): {"decided": "done", "closed": "done"},
    ("question", "asked"): {True: "done"},
    ("checklist", "done"): {True: "done"},
    ("opinion", "agrees"): {"yes": "done", "no": "disagree"},
    ("request", "received_on"): {},  # (late is worked out by the overview, not stored)
}


def status_of(type_name: str, field_name: str, value: object) -> str | None:
    """The status a stored value stands for ("received" sending -> "done"), if any."""
    return FIELD_STATUSES.get((type_name, field_name), {}).get(value)


def status(name: str, word: str | None = None) -> StatusLook:
    """The colour, icon and word of a status ("done", "waiting", "late", "disagree");
    `word` replaces the usual word ("Sent", "Overdue by 3 days")."""
    from ui.icons import icon

    role, icon_name, usual = STATUSES[name]
    return StatusLook(current().role(role), icon(icon_name, role=role),
                      word or QCoreApplication.translate("theme", usual))


__all__ = ["APPEARANCES", "DARK", "LIGHT", "PALETTES", "Palette", "StatusLook", "apply",
           "choice", "current", "follow_system", "resolve", "status"]
