"""The case's records, and which of them still have to be sent before the visit.

The "Sent" column is about the case's next visit that expects records (the second-opinion
doctor, or a doctor the records already go to: `case_summary.expects_records`), or else
simply the next visit: has each record gone to that doctor?
"Mark as sent" notes a sending to the visit's doctor today (undoable); the full sending
details (tracking number, received date) are edited on the Records page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.care.attention import long_date
from organizer.care.case_summary import (
    case_records,
    expects_records,
    is_sent,
    next_records_visit,
    next_visit,
    visit_day,
)
from organizer.items.changes import Change
from organizer.items.models import SEND_METHODS, Item, Provider, Record, Sending, Visit
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.flow_layout import FlowLayout
from ui.format import format_date
from ui.item_model import ItemRole, ItemTableModel
from ui.item_words import choice_text as choice_label
from ui.pages.case_common import Today, try_write
from ui.sizing import ColumnFitter
from ui.widgets import hint
from ui.wrap_height import keep_a_row, keep_whole


class CaseRecords(QWidget):
    """The records tab.

    Signals:
        add_item(str): "record": the empty state's button, to add records (the window
            asks for their files).
    """

    add_item = Signal(str)

    def __init__(self, context: AppContext, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.case_id: int | None = None
        self.visit: Visit | None = None
        self._sent: dict[int, str] = {}  # record id -> its sending status, until a change
        self.needs_sending = False  # records are missing for a visit that expects them
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        keep_whole(self.banner)
        self.banner.setAccessibleName(self.tr("Records still to send"))
        layout.addWidget(self.banner)
        self.model = ItemTableModel(Record, ["title", "kind", "dated_on", "source", "physical"],
                                    parent=self, computed=[(self.tr("Sent for the visit"),
                                                            self._sent_text)])
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Records of this second opinion"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # title first to give way; kind, date, physical item and the sending stay whole
        self.columns_fitter = ColumnFitter(self.table, 0, keep=[1, 2, 4, 5])
        keep_a_row(self.table)
        layout.addWidget(self.table, 1)
        self.empty = EmptyState()  # in the table's place while no record is linked
        self.empty.hide()
        layout.addWidget(self.empty)
        self.empty_room = layout.count()
        layout.addStretch(0)

        send_row = FlowLayout()  # (wraps at a large text size)
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("How it was sent"))
        for method in SEND_METHODS:
            self.method.addItem(choice_label(method), method)
        self.mark_button = QPushButton(self.tr("Mark as sent today"))
        self.mark_button.clicked.connect(self.mark_sent)
        send_row.addWidget(QLabel(self.tr("Sent by:")))
        send_row.addWidget(self.method)
        send_row.addWidget(self.mark_button)
        layout.addLayout(send_row)
        # adding another record is a separate matter: its own line, so that neither line
        # needs the whole width of a wide window
        link_row = FlowLayout()
        self.other = QComboBox()
        self.other.setAccessibleName(self.tr("A record of this person to add to this second "
                                             "opinion"))
        # long titles are shortened in the closed box; the open list shows them whole
        self.other.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.other.setMinimumContentsLength(12)
        self.link_button = QPushButton(self.tr("Add to this second opinion"))
        self.link_button.clicked.connect(self.link_record)
        self.unlink_button = QPushButton(self.tr("Take off this second opinion"))
        self.unlink_button.clicked.connect(self.unlink_record)
        self.other.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        link_row.addWidget(self.other)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        layout.addLayout(link_row)
        layout.addWidget(hint(self.tr("Records are added and attached on the Records page; here "
                                      "you choose which belong to this second opinion.")))

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def handles(self, change: Change) -> bool:
        return bool(change.types & {"record", "sending", "visit", "provider"})

    def _doctor(self) -> str | None:
        if self.visit is None:
            return None
        # a deleted doctor gives None: the visit's records are still listed
        return self.context.store.title_of(Provider, self.visit.provider_id)

    def _sent_text(self, item: Item) -> str:
        # the table asks for each cell every time it paints or measures: one query per
        # record per refresh, not per paint (refresh() empties this on every change)
        found = self._sent.get(item.id)
        if found is None:
            found = self._sent[item.id] = self._sending_status(item)
        return found

    def _sending_status(self, item: Item) -> str:
        assert isinstance(item, Record)
        recipient = self.visit.provider_id if self.visit else None
        best: Sending | None = None
        order = {"received": 3, "sent": 2, "requested": 1, None: 0}
        for sending in self.context.store.list_items("sending", where={"record_id": item.id}):
            assert isinstance(sending, Sending)
            if recipient is not None and sending.recipient_id != recipient:
                continue
            if best is None or order.get(sending.status, 0) > order.get(best.status, 0):
                best = sending
        if best is None:
            return self.tr("Not sent yet") if self.visit else self.tr("No sending noted")
        how = f" by {choice_label(best.method).lower()}" if best.method else ""
        if best.status == "received":
            return f"Received {format_date(best.received_on)}".strip() + how
        if best.status == "sent":
            return f"Sent {format_date(best.sent_on)}".strip() + how
        return self.tr("Asked to be sent, not sent yet")

    def refresh(self) -> None:
        store = self.context.store
        today: date = self.today()
        self.visit = (next_records_visit(store, self.case_id, today)
                      or next_visit(store, self.case_id, today)) if self.case_id else None
        records = case_records(store, self.case_id) if self.case_id else []
        self._sent.clear()
        self.model.set_items(records)
        self.columns_fitter.fit()
        self._fill_banner(records, today)
        self.other.clear()
        if self.context.person_id is not None and self.case_id is not None:
            for record in store.list_items("record", self.context.person_id):
                assert isinstance(record, Record)
                if record.case_id != self.case_id:
                    self.other.addItem(record.title, record.id)
        self.link_button.setVisible(self.other.count() > 0)
        self.other.setVisible(self.other.count() > 0)
        self._show_empty(bool(records))
        doctor = self._doctor()
        self.mark_button.setText(self.tr("Mark as sent to {doctor} today").format(doctor=doctor)
                                 if doctor
                                 else self.tr("Mark as sent today"))
        self.mark_button.setEnabled(bool(records) and self.visit is not None)
        # start on the first record still to send: the one the user most likely means
        first_unsent = next((row for row, r in enumerate(records) if self.visit and not
                             is_sent(store, r, self.visit.provider_id)), 0 if records else -1)
        if first_unsent >= 0:
            self.table.selectRow(first_unsent)
        self.unlink_button.setEnabled(bool(records))

    def _show_empty(self, any_record: bool) -> None:
        """No record linked yet: say how to link one, or how to add the first."""
        if self.other.count():
            self.empty.set_state(self.tr("No record belongs to this second opinion yet. Choose "
                                         "one of your records below and press “Add to this second "
                                         "opinion”."))
        else:
            self.empty.set_state(self.tr("No records yet. Add the reports, test results and "
                                         "letters the doctor should see."),
                                 self.tr("Attach records…"),
                                 lambda: self.add_item.emit("record"))
        self.table.setVisible(any_record)
        self.empty.setVisible(not any_record and self.case_id is not None)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self.empty_room, 0 if any_record else 1)

    def _fill_banner(self, records: list[Record], today: date) -> None:
        self.needs_sending = False
        if self.case_id is None:
            self.banner.setText("")
            return
        if self.visit is None:
            self.banner.setText(self.tr("No visit is planned for this second opinion yet. Once it "
                                        "is, this page shows which records still have to be sent."))
            return
        day = visit_day(self.visit)
        doctor = self._doctor()
        when = long_date(day) if day else self.visit.scheduled_at
        unsent = [r for r in records if not is_sent(self.context.store, r,
                                                    self.visit.provider_id)]
        whom = QCoreApplication.translate("common",
                                          " with {name}").format(name=doctor) if doctor else ""
        if not records:
            self.banner.setText(self.tr("Visit{whom} on {when}: no record is linked to this "
                                        "second opinion yet.").format(whom=whom, when=when))
        elif not unsent:
            self.banner.setText(self.tr("✔  Visit{whom} on {when}: every record has been sent.")
                                .format(
                                    whom=whom, when=when))
        else:
            count = self.tr("%n record(s) are", "", len(unsent))
            self.needs_sending = expects_records(self.context.store, self.visit)
            urgent = self.needs_sending and day is not None and (day - today).days <= 7
            self.banner.setText(self.tr("{value}Visit{whom} on {when}: {count} not sent yet: "
                                        "{value2}.").format(
                                    value='⚠  ' if urgent else '', whom=whom, when=when,
                                    count=count, value2=', '.join(r.title for r in unsent)))

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return int(index.data(ItemRole).id) if index.isValid() else None

    def mark_sent(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.visit is None or self.context.person_id is None:
            return
        values = {"record_id": record_id, "recipient_id": self.visit.provider_id,
                  "status": "sent", "method": self.method.currentData(),
                  "sent_on": self.today().isoformat()}
        person_id = self.context.person_id
        try_write(self.context, self, self.tr("Mark a record as sent"),
                  lambda: self.context.store.add("sending", values, person_id=person_id))

    def link_record(self) -> None:
        record_id = self.other.currentData()
        case_id = self.case_id
        if record_id is not None and case_id is not None:
            try_write(self.context, self, self.tr("Add a record to the second opinion"),
                      lambda: self.context.store.update("record", record_id,
                                                        {"case_id": case_id}))

    def unlink_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            try_write(self.context, self, self.tr("Take a record off the second opinion"),
                      lambda: self.context.store.update("record", record_id,
                                                        {"case_id": None}))
