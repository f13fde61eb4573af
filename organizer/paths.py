"""The one place that knows where the data folder is and what lives in it.

Layout (DESIGN, "The data folder"): `organizer.db` with its `-wal` and `-shm`, `files/`
for attachments named by SHA-256, `backups/`. The folder is private to the user (0700)
and every file in it 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "SecondOpinionOrganizer"
TEMP_PREFIX = ".tmp-"


def default_data_dir() -> Path:
    """ORGANIZER_DATA_DIR if set, else the platform's user data folder."""
    env = os.environ.get("ORGANIZER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # imported late: it costs start-up time the command line can spare

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataDir:
    """The paths inside one data folder.

    A plain class rather than a dataclass: `organizer people` imports this module, and
    importing `dataclasses` (with `inspect`) costs more than the whole command should.
    """

    __slots__ = ("root",)

    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"DataDir({self.root!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataDir) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    @property
    def database(self) -> Path:
        return self.root / "organizer.db"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def prepare(self) -> None:
        """Create the folder tree if missing, private to this user, and clear crash leftovers.

        A temporary file can only be left behind by a crash in the middle of a write (the
        row pointing to a finished file is committed only after its rename), so it is safe
        to remove at start-up. A store switch (restore, encryption) that a crash interrupted
        is completed first (organizer.swap).
        """
        from organizer import swap

        self.root.mkdir(parents=True, exist_ok=True)
        swap.finish_pending(self)
        for folder in (self.root, self.files, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        for leftover in self.leftovers():
            leftover.unlink(missing_ok=True)

    def leftovers(self) -> list[Path]:
        """Temporary files a crash may have left in the folder."""
        found: list[Path] = []
        for folder in (self.root, self.files, self.backups):
            if folder.is_dir():
                # os.scandir, not Path.iterdir: files/ holds thousands of names, and this
                # runs before the app's window can show
                with os.scandir(folder) as entries:
                    found.extend(folder / e.name for e in entries
                                 if e.name.startswith(TEMP_PREFIX))
        return found


def private_file(path: Path) -> None:
    """Make a file readable by its owner only (ignored where the file system cannot)."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
