"""The overview page: attention, visits and cases, each entry opening its item."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from tests.spinal_case import make_spinal_case
from ui.context import AppContext
from ui.pages.overview_page import OverviewPage

TODAY = date(2026, 3, 10)


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
    page = make_page(qtbot, store, ids["person"])
    before = len(page.entries(page.attention))
    page.context.write("Send", lambda: store.add("sending", {
        "record_id": ids["notes"], "recipient_id": ids["second"], "status": "sent"},
        person_id=ids["person"]))
    assert len(page.entries(page.attention)) == before - 1
    page.context.undo_stack.undo()
    assert len(page.entries(page.attention)) == before


def test_an_empty_overview_is_calm(qtbot: Any, store: Any, person_id: int) -> None:
    page = make_page(qtbot, store, person_id)
    assert page.entries(page.attention)[0][0] == "✔  Nothing needs your attention right now."
    assert page.entries(page.visits)[0] == ("No visit planned.", None)
    page.set_person(None)
    assert "Choose or add a person" in page.entries(page.attention)[0][0]
