"""The desktop app (PySide6): a client of the core in `organizer/`, never the other way."""
