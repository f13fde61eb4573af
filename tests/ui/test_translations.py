"""The app speaks the language chosen, all of it: the Spanish catalogue is complete and up
to date with ui/, every user-visible literal of ui/ goes through Qt's translation, the
language is chosen as ui/i18n.py says, and a Spanish window shows no English of ours."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import ROOT
from tests.helpers.ui_helpers import settings  # noqa: F401

TS = ROOT / "resources" / "translations" / "organizer_es.ts"
ACCELERATOR = re.compile(r"(?<!&)&(?![&\s])")  # "&File", not "&&" or "Medications & allergies"
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?:![rsa])?(?::[^}]*)?\}|%n|%\d")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="session")
def built_catalogue() -> Path:
    """The .qm, built from the .ts as `make translations` does when it is older (the
    .qm is never committed)."""
    from tests.helpers.catalogues import build_catalogues

    build_catalogues()
    return TS.with_suffix(".qm")


@pytest.fixture
def spanish(built_catalogue: Path, qapp: Any) -> Iterator[None]:
    """The app in Spanish for one test, and back in English after it."""
    from ui import i18n

    assert i18n.install("es", qapp)
    yield
    i18n.install("en", qapp)


# -- (a) the catalogue -----------------------------------------------------------------

@pytest.mark.parametrize("language", ["es", "en"])
def test_every_entry_of_the_catalogues_is_finished(language: str) -> None:
    """No entry unfinished, vanished or obsolete; every plural has its forms; each
    translation keeps its placeholders ({name}, %n) and its accelerator (&). (English's
    catalogue holds only its plurals.)"""
    problems = []
    messages = _messages(TS.with_name(f"organizer_{language}.ts"))
    assert len(messages) > (100 if language == "es" else 5)
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        state = translation.get("type")
        forms = _translations(message)
        where = f"{context}: {source!r}"
        if state in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {state}")
            continue
        if not all(form.strip() for form in forms):
            problems.append(f"{where} has an empty translation")
            continue
        # {an} is English's article ("an allergy"): other languages leave it out
        wanted = set(PLACEHOLDER.findall(source))
        optional = {"{an}"}
        for form in forms:
            # (a plural's form may leave out %n: "un archivo")
            found = set(PLACEHOLDER.findall(form))
            if not (found <= wanted and wanted - found <= optional | (
                    {"%n"} if message.get("numerus") == "yes" else set())):
                problems.append(f"{where}: placeholders {wanted} became {form!r}")
            if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(form)):
                problems.append(f"{where}: the accelerator (&) is lost or added in {form!r}")
    assert problems == []


def test_the_catalogue_holds_exactly_the_strings_of_ui(tmp_path: Path) -> None:
    """lupdate over today's ui/ finds nothing new and nothing gone: a string wrapped in
    the code but missing from the .ts (or left there after the code dropped it) fails."""
    copy = tmp_path / "organizer_es.ts"
    shutil.copy(TS, copy)
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")
                   if not p.name.startswith("screenshots"))
    done = subprocess.run([_tool("pyside6-lupdate"), *files, "-locations", "none",
                           "-target-language", "es", "-ts", str(copy)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before = {(c, m.findtext("source")) for c, m in _messages(TS)}
    after = {(c, m.findtext("source")): m for c, m in _messages(copy)}
    new = sorted(k for k, m in after.items()
                 if k not in before or m.find("translation").get("type")  # type: ignore[union-attr]
                 in ("unfinished", "vanished", "obsolete"))
    assert new == [], "run `make translations-update` and translate: " + repr(new[:20])


def test_the_item_words_table_is_the_cores_today() -> None:
    """ui/item_words_table.py lists every type name, field label, help and choice of the
    core's item types (they reach forms, lists and buttons); a new field fails here until
    tools/make_item_words.py is run again."""
    from tools.make_item_words import TARGET, core_words, source

    assert TARGET.read_text(encoding="utf-8") == source(core_words())


def test_the_core_item_words_are_spanish_in_a_spanish_app(spanish: None) -> None:
    from organizer.items.models import TYPES
    from ui.item_words import choice_text, field_label, type_plural

    assert type_plural(TYPES["medication"]) == "Medicamentos"
    assert field_label(TYPES["person"].specs()["no_known_allergies"]) == "Sin alergias conocidas"
    assert choice_text("ruled_out") == "Descartado"
    assert choice_text("n_a") == "Es la primera opinión"


# -- (b) every literal wrapped ----------------------------------------------------------

# Literals given to a text call that are not words to translate.
NOT_TEXT: set[str] = set()


def test_every_user_visible_literal_of_ui_is_wrapped_for_translation() -> None:
    """The AST scan of tools/wrap_strings.py (its list of calls that show text): a literal
    reaching setText, QLabel(...), a message box, a menu action... unwrapped fails."""
    from tools.wrap_strings import find_unwrapped, python_files

    files = [str(p) for p in python_files([str(ROOT / "ui")])]
    found = [line for line in find_unwrapped(files)
             if line.split(": ", 1)[1].strip("'\"") not in NOT_TEXT]
    assert found == [], "\n".join(found[:40])


def test_the_scan_sees_the_ways_text_reaches_the_screen(tmp_path: Path) -> None:
    """The scan (and the codemod) find a literal in each of the shapes it claims to, and
    the codemod's output passes the scan and says the same thing."""
    from tools.wrap_strings import find_unwrapped, wrap_source

    source = '''
from PySide6.QtWidgets import QLabel, QWidget

class Page(QWidget):
    def build(self, name, n):
        self.setWindowTitle("Records")
        QLabel(f"Overview for {name}")
        self.button.setToolTip("Saved" if n else "Not saved")
        self.status.emit("Added.")
        self.open_item.emit("condition", 3)
        self.table.setHeaderLabels(["Name", "Date"])
        self.paper.addItem("Letter (US)", "letter")
        self.tr("Already wrapped")

def helper():
    return QLabel("Outside a class")
'''
    path = tmp_path / "page.py"
    path.write_text(source)
    found = find_unwrapped([str(path)])
    texts = [line.split(": ", 1)[1] for line in found]
    assert texts == ["'Records'", "f'Overview for {name}'", "'Saved'", "'Not saved'",
                     "'Added.'", "'Name'", "'Date'", "'Letter (US)'", "'Outside a class'"]
    wrapped, _notes = wrap_source(path, source, {"Page"})
    assert 'self.tr("Overview for {name}").format(name=name)' in wrapped
    assert 'QCoreApplication.translate("page", "Outside a class")' in wrapped
    assert 'self.open_item.emit("condition", 3)' in wrapped
    assert "from PySide6.QtCore import QCoreApplication" in wrapped
    path.write_text(wrapped)
    assert find_unwrapped([str(path)]) == []
    compile(wrapped, str(path), "exec")


