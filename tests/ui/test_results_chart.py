"""The results chart: numbers drawn over time, the normal range shaded, the rest said."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCharts import QAreaSeries, QLineSeries

from tests.helpers.spinal_case import make_spinal_case
from ui.context import AppContext
from ui.results_chart import ResultsChart, parse_number, parse_range


def test_reading_values_and_ranges() -> None:
    assert parse_number("5.4") == 5.4 and parse_number(" 5,4 ") == 5.4
    assert parse_number("<5") is None and parse_number("positive") is None
    assert parse_number("5.4 mmol/L") is None and parse_number(None) is None
    assert parse_range("4.0-5.6") == (4.0, 5.6)
    assert parse_range("4.0 – 5.6 %") == (4.0, 5.6)
    assert parse_range("<200") == (None, 200.0)
    assert parse_range(">= 40 mg/dL") == (40.0, None)
    assert parse_range("negative") is None and parse_range("") is None


def test_a_test_with_several_values_is_charted(qtbot: Any, store: Any) -> None:
    ids = make_spinal_case(store, date(2026, 3, 10))
    store.add("result", {"name": "Creatinine", "value": "0.9"}, person_id=ids["person"])
    context = AppContext(store)
    context.set_person(ids["person"])
    chart = ResultsChart(context)
    qtbot.addWidget(chart)
    chart.resize(1200, 800)
    chart.show()
    # a test with a single value is not worth a chart
    assert chart.test_names() == ["Hemoglobin A1c"]
    assert chart.chart.title() == "Hemoglobin A1c (%)"
    lines = [s for s in chart.chart.series() if type(s) is QLineSeries]
    assert [p.y() for p in lines[0].points()] == [5.4, 5.7, 6.1, 5.9, 5.6]
    xs = [p.x() for p in lines[0].points()]
    assert xs == sorted(xs)
    assert any(isinstance(s, QAreaSeries) for s in chart.chart.series())
    assert "normal range (4 to 5.6)" in chart.note.text()
    assert "“pending”" in chart.note.text() and "1 value is not a number" in chart.note.text()
    # a new value arrives: the chart redraws itself
    context.write("Add", lambda: store.add("result", {
        "name": "hemoglobin a1c", "value": "5.5", "observed_on": "2026-03-09"},
        person_id=ids["person"]))
    lines = [s for s in chart.chart.series() if type(s) is QLineSeries]
    assert len(lines[0].points()) == 6


def test_no_results_says_what_to_do(qtbot: Any, store: Any, person_id: int) -> None:
    context = AppContext(store)
    context.set_person(person_id)
    chart = ResultsChart(context)
    qtbot.addWidget(chart)
    assert chart.picker.count() == 0
    assert "two or more results" in chart.note.text()
