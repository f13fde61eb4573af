"""The demo's attached documents, made as real PDFs with reportlab when the demo is added.

Each document is described in resources/demo/household.json (letterhead, title, details,
sections of text, and for a lab report the results of one day), so its words are data and
this module only lays them out like the letters and reports a clinic sends: letterhead,
patient block, headed sections, a results table, a signature and a page footer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from organizer.i18n import _


class _Resolver(Protocol):
    """What the demo's resolver (organizer.demo) gives a document: its texts and dates with
    the relative days (`@-45`) filled in."""

    def text(self, value: str) -> str: ...

    def long_date(self, day: date) -> str: ...

    def value(self, value: Any) -> Any: ...


def write_document(folder: Path, document: Mapping[str, Any], person: Mapping[str, Any],
                   resolver: _Resolver) -> Path:
    """Write one demo document as a PDF in `folder`; returns its path."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    path = folder / resolver.text(document["filename"])
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=10, leading=14)
    heading = ParagraphStyle("heading", parent=styles["Heading4"], spaceBefore=8,
                             spaceAfter=2)
    title = ParagraphStyle("title", parent=styles["Heading2"], spaceBefore=6)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11,
                           textColor=colors.HexColor("#444444"))
    letterhead: list[str] = [resolver.text(line) for line in document.get("letterhead", [])]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        width, height = LETTER
        if letterhead:
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawString(0.9 * inch, height - 0.75 * inch, letterhead[0])
            canvas.setFont("Helvetica", 8.5)
            for number, line in enumerate(letterhead[1:], start=1):
                canvas.drawString(0.9 * inch, height - 0.75 * inch - 11 * number, line)
            canvas.setStrokeColor(colors.HexColor("#2f5d8a"))
            canvas.setLineWidth(1.2)
            rule = height - 0.75 * inch - 11 * len(letterhead) - 2
            canvas.line(0.9 * inch, rule, width - 0.9 * inch, rule)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(0.9 * inch, 0.55 * inch, f"{person['person']['full_name']}  |  "
                          f"{resolver.text(document.get('title', ''))}")
        canvas.drawRightString(width - 0.9 * inch, 0.55 * inch, _("Page {n}").format(n=doc.page))
        canvas.restoreState()

    top = 1.0 * inch + 11 * len(letterhead)
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=0.9 * inch,
                            rightMargin=0.9 * inch, topMargin=top, bottomMargin=0.9 * inch,
                            title=resolver.text(document.get("title", "")),
                            author=letterhead[0] if letterhead else "")
    flow: list[Any] = []
    born = date.fromisoformat(person["person"]["birth_date"])
    details = [(_("Patient"), person["person"]["full_name"]),
               (_("Date of birth"), resolver.long_date(born))]
    details += [(k, resolver.text(v)) for k, v in document.get("details", [])]
    table = Table([[Paragraph(f"<b>{k}</b>", small), Paragraph(_escape(v), small)]
                   for k, v in details], colWidths=[1.6 * inch, 4.9 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    flow += [table, Spacer(1, 8)]
    if document.get("title"):
        flow.append(Paragraph(_escape(resolver.text(document["title"])), title))
    for section in document.get("sections", []):
        if section.get("page_break"):
            flow.append(PageBreak())
            continue
        if section.get("heading"):
            flow.append(Paragraph(_escape(resolver.text(section["heading"])), heading))
        for paragraph in resolver.text(section.get("text", "")).split("\n\n"):
            if paragraph.strip():
                flow.append(Paragraph(_escape(paragraph).replace("\n", "<br/>"), body))
        if section.get("results_on"):
            flow.append(_results_table(person, section["results_on"], resolver, small))
    for line in document.get("signature", []):
        flow.append(Paragraph(_escape(resolver.text(line)), body))
    doc.build(flow, onFirstPage=decorate, onLaterPages=decorate)
    return path


def _results_table(person: Mapping[str, Any], when: str, resolver: _Resolver,
                   style: Any) -> Any:
    """The person's results of one day, as a lab's table: test, result, flag, range."""
    from reportlab.lib import colors
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, Table, TableStyle

    day = resolver.value(when)
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", style) for h in
                              (_("Test"), _("Result"), _("Flag"), _("Units"),
                               _("Reference range"))]]
    for series in person.get("result_series", []):
        for observed, value, flag in series["values"]:
            if resolver.value(observed) == day:
                rows.append([Paragraph(_escape(series["name"]), style), value,
                             _flag(flag), series.get("unit", ""),
                             series.get("reference_range", "")])
    table = Table(rows, colWidths=[2.4 * inch, 0.9 * inch, 0.7 * inch, 1.0 * inch,
                                   1.5 * inch], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _flag(flag: str | None) -> str:
    """A result's flag as a lab prints it: HIGH, LOW (ALTO, BAJO)."""
    words = {"high": _("HIGH"), "low": _("LOW")}
    return words.get(flag or "", (flag or "").upper())


def _escape(text: str) -> str:
    """Text for a reportlab Paragraph, which reads a little XML markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
