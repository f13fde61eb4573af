"""Values as printed on paper: dates a doctor anywhere reads the same way, amounts, labels.

Dates are printed "2 Mar 2026": day, month name, year. Numeric dates (03/02/2026) mean
different days in different countries, and a packet crosses borders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[ T](\d{1,2}):(\d{2}))?")

# Stored choice values -> words on paper.
WORDS: dict[str, str] = {
    "primary_care": "Primary care", "specialist": "Specialist", "surgeon": "Surgeon",
    "second_opinion": "Second opinion", "therapist": "Therapist", "other": "Other",
    "suspected": "Suspected", "confirmed": "Confirmed", "resolved": "Resolved",
    "ruled_out": "Ruled out", "preparing": "Preparing", "scheduled": "Scheduled",
    "seen": "Seen", "decided": "Decided", "closed": "Closed",
    "yes": "Agrees", "partly": "Agrees in part", "no": "Disagrees", "n_a": "First opinion",
    "considering": "Considering", "chosen": "Chosen", "rejected": "Rejected",
    "lab": "Lab", "imaging": "Imaging", "pathology": "Pathology", "operative": "Operative",
    "discharge": "Discharge", "clinic_note": "Clinic note", "letter": "Letter",
    "insurance": "Insurance", "imported": "Imported",
    "requested": "Requested", "sent": "Sent", "received": "Received",
    "fax": "Fax", "portal": "Portal", "mail": "Mail", "courier": "Courier",
    "in_person": "In person", "email": "Email",
    "planned": "Planned", "done": "Done", "cancelled": "Cancelled",
    "high": "High", "normal": "Normal", "low": "Low",
    "female": "Female", "male": "Male", "unknown": "Unknown",
}


def word(value: str | None) -> str:
    """A stored choice value in plain words ("clinic_note" -> "Clinic note")."""
    if not value:
        return ""
    return WORDS.get(value, value.replace("_", " ").capitalize())


def format_date(value: str | None) -> str:
    """ISO date (full or partial, maybe with a time) -> "2 Mar 2026", "Mar 2019", "2019"."""
    if not value:
        return ""
    match = _DATE.match(value.strip())
    if not match:
        return value
    year, month, day, hour, minute = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    text = f"{_MONTHS[int(month) - 1]} {year}"
    if day is not None:
        text = f"{int(day)} {text}"
    if hour is not None:
        text += f", {int(hour):02d}:{minute}"
    return text


def sort_key(value: str | None) -> str:
    """Dates sort as text once normalised; undated items go last."""
    return value or "9999"


def format_amount(amount: float | None, currency: str | None = None) -> str:
    """12000.0, "USD" -> "USD 12,000"; cents only when there are any."""
    if amount is None:
        return ""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{currency} {text}" if currency else text


def joined(parts: Iterable[str | None], sep: str = " · ") -> str:
    """The non-empty parts, joined."""
    return sep.join(p.strip() for p in parts if p and p.strip())


def markup(text: str | None) -> str:
    """User text made safe for a reportlab Paragraph: escaped, line breaks kept.

    (Escaped here rather than with xml.sax.saxutils, whose import pulls in urllib and
    http.client: start-up time the packet command can spare.)
    """
    if not text:
        return ""
    safe = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")
