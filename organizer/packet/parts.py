"""What an enclosure is made of: one attached file, and how it will appear in the packet.

Shared by the enclosure pass (organizer.packet.enclosures) and the discs' key-image pages
(organizer.packet.disc_pages), which the enclosure pass calls: kept apart so that neither
imports the other back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from organizer.items.models import Attachment

if TYPE_CHECKING:
    import pikepdf

ReadAttachment = Callable[[Attachment], bytes]

PDF, IMAGE, PROBLEM = "pdf", "image", "problem"
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")


@dataclass
class Part:
    """One attached file of an enclosure, and how it will appear."""

    attachment: Attachment
    kind: str            # PDF, IMAGE or PROBLEM
    pages: int
    reason: str = ""     # why a PROBLEM file could not be included
    reader: pikepdf.Pdf | None = None  # an open PDF (qpdf), until its pages are merged
    data: bytes | None = None  # a picture's bytes
    landscape: list[bool] = field(default_factory=list)  # per page: wider than tall


def is_landscape(box: tuple[float, float, float, float], rotate: int) -> bool:
    """Whether a page shows wider than tall: it then goes on landscape paper, so that a
    wide document is not shrunk to half its size."""
    w, h = abs(box[2] - box[0]), abs(box[3] - box[1])
    if rotate in (90, 270):
        w, h = h, w
    return w > h * 1.05
