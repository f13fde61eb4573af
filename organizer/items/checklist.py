"""The ten steps of getting a second opinion (DESIGN, "The workflow it supports").

Every new case gets these as its checklist, in the patient's words.
"""

from __future__ import annotations

STEPS: tuple[str, ...] = (
    "Ask your doctor for the name of another expert",
    "Ask your insurer whether a second opinion is covered (note who, when, reference number)",
    "Schedule the visit, leaving time for your records to arrive first",
    "Have your records sent ahead (reports, test and imaging results, slides or discs)",
    "Make a list of every medication you take",
    "Write down your questions for the doctor",
    "Take notes during the visit",
    "Ask for the report to be sent to your primary doctor",
    "Go over both opinions with your primary doctor",
    "Decide, and write down the decision and why",
)
