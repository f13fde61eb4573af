"""What the app remembers between runs: the last person, the window's place and size, zoom,
the language chosen in View › Language.

A thin typed layer over QSettings so that the keys live in one place. Tests give it a
QSettings on an INI file in a temporary folder, so they never touch the user's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "SecondOpinionOrganizer"
APPLICATION = "Second Opinion Organizer"

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.7, 2.5, 0.1


class Settings:
    """Typed access to the app's remembered choices."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings(ORGANIZATION, APPLICATION)

    # A person id is remembered per data folder: ids of another folder mean other people.
    def last_person(self, data_dir: str) -> int | None:
        value = self.qsettings.value(self._person_key(data_dir))
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_person(self, data_dir: str, person_id: int | None) -> None:
        self.qsettings.setValue(self._person_key(data_dir),
                                "" if person_id is None else person_id)

    @staticmethod
    def _person_key(data_dir: str) -> str:
        # QSettings keys may not hold slashes freely; hash the folder into a stable key.
        # CPython's own SHA-1 gives hashlib's digest without loading OpenSSL, which costs
        # the app's start-up a few milliseconds before its window can show.
        try:
            from _sha1 import sha1  # type: ignore[import-not-found]
        except ImportError:  # a Python built without it
            from hashlib import sha1
        return "people/last_" + sha1(data_dir.encode()).hexdigest()[:16]

    def zoom(self) -> float:
        try:
            value = float(self.qsettings.value("view/zoom", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return min(max(value, ZOOM_MIN), ZOOM_MAX)

    def set_zoom(self, zoom: float) -> None:
        self.qsettings.setValue("view/zoom", round(zoom, 2))

    def language(self) -> str:
        """"en", "es", or "system" (follow ORGANIZER_LANG and the system: ui.i18n)."""
        value = self.qsettings.value("view/language", "system")
        return value if value in ("en", "es") else "system"

    def set_language(self, language: str) -> None:
        self.qsettings.setValue("view/language",
                                language if language in ("en", "es") else "system")

    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, state: QByteArray) -> None:
        self.qsettings.setValue("window/state", state)

    def sync(self) -> None:
        self.qsettings.sync()
