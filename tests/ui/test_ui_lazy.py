# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""What keeps the app quick without changing what it shows: switching person reloads only
what is on screen (a hidden page, or a hidden tab, is given the new person when it is
shown or asked to show an item, and then shows that person's items as if it had followed
all along); columns measured quickly and exactly; work left for after the first paint;
start-up that does not load what it does not need."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401


def _two_people(store: Any, person_id: int) -> int:
    other = store.add("person", {"full_name": "Ben Example"}).id
    store.add("condition", {"name": "Asthma"}, person_id=person_id)
    store.add("condition", {"name": "Gout"}, person_id=other)
    for day, value in (("2024-01-05", "5.1"), ("2024-06-05", "5.6")):
        store.add("result", {"name": "HbA1c", "value": value, "observed_on": day},
                  person_id=other)
    store.add("procedure", {"name": "Knee arthroscopy"}, person_id=other)
    return other


def test_a_hidden_page_follows_the_person_only_when_shown(
        window_factory: Any, store: Any, person_id: int) -> None:
    other = _two_people(store, person_id)
    window = window_factory()
    window.context.set_person(person_id)
    overview = window.show_section("overview")
    assert overview.greeting.text() == "Overview for Anna Kowalska"
    conditions = window.show_section("conditions")
    assert [i.title for i in conditions.model.items()] == ["Asthma"]

    window.context.set_person(other)
    QApplication.processEvents()
    # the list on screen follows at once; the overview, hidden, is left as it was
    assert [i.title for i in conditions.model.items()] == ["Gout"]
    assert overview.person_id == person_id

    assert window.show_section("overview") is overview
    assert overview.person_id == other
    assert overview.greeting.text() == "Overview for Ben Example"


def test_asking_for_a_page_gives_it_the_current_person(
        window_factory: Any, store: Any, person_id: int) -> None:
    other = _two_people(store, person_id)
    window = window_factory()
    window.context.set_person(person_id)
    window.show_section("overview")
    window.show_section("conditions")
    window.show_section("overview")
    window.context.set_person(other)
    page = window.page("conditions")  # not shown: still up to date when asked for
    assert page.person_id == other
    assert page.show_item("condition", store.list_items("condition", other)[0].id)


def test_a_hidden_tab_follows_the_person_when_its_tab_is_chosen(
        window_factory: Any, store: Any, person_id: int) -> None:
    other = _two_people(store, person_id)
    window = window_factory()
    window.context.set_person(person_id)
    history = window.show_section("history")
    chart = history.pages[3]
    assert chart.person_id == person_id and chart.test_names() == []

    window.context.set_person(other)
    QApplication.processEvents()
    assert history.pages[0].person_id == other  # the tab on screen
    assert chart.person_id == person_id  # the chart is not redrawn while hidden

    history.tabs.setCurrentIndex(3)
    assert chart.person_id == other
    assert "HbA1c" in chart.test_names()


def test_opening_an_item_on_a_hidden_tab_of_another_person(
        window_factory: Any, store: Any, person_id: int) -> None:
    other = _two_people(store, person_id)
    wanted = store.list_items("procedure", other)[0].id
    window = window_factory()
    window.context.set_person(person_id)
    window.show_section("history")
    window.show_section("overview")
    assert window.open_item("procedure", wanted, other)
    page = window.current_page().current()
    assert page.person_id == other
    assert page.current_item().id == wanted


def test_a_list_measures_its_columns_once_per_reload(
        window_factory: Any, store: Any, person_id: int) -> None:
    _two_people(store, person_id)
    window = window_factory()
    window.context.set_person(person_id)
    page = window.show_section("conditions")
    QApplication.processEvents()
    calls = []
    measure = page.columns_fitter.wanted
    page.columns_fitter.wanted = lambda *a: calls.append(1) or measure(*a)
    page.reload()
    QApplication.processEvents()
    assert len(calls) == 1
    assert not page.columns_fitter._timer.isActive()


def test_measured_column_widths_are_what_qt_measures(
        window_factory: Any, store: Any, person_id: int) -> None:
    """The quick measure of a list's columns gives Qt's own answer, pixel for pixel, with
    and without a filter hiding rows (and so the same layout as before it was quick)."""
    texts = ["Ibuprofen", "Metformin hydrochloride extended release", "Lisinopril",
             "Aspirin — low dose, with food", "Żółć (bile acid)", "Vitamin D3\nwinter only",
             "WWWWWWWW", "iiiiiiiiiiii"]
    for number, name in enumerate(texts):
        store.add("medication", {"name": name, "dose": f"{number * 125} mg",
                                 "frequency": "twice a day" if number % 2 else "daily",
                                 "started_on": f"20{10 + number}-0{1 + number}-1{number}"},
                  person_id=person_id)
    window = window_factory()
    window.context.set_person(person_id)
    page = window.show_section("medications").current()
    QApplication.processEvents()
    fitter, table = page.columns_fitter, page.table
    for filter_text in ("", "in"):
        page.filter.setText(filter_text)
        QApplication.processEvents()
        assert table.model().rowCount() == (8 if not filter_text else 4)
        for column in range(table.model().columnCount()):
            assert fitter.content_width(column) == table.sizeHintForColumn(column)


