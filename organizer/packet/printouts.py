"""The shorter printouts: the medication list, the question sheet, the visit summary for the
primary doctor, and the records request letter.

Each is a small document in the packet's typography (same font, same header and footer),
laid out by the same page-numbering passes, and saved the same safe way. Each is written in
its own language (`PacketOptions.language`: the person who prints it and the doctor who
reads it may not share one); what the user typed is printed as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer

from organizer.errors import NotFoundError, ValidationError
from organizer.i18n import N_, _, language
from organizer.items.models import Request, Visit
from organizer.packet import sections
from organizer.packet import styles as st
from organizer.packet.enclosures import StampText
from organizer.packet.fonts import BOLD
from organizer.packet.layout import Numbers, SectionStart, render_front
from organizer.packet.merge import PacketWriter
from organizer.packet.options import PacketOptions
from organizer.packet.snapshot import PacketSnapshot, take_snapshot
from organizer.packet.text import HEADING_LIMIT, clip, format_date, joined, markup, word

if TYPE_CHECKING:
    from organizer.storage.store import Store

TITLES = {
    "medications": N_("Medication list"),
    "questions": N_("Questions for the doctor"),
    "visit-summary": N_("Visit summary"),
    "request-letter": N_("Records request letter"),
}


@dataclass(frozen=True)
class PrintoutResult:
    what: str   # "medication list", in words for a sentence (in the printout's language)
    path: Path
    pages: int


def make_printout(store: Store, person_id: int, kind: str, output: Path | str,
                  options: PacketOptions | None = None, *, case_id: int | None = None,
                  visit: str | int | None = None,
                  request: str | int | None = None) -> PrintoutResult:
    """Make one printout for one person (and case) into `output`, in the options' language
    (else the current one)."""
    options = options or PacketOptions()
    with language(options.language):
        return _make_printout(store, person_id, kind, output, options, case_id=case_id,
                              visit=visit, request=request)


def _make_printout(store: Store, person_id: int, kind: str, output: Path | str,
                   options: PacketOptions, *, case_id: int | None,
                   visit: str | int | None, request: str | int | None) -> PrintoutResult:
    from organizer.packet.build import _write, patient_line
    from organizer.storage.paths import output_target

    if kind not in TITLES:
        raise ValidationError(_("“{kind}” is not a printout. Choose one of: {kinds}.").format(
            kind=kind, kinds=", ".join(TITLES)))
    output = Path(output)
    output_target(output, store.root)  # a bad target is said before the work
    snap = take_snapshot(store, person_id, case_id, today=options.made_on)
    geo = st.geometry(options.page_size)
    ctx = sections.Context(snap, options, st.Styles(), geo, [], [], Numbers())
    title = _(TITLES[kind])
    chosen_visit = _visit(snap, visit) if kind == "visit-summary" else None
    chosen_request = _request(snap, request) if kind == "request-letter" else None

    def story(_numbers: Numbers) -> list[Any]:
        # Made afresh for each layout pass: reportlab changes a flowable it splits across
        # pages, and a second pass over the same objects fails on a long value.
        if chosen_visit is not None:
            return visit_summary(ctx, chosen_visit)
        if chosen_request is not None:
            return request_letter(ctx, chosen_request)
        return medication_list(ctx) if kind == "medications" else question_sheet(ctx)
    patient = patient_line(snap)
    made = format_date(snap.taken_on)

    def stamp(page: int, total: int, section: str) -> StampText:
        return StampText(title, "", patient,
                         _("Made {date} · confidential health information").format(date=made),
                         _("Page {page} of {total}").format(page=page, total=total))

    data, numbers = render_front(story, geo, stamp, 0,
                                 clip(f"{title}: {snap.person.full_name}", HEADING_LIMIT))
    writer = PacketWriter(geo.width, geo.height)
    try:
        writer.add_document(data)
        _write(writer, output, store.root, options.password,
               clip(f"{title}: {snap.person.full_name}", HEADING_LIMIT))
    finally:
        writer.close()
    return PrintoutResult(title.lower(), output, numbers.front_pages)


def _pick(items: list[Any], ref: str | int | None, label: str, hint: str) -> Any:
    if ref is not None:
        from organizer.items.validation import parse_id

        text = str(ref).strip()
        for item in items:
            if item.id == parse_id(text):
                return item
        raise NotFoundError(_("There is no {kind} number {number} for this person.").format(
            kind=label, number=text))
    if not items:
        raise NotFoundError(_("This person has no {kind} yet. {hint}").format(kind=label,
                                                                              hint=hint))
    return items[-1]


def _visit(snap: PacketSnapshot, ref: str | int | None) -> Visit:
    """The visit asked for, else the case's (or person's) latest visit that took place."""
    visits = [v for v in snap.visits if snap.case is None or v.case_id == snap.case.id]
    if ref is None:
        done = [v for v in visits if v.status == "done"]
        visits = done or visits
    found = _pick(visits, ref, _("visit"), _("Add the visit first, then make its summary."))
    assert isinstance(found, Visit)
    return found


def _request(snap: PacketSnapshot, ref: str | int | None) -> Request:
    requests = sorted(snap.requests, key=lambda r: (r.asked_on, r.id))
    found = _pick(requests, ref, _("records request"),
                  _("Add the request (who, which records) first, then print its letter."))
    assert isinstance(found, Request)
    return found


def _title(ctx: sections.Context, key: str, subtitle: str | None = None) -> list[Any]:
    s = ctx.styles
    title = _(TITLES[key])
    out: list[Any] = [SectionStart(key, title), Paragraph(markup(title), s.h1)]
    person = ctx.snap.person
    line = joined([person.full_name,
                   _("born {date}").format(date=format_date(person.birth_date))
                   if person.birth_date else None, subtitle])
    out += [Paragraph(markup(line), s.subtitle.clone("sub", spaceAfter=4, fontSize=11,
                                                     leading=15)),
            HRFlowable(width="100%", thickness=0.8, color=st.ACCENT, spaceBefore=2,
                       spaceAfter=10)]
    return out


def medication_list(ctx: sections.Context) -> list[Any]:
    s = ctx.styles
    out = _title(ctx, "medications",
                 _("as of {date}").format(date=format_date(ctx.snap.taken_on)))
    out += [Paragraph(_("Taken now"), s.h2), *sections.medication_tables(ctx),
            Paragraph(_("Allergies and intolerances"), s.h2), *sections.allergy_table(ctx),
            Spacer(0, 12), Paragraph(_("Changes the doctor makes today:"), s.h3),
            sections.answer_lines(ctx, 4)]
    return out


def question_sheet(ctx: sections.Context) -> list[Any]:
    s = ctx.styles
    case = ctx.snap.case
    out = _title(ctx, "questions", case.title if case else None)
    if case and case.question:
        out += [sections.boxed(ctx, [Paragraph(_("THE QUESTION AT STAKE"), s.label),
                                     Paragraph(markup(case.question), s.value)]),
                Spacer(0, 12)]
    if not ctx.snap.packet_questions():
        return [*out, sections.statement(ctx, _("No questions written yet. Room for notes:")),
                sections.answer_lines(ctx, 14)]
    return out + sections.question_blocks(ctx, lines=4)


def visit_summary(ctx: sections.Context, visit: Visit) -> list[Any]:
    s, snap = ctx.styles, ctx.snap
    doctor = snap.provider(visit.provider_id)
    out = _title(ctx, "visit-summary", format_date(visit.scheduled_at))
    primary = snap.primary_doctor()
    out.append(sections.label_rows(ctx, [
        (_("For"), sections.doctor_line(primary) if primary else _("The primary doctor")),
        (_("Visit with"), sections.doctor_line(doctor)),
        (_("When"), format_date(visit.scheduled_at)), (_("Where"), visit.location),
        (_("Purpose"), visit.purpose), (_("Status"), word(visit.status)),
        (_("Report"), joined([
            _("asked for {date}").format(date=format_date(visit.report_requested_on))
            if visit.report_requested_on else None,
            _("received {date}").format(date=format_date(visit.report_received_on))
            if visit.report_received_on else None], ", "))]))
    case = snap.case or next((c for c in snap.cases if c.id == visit.case_id), None)
    if case is not None:
        out += [Paragraph(_("The question"), s.h2), sections.label_rows(ctx, [
            (_("Second opinion"), case.title), (_("The question"), case.question),
            (_("Decision needed by"), format_date(case.decide_by))])]
        opinions = [o for o in snap.opinions if o.case_id == case.id]
        out.append(Paragraph(_("Opinions"), s.h2))
        if not opinions:
            out.append(sections.statement(ctx, _("No opinion has been recorded yet.")))
        for opinion in opinions:
            out.append(KeepTogether([
                Paragraph(markup(sections.doctor_line(snap.provider(opinion.provider_id))
                                 or _("Doctor not recorded")), s.h3),
                sections.label_rows(ctx, [
                    (_("Given on"), format_date(opinion.given_on)),
                    (_("Diagnosis as stated"), opinion.diagnosis),
                    (_("Recommendation"), opinion.recommendation),
                    (_("Compared with the first opinion"), word(opinion.agrees)),
                    (_("Summary"), opinion.summary)])]))
    asked = snap.questions_for(visit)
    out.append(Paragraph(_("Questions and answers"), s.h2))
    if not asked:
        out.append(sections.statement(ctx, _("No questions were recorded for this visit.")))
    for number, question in enumerate(asked, start=1):
        answer = question.answer or (_("Asked; no answer noted.") if question.asked
                                     else _("Not asked."))
        out.append(KeepTogether([
            Paragraph(f"<b>{number}.</b>&nbsp;&nbsp;{markup(question.text)}", s.question),
            Paragraph(markup(answer), s.answer)]))
    if visit.notes or visit.follow_up:
        out += [Paragraph(_("Notes from the visit"), s.h2),
                sections.label_rows(ctx, [(_("Notes"), visit.notes),
                                          (_("Follow-up"), visit.follow_up)])]
    out.append(Paragraph(_("Decision"), s.h2))
    if case is not None and case.decision:
        out.append(sections.label_rows(ctx, [(_("Decision"), case.decision),
                                             (_("Why"), case.rationale),
                                             (_("Decided on"), format_date(case.decided_on))]))
    else:
        out.append(sections.statement(ctx, _("No decision yet.")))
    return out


def request_letter(ctx: sections.Context, request: Request) -> list[Any]:
    """One page: dated, addressed, naming the records, citing the patient's right of access
    (HIPAA's, 45 CFR 164.524: copies within 30 days, in electronic form when asked)."""
    s, snap = ctx.styles, ctx.snap
    person = snap.person
    provider = snap.provider(request.provider_id)
    letter = s.body.clone("letter", fontSize=10.5, leading=15, spaceAfter=8)
    sender = [person.full_name, person.address, person.phone, person.email]
    out: list[Any] = [SectionStart("request-letter", _(TITLES["request-letter"]))]
    out += [Paragraph(markup("\n".join(p for p in sender if p)), letter), Spacer(0, 6),
            Paragraph(markup(format_date(request.asked_on, "long")), letter), Spacer(0, 6)]
    if provider is not None:
        to = [provider.name, provider.facility, provider.address,
              _("Fax {number}").format(number=provider.fax) if provider.fax else None]
        out.append(Paragraph(markup("\n".join(p for p in to if p)), letter))
    born = format_date(person.birth_date, "long")
    patient = (_("Patient: {name}, born {date}") if born else _("Patient: {name}")).format(
        name=markup(person.full_name), date=born)
    dear = (_("Dear {name},").format(name=markup(provider.name)) if provider
            else _("Dear records office,"))
    heading = _("Request for copies of my medical records")
    out += [Spacer(0, 8), Paragraph(f"<b>{heading}</b><br/>{patient}", letter),
        Paragraph(dear, letter),
        Paragraph(_("I am asking for copies of the following records of my care, under my "
                    "right of access to my own health information:"), letter),
        Paragraph(markup(request.records), letter.clone("records", leftIndent=18,
                                                        fontName=BOLD)),
    ]
    how = {"fax": _("by fax"), "portal": _("through the patient portal"),
           "mail": _("by mail"), "courier": _("by courier"),
           "in_person": _("for me to collect in person"),
           "email": _("by email")}.get(request.method or "", "")
    send = (_("Please send them {how} to me at the address above or to {email}, in "
              "electronic form if you can.") if person.email else
            _("Please send them {how} to me at the address above, in electronic form if "
              "you can."))
    out += [Paragraph(markup(
        " ".join(send.format(how=how, email=person.email).split()) + " "  # no method: no gap
        + _("I understand that you should answer this request within 30 days. If any part "
            "of it cannot be met, please tell me in writing which part and why.")), letter),
        Paragraph(markup(_("If you have questions, you can reach me at {contact}. Thank you "
                           "for your help.").format(
            contact=person.phone or person.email or _("the address above"))), letter),
        Spacer(0, 8), Paragraph(_("Sincerely,"), letter), Spacer(0, 30),
        HRFlowable(width=200, thickness=0.6, color=st.MUTED, hAlign="LEFT", spaceAfter=3),
        Paragraph(markup(person.full_name), letter)]
    if person.relationship and person.relationship.lower() not in (
            "self", "me", "myself", "yo", "yo mismo", "yo misma"):
        out.append(Paragraph(markup(_("Signed by the patient, or by their authorised "
                                      "representative (name and relationship):")), s.small))
        out.append(sections.answer_lines(ctx, 1))
    return out
