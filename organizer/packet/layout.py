"""The front matter's page template and the passes that settle its page numbers.

The contents lists page numbers, the index lists each enclosure's pages, and every footer
says "Page N of M": all depend on how many pages the front matter itself takes, which is
only known once it is laid out. So it is laid out again with the numbers the previous pass
found, until a pass finds the numbers it printed (two passes, nearly always).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from organizer.packet.enclosures import Stamper, StampText
from organizer.packet.styles import Geometry

MAX_PASSES = 4


class SectionStart(Flowable):  # type: ignore[misc]
    """An invisible mark where a section starts: its page goes to the contents and the
    bookmarks, and its title to the page header."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


@dataclass(frozen=True)
class Numbers:
    """What one pass learned: the front matter's length and where each section starts."""

    front_pages: int = 1
    section_pages: dict[str, int] = field(default_factory=dict)


class _FrontDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, geo: Geometry,
                 stamp_for: Callable[[int, str], StampText], title: str) -> None:
        super().__init__(buffer, pagesize=(geo.width, geo.height), leftMargin=geo.left,
                         rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
                         title=title, author="", creator="Second Opinion Organizer",
                         invariant=1)
        frame = Frame(geo.left, geo.bottom, geo.frame_width, geo.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                            onPageEnd=self._decorate)])
        self._stamp_for = stamp_for
        self._stampers: dict[int, Stamper] = {}
        self.section_pages: dict[str, int] = {}
        self.current = ""
        self._geo = geo

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, SectionStart):
            self.section_pages.setdefault(flowable.key, self.page)
            self.current = flowable.title

    def _decorate(self, canvas: Any, doc: Any) -> None:
        stamper = self._stampers.get(id(canvas))
        if stamper is None:
            stamper = self._stampers[id(canvas)] = Stamper(canvas._doc, self._geo.width,
                                                           self._geo.height)
        canvas.addLiteral(stamper.ops(self._stamp_for(self.page, self.current)).decode())


def render_front(story_for: Callable[[Numbers], list[Any]], geo: Geometry,
                 stamp_for: Callable[[int, int, str], StampText], enclosure_pages: int,
                 title: str, check: Callable[[], None] | None = None) -> tuple[bytes, Numbers]:
    """Lay out the front matter until its page numbers are settled.

    `story_for(numbers)` makes the flowables with the numbers to print; `stamp_for(page,
    total, section)` makes each page's header and footer.
    """
    numbers = found = Numbers()
    data = b""
    for _ in range(MAX_PASSES):
        if check is not None:
            check()
        buffer = io.BytesIO()
        total = numbers.front_pages + enclosure_pages

        def stamp(page: int, section: str, total: int = total) -> StampText:
            return stamp_for(page, total, section)

        doc = _FrontDoc(buffer, geo, stamp, title)
        doc.build(story_for(numbers))
        found = Numbers(doc.page, dict(doc.section_pages))
        data = buffer.getvalue()
        if found == numbers:
            break
        numbers = found
    # Pages are placed by what the last pass found (true even in the rare case where the
    # numbers never settle, when a printed page number may be off by one).
    return data, found
