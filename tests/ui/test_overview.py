"""The overview page: a card per second opinion, first steps for a new person, attention,
visits, empty states with their buttons; each entry opening its item."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.spinal_case import make_spinal_case
from ui.context import AppContext
from ui.pages.overview_page import OverviewPage, TargetRole

TODAY = date(2026, 3, 10)


def send_disc(store: Any, ids: dict[str, int]) -> None:
    """Send the MRI disc too, so that one record (the surgeon's note) is left to send."""
    disc = next(r.id for r in store.list_items("record", ids["person"])
                if r.title == "MRI images (disc)")
    store.add("sending", {"record_id": disc, "recipient_id": ids["second"], "status": "sent"},
              person_id=ids["person"])


def make_page(qtbot: Any, store: Any, person_id: int | None) -> OverviewPage:
    context = AppContext(store)
    context.set_person(person_id)
    page = OverviewPage(context, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_the_overview_lists_attention_visits_and_cases(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    send_disc(store, ids)
    page = make_page(qtbot, store, ids["person"])
    attention = page.entries(page.attention)
    assert attention[0][0].startswith("⚠  The records asked of Dr. Alan Whitcombe")
    assert ("record", ids["notes"]) in [target for _, target in attention]
    assert ("case", ids["case"]) in [target for _, target in attention]
    visits = page.entries(page.visits)
    assert visits == [(visits[0][0], ("visit", ids["visit"]))]
    assert "in 4 days" in visits[0][0] and "Dr. Priya Raman" in visits[0][0]
    cases = page.entries(page.cases)
    assert cases == [("Back surgery: is a laminectomy needed now?: 3 of 10 steps done",
                      ("case", ids["case"]))]


def test_clicking_an_entry_asks_to_open_its_item(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    page = make_page(qtbot, store, ids["person"])
    rect = page.visits.visualItemRect(page.visits.item(0))
    with qtbot.waitSignal(page.open_item) as signal:
        qtbot.mouseClick(page.visits.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert signal.args == ["visit", ids["visit"]]
    rect = page.cases.visualItemRect(page.cases.item(0))
    with qtbot.waitSignal(page.open_item) as signal:
        qtbot.mouseClick(page.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["case", ids["case"]]


def test_the_overview_follows_changes(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    send_disc(store, ids)
    page = make_page(qtbot, store, ids["person"])
    before = len(page.entries(page.attention))
    page.context.write("Send", lambda: store.add("sending", {
        "record_id": ids["notes"], "recipient_id": ids["second"], "status": "sent"},
        person_id=ids["person"]))
    assert len(page.entries(page.attention)) == before - 1
    page.context.undo_stack.undo()
    assert len(page.entries(page.attention)) == before


def test_a_new_person_is_offered_the_first_steps_each_with_its_button(
        qtbot: Any, store: Any, person_id: int) -> None:
    page = make_page(qtbot, store, person_id)
    assert page.first.isVisible()
    assert [row.step.title for row in page.first_steps] == [
        "Add the diagnosis", "Start a second opinion", "Attach your records"]
    # not "nothing needs your attention": the first steps say what to do
    assert not page.attention.isVisible() and not page.attention_empty.isVisible()
    # no second opinion: no empty column of cards, the rest takes the width
    assert not page.left_part.isVisible()
    asked = []
    page.add_item.connect(asked.append)
    for row in page.first_steps:
        qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert asked == ["condition", "case", "record"]
    # a step taken is no longer offered
    page.context.write("Add", lambda: store.add("condition", {"name": "Lumbar stenosis"},
                                                person_id=person_id))
    assert [row.step.type for row in page.first_steps] == ["case", "record"]
    page.set_person(None)
    assert "Choose or add a person" in page.attention_empty.text()
    assert page.attention_empty.isVisible() and not page.first.isVisible()


def test_an_empty_list_says_what_to_do_and_offers_the_button(
        qtbot: Any, store: Any, person_id: int) -> None:
    case = store.add("case", {"title": "Knee"}, person_id=person_id, checklist=True).id
    store.add("condition", {"name": "Arthritis"}, person_id=person_id)
    store.add("record", {"title": "X-ray report", "case_id": case}, person_id=person_id)
    page = make_page(qtbot, store, person_id)
    assert not page.first.isVisible()
    assert page.attention_empty.isVisible()
    assert page.attention_empty.text() == "✔  Nothing needs your attention right now."
    assert not page.attention_empty.button.isVisible()
    assert page.visits_empty.isVisible() and not page.visits.isVisible()
    assert page.visits_empty.text().startswith("No visit planned.")
    with qtbot.waitSignal(page.add_item) as signal:
        qtbot.mouseClick(page.visits_empty.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["visit"]
    page.context.write("Decide", lambda: store.update("case", case, {"status": "decided"}))
    assert page.cases_empty.isVisible() and not page.cases.isVisible()
    with qtbot.waitSignal(page.add_item) as signal:
        qtbot.mouseClick(page.cases_empty.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["case"]


def test_each_second_opinion_under_way_has_a_summary_card(qtbot: Any, store: Any) -> None:
    from organizer.care.overview_summary import case_cards

    ids = make_spinal_case(store, TODAY)
    card = case_cards(store, ids["person"], TODAY)[0]
    assert card.next_step.startswith("Next step: Have your records sent ahead")
    assert card.decide == "12 days left to decide (by 22 March 2026)."
    assert card.visit == "Next visit with Dr. Priya Raman: 14 March 2026 (in 4 days)."
    assert card.records == "2 records still to send to Dr. Priya Raman."
    page = make_page(qtbot, store, ids["person"])
    assert page.left_part.isVisible() and not page.first.isVisible()
    assert page.left_part.x() < page.right_part.x()  # the cards lead, on the left
    row = page.cases.itemWidget(page.cases.item(0))
    texts = [w.text() for w in row.findChildren(QLabel)]
    assert card.next_step in texts and card.decide in texts and card.records in texts
    send_disc(store, ids)
    store.add("sending", {"record_id": ids["notes"], "recipient_id": ids["second"],
                          "status": "sent"}, person_id=ids["person"])
    assert case_cards(store, ids["person"], TODAY)[0].records == \
        "All 3 records sent to Dr. Priya Raman."
    late = case_cards(store, ids["person"], date(2026, 3, 25))[0]
    assert late.decide_late and late.decide.startswith("The date to decide by has passed")


def test_records_missing_for_one_visit_are_one_entry_opening_the_case_records(
        qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)  # two records not yet sent to Dr. Raman
    page = make_page(qtbot, store, ids["person"])
    grouped = [(text, target) for text, target in page.entries(page.attention)
               if "not been sent" in text]
    assert len(grouped) == 1
    text, target = grouped[0]
    assert target == ("case_records", ids["case"])
    assert text.startswith("•  2 records have not been sent to Dr. Priya Raman yet")
    assert "MRI images (disc)" in text and "Surgeon's clinic note" in text
    row = next(i for i in range(page.attention.count())
               if page.attention.item(i).data(TargetRole) == target)
    with qtbot.waitSignal(page.open_item) as signal:
        page.attention.itemActivated.emit(page.attention.item(row))
    assert signal.args == ["case_records", ids["case"]]


def test_a_therapy_session_sooner_does_not_flag_the_records(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, TODAY)
    send_disc(store, ids)
    store.add("sending", {"record_id": ids["notes"], "recipient_id": ids["second"],
                          "status": "sent"}, person_id=ids["person"])
    store.add("visit", {"scheduled_at": (TODAY.isoformat() + " 16:00"),
                        "provider_id": ids["therapist"], "case_id": ids["case"],
                        "purpose": "Physical therapy session"}, person_id=ids["person"])
    page = make_page(qtbot, store, ids["person"])
    assert not [text for text, _ in page.entries(page.attention) if "not been sent" in text]


def test_case_rows_are_tall_enough_for_their_text_at_any_width_and_zoom(
        qtbot: Any, store: Any) -> None:
    from ui import style

    ids = make_spinal_case(store, TODAY)
    page = make_page(qtbot, store, ids["person"])
    font = QApplication.font()
    try:
        for zoom, width in ((1.0, 1200), (1.0, 700), (1.5, 700), (1.5, 1200)):
            style.apply_zoom(zoom)  # on the page already shown, as View › Zoom does
            page.resize(width, 800)
            QApplication.processEvents()
            row = page.cases.itemWidget(page.cases.item(0))
            layout = row.layout()
            assert row.height() >= layout.totalHeightForWidth(row.width()), (zoom, width)
            # title, progress bar and next step follow one another without overlapping
            parts = [layout.itemAt(i).widget() for i in range(layout.count())]
            assert len(parts) == 6  # title, bar, next step, decide, visit, records
            for upper, lower in pairwise(parts):
                assert upper.geometry().bottom() < lower.geometry().top(), (zoom, width)
            assert parts[-1].geometry().bottom() < row.height()
    finally:
        QApplication.setFont(font)  # as the other tests expect it
