"""The window's sections and how each page is made.

`SECTIONS` is the navigation, in order. `default_factories()` says how each page is built;
a page is built the first time it is shown (start-up stays quick). The window lets another
page take a section's place: `MainWindow.set_page_factory(key, factory)` before it is
shown, or `MainWindow.set_page(key, widget)` at any time.

Every page is a `ui.pages.page.Page`: the one protocol (set_person, flush, unsaved,
add_new, delete_selected, show_item, sub-pages; the signals status, job_started and
open_item) the window talks to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.page import Page

PageFactory = Callable[[AppContext], Page]

SECTIONS: list[tuple[str, str]] = [
    ("overview", QT_TRANSLATE_NOOP("sections", "Overview")),
    ("cases", QT_TRANSLATE_NOOP("sections", "Second opinions")),
    ("conditions", QT_TRANSLATE_NOOP("sections", "Conditions")),
    ("medications", QT_TRANSLATE_NOOP("sections", "Medications & allergies")),
    ("records", QT_TRANSLATE_NOOP("sections", "Records")),
    ("questions", QT_TRANSLATE_NOOP("sections", "Questions for the doctor")),
    ("visits", QT_TRANSLATE_NOOP("sections", "Visits")),
    ("care_team", QT_TRANSLATE_NOOP("sections", "Care team")),
    ("history", QT_TRANSLATE_NOOP("sections", "History")),
    ("journal", QT_TRANSLATE_NOOP("sections", "Journal")),
]



def _section(type_name: str, title: str = "", intro: str = "") -> PageFactory:
    def make(context: AppContext) -> Page:
        from ui.pages.section_page import SectionPage

        return SectionPage(context, type_name, title=title, intro=intro)
    return make


def _tabs(tabs: list[tuple[str, PageFactory]]) -> PageFactory:
    def make(context: AppContext) -> Page:
        from ui.pages.tabbed_page import TabbedPage

        return TabbedPage([(label, factory(context)) for label, factory in tabs])
    return make


def _records(context: AppContext) -> Page:
    from ui.pages.records_page import RecordsPage
    from ui.pages.tabbed_page import TabbedPage

    copies = _section(
        "request", QCoreApplication.translate("pages", "Asking for copies of records"),
        QCoreApplication.translate(
            "pages", "Each time you ask a doctor's office for copies of your records: what you "
            "asked for and when. After 30 days without them, the Overview reminds you."))
    page = TabbedPage([
        (QCoreApplication.translate("pages", "Records"), RecordsPage(context)),
        (QCoreApplication.translate("pages", "Asking for copies"), copies(context)),
    ])
    return page


def _overview(context: AppContext) -> Page:
    from ui.pages.overview_page import OverviewPage

    return OverviewPage(context)


def _cases(context: AppContext) -> Page:
    from ui.pages.case_page import CasePage

    return CasePage(context)


def _results_chart(context: AppContext) -> Page:
    from ui.results_chart import ResultsChart

    return ResultsChart(context, lazy=True)  # a tab behind the lists: drawn when shown


def default_factories() -> dict[str, PageFactory]:
    return {
        "overview": _overview,
        "cases": _cases,
        "conditions": _section(
            "condition", QCoreApplication.translate("pages", "Conditions"),
            QCoreApplication.translate(
                "pages", "Diagnoses, suspected or confirmed, with who made them and when.")),
        "medications": _tabs([
            (QCoreApplication.translate("pages", "Medications"), _section(
                "medication", QCoreApplication.translate("pages", "Medications"),
                QCoreApplication.translate(
                    "pages", "Everything taken now or before. The list to bring to a visit is made "
                    "from those marked “Currently taking”."))),
            (QCoreApplication.translate("pages", "Allergies"), _section(
                "allergy", QCoreApplication.translate("pages", "Allergies"),
                QCoreApplication.translate(
                    "pages", "Anything that caused a reaction: medicines, foods, materials."))),
        ]),
        "records": _records,
        "questions": _section(
            "question", QCoreApplication.translate("pages", "Questions for the doctor"),
            QCoreApplication.translate(
                "pages", "Write questions down as they come. During the visit, tick each one as "
                "asked and note the answer.")),
        "visits": _section(
            "visit", QCoreApplication.translate("pages", "Visits"), QCoreApplication.translate(
                                   "pages", "Appointments coming up and past, and what came out of "
                                   "them.")),
        "care_team": _section(
            "provider", QCoreApplication.translate("pages", "Care team"),
            QCoreApplication.translate(
                "pages", "Doctors, nurses, therapists and offices: who they are and how to reach "
                "them.")),
        "history": _tabs([
            (QCoreApplication.translate("pages", "Immunizations"), _section(
                "immunization", QCoreApplication.translate("pages", "Immunizations"))),
            (QCoreApplication.translate("pages", "Procedures"), _section(
                "procedure", QCoreApplication.translate("pages", "Procedures"),
                QCoreApplication.translate(
                    "pages", "Operations, biopsies, scans and other procedures."))),
            (QCoreApplication.translate("pages", "Test results"), _section(
                "result", QCoreApplication.translate("pages", "Test results"),
                QCoreApplication.translate(
                    "pages", "Lab values and other measurements, with their date."))),
            (QCoreApplication.translate("pages", "Results over time"), _results_chart),
        ]),
        "journal": _section(
            "journal", QCoreApplication.translate("pages", "Journal"),
            QCoreApplication.translate(
                "pages", "Symptoms, side effects, how you feel: a few words now help you remember "
                "later.")),
    }