def test_work_left_for_after_the_first_paint(qtbot: Any, settings: Any, store: Any,
                                             person_id: int) -> None:
    """What the first sight of the window does not need runs after the window is painted,
    not before (a zero timer started before showing would run before the paint)."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    window = MainWindow(AppContext(store), settings)
    qtbot.addWidget(window)
    ran: list[bool] = []
    window.after_first_paint(lambda: ran.append(window._painted))
    QApplication.processEvents()
    assert ran == []  # not shown, not painted: waiting
    window.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)
    window.after_first_paint(lambda: ran.append(True))  # painted already: at once
    assert ran == [True, True]


def test_the_remembered_person_key_is_the_same_as_before(settings: Any) -> None:
    """The folder's key is hashed without hashlib (OpenSSL) now: the same key, so people
    chosen with an earlier version are still remembered."""
    import hashlib

    folder = "/home/anna/Second Opinion Organizer"
    expected = "people/last_" + hashlib.sha1(folder.encode()).hexdigest()[:16]
    assert settings._person_key(folder) == expected
    settings.set_last_person(folder, 7)
    assert settings.qsettings.value(expected) in (7, "7")
    assert settings.last_person(folder) == 7


def test_the_window_shows_without_loading_network_or_openssl(tmp_path: Any) -> None:
    """Opening a plain store to the first frame imports neither QtNetwork (the single-app
    channel opens after the first paint) nor hashlib, json or socket."""
    import subprocess
    import sys

    from organizer.opening import open_store
    from tests.helpers.cli import ROOT
    data = tmp_path / "data"
    with open_store(data) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.main_window import MainWindow\n"
        "real_paint = MainWindow.paintEvent\n"
        "seen = []\n"
        "def paint(window, event):\n"
        "    if not seen:\n"
        "        seen.append(sorted(m for m in ('PySide6.QtNetwork', 'hashlib', 'json', "
        "'socket') if m in sys.modules))\n"
        "        print('LOADED', seen[0], flush=True)\n"
        "    real_paint(window, event)\n"
        "MainWindow.paintEvent = paint\n"
        "QApplication.exec = lambda *a: [QApplication.processEvents() for _ in range(3)] "
        "and 0\n"
        "from organizer.cli import main\n"
        f"sys.exit(main(['--data-dir', {str(data)!r}]))\n")
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout, done.stdout


def test_the_results_chart_behind_its_tab_is_drawn_when_shown(
        window_factory: Any, store: Any, person_id: int) -> None:
    """The chart tab of History reads and draws nothing until it is shown, then shows the
    person on screen, and follows new results (drawn at once while shown)."""
    other = _two_people(store, person_id)
    window = window_factory()
    window.context.set_person(other)
    history = window.show_section("history")
    chart = history.pages[3]
    assert chart.picker.count() == 0 and chart.chart.title() == ""  # nothing drawn yet
    history.tabs.setCurrentIndex(3)
    assert chart.picker.count() == 1 and chart.chart.title() == "HbA1c"
    for day, value in (("2024-02-01", "120"), ("2024-08-01", "110")):
        window.context.write("Add", lambda day=day, value=value: store.add(
            "result", {"name": "LDL", "value": value, "observed_on": day},
            person_id=other))
    assert sorted(chart.picker.itemText(i) for i in range(chart.picker.count())) == [
        "HbA1c", "LDL"]


# What the first frame must not need: the section pages, the forms and the table classes
# they size. Each was once imported before the window showed.
DEFERRED_MODULES = ("ui.pages.overview_page", "ui.pages.section_page", "ui.item_editor",
                    "ui.item_form", "ui.sizing", "ui.dialogs.person_dialog",
                    "organizer.care.attention", "ui.search_results", "ui.search_worker",
                    "ui.type_views", "ui.welcome", "ui.dialogs.error_dialog",
                    "ui.dialogs.unlock_dialog")
# PySide6 makes a Qt class (and its enums, as Python enums) the first time Python uses it;
# Qt's namespace alone has ~90 enums (ui/first_frame.py).
DEFERRED_QT_CLASSES = ("Qt", "QTableView", "QHeaderView", "QStyle", "QStyleOptionViewItem",
                       "QSortFilterProxyModel", "QTabWidget", "QFormLayout", "QIcon",
                       "QDialog", "QDialogButtonBox", "QPlainTextEdit")

FIRST_FRAME_SCRIPT = """
import sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
real_paint = MainWindow.paintEvent
seen = []
def paint(window, event):
    if not seen:
        seen.append(window)
        classes = {**vars(PySide6.QtCore), **vars(PySide6.QtGui), **vars(PySide6.QtWidgets)}
        print('MODULES', sorted(m for m in MODULES if m in sys.modules), flush=True)
        print('CLASSES', sorted(c for c in CLASSES if c in classes), flush=True)
        print('PAGES', sorted(window.pages), window.stack.currentWidget() is window._waiting,
              window.current_key(), flush=True)
    real_paint(window, event)
