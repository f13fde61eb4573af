"""How each kind of item is listed and opened in the app: one registry, one entry per type.

Each entry says which columns a list shows (the few a patient scans for, in the order they
read them), shorter column titles where a field's label is much wider than its values, the
column that takes the width left over, the date a list is sorted by (newest first), what
a new item starts with, and the section that opens an item of that type (a search hit, a
link). A type without an entry shows every field, stretches its title and opens the
Overview.

"case_records" is not a type: it is a case shown on its Records tab (the overview's
"records not sent yet"), and only names a section.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ui.format import now_iso
from ui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class TypeView:
    section: str = "overview"
    columns: tuple[str, ...] | None = None  # None: every field
    headers: Mapping[str, str] = field(default_factory=dict)
    stretch: str | None = None  # None: the type's title field
    date_column: str | None = None  # None: sorted by title
    defaults: Callable[[], dict[str, Any]] = dict


VIEWS: dict[str, TypeView] = {
    "person": TypeView(),
    "case": TypeView("cases", ("title", "status", "decide_by")),
    "case_records": TypeView("cases"),
    "checklist": TypeView("cases"),
    "opinion": TypeView("cases"),
    "treatment": TypeView("cases"),
    "quote": TypeView("cases"),
    "condition": TypeView("conditions", ("name", "status", "diagnosed_on", "severity"),
                          date_column="diagnosed_on"),
    "medication": TypeView("medications", ("name", "dose", "frequency", "active", "started_on"),
                           headers={"active": QT_TRANSLATE_NOOP("type_views", "Taking")},
                           date_column="started_on"),
    "allergy": TypeView("medications", ("substance", "reaction", "severity", "noted_on"),
                        date_column="noted_on"),
    "record": TypeView("records", ("title", "kind", "dated_on", "source"),
                       date_column="dated_on"),
    "sending": TypeView("records", ("recipient_id", "status", "method", "sent_on",
                                    "received_on", "tracking"),
                        stretch="recipient_id", date_column="sent_on"),
    "request": TypeView("records", ("records", "provider_id", "asked_on", "received_on"),
                        stretch="records", date_column="asked_on",
                        defaults=lambda: {"asked_on": now_iso()}),
    "question": TypeView("questions", ("text", "priority", "asked", "case_id"),
                         stretch="text"),
    "visit": TypeView("visits", ("scheduled_at", "purpose", "provider_id", "location",
                                 "status"),
                      stretch="purpose", date_column="scheduled_at"),
    "provider": TypeView("care_team", ("name", "role", "specialty", "facility", "phone"),
                         headers={"facility": QT_TRANSLATE_NOOP("type_views", "Works at")}),
    "immunization": TypeView("history", ("vaccine", "given_on"), date_column="given_on"),
    "procedure": TypeView("history", ("name", "performed_on", "performer"),
                          date_column="performed_on"),
    "result": TypeView("history", ("name", "value", "unit", "flag", "observed_on"),
                       date_column="observed_on"),
    "journal": TypeView("journal", ("written_on", "text"), stretch="text",
                        date_column="written_on", defaults=lambda: {"written_on": now_iso()}),
}

_PLAIN = TypeView()


def view_of(type_name: str) -> TypeView:
    return VIEWS.get(type_name, _PLAIN)
