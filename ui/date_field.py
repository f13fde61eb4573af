"""A date field that takes dates as people write them, says them back in words, and has a
calendar button.

The reading is the core's (`organizer.items.dates`): this widget only gives it the order and
the month names of the user's QLocale (3/14/1952 in the US, 14/03/1952 elsewhere, "March
1952", "1952", ISO), and shows the answer under the line ("Read as: March 14, 1952") while
the user types, so a day and a month taken the wrong way round are seen before they are
saved. The store keeps ISO; the line shows a stored date in the locale's own short form.

It is a QLineEdit (its `editingFinished` also follows a day picked on the calendar),
so everything that types into a line types into it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QVBoxLayout, QWidget

from organizer.errors import ValidationError
from organizer.items.dates import (
    DateOrder,
    example,
    friendly_date,
    order_of_pattern,
    parse_date,
    parse_datetime,
)
from ui.format import format_date, short_date_format


def locale_order(locale: QLocale | None = None) -> DateOrder:
    """Month first, day first or year first, as the locale writes a short date."""
    return order_of_pattern(short_date_format(locale or QLocale()))


def locale_month_names(locale: QLocale | None = None) -> dict[str, int]:
    """Every name of every month in the locale's language, long and short, for reading."""
    locale = locale or QLocale()
    names: dict[str, int] = {}
    for month in range(1, 13):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            names[locale.monthName(month, kind)] = month
            names[locale.standaloneMonthName(month, kind)] = month
    return names


def words_for(value: str | None, locale: QLocale | None = None) -> str:
    """A stored date in words, in the locale's order and month names."""
    locale = locale or QLocale()
    months = [locale.standaloneMonthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]
    return friendly_date(value, locale_order(locale), months)