# -- choosing the language ----------------------------------------------------------------

def test_the_language_is_the_remembered_choice_then_organizer_lang_then_the_system(
        qapp: Any, settings: Any) -> None:  # noqa: F811
    from ui.i18n import choose_language, system_language

    assert settings.language() == "system"
    assert choose_language("system", {"LANG": "es_MX.UTF-8"}) == "es"
    assert choose_language("system", {"LANG": "de_DE.UTF-8"}) == "en"
    # LC_MESSAGES says which language messages are in, whatever LANG says
    assert choose_language("system", {"LANG": "es_US.UTF-8",
                                      "LC_MESSAGES": "en_US.UTF-8"}) == "en"
    assert choose_language("system", {"LC_ALL": "en_GB", "LANG": "es_ES"}) == "en"
    assert choose_language("system", {"ORGANIZER_LANG": "es", "LANG": "en_US"}) == "es"
    assert choose_language("en", {"ORGANIZER_LANG": "es", "LANG": "es_ES"}) == "en"
    assert system_language({"LANGUAGE": "fr:es", "LANG": "en_US"}) == "es"
    assert system_language({"LANG": "C"}) == "en"
    settings.set_language("es")
    assert settings.language() == "es"
    assert choose_language(settings.language(), {"LANG": "en_US"}) == "es"
    settings.set_language("klingon")
    assert settings.language() == "system"


def test_the_view_menu_remembers_the_language_and_says_so_in_it(
        qtbot: Any, settings: Any, built_catalogue: Path) -> None:  # noqa: F811
    from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

    from ui.language_menu import add_language_menu

    window = QWidget()
    qtbot.addWidget(window)
    view = QMenu("View", window)
    menu = add_language_menu(view, settings, window)
    actions = {a.data(): a for a in menu.actions()}
    assert [a.text() for a in menu.actions()][1:] == ["English", "Español"]
    assert actions["system"].isChecked()
    actions["es"].trigger()
    assert settings.language() == "es" and actions["es"].isChecked()
    box = window.findChild(QMessageBox, "languageChanged")
    assert box is not None
    assert "próxima vez" in box.text(), box.text()


