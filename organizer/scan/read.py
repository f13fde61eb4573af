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

from organizer.changes import Change
from organizer.models import Attachment, ScanPage
from organizer.progress import Progress, step

if TYPE_CHECKING:
    from organizer.scan.ocr import Engine
    from organizer.store import Store


def read_scan(store: Store, attachment: Attachment, progress: Progress | None = None,
              engine: Engine | None = None) -> Change:
    """Read the pages of `attachment` that have no text of their own; returns the Change.

    Status afterwards: "done" (pages read, perhaps none), "unreadable" (the file cannot be
    decoded as pages) or "unavailable" (the engine or its language data are missing: the
    file is kept, and can be read once they are installed).
    """
    from organizer.scan.ocr import Engine, OcrUnavailable
    from organizer.scan.pages import Unreadable, pages_to_read
    from organizer.scan.prepare import prepare

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
            prepared = prepare(image, dpi, reader.orientation)
            reading = reader.read(prepared.image)
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
