"""Every stored choice value in the words a person reads: "preparing" -> "Being prepared".

A choice is stored as a short code ("ruled_out", "in_person", "n_a") so that the command
line, the JSON and the archive stay stable; people never read the code. The app's lists,
forms and cards and the printed packet all show a choice through `choice_label`, so the
same value reads the same everywhere, and a translation has one table to change.

No two fields give the same code different meanings ("other" is "Other" for a role, a
record's kind and sex alike), so one table keyed by the code is enough; a test checks that
every choice declared in organizer/models.py has a label here.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # a person's sex
    "female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown",
    # a care team member's role
    "primary_care": "Primary care", "specialist": "Specialist", "surgeon": "Surgeon",
    "second_opinion": "Second opinion", "therapist": "Therapist",
    # a condition's status
    "suspected": "Suspected", "confirmed": "Confirmed", "resolved": "Resolved",
    "ruled_out": "Ruled out",
    # a second opinion's status
    "preparing": "Being prepared", "scheduled": "Visit scheduled",
    "seen": "Seen by the doctor", "decided": "Decided", "closed": "Closed",
    # an opinion compared with the first one
    "yes": "Agrees", "partly": "Agrees in part", "no": "Disagrees",
    "n_a": "This is the first opinion",
    # a treatment option's status
    "considering": "Considering", "chosen": "Chosen", "rejected": "Rejected",
    # a record's kind
    "lab": "Lab results", "imaging": "Imaging", "pathology": "Pathology",
    "operative": "Operation report", "discharge": "Hospital discharge",
    "clinic_note": "Clinic note", "letter": "Letter", "insurance": "Insurance",
    "imported": "Imported file",
    # a sending's status, and how records travel
    "requested": "Requested", "sent": "Sent", "received": "Received",
    "fax": "Fax", "portal": "Patient portal", "mail": "Mail", "courier": "Courier",
    "in_person": "In person", "email": "Email",
    # a visit's status, a question's priority
    "planned": "Planned", "done": "Done", "cancelled": "Cancelled",
    "high": "High", "normal": "Normal", "low": "Low",
}


def choice_label(value: str | None) -> str:
    """A stored choice in words with a capital ("clinic_note" -> "Clinic note").

    A value not in the table (an older store, a hand-edited archive) is still shown in
    words rather than as a code.
    """
    if not value:
        return ""
    found = LABELS.get(value)
    if found is not None:
        return found
    words = value.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
