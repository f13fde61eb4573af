"""An imaging disc in the packet: its key images as one page per study.

The record of a disc (organizer.disc) holds one key image per series. A doctor reading
the packet wants to see each study at a glance, so a study's key images are laid out
together on one picture, which the packet then places as one page like any other image.
"""

from __future__ import annotations

from typing import Any

from organizer.i18n import _
from organizer.items.models import Attachment, Record
from organizer.packet.parts import IMAGE, IMAGE_TYPES, PROBLEM, Part, ReadAttachment


def is_disc_file(attachment: Attachment, rows: tuple[dict[str, Any], ...]) -> bool:
    """A key image (shown on its study's page) or an image copied from the disc."""
    keys = {row["key_sha256"] for row in rows}
    return attachment.sha256 in keys or (
        attachment.media_type not in (*IMAGE_TYPES, "application/pdf")
        and attachment.filename.lower().endswith(".dcm"))


def disc_parts(record: Record, rows: tuple[dict[str, Any], ...],
               read: ReadAttachment) -> list[Part]:
    """One page per study that has key images."""
    from organizer.disc.studies import key_images_by_study
    from organizer.disc.thumbnails import study_sheet

    by_sha = {a.sha256: a for a in record.attachments}
    parts: list[Part] = []
    for _study, shas in key_images_by_study(list(rows)):
        pictures = [by_sha[sha] for sha in shas if sha in by_sha]
        if not pictures:
            continue
        try:
            data = study_sheet([read(a) for a in pictures])
        except Exception:  # a missing or damaged key image: said in the index, not fatal
            parts.append(Part(pictures[0], PROBLEM, 1,
                              _("its key images could not be read (`organizer check` "
                                "lists such problems)")))
            continue
        parts.append(Part(pictures[0], IMAGE, 1, data=data))
    return parts
