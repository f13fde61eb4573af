"""The desktop app (PySide6): a client of the core in `organizer/`, never the other way."""

import PySide6

from ui.import_speed import spare_source_reads

spare_source_reads()  # before any other module of the app is imported (see import_speed)
del PySide6
