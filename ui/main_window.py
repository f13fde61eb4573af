"""The main window: people on the left, the sections under them, the chosen page beside.

Pages are built the first time they are shown, and the first one just after the window's
first frame (which shows the people, the sections and the menus around an empty page
area), so the window appears without waiting for a page and its models; asking for the
page on screen sooner (`current_page`) makes it at once. Only the page on screen reloads
at once when the person changes; the others note it and reload when shown. A page can be
replaced by another (the full Overview and Second opinions pages) with `set_page_factory`
or `set_page`.

Nothing typed is lost on closing: every page saves what is pending first; a value the
store refused (or a new item whose required fields are empty) stops the first close with
a note saying what is not saved, and a second close leaves without it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.person_dialog import PersonDialog
    from ui.operations import StoreOp
    from ui.pages.records_page import RecordsPage
    from ui.welcome import WelcomePage

from organizer import __version__
from organizer.errors import NotFoundError, OrganizerError
from ui import style, theme
from ui.app_font import follow_app_font
from ui.context import AppContext
from ui.first_frame import USER_ROLE, no_sideways_scroll
from ui.menus import Menus
from ui.page_area import PageArea
from ui.pages import SECTIONS, PageFactory, default_factories
from ui.pages.page import Page
from ui.person_switcher import PersonSwitcher
from ui.saved_indicator import SavedIndicator
from ui.screen_fit import fit_to_screen, keep_on_screen
from ui.search_panel import SearchPanel
from ui.settings import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, Settings
from ui.worker import Job

APP_NAME = "Second Opinion Organizer"
WINDOW_SIZE = (1280, 860)  # at the base text size, before the screen's limits
NAVIGATION_CHARS = 32  # the width of the people and sections, in average characters


# The shorter printouts (organizer.packet.printouts.TITLES; not imported here, since that
# module loads reportlab and the window must open quickly).
PRINTOUTS = {
    "medications": QT_TRANSLATE_NOOP("main_window", "Medication list"),
    "questions": QT_TRANSLATE_NOOP("main_window", "Questions for the doctor"),
    "visit-summary": QT_TRANSLATE_NOOP("main_window", "Visit summary for the primary doctor"),
    "request-letter": QT_TRANSLATE_NOOP("main_window", "Records request letter"),
}


# Files dropped or chosen for import (health data from a portal, or a person archive);
# any other file dropped on the window becomes a record.
IMPORT_SUFFIXES = (".json", ".ndjson", ".xml", ".zip")
IMPORT_FILTER = "Health records (*.json *.ndjson *.xml *.zip);;All files (*)"


def importable(path: Path) -> bool:
    return path.suffix.lower() in IMPORT_SUFFIXES


def _section_of(type_name: str) -> str:
    """The section a type's items are listed in (ui/type_views.py, loaded when first
    needed: the window's first frame lists no item)."""
    from ui.type_views import view_of

    return view_of(type_name).section


