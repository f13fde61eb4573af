"""Help for a beginner, inside the app: "How a second opinion works" and "Getting started".

Both are pages of plain text in a window of their own (no browser, no network: the text
ships with the app). The ten steps are the checklist's own (organizer.items.checklist.STEPS, the
list every new second opinion gets), each followed by a sentence or two saying why it
matters, so that the help and the checklist can never tell two different stories.

`open_help(parent, kind)` opens one (non-modal) and returns the dialog.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from organizer.items.checklist import STEPS
from ui.i18n import QT_TRANSLATE_NOOP

# Why each step of organizer.items.checklist.STEPS matters, in the same order (a test checks
# that there is one for every step).
WHY: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "help_dialog", "Your own doctor usually knows who is good at your condition, and most "
        "doctors expect to be asked. Asking for a second opinion is normal and will not offend "
        "them."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Many plans pay for a second opinion, some only if you ask first. Write "
        "down whom you spoke to, the date and the reference number, in case of a dispute later."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "The second doctor can only give a real opinion with your records in hand, "
        "so leave a week or two between sending them and the visit."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Reports, test results, scans and pathology slides travel separately and "
        "often late. In the app, mark what was sent and when it arrived."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Include the doses and how often you take them, and vitamins and remedies "
        "too. The packet prints this list on its first page."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Worried people forget questions in the doctor's office. Write them down, "
        "most important first; the packet prints them with room for the answers."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Visit mode (on the second opinion's page) shows your questions one by one "
        "and saves each note as you type, so you can listen and write at the same time. Bringing "
        "someone with you helps."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "Your primary doctor should see the second doctor's report, so that "
        "everyone who cares for you knows what was said."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "If the two opinions differ, your primary doctor can help you weigh them. "
        "The case page puts the options side by side."),
    QT_TRANSLATE_NOOP(
        "help_dialog", "When you decide, write down what and why. Months later it helps to "
        "remember how you chose, and the others who care for you can see it too."),
)

STEPS_TITLE = QT_TRANSLATE_NOOP("help_dialog", "How a second opinion works")
START_TITLE = QT_TRANSLATE_NOOP("help_dialog", "Getting started")


def steps_html() -> str:
    """The ten steps as a page: the checklist's words, each with why it matters."""
    whys = [QCoreApplication.translate("help_dialog", why) for why in WHY]
    items = "".join(f"<li><p><b>{escape(step)}.</b><br>{escape(why)}</p></li>"
                    for step, why in zip(STEPS, whys, strict=True))
    return (QCoreApplication.translate(
                "help_dialog", "<h2>{steps_title}</h2><p>A second opinion means asking another "
                "doctor to look at your diagnosis and the treatment proposed, before you decide. "
                "It usually takes a few weeks. These are the {steps} steps; each new second "
                "opinion you add in this app gets them as its checklist, so you can tick them off "
                "one by one.</p><ol>{items}</ol><p>Everything you write stays on this computer; "
                "nothing is sent anywhere.</p>").format(
                steps_title=QCoreApplication.translate("help_dialog", STEPS_TITLE),
                steps=len(STEPS), items=items))


def getting_started_html() -> str:
    """A short first tour, in the order a new user needs it."""
    steps = (
        (QCoreApplication.translate("help_dialog", "Add the person"), QCoreApplication.translate(
                               "help_dialog", "Use <b>Person › Add person…</b> for yourself or for "
                               "the person you care for. You can keep several people, each on "
                               "their own.")),
        (QCoreApplication.translate("help_dialog", "Add the diagnosis"), QCoreApplication.translate(
                                  "help_dialog", "Open <b>Conditions</b> on the left and add what "
                                  "the doctor found, with the date and who said it.")),
        (QCoreApplication.translate("help_dialog", "Start a second opinion"),
         QCoreApplication.translate(
                                       "help_dialog", "Open <b>Second opinions</b> and add one: "
                                       "write the question you want answered in one sentence. It "
                                       "gets a checklist of the {steps} steps (see <b>Help › "
                                       "{steps_title}</b>).").format(
                                       steps=len(STEPS), steps_title=QCoreApplication.translate(
                                           "help_dialog", STEPS_TITLE))),
        (QCoreApplication.translate("help_dialog", "Add medications and allergies"),
         QCoreApplication.translate(
                                              "help_dialog", "So that the second doctor knows what "
                                              "you take and what you must not be given.")),
        (QCoreApplication.translate("help_dialog", "Attach your records"),
         QCoreApplication.translate(
                                    "help_dialog", "Use <b>File › Add records from files…</b>, or "
                                    "drag PDF files and pictures onto the window. A file "
                                    "downloaded from a patient portal comes in with <b>File › "
                                    "Import from a patient portal file…</b>.")),
        (QCoreApplication.translate("help_dialog", "Write your questions"),
         QCoreApplication.translate(
                                     "help_dialog", "On the second opinion's page, or from the "
                                     "ready-made question starters.")),
        (QCoreApplication.translate("help_dialog", "Make the packet"), QCoreApplication.translate(
                                "help_dialog", "<b>File › Make packet for the doctor…</b> puts "
                                "everything in one PDF to print, or to send ahead. Costs and "
                                "insurance are left out unless you tick them.")),
    )
    items = "".join(f"<li><p><b>{title}.</b> {text}</p></li>" for title, text in steps)
    return (QCoreApplication.translate(
                "help_dialog", "<h2>{start_title}</h2><p>A few minutes is enough to begin; you can "
                "fill in the rest over time. Every change is saved at once, and <b>Edit › Undo</b> "
                "takes back a mistake.</p><ol>{items}</ol><p><b>Everything stays on this "
                "computer.</b> The app never uses the internet, and nothing is sent anywhere "
                "unless you print it or save it yourself.</p>").format(
                start_title=QCoreApplication.translate("help_dialog", START_TITLE), items=items))


class HelpDialog(QDialog):
    """One help page, sized to the screen it opens on, with a Close button."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = QTextBrowser()
        self.text.setAccessibleName(title)
        self.text.setOpenLinks(False)  # no link leaves the app
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close the help"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self._fit_screen(parent)

    def _fit_screen(self, parent: QWidget | None) -> None:
        """A comfortable reading width, never larger than the screen's free area."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        free = screen.availableGeometry()
        em = self.fontMetrics().horizontalAdvance("M")
        width = min(int(em * 48), int(free.width() * 0.9))
        height = min(int(em * 40), int(free.height() * 0.85))
        self.resize(max(width, 320), max(height, 240))


def open_help(parent: QWidget | None, kind: str) -> HelpDialog:
    """Open "steps" (How a second opinion works) or "start" (Getting started)."""
    if kind == "steps":
        dialog = HelpDialog(STEPS_TITLE, steps_html(), parent)
    else:
        dialog = HelpDialog(START_TITLE, getting_started_html(), parent)
    dialog.setModal(False)
    dialog.show()
    dialog.raise_()
    return dialog
