"""Opening the store at start-up, through the unlock screen only when it is locked.

`ask_passphrase_then_open(data_dir, parent, on_open)` opens the store at once when it is
not encrypted (or this process already holds its key) and calls `on_open(store)`;
otherwise it shows an `UnlockDialog` (ui/dialogs/unlock_dialog.py) that calls `on_open`
once the right passphrase is typed. The dialog's module, and the dialog classes of Qt it
uses, load only for a locked store: an open one goes straight to the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from organizer.errors import LockedError
from organizer.opening import open_store
from organizer.storage.store import Store

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.dialogs.unlock_dialog import UnlockDialog

OnOpen = Callable[[Store], None]


def ask_passphrase_then_open(data_dir: Path | str, parent: QWidget | None,
                             on_open: OnOpen) -> UnlockDialog | None:
    """Open the store, asking for the passphrase first if it is locked.

    Returns the dialog when one is shown (its `rejected` signal means the user quit), or
    None when the store opened directly. Other errors (a newer database, a damaged one)
    are raised to the caller, which shows them.
    """
    try:
        store = open_store(Path(data_dir))
    except LockedError:
        from ui.dialogs.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(data_dir, on_open, parent)
        dialog.open()
        return dialog
    on_open(store)
    return None
