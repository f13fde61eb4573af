"""Is the desktop app open on a data folder? (Read from its lock file, without Qt.)

The app holds a QLockFile (`app.lock` in the data folder, see ui/single_instance.py).
Commands that replace the whole store (restore, encrypt, decrypt, change-passphrase) must
not pull it from under an open window, so they ask here first.
"""

from __future__ import annotations

import os
from pathlib import Path

from organizer.i18n import N_

LOCK_NAME = "app.lock"


def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


def app_running(root: Path) -> bool:
    """True when another live process on this computer holds the app's lock on `root`.

    QLockFile writes the holder's process id, the application name and the host name, one
    per line. A lock whose process is gone (the app crashed) does not count.
    """
    try:
        lines = lock_path(root).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    host = lines[2].strip() if len(lines) > 2 else ""
    import socket  # (with selectors: only when asked, not on every start of the app)

    if host and host != socket.gethostname():
        return True  # held from another computer (a shared folder): assume it is in use
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


APP_OPEN_MESSAGE = N_("The organizer app is open on this data folder. Close it first, then "
                      "try again; nothing was changed.")
