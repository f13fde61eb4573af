"""Interchange: reading what patient portals export (FHIR R4, C-CDA, our own archive) and
writing what other doctors' systems read (IPS FHIR bundle, iCalendar, CSV, the archive).

Reading never writes: a file becomes an `ImportPlan` (see plan.py), which the user can
look over; applying a plan is one store transaction.
"""
