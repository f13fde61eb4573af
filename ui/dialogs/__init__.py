"""Dialogs opened from the main window (import, export…), each testable on its own."""