class MainWindow(QMainWindow):
    _built = False  # True once __init__ has made every part (events can come before)

    def __init__(self, context: AppContext, settings: Settings, *, example: bool = False,
                 on_closed: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        if not example:  # (nothing of an example window is kept)
            context.settings = settings
        self.example = example
        self._on_closed = on_closed
        self.factories: dict[str, PageFactory] = default_factories()
        self.pages: dict[str, Page] = {}
        # the person each built page was last given: a hidden page is given the current
        # person only when it is shown (or asked for), so a switch reloads one page
        self._page_person: dict[str, int | None] = {}
        self.jobs: list[Job] = []
        self._close_warned: list[str] | bool = False
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._other_windows: list[MainWindow] = []
        self.on_forget: Callable[[], None] | None = None  # an example window's opener
        self.setWindowTitle(APP_NAME + (self.tr(" — EXAMPLE DATA") if example else ""))
        self.setAcceptDrops(True)

        self.search = SearchPanel(context)
        self.search.open_requested.connect(self.open_item)
        self.search.active_changed.connect(self._search_active)
        self.search.panel_made.connect(self._place_search_results)
        self._before_search: QWidget | None = None  # the page the results took the place of
        self.people = PersonSwitcher(context)
        self.people.add_requested.connect(self.add_person)
        self.people.edit_requested.connect(self.edit_person)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setSpacing(3)  # roomy rows without a style sheet (those slow start-up)
        no_sideways_scroll(self.sections)
        for key, label in SECTIONS:
            entry = QListWidgetItem(QCoreApplication.translate("sections", label))
            entry.setData(USER_ROLE, key)
            self.sections.addItem(entry)
        self.sections.currentItemChanged.connect(
            lambda entry, _old: entry is not None and self.show_section(
                entry.data(USER_ROLE)))
        # Alt+T: Alt+S is the Security menu's (tests/ui/test_keyboard.py)
        sections_label = QLabel(self.tr("Sec&tions"))
        sections_label.setBuddy(self.sections)

        left = QWidget()
        left.setObjectName("navigation")
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.search)
        left_column.addWidget(self.people)
        left_column.addSpacing(6)
        left_column.addWidget(sections_label)
        left_column.addWidget(self.sections, 1)
        self.navigation = left

        self.stack = QStackedWidget()
        self._welcome: WelcomePage | None = None  # made when first shown (see welcome)
        # what the page area shows in the first frame while its page is still to be made
        self._waiting = QWidget()
        self.stack.addWidget(self._waiting)
        self._first_section: str | None = None

        self.notice = QLabel()  # the example-data mark, and what is not saved on closing
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")  # coloured by the theme's stylesheet
        follow_app_font(self.notice)
        self.notice.hide()
        if example:
            self._show_notice(self.tr("Example data: made-up people, not your own records. "
                                      "Nothing you change here is kept after this window closes."))

        self.splitter = QSplitter()  # side by side (Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        # the pages scroll, rather than the window growing past the screen, when their
        # text is too large for it (at 200% on a 1366x768 laptop)
        self.page_area = PageArea(self.stack)
        self.splitter.addWidget(self.page_area)
        # the pages take every change of the window's width; the people and sections keep
        # theirs (a page with a wide minimum, such as the case page, used to squeeze them)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._fit_navigation()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.notice)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        theme.apply(settings.appearance())  # (before the parts below are polished)
        self._make_status_bar()
        self._make_menus()
        self.after_first_paint(self._add_icons)
        context.person_changed.connect(self._person_changed)
        context.changed.connect(self._on_changed)
        context.error.connect(self.say)
        geometry = settings.geometry() if not example else None
        if geometry is None or not self.restoreGeometry(geometry):
            # (its pages scroll: it need not grow for their text; and asking its layout
            # before the first frame would make QFormLayout's class, see ui/first_frame)
            fit_to_screen(self, *WINDOW_SIZE, grow=False)
        else:
            keep_on_screen(self)  # saved on a larger screen, or at a smaller text size
        self._built = True
        # check boxes that grow with the text: a style made before the first frame would
        # build QStyle's enums for it (see ui/first_frame.py)
        self.after_first_paint(_text_sized_indicators)
        self._start()

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run `work` just after the window is first painted (at once if it has been).

        For what the first sight of the window does not need. A zero timer started before
        the window is shown is not enough: Qt runs it before the first paint.
        """
        if self._painted:
            work()
        else:
            self._after_paint.append(work)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # the window's children paint after it, in this same pass: wait for the end
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        work, self._after_paint = self._after_paint, []
        for job in work:
            job()

    def _add_icons(self) -> None:
        """The icons of the sections, the main actions and the window (ui/icons.py), after
        the first frame: drawing the first icon loads the icon font."""
        from ui.icons import SECTION_ICONS, app_icon, icon

        self.setWindowIcon(app_icon())
        for row, (key, _label) in enumerate(SECTIONS):
            self.sections.item(row).setIcon(icon(SECTION_ICONS[key]))
        menus = self.menus
        for action, name in ((menus.undo, "undo"), (menus.redo, "redo"),
                             (menus.new_item, "add"), (menus.delete_item, "delete"),
                             (menus.find, "search"), (menus.import_files, "import"),
                             (menus.export, "export"), (menus.packet, "packet"),
                             (menus.disc, "disc"), (menus.printouts.menuAction(), "print")):
            action.setIcon(icon(name))
        self.menus.appearance.menuAction().setIcon(icon("appearance"))
        theme.follow_system()

    def set_appearance(self, appearance: str) -> None:
        """View › Appearance: follow the system, or keep light or dark; remembered."""
        self.settings.set_appearance(appearance)
        theme.apply(appearance)
        for action in self.menus.appearance.actions():
            action.setChecked(action.data() == appearance)

    def navigation_width(self) -> int:
        """A comfortable width for the people and sections (with their icons): about 32
        average characters (256 px at the base text size), growing with the zoom."""
        return NAVIGATION_CHARS * self.navigation.fontMetrics().averageCharWidth()

    def _fit_navigation(self) -> None:
        from PySide6.QtCore import QSize

        side = self.fontMetrics().height()  # icons grow with the text, rows stay as tall
        self.sections.setIconSize(QSize(side, side))
        width = self.navigation_width()
        self.navigation.setMinimumWidth(width)
        total = sum(self.splitter.sizes()) or self.width()
        self.splitter.setSizes([width, max(total - width, 1)])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # (a font change can arrive while __init__ is still building the window)
        if event.type() == QEvent.Type.FontChange and self._built:
            self._fit_navigation()

    # -- start --------------------------------------------------------------------------

    def _start(self) -> None:
        """Choose the person and the first section; the section's page (and its models and
        modules) is made just after the window's first frame, which shows the people and
        sections beside an empty page area. Asking for a page sooner makes it at once."""
        people = self.context.store.people()
        if not people:
            self._show_welcome(True)
            return
        remembered = None if self.example else self.settings.last_person(self._folder())
        ids = [p.id for p in people]
        self._show_welcome(False)
        self.stack.setCurrentWidget(self._waiting)
        self._first_section = SECTIONS[0][0]
        self.context.set_person(remembered if remembered in ids else ids[0])
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(0)
        self.sections.blockSignals(False)
        self.after_first_paint(self._show_first_section)

    def _show_first_section(self) -> None:
        """Make and show the first section's page, if nothing has been shown instead."""
        key, self._first_section = self._first_section, None
        if key is not None and self.stack.currentWidget() is self._waiting:
            self.show_section(key)

    @property
    def welcome(self) -> WelcomePage:
        """The page of an organizer without people, made the first time it is needed (an
        organizer with people never makes it before its first frame)."""
        if self._welcome is None:
            from ui.welcome import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.add_person_requested.connect(self.add_person)
            self._welcome.example_requested.connect(self.open_example)
            self._welcome.help_requested.connect(_caller(self.show_help, "steps"))
            self.stack.addWidget(self._welcome)
        return self._welcome

    def _on_welcome(self) -> bool:
        return self._welcome is not None and self.stack.currentWidget() is self._welcome

    def _show_welcome(self, on: bool) -> None:
        self.navigation.setVisible(not on)
        if on:
            self.stack.setCurrentWidget(self.welcome)
        for action in self.menus.for_a_person:
            action.setEnabled(not on)

    def _folder(self) -> str:
        return str(self.context.store.root)

    # -- pages --------------------------------------------------------------------------

    def set_page_factory(self, key: str, factory: PageFactory) -> None:
        """Make a section's page with `factory` (replacing the page if already built)."""
        self.factories[key] = factory
        if key in self.pages:
            self.set_page(key, factory(self.context))

    def set_page(self, key: str, page: Page) -> None:
        """Put `page` in a section's place now."""
        old = self.pages.pop(key, None)
        showing = old is not None and self.stack.currentWidget() is old
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._adopt(key, page)
        if showing:
            self.stack.setCurrentWidget(page)

    def page(self, key: str) -> Page:
        """The page of a section, built if needed (not shown), on the current person."""
        if key not in self.pages:
            self._adopt(key, self.factories[key](self.context))
        else:
            self._give_person(key)
        return self.pages[key]

    def _give_person(self, key: str) -> None:
        page = self.pages[key]
        person_id = self.context.person_id
        if self._page_person[key] != person_id:
            self._page_person[key] = person_id
            page.set_person(person_id)

    def _adopt(self, key: str, page: Page) -> None:
        self.pages[key] = page
        # a page made on the context has usually read its person already
        self._page_person[key] = page.person_id
        self.stack.addWidget(page)
        # (a TabbedPage passes its tabs' signals on as its own)
        page.status.connect(self.say)
        page.open_item.connect(lambda t, i: self.open_item(t, i, self.context.person_id or 0))
        page.job_started.connect(self.track_job)
        page.add_item.connect(self.add_item)
        self._give_person(key)

    def current_key(self) -> str | None:
        entry = self.sections.currentItem()
        return entry.data(USER_ROLE) if entry is not None else None

    def current_page(self) -> Page | None:
        self._show_first_section()  # (asked before the first paint: made now)
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_section(self, key: str) -> Page:
        self._first_section = None  # this one is shown instead
        page = self.page(key)
        current = self.current_page()
        if current is not None and current is not page:
            current.flush()
        self.stack.setCurrentWidget(page)
        if self.current_key() != key:
            row = next(i for i, (k, _) in enumerate(SECTIONS) if k == key)
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(row)
            self.sections.blockSignals(False)
        return page

    def open_item(self, type_name: str, item_id: int, person_id: int) -> bool:
        """Show one item where it lives: its person, its section, selected."""
        if person_id != self.context.person_id:
            self.context.set_person(person_id)
        page = self.show_section(_section_of(type_name))
        opened = page.show_item(type_name, item_id)
        if not opened and type_name != "person":
            self.say(self.tr("That item is in this section but could not be selected."))
        return opened

    def add_item(self, type_name: str) -> None:
        """Start a new item of a type in its section (records: choose their files)."""
        if type_name == "record":
            self.show_section(_section_of(type_name))
            self.choose_record_files()
            return
        self.show_section(_section_of(type_name)).add_new()

    # -- outputs ------------------------------------------------------------------------

    def _current_case_id(self) -> int | None:
        page = self.current_page()
        return page.shown_case() if page is not None else None

    def make_packet(self) -> QWidget | None:
        """File › Make packet…: for the case on screen, or the person's only open case."""
        if self.context.person_id is None:
            return None
        from ui.dialogs.packet_dialog import open_packet_dialog

        return open_packet_dialog(self.context, self, self._current_case_id())

    def print_list(self, kind: str) -> QWidget | None:
        if self.context.person_id is None:
            return None
        from ui.dialogs.printouts_dialog import open_printouts_dialog

        return open_printouts_dialog(self.context, self, kind, self._current_case_id())

    # -- people -------------------------------------------------------------------------

    def _person_changed(self, person_id: int | None) -> None:
        # only the page on screen follows now; the others when shown (see page())
        for key, page in self.pages.items():
            if page is self.stack.currentWidget():
                self._give_person(key)
        if person_id is not None:
            if not self.example:
                self.settings.set_last_person(self._folder(), person_id)
            if self._on_welcome():
                self._show_welcome(False)
                self.show_section(self.current_key() or "overview")
        self._show_title()

    def _show_title(self) -> None:
        """The window names the person shown (and follows a rename of them)."""
        person_id = self.context.person_id
        name = ""
        if person_id is not None:
            try:
                name = self.context.store.person(person_id).full_name
            except NotFoundError:
                name = ""
        self.setWindowTitle((f"{name} — " if name else "") + APP_NAME
                            + (self.tr(" — EXAMPLE DATA") if self.example else ""))

    def _on_changed(self, change: Any, initiator: object = None) -> None:
        if "person" not in change.types:
            return
        self._show_title()  # a renamed person, or one removed or brought back
        ids = self.people.person_ids()
        if not ids:
            self.context.set_person(None)
            self._show_welcome(True)
        elif self.context.person_id not in ids:
            self.context.set_person(ids[0])

    def add_person(self) -> PersonDialog:
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.context, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def edit_person(self) -> PersonDialog | None:
        if self.context.person_id is None:
            return None
        from ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.context, self.context.store.person(self.context.person_id),
                              parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def remove_person(self) -> None:
        person_id = self.context.person_id
        if person_id is None:
            return
        name = self.context.store.person(person_id).full_name
        self.context.write(self.tr("Remove {name}").format(name=name),
                           lambda: self.context.store.delete("person", person_id))
        self.say(self.tr("{name} was removed from the list. Edit › Undo brings everything back.")
                 .format(
                     name=name))

    # -- example data -------------------------------------------------------------------

    def open_example(self) -> MainWindow | None:
        try:
            window = open_example_window(self.settings)
        except OrganizerError as exc:
            self.say(str(exc))
            return None
        self._other_windows.append(window)
        window.on_forget = lambda: self._other_windows.remove(window)
        window.show()
        return window

    # -- menus --------------------------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Callable[[], Any],
                keys: Any = None, tip: str = "") -> QAction:
        action = QAction(self)  # (QAction(text, parent) would make QIcon's class: see
        action.setText(text)    # ui/first_frame.py)
        # (setShortcuts, even for one: setShortcut's overloads make Qt's namespace before
        # the first frame, see ui/first_frame.py)
        if keys is not None:
            action.setShortcuts([QKeySequence(k) for k in
                                 (keys if isinstance(keys, list) else [keys])])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Add records from files…"), self.choose_record_files,
                     tip=self.tr("Each file you choose becomes a record"))
        disc = self._action(
            file_menu, self.tr("Add an imaging &disc…"), self.choose_disc,
            tip=self.tr("An MRI, CT or X-ray disc (DICOM): its studies and key images become a "
                        "record"))
        import_files = self._action(
            file_menu, self.tr("&Import from a patient portal file…"), self.choose_import_files,
            keys.Open, self.tr("FHIR (.json, .ndjson) or C-CDA (.xml) files, or a person archive "
                               "(.zip)"))
        export = self._action(
            file_menu, self.tr("&Export…"), self.export, None,
            self.tr("A person archive, a summary for another doctor's system, visits for a "
                    "calendar, medications as a spreadsheet"))
        file_menu.addSeparator()
        packet = self._action(
            file_menu, self.tr("Make &packet for the doctor…"), self.make_packet, keys.Print,
            self.tr("The PDF to bring to (or send ahead to) the second doctor"))
        printouts = file_menu.addMenu(self.tr("Print a &list"))
        for kind, title in PRINTOUTS.items():
            self._action(printouts, QCoreApplication.translate("main_window", title) + "…",
                         _caller(self.print_list, kind))
        file_menu.addSeparator()
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, keys.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self._action(edit, self.tr("&Undo"), self.undo, keys.Undo)
        # Both usual keys on every system, each once: the platform's own Redo is one of
        # them (Ctrl+Y on Windows, Ctrl+Shift+Z elsewhere), so adding it again bound one
        # key twice and left the other out
        redo = self._action(edit, self.tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        stack = self.context.undo_stack
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        edit.addSeparator()
        new_item = self._action(edit, self.tr("&New item"), self.new_item, keys.New,
                                self.tr("Add a new item to the list on screen"))
        # Del is bound on each list (not here), so that it never deletes an item while
        # the user is editing a field; the menu only shows it.
        delete_key = QKeySequence(keys.Delete).toString(QKeySequence.SequenceFormat.NativeText)
        delete_item = self._action(edit, self.tr("&Delete item\t{delete_key}").format(
                                             delete_key=delete_key), self.delete_item,
                                   None, self.tr("Delete the chosen item (you can undo it)"))
        edit.addSeparator()
        find = self._action(edit, self.tr("&Find…"), self.search.focus, keys.Find)

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("Zoom &in"), self.zoom_in, [keys.ZoomIn, "Ctrl+="])
        self._action(view, self.tr("Zoom &out"), self.zoom_out, keys.ZoomOut)
        self._action(view, self.tr("&Actual size"), self.zoom_reset, "Ctrl+0")
        appearance = view.addMenu(self.tr("A&ppearance"))
        appearance_group = QActionGroup(self)
        for value, label in theme.APPEARANCES.items():
            choice = self._action(appearance, QCoreApplication.translate("theme", label),
                                  _caller(self.set_appearance, value))
            choice.setCheckable(True)
            choice.setChecked(value == self.settings.appearance())
            choice.setData(value)
            appearance_group.addAction(choice)
        view.addSeparator()
        group = QActionGroup(self)
        for number, (key, label) in enumerate(SECTIONS, start=1):
            # "&" in a menu marks the access key: "Medications & allergies" needs "&&"
            action = self._action(view, QCoreApplication.translate("sections", label)
                                  .replace("&", "&&"),
                                  _caller(self.show_section, key),
                                  f"Ctrl+{number}" if number < 10 else None)
            group.addAction(action)
        view.addSeparator()
        from ui.language_menu import add_language_menu

        self.language_menu = add_language_menu(view, self.settings, self)

        person = bar.addMenu(self.tr("&Person"))
        self._action(person, self.tr("&Add person…"), self.add_person)
        person_actions = [
            self._action(person, self.tr("&Edit person…"), self.edit_person),
            self._action(person, self.tr("&Remove this person"), self.remove_person,
                         tip=self.tr("Takes this person off the list (Edit › Undo brings them "
                                     "back)")),
        ]
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&How a second opinion works"), _caller(self.show_help,
                                                                                "steps"),
                     tip=self.tr("The ten steps, in plain words"))
        self._action(help_menu, self.tr("&Getting started"), _caller(self.show_help, "start"),
                     tip=self.tr("What to do first, and where to find it"))
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About Second Opinion Organizer"), self.about)
        self.menus: Menus = Menus(
            file=file_menu, edit=edit, view=view, person=person, help=help_menu,
            printouts=printouts, quit=quit_action, import_files=import_files, export=export,
            packet=packet, disc=disc, undo=undo, redo=redo, new_item=new_item,
            delete_item=delete_item, find=find, appearance=appearance,
            for_a_person=[*person_actions, packet, printouts.menuAction(), export, disc])
        if self._on_welcome():
            self._show_welcome(True)

    # Bound methods, not lambdas: the undo stack may outlive this window.
    def _undo_text(self, text: str) -> None:
        self.menus.undo.setText(f"&Undo {text}".strip())

    def _redo_text(self, text: str) -> None:
        self.menus.redo.setText(f"&Redo {text}".strip())

    def _make_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress of work in the background"))
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the work in the background"))
        self.job_label = QLabel()
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.job_label)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        holder.hide()
        self.job_box = holder
        self.statusBar().addPermanentWidget(holder)
        self.saved = SavedIndicator(self.context)
        self.statusBar().addPermanentWidget(self.saved)

    # -- actions ------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def _flush_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.flush()

    def undo(self) -> None:
        self._flush_current()
        text = self.context.undo_stack.undoText()
        self.context.undo_stack.undo()
        if text:
            self.say(self.tr("Undone: {text}.").format(text=text))

    def redo(self) -> None:
        text = self.context.undo_stack.redoText()
        self.context.undo_stack.redo()
        if text:
            self.say(self.tr("Done again: {text}.").format(text=text))

    def new_item(self) -> None:
        page = self.current_page()
        if page is not None:
            page.add_new()

    def delete_item(self) -> None:
        page = self.current_page()
        if page is not None:
            page.delete_selected()

    def zoom_in(self) -> None:
        self.set_zoom(self.settings.zoom() + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.settings.zoom() - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        zoom = round(min(max(zoom, ZOOM_MIN), ZOOM_MAX), 2)
        self.settings.set_zoom(zoom)
        # this window, its dialogs, visit mode: the sizes they had, before the text grew
        windows = [(w, w.size()) for w in QApplication.topLevelWidgets()
                   if w.isVisible() and w.isWindow()]
        style.apply_zoom(zoom)
        theme.apply()  # the tick boxes' size in the stylesheet follows the text
        # once the layouts have asked for the larger text's room: a window that grew past
        # its screen is brought back within it (its pages scroll instead)
        QTimer.singleShot(0, lambda: _keep_on_screen(windows))
        self.say(self.tr("Text size {value}%").format(value=round(zoom * 100)))

    def show_help(self, kind: str) -> Any:
        """Help › "How a second opinion works" ("steps") or "Getting started" ("start")."""
        from ui.dialogs.help_dialog import open_help

        return open_help(self, kind)

    def about(self) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # (dialog classes: when first used)

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About {app_name}").format(
                                                            app_name=APP_NAME),
                          self.tr("<b>{app_name}</b> {version}<p>Keeps your family's health "
                                  "information on this computer and makes the packet for a second "
                                  "medical opinion. It never uses the network.</p><p>Your data "
                                  "folder: {root}</p>").format(
                              app_name=APP_NAME, version=__version__, root=self.context.store.root),
                          QMessageBox.StandardButton.Ok, self)
        from ui.icons import app_icon

        box.setIconPixmap(app_icon().pixmap(72, 72))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def choose_record_files(self) -> QWidget:
        from ui.file_dialogs import choose_files
        from ui.pages.records_page import FILE_FILTER

        return choose_files(self, "records", self.tr("Choose files to add as records"), FILE_FILTER,
                            self.add_record_files, self.context.settings)

    def choose_disc(self) -> None:
        from ui.dialogs.disc_dialog import choose_disc_folder

        if self.context.person_id is not None:
            choose_disc_folder(self, self.add_disc, self.context.settings)

    def add_disc(self, folder: Path) -> QWidget | None:
        """Open the disc preview for the current person (nothing is saved before Add)."""
        if self.context.person_id is None:
            return None
        from ui.dialogs.disc_dialog import open_disc_dialog

        return open_disc_dialog(self.context, folder, self.context.person_id, self)

    def choose_import_files(self) -> QWidget:
        from ui.file_dialogs import choose_files

        return choose_files(self, "import", self.tr("Choose files from a patient portal"),
                            IMPORT_FILTER, self.import_files, self.context.settings)

    def import_files(self, paths: list[Path]) -> QWidget:
        """Open the import preview for these files (nothing is added before the user agrees)."""
        from ui.dialogs.import_dialog import open_import_dialog

        return open_import_dialog(self.context, paths, self)

    def export(self) -> QWidget | None:
        if self.context.person_id is None:
            return None
        from ui.dialogs.export_dialog import open_export_dialog

        return open_export_dialog(self.context, self)

    def records_page(self) -> RecordsPage:
        from ui.pages.records_page import RecordsPage

        page = self.page("records")
        for inner in [page, *page.sub_pages()]:
            if isinstance(inner, RecordsPage):
                return inner
        raise LookupError("no records page")

    def add_record_files(self, paths: list[Path]) -> StoreOp | None:
        """One record per file, written on the writer thread (see RecordsPage.add_files)."""
        outer = self.show_section("records")
        records = self.records_page()
        outer.show_sub_page(records)
        return records.add_files(paths)

    # -- long work ----------------------------------------------------------------------

    def track_job(self, job: Job, what: str) -> None:
        self.jobs.append(job)
        self.job_label.setText(what)
        self.progress.setRange(0, 0)
        self.job_box.show()
        self.cancel_button.clicked.connect(job.cancel)
        job.progress.connect(self._job_progress)

        def finished(*_args: Any) -> None:
            if job in self.jobs:
                self.jobs.remove(job)
            try:
                self.cancel_button.clicked.disconnect(job.cancel)
            except (RuntimeError, TypeError):
                pass
            if not self.jobs:
                self.job_box.hide()

        for signal in (job.succeeded, job.failed, job.cancelled):
            signal.connect(finished)

    def _job_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what:
            self.progress.setToolTip(what)

    # -- drops, search, closing ---------------------------------------------------------

    def dragEnterEvent(self, event: Any) -> None:
        from ui.pages.records_page import dropped_files

        paths = dropped_files(event.mimeData())
        if paths and (self.context.person_id is not None or all(map(importable, paths))):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: Any) -> None:
        from ui.pages.records_page import dropped_files

        paths = dropped_files(event.mimeData())
        if not paths:
            return
        to_import = [p for p in paths if importable(p)]
        documents = [p for p in paths if not importable(p)]
        if to_import:
            event.acceptProposedAction()
            self.import_files(to_import)
        if documents and self.context.person_id is not None:
            event.acceptProposedAction()
            self.add_record_files(documents)

    def _place_search_results(self, panel: QWidget) -> None:
        self.stack.addWidget(panel)

    def _search_active(self, active: bool) -> None:
        """The search's results take the page's place while there are any to see; the
        page comes back when the search is cleared."""
        panel = self.search.panel_if_made
        if panel is None:
            return  # (cleared before anything was searched)
        showing = self.stack.currentWidget() is panel
        if active and not showing:
            self._flush_current()  # (typing on the page is saved before it makes way)
            self._before_search = self.stack.currentWidget()
            self.stack.setCurrentWidget(panel)
        elif not active and showing:
            back, self._before_search = self._before_search, None
            if back is not None and self.stack.indexOf(back) >= 0:
                self.stack.setCurrentWidget(back)
            elif self.current_key() is not None:
                self.show_section(self.current_key() or "overview")

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def unsaved(self) -> list[str]:
        lines: list[str] = []
        for page in self.pages.values():
            page.flush()
            lines += page.unsaved()
        return lines

    def force_close(self) -> list[str]:
        """Close now, whatever is refused (locking must not wait); returns what was not
        saved, for the caller to keep in memory and show again."""
        problems = self.unsaved()
        self._close_warned = problems
        self.close()
        return problems

    def closeEvent(self, event: QCloseEvent) -> None:
        problems = self.unsaved()
        # Warn once about the same refused values: closing again leaves without them. New
        # or other problems are warned about again.
        if problems and problems != self._close_warned:
            self._close_warned = problems
            event.ignore()
            self._show_notice(self.tr("Not saved: ") + " ".join(problems)
                              + self.tr(" Correct it, or close the window again to leave without "
                                        "it."))
            return
        for job in list(self.jobs):
            job.cancel()
            job.wait(10000)
        self.search.shutdown()  # its thread's store closes with the window's
        if not self.example:
            self.settings.set_geometry(self.saveGeometry())
            if self.context.person_id is not None:
                self.settings.set_last_person(self._folder(), self.context.person_id)
            self.settings.sync()
        for window in list(self._other_windows):
            window.close()
        # the undo steps go now, in Qt's order, not later in the garbage collector's
        self.context.undo_stack.clear()
        event.accept()
        super().closeEvent(event)
        if self._on_closed is not None:
            callback, self._on_closed = self._on_closed, None
            callback()
        if self.on_forget is not None:
            forget, self.on_forget = self.on_forget, None
            forget()


