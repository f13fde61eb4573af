"""The packet's first page, "At a glance": what a busy specialist needs before anything else.

The question asked, the diagnosis, what the patient takes (with doses) and is allergic to,
the opinions so far and what is asked of this doctor, on one page that stands on its own:
a doctor who reads only this page knows why the patient came and what not to prescribe.

It must stay one page whatever the data: when everything does not fit, the longest lists
are shortened, each saying how many more there are and on which page they are, rather than
spilling onto a second page or shrinking the type below a readable size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

from organizer.i18n import _, ngettext
from organizer.items.models import Medication, Opinion
from organizer.packet import styles as st
from organizer.packet.layout import Numbers, SectionStart
from organizer.packet.options import SECTIONS, PacketOptions
from organizer.packet.snapshot import PacketSnapshot
from organizer.packet.text import HEADING_LIMIT, format_date, joined, markup, word


class Context(Protocol):
    """What the page reads of organizer.packet.sections.Context (which imports this
    module, so it cannot be imported back)."""

    snap: PacketSnapshot
    options: PacketOptions
    styles: st.Styles
    geo: st.Geometry
    numbers: Numbers

    @property
    def width(self) -> float: ...

    def provider_name(self, provider_id: int | None) -> str: ...

# Room kept free at the foot of the page for what reportlab adds between flowables.
_SLACK = 12.0
# Table rows a little closer than in the summary: the page holds a lot.
_TIGHT = (("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5))


def cover_subject(snap: PacketSnapshot, keep_title: bool) -> str:
    """What the cover (and the PDF's title) says the packet is about.

    The case's title is the family's own name for it and may say more than they would
    put in front of a stranger, so by default the diagnosis stands in its place.
    """
    case = snap.case
    if case is None:
        return ""
    if keep_title:
        return case.title
    condition = snap.condition(case.condition_id)
    return (_("Second opinion on {diagnosis}").format(diagnosis=condition.name) if condition
            else _("Second opinion"))


def current_medications(snap: PacketSnapshot) -> list[Medication]:
    return [m for m in snap.medications if m.active and not m.stopped_on]


def age_on(birth: str | None, today: str) -> int | None:
    """Whole years between a full ISO birth date and `today`, or None."""
    if not birth or len(birth) < 10 or len(today) < 10:
        return None
    try:
        born, now = date.fromisoformat(birth[:10]), date.fromisoformat(today[:10])
    except ValueError:
        return None
    return now.year - born.year - ((now.month, now.day) < (born.month, born.day))


@dataclass
class _Limits:
    """How much of each list the page shows; lowered until the page fits."""

    medications: int = 30
    opinions: int = 6
    allergies: int = 12
    recommendation: int = 320
    diagnoses: int = 6


def glance(ctx: Context) -> list[Any]:
    """The "At a glance" page (always exactly one page)."""
    from reportlab.platypus import KeepInFrame

    limits = _Limits()
    room = ctx.geo.frame_height - _SLACK
    while True:
        story = _page(ctx, limits)
        if _height(story, ctx.width) <= room:
            return story
        if not _shorten(limits):
            # Only a question or diagnosis of many lines gets here: the page is cut at its
            # foot (each list already says where the rest is) rather than run on.
            return [story[0], KeepInFrame(ctx.width, room, story[1:], mode="truncate")]


# What the page gives up first when it does not fit: (limit, while above, by how much).
_SHORTENING = (("recommendation", 160, 80), ("opinions", 3, 1), ("medications", 10, 1),
               ("allergies", 6, 1), ("opinions", 1, 1), ("medications", 4, 1),
               ("diagnoses", 2, 1), ("allergies", 3, 1), ("recommendation", 80, 40))


def _shorten(limits: _Limits) -> bool:
    """Lower the limit that costs most room; False when nothing is left to lower."""
    for name, floor, step in _SHORTENING:
        value = getattr(limits, name)
        if value > floor:
            setattr(limits, name, value - step)
            return True
    return False


def _height(story: list[Any], width: float) -> float:
    total = 0.0
    for flowable in story:
        _width, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _more(count: int, what: str, page: int | None) -> str:
    """"… and 3 more medications (see the patient summary, page 6)"; `what` is
    "medication", "allergy" or "problem" (real plurals, one message each)."""
    if what == "medication":
        text = ngettext("… and {n} more medication", "… and {n} more medications", count)
    elif what == "allergy":
        text = ngettext("… and {n} more allergy", "… and {n} more allergies", count)
    else:
        text = ngettext("… and {n} more problem", "… and {n} more problems", count)
    where = (_(" (see the patient summary, page {page}).") if page
             else _(" (see the patient summary)."))
    return text.format(n=count) + where.format(page=page)


def _page(ctx: Context, limits: _Limits) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    person, case = snap.person, snap.case
    age = age_on(person.birth_date, snap.taken_on)
    born = format_date(person.birth_date)
    born_words = (_("born {date} (age {age})") if age is not None else _("born {date}"))
    who = joined([f"<b>{markup(person.full_name, HEADING_LIMIT)}</b>",
                  markup(born_words.format(date=born, age=age)) if born else None,
                  markup(word(person.sex))])
    visit = snap.next_visit()
    doctor = snap.provider(visit.provider_id) if visit else None
    prepared = joined([_("For {name}").format(name=doctor.name) if doctor else None,
                       _("visit on {date}").format(date=format_date(visit.scheduled_at))
                       if visit else None,
                       _("made on {date}").format(date=format_date(snap.taken_on))], " · ")
    decide = (_("Decision needed by {date}").format(date=format_date(case.decide_by))
              if case is not None and case.decide_by else "")
    out: list[Any] = [SectionStart("glance", _(SECTIONS["glance"])),
                      Paragraph(_("Second-opinion packet: at a glance"), s.h1),
                      Paragraph(who, s.value), Paragraph(markup(prepared), s.small)]
    if decide:
        out.append(Paragraph(f"<b>{markup(decide)}</b>", s.body))
    out.append(HRFlowable(width="100%", thickness=0.8, color=st.ACCENT, spaceBefore=4,
                          spaceAfter=8))
    asked: list[Any] = []
    if case is not None and case.question:
        asked += [Paragraph(_("THE QUESTION"), s.label), Spacer(0, 2),
                  Paragraph(markup(case.question, (600, 8)), s.question_box), Spacer(0, 6)]
    asked += [Paragraph(_("WHAT WE ASK OF YOU"), s.label), Spacer(0, 2)]
    asked += [Paragraph(f"•&nbsp;&nbsp;{line}", s.bullet) for line in _asks(ctx, limits)]
    out += [_boxed(ctx.width, asked)]
    # Allergies before the medications: what not to prescribe is read first.
    out += _diagnosis(ctx, limits)
    out += _allergies(ctx, limits)
    out += _medications(ctx, limits)
    if case is not None:
        out += _opinions(ctx, limits)
    return out


def _boxed(width: float, content: list[Any]) -> Table:
    """The shaded box of the cover's question, so the two pages look like one packet."""
    table = Table([[content]], colWidths=[width], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), st.SHADE), ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return table


