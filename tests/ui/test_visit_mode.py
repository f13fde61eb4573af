"""Visit mode keeps every word typed: saved while typing, and after the window closes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from organizer.opening import open_store
from tests.helpers.spinal_case import make_spinal_case
from ui.context import AppContext
from ui.visit_mode import VisitModeWindow, visit_questions

TODAY = date(2026, 3, 10)


def open_window(qtbot: Any, store: Any, visit_id: int) -> tuple[VisitModeWindow, AppContext]:
    context = AppContext(store)
    context.set_person(store.get("visit", visit_id).person_id)
    window = VisitModeWindow(context, visit_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window, context


def test_it_shows_the_visit_questions_in_order(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    window, _ = open_window(qtbot, store, ids["visit"])
    texts = [box.text.text() for box in window.boxes.values()]
    assert texts[0] == "1.  Do you agree that I have severe spinal stenosis?"
    assert len(texts) == 5
    assert "Dr. Priya Raman" in window.title.text() and "10:30" in window.title.text()
    # large type: the questions are well above the body text size
    assert window.boxes[next(iter(window.boxes))].text.font().pointSizeF() >= \
        window.font().pointSizeF() * 1.3


def test_answers_typed_then_window_closed_are_all_in_the_database(
        qtbot: Any, data_dir: Path) -> None:
    store = open_store(data_dir)
    ids = make_spinal_case(store, TODAY)
    window, _ = open_window(qtbot, store, ids["visit"])
    boxes = list(window.boxes.values())
    qtbot.keyClicks(boxes[0].answer, "Yes, severe at L4-L5.")
    qtbot.keyClicks(boxes[1].answer, "Maybe: try 12 weeks first.")
    qtbot.mouseClick(boxes[2].asked, Qt.MouseButton.LeftButton)
    window.notes.setFocus()
    qtbot.keyClicks(window.notes, "Dr. Raman: no rush; recheck in 3 months.")
    window.close()  # straight away: no pause to wait for
    store.close()
    with open_store(data_dir) as reopened:  # a new store on the same folder, as after a restart
        visit = reopened.get("visit", ids["visit"])
        questions = visit_questions(reopened, visit)
        assert [q.answer for q in questions[:3]] == ["Yes, severe at L4-L5.",
                                                     "Maybe: try 12 weeks first.", None]
        assert [q.asked for q in questions[:4]] == [True, True, True, False]
        assert questions[0].answered_on == "2026-03-10"
        assert visit.notes == "Dr. Raman: no rush; recheck in 3 months."


def test_a_keystroke_burst_is_in_the_database_a_second_later_without_closing(
        qtbot: Any, data_dir: Path) -> None:
    store = open_store(data_dir)
    ids = make_spinal_case(store, TODAY)
    window, _ = open_window(qtbot, store, ids["visit"])
    box = next(iter(window.boxes.values()))
    qtbot.keyClicks(box.answer, "Surgery is reasonable but not urgent")
    window.notes.setFocus()  # focus stays in the window; only the notes get typed next
    qtbot.keyClicks(window.notes, "Ask about the walking test")
    qtbot.wait(1000)
    assert window.isVisible() and not window.has_unsaved()
    with open_store(data_dir) as other:  # a second connection sees the committed text
        question = other.get("question", box.question_id)
        assert question.answer == "Surgery is reasonable but not urgent"
        assert other.get("visit", ids["visit"]).notes == "Ask about the walking test"
    assert window.status.text() == "All saved."
    window.close()
    store.close()


def test_typing_into_one_answer_is_one_undo_step(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    window, context = open_window(qtbot, store, ids["visit"])
    box = next(iter(window.boxes.values()))
    qtbot.keyClicks(box.answer, "Yes")
    window.flush()
    qtbot.keyClicks(box.answer, ", severe")
    window.flush()
    assert store.get("question", box.question_id).answer == "Yes, severe"
    context.undo_stack.undo()
    question = store.get("question", box.question_id)
    assert question.answer is None and not question.asked
    assert box.answer.toPlainText() == ""  # the window shows the undo
    window.close()


def test_a_question_added_during_the_visit_and_the_visit_marked_done(
        qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    window, _ = open_window(qtbot, store, ids["visit"])
    qtbot.keyClicks(window.new_question, "Can I drive after the injection?")
    qtbot.keyClick(window.new_question, Qt.Key.Key_Return)
    assert len(window.boxes) == 6
    added = store.list_items("question", where={"visit_id": ids["visit"]})
    assert [q.text for q in added] == ["Can I drive after the injection?"]
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    assert store.get("visit", ids["visit"]).status == "done"
    window.close()
