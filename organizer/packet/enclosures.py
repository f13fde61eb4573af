"""The enclosures: reading attached files, and stamping and merging their pages cheaply.

Each included record with files is one enclosure, numbered in packet order. Each of its
files becomes pages: a PDF's own pages, a picture's frames (one page each), or, for a file
that cannot be used (damaged, empty, locked with a password, missing, not a PDF or a
picture), one page saying so. Nothing about one bad file stops the packet.

Every enclosure page gets the same header and footer as the front matter: the enclosure's
number and title, the patient's name, and "Page N of M". A PDF page is scaled (never
enlarged) into the space between the header and footer bands and clipped to its own box,
so the stamp can never cover the document's text. The stamp is written as a few PDF text
operators into a small form XObject per page, using a font subset that one reportlab
document embeds once: no reportlab page is rendered and no content stream is parsed, which
keeps a 1,000-page packet close to the cost of qpdf merging the same files alone. PDFs are
opened and merged with qpdf (organizer.packet.merge), which also repairs many damaged files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from organizer.errors import OrganizerError
from organizer.i18n import _
from organizer.items.models import Attachment, Record
from organizer.packet import styles
from organizer.packet.fonts import BOLD, REGULAR, register_fonts
from organizer.packet.parts import (
    IMAGE,
    IMAGE_TYPES,
    PDF,
    PROBLEM,
    Part,
    ReadAttachment,
    is_landscape,
)
from organizer.storage.attachments import MAX_IN_MEMORY


@dataclass
class Enclosure:
    """One record's files, as numbered in the packet."""

    number: int
    record: Record
    parts: list[Part] = field(default_factory=list)
    first_page: int = 0  # 1-based page of the packet, known once the front matter is laid out

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.parts)

    @property
    def problems(self) -> list[Part]:
        return [p for p in self.parts if p.kind == PROBLEM]


@dataclass(frozen=True)
class PacketProblem:
    """An attached file that could not be included, for the user to hear about."""

    enclosure: int
    title: str
    filename: str
    reason: str

    def message(self) -> str:
        return _("Enclosure {number} “{title}” ({file}) could not be included: "
                 "{reason}.").format(number=self.enclosure, title=self.title,
                                     file=self.filename, reason=self.reason)


MAX_ENCLOSURE_BYTES = MAX_IN_MEMORY


