"""The app's language: which one, and Qt's translators for it.

The language is, in order: the choice remembered from View › Language (ui.settings), else
ORGANIZER_LANG, else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads
them, then Qt's idea of the system locale). English is the source language: an English app
loads only the small catalogue of its plurals (organizer_en.qm: "%n file(s)" -> "1 file",
"3 files"), a Spanish one two compiled catalogues, before the window is made: ours
(resources/translations/organizer_es.qm, built by `make translations` from the committed
.ts) and Qt's own (qtbase_es.qm, for the standard buttons and dialogs: "Cancelar").
Dates and numbers follow the same choice through QLocale's default (ui.format reads it):
the system's region when it speaks that language, else the United States' ("es_US":
5 de enero de 2027, 28,200.50).

A change in View › Language takes effect at the next start, and says so in the language
chosen. A live switch would need every page, dialog and cached model text to rebuild itself
on QEvent.LanguageChange; the pages are built in code with their texts set once, so a
restart is the one switch that cannot leave half a window in the old language.

The core (organizer/) has its own catalogues for its messages, the packet and the
printouts; `set_core_language` tells it the app's choice so that both speak one language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# Marks a text kept in a table for translation where it is shown (pyside6-lupdate knows the
# name); typed as what it returns, its text, where PySide6's stubs say `object`.
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
# Each language is named in its own words, so a reader finds theirs whatever is on screen.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
REGION_WHEN_UNKNOWN = {"en": "en_US", "es": "es_US"}
CATALOGUE = "organizer"  # resources/translations/organizer_<language>.qm

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_current = SOURCE_LANGUAGE


def translations_dir() -> Path:
    """Where the compiled catalogues are (inside the resources package, also when frozen)."""
    import resources

    return Path(resources.__file__).resolve().parent / "translations"


def _language_of(tag: str) -> str | None:
    """"es_MX.UTF-8" -> "es"; "C", "POSIX" and "" say nothing."""
    code = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if not code or code in ("c", "posix"):
        return None
    return code


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The system's language if we have it, else English. The variables are read in
    gettext's order (LANGUAGE may list several: the first we have wins)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        tags = value.split(":") if name == "LANGUAGE" else [value]
        codes = [c for c in (_language_of(t) for t in tags) if c]
        for code in codes:
            if code in LANGUAGES:
                return code
        if codes:
            return SOURCE_LANGUAGE  # the system asks for a language we do not have
    if environ is None:  # the platform's own setting (Windows, macOS)
        for tag in QLocale.system().uiLanguages():
            found = _language_of(tag)
            if found:
                return found if found in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def choose_language(remembered: str = "system",
                    environ: Mapping[str, str] | None = None) -> str:
    """The language to start in: View › Language's choice, else ORGANIZER_LANG, else the
    system's."""
    if remembered in LANGUAGES:
        return remembered
    env = os.environ if environ is None else environ
    wanted = _language_of(env.get("ORGANIZER_LANG", ""))
    if wanted in LANGUAGES:
        return str(wanted)
    return system_language(environ)


def current_language() -> str:
    return _current


def locale_for(language: str) -> QLocale:
    """The system's locale when it speaks `language` (its region's dates and numbers),
    else that language in the United States."""
    system = QLocale.system()
    if _language_of(system.name()) == language:
        return system
    return QLocale(REGION_WHEN_UNKNOWN.get(language, "en_US"))


def _load(translator: QTranslator, name: str, folder: str | Path) -> bool:
    return translator.load(name, str(folder))


def install(language: str, app: Any = None) -> bool:
    """Make `language` the app's: translators, QLocale's default, the core's language.
    Returns False when its catalogue is missing (the app is then in English, and without
    the English plurals' catalogue a count reads "3 file(s)")."""
    global _current
    app = app or QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    ours = QTranslator(app)
    found = _load(ours, f"{CATALOGUE}_{language}", translations_dir())
    if not found and language != SOURCE_LANGUAGE:
        language = SOURCE_LANGUAGE  # its catalogue is missing: English, with its plurals
        found = _load(ours, f"{CATALOGUE}_{language}", translations_dir())
    if language != SOURCE_LANGUAGE:
        from PySide6.QtCore import QLibraryInfo  # (its enums: only for another language)

        qt_own = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if _load(qt_own, f"qtbase_{language}", qt_folder):
            _installed.append(qt_own)
    if found:
        _installed.append(ours)  # installed last, so asked first
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    _current = language
    QLocale.setDefault(locale_for(language))
    set_core_language(language)
    return found


def set_core_language(language: str) -> None:
    """Tell the core (organizer/: its messages, the packet, the printouts, the checklist)
    the app's language, through its own layer when it has one."""
    from organizer.i18n import set_default

    set_default(language)


def translate_in(language: str, context: str, text: str) -> str:
    """`text` in `language`, whatever language is installed: what View › Language says
    about a choice is said in the language chosen."""
    if language == SOURCE_LANGUAGE:
        return text
    translator = QTranslator()
    if _load(translator, f"{CATALOGUE}_{language}", translations_dir()):
        return translator.translate(context, text) or text
    return text
