"""Least heights that are true: wrapped labels whole, tables showing at least one row.

A layout's minimum height counts a wrapped label as one line, so when room is short (a
small screen, large text) the layout squeezed such a label and cut its last lines off,
or gave it its lines and squeezed its neighbours instead. `keep_whole(label)` makes the
label's minimum height follow its text at its current width, measured again whenever
its width, text or font changes, so the window's page area scrolls instead.
`keep_a_row(view)` does the same for a table or list: never squeezed below its first
row (a table's own least height is a few pixels, and showed none at 200% text).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel


class _KeepWhole(QObject):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if watched is self.label and event.type() in (
                    QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
                self.fit()
        except (AttributeError, RuntimeError):  # the label is being destroyed
            pass
        return False

    def fit(self) -> None:
        label = self.label
        if label.width() <= 0:
            return
        needed = label.heightForWidth(label.width()) if label.text() else 0
        if needed != label.minimumHeight():
            label.setMinimumHeight(max(needed, 0))


def keep_whole(label: QLabel) -> QLabel:
    """Keep `label` (word-wrapped) as tall as its text at its width; returns it."""
    label.setWordWrap(True)
    if label.findChild(_KeepWhole) is None:
        _KeepWhole(label)
    return label


class _KeepARow(QObject):
    """Keeps a table or list at least as tall as its first row (and its header)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                           model.layoutChanged, model.dataChanged):
                signal.connect(lambda *_: self._later.start())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                QEvent.Type.Show):
                self._later.start()
        except (AttributeError, RuntimeError):  # the view is being destroyed
            pass
        return False

    def fit(self) -> None:
        try:
            self._fit()
        except RuntimeError:  # the view was deleted meanwhile
            pass

    def _fit(self) -> None:
        view = self.view
        model = view.model()
        rows = model.rowCount(view.rootIndex()) if model is not None else 0
        row = max(view.sizeHintForRow(0), view.visualRect(
            model.index(0, 0, view.rootIndex())).height()) if rows else 0
        if row <= 0:
            if view.minimumHeight():
                view.setMinimumHeight(0)
            return
        extra = 2 * view.frameWidth()
        from PySide6.QtWidgets import QTableView  # (not before the window's first frame)

        if isinstance(view, QTableView) and view.horizontalHeader().isVisible():
            extra += view.horizontalHeader().height()
        if view.horizontalScrollBar().isVisible():
            extra += view.horizontalScrollBar().height()
        needed = row + extra
        if needed != view.minimumHeight():
            view.setMinimumHeight(needed)


def keep_a_row(view: QAbstractItemView) -> QAbstractItemView:
    """Never let `view` be squeezed below its first row: the page scrolls instead."""
    if view.findChild(_KeepARow) is None:
        _KeepARow(view)
    return view