def read_part(attachment: Attachment, read: ReadAttachment) -> Part:
    """Open one attached file far enough to know its pages, or why it cannot be used."""
    def problem(reason: str) -> Part:
        return Part(attachment, PROBLEM, 1, reason)

    if attachment.size > MAX_ENCLOSURE_BYTES:
        # qpdf and Pillow hold a whole file in memory: past this, the packet would need
        # several times the file's size. The user is told, as for a damaged file.
        return problem(_("it is too large ({size} MB) to go into the packet; bring a copy "
                         "or send it separately").format(size=attachment.size // (1024 * 1024)))
    try:
        data = read(attachment)
    except OrganizerError:
        return problem(_("the file is missing from the organizer's data folder "
                         "(`organizer check` lists such problems)"))
    if not data:
        return problem(_("the file is empty"))
    kind = attachment.media_type
    if data.startswith(b"%PDF") or kind == "application/pdf":
        return _read_pdf(attachment, data, problem)
    if kind in IMAGE_TYPES:
        return _read_image(attachment, data, problem)
    return problem(_("only PDF files and pictures can go into the packet, and this is "
                     "{what}").format(what=_describe(kind, attachment.filename)))


def _describe(kind: str, filename: str) -> str:
    if kind == "text/plain":
        return _("a text file")
    suffix = filename.rsplit(".", 1)[-1].upper() if "." in filename else ""
    return (_("a {suffix} file").format(suffix=suffix) if suffix
            else _("a file of another kind"))


def _read_pdf(attachment: Attachment, data: bytes, problem: Callable[[str], Part]) -> Part:
    """Open a PDF with qpdf, which repairs what it can (a broken cross-reference table, a
    cut-off trailer, a wrong stream /Length); the file stays open until it is merged."""
    import pikepdf

    from organizer.packet.merge import open_pdf, page_box, page_rotation

    try:
        pdf = open_pdf(data)
    except pikepdf.PasswordError:
        return problem(_("it is locked with a password (ask the sender for an unlocked "
                         "copy)"))
    except Exception:  # qpdf raises several kinds on a file past repair; all mean "damaged"
        return problem(_("the file is damaged and cannot be read"))
    try:
        landscape = []
        for page in pdf.pages:  # walks the page tree: a broken tree fails here, not later
            landscape.append(is_landscape(page_box(page), page_rotation(page)))
    except Exception:  # as above
        pdf.close()
        return problem(_("the file is damaged and cannot be read"))
    if not landscape:
        pdf.close()
        return problem(_("it has no pages"))
    return Part(attachment, PDF, len(landscape), reader=pdf, landscape=landscape)


def _read_image(attachment: Attachment, data: bytes, problem: Callable[[str], Part]) -> Part:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = int(getattr(image, "n_frames", 1))
            image.verify()
    except Exception:  # Pillow raises several kinds on damaged pictures
        return problem(_("the picture is damaged and cannot be read"))
    return Part(attachment, IMAGE, max(frames, 1), data=data)


def plan_enclosures(records: list[Record], read: ReadAttachment,
                    on_file: Callable[[int, int, str], None] | None = None,
                    discs: dict[int, tuple[dict[str, Any], ...]] | None = None,
                    disc_images: bool = True) -> list[Enclosure]:
    """Number the records that have files and read each file's pages (or its problem).

    An imaging disc's record (`discs`: its index rows) shows its key images as one page
    per study (unless `disc_images` is False); the images copied from the disc (DICOM
    files) are not pages a doctor can read on paper, so they are left out, not reported
    as problems.
    """
    with_files = [r for r in records if r.attachments]
    total = sum(len(r.attachments) for r in with_files)
    done = 0
    enclosures: list[Enclosure] = []
    for record in with_files:
        enclosure = Enclosure(len(enclosures) + 1, record)
        attachments = list(record.attachments)
        rows = (discs or {}).get(record.id)
        if rows:
            from organizer.packet.disc_pages import disc_parts, is_disc_file

            if disc_images:
                enclosure.parts.extend(disc_parts(record, rows, read))
            attachments = [a for a in attachments if not is_disc_file(a, rows)]
            done += len(record.attachments) - len(attachments)
        for attachment in attachments:
            if on_file is not None:
                on_file(done, total, attachment.filename)
            enclosure.parts.append(read_part(attachment, read))
            done += 1
        if enclosure.parts:
            enclosures.append(enclosure)
    return enclosures


# -- the stamp ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StampText:
    """The words of one page's header and footer."""

    head_bold: str   # "Enclosure 3" or the section's title
    head: str        # the enclosure's title and its own page count
    head_right: str  # the patient
    foot: str        # the packet, the date it was made
    foot_right: str  # "Page N of M"


def _rgb(color: Any) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


class Stamper:
    """Writes header and footer operators in the font subset of one reportlab document.

    `ops()` returns raw PDF content: the same bytes serve a reportlab page (through
    `canvas.addLiteral`) and a form XObject laid over a merged PDF page.
    """

    def __init__(self, doc: Any, width: float, height: float) -> None:
        from reportlab.pdfbase import pdfmetrics

        register_fonts()
        self._doc = doc
        self._regular = pdfmetrics.getFont(REGULAR)
        self._bold = pdfmetrics.getFont(BOLD)
        self.width = width
        self.height = height
        self._widths: dict[tuple[str, str], float] = {}
        self._ops: dict[tuple[str, float, float, str], str] = {}

    # Most of a stamp is the same on every page (the patient, the footer, the enclosure's
    # title), so widths and operators are remembered: a 1,000-page packet measures each
    # distinct string once.

    def _width(self, text: str, font: Any) -> float:
        key = (text, font.fontName)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = float(font.stringWidth(text, styles.STAMP_SIZE))
        return found

    def _fit(self, text: str, font: Any, room: float) -> str:
        """The text, shortened with "…" if it is wider than `room`."""
        if self._width(text, font) <= room:
            return text
        low, high = 0, len(text)  # the longest prefix that fits, by bisection
        while low < high:
            mid = (low + high + 1) // 2
            if float(font.stringWidth(text[:mid] + "…", styles.STAMP_SIZE)) <= room:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + "…" if low else ""

    def _text(self, text: str, x: float, y: float, font: Any) -> str:
        key = (text, round(x, 2), round(y, 2), font.fontName)
        found = self._ops.get(key)
        if found is not None:
            return found
        parts = [f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm"]
        for subset, chunk in font.splitString(text, self._doc):
            parts.append(f"{font.getSubsetInternalName(subset, self._doc)} "
                         f"{styles.STAMP_SIZE} Tf <{chunk.hex()}> Tj")
        parts.append("ET")
        found = self._ops[key] = " ".join(parts)
        return found

    def ops(self, stamp: StampText, landscape: bool = False) -> bytes:
        w, h, edge = self.width, self.height, styles.EDGE
        if landscape:
            w, h = h, w
        top_rule, top_text = h - styles.HEADER_RULE, h - styles.HEADER_TEXT
        # The patient's name: never more than ~half the band, however long it was typed.
        head_right = self._fit(stamp.head_right, self._regular, (w - 2 * edge) * 0.45)
        right_w = self._width(head_right, self._regular)
        foot_right_w = self._width(stamp.foot_right, self._regular)
        bold = stamp.head_bold + ("  " if stamp.head else "")
        bold_w = self._width(bold, self._bold)
        room = w - 2 * edge - right_w - bold_w - 18
        title, sep, pages = stamp.head.rpartition("  (")
        if sep:  # shorten the title, never the "(page 2 of 10)" after it
            suffix = sep + pages
            head = self._fit(title, self._regular, room - self._width(suffix, self._regular))
            head += suffix
        else:
            head = self._fit(stamp.head, self._regular, room)
        foot = self._fit(stamp.foot, self._regular, w - 2 * edge - foot_right_w - 18)
        out = [
            "q", f"{_rgb(styles.RULE)} RG 0.5 w",
            f"{edge} {top_rule:.2f} m {w - edge:.2f} {top_rule:.2f} l S",
            f"{edge} {styles.FOOTER_RULE} m {w - edge:.2f} {styles.FOOTER_RULE} l S",
            f"{_rgb(styles.ACCENT)} rg", self._text(bold, edge, top_text, self._bold),
            f"{_rgb(styles.MUTED)} rg",
            self._text(head, edge + bold_w, top_text, self._regular),
            self._text(head_right, w - edge - right_w, top_text, self._regular),
            self._text(foot, edge, styles.FOOTER_TEXT, self._regular),
            self._text(stamp.foot_right, w - edge - foot_right_w, styles.FOOTER_TEXT,
                       self._regular),
            "Q",
        ]
        return "\n".join(out).encode("ascii")


def image_frames(data: bytes) -> list[Any]:
    """A picture's frames, turned upright (phone photos carry their rotation as a tag),
    as things reportlab can draw. A plain upright JPEG is passed through undecoded."""
    from PIL import Image, ImageOps
    from reportlab.lib.utils import ImageReader

    image = Image.open(io.BytesIO(data))
    frames: list[Any] = []
    count = int(getattr(image, "n_frames", 1))
    orientation = image.getexif().get(0x0112, 1) if hasattr(image, "getexif") else 1
    if image.format == "JPEG" and count == 1 and orientation in (1, None):
        return [ImageReader(io.BytesIO(data))]
    for index in range(count):
        image.seek(index)
        frame = ImageOps.exif_transpose(image) or image
        if frame.mode not in ("RGB", "L", "RGBA"):
            frame = frame.convert("RGBA" if "A" in frame.mode or frame.mode == "P" else "RGB")
        frames.append(ImageReader(frame.copy()))
    return frames


def problems_of(enclosures: list[Enclosure]) -> list[PacketProblem]:
    return [PacketProblem(e.number, e.record.title, p.attachment.filename, p.reason)
            for e in enclosures for p in e.problems]


