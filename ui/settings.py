"""What the app remembers between runs: the last person, the window's place and size, zoom,
appearance (system, light or dark), the language chosen in View › Language, the folder each
kind of file dialog was last in, and the name typed as "Your name" on the packet.

A thin typed layer over QSettings so that the keys live in one place. Tests give it a
QSettings on an INI file in a temporary folder, so they never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

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
        return "people/last_" + _folder_key(data_dir)

    # -- file dialogs (ui/file_dialogs.py) --------------------------------------------

    def last_folder(self, kind: str) -> Path | None:
        value = self.qsettings.value(f"folders/{kind}")
        return Path(value) if isinstance(value, str) and value else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self.qsettings.setValue(f"folders/{kind}", str(folder))

    # -- "Your name" on the packet ----------------------------------------------------

    # Remembered per person of a data folder (a caregiver types it for a parent's packet,
    # and leaves it empty for their own), and the last one typed in the folder, offered
    # for a person who has none yet.
    def prepared_by(self, data_dir: str, person_id: int) -> str | None:
        """The name typed for this person's packet, or None if never typed."""
        value = self.qsettings.value(f"packet/prepared_by_{_folder_key(data_dir)}_{person_id}")
        return value if isinstance(value, str) else None

    def last_prepared_by(self, data_dir: str) -> str:
        value = self.qsettings.value(f"packet/prepared_by_{_folder_key(data_dir)}")
        return value if isinstance(value, str) else ""

    def set_prepared_by(self, data_dir: str, person_id: int, name: str) -> None:
        key = _folder_key(data_dir)
        self.qsettings.setValue(f"packet/prepared_by_{key}_{person_id}", name)
        if name:
            self.qsettings.setValue(f"packet/prepared_by_{key}", name)

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

    def appearance(self) -> str:
        """View › Appearance: "system" (follow the system's colour scheme), "light" or
        "dark"."""
        value = self.qsettings.value("view/appearance", "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_appearance(self, appearance: str) -> None:
        self.qsettings.setValue("view/appearance", appearance)

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


def _folder_key(data_dir: str) -> str:
    """A data folder as a stable key (QSettings keys may not hold slashes freely).

    CPython's own SHA-1 gives hashlib's digest without loading OpenSSL, which costs the
    app's start-up a few milliseconds before its window can show.
    """
    try:
        from _sha1 import sha1  # type: ignore[import-not-found]
    except ImportError:  # a Python built without it
        from hashlib import sha1
    return str(sha1(data_dir.encode()).hexdigest()[:16])
