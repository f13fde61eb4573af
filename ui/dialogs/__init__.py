"""Dialogs opened from the main window (each testable on its own with pytest-qt)."""
