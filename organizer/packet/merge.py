"""The enclosure pass on qpdf (through pikepdf): opening attached PDFs, merging their pages,
laying each stamp over its page, the outline and the encryption of the packet.

Why qpdf and not pypdf: it merges the same pages about twice as fast (C++, and a stream's
data is copied straight from its file when the packet is written, never parsed), and it
repairs many damaged files that pypdf refuses (a broken cross-reference table, a cut-off
trailer, a stream whose /Length is wrong), so fewer enclosures become "could not be
included". reportlab still writes every page we make ourselves (front matter, pictures,
notices, the stamps' operators and font subsets).

A source PDF must stay open until the packet is written (qpdf copies a stream's bytes
only then); `PacketWriter.close` lets them all go.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

from organizer.packet import styles
from organizer.packet.parts import is_landscape

if TYPE_CHECKING:
    import pikepdf

Box = tuple[float, float, float, float]


def quiet_qpdf() -> None:
    """A repaired file makes qpdf log warnings; the packet reports a file in plain words."""
    logging.getLogger("pikepdf").setLevel(logging.ERROR)


def open_pdf(data: bytes) -> pikepdf.Pdf:
    """A PDF opened from bytes, repaired by qpdf if it can be, else by pypdf (each repairs
    damage the other refuses: qpdf a broken cross-reference table or a cut-off trailer,
    pypdf a table whose every offset is wrong), so no file that went into the packet
    before qpdf is refused now. Raises pikepdf.PasswordError for a file locked with a
    password, another exception for one past repair."""
    import pikepdf

    quiet_qpdf()
    try:
        return pikepdf.open(io.BytesIO(data), attempt_recovery=True)
    except pikepdf.PasswordError:
        raise
    except Exception:  # qpdf raises several kinds on a file it cannot repair
        return pikepdf.open(io.BytesIO(_rewritten_by_pypdf(data)))


def _rewritten_by_pypdf(data: bytes) -> bytes:
    """The pages pypdf can read from a file qpdf refused, written as a sound PDF. Only
    damaged files come here, so the extra copy in memory is rare."""
    import pikepdf
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise pikepdf.PasswordError("locked with a password")
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_box(page: pikepdf.Page) -> Box:
    """The page's visible box (its CropBox, else its MediaBox), as floats."""
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def page_rotation(page: pikepdf.Page) -> int:
    try:
        return int(page.obj.get("/Rotate", 0)) % 360
    except (TypeError, ValueError):  # a /Rotate that is not a number: shown upright
        return 0


