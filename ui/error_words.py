"""The words said of a failure nobody expected, shared by the reporter that receives it
(ui/error_reporting.py) and the dialog that shows it (ui/dialogs/error_dialog.py), which
load at different times."""

from __future__ import annotations

from ui.i18n import QT_TRANSLATE_NOOP

UNEXPECTED = (QT_TRANSLATE_NOOP(
                  "error_dialog", "Something went wrong that the organizer did not expect, and it "
                  "stopped what it was doing. What you saved before is safe; the last change may "
                  "not have been made, so check it and try once more."))
