"""Browse the question starters, tick some, and add them to a case's questions.

Starters are grouped by situation and by topic, and searchable. The user can also shape
the set: add questions of their own, reword one (double-click it, or "Reword…"), hide
those that do not fit, and bring back the original wording. The shipped file is never
changed; see organizer.starters.

Signals:
    picked(list): the texts of the ticked starters, when "Add to this case's questions"
        is pressed (the case page adds them, and the user edits them there).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.care import starters
from organizer.errors import OrganizerError
from ui.context import AppContext
from ui.screen_fit import fit_to_screen, narrow_combo
from ui.widgets import error_label, heading, hint

IdRole = Qt.ItemDataRole.UserRole + 10


class StartersDialog(QDialog):
    picked = Signal(list)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Question starters"))
        self.setModal(False)
        self._filling = False
        self._ticked: set[str] = set()  # kept across filters and searches
        self.starter_set = starters.load(context.store)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Questions other patients found worth asking")))
        layout.addWidget(hint(self.tr("Tick the ones that fit, then add them to this second "
                                      "opinion's questions. You can change their wording there.")))

        filters = QHBoxLayout()
        self.situation = QComboBox()
        self.situation.setAccessibleName(self.tr("Situation"))
        self.situation.addItem(self.tr("Every situation"), None)
        for key, label in self.starter_set.situations.items():
            if key != starters.ANY:
                self.situation.addItem(label, key)
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Topic"))
        self.theme.addItem(self.tr("Every topic"), None)
        for key, label in self.starter_set.themes.items():
            self.theme.addItem(label, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search, e.g. recovery"))
        self.search.setAccessibleName(self.tr("Search the question starters"))
        self.search.setClearButtonEnabled(True)
        for words, combo in ((self.tr("Situation:"), self.situation), (self.tr("Topic:"),
                                                                       self.theme)):
            narrow_combo(combo, 14)
            buddy = QLabel(words)
            buddy.setBuddy(combo)
            filters.addWidget(buddy)
            filters.addWidget(combo)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Question starters"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setStyleSheet("QListWidget::item { padding: 3px; }")
        self.list.itemChanged.connect(self._item_changed)
        layout.addWidget(self.list, 1)
        self.count = QLabel()
        layout.addWidget(self.count)

        own_row = QHBoxLayout()
        self.own_text = QLineEdit()
        self.own_text.setPlaceholderText(self.tr("A question of your own, kept among the starters"))
        self.own_text.setAccessibleName(self.tr("Your own question starter"))
        self.own_text.returnPressed.connect(self.add_own)
        self.add_own_button = QPushButton(self.tr("Keep my question"))
        self.add_own_button.clicked.connect(self.add_own)
        own_row.addWidget(self.own_text, 1)
        own_row.addWidget(self.add_own_button)
        layout.addLayout(own_row)
        self.error = error_label()
        layout.addWidget(self.error)

        edit_row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Reword…"))
        self.edit_button.setToolTip(self.tr("Change the wording of the selected starter"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.hide_button = QPushButton(self.tr("Hide"))
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.restore_button = QPushButton(self.tr("Original wording"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.show_hidden = QCheckBox(self.tr("Show hidden ones"))
        self.show_hidden.toggled.connect(self.refill)
        for button in (self.edit_button, self.hide_button, self.restore_button):
            edit_row.addWidget(button)
        edit_row.addWidget(self.show_hidden)
        edit_row.addStretch(1)
        layout.addLayout(edit_row)
        # the main action on a line of its own: one row of six buttons is wider than a
        # laptop's screen at a large text size
        action_row = QHBoxLayout()
        action_row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add to this case's questions"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_ticked)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        action_row.addWidget(self.add_button)
        action_row.addWidget(close)
        layout.addLayout(action_row)

        self.situation.currentIndexChanged.connect(self.refill)
        self.theme.currentIndexChanged.connect(self.refill)
        self.search.textChanged.connect(self.refill)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        fit_to_screen(self, 860, 640, self.parentWidget())
        self.refill()

    # -- showing ------------------------------------------------------------------------

    def refill(self) -> None:
        ticked = self._ticked
        self._filling = True
        try:
            self.list.clear()
            found = self.starter_set.find(situation=self.situation.currentData(),
                                          theme=self.theme.currentData(),
                                          text=self.search.text(),
                                          include_hidden=self.show_hidden.isChecked())
            for starter in found:
                item = QListWidgetItem(self._label(starter))
                item.setData(IdRole, starter.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsEditable)
                item.setCheckState(Qt.CheckState.Checked if starter.id in ticked
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(self.starter_set.themes.get(starter.theme, ""))
                if starter.hidden:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.list.addItem(item)
        finally:
            self._filling = False
        self.count.setText(self.tr("No question matches; try other words or “Every topic”.")
                           if not found else self.tr("%n question(s) shown", "", len(found)))
        self._update_buttons()

    def _label(self, starter: starters.Starter) -> str:
        marks = []
        if starter.own:
            marks.append("yours")
        if starter.edited:
            marks.append("reworded")
        if starter.hidden:
            marks.append("hidden")
        return starter.text + (f"   ({', '.join(marks)})" if marks else "")

    def ticked_ids(self) -> list[str]:
        return [s.id for s in self.starter_set.starters if s.id in self._ticked]

    def item_for(self, starter_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(IdRole) == starter_id:
                return self.list.item(row)
        return None

    def _selected(self) -> starters.Starter | None:
        item = self.list.currentItem()
        return self.starter_set.get(item.data(IdRole)) if item is not None else None

    def _update_buttons(self) -> None:
        starter = self._selected()
        self.edit_button.setEnabled(starter is not None)
        self.hide_button.setEnabled(starter is not None)
        self.hide_button.setText(self.tr("Show again") if starter and starter.hidden
                                 else self.tr("Hide"))
        self.restore_button.setEnabled(bool(starter and starter.edited))
        count = len(self.ticked_ids())
        self.add_button.setEnabled(count > 0)
        self.add_button.setText(self.tr("Add to this case's questions") if count < 2 else
                                self.tr("Add {count} questions to this case").format(count=count))

    def _reload(self) -> None:
        self.starter_set = starters.load(self.context.store)
        self.refill()

    # -- actions ------------------------------------------------------------------------

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        starter = self.starter_set.get(item.data(IdRole))
        text = item.text()
        if text != self._label(starter):  # the user reworded it in place
            self._run(lambda: starters.edit(self.context.store, starter.id, text))
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._ticked.add(starter.id)
        else:
            self._ticked.discard(starter.id)
        self._update_buttons()

    def _run(self, action: Any) -> bool:
        try:
            action()
        except OrganizerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self._reload()
            return False
        self.error.hide()
        self._reload()
        return True

    def add_own(self) -> None:
        situation = self.situation.currentData() or starters.ANY
        theme = self.theme.currentData() or "diagnosis"
        text = self.own_text.text()
        if self._run(lambda: starters.add_own(self.context.store, text, situation, theme)):
            self.own_text.clear()

    def edit_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            starter = self.starter_set.get(item.data(IdRole))
            self._filling = True
            item.setText(starter.text)  # edit the words, not the marks
            self._filling = False
            self.list.editItem(item)

    def toggle_hidden(self) -> None:
        starter = self._selected()
        if starter is not None:
            self._run(lambda: starters.set_hidden(self.context.store, starter.id,
                                                  not starter.hidden))

    def restore_selected(self) -> None:
        starter = self._selected()
        if starter is not None:
            self._run(lambda: starters.restore_original(self.context.store, starter.id))

    def add_ticked(self) -> None:
        texts = [self.starter_set.get(i).text for i in self.ticked_ids()]
        if not texts:
            return
        self.picked.emit(texts)
        self._ticked.clear()
        self._filling = True
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(Qt.CheckState.Unchecked)
        self._filling = False
        self.count.setText(self.tr("Added %n question(s) to this case.", "", len(texts)))
        self._update_buttons()
