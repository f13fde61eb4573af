"""Reading the scanned pages of one attachment, and keeping what was read.

`read_scan` is what `organizer add record --file` and the app's background job call. It
reads page after page (progress per page; a Cancel between pages stops it, and nothing is
saved for that file), then hands every page's text and confidence to
`Store.save_scan_pages`, which writes them in one transaction with the search index.
The store's bytes are read through `Store.read_attachment`, so an encrypted store works
the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from organizer.items.changes import Change
from organizer.items.models import Attachment, ScanPage
from organizer.progress import Progress, step

if TYPE_CHECKING:
    from PIL import Image

    from organizer.scan.ocr import Engine, PageReading
    from organizer.scan.prepare import PreparedPage
    from organizer.storage.store import Store

# A reading this sure of its words is of an upright page: script detection is skipped.
UPRIGHT_CONFIDENCE = 75.0


def read_page(engine: Engine, image: Image.Image,
              dpi: float | None) -> tuple[PreparedPage, PageReading]:
    """Prepare and read one page, turning it upright only when it seems not to be.

    Most pages are upright, and script detection costs half a reading; so the page is
    read as it is first, and only a reading the engine is unsure of (a page upside down
    or on its side reads as gibberish) asks for the page's orientation, turns it, reads
    it again and keeps the surer of the two readings.
    """
    from organizer.scan.prepare import prepare, turn

    prepared = prepare(image, dpi)
    reading = engine.read(prepared.image)
    if reading.confidence >= UPRIGHT_CONFIDENCE:
        return prepared, reading
    rotation = engine.orientation(prepared.image)
    if not rotation:
        return prepared, reading
    turned = turn(prepared, rotation)
    second = engine.read(turned.image)
    return (turned, second) if second.confidence > reading.confidence else (prepared, reading)


def read_scan(store: Store, attachment: Attachment, progress: Progress | None = None,
              engine: Engine | None = None) -> Change:
    """Read the pages of `attachment` that have no text of their own; returns the Change.

    Status afterwards: "done" (pages read, perhaps none), "unreadable" (the file cannot be
    decoded as pages) or "unavailable" (the engine or its language data are missing: the
    file is kept, and can be read once they are installed).
    """
    from organizer.scan.ocr import Engine, OcrUnavailable
    from organizer.scan.pages import Unreadable, pages_to_read

    try:
        sources = pages_to_read(store.read_attachment(attachment), attachment.media_type)
    except Unreadable:
        return store.save_scan_pages(attachment.id, [], "unreadable")
    if not sources:
        return store.save_scan_pages(attachment.id, [], "done")
    own_engine = engine is None
    try:
        reader = engine if engine is not None else Engine()
    except OcrUnavailable:
        return store.save_scan_pages(attachment.id, [], "unavailable")
    pages: list[ScanPage] = []
    failed = 0
    try:
        for done, source in enumerate(sources):
            step(progress, done, len(sources),
                 f"Reading “{attachment.filename}”, page {done + 1} of {len(sources)}")
            try:
                image, dpi = source.load()
            except Unreadable:
                failed += 1
                continue
            prepared, reading = read_page(reader, image, dpi)
            pages.append(ScanPage(attachment_id=attachment.id, page=source.number,
                                  text=reading.text, confidence=round(reading.confidence, 1),
                                  rotation=prepared.rotation, skew=prepared.skew))
        step(progress, len(sources), len(sources), f"Read “{attachment.filename}”")
    finally:
        if own_engine:
            reader.close()
    status = "unreadable" if failed == len(sources) else "done"
    return store.save_scan_pages(attachment.id, pages, status)


def read_pending(store: Store, progress: Progress | None = None,
                 only: list[int] | None = None) -> Change:
    """Read every attachment still waiting for its scan to be read (or those of `only`,
    by attachment id), with one engine for all."""
    from organizer.errors import NotFoundError
    from organizer.scan.ocr import Engine, OcrUnavailable

    pending = [a for a in store.pending_scans() if only is None or a.id in only]
    if not pending:
        return Change()
    engine: Engine | None
    try:
        engine = Engine()
    except OcrUnavailable:
        engine = None
    change = Change()
    try:
        for attachment in pending:
            try:
                if engine is None:
                    change = change + store.save_scan_pages(attachment.id, [], "unavailable")
                else:
                    change = change + read_scan(store, attachment, progress, engine)
            except NotFoundError:  # its record was deleted meanwhile (an undo)
                continue
    finally:
        if engine is not None:
            engine.close()
    return change
