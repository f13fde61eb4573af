"""`build_packet`: one person's data (and one case, or none) -> the packet PDF.

Steps: take a snapshot; read each attached file far enough to know its pages or its
problem; lay out the front matter until its page numbers settle; draw the pages of the
pictures and of the files that could not be included; merge everything with qpdf
(organizer.packet.merge), laying a stamp over each enclosure page; add bookmarks; write to
a temporary file beside the target and rename it into place, so a cancelled or failed
packet never leaves half a file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer.errors import OrganizerError
from organizer.items.models import Record
from organizer.packet.enclosures import (
    Enclosure,
    PacketProblem,
    Stamper,
    StampText,
    image_frames,
    plan_enclosures,
)
from organizer.packet.merge import PacketWriter
from organizer.packet.options import SECTIONS, PacketOptions, in_packet_by_default
from organizer.packet.parts import IMAGE, PDF, PROBLEM, Part, ReadAttachment
from organizer.packet.snapshot import PacketSnapshot, take_snapshot
from organizer.packet.text import HEADING_LIMIT, clip, format_date, joined
from organizer.progress import Progress
from organizer.storage.paths import create_private, output_target, private_output

if TYPE_CHECKING:
    from organizer.storage.store import Store

# Share of the progress bar each step takes (out of 1000).
_READ, _FRONT, _DRAW, _MERGE = 100, 200, 250, 930


@dataclass(frozen=True)
class PacketResult:
    """What was made: where, how many pages, and the files that could not be included."""

    path: Path
    pages: int
    front_pages: int
    enclosures: int
    problems: tuple[PacketProblem, ...]


def build_packet(store: Store, person_id: int, output: Path | str,
                 options: PacketOptions | None = None, *, case_id: int | None = None,
                 progress: Progress | None = None) -> PacketResult:
    """Make the packet for one person (and one case) from the store into `output`."""
    options = options or PacketOptions()
    snapshot = take_snapshot(store, person_id, case_id, today=options.made_on)
    return build_from_snapshot(snapshot, store.read_attachment, output, options,
                               data_dir=store.root, progress=progress)


def chosen_records(snapshot: PacketSnapshot, options: PacketOptions) -> list[Record]:
    """The records the packet lists and encloses: those picked, or by default every record
    except an import's kept file and those about cost (see `in_packet_by_default`)."""
    if options.record_ids is None:
        return [r for r in snapshot.records
                if in_packet_by_default(r, options.include_costs)]
    wanted = set(options.record_ids)
    return [r for r in snapshot.records if r.id in wanted]


def patient_line(snapshot: PacketSnapshot) -> str:
    person = snapshot.person
    born = format_date(person.birth_date)
    return joined([person.full_name, f"born {born}" if born else None])


