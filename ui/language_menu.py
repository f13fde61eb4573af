"""View › Language: follow the system, or English, or Español, remembered between runs.

The choice takes effect at the next start (ui/i18n.py says why a restart, not a live
switch); the note saying so is written in the language chosen, so a reader who picks
Español reads Spanish at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui import i18n
from ui.i18n import QT_TRANSLATE_NOOP
from ui.settings import Settings

CONTEXT = "LanguageMenu"
# What the note says, in the language chosen (read from its catalogue, whatever is installed)
NOTE_TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "Language")
NOTE = QT_TRANSLATE_NOOP(
    "LanguageMenu", "The organizer will be in this language the next time you open it. "
    "Close it and open it again to change now.")


def add_language_menu(view: QMenu, settings: Settings, window: QWidget) -> QMenu:
    """Add the Language submenu to `view`; its actions carry the language code as data."""
    menu = view.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    menu.menuAction().setObjectName("languageMenu")
    group = QActionGroup(menu)
    chosen = settings.language()
    names = {"system": QCoreApplication.translate("LanguageMenu",
                                                       "Same as the system"),
             **i18n.LANGUAGE_NAMES}
    for code, name in names.items():
        action = QAction(menu)  # (with its text: QIcon's class, see ui/first_frame.py)
        action.setText(name)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(
            lambda _checked=False, code=code: choose(code, settings, window))
    return menu


def choose(code: str, settings: Settings, window: QWidget) -> None:
    """Remember `code`; when it means another language than the one on screen, say (in
    that language) that the organizer will speak it from its next start."""
    settings.set_language(code)
    settings.sync()
    language = i18n.choose_language(code)
    if language == i18n.current_language():
        return
    from PySide6.QtWidgets import QMessageBox  # (dialog classes: when first used)

    title = i18n.translate_in(language, CONTEXT, NOTE_TITLE)
    text = i18n.translate_in(language, CONTEXT, NOTE)
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("languageChanged")
    box.open()
