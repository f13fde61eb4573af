"""Treatment options compared in one table, with each option's cost quotes.

The table puts every option on a row with what matters for choosing (how long, recovery,
cost and the range of quotes across facilities, coverage, risks, daily life, status).
Below it, the chosen row's details are edited, and its quotes added: the same treatment
often costs differently at different places.

Cost has one place: the quotes. The comparison's "Cost" row is the range of an option's
quotes; an option's older free-text cost (`Treatment.cost`, still stored, exported and
printed) is shown there only while the option has no quote, and its editor shows that
field only while it holds something. Adding a quote: Enter in any of its boxes adds it,
choosing another option empties them, and the currency box holds a value from the start
(the currency of the quotes already there, else the locale's).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTransposeProxyModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.care.case_summary import quote_ranges
from organizer.errors import OrganizerError
from organizer.items.changes import Change
from organizer.items.models import Item, Quote, Treatment
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_model import ItemRole, ItemTableModel
from ui.pages.case_common import entry_row, try_write
from ui.sizing import ColumnFitter, follow_app_font
from ui.widgets import error_label, heading, hint
from ui.wrap_height import keep_a_row, keep_whole

COMPARE_COLUMNS = ["name", "duration", "recovery_time", "coverage", "risks", "daily_life",
                   "status"]
COST_ROW = QT_TRANSLATE_NOOP("case_treatments", "Cost")
QUOTE_COLUMNS = ["facility", "amount", "currency"]


class CaseTreatments(QWidget):
    """The treatment options tab."""

    _built = False  # True once __init__ has made the quote boxes (font changes come sooner)

    def _fit_quote_boxes(self) -> None:
        # an amount and a currency are short: boxes as wide as a few characters of the
        # current text size (a width in pixels cut "USD" off at 200%)
        self._built = True
        chars = self.fontMetrics().averageCharWidth()
        self.quote_amount.setMaximumWidth(14 * chars)
        self.quote_currency.setMaximumWidth(8 * chars)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._built:
            self._fit_quote_boxes()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        layout = QVBoxLayout(self)
        add_row, self.new_name, (self.add_button, self.remove_button) = entry_row(
            self.tr("A new option, e.g. “Physical therapy for 12 weeks”"),
            self.tr("Name of a new treatment option"), self.add_option,
            (self.tr("Add option"), self.add_option), (self.tr("Remove option"),
                                                       self.remove_option))
        layout.addLayout(add_row)
        self.add_error = error_label()
        layout.addWidget(self.add_error)

        self.model = ItemTableModel(Treatment, COMPARE_COLUMNS, parent=self,
                                    computed=[(QCoreApplication.translate(
                                        "case_treatments", COST_ROW), self._range_text)])
        # options side by side: one column per option, one row per thing to compare
        self.side_by_side = QTransposeProxyModel(self)
        self.side_by_side.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.side_by_side)
        self.table.setAccessibleName(self.tr("Treatment options compared side by side"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("QTableView::item { padding: 6px 4px; }")
        follow_app_font(self.table)  # a style sheet would keep the old size through a zoom
        self.table.horizontalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # what it costs reads best right after how long it takes and the recovery
        rows.moveSection(len(COMPARE_COLUMNS), COMPARE_COLUMNS.index("recovery_time") + 1)
        self.table.selectionModel().currentColumnChanged.connect(
            lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _: self.edit_option())
        keep_a_row(self.table)
        self.edit_button = QPushButton(self.tr("Edit option…"))
        self.edit_button.clicked.connect(self.edit_option)
        add_row.insertWidget(2, self.edit_button)

        details = QWidget()
        quotes_box = QVBoxLayout(details)
        quotes_box.setContentsMargins(0, 0, 0, 0)
        self.quotes_title = heading(self.tr("What it costs where"), 1.1)
        # an option's long name must not widen the page, nor be cut
        keep_whole(self.quotes_title)
        quotes_box.addWidget(self.quotes_title)
        quotes_box.addWidget(hint(self.tr("Ask each hospital or clinic for a price; the table "
                                          "above shows the lowest and highest.")))
        self.quote_model = ItemTableModel(Quote, QUOTE_COLUMNS, parent=self)
        self.quotes = QTableView()
        self.quotes.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.quotes.setModel(self.quote_model)
        self.quotes.setAccessibleName(self.tr("Cost quotes for this option"))
        self.quotes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quotes.verticalHeader().hide()
        self.quotes_fitter = ColumnFitter(self.quotes, 0)
        keep_a_row(self.quotes)
        self.quotes.doubleClicked.connect(lambda _: self._edit_quote())
        quotes_box.addWidget(self.quotes, 1)
        quote_row = QHBoxLayout()
        self.quote_facility = QLineEdit()
        self.quote_facility.setPlaceholderText(self.tr("Hospital or clinic"))
        self.quote_facility.setAccessibleName(self.tr("Facility of a new quote"))
        self.quote_amount = QLineEdit()
        self.quote_amount.setPlaceholderText(self.tr("Amount"))
        self.quote_amount.setAccessibleName(self.tr("Amount of a new quote"))
        self.quote_currency = QLineEdit()
        self.quote_currency.setAccessibleName(self.tr("Currency of a new quote"))
        self.quote_currency.setToolTip(self.tr("The currency of the amount, e.g. USD or EUR"))
        for box in (self.quote_facility, self.quote_amount, self.quote_currency):
            box.returnPressed.connect(self.add_quote)  # Enter in any box adds the quote
        self.add_quote_button = QPushButton(self.tr("Add quote"))
        self.add_quote_button.clicked.connect(self.add_quote)
        for widget in (self.quote_facility, self.quote_amount, self.quote_currency,
                       self.add_quote_button):
            quote_row.addWidget(widget, 1 if widget is self.quote_facility else 0)
        quotes_box.addLayout(quote_row)
        self.quote_error = error_label()
        quotes_box.addWidget(self.quote_error)
        edit_row = QHBoxLayout()
        self.edit_quote_button = QPushButton(self.tr("Edit quote…"))
        self.edit_quote_button.clicked.connect(self._edit_quote)
        self.remove_quote_button = QPushButton(self.tr("Remove quote"))
        self.remove_quote_button.clicked.connect(self.remove_quote)
        edit_row.addWidget(self.edit_quote_button)
        edit_row.addWidget(self.remove_quote_button)
        edit_row.addStretch(1)
        quotes_box.addLayout(edit_row)
        # the quotes below the comparison, not beside it: the options side by side get the
        # page's whole width, so three of them read without scrolling sideways
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        self.empty = EmptyState()  # in the comparison's place while there is no option
        self.empty.set_state(
            self.tr("No treatment option yet. Write down each choice the doctors offered, waiting "
                    "and watching too: then compare them side by side, with what each costs."),
            self.tr("Type the first option"), self.new_name.setFocus)
        self.empty.hide()
        layout.addWidget(self.empty)
        self.empty_room = layout.count()
        layout.addStretch(0)
        self._fit_quote_boxes()
        self.option_dialog: QWidget | None = None
        self.quote_dialog: QWidget | None = None
        self._quote_cache: dict[int, list[Quote]] = {}
        self._boxes_for: int | None = None  # the option the quote boxes were filled for

    # -- showing ------------------------------------------------------------------------

    def _range_text(self, item: Item) -> str:
        ranges = quote_ranges(self._quote_cache.get(item.id, []))
        if ranges:
            return "; ".join(r.text() for r in ranges)
        noted = item.cost if isinstance(item, Treatment) else None
        if noted:
            return self.tr("No quote yet (noted: {noted})").format(noted=noted)
        return self.tr("No quote yet")

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def handles(self, change: Change) -> bool:
        return bool(change.types & {"treatment", "quote", "provider"})

    def refresh(self) -> None:
        selected = self.selected_id()
        store = self.context.store
        treatments = store.list_items("treatment", where={"case_id": self.case_id}) \
            if self.case_id else []
        self._quote_cache = {
            t.id: [q for q in store.list_items("quote", where={"treatment_id": t.id},
                                               order_by="amount IS NULL, amount, id")
                   if isinstance(q, Quote)] for t in treatments}
        self.model.set_items(treatments)
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and treatments:
            row = 0
        if row >= 0:
            self.select(self.model.item_at(row).id)
        self.add_button.setEnabled(self.case_id is not None)
        self.splitter.setVisible(bool(treatments))
        self.empty.setVisible(not treatments and self.case_id is not None)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self.empty_room, 0 if treatments else 1)
        self._show_selected()

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return int(index.data(ItemRole).id)

    def _show_selected(self) -> None:
        treatment_id = self.selected_id()
        name = self.model.item_at(self.model.row_of(treatment_id)).title \
            if treatment_id else ""
        self.quotes_title.setText(self.tr("What “{name}” costs where").format(name=name) if name
                                  else self.tr("What it costs where"))
        self.quote_model.set_items(self._quote_cache.get(treatment_id, []) if treatment_id
                                   else [])
        self.quotes_fitter.fit()
        if treatment_id != self._boxes_for:  # another option: a fresh quote
            self._boxes_for = treatment_id
            self.quote_facility.clear()
            self.quote_amount.clear()
            self.quote_error.hide()
            self.quote_currency.setText(self._usual_currency(treatment_id) or local_currency())
        for widget in (self.remove_button, self.edit_button, self.quote_facility, self.quote_amount,
                       self.quote_currency, self.add_quote_button, self.edit_quote_button,
                       self.remove_quote_button):
            widget.setEnabled(treatment_id is not None)

    def select(self, treatment_id: int) -> None:
        row = self.model.row_of(treatment_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.side_by_side.index(0, row),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Columns)

    def edit_option(self) -> None:
        from ui.dialogs.edit_item_dialog import ItemEditorDialog

        treatment_id = self.selected_id()
        if treatment_id is None:
            return
        treatment = self.model.item_at(self.model.row_of(treatment_id))
        # the cost is the quotes'; an older note of it is shown only while there is one
        fields = [f for f in Treatment.specs() if f != "case_id"
                  and (f != "cost" or (isinstance(treatment, Treatment) and treatment.cost))]
        dialog = ItemEditorDialog(self.context, "treatment", treatment_id, self, fields)
        self.option_dialog = dialog
        dialog.show()

    # -- writes -------------------------------------------------------------------------

    def add_option(self) -> None:
        name = self.new_name.text().strip()
        if self.case_id is None or self.context.person_id is None:
            return
        if not name:
            self.add_error.setText(self.tr("Type the name of the option first."))
            self.add_error.show()
            return
        case_id, person_id = self.case_id, self.context.person_id
        try:
            change = self.context.write(self.tr("Add a treatment option"),
                                        lambda: self.context.store.add(
                "treatment", {"case_id": case_id, "name": name}, person_id=person_id))
        except OrganizerError as exc:
            self.add_error.setText(str(exc))
            self.add_error.show()
            return
        self.add_error.hide()
        self.new_name.clear()
        self.select(change.id)
        self.edit_option()

    def remove_option(self) -> None:
        treatment_id = self.selected_id()
        if treatment_id is None:
            return
        try_write(self.context, self, self.tr("Remove a treatment option"),
                  lambda: self.context.store.delete("treatment", treatment_id))

    def add_quote(self) -> None:
        treatment_id = self.selected_id()
        if treatment_id is None or self.context.person_id is None:
            return
        # an emptied currency means "the same as the other quotes", so the range stays one
        currency = (self.quote_currency.text().strip() or self._usual_currency(treatment_id)
                    or local_currency())
        values = {"treatment_id": treatment_id, "facility": self.quote_facility.text(),
                  "amount": self.quote_amount.text(), "currency": currency}
        person_id = self.context.person_id
        try:
            self.context.write(self.tr("Add a cost quote"), lambda: self.context.store.add(
                "quote", values, person_id=person_id))
        except OrganizerError as exc:
            self.quote_error.setText(str(exc))
            self.quote_error.show()
            return
        self.quote_error.hide()
        self.quote_facility.clear()
        self.quote_amount.clear()
        self.quote_facility.setFocus()

    def _usual_currency(self, treatment_id: int | None) -> str:
        quotes = self._quote_cache.get(treatment_id or 0) or [
            q for qs in self._quote_cache.values() for q in qs]
        return next((q.currency for q in quotes if q.currency), "")

    def _selected_quote(self) -> int | None:
        index = self.quotes.selectionModel().currentIndex()
        return int(index.data(ItemRole).id) if index.isValid() else None

    def _edit_quote(self) -> None:
        from ui.dialogs.edit_item_dialog import ItemEditorDialog

        quote_id = self._selected_quote()
        if quote_id is None:
            return
        dialog = ItemEditorDialog(self.context, "quote", quote_id, self,
                                  [f for f in Quote.specs() if f != "treatment_id"])
        self.quote_dialog = dialog
        dialog.show()

    def remove_quote(self) -> None:
        quote_id = self._selected_quote()
        if quote_id is None:
            return
        try_write(self.context, self, self.tr("Remove a cost quote"),
                  lambda: self.context.store.delete("quote", quote_id))

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell(self, row: int, header: str) -> str:
        for column in range(self.model.columnCount()):
            if self.model.headerData(column, Qt.Orientation.Horizontal) == header:
                return str(self.model.data(self.model.index(row, column)) or "")
        raise KeyError(header)


def local_currency() -> str:
    """The ISO code of the locale's currency ("USD" in the US, "EUR" in Spain); USD when
    the locale names none (C/POSIX)."""
    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code or "USD"


__all__ = ["CaseTreatments", "local_currency"]
