"""Every file dialog of the app: where it opens, and where the user went last time.

What comes in (a patient portal's download, documents to keep as records) is looked for
in Downloads, where a browser puts it; what the app writes out (a packet, a printout, an
export, a backup) is offered in Documents; an imaging disc is looked for where the
system mounts discs. Each falls back to the home folder when that folder is not there.
Each kind then remembers the folder last used (`Settings.last_folder`), so the second
packet is saved beside the first and the next portal file is looked for where the last
one was.

Each function opens a non-modal dialog with `open()` (never `exec()`), calls `chosen`
with what the user picked, and returns the dialog, so a test can pick a file in it.
Nothing is remembered when `settings` is None (an example window, a dialog on its own).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.settings import Settings

# kind -> where it opens the first time
DOWNLOADS, DOCUMENTS, DISCS = "downloads", "documents", "discs"
KINDS = {
    "import": DOWNLOADS,    # files from a patient portal
    "records": DOWNLOADS,   # documents added as records, files attached to one
    "disc": DISCS,          # an imaging disc's folder
    "packet": DOCUMENTS,    # Make packet › Save as
    "printout": DOCUMENTS,  # the medication list, the question sheet, …
    "export": DOCUMENTS,    # a person archive, a summary, visits, medications
    "backup": DOCUMENTS,    # Back up, and Restore from a backup
}


def start_folder(kind: str, settings: Settings | None = None) -> Path:
    """Where a dialog of this kind opens: the folder last used, if it is still there;
    else Downloads, Documents or the discs' folder; else the home folder."""
    if kind not in KINDS:
        raise KeyError(kind)
    if settings is not None:
        last = settings.last_folder(kind)
        if last is not None and last.is_dir():
            return last
    home = Path.home()
    place = KINDS[kind]
    if place == DISCS:
        user = os.environ.get("USER", "")
        candidates = [Path("/media") / user, Path("/run/media") / user, Path("/Volumes")] \
            if user else [Path("/Volumes")]
    else:
        location = (QStandardPaths.StandardLocation.DownloadLocation if place == DOWNLOADS
                    else QStandardPaths.StandardLocation.DocumentsLocation)
        found = QStandardPaths.writableLocation(location)
        candidates = [Path(found)] if found else []
    for folder in candidates:
        # (Qt answers the home folder itself when the system names no such folder)
        if folder.is_dir() and folder != home:
            return folder
    return home


def remember(kind: str, path: Path, settings: Settings | None) -> None:
    """Note the folder of a file chosen (or a folder's parent: a disc's mount point is
    another name next time, the folder it is mounted in is not)."""
    if settings is not None:
        settings.set_last_folder(kind, path.parent)


def choose_files(parent: QWidget | None, kind: str, title: str, name_filter: str,
                 chosen: Callable[[list[Path]], Any],
                 settings: Settings | None = None) -> QFileDialog:
    """Ask for one or more existing files."""
    def picked(names: list[str]) -> None:
        paths = [Path(n) for n in names]
        if paths:
            remember(kind, paths[0], settings)
            chosen(paths)

    dialog = _dialog(parent, kind, title, name_filter, settings)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.filesSelected.connect(picked)
    dialog.open()
    return dialog


def choose_file(parent: QWidget | None, kind: str, title: str, name_filter: str,
                chosen: Callable[[Path], Any],
                settings: Settings | None = None) -> QFileDialog:
    """Ask for one existing file."""
    dialog = _dialog(parent, kind, title, name_filter, settings)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda name: _picked(kind, Path(name), settings, chosen))
    dialog.open()
    return dialog


def choose_folder(parent: QWidget | None, kind: str, title: str,
                  chosen: Callable[[Path], Any],
                  settings: Settings | None = None) -> QFileDialog:
    """Ask for a folder (an imaging disc)."""
    dialog = _dialog(parent, kind, title, "", settings)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda name: _picked(kind, Path(name), settings, chosen))
    dialog.open()
    return dialog


def choose_save(parent: QWidget | None, kind: str, title: str, suggested: str | Path,
                name_filter: str, chosen: Callable[[Path], Any],
                settings: Settings | None = None, default_suffix: str = "") -> QFileDialog:
    """Ask where to save; `suggested` is a file name (offered in the kind's folder) or a
    whole path (offered where it is)."""
    dialog = _dialog(parent, kind, title, name_filter, settings)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    target = Path(suggested)
    if target.is_absolute():
        dialog.setDirectory(str(target.parent))
    dialog.selectFile(target.name)
    dialog.fileSelected.connect(lambda name: _picked(kind, Path(name), settings, chosen))
    dialog.open()
    return dialog


def _picked(kind: str, path: Path, settings: Settings | None,
            chosen: Callable[[Path], Any]) -> None:
    remember(kind, path, settings)
    chosen(path)


def _dialog(parent: QWidget | None, kind: str, title: str, name_filter: str,
            settings: Settings | None) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(start_folder(kind, settings)), name_filter)
    dialog.setObjectName(f"file_dialog_{kind}")
    dialog.finished.connect(dialog.deleteLater)
    return dialog
