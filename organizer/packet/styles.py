"""Typography and page geometry shared by the packet and the printouts.

One calm look: a single sans-serif family, dark slate text, one navy accent for headings,
thin grey rules, tables whose cells wrap (every cell is a Paragraph, so nothing is cut off).
The header and footer sit at the same place on every page, front matter and enclosures
alike, so the stamp never lands on a document's own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from organizer.packet.fonts import BOLD, ITALIC, REGULAR, register_fonts
from organizer.packet.text import CELL_LIMIT, HEADING_LIMIT, markup

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#12355b")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#edf1f5")
NOTICE = colors.HexColor("#8a2c0d")  # "could not be included": dark, not alarming red
NOTICE_SHADE = colors.HexColor("#fbf1ea")

# The stamp band: header and footer text and rules, the same on every page.
EDGE = 30.0          # left and right edge of the header/footer text and rules
HEADER_TEXT = 24.0   # from the top: header text baseline
HEADER_RULE = 30.0   # from the top: the rule under the header
FOOTER_RULE = 30.0   # from the bottom: the rule over the footer
FOOTER_TEXT = 19.0   # from the bottom: footer text baseline
BAND = 38.0          # enclosure content stays this far from the top and bottom edges
STAMP_SIZE = 7.5


@dataclass(frozen=True)
class Geometry:
    """A page size and the frame the front matter flows in."""

    width: float
    height: float
    left: float = 58.0
    right: float = 58.0
    top: float = 62.0
    bottom: float = 52.0

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def geometry(page_size: str) -> Geometry:
    width, height = LETTER if page_size == "letter" else A4
    return Geometry(float(width), float(height))


def _style(name: str, **kwargs: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": REGULAR, "fontSize": 10.5, "leading": 14.5,
                            "textColor": INK}
    base.update(kwargs)
    return ParagraphStyle(name, **base)


# No text a reader needs is set below this (the header and footer band, STAMP_SIZE, is the
# one exception: it repeats on every page and must stay clear of the enclosures' text).
MIN_SIZE = 10.0


class Styles:
    """The paragraph styles (made after the font is registered).

    A specialist reads the packet quickly, often printed and faxed: nothing is set below
    MIN_SIZE, and hierarchy comes from weight and color rather than from tiny type.
    """

    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", spaceAfter=4)
        self.small = _style("small", fontSize=10, leading=13, textColor=MUTED)
        self.title = _style("title", fontName=BOLD, fontSize=24, leading=30, textColor=ACCENT,
                            spaceAfter=6)
        self.subtitle = _style("subtitle", fontSize=13, leading=18, textColor=MUTED,
                               spaceAfter=18)
        self.h1 = _style("h1", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT,
                         spaceAfter=2)
        self.h2 = _style("h2", fontName=BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
                         spaceBefore=11, spaceAfter=4, keepWithNext=1)
        self.glance_head = _style("glance_head", fontName=BOLD, fontSize=12.5, leading=15,
                                  textColor=ACCENT, spaceBefore=8, spaceAfter=3,
                                  keepWithNext=1)
        self.bullet = _style("bullet", leftIndent=12, firstLineIndent=-12, spaceAfter=2)
        self.h3 = _style("h3", fontName=BOLD, fontSize=11, leading=14.5, spaceBefore=6,
                         spaceAfter=2, keepWithNext=1)
        self.label = _style("label", fontName=BOLD, fontSize=10, leading=12.5,
                            textColor=MUTED)
        self.value = _style("value", fontSize=11, leading=15)
        self.question_box = _style("question_box", fontSize=13, leading=18, textColor=INK)
        self.cell = _style("cell", fontSize=10, leading=12.8)
        self.cell_bold = _style("cell_bold", fontName=BOLD, fontSize=10, leading=12.8)
        self.cell_head = _style("cell_head", fontName=BOLD, fontSize=10, leading=12.5,
                                textColor=ACCENT)
        self.cell_right = _style("cell_right", fontSize=10, leading=12.8, alignment=TA_RIGHT)
        self.cell_notice = _style("cell_notice", fontSize=10, leading=12.8, textColor=NOTICE)
        self.statement = _style("statement", fontName=ITALIC, textColor=MUTED, spaceAfter=4)
        self.notice = _style("notice", textColor=NOTICE)
        self.answer = _style("answer", leftIndent=22, spaceAfter=2)
        self.question = _style("question", fontSize=11, leading=15.5, leftIndent=22,
                               firstLineIndent=-22)
        self.toc = _style("toc", fontSize=11.5, leading=16)
        self.toc_sub = _style("toc_sub", fontSize=10, leading=13, textColor=MUTED,
                              leftIndent=14)

    def all(self) -> list[ParagraphStyle]:
        """Every style, for the test that no text is set below MIN_SIZE."""
        return [v for v in vars(self).values() if isinstance(v, ParagraphStyle)]


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of user text (escaped)."""
    return Paragraph(markup(text), style)


def data_table(header: Sequence[str], rows: Sequence[Sequence[Any]],
               widths: Sequence[float], styles: Styles,
               extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table with a shaded header row, thin rules, wrapped cells; repeats its header.

    A short value that fits its column on one line is drawn as plain text (it looks the
    same); only longer ones become wrapping Paragraphs, which cost far more to lay out
    and matter in a 100-record index laid out twice.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = styles.cell.fontSize

    def cell(value: Any, width: float) -> Any:
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            if "\n" not in value and stringWidth(value, REGULAR, size) <= width - 9:
                return value
            return Paragraph(markup(value, CELL_LIMIT), styles.cell)
        return value

    data = [[Paragraph(markup(h, HEADING_LIMIT), styles.cell_head) for h in header]]
    data += [[cell(v, w) for v, w in zip(row, widths, strict=False)] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), REGULAR, size, styles.cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ]))
    return table


def widths(total: float, *fractions: float) -> list[float]:
    """Column widths from fractions of the frame width (the last takes the rest)."""
    out = [total * f for f in fractions[:-1]]
    out.append(total - sum(out))
    return out
