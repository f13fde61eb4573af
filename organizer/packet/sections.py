"""The front matter's sections as reportlab flowables: cover, contents, the case, the
timeline, the patient summary, the questions and the index of enclosures.

A doctor should find any fact in seconds: each section starts on a new page with its title,
tables have a header row and wrapped cells, and an empty section says so in words instead of
disappearing (an empty allergies section must not read as "no allergies").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from organizer.items.models import Provider, Record, Treatment
from organizer.packet import glance
from organizer.packet import styles as st
from organizer.packet.enclosures import Enclosure
from organizer.packet.layout import Numbers, SectionStart

__all__ = ["Context", "Numbers", "front_story"]
from organizer.packet.options import SECTIONS, PacketOptions
from organizer.packet.results import group_results
from organizer.packet.snapshot import PacketSnapshot
from organizer.packet.text import (
    CELL_LIMIT,
    HEADING_LIMIT,
    format_amount,
    format_date,
    joined,
    markup,
    sort_key,
    word,
)

TIMELINE_ROWS = 34
RESULT_ROWS = 40


@dataclass
class Context:
    """Everything a section needs: the data, the choices, and the page numbers so far."""

    snap: PacketSnapshot
    options: PacketOptions
    styles: st.Styles
    geo: st.Geometry
    records: list[Record]          # the records chosen for the packet, in packet order
    enclosures: list[Enclosure]    # those of them with files, numbered
    numbers: Numbers

    @property
    def width(self) -> float:
        return self.geo.frame_width

    def enclosure_for(self, record_id: int | None) -> Enclosure | None:
        for enclosure in self.enclosures:
            if enclosure.record.id == record_id:
                return enclosure
        return None

    def place_enclosures(self) -> None:
        """Give each enclosure its first page, after the front matter as last laid out."""
        page = self.numbers.front_pages + 1
        for enclosure in self.enclosures:
            enclosure.first_page = page
            page += enclosure.pages

    def pages_of(self, enclosure: Enclosure) -> str:
        first, last = enclosure.first_page, enclosure.first_page + enclosure.pages - 1
        return f"{first}" if first == last else f"{first}–{last}"

    def provider_name(self, provider_id: int | None) -> str:
        provider = self.snap.provider(provider_id)
        return provider.name if provider else ""


def label_rows(ctx: Context, pairs: list[tuple[str, str | None]],
               label_width: float = 0.26) -> Any:
    """Label / value pairs as a quiet two-column table (empty values left out)."""
    s = ctx.styles
    data = [[Paragraph(markup(label), s.label), Paragraph(markup(value, CELL_LIMIT), s.body)]
            for label, value in pairs if value]
    if not data:
        return Spacer(0, 0)
    table = Table(data, colWidths=st.widths(ctx.width, label_width, 1 - label_width),
                  hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def _heading(ctx: Context, key: str, first: bool) -> list[Any]:
    title = SECTIONS[key]
    out: list[Any] = [] if first else [PageBreak()]
    out += [SectionStart(key, title), Paragraph(markup(title), ctx.styles.h1),
            HRFlowable(width="100%", thickness=0.8, color=st.ACCENT, spaceBefore=2,
                       spaceAfter=10)]
    return out


def statement(ctx: Context, text: str) -> Paragraph:
    return Paragraph(markup(text), ctx.styles.statement)


def boxed(ctx: Context, content: list[Any], shade: Any = st.SHADE,
           border: Any = st.RULE) -> Table:
    table = Table([[content]], colWidths=[ctx.width], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), shade), ("BOX", (0, 0), (-1, -1), 0.6, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return table


def doctor_line(provider: Provider | None) -> str:
    if provider is None:
        return ""
    return joined([provider.name, provider.specialty, provider.facility], ", ")


def contact_line(provider: Provider) -> str:
    return joined([f"Phone {provider.phone}" if provider.phone else None,
                   f"Fax {provider.fax}" if provider.fax else None,
                   provider.email], "  ·  ")


# -- cover ---------------------------------------------------------------------------------

def prepared_by(ctx: Context) -> str:
    person = ctx.snap.person
    relation = (person.relationship or "").strip()
    name = (ctx.options.prepared_by or ctx.snap.user_name or "").strip()
    if not relation or relation.lower() in ("self", "me", "myself"):
        return f"{person.full_name}, the patient" if not name or name == person.full_name \
            else name
    who = f"{name}, caregiver" if name else "A caregiver"
    return f"{who} (the patient is their {relation})"


def cover(ctx: Context) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    person, case = snap.person, snap.case
    subject = glance.cover_subject(snap, ctx.options.title_on_cover)
    # (after "At a glance": a leading break is dropped when the cover comes first)
    out: list[Any] = [PageBreak(), SectionStart("cover", SECTIONS["cover"]), Spacer(0, 18),
                      Paragraph("Second-opinion packet", s.title),
                      Paragraph(markup(subject or "Health summary and records",
                                       HEADING_LIMIT),
                                s.subtitle)]
    if case and case.question:
        out += [boxed(ctx, [Paragraph("THE QUESTION AT STAKE", s.label), Spacer(0, 3),
                             Paragraph(markup(case.question), s.question_box)]),
                Spacer(0, 16)]
    born = format_date(person.birth_date)
    out += [Paragraph("PATIENT", s.h3),
            label_rows(ctx, [("Name", person.full_name), ("Born", born),
                        ("Sex", word(person.sex)), ("Phone", person.phone),
                        ("Email", person.email), ("Address", person.address),
                        ("Insurance", joined([person.insurance_plan,
                                              f"member ID {person.insurance_member_id}"
                                              if person.insurance_member_id else None], ", ")),
                        ("Emergency contact", person.emergency_contact)]),
            Spacer(0, 8)]
    visit = snap.next_visit()
    doctor = snap.provider(visit.provider_id) if visit else None
    out += [Paragraph("PREPARED FOR", s.h3),
            label_rows(ctx, [("Doctor", doctor_line(doctor)
                              or "The doctor giving the second opinion"),
                             ("Visit", joined([format_date(visit.scheduled_at),
                                          visit.location], ", ") if visit else None),
                        ("Contact", contact_line(doctor) if doctor else None)]),
            Spacer(0, 8)]
    primary = snap.primary_doctor()
    out += [Paragraph("PREPARED BY", s.h3),
            label_rows(ctx, [("Prepared by", prepared_by(ctx)),
                        ("Made on", format_date(snap.taken_on)),
                        ("Decision needed by", format_date(case.decide_by) if case else None),
                        ("Please send your report to",
                         joined([doctor_line(primary), contact_line(primary)], " — ")
                         if primary else None)]),
            Spacer(0, 22),
            Paragraph(markup(
                f"This packet holds confidential health information about "
                f"{person.full_name}, gathered from the patient's own records. The "
                "enclosures are copies of the original documents; each of their pages is "
                "marked with its enclosure number at the top."), s.small)]
    return out


# -- contents ------------------------------------------------------------------------------

def contents(ctx: Context) -> list[Any]:
    s = ctx.styles
    out = _heading(ctx, "contents", first=False)
    rows: list[list[Any]] = []
    for key, title in SECTIONS.items():
        if key in ("glance", "cover", "contents") or not ctx.options.has(key):
            continue
        if key == "case" and ctx.snap.case is None:
            continue
        if key == "enclosures":
            if not ctx.enclosures:
                continue
            page = ctx.enclosures[0].first_page
            detail = f"{len(ctx.enclosures)} document{'s' if len(ctx.enclosures) != 1 else ''}"
            rows.append([Paragraph(f"{markup(title)} <font size=10 color='#52606d'>"
                                   f"({detail})</font>", s.toc),
                         Paragraph(str(page), s.toc)])
            continue
        page = ctx.numbers.section_pages.get(key, 0)
        rows.append([Paragraph(markup(title), s.toc), Paragraph(str(page or ""), s.toc)])
    table = Table(rows, colWidths=[ctx.width - 50, 50], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.RULE), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    out += [table, Spacer(0, 14), Paragraph(
        "Page numbers are those printed at the bottom right of every page, enclosures "
        "included.", s.small)]
    return out


# -- the case ------------------------------------------------------------------------------

def case_section(ctx: Context) -> list[Any]:
    s, snap, case = ctx.styles, ctx.snap, ctx.snap.case
    if case is None:
        return []
    out = _heading(ctx, "case", first=False)
    out += [Paragraph(markup(case.title, HEADING_LIMIT), s.h2)]
    out.append(label_rows(ctx, [("The question", case.question),
                           ("Decision needed by", format_date(case.decide_by)),
                           ("Status", word(case.status))]))
    out.append(Paragraph("Diagnosis", s.h2))
    condition = snap.condition(case.condition_id)
    if condition is None:
        out.append(statement(ctx, "No diagnosis is linked to this second opinion."))
    else:
        out.append(label_rows(ctx, [
            ("Diagnosis", condition.name),
            ("Code", joined([condition.code, condition.code_system], " ")),
            ("Status", word(condition.status)),
            ("Diagnosed on", format_date(condition.diagnosed_on)),
            ("Diagnosed by", doctor_line(snap.provider(condition.diagnosed_by_id))),
            ("Stage or severity", condition.severity), ("Notes", condition.notes)]))
    out.append(Paragraph("Opinions so far", s.h2))
    if not snap.opinions:
        out.append(statement(ctx, "No opinion has been recorded yet."))
    for opinion in snap.opinions:
        report = ctx.enclosure_for(opinion.report_record_id)
        doctor = doctor_line(snap.provider(opinion.provider_id)) or "Doctor not recorded"
        block = [Paragraph(markup(doctor, HEADING_LIMIT), s.h3), label_rows(ctx, [
            ("Given on", format_date(opinion.given_on)),
            ("Diagnosis as stated", opinion.diagnosis),
            ("Recommendation", opinion.recommendation),
            ("Compared with the first opinion", word(opinion.agrees)),
            ("Summary", opinion.summary),
            ("Report", f"Enclosure {report.number}, page {report.first_page}"
             if report else None)]), Spacer(0, 4)]
        out.append(KeepTogether(block))
    out += _treatments(ctx)
    if case.decision:
        out += [Paragraph("Decision", s.h2),
                label_rows(ctx, [("Decision", case.decision), ("Why", case.rationale),
                            ("Decided on", format_date(case.decided_on))])]
    return out


def quote_range(ctx: Context, treatment_id: int) -> str:
    """The cost range across facilities, per currency: "USD 12,000 – 18,500 (3 places)"."""
    by_currency: dict[str, list[float]] = {}
    for quote in ctx.snap.quotes_for(treatment_id):
        if quote.amount is not None:
            by_currency.setdefault(quote.currency or "", []).append(quote.amount)
    parts = []
    for currency, amounts in by_currency.items():
        low, high = min(amounts), max(amounts)
        places = f"{len(amounts)} place{'s' if len(amounts) != 1 else ''}"
        span = format_amount(low, currency) if low == high else \
            f"{format_amount(low, currency)} – {format_amount(high, None)}"
        parts.append(f"{span} ({places})")
    return "; ".join(parts)


def _treatments(ctx: Context) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    costs = ctx.options.include_costs
    out: list[Any] = [CondPageBreak(140), Paragraph("Treatment options side by side", s.h2)]
    if not snap.treatments:
        return [*out, statement(ctx, "No treatment options have been recorded yet.")]
    rows: list[tuple[str, Callable[[Treatment], str | None]]] = [
            ("Proposed by", lambda t: doctor_line(snap.provider(t.proposed_by_id))),
            ("How long it takes", lambda t: t.duration),
            ("Recovery time", lambda t: t.recovery_time),
            # (the costs: the patient's business, printed only when asked)
            ("Cost", lambda t: t.cost if costs else None),
            ("Quotes across facilities", lambda t: quote_range(ctx, t.id) if costs else None),
            ("Insurance coverage", lambda t: t.coverage if costs else None),
            ("Benefits", lambda t: t.benefits),
            ("Risks", lambda t: t.risks),
            ("Effect on daily life", lambda t: t.daily_life),
            ("Status", lambda t: word(t.status))]
    label_w = 92.0
    for start in range(0, len(snap.treatments), 3):
        chunk = snap.treatments[start:start + 3]
        col = (ctx.width - label_w) / len(chunk)
        data: list[list[Any]] = [[Paragraph("", s.cell_head)] +
                                 [Paragraph(markup(t.name, HEADING_LIMIT), s.cell_bold)
                                  for t in chunk]]
        for label, get in rows:
            values = [get(t) for t in chunk]
            if not any(values):
                continue
            data.append([Paragraph(markup(label), s.cell_head)] +
                        [Paragraph(markup(v, CELL_LIMIT), s.cell) for v in values])
        table = Table(data, colWidths=[label_w] + [col] * len(chunk), hAlign="LEFT", splitInRow=1,
                      repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), st.SHADE), ("BACKGROUND", (0, 0), (0, -1), st.SHADE),
            ("GRID", (0, 0), (-1, -1), 0.4, st.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        out += [table, Spacer(0, 8)]
    if snap.quotes and costs:
        names = {t.id: t.name for t in snap.treatments}
        quotes = sorted(snap.quotes, key=lambda q: (names.get(q.treatment_id, ""),
                                                    q.amount if q.amount is not None else 0))
        out += [Paragraph("What each option costs, by facility", s.h3), st.data_table(
            ["Option", "Facility", "Amount", "Covered by insurance", "Obtained on", "Notes"],
            [[names.get(q.treatment_id, ""), q.facility,
              Paragraph(markup(format_amount(q.amount, q.currency)), s.cell_right),
              Paragraph(markup(format_amount(q.covered_amount, q.currency)), s.cell_right),
              format_date(q.obtained_on), q.notes] for q in quotes],
            st.widths(ctx.width, 0.2, 0.2, 0.14, 0.14, 0.12, 0.2), s)]
    return out


# -- timeline ------------------------------------------------------------------------------

def timeline_events(ctx: Context) -> list[tuple[str, str, str]]:
    """(date, what, details) of diagnoses, visits, procedures, opinions and records."""
    snap = ctx.snap
    events: list[tuple[str, str, str]] = []
    for c in snap.conditions:
        if c.diagnosed_on:
            events.append((c.diagnosed_on, "Diagnosis", joined(
                [c.name, word(c.status), c.severity,
                 f"by {ctx.provider_name(c.diagnosed_by_id)}" if c.diagnosed_by_id else None])))
    for v in snap.visits:
        if v.status == "cancelled":
            continue
        events.append((v.scheduled_at, "Visit" if v.status == "done" else "Visit (planned)",
                       joined([v.purpose, doctor_line(snap.provider(v.provider_id)), v.location])))
    for p in snap.procedures:
        if p.performed_on:
            events.append((p.performed_on, "Procedure", joined([p.name, p.performer])))
    for o in snap.opinions:
        if o.given_on:
            events.append((o.given_on, "Opinion", joined(
                [ctx.provider_name(o.provider_id), o.recommendation])))
    included = {r.id for r in ctx.records}
    for r in snap.records:
        if r.dated_on and r.id in included:
            enclosure = ctx.enclosure_for(r.id)
            events.append((r.dated_on, "Record", joined(
                [r.title, r.source, f"Enclosure {enclosure.number}" if enclosure else None])))
    events.sort(key=lambda e: sort_key(e[0]))
    return events


def timeline(ctx: Context) -> list[Any]:
    s = ctx.styles
    out = _heading(ctx, "timeline", first=False)
    events = timeline_events(ctx)
    if not events:
        return [*out, statement(ctx, "No dated diagnoses, visits, procedures or records yet.")]
    widths = st.widths(ctx.width, 0.17, 0.15, 0.68)

    def table_of(shown: list[tuple[str, str, str]]) -> Table:
        return st.data_table(["Date", "What", "Details"],
                             [[format_date(d), what, _clip(details, 150)]
                              for d, what, details in shown], widths, s)

    # One page: the most recent events that fit, and a line saying how many are left out.
    room = ctx.geo.frame_height - 110
    count = min(len(events), TIMELINE_ROWS)
    while True:
        shown = events[-count:]
        table = table_of(shown)
        _, height = table.wrap(ctx.width, room)
        if height <= room or count <= 5:
            break
        count -= 2
    intro = "Diagnoses, visits, procedures, opinions and records, oldest first."
    if count < len(events):
        intro += (f" The {len(events) - count} earliest events (from "
                  f"{format_date(events[0][0])}) are left out to keep this to one page.")
    return [*out, Paragraph(markup(intro), s.small), Spacer(0, 6), table]


def _condition_name(ctx: Context, condition_id: int | None) -> str:
    condition = ctx.snap.condition(condition_id)
    return condition.name if condition else ""


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- patient summary -----------------------------------------------------------------------

def medication_tables(ctx: Context) -> list[Any]:
    """The medications taken now (the list to bring), then those stopped."""
    s, snap, w = ctx.styles, ctx.snap, ctx.width
    out: list[Any] = []
    current = [m for m in snap.medications if m.active and not m.stopped_on]
    if current:
        # (prescriber and date in one column: six columns at 10 pt break words in two)
        out.append(st.data_table(
            ["Medication", "Dose and form", "How and when", "Taken for", "Prescribed"],
            [[Paragraph(markup(m.name), s.cell_bold), joined([m.dose, m.form], ", "),
              joined([m.route, m.frequency, m.instructions], "; "),
              _condition_name(ctx, m.condition_id),
              joined([ctx.provider_name(m.prescriber_id),
                      f"since {format_date(m.started_on)}" if m.started_on else None], ", ")]
             for m in current],
            st.widths(w, 0.205, 0.205, 0.215, 0.2, 0.175), s))
    else:
        out.append(statement(ctx, "No current medications recorded."))
    stopped = [m for m in snap.medications if not (m.active and not m.stopped_on)]
    if stopped:
        out += [Paragraph("Stopped", s.h3), st.data_table(
            ["Medication", "Dose", "Stopped on", "Notes"],
            [[m.name, m.dose, format_date(m.stopped_on), m.notes] for m in stopped],
            st.widths(w, 0.28, 0.18, 0.24, 0.3), s)]
    return out


def allergy_table(ctx: Context) -> list[Any]:
    """The allergies, or a plain statement: an empty section is never left out."""
    s, snap = ctx.styles, ctx.snap
    if snap.allergies:
        return [st.data_table(
            ["Allergic to", "Reaction", "Severity", "Noted on", "Notes"],
            [[Paragraph(markup(a.substance), s.cell_bold), a.reaction, a.severity,
              format_date(a.noted_on), a.notes] for a in snap.allergies],
            st.widths(ctx.width, 0.24, 0.24, 0.14, 0.13, 0.25), s)]
    if snap.person.no_known_allergies:
        return [Paragraph("No known allergies", s.body)]
    return [statement(ctx, "No allergies recorded (the patient has not said whether there "
                           "are any).")]


def summary(ctx: Context) -> list[Any]:
    s, snap, w = ctx.styles, ctx.snap, ctx.width
    out = _heading(ctx, "summary", first=False)
    out.append(Paragraph("Arranged in the sections of the International Patient Summary.",
                         s.small))

    out.append(Paragraph("Problems", s.h2))
    active = [c for c in snap.conditions if c.status not in ("resolved", "ruled_out")]
    past = [c for c in snap.conditions if c.status in ("resolved", "ruled_out")]
    header = ["Problem", "Status", "Since", "Stage or severity", "Code"]
    cols = st.widths(w, 0.34, 0.13, 0.13, 0.22, 0.18)

    def problem_rows(items: list[Any]) -> list[list[Any]]:
        return [[c.name, word(c.status), format_date(c.diagnosed_on), c.severity,
                 joined([c.code, c.code_system], " ")] for c in items]

    if not snap.conditions:
        out.append(statement(ctx, "No problems recorded."))
    if active:
        out += [Paragraph("Active", s.h3), st.data_table(header, problem_rows(active), cols, s)]
    if past:
        out += [Paragraph("Past", s.h3), st.data_table(header, problem_rows(past), cols, s)]

    out.append(Paragraph("Current medications", s.h2))
    out += medication_tables(ctx)
    out.append(Paragraph("Allergies and intolerances", s.h2))
    out += allergy_table(ctx)

    out.append(Paragraph("Immunizations", s.h2))
    if snap.immunizations:
        items = sorted(snap.immunizations, key=lambda i: sort_key(i.given_on), reverse=True)
        out.append(st.data_table(["Vaccine", "Given on", "Notes"],
                                 [[i.vaccine, format_date(i.given_on), i.notes] for i in items],
                                 st.widths(w, 0.4, 0.18, 0.42), s))
    else:
        out.append(statement(ctx, "No immunizations recorded."))

    out.append(Paragraph("Procedures", s.h2))
    if snap.procedures:
        procedures = sorted(snap.procedures, key=lambda p: sort_key(p.performed_on),
                            reverse=True)
        out.append(st.data_table(["Procedure", "Date", "Performed by", "Notes"],
                                 [[p.name, format_date(p.performed_on), p.performer, p.notes]
                                  for p in procedures], st.widths(w, 0.34, 0.14, 0.22, 0.3), s))
    else:
        out.append(statement(ctx, "No procedures recorded."))

    out.append(Paragraph("Recent results", s.h2))
    if snap.results:
        out += result_table(ctx)
    else:
        out.append(statement(ctx, "No test results recorded."))

    out.append(Paragraph("Care team", s.h2))
    primary = snap.primary_doctor()
    if snap.providers:
        out.append(st.data_table(
            ["Name", "Role", "Specialty and facility", "Phone", "Fax"],
            [[Paragraph(markup(p.name), s.cell_bold), word(p.role),
              joined([p.specialty, p.facility], ", "), p.phone, p.fax]
             for p in snap.providers],
            st.widths(w, 0.23, 0.13, 0.27, 0.185, 0.185), s))
    else:
        out.append(statement(ctx, "No care team members recorded."))
    out.append(Spacer(0, 10))
    if primary is not None:
        out.append(KeepTogether(boxed(ctx, [
            Paragraph("PLEASE SEND YOUR REPORT TO THE PRIMARY DOCTOR", s.label), Spacer(0, 3),
            Paragraph(f"<b>{markup(primary.name)}</b>", s.value),
            Paragraph(markup(joined([primary.specialty, primary.facility], ", ")), s.body),
            Paragraph(markup(joined([f"Phone {primary.phone}" if primary.phone else None,
                                     f"Fax {primary.fax}" if primary.fax else None,
                                     primary.email], "   ·   ")), s.body),
            Paragraph(markup(primary.address), s.body)])))
    else:
        out.append(statement(ctx, "No primary doctor is recorded: please give your report "
                                   "to the patient."))
    return out


def result_table(ctx: Context) -> list[Any]:
    """One row per test (organizer.packet.results): the latest value, its date, and the
    trend in words with the value before it."""
    s = ctx.styles
    trends = group_results(ctx.snap.results)
    shown = trends[:RESULT_ROWS]
    out: list[Any] = [Paragraph("One line per test: the latest result, and how it compares "
                                "with the one before.", s.small), st.data_table(
        ["Test", "Latest result", "Normal range", "Flag", "Date", "Trend"],
        [[Paragraph(markup(t.name), s.cell_bold),
          joined([t.latest.value, t.latest.unit], " "), t.latest.reference_range,
          Paragraph(markup(t.latest.flag), s.cell_bold) if t.latest.flag else "",
          format_date(t.latest.observed_on), t.trend_words()] for t in shown],
        st.widths(ctx.width, 0.2, 0.16, 0.15, 0.09, 0.14, 0.26), s)]
    if len(trends) > len(shown):
        out.append(Paragraph(f"The {len(shown)} most recently measured of {len(trends)} "
                             "tests.", s.small))
    return out


# -- questions -----------------------------------------------------------------------------

def answer_lines(ctx: Context, count: int) -> Table:
    """Ruled lines to write on."""
    table = Table([[""] for _ in range(count)], colWidths=[ctx.width - 22],
                  rowHeights=[22] * count, hAlign="RIGHT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5b1"))]))
    return table


def question_blocks(ctx: Context, lines: int = 3) -> list[Any]:
    s = ctx.styles
    out: list[Any] = []
    for number, question in enumerate(ctx.snap.packet_questions(), start=1):
        text = f"<b>{number}.</b>&nbsp;&nbsp;{markup(question.text)}"
        if question.priority == "high":
            text += " <font color='#8a2c0d'>(most important)</font>"
        block: list[Any] = [Paragraph(text, s.question)]
        if question.answer:
            who = ctx.provider_name(question.answered_by_id)
            block.append(Paragraph(
                f"<i>Answer noted{' from ' + markup(who) if who else ''}"
                f"{', ' + format_date(question.answered_on) if question.answered_on else ''}:"
                f"</i> {markup(question.answer)}",
                s.answer))
            block.append(answer_lines(ctx, 1))
        else:
            block.append(answer_lines(ctx, lines))
        block.append(Spacer(0, 10))
        out.append(KeepTogether(block))
    return out


def questions(ctx: Context) -> list[Any]:
    s = ctx.styles
    out = _heading(ctx, "questions", first=False)
    if not ctx.snap.packet_questions():
        return [*out, statement(ctx, "No questions written yet. Room for notes:"),
                answer_lines(ctx, 12)]
    out.append(Paragraph("In the order the patient would like to ask them, with room to "
                         "write the answers.", s.small))
    out.append(Spacer(0, 8))
    return out + question_blocks(ctx)


# -- index of enclosures -------------------------------------------------------------------

def index(ctx: Context) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    out = _heading(ctx, "index", first=False)
    enclosed = ctx.options.has("enclosures")
    if not ctx.records:
        out.append(statement(ctx, "No records are included in this packet."))
    else:
        rows: list[list[Any]] = []
        for record in ctx.records:
            enclosure = ctx.enclosure_for(record.id) if enclosed else None
            title: list[Any] = [Paragraph(markup(record.title), s.cell_bold)]
            disc = snap.discs.get(record.id)
            if disc:
                title += disc_lines(ctx, record, disc)
            elif record.description:
                title.append(Paragraph(markup(_clip(record.description, 220)), s.cell))
            if enclosure is not None:
                for part in enclosure.problems:
                    title.append(Paragraph(markup(
                        f"{part.attachment.filename} could not be included: {part.reason}."),
                        s.cell_notice))
                pages = ctx.pages_of(enclosure)
                number = str(enclosure.number)
            else:
                number = "–"
                pages = ("sent separately" if record.physical else
                         "no copy attached" if not record.attachments else "not enclosed")
            rows.append([Paragraph(number, s.cell_bold), title, format_date(record.dated_on),
                         word(record.kind), record.source, Paragraph(markup(pages), s.cell)])
        out.append(st.data_table(["No.", "Record", "Date", "Kind", "From", "Pages"], rows,
                                 st.widths(ctx.width, 0.06, 0.34, 0.14, 0.13, 0.18, 0.15), s))
    out.append(Paragraph("Sent separately", s.h2))
    physical = [r for r in ctx.records if r.physical] or [r for r in snap.records if r.physical]
    if not physical:
        out.append(statement(ctx, "No physical items (pathology slides or blocks, imaging "
                                   "discs) are recorded."))
        return out
    rows = []
    for record in physical:
        # (five columns, not seven: at 10 pt a word such as "Courier" must not break)
        item: list[Any] = [Paragraph(markup(record.title), s.cell_bold)]
        if record.location:
            item.append(Paragraph(markup(record.location), s.cell))
        sendings = snap.sendings_for(record.id)
        if not sendings:
            rows.append([item, "", "Not sent yet", "", ""])
        for sending in sendings:
            dates = joined([f"sent {format_date(sending.sent_on)}" if sending.sent_on else None,
                            f"received {format_date(sending.received_on)}"
                            if sending.received_on else None], ", ")
            method = word(sending.method).lower()
            how = joined([word(sending.status), method if sending.method == "in_person"
                          else f"by {method}" if method else None], ", ")
            rows.append([item, ctx.provider_name(sending.recipient_id), how, dates,
                         sending.tracking])
    out.append(st.data_table(["Item and where it is", "Sent to", "Status", "Dates",
                              "Tracking"], rows,
                             st.widths(ctx.width, 0.23, 0.16, 0.14, 0.2, 0.27), s))
    return out


def disc_lines(ctx: Context, record: Record, rows: tuple[dict[str, Any], ...]) -> list[Any]:
    """An imaging disc in the index: each study (date, modality, body part, description,
    series and images) and whether the disc itself goes separately."""
    from organizer.disc.studies import studies_of

    s = ctx.styles
    out: list[Any] = []
    for study in studies_of(list(rows)):
        what = joined([study["modality"], study["body_part"]], ", ")
        line = joined([format_date(study["study_date"]) or "Undated", what,
                       study["description"]], " · ")
        counts = (f"{study['series']} series, {study['images']} "
                  f"image{'s' if study['images'] != 1 else ''}")
        out.append(Paragraph(markup(f"{line} — {counts}"), s.cell))
    images = ctx.options.disc_images and ctx.enclosure_for(record.id) is not None
    if record.physical:
        said = "The disc itself goes separately (see “Sent separately”)."
    elif images:
        said = "The disc itself is not sent; only its key images are enclosed."
    else:
        said = "The disc itself is not sent."
    out.append(Paragraph(markup(said), s.cell))
    return out


def front_story(ctx: Context) -> list[Any]:
    """The whole front matter, in DESIGN's order, for the sections chosen."""
    ctx.place_enclosures()
    story: list[Any] = []
    builders = (("glance", glance.glance), ("cover", cover), ("contents", contents),
                ("case", case_section), ("timeline", timeline), ("summary", summary),
                ("questions", questions), ("index", index))
    for key, build in builders:
        if ctx.options.has(key):
            story += build(ctx)
    if story and isinstance(story[0], PageBreak):
        story = story[1:]
    return story
