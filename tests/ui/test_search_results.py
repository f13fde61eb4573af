# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""Search results in a panel of their own: each with its title, what it is and whose, and
the words around the match in bold; the panel takes the page's place and gives it back.
The core cuts titles and snippets into matched and plain segments (FTS5 highlight and
snippet), without being fooled by brackets in the text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from organizer.storage.store import Store
from tests.helpers.ui_helpers import settings, window_factory  # noqa: F401


def test_hits_carry_their_title_and_snippet_as_segments(store: Store, person_id: int) -> None:
    store.add("medication", {"name": "Metformin [generic]", "instructions":
                             "Take with food.\nIf metformin upsets the stomach [often], "
                             "call the clinic."}, person_id=person_id)
    (hit,) = store.search("metformin")
    assert hit.title_parts == (("Metformin", True), (" [generic]", False))
    text = "".join(t for t, _ in hit.parts)
    assert "\n" not in text and "upsets the stomach [often]" in text
    assert [t for t, matched in hit.parts if matched] == ["metformin"]
    assert "[metformin]" in hit.snippet.lower()  # the command line's form is unchanged
    assert set(hit.to_dict()) == {"type", "id", "person_id", "title", "snippet", "rank"}


def test_a_match_in_the_title_only_has_no_snippet(store: Store, person_id: int) -> None:
    store.add("allergy", {"substance": "Latex", "reaction": "rash"}, person_id=person_id)
    (hit,) = store.search("latex")
    assert hit.title_parts == (("Latex", True),) and hit.parts == ()


def search(qtbot: Any, window: Any, text: str) -> list[Any]:
    window.search.focus()
    qtbot.keyClicks(window.search.field, text)
    with qtbot.waitSignal(window.search.shown, timeout=10000) as answer:
        window.search.run()
    return list(answer.args[0])


def test_results_take_the_pages_place_and_give_it_back(
        qtbot: Any, window_factory: Any, store: Store, person_id: int) -> None:
    other = store.add("person", {"full_name": "Ben Example"}).id
    store.add("journal", {"written_on": "2026-01-03", "text": "Knee pain after the stairs; "
                          "walking helps a little."}, person_id=other)
    wanted = store.add("medication", {"name": "Naproxen", "instructions":
                                      "For the knee pain, with food"}, person_id=person_id).id
    window = window_factory()
    window.resize(1366, 768)
    window.context.set_person(person_id)
    page = window.show_section("overview")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    hits = search(qtbot, window, "knee pain")
    panel = window.search.results_panel
    assert len(hits) == 2
    assert window.stack.currentWidget() is panel and panel.isVisible()
    assert window.people.isVisible()  # the people and sections stay where they are
    assert "2 found for “knee pain”" in panel.note.text()
    rows = [panel.results.item(i) for i in range(panel.results.count())]
    texts = [row.text() for row in rows]
    naproxen = next(t for t in texts if t.startswith("Naproxen"))
    assert "Medication · Anna Kowalska" in naproxen and "For the knee pain, with food" in naproxen
    journal = next(t for t in texts if "Journal entry · Ben Example" in t)
    assert "Knee pain after the stairs" in journal
    rich = next(row.data(Qt.ItemDataRole.UserRole + 1) for row in rows
                if row.text().startswith("Naproxen"))
    assert "<b>knee</b> <b>pain</b>" in rich
    # each row is tall enough for its lines, at the panel's width
    QApplication.processEvents()
    for index in range(panel.results.count()):
        rect = panel.results.visualItemRect(panel.results.item(index))
        assert rect.height() >= 3 * panel.results.fontMetrics().lineSpacing(), index
        assert rect.width() <= panel.results.viewport().width()
    # Escape: the search is cleared and the page is back
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == "" and window.stack.currentWidget() is page
    # open a hit: its section is shown in the panel's place
    search(qtbot, window, "naproxen")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current_key() == "medications"
    assert window.stack.currentWidget() is window.page("medications")
    assert window.current_page().current().current_item().id == wanted
    # back in the field, its results come back
    window.search.field.setFocus()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is panel)


def test_the_panel_is_made_at_the_first_search(qtbot: Any, window_factory: Any,
                                               person_id: int) -> None:
    window = window_factory()
    window.search.field.setText("a")
    window.search.field.clear()  # cleared before any search: nothing is made
    assert window.search.panel_if_made is None
    search(qtbot, window, "anna")
    assert window.search.panel_if_made is not None
    assert window.stack.indexOf(window.search.results_panel) >= 0


def test_nothing_found_says_what_to_try(qtbot: Any, window_factory: Any,
                                        person_id: int) -> None:
    window = window_factory()
    window.context.set_person(person_id)
    assert search(qtbot, window, "zebra") == []
    panel = window.search.results_panel
    assert window.stack.currentWidget() is panel
    assert panel.results.isHidden() and panel.nothing.isVisible()
    assert panel.nothing.text().startswith("Nothing found for “zebra”. Check the spelling")
    assert panel.nothing.button.text() == "Clear the search"


def test_a_long_title_is_cut_around_its_match(store: Store, person_id: int) -> None:
    from ui.search_results import TITLE_CHARS, describe

    text = "Slept badly again and the morning was slow; " * 6 + "then the numbness came back."
    store.add("journal", {"written_on": "2026-01-05", "text": text}, person_id=person_id)
    (hit,) = store.search("numbness")
    plain, rich = describe(hit, "")
    title = plain.splitlines()[0]
    assert "numbness" in title and title.startswith("…")
    assert len(title) <= TITLE_CHARS + 2 and "<u>numbness</u>" in rich