def _asks(ctx: Context, limits: _Limits) -> list[str]:
    """What this doctor is asked for, each a short sentence (already marked up)."""
    snap = ctx.snap
    case = snap.case
    visit = snap.next_visit()
    lines: list[str] = []
    if case is not None:
        purpose = f" ({markup(visit.purpose)})" if visit and visit.purpose else ""
        lines.append((_("Your opinion on the question above") if case.question else
                      _("Your opinion on the diagnosis below")) + f"{purpose}.")
        first = _first_opinion(snap.opinions)
        if first is not None and first.recommendation:
            doctor = ctx.provider_name(first.provider_id) or _("the first doctor")
            given = f" ({format_date(first.given_on)})" if first.given_on else ""
            lines.append(_("Whether you agree with {doctor}'s recommendation{given}: "
                           "{recommendation}").format(
                doctor=markup(doctor), given=given,
                recommendation=markup(_cut(first.recommendation, limits.recommendation))))
    else:
        lines.append(_("Your opinion on the problems and records in this packet."))
    questions = snap.packet_questions()
    if questions and ctx.options.has("questions"):
        page = ctx.numbers.section_pages.get("questions")
        count = len(questions)
        asks = (ngettext("Answers to the patient's {n} question on page {page}.",
                         "Answers to the patient's {n} questions on page {page}.", count)
                if page else
                ngettext("Answers to the patient's {n} question.",
                         "Answers to the patient's {n} questions.", count))
        lines.append(asks.format(n=count, page=page))
    primary = snap.primary_doctor()
    if primary is not None:
        contact = joined([_("fax {number}").format(number=primary.fax) if primary.fax
                          else None,
                          _("phone {number}").format(number=primary.phone) if primary.phone
                          else None], ", ")
        report = (_("Your report sent to the primary doctor, {name} ({contact}).") if contact
                  else _("Your report sent to the primary doctor, {name}."))
        lines.append(report.format(name=markup(primary.name), contact=markup(contact)))
    return lines


