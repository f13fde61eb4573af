"""The one Qt table model over a list of items of one type.

Columns come from the type's field specs. `ItemRole` returns the item itself, `SortRole`
a value that sorts naturally (dates as ISO text, numbers as numbers). Reloads use
begin/endResetModel; a single edited item is replaced in place with dataChanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from organizer.items.models import Item
from ui.format import format_value
from ui.item_words import field_label

ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

# The roles data() answers. A view asks each cell for a dozen roles (font, colours,
# alignment, check state…) when it paints or measures it; the others are answered None
# before any work, since measuring a long list's columns asks several thousand times.
_ANSWERED = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                       int(Qt.ItemDataRole.AccessibleTextRole), ItemRole, SortRole,
                       int(Qt.ItemDataRole.DecorationRole)})

RefTitle = Callable[[str, int], str]
# A column computed from the whole item (a quote range, a sending status): header, function.
Computed = tuple[str, Callable[[Item], str]]
_Index = QModelIndex | QPersistentModelIndex


class ItemTableModel(QAbstractTableModel):
    """Rows are items of `cls`; `columns` names the fields shown (default: a sensible few).

    `computed` adds read-only columns after the fields, each a header and a function of
    the item (for what is not a field: the range of an option's cost quotes, say).
    `headers` gives some fields a shorter column title (the full label is its tooltip).
    """

    def __init__(self, cls: type[Item], columns: Sequence[str] | None = None,
                 ref_title: RefTitle | None = None, parent: Any = None,
                 computed: Sequence[Computed] = (),
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.cls = cls
        specs = cls.specs()
        self.columns = list(columns) if columns else default_columns(cls)
        self._specs = [specs[c] for c in self.columns]
        self._computed = list(computed)
        self._items: list[Item] = []
        self._ref_title = ref_title
        self._headers = dict(headers or {})  # a shorter title for a narrow column
        # column -> {stored value: status}: a status cell shows its icon beside its word
        from ui.theme import FIELD_STATUSES

        self._statuses = {column: FIELD_STATUSES[(cls.TYPE, name)]
                          for column, name in enumerate(self.columns)
                          if FIELD_STATUSES.get((cls.TYPE, name))}
        # column -> each row's sort value: sorting a few hundred rows asks thousands of
        # times, and a reload sorts again (cleared whenever the items change)
        self._sort_keys: dict[int, list[Any]] = {}

    # -- content ------------------------------------------------------------------------

    def set_items(self, items: Sequence[Item]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._sort_keys.clear()
        self.endResetModel()

    def items(self) -> list[Item]:
        return list(self._items)

    def item_at(self, row: int) -> Item:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def replace(self, item: Item) -> None:
        """Show a new version of one item (after an edit) without a full reset."""
        row = self.row_of(item.id)
        if row < 0:
            return
        self._items[row] = item
        self._sort_keys.clear()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns) + len(self._computed)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if 0 <= section < len(self.columns):
            label = field_label(self._specs[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return label
            header = self._headers.get(self.columns[section])
            return QCoreApplication.translate("type_views", header) if header else label
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        if 0 <= section - len(self.columns) < len(self._computed):
            return self._computed[section - len(self.columns)][0]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not index.isValid() or not (0 <= row < len(self._items)):
            return None
        if role == SortRole:
            column = index.column()
            keys = self._sort_keys.get(column)
            if keys is None:
                keys = self._sort_keys[column] = [self._sort_value(item, column)
                                                  for item in self._items]
            return keys[row]
        item = self._items[row]
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DecorationRole:
            statuses = self._statuses.get(index.column())
            if statuses is None:
                return None
            name = statuses.get(getattr(item, self.columns[index.column()]))
            return _status_icon(name) if name else None
        extra = index.column() - len(self.columns)
        if 0 <= extra < len(self._computed):
            header, compute = self._computed[extra]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return compute(item)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{header}: {compute(item)}"
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        name = self.columns[index.column()]
        spec = self._specs[index.column()]
        value = getattr(item, name)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and value:
            # a narrow column shortens its text with "…": the tooltip has it whole
            if spec.kind == "longtext":
                return str(value)
            if spec.kind in ("text", "ref"):
                return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{field_label(spec)}: {format_value(spec, value)}"
        return None

    def _display(self, item: Item, column: int) -> Any:
        """The text one cell shows (a field's column; computed columns are apart)."""
        spec = self._specs[column]
        value = getattr(item, self.columns[column])
        if spec.kind == "ref" and value is not None and spec.ref:
            return self._ref_title(spec.ref, value) if self._ref_title else str(value)
        return format_value(spec, value)

    def _sort_value(self, item: Item, column: int) -> Any:
        """What a column sorts by: dates as ISO text, numbers as numbers, text lower case."""
        extra = column - len(self.columns)
        if 0 <= extra < len(self._computed):
            return self._computed[extra][1](item)
        if not 0 <= column < len(self.columns):
            return None
        value = getattr(item, self.columns[column])
        if value is None:
            return ""
        if self._specs[column].kind in ("int", "number", "bool"):
            return float(value)
        return str(value).lower()

    def column_texts(self, column: int) -> list[str]:
        """The text each row shows in a column (what fitting the columns measures)."""
        extra = column - len(self.columns)
        if 0 <= extra < len(self._computed):
            compute = self._computed[extra][1]
            return [str(compute(item)) for item in self._items]
        if not 0 <= column < len(self.columns):
            return [""] * len(self._items)
        return [str(self._display(item, column) or "") for item in self._items]


_STATUS_ICONS: dict[str, Any] = {}


def _status_icon(name: str) -> Any:
    """One icon per status, shared by every cell (it takes the palette's colour when drawn)."""
    if name not in _STATUS_ICONS:
        from ui import theme

        _STATUS_ICONS[name] = theme.status(name).icon
    return _STATUS_ICONS[name]


def default_columns(cls: type[Item]) -> list[str]:
    """The title field first, then the next few short fields (no notes, no codes)."""
    specs = cls.specs()
    columns = [cls.TITLE_FIELD] if cls.TITLE_FIELD in specs else []
    for name, spec in specs.items():
        if name in columns or spec.kind == "longtext" or name in ("code", "code_system"):
            continue
        columns.append(name)
        if len(columns) == 5:
            break
    return columns
