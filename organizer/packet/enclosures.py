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
keeps a 1,000-page packet close to the cost of a plain pypdf merge.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from organizer.attachments import MAX_IN_MEMORY
from organizer.errors import OrganizerError
from organizer.models import Attachment, Record
from organizer.packet import styles
from organizer.packet.fonts import BOLD, REGULAR, register_fonts
from organizer.packet.parts import IMAGE, IMAGE_TYPES, PDF, PROBLEM, Part, ReadAttachment

if TYPE_CHECKING:
    from pypdf import PageObject, PdfWriter
    from pypdf.generic import IndirectObject

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
        return (f"Enclosure {self.enclosure} “{self.title}” ({self.filename}) could not be "
                f"included: {self.reason}.")


def _quiet_pypdf() -> None:
    # A damaged file makes pypdf log warnings; the packet reports the file in plain words.
    logging.getLogger("pypdf").setLevel(logging.ERROR)


MAX_ENCLOSURE_BYTES = MAX_IN_MEMORY


def read_part(attachment: Attachment, read: ReadAttachment) -> Part:
    """Open one attached file far enough to know its pages, or why it cannot be used."""
    def problem(reason: str) -> Part:
        return Part(attachment, PROBLEM, 1, reason)

    if attachment.size > MAX_ENCLOSURE_BYTES:
        # pypdf and Pillow hold a whole file in memory: past this, the packet would need
        # several times the file's size. The user is told, as for a damaged file.
        return problem(f"it is too large ({attachment.size // (1024 * 1024)} MB) to go into "
                       "the packet; bring a copy or send it separately")
    try:
        data = read(attachment)
    except OrganizerError:
        return problem("the file is missing from the organizer's data folder "
                       "(`organizer check` lists such problems)")
    if not data:
        return problem("the file is empty")
    kind = attachment.media_type
    if data.startswith(b"%PDF") or kind == "application/pdf":
        return _read_pdf(attachment, data, problem)
    if kind in IMAGE_TYPES:
        return _read_image(attachment, data, problem)
    return problem(f"only PDF files and pictures can go into the packet, and this is "
                   f"{_describe(kind, attachment.filename)}")


def _describe(kind: str, filename: str) -> str:
    if kind == "text/plain":
        return "a text file"
    suffix = filename.rsplit(".", 1)[-1].upper() if "." in filename else ""
    return f"a {suffix} file" if suffix else "a file of another kind"


def _read_pdf(attachment: Attachment, data: bytes, problem: Callable[[str], Part]) -> Part:
    from pypdf import PdfReader

    _quiet_pypdf()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                return problem("it is locked with a password (ask the sender for an "
                               "unlocked copy)")
        count = len(reader.pages)
        if count == 0:
            return problem("it has no pages")
        landscape = []
        for page in reader.pages:  # walks the page tree: a broken tree fails here, not later
            landscape.append(is_landscape(_box(page), _rotation(page)))
    except Exception:  # pypdf raises many kinds on damaged files; all mean "damaged"
        return problem("the file is damaged and cannot be read")
    return Part(attachment, PDF, count, reader=reader, landscape=landscape)


def _box(page: PageObject) -> tuple[float, float, float, float]:
    box = page.cropbox
    return (float(box.left), float(box.bottom), float(box.right), float(box.top))


def _rotation(page: PageObject) -> int:
    return int(page.get("/Rotate", 0) or 0) % 360


def is_landscape(box: tuple[float, float, float, float], rotate: int) -> bool:
    """Whether a page shows wider than tall: it then goes on landscape paper, so that a
    wide document is not shrunk to half its size."""
    w, h = abs(box[2] - box[0]), abs(box[3] - box[1])
    if rotate in (90, 270):
        w, h = h, w
    return w > h * 1.05


def _read_image(attachment: Attachment, data: bytes, problem: Callable[[str], Part]) -> Part:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = int(getattr(image, "n_frames", 1))
            image.verify()
    except Exception:  # Pillow raises several kinds on damaged pictures
        return problem("the picture is damaged and cannot be read")
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


# -- merging -----------------------------------------------------------------------------

