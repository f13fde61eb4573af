"""Why a file is refused, in words the patient understands. Nothing is changed when one
of these is raised: refusals happen while reading, before the plan is applied."""

from __future__ import annotations

from organizer.errors import OrganizerError
from organizer.i18n import _


class UnsafeFileError(OrganizerError):
    """XML that declares entities or points at outside files (a known attack on readers)."""

    def __init__(self, filename: str) -> None:
        super().__init__(_("“{file}” uses XML features that are not allowed, for safety "
                           "(entities or references to outside files); nothing was "
                           "imported.").format(file=filename))


class UnreadableFileError(OrganizerError):
    """Not valid JSON or XML, or not a format the organizer knows."""


def malformed(filename: str, what: str, detail: str = "") -> UnreadableFileError:
    extra = f" ({detail})" if detail else ""
    return UnreadableFileError(_(
        "“{file}” is not valid {format}{detail}, so it cannot be imported; nothing was "
        "changed. Download the file again from the patient portal and retry.").format(
            file=filename, format=what, detail=extra))


def unrecognised(filename: str) -> UnreadableFileError:
    return UnreadableFileError(_(
        "“{file}” is not a health record the organizer can read (it reads FHIR R4 JSON, "
        "C-CDA XML and its own archives); nothing was changed.").format(file=filename))