def fit_matrix(box: Box, rotate: int, width: float,
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
        import pikepdf

        quiet_qpdf()
        self._pk = pikepdf
        self.pdf: pikepdf.Pdf = pikepdf.new()
        self.width, self.height = width, height
        self._boxes = (pikepdf.Array([0, 0, width, height]),
                       pikepdf.Array([0, 0, height, width]))
        # Closes the "q" pair the prefix opened around the page's own content, then stamps.
        self._suffix = self.pdf.make_stream(b"\nQ\nQ q /PacketStamp Do Q\n")
        self._prefixes: dict[tuple[float, ...], pikepdf.Stream] = {}
        self._stamp_resources: pikepdf.Object | None = None
        self._sources: list[pikepdf.Pdf] = []
        self._outline: list[tuple[str, int, list[Any]]] = []

    @property
    def page_count(self) -> int:
        return len(self.pdf.pages)

    def keep_open(self, source: pikepdf.Pdf) -> None:
        """A source whose pages were added: closed only once the packet is written."""
        self._sources.append(source)

    def add_document(self, data: bytes) -> pikepdf.Pdf:
        """Every page of a PDF we made (the front matter, a printout), as it is."""
        source = open_pdf(data)
        self.keep_open(source)
        self.pdf.pages.extend(source.pages)
        return source

    def add_document_unmerged(self, data: bytes) -> pikepdf.Pdf:
        """A PDF we made whose pages are added one by one (`add_page`), kept open."""
        source = open_pdf(data)
        self.keep_open(source)
        return source

    def add_page(self, page: pikepdf.Page) -> None:
        """A page as it is (a picture's page, a notice page)."""
        self.pdf.pages.append(page)

    def use_stamp_resources(self, source: pikepdf.Pdf) -> None:
        """The fonts the stamps' operators name: the resources of the last page of the
        stamps' reportlab document (`source`), which names every font subset they use."""
        page = source.pages[len(source.pages) - 1]
        resources = page.obj.Resources
        if not resources.is_indirect:  # only an indirect object can be copied across
            resources = page.obj.Resources = source.make_indirect(resources)
        self._stamp_resources = self.pdf.copy_foreign(resources)

    def add_stamped_pages(self, source: pikepdf.Pdf, stamps: list[bytes]) -> list[int]:
        """Add every page of a PDF (one copy for the whole file, which qpdf does fastest),
        each shrunk into the page between the bands, with its stamp.

        Returns the indexes of the pages too damaged to copy: a blank stamped page takes
        the place of each, so the page numbers printed in the front matter stay true.
        """
        pages = self.pdf.pages
        count = len(pages)
        try:
            pages.extend(source.pages)
            if len(pages) - count != len(stamps):
                raise ValueError("the file's pages changed")
        except Exception:  # qpdf raises several kinds for a page past repair: page by page
            while len(pages) > count:
                del pages[count]
            return [i for i, stamp in enumerate(stamps)
                    if not self._add_stamped_page(source, i, stamp)]
        blank = []
        for i, stamp in enumerate(stamps):
            added = pages[count + i]
            try:
                rect, rotate = page_box(added), page_rotation(added)
                if rect[2] - rect[0] <= 0 or rect[3] - rect[1] <= 0:
                    raise ValueError("empty page box")
            except Exception:  # as above
                pages[count + i] = self._blank()
                self._finish(pages[count + i], False, stamp, (0, 0, self.width, self.height), 0)
                blank.append(i)
                continue
            self._finish(added, True, stamp, rect, rotate)
        return blank

    def _blank(self) -> pikepdf.Page:
        import pikepdf as pk

        return pk.Page(self.pdf.make_indirect(pk.Dictionary(
            Type=pk.Name.Page, MediaBox=self._boxes[0], Resources=pk.Dictionary())))

    def _add_stamped_page(self, source: pikepdf.Pdf, index: int, stamp: bytes) -> bool:
        """One page of `source`, as `add_stamped_pages`; False if it was left blank."""
        pages = self.pdf.pages
        count = len(pages)
        try:
            pages.append(source.pages[index])
            added = pages[count]
            rect, rotate = page_box(added), page_rotation(added)
            if rect[2] - rect[0] <= 0 or rect[3] - rect[1] <= 0:
                raise ValueError("empty page box")
        except Exception:  # qpdf raises several kinds for a page past repair
            while len(pages) > count:
                del pages[count]
            pages.append(self._blank())
            self._finish(pages[count], False, stamp, (0, 0, self.width, self.height), 0)
            return False
        self._finish(added, True, stamp, rect, rotate)
        return True

    def _finish(self, added: pikepdf.Page, own: bool, stamp: bytes, rect: Box,
                rotate: int) -> None:
        pk = self._pk
        obj = added.obj
        landscape = is_landscape(rect, rotate)
        width, height = (self.height, self.width) if landscape else (self.width, self.height)
        box = self._boxes[1 if landscape else 0]
        matrix = fit_matrix(rect, rotate, width, height)
        key = (*matrix, *rect)
        prefix = self._prefixes.get(key)
        if prefix is None:
            x0, y0, x1, y1 = rect
            prefix = self._prefixes[key] = self.pdf.make_stream(
                ("q " + " ".join(f"{v:.5f}" for v in matrix) + " cm "
                 f"{x0:.3f} {y0:.3f} {x1 - x0:.3f} {y1 - y0:.3f} re W n\nq\n").encode("ascii"))
        items: list[Any] = []
        contents = obj.get("/Contents") if own else None
        if isinstance(contents, pk.Array):
            items = list(contents)
        elif isinstance(contents, pk.Stream):
            items = [contents]
        # "q cm clip q" + the page's own content + "Q Q" + the stamp: the page's graphics
        # state never leaks into the stamp, even if its own q/Q are unbalanced.
        obj.Contents = pk.Array([prefix, *items, self._suffix])
        form = self.pdf.make_stream(stamp, Type=pk.Name.XObject, Subtype=pk.Name.Form,
                                    BBox=box)
        if self._stamp_resources is not None:
            form.Resources = self._stamp_resources
        old = obj.get("/Resources")
        resources = pk.Dictionary(old) if isinstance(old, pk.Dictionary) else pk.Dictionary()
        old_x = resources.get("/XObject")
        xobjects = pk.Dictionary(old_x) if isinstance(old_x, pk.Dictionary) \
            else pk.Dictionary()
        xobjects.PacketStamp = form
        resources.XObject = xobjects
        obj.Resources = resources
        obj.MediaBox = box
        for name in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox", "/Rotate"):
            if name in obj:
                del obj[name]
        annots = obj.get("/Annots") if own else None
        if isinstance(annots, pk.Array):  # links and form fields move with the content
            for annot in annots:
                if not isinstance(annot, pk.Dictionary):
                    continue
                r = annot.get("/Rect")
                if not isinstance(r, pk.Array) or len(r) != 4:
                    continue
                try:
                    corners = [_apply(matrix, float(x), float(y))
                               for x in (r[0], r[2]) for y in (r[1], r[3])]
                except (TypeError, ValueError):
                    continue
                xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                annot.Rect = pk.Array([min(xs), min(ys), max(xs), max(ys)])

    def add_bookmark(self, title: str, page_index: int, parent: Any = None) -> Any:
        """An outline entry (under `parent`, one that this returned); written by `write`."""
        entry: tuple[str, int, list[Any]] = (title, page_index, [])
        (self._outline if parent is None else parent[2]).append(entry)
        return entry

    def write(self, handle: Any, password: str | None, title: str) -> None:
        pk = self._pk
        if self._outline:
            def item(entry: tuple[str, int, list[Any]]) -> Any:
                made = pk.OutlineItem(entry[0], entry[1])
                made.children.extend(item(child) for child in entry[2])
                return made

            with self.pdf.open_outline() as outline:
                outline.root.extend(item(entry) for entry in self._outline)
        self.pdf.docinfo["/Title"] = title
        self.pdf.docinfo["/Creator"] = "Second Opinion Organizer"
        self.pdf.Root.PageMode = pk.Name.UseOutlines
        # AES-256 (R6); the owner password is the same, never an empty one that any
        # reader could give to open the file.
        encryption = pk.Encryption(user=password, owner=password, R=6) if password \
            else False
        self.pdf.save(handle, encryption=encryption, fix_metadata_version=False)

    def close(self) -> None:
        """Let the packet and every source go (their bytes are held until written)."""
        for source in self._sources:
            source.close()
        self._sources.clear()
        self.pdf.close()