def fit_matrix(box: tuple[float, float, float, float], rotate: int, width: float,
               height: float) -> tuple[float, float, float, float, float, float]:
    """The matrix that turns a page upright (its /Rotate), shrinks it into the space
    between the stamp bands (never enlarging it) and centres it on the target paper."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rotate %= 360
    dw, dh = (h, w) if rotate in (90, 270) else (w, h)
    s = min((width - 2 * styles.EDGE) / dw, (height - 2 * styles.BAND) / dh, 1.0)
    ox, oy = (width - dw * s) / 2, (height - dh * s) / 2
    if rotate == 90:
        return (0.0, -s, s, 0.0, ox - s * y0, oy + s * (w + x0))
    if rotate == 180:
        return (-s, 0.0, 0.0, -s, ox + s * (w + x0), oy + s * (h + y0))
    if rotate == 270:
        return (0.0, s, -s, 0.0, ox + s * (h + y0), oy - s * x0)
    return (s, 0.0, 0.0, s, ox - s * x0, oy - s * y0)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


class PacketWriter:
    """The output PDF being assembled: front matter pages, stamped enclosure pages."""

    def __init__(self, width: float, height: float) -> None:
        from pypdf import PdfWriter
        from pypdf.generic import DecodedStreamObject, NameObject, RectangleObject

        _quiet_pypdf()
        self.writer: PdfWriter = PdfWriter()
        self.width, self.height = width, height
        self._boxes = (RectangleObject([0, 0, width, height]),
                       RectangleObject([0, 0, height, width]))
        self._names = {k: NameObject(k) for k in (
            "/Type", "/Subtype", "/XObject", "/Form", "/BBox", "/Resources", "/Contents",
            "/MediaBox", "/PacketStamp", "/Annots", "/Rect")}
        suffix = DecodedStreamObject()
        # Closes the "q" pair the prefix opened around the page's own content, then stamps.
        suffix.set_data(b"\nQ\nQ q /PacketStamp Do Q\n")
        self._suffix = self.writer._add_object(suffix)
        self._prefixes: dict[tuple[float, ...], IndirectObject] = {}
        self._stamp_resources: IndirectObject | None = None

    @property
    def page_count(self) -> int:
        return len(self.writer.pages)

    def add_page(self, page: PageObject) -> None:
        """A page as it is (front matter, a picture's page, a notice page)."""
        self.writer.add_page(page)

    def use_stamp_resources(self, page: PageObject) -> None:
        """The fonts the stamps' operators name (from the stamps' reportlab document)."""
        resources = page["/Resources"].get_object()
        assert resources is not None
        resources = resources.clone(self.writer)
        self._stamp_resources = self.writer._add_object(resources)

    def add_stamped_page(self, page: PageObject, stamp: bytes) -> bool:
        """Add a PDF page shrunk into the page between the bands, with its stamp.

        Returns False when the page itself is too damaged to copy: a blank stamped page
        takes its place, so the page numbers printed in the front matter stay true.
        """
        try:
            added = self.writer.add_page(page)
            rect, rotate = _box(added), _rotation(added)
            if rect[2] - rect[0] <= 0 or rect[3] - rect[1] <= 0:
                raise ValueError("empty page box")
        except Exception:  # pypdf raises many kinds for a damaged page
            added = self.writer.add_blank_page(self.width, self.height)
            self._finish(added, None, stamp, (0, 0, self.width, self.height), 0)
            return False
        self._finish(added, page, stamp, rect, rotate)
        return True

    def _finish(self, added: PageObject, source: PageObject | None, stamp: bytes,
                rect: tuple[float, float, float, float], rotate: int) -> None:
        from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject

        n = self._names
        landscape = is_landscape(rect, rotate)
        width, height = (self.height, self.width) if landscape else (self.width, self.height)
        box = self._boxes[1 if landscape else 0]
        matrix = fit_matrix(rect, rotate, width, height)
        key = (*matrix, *rect)
        prefix = self._prefixes.get(key)
        if prefix is None:
            stream = DecodedStreamObject()
            x0, y0, x1, y1 = rect
            stream.set_data(("q " + " ".join(f"{v:.5f}" for v in matrix) + " cm "
                             f"{x0:.3f} {y0:.3f} {x1 - x0:.3f} {y1 - y0:.3f} re W n\nq\n"
                             ).encode("ascii"))
            prefix = self._prefixes[key] = self.writer._add_object(stream)
        contents = added.get("/Contents") if source is not None else None
        items: list[Any] = []
        if contents is not None:
            resolved = contents.get_object()
            items = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
        # "q cm clip q" + the page's own content + "Q Q" + the stamp: the page's graphics
        # state never leaks into the stamp, even if its own q/Q are unbalanced.
        added[n["/Contents"]] = ArrayObject([prefix, *items, self._suffix])
        form = DecodedStreamObject()
        form.set_data(stamp)
        form[n["/Type"]] = n["/XObject"]
        form[n["/Subtype"]] = n["/Form"]
        form[n["/BBox"]] = box
        if self._stamp_resources is not None:
            form[n["/Resources"]] = self._stamp_resources
        old = added.get("/Resources")
        resources = DictionaryObject(old.get_object()) if old is not None else DictionaryObject()
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None \
            else DictionaryObject()
        xobjects[n["/PacketStamp"]] = self.writer._add_object(form)
        resources[n["/XObject"]] = xobjects
        added[n["/Resources"]] = resources
        added[n["/MediaBox"]] = box
        for key_name in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox", "/Rotate"):
            if key_name in added:
                del added[key_name]
        annots = added.get("/Annots")
        if annots is not None:  # links and form fields move with the page's content
            for annot_ref in annots.get_object():
                annot = annot_ref.get_object()
                r = annot.get("/Rect")
                if r is None or len(r) != 4:
                    continue
                corners = [_apply(matrix, float(x), float(y))
                           for x in (r[0], r[2]) for y in (r[1], r[3])]
                xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                annot[n["/Rect"]] = ArrayObject(FloatObject(v) for v in (
                    min(xs), min(ys), max(xs), max(ys)))

    def add_bookmark(self, title: str, page_index: int, parent: Any = None) -> Any:
        return self.writer.add_outline_item(title=title, page_number=page_index, parent=parent)

    def write(self, handle: Any, password: str | None, title: str) -> None:
        self.writer.add_metadata({"/Title": title, "/Creator": "Second Opinion Organizer"})
        self.writer.page_mode = "/UseOutlines"
        if password:
            self.writer.encrypt(user_password=password, owner_password=None,
                                algorithm="AES-256")
        self.writer.write(handle)


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


