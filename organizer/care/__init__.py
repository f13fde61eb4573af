"""What the app works out about a person's care, and the writes made of several steps.

The overview's attention list, a case's summary, the questions for a visit, the question
starters, adding records from dropped files. Imports storage/ and items/ only.
"""
