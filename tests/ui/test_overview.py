"""The overview page: attention, visits and cases, each entry opening its item."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def test_an_empty_overview_is_calm(qtbot: Any, store: Any, person_id: int) -> None:
    page = make_page(qtbot, store, person_id)
    assert page.entries(page.attention)[0][0] == "✔  Nothing needs your attention right now."
    assert page.entries(page.visits)[0] == ("No visit planned.", None)
    page.set_person(None)
    assert "Choose or add a person" in page.entries(page.attention)[0][0]


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
            assert len(parts) == 3
            for upper, lower in pairwise(parts):
                assert upper.geometry().bottom() < lower.geometry().top(), (zoom, width)
            assert parts[-1].geometry().bottom() < row.height()
    finally:
        QApplication.setFont(font)  # as the other tests expect it