MainWindow.paintEvent = paint
def run(*args):
    for _ in range(5):
        QApplication.processEvents()
    window = seen[0]
    print('AFTER', sorted(window.pages), type(window.stack.currentWidget()).__name__,
          window.stack.currentWidget().person_id, flush=True)
    return 0
QApplication.exec = run
from organizer.cli import main
sys.exit(main(['--data-dir', DATA]))
"""


def test_the_first_frame_is_the_window_and_its_page_comes_right_after(tmp_path: Any) -> None:
    """On a real start, the first frame shows the window (people, sections, menus) before
    any section page, form or table class is made; the first section's page is made and
    shown right after it, on the chosen person."""
    import subprocess
    import sys

    from organizer.opening import open_store
    from tests.helpers.cli import ROOT
    data = tmp_path / "data"
    with open_store(data) as store:
        anna = store.add("person", {"full_name": "Anna Kowalska"}).id
        store.add("condition", {"name": "Asthma"}, person_id=anna)
    script = (f"MODULES = {DEFERRED_MODULES!r}\nCLASSES = {DEFERRED_QT_CLASSES!r}\n"
              f"DATA = {str(data)!r}\n" + FIRST_FRAME_SCRIPT)
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["MODULES"] == "[]", done.stdout
    assert lines["CLASSES"] == "[]", done.stdout
    assert lines["PAGES"] == "[] True overview", done.stdout
    assert lines["AFTER"] == f"['overview'] OverviewPage {anna}", done.stdout


def test_asking_for_the_page_before_the_first_paint_makes_it_at_once(
        qtbot: Any, settings: Any, store: Any, person_id: int) -> None:
    """Code (and tests) that ask for the page on screen before the window has painted get
    the real page, made then, not the empty place it waits in; a section shown before the
    paint replaces the first one instead of being followed by it."""
    from ui.context import AppContext
    from ui.main_window import MainWindow

    window = MainWindow(AppContext(store), settings)
    qtbot.addWidget(window)
    assert window.pages == {}
    page = window.current_page()
    assert page is not None and type(page).__name__ == "OverviewPage"
    assert page.person_id == person_id and list(window.pages) == ["overview"]

    other = MainWindow(AppContext(store), settings)
    qtbot.addWidget(other)
    conditions = other.show_section("conditions")
    other.show()
    qtbot.waitUntil(lambda: other._painted, timeout=5000)
    QApplication.processEvents()
    assert other.current_page() is conditions and list(other.pages) == ["conditions"]


def test_the_search_field_gets_its_clear_button_with_the_first_keystroke(
        window_factory: Any) -> None:
    window = window_factory()
    field = window.search.field
    assert not field.isClearButtonEnabled()  # its icon is not loaded before the window shows
    field.setText("asthma")
    assert field.isClearButtonEnabled()


def test_the_numbers_the_first_frame_uses_are_qts(qtbot: Any) -> None:
    """ui/first_frame.py names a few values of Qt's namespace as numbers: they are Qt's."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidget

    from ui.first_frame import USER_ROLE, no_sideways_scroll

    assert Qt.ItemDataRole.UserRole.value == USER_ROLE
    view = QListWidget()
    qtbot.addWidget(view)
    no_sideways_scroll(view)
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_report_reaches_the_gui_thread_later_as_a_queued_signal_did(qtbot: Any) -> None:
    """The error reporter posts reports (no Qt.ConnectionType before the first frame): one
    made on the GUI thread is shown from the event loop, not inside report(), and one made
    on another thread arrives on the GUI thread."""
    import threading

    from ui.error_reporting import ErrorReporter

    reporter = ErrorReporter()
    heard: list[tuple[str, str]] = []
    reporter.reported.disconnect(reporter._show)  # (no dialog: only where it arrives)
    reporter.reported.connect(lambda details, _message: heard.append(
        (details, threading.current_thread().name)))
    reporter.report("on the GUI thread")
    worker = threading.Thread(target=reporter.report, args=("from a worker",), name="worker")
    worker.start()
    worker.join()
    assert heard == []
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
    assert heard == [("on the GUI thread", "MainThread"), ("from a worker", "MainThread")]


def test_an_organizer_without_people_shows_the_welcome_page_first(
        qtbot: Any, settings: Any, tmp_path: Any) -> None:
    """The welcome page is made only when needed; an empty organizer needs it at once."""
    from organizer.opening import open_store
    from ui.context import AppContext
    from ui.main_window import MainWindow

    with open_store(tmp_path / "empty") as store:
        window = MainWindow(AppContext(store), settings)
        qtbot.addWidget(window)
        assert window.stack.currentWidget() is window.welcome
        assert not window.navigation.isVisibleTo(window)
        window.close()
