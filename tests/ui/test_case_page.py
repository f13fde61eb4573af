"""The second-opinion case page, driven as a user would: real store, real widgets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit

from organizer.items.models import Checklist
from tests.helpers.spinal_case import make_spinal_case, shown_case_page
from ui.context import AppContext
from ui.dialogs.starters_dialog import StartersDialog
from ui.pages.case_page import NEW_TITLE, CasePage

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self, *a: shown.append(self.text()))
    return shown


@pytest.fixture
def spinal(store: Any) -> dict[str, int]:
    return make_spinal_case(store, TODAY)


@pytest.fixture
def page(qtbot: Any, store: Any, spinal: dict[str, int]) -> CasePage:
    page: CasePage = shown_case_page(qtbot, store, spinal["person"], TODAY)
    return page


def type_into(qtbot: Any, editor: Any, text: str) -> None:
    editor.setFocus()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
    qtbot.keyClicks(editor, text)
    if isinstance(editor, QLineEdit):
        editor.editingFinished.emit()


def test_a_new_second_opinion_gets_its_ten_step_checklist(qtbot: Any, store: Any,
                                                           person_id: int) -> None:
    context = AppContext(store)
    context.set_person(person_id)
    page = CasePage(context, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    cases = store.list_items("case", person_id)
    assert [c.title for c in cases] == [NEW_TITLE]
    steps = store.list_items("checklist", where={"case_id": cases[0].id})
    assert len(steps) == 10 and page.checklist.done_count() == 0
    assert page.stack.currentWidget() is page.body
    title = page.header_form.editor("title")
    qtbot.keyClicks(title, "Chemotherapy after surgery?")  # the title was selected
    title.editingFinished.emit()
    assert store.get("case", cases[0].id).title == "Chemotherapy after surgery?"
    assert page.picker.currentText().startswith("Chemotherapy after surgery?")
    # the question at stake, typed, is saved after a short pause
    question = page.header_form.editor("question")
    question.setFocus()
    qtbot.keyClicks(question, "Is chemotherapy needed?")
    qtbot.waitUntil(lambda: store.get("case", cases[0].id).question ==
                    "Is chemotherapy needed?", timeout=3000)


def test_ticking_a_step_dates_it_and_undo_takes_it_back(qtbot: Any, page: CasePage,
                                                        store: Any) -> None:
    row = page.checklist.rows[3]
    assert page.checklist.done_count() == 3
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    step = store.get("checklist", row.step_id)
    assert isinstance(step, Checklist)
    assert step.done and step.done_on == "2026-03-10"
    assert page.checklist.done_count() == 4
    assert page.tabs.tabText(0) == "Checklist (4 of 10)"
    page.context.undo_stack.undo()
    step = store.get("checklist", row.step_id)
    assert not step.done and step.done_on is None
    assert not row.check.isChecked() and page.checklist.done_count() == 3
    page.context.undo_stack.redo()
    assert row.check.isChecked() and page.checklist.done_count() == 4


def test_a_step_note_is_saved_and_a_bad_date_is_refused(qtbot: Any, page: CasePage,
                                                        store: Any) -> None:
    row = page.checklist.rows[4]
    type_into(qtbot, row.note, "List printed, 7 medications")
    assert store.get("checklist", row.step_id).note == "List printed, 7 medications"
    type_into(qtbot, row.done_on, "2026-02-30")
    assert "not a real date" in row.error.text() and not row.error.isHidden()
    assert store.get("checklist", row.step_id).done_on is None
    assert row.done_on.text() == "2026-02-30"  # what was typed stays


def test_opinions_side_by_side_say_agreement_in_words(qtbot: Any, page: CasePage,
                                                      store: Any) -> None:
    cards = page.opinions.cards
    assert [c.badge.text() for c in cards] == ["●  This is the first opinion",
                                               "◐  Partly agrees with the first opinion"]
    qtbot.mouseClick(page.opinions.add_button, Qt.MouseButton.LeftButton)
    dialog = page.opinions.dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.form.editor("agrees")
    combo.setCurrentIndex(combo.findData("no"))
    assert len(page.opinions.cards) == 2  # nothing is written before Save
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(page.opinions.cards) == 3
    assert page.opinions.cards[-1].badge.text().endswith("Disagrees with the first opinion")
    assert page.tabs.tabText(1) == "Opinions (3)"


def test_treatment_options_compared_with_quote_ranges(qtbot: Any, page: CasePage,
                                                      store: Any, spinal: dict[str, int]
                                                      ) -> None:
    part = page.treatments
    assert part.row_count() == 3
    assert part.cell(0, "Cost") == "USD 18,200 – 26,500 (3 places)"
    part.select(spinal["therapy"])
    type_into(qtbot, part.quote_facility, "Riverside PT")
    qtbot.keyClicks(part.quote_amount, "1,150")
    qtbot.keyClick(part.quote_amount, Qt.Key.Key_Return)
    assert part.cell(1, "Cost") == "USD 1,150 – 1,620 (3 places)"
    assert part.quote_model.rowCount() == 3
    # a mistyped amount changes nothing and says why beside the fields
    qtbot.keyClicks(part.quote_facility, "Elsewhere")
    qtbot.keyClicks(part.quote_amount, "twelve")
    qtbot.keyClick(part.quote_amount, Qt.Key.Key_Return)
    assert "is not a number" in part.quote_error.text()
    assert part.quote_model.rowCount() == 3
    # a new option, named and then added
    qtbot.keyClicks(part.new_name, "Wait and watch for 3 months")
    qtbot.keyClick(part.new_name, Qt.Key.Key_Return)
    assert part.row_count() == 4 and part.cell(3, "Option") == "Wait and watch for 3 months"
    assert part.option_dialog is not None
    part.option_dialog.close()


def test_deleting_a_treatment_option_is_undone(qtbot: Any, page: CasePage, store: Any,
                                               spinal: dict[str, int]) -> None:
    part = page.treatments
    part.select(spinal["laminectomy"])
    qtbot.mouseClick(part.remove_button, Qt.MouseButton.LeftButton)
    assert part.row_count() == 2
    assert "Laminectomy" not in [t.name for t in store.list_items(
        "treatment", where={"case_id": spinal["case"]})]
    page.context.undo_stack.undo()
    assert part.row_count() == 3
    row = part.model.row_of(spinal["laminectomy"])
    assert part.cell(row, "Cost") == "USD 18,200 – 26,500 (3 places)"


def test_questions_added_reordered_and_picked_from_starters(qtbot: Any, page: CasePage,
                                                            store: Any) -> None:
    part = page.questions
    qtbot.keyClicks(part.new_text, "Can I keep gardening?")
    qtbot.keyClick(part.new_text, Qt.Key.Key_Return)
    assert part.texts()[-1] == "Can I keep gardening?"
    assert part.selected_id() == part.model.items()[-1].id
    qtbot.mouseClick(part.up_button, Qt.MouseButton.LeftButton)
    assert part.texts()[-2:] == ["Can I keep gardening?",
                                 "What would the operation cost me, all included?"]
    positions = [q.position for q in part.model.items()]
    assert positions == sorted(positions)
    page.context.undo_stack.undo()  # the move is one step
    assert part.texts()[-1] == "Can I keep gardening?"
    # empty text: a plain-words hint, nothing added
    qtbot.keyClick(part.new_text, Qt.Key.Key_Return)
    assert part.error.text() == "Type the question first." and len(part.texts()) == 6

    qtbot.mouseClick(part.starters_button, Qt.MouseButton.LeftButton)
    dialog = part.starters_dialog
    assert isinstance(dialog, StartersDialog) and dialog.isVisible()
    dialog.situation.setCurrentIndex(dialog.situation.findData("surgery"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("recovery"))
    qtbot.keyClicks(dialog.search, "hospital")
    first = dialog.list.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    picked_text = dialog.starter_set.get(first.data(dialog_id_role())).text
    dialog.search.clear()
    dialog.theme.setCurrentIndex(dialog.theme.findData("cost"))
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.add_button.text() == "Add 2 questions to this case"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(part.texts()) == 8 and part.texts()[-2] == picked_text
    page.context.undo_stack.undo()  # both starters were one step
    assert len(part.texts()) == 6
    dialog.close()


def dialog_id_role() -> int:
    from ui.dialogs.starters_dialog import IdRole

    return int(IdRole)


def test_records_still_to_send_and_marking_one_sent(qtbot: Any, page: CasePage, store: Any,
                                                    spinal: dict[str, int]) -> None:
    part = page.records
    banner = part.banner.text()
    assert "2 records are not sent yet" in banner and "Dr. Priya Raman" in banner
    assert page.tabs.tabText(4).endswith("⚠")
    assert part.model.data(part.model.index(0, part.model.columnCount() - 1)).startswith(
        "Sent")
    assert part.selected_id() != spinal["mri"]  # the first one still to send is chosen
    last = part.model.columnCount() - 1
    statuses = [str(part.model.data(part.model.index(row, last)))
                for row in range(part.model.rowCount())]  # as the table reads them to paint
    assert statuses.count("Not sent yet") == 2
    qtbot.mouseClick(part.mark_button, Qt.MouseButton.LeftButton)
    part.table.selectRow(part.model.row_of(spinal["notes"]))
    qtbot.mouseClick(part.mark_button, Qt.MouseButton.LeftButton)
    assert "every record has been sent" in part.banner.text()
    assert not page.tabs.tabText(4).endswith("⚠")
    # the status column follows the new sendings
    assert all(str(part.model.data(part.model.index(row, last))).startswith("Sent")
               for row in range(part.model.rowCount()))
    sendings = store.list_items("sending", spinal["person"])
    assert {s.recipient_id for s in sendings} == {spinal["second"]}


def test_the_decision_and_why_are_saved(qtbot: Any, page: CasePage, store: Any,
                                        spinal: dict[str, int]) -> None:
    page.tabs.setCurrentIndex(5)
    decision = page.decision_form.editor("decision")
    assert isinstance(decision, QPlainTextEdit)
    decision.setFocus()
    qtbot.keyClicks(decision, "Physical therapy for 12 weeks first")
    page.decision_form.flush()
    assert store.get("case", spinal["case"]).decision == "Physical therapy for 12 weeks first"


def test_switching_person_shows_their_cases_only(qtbot: Any, page: CasePage, store: Any,
                                                 person_id: int) -> None:
    page.context.set_person(person_id)
    page.set_person(person_id)
    assert page.picker.count() == 0 and page.stack.currentWidget() is page.empty


def test_comparison_models_pass_the_model_tester(qtmodeltester: Any, page: CasePage) -> None:
    qtmodeltester.check(page.treatments.model)
    qtmodeltester.check(page.treatments.side_by_side)
    qtmodeltester.check(page.records.model)
    qtmodeltester.check(page.questions.model)


def test_the_records_tab_is_about_the_visit_that_expects_records(
        qtbot: Any, page: CasePage, store: Any, spinal: dict[str, int]) -> None:
    # a physical therapy session comes first; the records are still for Dr. Raman
    page.context.write("Plan", lambda: store.add("visit", {
        "scheduled_at": TODAY.isoformat() + " 16:00", "provider_id": spinal["therapist"],
        "case_id": spinal["case"], "purpose": "Physical therapy"}, person_id=spinal["person"]))
    banner = page.records.banner.text()
    assert "Dr. Priya Raman" in banner and "2 records are not sent yet" in banner
    assert page.records.mark_button.text() == "Mark as sent to Dr. Priya Raman today"
    # with no second-opinion visit, the next visit is shown, without a warning
    page.context.write("Cancel", lambda: store.update("visit", spinal["visit"],
                                                      {"status": "cancelled"}))
    banner = page.records.banner.text()
    assert "Tomás Herrera, DPT" in banner and not banner.startswith("⚠")
    assert not page.records.needs_sending and not page.tabs.tabText(4).endswith("⚠")


def test_opening_a_case_on_its_records_tab(page: CasePage, spinal: dict[str, int]) -> None:
    page.tabs.setCurrentIndex(0)
    assert page.show_item("case_records", spinal["case"])
    assert page.tabs.currentWidget() is page.records


def test_refreshing_the_opinions_leaves_one_card_per_opinion_on_screen(
        page: CasePage) -> None:
    from ui.pages.case_opinions import OpinionCard

    page.tabs.setCurrentIndex(1)
    for _ in range(3):
        page.opinions.refresh()
    QApplication.processEvents()  # (deleteLater's own event waits for the main loop)
    shown = [c for c in page.opinions.findChildren(OpinionCard) if c.isVisible()]
    assert len(shown) == len(page.opinions.cards) == 2
