"""Visits as iCalendar (RFC 5545), written by hand: it is simple text, but lines must be
escaped and folded properly or calendars reject or garble them.

Every visit with a date that is not cancelled becomes an event. A visit with a time lasts
an hour (floating local time, as typed; a time with Z or an offset is written in UTC); a
visit with only a day is an all-day event; "2026-03" (a month only) is placed on the 1st
and says the day is not known.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from organizer.items.models import Provider, Visit
from organizer.storage.store import Store

PRODID = "-//Second Opinion Organizer//Visits//EN"


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (never inside a UTF-8 character), CRLF + space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with one space
    return "\r\n ".join(parts) + "\r\n"


_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?"
                   r"(Z|[+-]\d{2}:?\d{2})?)?$")


def _start(scheduled_at: str) -> tuple[list[str], bool]:
    """The DTSTART/DTEND lines for a visit, and whether its day is only approximate."""
    match = _WHEN.match(scheduled_at.strip())
    if not match:
        return [], False
    year, month, day, hour, minute, second, zone = match.groups()
    approximate = day is None
    start_day = datetime(int(year), int(month or 1), int(day or 1))
    if hour is None:
        end_day = start_day + timedelta(days=1)
        return [f"DTSTART;VALUE=DATE:{start_day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{end_day:%Y%m%d}"], approximate
    moment = start_day.replace(hour=int(hour), minute=int(minute), second=int(second or 0))
    suffix = ""
    if zone:
        if zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            moment = moment.replace(tzinfo=timezone(sign * offset)).astimezone(UTC)
            moment = moment.replace(tzinfo=None)
        suffix = "Z"
    end = moment + timedelta(hours=1)
    return [f"DTSTART:{moment:%Y%m%dT%H%M%S}{suffix}",
            f"DTEND:{end:%Y%m%dT%H%M%S}{suffix}"], approximate


def visits_calendar(store: Store, person_id: int) -> str:
    """The person's visits as the text of one .ics file."""
    person = store.person(person_id)
    providers = {p.id: p for p in store.list_items("provider", person_id)
                 if isinstance(p, Provider)}
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape('Visits: ' + person.full_name)}"]
    for visit in store.list_items("visit", person_id, order_by="scheduled_at, id"):
        assert isinstance(visit, Visit)
        if visit.status == "cancelled" or not visit.scheduled_at:
            continue
        when, approximate = _start(visit.scheduled_at)
        if not when:
            continue
        provider = providers.get(visit.provider_id or 0)
        summary = visit.purpose or "Doctor's visit"
        if provider is not None:
            summary += f" with {provider.name}"
        details = []
        if approximate:
            details.append(f"Day not known: planned for {visit.scheduled_at}.")
        if provider is not None and (provider.phone or provider.facility):
            details.append(", ".join(x for x in (provider.facility, provider.phone) if x))
        for label, value in (("Notes", visit.notes), ("Follow-up", visit.follow_up)):
            if value:
                details.append(f"{label}: {value}")
        lines += ["BEGIN:VEVENT",
                  f"UID:visit-{visit.id}-person-{person_id}@second-opinion-organizer",
                  f"DTSTAMP:{stamp}", *when, f"SUMMARY:{escape(summary)}",
                  f"STATUS:{'TENTATIVE' if approximate else 'CONFIRMED'}"]
        if visit.location:
            lines.append(f"LOCATION:{escape(visit.location)}")
        if details:
            lines.append(f"DESCRIPTION:{escape(chr(10).join(details))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def export_ics(store: Store, person_id: int, out: Path) -> Path:
    Path(out).write_bytes(visits_calendar(store, person_id).encode("utf-8"))
    return Path(out)