def _text_sized_indicators() -> None:
    from ui.indicator_style import install

    app = QApplication.instance()
    if app is not None:
        install(app)


def _keep_on_screen(windows: list[tuple[QWidget, Any]]) -> None:
    for window, before in windows:
        try:
            grew = window.width() > before.width() or window.height() > before.height()
        except RuntimeError:  # closed and deleted meanwhile
            continue
        if grew:
            keep_on_screen(window)


def open_example_window(settings: Settings) -> MainWindow:
    """A window on a fresh store of made-up people in a temporary folder, marked as such."""
    from organizer.opening import open_store

    folder = tempfile.TemporaryDirectory(prefix="organizer-example-")
    try:
        store = open_store(Path(folder.name) / "data")
        try:
            add_demo(store)
        except BaseException:
            store.close()
            raise
    except BaseException:
        folder.cleanup()
        raise
    context = AppContext(store)

    def closed() -> None:
        store.close()
        folder.cleanup()

    window = MainWindow(context, settings, example=True, on_closed=closed)
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return window


def add_demo(store: Any) -> None:
    """The demo people (organizer.demo), imported only when asked for."""
    import importlib

    try:
        module = importlib.import_module("organizer.demo.household")
    except ImportError:
        raise OrganizerError("The example data is not available in this version.") from None
    module.add_demo(store)



def _caller(function: Callable[[str], Any], value: str) -> Callable[[], Any]:
    return lambda: function(value)
