"""Results of one lab test over time, as a chart (QtCharts).

Pick the test by name; each dated numeric value is a point, joined by a line, with the
normal range shaded when it can be read ("4.0-5.6", "4.0 – 5.6", "<200", ">40").
Values that are not numbers ("pending", "<5", "positive") and values without a date are
left out, and the chart says how many and which, so nothing is silently missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from organizer.care.case_summary import day_of
from organizer.items.changes import Change
from organizer.items.models import Result
from ui.context import AppContext
from ui.pages.page import Page

_NUMBER = re.compile(r"^[+-]?(\d+(?:[.,]\d+)?|[.,]\d+)$")
_RANGE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:-|–|—|to)\s*([+-]?\d+(?:[.,]\d+)?)\s*"
                    r"[^\d]*$")
_BOUND = re.compile(r"^\s*(<=?|>=?|≤|≥)\s*(\d+(?:[.,]\d+)?)\s*[^\d]*$")


def parse_number(text: str | None) -> float | None:
    """"5.4" or "5,4" -> 5.4; anything else (<5, positive, 5.4 mmol/L) -> None."""
    if text is None:
        return None
    word = text.strip()
    if not _NUMBER.match(word):
        return None
    return float(word.replace(",", "."))


def parse_range(text: str | None) -> tuple[float | None, float | None] | None:
    """A normal range as (low, high); one side may be None ("<200"); None if unreadable."""
    if not text:
        return None
    match = _RANGE.match(text)
    if match:
        low, high = (float(g.replace(",", ".")) for g in match.groups())
        return (min(low, high), max(low, high))
    match = _BOUND.match(text)
    if match:
        sign, value = match.groups()
        number = float(value.replace(",", "."))
        return (None, number) if sign in ("<", "<=", "≤") else (number, None)
    return None


@dataclass(frozen=True)
class Points:
    """What can be drawn for one test, and what had to be left out (and why)."""

    points: list[tuple[date, float]]
    skipped: list[str]
    unit: str
    normal: tuple[float | None, float | None] | None


def collect(results: list[Result]) -> Points:
    points: list[tuple[date, float]] = []
    skipped: list[str] = []
    units: dict[str, int] = {}
    normal = None
    for result in results:
        value = parse_number(result.value)
        day = day_of(result.observed_on)
        if value is None:
            skipped.append(f"“{result.value or 'no value'}”"
                           + (f" ({result.observed_on})" if result.observed_on else ""))
            continue
        if day is None:
            skipped.append(QCoreApplication.translate(
                               "results_chart", "{value} (no date)").format(value=result.value))
            continue
        points.append((day, value))
        if result.unit:
            units[result.unit] = units.get(result.unit, 0) + 1
        normal = parse_range(result.reference_range) or normal
    points.sort()
    unit = max(units, key=lambda u: units[u]) if units else ""
    return Points(points, skipped, unit, normal)


def _moment(day: date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))


class ResultsChart(Page):
    """A test picker and the chart of that test's results for the current person."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 lazy: bool = False) -> None:
        """`lazy`: read and draw only while shown (a tab behind others: reading every
        result of twenty years and drawing them took most of opening History)."""
        super().__init__(parent)
        self.context = ctx
        self.person_id: int | None = None
        self._lazy = lazy
        self._stale = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("Test:"))
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Which test to chart"))
        self.picker.setMinimumWidth(280)
        label.setBuddy(self.picker)
        top.addWidget(label)
        top.addWidget(self.picker)
        top.addStretch(1)
        layout.addLayout(top)
        self.chart = QChart()
        self.chart.legend().setVisible(False)
        self.chart.setMargins(QMargins(8, 8, 8, 8))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Chart of results over time"))
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("About this chart"))
        layout.addWidget(self.note)
        self.picker.currentIndexChanged.connect(lambda _: self.draw())
        ctx.changed.connect(self._on_changed)
        self.set_person(ctx.person_id)

    def set_person(self, person_id: int | None) -> None:
        if self._lazy:
            if person_id == self.person_id and not self._stale:
                return
            if not self.isVisible():
                self.person_id = person_id
                self._stale = True
                return
        self.person_id = person_id
        self._stale = False
        self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            # the person on screen now (a tab shown is given it just after this)
            self.set_person(self.context.person_id)

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        if change.touches("result") and self.person_id in change.person_ids:
            if self._lazy and not self.isVisible():
                self._stale = True
            else:
                self.refresh()

    def _results(self, name: str | None = None) -> list[Result]:
        if self.person_id is None:
            return []
        return [r for r in self.context.store.list_items("result", self.person_id,
                                                         order_by="observed_on, id")
                if isinstance(r, Result) and (name is None or r.name.lower() == name.lower())]

    def test_names(self) -> list[str]:
        """Tests with at least two values, most values first (those are worth charting)."""
        counts: dict[str, tuple[str, int]] = {}
        for result in self._results():
            key = result.name.lower()
            shown, count = counts.get(key, (result.name, 0))
            counts[key] = (shown, count + 1)
        return [shown for shown, count in sorted(counts.values(), key=lambda c: (-c[1], c[0]))
                if count >= 2]

    def refresh(self) -> None:
        current = self.picker.currentText()
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItems(self.test_names())
        index = self.picker.findText(current)
        self.picker.setCurrentIndex(index if index >= 0 else 0)
        self.picker.blockSignals(False)
        self.draw()

    def show_test(self, name: str) -> None:
        index = self.picker.findText(name, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.picker.setCurrentIndex(index)

    def draw(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self._apply_palette()
        name = self.picker.currentText()
        if not name:
            self.chart.setTitle("")
            self.note.setText(self.tr("A chart appears here once a test has two or more results "
                                      "(add them under History › Test results)."))
            self.data = Points([], [], "", None)
            return
        data = collect(self._results(name))
        self.data = data
        self.chart.setTitle(f"{name}{' (' + data.unit + ')' if data.unit else ''}")
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MMM yyyy")
        x_axis.setTitleText(self.tr("Date"))
        y_axis = QValueAxis()
        y_axis.setTitleText(data.unit or self.tr("Value"))
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        text = self.palette().color(QPalette.ColorRole.Text)
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
        if data.points:
            first, last = data.points[0][0], data.points[-1][0]
            if first == last:
                first = date.fromordinal(first.toordinal() - 15)
                last = date.fromordinal(last.toordinal() + 15)
            margin = max(3, (last - first).days // 30)  # keep the end points inside
            x_axis.setRange(_moment(date.fromordinal(first.toordinal() - margin)),
                            _moment(date.fromordinal(last.toordinal() + margin)))
            values = [v for _, v in data.points]
            low, high = min(values), max(values)
            if data.normal:
                low = min([low] + [b for b in data.normal if b is not None])
                high = max([high] + [b for b in data.normal if b is not None])
                self._band(data.normal, first, last, low, high, x_axis, y_axis)
            pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
            y_axis.setRange(low - pad, high + pad)
            y_axis.applyNiceNumbers()
            line = QLineSeries()
            dots = QScatterSeries()
            dots.setMarkerSize(10)
            for day, value in data.points:
                moment = float(_moment(day).toMSecsSinceEpoch())
                line.append(moment, value)
                dots.append(moment, value)
            accent = self.palette().color(QPalette.ColorRole.Highlight)
            line.setPen(QPen(accent, 2.5))
            dots.setColor(accent)
            for series in (line, dots):
                self.chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
        self.note.setText(self._note(data))

    def _band(self, normal: tuple[float | None, float | None], first: date, last: date,
              low: float, high: float, x_axis: QDateTimeAxis, y_axis: QValueAxis) -> None:
        bottom, top = normal
        span = high - low or 1.0
        bottom = bottom if bottom is not None else low - span
        top = top if top is not None else high + span
        upper, lower = QLineSeries(), QLineSeries()
        for day in (first, last):
            moment = float(_moment(day).toMSecsSinceEpoch())
            upper.append(moment, top)
            lower.append(moment, bottom)
        band = QAreaSeries(upper, lower)
        # the area series does not own its edges: parent them to it, or Python frees them
        upper.setParent(band)
        lower.setParent(band)
        band.setName(self.tr("Normal range"))
        # a faint green whatever the palette: light enough to read the line over it
        band.setColor(QColor(76, 175, 80, 45))
        band.setBorderColor(QColor(76, 175, 80, 90))
        self.chart.addSeries(band)
        band.attachAxis(x_axis)
        band.attachAxis(y_axis)

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.chart.setTitleFont(title_font)

    def _note(self, data: Points) -> str:
        parts = [self.tr("%n value(s) shown.", "", len(data.points))]
        if data.normal:
            low, high = data.normal
            shown = (f"{low:g} to {high:g}" if low is not None and high is not None else
                     f"below {high:g}" if high is not None else f"above {low:g}")
            parts.append(self.tr("The shaded band is the normal range ({shown}).").format(
                             shown=shown))
        if data.skipped:
            count = len(data.skipped)
            parts.append(self.tr("%n value(s) not a number, not drawn: {skipped}.", "",
                                 count).format(skipped=", ".join(data.skipped)))
        return " ".join(parts)