def build_from_snapshot(snapshot: PacketSnapshot, read: ReadAttachment, output: Path | str,
                        options: PacketOptions, *, data_dir: Path,
                        progress: Progress | None = None) -> PacketResult:
    """The packet from a snapshot; `data_dir` is the store's folder, which no packet may be
    saved into (see `paths.output_target`)."""
    from organizer.packet import sections
    from organizer.packet.layout import render_front
    from organizer.packet.styles import Styles, geometry

    output = Path(output)
    output_target(output, data_dir)  # a bad target is said before the work, not after

    def report(done: int, what: str) -> None:
        if progress is not None:
            progress.step(done, 1000, what)

    records = chosen_records(snapshot, options)
    enclosures: list[Enclosure] = []
    if options.has("enclosures"):
        def on_file(done: int, total: int, name: str) -> None:
            report(done * _READ // max(total, 1), f"Reading {name}")
        enclosures = plan_enclosures(records, read, on_file, snapshot.discs,
                                     options.disc_images)
    enclosure_pages = sum(e.pages for e in enclosures)

    geo = geometry(options.page_size)
    styles = Styles()
    patient = patient_line(snapshot)
    made = format_date(snapshot.taken_on)
    footer = f"Second-opinion packet · made {made} · confidential health information"

    def front_stamp(page: int, total: int, section: str) -> StampText:
        head = "Second-opinion packet" if section in ("", SECTIONS["cover"]) else section
        return StampText(head, "", patient, footer, f"Page {page} of {total}")

    ctx = sections.Context(snapshot, options, styles, geo, records, enclosures,
                           sections.Numbers())
    report(_READ, "Laying out the pages")

    def story_for(numbers: Any) -> list[Any]:
        ctx.numbers = numbers
        return sections.front_story(ctx)

    front_data = b""
    numbers = sections.Numbers(front_pages=0)
    if any(options.has(k) for k in SECTIONS if k != "enclosures"):
        check = progress.check if progress is not None else None
        front_data, numbers = render_front(story_for, geo, front_stamp, enclosure_pages,
                                           _title(snapshot, options), check)
    ctx.numbers = numbers
    ctx.place_enclosures()
    total = numbers.front_pages + enclosure_pages
    if total == 0:
        raise OrganizerError("The packet would be empty: choose at least one part to include, "
                             "or records that have files attached.")
    report(_FRONT, "Preparing the enclosures")

    writer = PacketWriter(geo.width, geo.height)
    try:
        stamps, drawn = _draw_enclosure_pages(enclosures, geo, patient, footer, total,
                                              progress)
        report(_DRAW, "Merging the enclosures")
        late_problems = _merge(writer, front_data, stamps, drawn, enclosures,
                               enclosure_pages, report)
        _add_bookmarks(writer, ctx, numbers)
        report(_MERGE, "Saving the packet")
        if progress is not None:
            progress.check()
        _write(writer, output, data_dir, options.password, _title(snapshot, options))
        page_count = writer.page_count
    finally:
        writer.close()
        for enclosure in enclosures:
            for part in enclosure.parts:
                if part.reader is not None:  # a packet stopped before its merge
                    part.reader.close()
                part.reader = None
    report(1000, "Done")
    problems = tuple(p for e in enclosures for p in _problems(e)) + tuple(late_problems)
    return PacketResult(output, page_count, numbers.front_pages, len(enclosures),
                        problems)


def _merge(writer: PacketWriter, front_data: bytes, stamps: bytes,
           drawn: dict[tuple[int, int, int], Any], enclosures: list[Enclosure],
           enclosure_pages: int, report: Any) -> list[PacketProblem]:
    """The front matter, then every enclosure page: a PDF's page with its stamp laid over
    it, or the drawn page (picture, notice) standing for it. Returns the pages that turned
    out too damaged to copy (each left blank, stamped, so page numbers stay true)."""
    if front_data:
        writer.add_document(front_data)
    drawn_pdf = writer.add_document_unmerged(stamps)
    drawn_pages = drawn_pdf.pages
    writer.use_stamp_resources(drawn_pdf)
    late_problems: list[PacketProblem] = []
    done = 0
    for enclosure in enclosures:
        for part_index, part in enumerate(enclosure.parts):
            source = part.reader
            if source is not None:
                writer.keep_open(source)  # closed by the writer once the packet is written
                part.reader = None
            keys = [(enclosure.number, part_index, i) for i in range(part.pages)]
            if part.kind == PDF and source is not None:
                for blank in writer.add_stamped_pages(source, [drawn[k] for k in keys]):
                    late_problems.append(PacketProblem(
                        enclosure.number, enclosure.record.title, part.attachment.filename,
                        f"page {blank + 1} is damaged and was left blank"))
            else:
                for key in keys:
                    writer.add_page(drawn_pages[int(drawn[key])])
            before, done = done, done + part.pages
            if done // 25 != before // 25:
                report(_DRAW + (_MERGE - _DRAW) * done // max(enclosure_pages, 1),
                       f"Adding enclosure {enclosure.number} of {len(enclosures)}")
            part.data = None  # a picture's bytes are drawn already
    return late_problems


def _problems(enclosure: Enclosure) -> list[PacketProblem]:
    return [PacketProblem(enclosure.number, enclosure.record.title, p.attachment.filename,
                          p.reason) for p in enclosure.problems]


def _title(snapshot: PacketSnapshot, options: PacketOptions) -> str:
    """The PDF's own title (a viewer shows it in its title bar): the case's title only when
    the user keeps it on the cover."""
    from organizer.packet.glance import cover_subject

    what = cover_subject(snapshot, options.title_on_cover) or "health summary"
    return clip(f"Second-opinion packet: {snapshot.person.full_name}, {what}", HEADING_LIMIT)


def enclosure_head(enclosure: Enclosure, page: int) -> tuple[str, str]:
    record = enclosure.record
    title = joined([record.title, format_date(record.dated_on)], ", ")
    if enclosure.pages > 1:
        title += f"  (page {page} of {enclosure.pages})"
    return f"Enclosure {enclosure.number}", title


def _draw_enclosure_pages(enclosures: list[Enclosure], geo: Any, patient: str, footer: str,
                          total: int, progress: Progress | None
                          ) -> tuple[bytes, dict[tuple[int, int, int], Any]]:
    """One reportlab document holding the pages drawn from scratch (pictures, notices) and
    the font subset of every stamp; returns it and, per enclosure page, either the stamp's
    operators (for a PDF page) or the index of its drawn page."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(geo.width, geo.height), invariant=1,
                    pageCompression=1)
    stamper = Stamper(canvas._doc, geo.width, geo.height)
    out: dict[tuple[int, int, int], Any] = {}
    drawn = 0
    for enclosure in enclosures:
        if progress is not None:
            progress.check()
        within = 0
        for part_index, part in enumerate(enclosure.parts):
            frames: list[Any] = []
            if part.kind == IMAGE and part.data is not None:
                try:
                    frames = image_frames(part.data)
                except Exception:  # a picture that verified but will not decode: its pages
                    # (already numbered in the front matter) become notices
                    part.kind, part.reason = PROBLEM, "the picture is damaged and cannot be read"
            for page_index in range(part.pages):
                within += 1
                bold, head = enclosure_head(enclosure, within)
                text = StampText(bold, head, patient, footer,
                                 f"Page {enclosure.first_page + within - 1} of {total}")
                if part.kind == PDF:
                    wide = part.landscape[page_index] if part.landscape else False
                    out[(enclosure.number, part_index, page_index)] = stamper.ops(text, wide)
                    continue
                wide = False
                if part.kind == IMAGE and page_index < len(frames):
                    iw, ih = frames[page_index].getSize()
                    wide = iw > ih * 1.05
                    canvas.setPageSize((geo.height, geo.width) if wide else
                                       (geo.width, geo.height))
                    _draw_picture(canvas, frames[page_index], wide, geo)
                else:
                    canvas.setPageSize((geo.width, geo.height))
                    _draw_notice(canvas, enclosure, part, geo)
                canvas.addLiteral(stamper.ops(text, wide).decode())
                canvas.showPage()
                out[(enclosure.number, part_index, page_index)] = drawn
                drawn += 1
    # A last page that is never used: its resources name every font subset the stamps use.
    canvas.setPageSize((geo.width, geo.height))
    canvas.addLiteral(stamper.ops(StampText("", "", "", "", "")).decode())
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), out


def _draw_picture(canvas: Any, image: Any, wide: bool, geo: Any) -> None:
    from organizer.packet import styles as st

    page_w, page_h = (geo.height, geo.width) if wide else (geo.width, geo.height)
    iw, ih = image.getSize()
    scale = min((page_w - 2 * st.EDGE) / iw, (page_h - 2 * st.BAND) / ih)
    w, h = iw * scale, ih * scale
    canvas.drawImage(image, (page_w - w) / 2, (page_h - h) / 2, w, h, mask="auto")


def _draw_notice(canvas: Any, enclosure: Enclosure, part: Part, geo: Any) -> None:
    """The page standing where a file that could not be included would have been."""
    from reportlab.platypus import Paragraph

    from organizer.packet import styles as st
    from organizer.packet.text import markup

    s = st.Styles()
    width = geo.width - geo.left - geo.right
    y = geo.height - geo.top - 40
    blocks = [
        Paragraph(markup(f"Enclosure {enclosure.number}: {enclosure.record.title}",
                         HEADING_LIMIT), s.h1),
        Paragraph(markup(f"The file “{part.attachment.filename}” could not be included: "
                         f"{part.reason}."), s.notice),
        Paragraph("The patient can bring a paper copy, or ask the place that wrote it for "
                  "another copy of the file.", s.body)]
    for block in blocks:
        _, height = block.wrap(width, geo.height)
        y -= height
        block.drawOn(canvas, geo.left, y)
        y -= 10
    canvas.setStrokeColor(st.NOTICE)
    canvas.setLineWidth(1.2)
    canvas.line(geo.left - 12, geo.height - geo.top - 30, geo.left - 12, y + 4)


def _add_bookmarks(writer: PacketWriter, ctx: Any, numbers: Any) -> None:
    for key, title in SECTIONS.items():
        page = numbers.section_pages.get(key)
        if page:
            writer.add_bookmark(title, page - 1)
    if ctx.enclosures:
        parent = writer.add_bookmark(SECTIONS["enclosures"], ctx.enclosures[0].first_page - 1)
        for enclosure in ctx.enclosures:
            record = enclosure.record
            label = joined([f"{enclosure.number}. {record.title}",
                            format_date(record.dated_on)], ", ")
            writer.add_bookmark(label, enclosure.first_page - 1, parent)


def _write(writer: PacketWriter, output: Path, data_dir: Path, password: str | None,
           title: str) -> None:
    try:
        with private_output(output, data_dir=data_dir) as temp, \
                create_private(temp) as handle:
            writer.write(handle, password, title)
    except OSError as exc:
        if exc.errno == 28:
            raise OrganizerError("The disk is full, so the packet was not saved. Free some "
                                 "space and try again.") from None
        raise OrganizerError(f"The packet could not be saved as {output} ({exc.strerror}). "
                             "Choose another place.") from None

