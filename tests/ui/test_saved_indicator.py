# ruff: noqa: F811 (the fixtures imported from tests.helpers.ui_helpers are test parameters)
"""The status bar says that what was typed is saved: after every write, undo and redo, and
"Saving…" while a long write runs."""

from __future__ import annotations

import time
from typing import Any

from tests.helpers.ui_helpers import landed, settings, type_into, window_factory  # noqa: F401
from ui.context import AppContext
from ui.saved_indicator import NOTHING_YET, SavedIndicator, saved_words


def test_the_words_follow_the_time_since_the_last_save() -> None:
    at = time.struct_time((2026, 3, 10, 14, 5, 0, 1, 69, 0))
    assert saved_words(5, at) == "Saved just now"
    assert saved_words(75, at) == "Saved a minute ago"
    assert saved_words(6 * 60 + 10, at) == "Saved 6 minutes ago"
    assert saved_words(3 * 3600, at) == "Saved at 14:05"


def test_an_edit_in_a_section_shows_saved_just_now(qtbot: Any, window_factory: Any,
                                                   store: Any, person_id: int) -> None:
    window = window_factory()
    assert window.saved.isVisible() and window.saved.text() == NOTHING_YET
    page = window.show_section("conditions")
    window.new_item()
    type_into(qtbot, page.editor.form.editor("name"), "Lumbar stenosis")
    page.flush()
    assert store.list_items("condition", person_id)
    assert window.saved.text() == "✔ Saved just now"


def test_undo_and_time_passing_and_a_long_write(qtbot: Any, store: Any,
                                                person_id: int) -> None:
    now = [1000.0]
    context = AppContext(store)
    indicator = SavedIndicator(context, clock=lambda: now[0])
    qtbot.addWidget(indicator)
    context.write("Add", lambda: store.add("journal", {"written_on": "2026-03-01",
                                                       "text": "Tired"}, person_id=person_id))
    assert indicator.text() == "✔ Saved just now"
    now[0] += 600
    indicator.refresh()
    assert indicator.text() == "✔ Saved 10 minutes ago"
    context.undo_stack.undo()  # an undo is written too
    assert indicator.text() == "✔ Saved just now"
    op = context.start_write("Add", lambda s, _p: s.add(
        "journal", {"written_on": "2026-03-02", "text": "Better"}, person_id=person_id))
    assert indicator.text() == "Saving…"
    landed(qtbot, op)
    qtbot.waitUntil(lambda: indicator.text() == "✔ Saved just now")


def test_a_refused_edit_says_not_saved_until_the_next_save(qtbot: Any, window_factory: Any,
                                                           store: Any, person_id: int) -> None:
    store.add("condition", {"name": "Arthritis"}, person_id=person_id)
    window = window_factory()
    page = window.show_section("conditions")
    page.show_item("condition", store.list_items("condition", person_id)[0].id)
    type_into(qtbot, page.editor.form.editor("name"), "")  # a diagnosis needs its name
    assert window.saved.text().startswith("⚠ Not saved")
    type_into(qtbot, page.editor.form.editor("name"), "Osteoarthritis")
    assert window.saved.text() == "✔ Saved just now"
