"""Cost quotes of the treatment options, typed as a person would: Enter in any box adds
the quote, choosing another option empties the boxes, the currency is a value from the
start, and cost has one place (the quotes)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt

from tests.helpers.spinal_case import make_spinal_case, shown_case_page
from ui.context import AppContext
from ui.pages.case_page import CasePage
from ui.pages.case_treatments import CaseTreatments

TODAY = date(2026, 3, 10)


@pytest.fixture
def locale() -> Iterator[Any]:
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


PAGES: list[CasePage] = []  # each test's page lives until the test ends


@pytest.fixture(autouse=True)
def keep_pages() -> Iterator[None]:
    yield
    PAGES.clear()


def treatments(qtbot: Any, store: Any) -> tuple[CaseTreatments, dict[str, int]]:
    spinal = make_spinal_case(store, TODAY)
    page = shown_case_page(qtbot, store, spinal["person"], TODAY)
    PAGES.append(page)
    return page.treatments, spinal


def quotes_of(store: Any, treatment_id: int) -> list[tuple[str, float, str]]:
    return [(q.facility, q.amount, q.currency)
            for q in store.list_items("quote", where={"treatment_id": treatment_id})]


@pytest.mark.parametrize("box", ["quote_facility", "quote_amount", "quote_currency"])
def test_enter_in_any_box_adds_the_quote(qtbot: Any, store: Any, box: str) -> None:
    part, spinal = treatments(qtbot, store)
    part.select(spinal["injection"])
    qtbot.keyClicks(part.quote_facility, "Riverside Pain Center")
    qtbot.keyClicks(part.quote_amount, "1,600")
    qtbot.keyClick(getattr(part, box), Qt.Key.Key_Return)
    assert ("Riverside Pain Center", 1600.0, "USD") in quotes_of(store, spinal["injection"])
    assert part.quote_facility.text() == "" and part.quote_amount.text() == ""
    assert part.quote_currency.text() == "USD"  # kept for the next quote
    assert part.cell(2, "Cost") == "USD 1,450 – 1,600 (2 places)"


def test_choosing_another_option_empties_the_boxes(qtbot: Any, store: Any) -> None:
    part, spinal = treatments(qtbot, store)
    part.select(spinal["laminectomy"])
    qtbot.keyClicks(part.quote_facility, "Half typed")
    qtbot.keyClicks(part.quote_amount, "12")
    part.select(spinal["therapy"])
    assert part.quote_facility.text() == "" and part.quote_amount.text() == ""
    assert part.quote_currency.text() == "USD"  # what this option's quotes are in
    before = sum(len(quotes_of(store, spinal[k])) for k in ("laminectomy", "therapy"))
    qtbot.keyClick(part.quote_amount, Qt.Key.Key_Return)  # nothing typed: nothing added
    assert sum(len(quotes_of(store, spinal[k])) for k in ("laminectomy", "therapy")) == before
    # a change arriving while the user types (here: an edit elsewhere) keeps their typing
    qtbot.keyClicks(part.quote_facility, "Lakeside Rehab North")
    store_id = spinal["therapy"]
    part.context.write("Edit", lambda: store.update("treatment", store_id,
                                                    {"coverage": "40 visits a year"}))
    assert part.quote_facility.text() == "Lakeside Rehab North"


@pytest.mark.parametrize(("country", "language", "currency"), [
    (QLocale.Country.UnitedStates, QLocale.Language.English, "USD"),
    (QLocale.Country.Spain, QLocale.Language.Spanish, "EUR"),
    (QLocale.Country.Mexico, QLocale.Language.Spanish, "MXN"),
])
def test_the_currency_is_the_locales_as_a_value_when_no_quote_says_otherwise(
        qtbot: Any, store: Any, person_id: int, locale: Any, country: QLocale.Country,
        language: QLocale.Language, currency: str) -> None:
    locale(QLocale(language, country))
    context = AppContext(store)
    context.set_person(person_id)
    case = store.add("case", {"title": "Knee"}, person_id=person_id).id
    option = store.add("treatment", {"case_id": case, "name": "Knee replacement"},
                       person_id=person_id).id
    part = CaseTreatments(context)
    qtbot.addWidget(part)
    part.set_case(case)
    part.select(option)
    assert part.quote_currency.text() == currency  # a value, not a grey placeholder
    qtbot.keyClicks(part.quote_facility, "City Hospital")
    qtbot.keyClicks(part.quote_amount, "30000")
    qtbot.keyClick(part.quote_amount, Qt.Key.Key_Return)
    assert quotes_of(store, option) == [("City Hospital", 30000.0, currency)]


def test_cost_has_one_place_the_quotes(qtbot: Any, store: Any) -> None:
    part, spinal = treatments(qtbot, store)
    headers = [part.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(part.model.columnCount())]
    assert headers.count("Cost") == 1  # the quotes' range, not the option's own text too
    assert part.cell(0, "Cost") == "USD 18,200 – 26,500 (3 places)"
    # an option whose cost was only ever written down still shows it
    injection = spinal["injection"]
    for quote in store.list_items("quote", where={"treatment_id": injection}):
        store.delete("quote", quote.id)
    part.refresh()
    assert part.cell(2, "Cost") == "No quote yet (noted: $1,200–2,000)"
    part.select(injection)
    part.edit_option()
    assert part.option_dialog is not None
    assert "cost" in part.option_dialog.form.field_names()  # it can still be read, cleared
    part.option_dialog.close()
    store.update("treatment", injection, {"cost": None})
    part.refresh()
    part.select(injection)
    part.edit_option()
    assert "cost" not in part.option_dialog.form.field_names()  # the quotes are the place
    assert part.cell(2, "Cost") == "No quote yet"
    part.option_dialog.close()
