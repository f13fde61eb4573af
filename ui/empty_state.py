"""What an empty list says: what belongs there, what to do, and the button that does it.

An empty table with nothing around it leaves a beginner wondering whether something is
broken. Every list of the app that can be empty (a section, a case's parts, the records,
search without a hit) shows one of these in its place: a sentence in plain words and,
when there is something to do, the button for it right there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.app_font import follow_app_font
from ui.i18n import QT_TRANSLATE_NOOP
from ui.wrap_height import keep_whole


class EmptyState(QFrame):
    """A sentence and, optionally, one button (`set_state` says both).

    Attributes:
        message: the label with the sentence.
        button: the push button, hidden when there is nothing to do.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._action: Callable[[], object] | None = None
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        follow_app_font(self.message, 1.1)
        keep_whole(self.message)  # its whole sentence, at any width and text size
        self.button = QPushButton()
        self.button.clicked.connect(self._clicked)
        self.button.setAccessibleName(self.tr("What to do next"))  # until set_state names it
        self.button.hide()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(10)
        column.addWidget(self.message)
        column.addLayout(row)
        self.setAccessibleName(text)
        # as tall as its words and button, never stretched to fill a column
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_state(self, text: str, button: str = "",
                  action: Callable[[], object] | None = None) -> None:
        """Say `text`; with `button` and `action`, offer the button that does it."""
        self.message.setText(text)
        self.setAccessibleName(text)
        self._action = action
        self.button.setText(button)
        self.button.setAccessibleName(button.rstrip("…") or self.tr("What to do next"))
        self.button.setVisible(bool(button) and action is not None)

    def text(self) -> str:
        return self.message.text()

    def _clicked(self) -> None:
        if self._action is not None:
            self._action()


# What an empty section says, per item type: what belongs there and why it helps.
SECTION_TEXTS: dict[str, str] = {
    "condition": QT_TRANSLATE_NOOP(
                     "empty_state", "No diagnosis written down yet. Add the diagnosis the doctors "
                     "gave you, even if it is only suspected."),
    "medication": QT_TRANSLATE_NOOP(
                      "empty_state", "No medication yet. Add each medicine you take, with its "
                      "dose: the list to bring to a visit is made from it."),
    "allergy": QT_TRANSLATE_NOOP(
                   "empty_state", "No allergy written down. Add any medicine, food or material "
                   "that caused a reaction. If there is none, say so in Person › Edit person."),
    "immunization": QT_TRANSLATE_NOOP(
                        "empty_state", "No immunization yet. Add the vaccines you had, with the "
                        "date if you know it."),
    "procedure": QT_TRANSLATE_NOOP(
                     "empty_state",
                     "No procedure yet. Add operations, biopsies and scans you had."),
    "result": QT_TRANSLATE_NOOP(
                  "empty_state", "No test result yet. Add the values from your lab reports, with "
                  "their date."),
    "question": QT_TRANSLATE_NOOP(
                    "empty_state", "No question yet. Write down what you want to ask the doctor, "
                    "as it comes to mind."),
    "visit": QT_TRANSLATE_NOOP(
                 "empty_state", "No visit yet. Add your appointments, coming and past."),
    "provider": QT_TRANSLATE_NOOP(
                    "empty_state", "No one in the care team yet. Add your doctors and their "
                    "offices, so that records and reports go to the right place."),
    "journal": QT_TRANSLATE_NOOP(
                   "empty_state", "Nothing in the journal yet. A few words about how you feel "
                   "today help you remember later."),
    "request": QT_TRANSLATE_NOOP(
                   "empty_state", "No request for copies yet. When you ask an office for your "
                   "records, note it here; the Overview reminds you after 30 days."),
    "record": QT_TRANSLATE_NOOP(
                  "empty_state", "No records yet. Add your reports, test results and letters: drop "
                  "the files here or press the button."),
    "sending": QT_TRANSLATE_NOOP("empty_state", "This record has not been sent to anyone yet."),
}


def section_text(type_name: str, plural: str) -> str:
    """The empty state of a section listing `type_name`."""
    if type_name in SECTION_TEXTS:
        return QCoreApplication.translate("empty_state", SECTION_TEXTS[type_name])
    return SECTION_TEXTS.get(type_name, QCoreApplication.translate(
                                            "empty_state", "No {plural} yet.").format(
                                            plural=plural.lower()))