def test_an_english_app_loads_no_translator_and_a_spanish_one_speaks_spanish(
        qapp: Any, built_catalogue: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from ui import i18n

    try:
        assert i18n.install("es", qapp)
        assert i18n.current_language() == "es"
        assert QLocale().language() == QLocale.Language.Spanish
        # Qt's own catalogue: the standard buttons
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert QCoreApplication.translate("LanguageMenu", "&Language") != "&Language"
    finally:
        i18n.install("en", qapp)
    assert i18n.current_language() == "en" and len(i18n._installed) == 1  # the plurals
    assert QCoreApplication.translate("LanguageMenu", "&Language") == "&Language"
    assert QCoreApplication.translate("Counted", "%n file(s)", None, 1) == "1 file"
    assert QCoreApplication.translate("Counted", "%n file(s)", None, 3) == "3 files"


# -- (c) a Spanish window shows no English of ours ----------------------------------------

def _plain(text: str) -> str:
    """A shown text without markup, accelerators and extra spaces."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "")
    return " ".join(text.replace("\0", "&").split())


def _literals_of_ui() -> set[str]:
    """Every string literal of ui/ (and each literal part of its f-strings), as shown."""
    import ast

    found: set[str] = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(_plain(node.value))
    return {text for text in found if re.search(r"[A-Za-z]{3}", text)}


def _shown_texts(window: Any) -> dict[str, str]:
    """What the window shows on every page: its title, menus, and the labels, buttons,
    group titles, tabs and placeholders of each section (text -> where it was seen)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QWidget,
    )

    from ui.pages import SECTIONS

    texts: dict[str, str] = {}

    def note(text: str, where: str) -> None:
        text = _plain(text)
        if re.search(r"[^\W\d_]", text):
            texts.setdefault(text, where)

    note(window.windowTitle(), "the window's title")

    def menu_texts(menu: Any, where: str) -> None:
        note(menu.title(), where)
        for action in menu.actions():
            note(action.text().split("\t")[0], f"{where} › {action.text()}")
            if action.menu() is not None:
                menu_texts(action.menu(), f"{where} › {action.text()}")

    for action in window.menuBar().actions():
        menu_texts(action.menu(), action.text())
    for key, _label in SECTIONS:
        page = window.show_section(key)
        QApplication.processEvents()
        for widget in [page, *page.findChildren(QWidget)]:
            if not widget.isVisibleTo(window):
                continue
            where = f"{key}: {type(widget).__name__} {widget.objectName()}".strip()
            if isinstance(widget, (QLabel, QAbstractButton)):
                note(widget.text(), where)
            elif isinstance(widget, QGroupBox):
                note(widget.title(), where)
            elif isinstance(widget, QLineEdit):
                note(widget.placeholderText(), where)
            elif isinstance(widget, QTabWidget):
                for index in range(widget.count()):
                    note(widget.tabText(index), where)
    return texts


def _user_data(store: Any) -> set[str]:
    """Every text the household typed (it stays in the language it was typed in)."""
    import dataclasses

    from organizer.items.models import TYPES

    found: set[str] = set()
    people = store.list_items("person")
    for person in people:
        for type_name in TYPES:
            if type_name == "person":
                continue
            for item in store.list_items(type_name, person.id):
                for value in dataclasses.asdict(item).values():
                    if isinstance(value, str):
                        found.add(_plain(value))
        for value in dataclasses.asdict(person).values():
            if isinstance(value, str):
                found.add(_plain(value))
    return found


# Words that are the same in both languages, or names.
SAME_IN_BOTH = {"Second Opinion Organizer", "English", "Español", "PDF", "A4", "OK", "FHIR",
                "C-CDA", "DICOM", "Total", "Plan"}


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: Any) -> Path:
    from organizer.opening import open_store
    from ui.main_window import add_demo

    folder = Path(tmp_path_factory.mktemp("demo")) / "data"
    with open_store(folder) as store:
        add_demo(store)
    return folder


def test_a_spanish_window_shows_no_english_of_ours(
        qtbot: Any, qapp: Any, settings: Any, demo_folder: Path,  # noqa: F811
        built_catalogue: Path) -> None:
    """Every page of the demo household's window, in English and then in Spanish: a text
    shown in both that is one of ui/'s own literals is English left untranslated."""
    from organizer.opening import open_store
    from ui import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow

    shown = {}
    with open_store(demo_folder) as store:
        typed = _user_data(store)
        for language in ("en", "es"):
            assert i18n.install(language, qapp)
            try:
                window = MainWindow(AppContext(store), settings)
                qtbot.addWidget(window)
                window.resize(1366, 768)
                window.show()
                shown[language] = _shown_texts(window)
                window.close()
            finally:
                i18n.install("en", qapp)
    ours = _literals_of_ui()
    left = sorted(f"{text!r} ({where})" for text, where in shown["es"].items()
                  if text in shown["en"] and text in ours and text not in typed
                  and text not in SAME_IN_BOTH)
    assert len(shown["es"]) > 100
    assert left == [], "\n".join(left)
