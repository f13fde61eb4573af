"""The generic section: a sortable, filterable list of one type of item, its editor beside it.

Every section of the window that is a plain list (Conditions, Medications, Allergies,
Visits, Care team, Journal…) is one `SectionPage`. It refreshes only when a broadcast
`Change` touches its type and its person; while hidden it just notes that it is out of
date and reloads when shown, so that switching person or section stays quick.

Signals (the Page protocol's, ui/pages/page.py):
    status(str): a short message for the window's status bar ("Deleted …: Undo with Ctrl+Z").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import NotFoundError, OrganizerError
from organizer.items.changes import ADDED, RESTORED, UPDATED, Change
from organizer.items.models import TYPES, Item
from ui.context import AppContext
from ui.empty_state import EmptyState, section_text
from ui.flow_layout import FlowLayout
from ui.format import a_or_an
from ui.item_editor import ItemEditor, Parked
from ui.item_model import Computed, ItemRole, ItemTableModel, SortRole
from ui.item_words import type_label, type_plural
from ui.pages.page import Page
from ui.screen_fit import stack_when_narrow
from ui.sizing import ColumnFitter
from ui.type_views import TypeView, view_of
from ui.widgets import TitleLabel
from ui.wrap_height import keep_a_row


def _listed(view: TypeView) -> list[str] | None:
    return list(view.columns) if view.columns is not None else None

# values too short to cut: a date, yes/no, a choice, a number
_WHOLE_KINDS = ("date", "datetime", "bool", "enum", "int", "number")
_AUTO_FIT_ROWS = 400  # fitting columns to content reads every row: only for short lists


class SectionPage(Page):
    def __init__(self, context: AppContext, type_name: str, *, title: str = "",
                 intro: str = "", where: Mapping[str, Any] | None = None,
                 form_fields: list[str] | None = None,
                 orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 computed: Sequence[Computed] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cls: type[Item] = TYPES[type_name]
        self.type_name = type_name
        self.view = view_of(type_name)  # columns, sorting, defaults (ui/type_views.py)
        self.types = frozenset({type_name} | self._shown_refs())
        self.person_id: int | None = None
        # Typing the store refused, kept per (person, item) while the user looks elsewhere.
        self._parked: dict[tuple[int | None, int | None], Parked] = {}
        self.where: dict[str, Any] = dict(where or {})
        self._stale = True
        self._titles: dict[tuple[str, int], str] = {}
        self._selecting = False
        self.setObjectName(f"section_{type_name}")

        self.model = ItemTableModel(self.cls, _listed(self.view), ref_title=self._ref_title,
                                    parent=self, computed=computed,
                                    headers=dict(self.view.headers) or None)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        plural = type_plural(self.cls).lower()
        self.title = TitleLabel(title or type_plural(self.cls))
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter {plural}…").format(plural=plural))
        self.filter.setAccessibleName(self.tr("Filter {plural}").format(plural=plural))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("Add {label}").format(
                                          label=type_label(self.cls).lower()))
        self.add_button.setAccessibleName(self.tr("Add {an}").format(
                                              an=a_or_an(type_label(self.cls).lower())))
        self.add_button.setToolTip(self.tr("Add {an} ({nativetext})").format(
                                       an=a_or_an(type_label(self.cls).lower()),
                                       nativetext=QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)))
        self.add_button.clicked.connect(self.add_new)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen {label}").format(
                                                 label=type_label(self.cls).lower()))
        self.delete_button.setToolTip(self.tr("Delete the chosen item (you can undo it)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(False)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.proxy)
        keep_a_row(self.table)  # never squeezed to no row: the page scrolls instead
        self.table.setAccessibleName(type_plural(self.cls))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        main = self.view.stretch or self.cls.TITLE_FIELD
        specs = self.cls.specs()
        self.columns_fitter = ColumnFitter(
            self.table, self.model.columns.index(main) if main in self.model.columns else 0,
            keep=[i for i, name in enumerate(self.model.columns)
                  if specs[name].kind in _WHOLE_KINDS],
            max_rows=_AUTO_FIT_ROWS)
        date_column = self.view.date_column
        if date_column in self.model.columns:
            self.table.sortByColumn(self.model.columns.index(date_column),
                                    Qt.SortOrder.DescendingOrder)
        else:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.editor_focus())
        self.table.installEventFilter(self)  # the Delete key on the list deletes the item
        self.empty_note = EmptyState()  # in the table's place while it has no row
        self.empty_note.hide()
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._update_empty_note)
        # (after the proxy's own connection: the rows are filtered when the note is told)
        self.filter.textChanged.connect(self._update_empty_note)

        self.editor = ItemEditor(self.cls, context, fields=form_fields or [
            name for name in self.cls.specs() if name not in self.where])
        self.editor.fixed = dict(self.where)
        self.editor.created.connect(self._created)
        self.editor.saved.connect(self._saved)

        # a page may add its own buttons to it; at a large text size they wrap
        bar = self.bar = FlowLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(bar)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.empty_note)
        left_column.addStretch(0)  # below the empty state while the table is hidden
        self._left_column = left_column
        self.splitter = QSplitter(orientation)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        if orientation == Qt.Orientation.Horizontal:
            stack_when_narrow(self.splitter)  # the details under the list at a large size
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([600, 400])  # the list has the most columns to show

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.filter, self.add_button)
        QWidget.setTabOrder(self.add_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.table)
        context.changed.connect(self._on_changed)

    # -- the page interface the window uses ---------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        if person_id == self.person_id and not self._stale:
            return
        self._park()
        self.editor.show_item(None)
        self.person_id = person_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def set_where(self, where: Mapping[str, Any]) -> None:
        """Show only the items with these values (the sendings of one record)."""
        if dict(where) != self.where:
            self.editor.show_item(None)
            self.where = dict(where)
            self.editor.fixed = dict(where)
            self._stale = True
            if self.isVisible():
                self.reload()

    def flush(self) -> None:
        self.editor.flush()

    def unsaved(self) -> list[str]:
        parked = [line for key, kept in self._parked.items()
                  if key != self._parking_key() for line in kept.lines]
        return self.editor.unsaved() + parked

    def _parking_key(self) -> tuple[int | None, int | None]:
        item_id = None if self.editor.is_draft() or self.editor.item is None \
            else self.editor.item.id
        return (self.person_id, item_id)

    def _park(self) -> None:
        """Keep what the editor could not store before it shows something else."""
        kept = self.editor.park()
        if kept is not None:
            self._parked[(self.person_id, kept.item_id)] = kept
            self.status.emit(self.tr("Not saved yet, and kept for when you come back: ")
                             + " ".join(kept.lines))

    def _unpark(self) -> None:
        """Put back what was kept for the item (or new item) now shown."""
        kept = self._parked.pop(self._parking_key(), None)
        if kept is not None:
            self.editor.unpark(kept)
            self.status.emit(self.tr("What you typed here before is back; it is not saved yet: ")
                             + " ".join(kept.lines))

    def add_new(self) -> None:
        if self.person_id is None:
            self.status.emit(self.tr("Add a person first (Person menu)."))
            return
        self._select_id(None)
        defaults = self.view.defaults()
        self.editor.fixed = dict(self.where)
        self.editor.start_new(defaults)
        self.delete_button.setEnabled(False)
        self._update_empty_note()

    def delete_selected(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.editor.flush()
        label = type_label(self.cls).lower()
        title = _short(item.title)
        try:
            self.context.write(self.tr("Delete {label} “{title}”").format(label=label, title=title),
                               lambda: self.context.store.delete(self.type_name, item.id))
        except OrganizerError as exc:
            self.status.emit(str(exc))
            return
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText)
        self.status.emit(self.tr("Deleted {label} “{title}”. To bring it back: Edit › Undo "
                                 "({undo}).").format(label=label, title=title, undo=undo))

    def show_item(self, type_name: str, item_id: int) -> bool:
        """Select one item (a search hit); clears the filter if it hides the item."""
        if type_name != self.type_name:
            return False
        if self._stale:
            self.reload()
        if self.model.row_of(item_id) < 0:
            return False
        if self.filter.text():
            self.filter.clear()
        self._select_id(item_id)
        self.table.setFocus()
        return True

    def current_item(self) -> Item | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.proxy.data(index, ItemRole)
        return item if isinstance(item, Item) else None

    def editor_focus(self) -> None:
        first = next(iter(self.editor.form._editors.values()), None)
        if first is not None:
            first.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Delete)):
            self.delete_selected()
            return True
        return bool(super().eventFilter(watched, event))

    # -- loading ------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read this section's items again, keeping the chosen item chosen."""
        self._stale = False
        self._titles.clear()
        chosen = self.editor.item.id if self.editor.item is not None else None
        items: list[Item] = []
        if self.person_id is not None:
            items = self.context.store.list_items(self.type_name, self.person_id,
                                                  where=self.where or None)
        self._selecting = True
        try:
            self.model.set_items(items)
        finally:
            self._selecting = False
        self.columns_fitter.fit()
        if chosen is not None and self.model.row_of(chosen) >= 0:
            self._select_id(chosen, show=False)
        elif not self.editor.is_draft():
            self.editor.show_item(None)
            self._reopen_parked()
        self._update_empty_note()

    def _reopen_parked(self) -> None:
        """Back on a person with kept typing: show it again (a new item first)."""
        kept = [key for key in self._parked if key[0] == self.person_id]
        if not kept:
            return
        person, item_id = min(kept, key=lambda key: key[1] is not None)
        if item_id is None:
            self._unpark()
        elif self.model.row_of(item_id) >= 0:
            self._select_id(item_id)
        else:  # the item is gone (deleted meanwhile): what was typed for it goes too
            self._parked.pop((person, item_id), None)

    def _update_empty_note(self, *_args: Any) -> None:
        """In the table's place when it shows no row: what to do, with its button."""
        note = self.empty_note
        if self.person_id is None:
            note.set_state(self.tr("Add a person first: Person › Add person."))
        elif self.model.rowCount() == 0:
            note.set_state(*self.empty_state())
        elif self.proxy.rowCount() == 0:
            note.set_state(self.tr("No {label} matches “{text}”.").format(
                               label=type_label(self.cls).lower(), text=self.filter.text()),
                           self.tr("Show them all"), self.filter.clear)
        empty = self.proxy.rowCount() == 0
        drafting = self.editor.is_draft()
        # a new item being typed keeps the (empty) list in view: it is where it will go
        self.table.setVisible(not empty or drafting)
        note.setVisible(empty and not drafting)
        self._left_column.setStretch(self._left_column.count() - 1,
                                     1 if empty and not drafting else 0)
        # nothing to choose, nothing typed: the editor's "choose one in the list" would
        # only contradict the empty list, so the empty state takes the whole width
        beside = self.splitter.widget(1)  # the editor (with a page's own parts around it)
        if beside is not None:
            beside.setVisible(not (self.model.rowCount() == 0 and not drafting))

    def empty_state(self) -> tuple[str, str, Callable[[], object]]:
        """What the empty list says, its button's words and what the button does."""
        return (section_text(self.type_name, type_plural(self.cls)), self.add_button.text(),
                self.add_new)

    def _on_changed(self, change: Change, initiator: object = None) -> None:
        if not (change.types & self.types):
            return
        if self.person_id is None or self.person_id not in change.person_ids:
            return
        if not self.isVisible():
            self._stale = True
            return
        mine = [c for c in change.items if c.type == self.type_name]
        if initiator is self.editor and mine and all(c.action == UPDATED for c in mine):
            for item_change in mine:  # our own edit: the form already shows it
                if item_change.after is not None:
                    self.model.replace(item_change.after)
            return
        self.reload()
        shown = self.editor.item
        if shown is None or initiator is self.editor:
            return
        for item_change in mine:
            if item_change.id != shown.id:
                continue
            if item_change.action in (UPDATED, ADDED, RESTORED):
                try:
                    self.editor.reload(self.context.store.get(self.type_name, shown.id))
                except NotFoundError:
                    self.editor.show_item(None)
            else:
                self.editor.show_item(None)

    def _ref_title(self, type_name: str, item_id: int) -> str:
        key = (type_name, item_id)
        found = self._titles.get(key)
        if found is None:
            try:
                found = _short(self.context.store.get(type_name, item_id).title, 60)
            except NotFoundError:
                found = "(deleted)"
            self._titles[key] = found
        return found

    def _shown_refs(self) -> set[str]:
        specs = self.cls.specs()
        return {spec.ref for name in self.view.columns or ()
                if (spec := specs.get(name)) is not None and spec.ref}

    # -- selection ----------------------------------------------------------------------

    def _select_id(self, item_id: int | None, show: bool = True) -> None:
        selection = self.table.selectionModel()
        self._selecting = not show
        try:
            if item_id is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
                return
            row = self.model.row_of(item_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                return
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._selecting = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.proxy.data(current, ItemRole) if current.isValid() else None
        self.delete_button.setEnabled(isinstance(item, Item))
        if self._selecting:
            return
        if isinstance(item, Item):
            if self.editor.item is None or self.editor.item.id != item.id \
                    or self.editor.is_draft():
                self._leave_current()
                self.editor.show_item(item)
                self._unpark()
        elif not self.editor.is_draft():
            self._leave_current()
            self.editor.show_item(None)

    def _leave_current(self) -> None:
        """Before showing another item: keep the typing that was not stored."""
        self._park()

    def _created(self, item: Item) -> None:
        self.reload()
        self._select_id(item.id, show=False)
        self.delete_button.setEnabled(True)
        self.status.emit(self.tr("Added {label} “{title}”.").format(
                             label=type_label(self.cls).lower(), title=_short(item.title)))

    def _saved(self, item: Item) -> None:
        self.editor.heading.setText(f"<b>{_html(_short(item.title, 120))}</b>")


def _short(text: str, size: int = 40) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= size else first[:size - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