class CalendarIcon(QIconEngine):
    """A small calendar drawn at whatever size is asked, in the palette's text colour:
    crisp at every zoom and in dark mode, with no picture file to ship."""

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        colour = palette.color(QPalette.ColorRole.PlaceholderText
                               if mode == QIcon.Mode.Disabled else QPalette.ColorRole.Text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height()) * 0.86
        box = QRectF(rect.x() + (rect.width() - side) / 2,
                     rect.y() + (rect.height() - side) / 2 + side * 0.08, side, side * 0.86)
        painter.setPen(QPen(colour, max(1.2, side / 11)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, side / 10, side / 10)
        top = box.top() + box.height() * 0.3
        painter.drawLine(QPointF(box.left(), top), QPointF(box.right(), top))
        for ring in (0.3, 0.7):  # the two rings at the top
            x = box.left() + box.width() * ring
            painter.drawLine(QPointF(x, box.top() - side * 0.1), QPointF(x, box.top() + side * 0.1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        dot = side / 8
        for row in range(2):
            for column in range(3):
                x = box.left() + box.width() * (0.25 + column * 0.25)
                y = top + (box.bottom() - top) * (0.33 + row * 0.36)
                painter.drawEllipse(QRectF(x - dot / 2, y - dot / 2, dot, dot))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        picture = QPixmap(size)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return picture

    def clone(self) -> QIconEngine:
        return CalendarIcon()


class CalendarPopup(QWidget):
    """A month calendar under the button; a click or Enter picks the day, Esc closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(  # week numbers: one more thing to read
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(self.tr("Calendar: choose a day"))
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A line for a date, with a calendar button at its end (a click, or Alt+Down or F4
    from the keyboard, opens it). `make_reading()` gives the label that says the date
    back in words, for the caller to place under the line."""

    def __init__(self, with_time: bool = False, label: str = "Date", field: str | None = None,
                 parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.label = label
        self.field = field
        self.date_locale = locale or QLocale()
        self.order = locale_order(self.date_locale)
        self._months = locale_month_names(self.date_locale)
        self.setPlaceholderText(self.placeholder())
        self.calendar_action = QAction(QIcon(CalendarIcon()), self.tr("Choose on a calendar"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: CalendarPopup | None = None
        self.reading: QLabel | None = None
        self._typing = False  # typed into since it last lost the focus
        self.textEdited.connect(self._typed)
        self.textChanged.connect(self._show_reading)
        self.setAccessibleName(label)

    def placeholder(self) -> str:
        if self.with_time:
            return self.tr("e.g. {date} 10:30").format(date=example(self.order))
        return self.tr("e.g. {date}, March 1952 or 1952").format(date=example(self.order))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.calendar_action.setText(self.tr("Choose the {name} on a calendar").format(
                                         name=name.lower()))
        self.calendar_action.setToolTip(self.tr("Choose the {name} on a calendar (Alt+Down)")
                                        .format(
                                            name=name.lower()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # as a combo box opens its list; keys, not QAction shortcuts, so that a form's many
        # date fields do not declare the same shortcut many times over
        if event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def _typed(self, text: str) -> None:
        self._typing = True
        self._show_reading(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_reading(self.text())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._typing = False
        self._show_reading(self.text())

    def make_reading(self) -> QLabel:
        """The label under the line: "Read as: March 14, 1952" while the line has the
        focus and holds a date (a calm form otherwise: the line shows the date itself)."""
        if self.reading is None:
            self.reading = QLabel()
            self.reading.setObjectName("dateReading")
            self.reading.setWordWrap(True)
            self.reading.hide()
            self._show_reading(self.text())
        return self.reading

    # -- what the line holds -------------------------------------------------------------

    def set_value(self, value: Any) -> None:
        """Show a stored value (ISO) in the locale's short form; other text as it is."""
        text = "" if value is None else str(value)
        shown = format_date(text, self.date_locale) if text else ""
        try:  # only a form that reads back as the same date replaces what is stored
            same = bool(shown) and self._parse(shown) == text.replace("T", " ")[:16]
        except ValidationError:
            same = False
        self._typing = False
        self.setText(shown if same else text)
        self.setCursorPosition(0)
        self.setModified(False)
        self._show_reading(self.text())  # the same text emits no textChanged

    def parsed(self) -> str | None:
        """The ISO value of what is typed (None when empty); a ValidationError in plain
        words when it is no date."""
        if not self.text().strip():
            return None
        return self._parse(self.text())

    def value(self) -> str:
        """The ISO value when the text is a date, else the text as typed (so that a
        refused value can be kept and shown again)."""
        try:
            return self.parsed() or ""
        except ValidationError:
            return self.text()

    def _parse(self, text: str) -> str:
        reader = parse_datetime if self.with_time else parse_date
        return reader(text, self.order, label=self.label, field=self.field,
                      month_names=self._months)

    def _show_reading(self, text: str) -> None:
        if self.reading is None:
            return
        try:
            value = self._parse(text) if text.strip() else ""
        except ValidationError:
            value = ""
        self.reading.setText(self.tr("Read as: {value}").format(
                                 value=words_for(value, self.date_locale)) if value else "")
        self.reading.setAccessibleName(self.reading.text())
        self.reading.setVisible(bool(value) and (self.hasFocus() or self._typing))

    # -- the calendar --------------------------------------------------------------------

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            value = self.parsed()
        except ValidationError:
            value = None
        day = QDate.currentDate()
        if value:
            parts = [int(p) for p in value[:10].split("-")]
            day = QDate(parts[0], parts[1] if len(parts) > 1 else 1,
                        parts[2] if len(parts) > 2 else 1)
        self.popup.calendar.setSelectedDate(day)
        self.popup.adjustSize()
        place = self.mapToGlobal(QPoint(self.width() - self.popup.width(), self.height()))
        screen = self.screen().availableGeometry()
        place.setX(max(screen.left(), min(place.x(), screen.right() - self.popup.width())))
        if place.y() + self.popup.height() > screen.bottom():  # no room below: above
            place.setY(self.mapToGlobal(QPoint(0, 0)).y() - self.popup.height())
        self.popup.move(place)
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        iso = day.toString("yyyy-MM-dd")
        if self.with_time:  # a visit's time stays what it was
            try:
                old = self.parsed() or ""
            except ValidationError:
                old = ""
            if len(old) > 10:
                iso += " " + old[11:16]
        self.setText(format_date(iso, self.date_locale))
        self.setModified(True)
        self.setFocus()
        self.editingFinished.emit()
