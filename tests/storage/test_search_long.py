"""A search of 2,000 pasted words answers like the words it holds (it took minutes: FTS5
worked through every repeated prefix term for every row), and the app's search runs off
the GUI thread, the newest query winning. Times are in tests/benchmarks."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from organizer.storage.search import MAX_WORDS, fts_query, query_words
from organizer.storage.store import Store


def test_words_are_asked_once_and_a_word_that_begins_another_is_dropped() -> None:
    assert query_words("a " * 2000) == ["a"]
    assert query_words("Pain PAIN pain") == ["Pain"]
    assert query_words("met metformin me tablet") == ["metformin", "tablet"]
    assert query_words("ab abc abd b") == ["abc", "abd", "b"]
    assert len(query_words(" ".join(f"w{n}x" for n in range(2000)))) == MAX_WORDS
    assert fts_query("a " * 2000) == '"a"*'
    assert fts_query('" AND * NEAR') == '"AND"* "NEAR"*'


def test_2000_repeated_words_find_what_the_words_find(store: Store, person_id: int) -> None:
    for number in range(40):
        store.add("journal", {"written_on": "2026-01-01",
                              "text": f"a bad night, aching again, note {number}"},
                  person_id=person_id)
    metformin = store.add("medication", {"name": "Metformin", "notes": "after meals"},
                          person_id=person_id).id
    assert {h.id for h in store.search("a " * 2000)} == {h.id for h in store.search("a")}
    assert len(store.search("a " * 2000)) == 42  # 40 notes, "after meals", "Anna Kowalska"
    assert [h.id for h in store.search("metformin " * 2000)] == [metformin]
    assert [h.id for h in store.search("after meals " * 1000)] == [metformin]


@pytest.fixture
def gated_search(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Store.search held until the test opens the gate; notes each query and its thread."""
    gate = threading.Event()
    calls: list[tuple[str, str]] = []
    real = Store.search

    def held(self: Store, text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append((text, threading.current_thread().name))
        gate.wait(20)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Store, "search", held)
    return gate, calls


def test_the_search_runs_off_the_gui_thread_and_the_newest_query_wins(
        qtbot: Any, store: Store, person_id: int, gated_search: Any) -> None:
    from PySide6.QtCore import QTimer

    from ui.context import AppContext
    from ui.search_panel import SearchPanel

    gate, calls = gated_search
    store.add("medication", {"name": "Metformin"}, person_id=person_id)
    latex = store.add("allergy", {"substance": "Latex"}, person_id=person_id).id
    panel = SearchPanel(AppContext(store))
    qtbot.addWidget(panel)
    panel.show()
    shown: list[list[Any]] = []
    panel.shown.connect(shown.append)

    panel.field.setText("metformin")
    panel.run()  # returns at once: the query waits at the gate in another thread
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert panel.searching() and shown == []
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(200)  # the GUI thread keeps running while the search is held
    timer.stop()
    assert len(ticks) >= 5
    assert calls[0][1] != threading.main_thread().name

    panel.field.setText("latex")
    panel.run()  # supersedes the held query
    gate.set()
    qtbot.waitUntil(lambda: not panel.searching(), timeout=10000)
    qtbot.wait(100)  # an older answer arriving late would show now
    assert [[h.id for h in hits] for hits in shown] == [[latex]]
    assert panel.results.count() == 1 and "Latex" in panel.results.item(0).text()
    panel.shutdown()


def test_enter_before_the_answer_opens_the_first_hit_when_it_comes(
        qtbot: Any, store: Store, person_id: int) -> None:
    from ui.context import AppContext
    from ui.search_panel import SearchPanel

    wanted = store.add("medication", {"name": "Metformin"}, person_id=person_id).id
    panel = SearchPanel(AppContext(store))
    qtbot.addWidget(panel)
    panel.field.setText("metfo")
    with qtbot.waitSignal(panel.open_requested, timeout=10000) as opened:
        panel.open_first()  # the typing pause has not run yet
    assert opened.args == ["medication", wanted, person_id]
    panel.shutdown()