def _first_opinion(opinions: tuple[Opinion, ...]) -> Opinion | None:
    """The opinion being checked: the one marked as the first, else the earliest."""
    marked = [o for o in opinions if o.agrees == "n_a"] or list(opinions)
    return marked[0] if marked else None


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    return text[: space if space > limit // 2 else limit].rstrip(" ,;:") + "…"


def _diagnosis(ctx: Context, limits: _Limits) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    out: list[Any] = [Paragraph(_("Diagnosis"), s.glance_head)]
    case = snap.case
    conditions = [snap.condition(case.condition_id)] if case is not None else [
        c for c in snap.conditions if c.status not in ("resolved", "ruled_out")]
    shown = [c for c in conditions if c is not None]
    if not shown:
        return [*out, Paragraph(_("No diagnosis is recorded."), s.statement)]
    for condition in shown[:limits.diagnoses]:
        by = ctx.provider_name(condition.diagnosed_by_id)
        details = joined([condition.severity, word(condition.status),
                          _("diagnosed {date}").format(date=format_date(condition.diagnosed_on))
                          if condition.diagnosed_on else None,
                          _("by {name}").format(name=by) if by else None])
        out.append(Paragraph(f"<b>{markup(condition.name, HEADING_LIMIT)}</b>"
                             + (f" — {markup(details)}" if details else ""), s.body))
    if len(shown) > limits.diagnoses:
        out.append(Paragraph(markup(_more(len(shown) - limits.diagnoses, "problem",
                                          ctx.numbers.section_pages.get("summary"))), s.small))
    return out


def _medications(ctx: Context, limits: _Limits) -> list[Any]:
    s = ctx.styles
    current = current_medications(ctx.snap)
    out: list[Any] = [Paragraph(_("Current medications ({n})").format(n=len(current))
                                if current else _("Current medications"), s.glance_head)]
    if not current:
        return [*out, Paragraph(_("No current medications recorded."), s.statement)]
    shown = current[:limits.medications]
    out.append(st.data_table(
        [_("Medication"), _("Dose"), _("How and when")],
        [[Paragraph(markup(m.name), s.cell_bold), joined([m.dose, m.form], ", "),
          joined([m.route, m.frequency], ", ")] for m in shown],
        st.widths(ctx.width, 0.3, 0.32, 0.38), s, _TIGHT))
    if len(current) > len(shown):
        out.append(Paragraph(markup(_more(len(current) - len(shown), "medication",
                                          ctx.numbers.section_pages.get("summary"))), s.small))
    return out


def _allergies(ctx: Context, limits: _Limits) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    out: list[Any] = [Paragraph(_("Allergies"), s.glance_head)]
    if not snap.allergies:
        if snap.person.no_known_allergies:
            none = markup(_("No known allergies"))
            return [*out, Paragraph(f"<b>{none}</b>", s.body)]
        return [*out, Paragraph(_("No allergies recorded (the patient has not said whether "
                                  "there are any)."), s.statement)]
    shown = snap.allergies[:limits.allergies]
    out.append(st.data_table(
        [_("Allergic to"), _("Reaction"), _("Severity")],
        [[Paragraph(markup(a.substance), s.cell_bold), a.reaction, a.severity]
         for a in shown], st.widths(ctx.width, 0.3, 0.46, 0.24), s, _TIGHT))
    if len(snap.allergies) > len(shown):
        out.append(Paragraph(markup(_more(len(snap.allergies) - len(shown), "allergy",
                                          ctx.numbers.section_pages.get("summary"))), s.small))
    return out


def _opinions(ctx: Context, limits: _Limits) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    out: list[Any] = [Paragraph(_("Opinions so far"), s.glance_head)]
    if not snap.opinions:
        return [*out, Paragraph(_("No opinion has been recorded yet: yours is the first."),
                                s.statement)]
    shown = snap.opinions[:limits.opinions]
    for opinion in shown:
        doctor = ctx.provider_name(opinion.provider_id) or _("Doctor not recorded")
        head = joined([doctor, format_date(opinion.given_on), word(opinion.agrees)])
        said = opinion.recommendation or opinion.diagnosis or opinion.summary
        out.append(Paragraph(f"<b>{markup(head, HEADING_LIMIT)}</b>"
                             + (f": {markup(_cut(said, limits.recommendation))}"
                                if said else ""), s.body))
    if len(snap.opinions) > len(shown):
        out.append(Paragraph(markup(_("… and {n} more (see “The case”).").format(
            n=len(snap.opinions) - len(shown))), s.small))
    return out
