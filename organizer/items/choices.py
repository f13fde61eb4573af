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

from organizer.i18n import NC_, pgettext

# Marked in context "choice" (a visit "Done" is "Realizada", the checklist's "Done" field
# is "Hecho"); `choice_label` shows them in the current language (organizer.i18n).
LABELS: dict[str, str] = {
    # a person's sex
    "female": NC_("choice", "Female"), "male": NC_("choice", "Male"),
    "other": NC_("choice", "Other"), "unknown": NC_("choice", "Unknown"),
    # a care team member's role
    "primary_care": NC_("choice", "Primary care"), "specialist": NC_("choice", "Specialist"),
    "surgeon": NC_("choice", "Surgeon"),
    "second_opinion": NC_("choice", "Second opinion"), "therapist": NC_("choice", "Therapist"),
    # a condition's status
    "suspected": NC_("choice", "Suspected"), "confirmed": NC_("choice", "Confirmed"),
    "resolved": NC_("choice", "Resolved"),
    "ruled_out": NC_("choice", "Ruled out"),
    # a second opinion's status
    "preparing": NC_("choice", "Being prepared"), "scheduled": NC_("choice", "Visit scheduled"),
    "seen": NC_("choice", "Seen by the doctor"), "decided": NC_("choice", "Decided"),
    "closed": NC_("choice", "Closed"),
    # an opinion compared with the first one
    "yes": NC_("choice", "Agrees"), "partly": NC_("choice", "Agrees in part"),
    "no": NC_("choice", "Disagrees"),
    "n_a": NC_("choice", "This is the first opinion"),
    # a treatment option's status
    "considering": NC_("choice", "Considering"), "chosen": NC_("choice", "Chosen"),
    "rejected": NC_("choice", "Rejected"),
    # a record's kind
    "lab": NC_("choice", "Lab results"), "imaging": NC_("choice", "Imaging"),
    "pathology": NC_("choice", "Pathology"),
    "operative": NC_("choice", "Operation report"),
    "discharge": NC_("choice", "Hospital discharge"),
    "clinic_note": NC_("choice", "Clinic note"), "letter": NC_("choice", "Letter"),
    "insurance": NC_("choice", "Insurance"),
    "imported": NC_("choice", "Imported file"),
    # a sending's status, and how records travel
    "requested": NC_("choice", "Requested"), "sent": NC_("choice", "Sent"),
    "received": NC_("choice", "Received"),
    "fax": NC_("choice", "Fax"), "portal": NC_("choice", "Patient portal"),
    "mail": NC_("choice", "Mail"), "courier": NC_("choice", "Courier"),
    "in_person": NC_("choice", "In person"), "email": NC_("choice", "Email"),
    # a visit's status, a question's priority
    "planned": NC_("choice", "Planned"), "done": NC_("choice", "Done"),
    "cancelled": NC_("choice", "Cancelled"),
    "high": NC_("choice", "High"), "normal": NC_("choice", "Normal"), "low": NC_("choice", "Low"),
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
        return pgettext("choice", found)
    words = value.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
