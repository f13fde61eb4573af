"""The ten steps of getting a second opinion (DESIGN, "The workflow it supports").

Every new case gets these as its checklist, in the patient's words and in the language
the case is made in (`Store.add_checklist` writes `_()` of each): the steps become the
user's own items, which they may reword. `step_text` shows a step that still has the
shipped English wording in the reader's language (a packet in Spanish of a case made in
English); a reworded step is shown as typed.
"""

from __future__ import annotations

from organizer.i18n import N_, _

STEPS: tuple[str, ...] = (
    N_("Ask your doctor for the name of another expert"),
    N_("Ask your insurer whether a second opinion is covered (note who, when, reference number)"),
    N_("Schedule the visit, leaving time for your records to arrive first"),
    N_("Have your records sent ahead (reports, test and imaging results, slides or discs)"),
    N_("Make a list of every medication you take"),
    N_("Write down your questions for the doctor"),
    N_("Take notes during the visit"),
    N_("Ask for the report to be sent to your primary doctor"),
    N_("Go over both opinions with your primary doctor"),
    N_("Decide, and write down the decision and why"),
)


def step_text(label: str | None) -> str:
    """A checklist step's label as the reader should see it (see the module's note)."""
    if not label:
        return ""
    return _(label) if label in STEPS else label
