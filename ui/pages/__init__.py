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

from ui.context import AppContext
from ui.pages.page import Page

PageFactory = Callable[[AppContext], Page]

SECTIONS: list[tuple[str, str]] = [
    ("overview", "Overview"),
    ("cases", "Second opinions"),
    ("conditions", "Conditions"),
    ("medications", "Medications & allergies"),
    ("records", "Records"),
    ("questions", "Questions for the doctor"),
    ("visits", "Visits"),
    ("care_team", "Care team"),
    ("history", "History"),
    ("journal", "Journal"),
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

    page = TabbedPage([
        ("Records", RecordsPage(context)),
        ("Asking for copies", _section(
            "request", "Asking for copies of records",
            "Each time you ask a doctor's office for copies of your records: what you asked "
            "for and when. After 30 days without them, the Overview reminds you.")(context)),
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
            "condition", "Conditions",
            "Diagnoses, suspected or confirmed, with who made them and when."),
        "medications": _tabs([
            ("Medications", _section(
                "medication", "Medications",
                "Everything taken now or before. The list to bring to a visit is made from "
                "those marked “Currently taking”.")),
            ("Allergies", _section(
                "allergy", "Allergies",
                "Anything that caused a reaction: medicines, foods, materials.")),
        ]),
        "records": _records,
        "questions": _section(
            "question", "Questions for the doctor",
            "Write questions down as they come. During the visit, tick each one as asked and "
            "note the answer."),
        "visits": _section(
            "visit", "Visits", "Appointments coming up and past, and what came out of them."),
        "care_team": _section(
            "provider", "Care team",
            "Doctors, nurses, therapists and offices: who they are and how to reach them."),
        "history": _tabs([
            ("Immunizations", _section("immunization", "Immunizations")),
            ("Procedures", _section("procedure", "Procedures",
                                    "Operations, biopsies, scans and other procedures.")),
            ("Test results", _section("result", "Test results",
                                      "Lab values and other measurements, with their date.")),
            ("Results over time", _results_chart),
        ]),
        "journal": _section(
            "journal", "Journal",
            "Symptoms, side effects, how you feel: a few words now help you remember later."),
    }
