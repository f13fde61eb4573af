"""The opinions of a case side by side, each with its agreement shown at a glance.

Agreement is said in words and with a symbol (✔ agrees, ◐ partly, ✘ disagrees), with a
small coloured accent that is never the only sign, so it reads the same in dark mode and
for people who do not tell red from green.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from organizer.errors import NotFoundError
from organizer.items.changes import Change
from organizer.items.models import Opinion, Provider
from ui.context import AppContext
from ui.dialogs.edit_item_dialog import ItemEditorDialog
from ui.empty_state import EmptyState
from ui.format import format_date
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_words import choice_text as choice_label
from ui.pages.case_common import try_write
from ui.sizing import follow_app_font
from ui.widgets import heading, hint

# (symbol and words, accent colour): the colour is a light tint, readable on any palette
CARD_CHARS = (30, 66)  # an opinion card's width, in average characters: least, most

AGREEMENT = {
    "yes": (QT_TRANSLATE_NOOP("case_opinions", "✔  Agrees with the first opinion"), "#2e7d32"),
    "partly": (QT_TRANSLATE_NOOP(
                   "case_opinions", "◐  Partly agrees with the first opinion"), "#b26a00"),
    "no": (QT_TRANSLATE_NOOP("case_opinions", "✘  Disagrees with the first opinion"), "#c62828"),
    "n_a": (QT_TRANSLATE_NOOP("case_opinions", "●  This is the first opinion"), "#1565c0"),
    None: (QT_TRANSLATE_NOOP("case_opinions", "?  Agreement not noted yet"), "#757575"),
}


def agreement_badge(agrees: str | None) -> QLabel:
    text, colour = AGREEMENT.get(agrees, AGREEMENT[None])
    text = QCoreApplication.translate("case_opinions", text)
    tint = QColor(colour)
    badge = QLabel(text)
    badge.setObjectName("agreementBadge")
    # a border in the accent colour and a faint tint of it: the text keeps the palette's
    # own colour, so it stays readable on light and dark backgrounds
    badge.setStyleSheet(f"QLabel#agreementBadge {{ border: 2px solid {colour}; "
                        f"border-radius: 6px; padding: 4px 8px; font-weight: bold; "
                        f"background: rgba({tint.red()}, {tint.green()}, {tint.blue()}, 40); }}")
    badge.setAccessibleName(text.split("  ", 1)[-1])
    follow_app_font(badge, bold=True)
    return badge


class OpinionCard(QFrame):
    """One opinion: who, when, agreement, diagnosis and recommendation."""

    _built = False  # True once __init__ has made the badge (a font change can come sooner)

    def __init__(self, context: AppContext, opinion: Opinion, parent: QWidget | None = None):
        super().__init__(parent)
        self.opinion = opinion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        doctor = self.tr("Doctor not chosen yet")
        detail = ""
        if opinion.provider_id is not None:
            try:
                provider = context.store.get("provider", opinion.provider_id)
                assert isinstance(provider, Provider)
                doctor = provider.name
                detail = ", ".join(x for x in (provider.specialty or (
                    choice_label(provider.role) if provider.role else ""),
                    provider.facility) if x)
            except NotFoundError:
                pass
        layout.addWidget(heading(doctor, 1.15))
        if detail:
            layout.addWidget(hint(detail))
        if opinion.given_on:
            layout.addWidget(QLabel(self.tr("Given on {date}").format(
                                        date=format_date(opinion.given_on))))
        self.badge = agreement_badge(opinion.agrees)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        for title, text in ((self.tr("Diagnosis"), opinion.diagnosis),
                            (self.tr("Recommends"), opinion.recommendation),
                            (self.tr("Summary"), opinion.summary)):
            if not text:
                continue
            label = QLabel(f"<b>{title}:</b> {_escape(text)}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the opinion of {doctor}").format(
                                               doctor=doctor))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the opinion of {doctor}").format(
                                                 doctor=doctor))
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._built = True
        self._fit_width()

    def _fit_width(self) -> None:
        # 300 to 460 pixels at the base text size, growing with the text (the agreement
        # badge is one line that must fit)
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(CARD_CHARS[0] * chars)
        self.setMaximumWidth(max(CARD_CHARS[1] * chars, self.badge.sizeHint().width()
                                 + 2 * self.frameWidth() + 24))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._built:
            self._fit_width()


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))


class CaseOpinions(QWidget):
    """The opinions tab: cards side by side, and "Add an opinion"."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.cards: list[OpinionCard] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(hint(self.tr("Each doctor's view, side by side. Say for each whether it "
                                   "agrees with the first opinion.")), 1)
        self.add_button = QPushButton(self.tr("Add an opinion…"))
        self.add_button.clicked.connect(self.add_opinion)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.row = QHBoxLayout()
        self.row.setSpacing(12)
        strip = QWidget()
        strip.setLayout(self.row)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops on its controls, not on the area
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(strip)
        layout.addWidget(scroll, 1)
        self.empty = EmptyState()
        self.empty.set_state(self.tr("No opinion written down yet. Add the first doctor's "
                                     "opinion, then the second one when you have it."),
                             self.tr("Add an opinion…"), self.add_opinion)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def handles(self, change: Change) -> bool:
        return bool(change.types & {"opinion", "provider"})

    def refresh(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is self.empty:
                widget.hide()  # taken out of the row, it stayed on top of the first card
            elif widget is not None:
                # hidden at once: deleteLater waits for the event loop, and until then the
                # old card was painted under the new one
                widget.hide()
                widget.deleteLater()
        self.cards = []
        self.add_button.setEnabled(self.case_id is not None)
        opinions = [o for o in self.context.store.list_items(
            "opinion", where={"case_id": self.case_id}, order_by="given_on IS NULL, given_on, id")
            if isinstance(o, Opinion)] if self.case_id else []
        if not opinions:
            self.row.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self.empty.setVisible(not opinions)  # taken out of the row, it stayed on screen
        for opinion in opinions:
            card = OpinionCard(self.context, opinion)
            card.edit_button.clicked.connect(lambda _=False, i=opinion.id: self.edit(i))
            card.remove_button.clicked.connect(lambda _=False, i=opinion.id: self.remove(i))
            self.row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)
        self.row.addStretch(1)

    def add_opinion(self) -> None:
        """The new opinion's form; nothing is written until its Save (Cancel: nothing)."""
        from ui.dialogs.new_item_dialog import NewItemDialog

        if self.case_id is None or self.context.person_id is None:
            return
        first = not self.cards
        dialog = NewItemDialog(
            self.context, "opinion", [f for f in Opinion.specs() if f != "case_id"], self,
            fixed={"case_id": self.case_id}, defaults={"agrees": "n_a" if first else None},
            title=self.tr("Add an opinion"),
            intro=self.tr("Choose the doctor, then note what they said."))
        self.dialog = dialog
        dialog.show()

    def edit(self, opinion_id: int) -> None:
        fields = [f for f in Opinion.specs() if f != "case_id"]
        self.dialog = ItemEditorDialog(self.context, "opinion", opinion_id, self, fields,
                                       self.tr("Choose the doctor, then note what they said."))
        self.dialog.show()

    def remove(self, opinion_id: int) -> None:
        try_write(self.context, self, self.tr("Remove an opinion"),
                  lambda: self.context.store.delete("opinion", opinion_id))
