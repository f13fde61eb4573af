"""`organizer packet --person P [--case C] -o OUT.pdf [--password PW] [--page-size letter|a4]`
`[--include-costs] [--title-on-cover]`

Makes the PDF packet for the second doctor, or, with `--printout`, one of the shorter
printouts (medication list, question sheet, visit summary, records request letter).
A file that cannot be included does not stop the packet: it is named on stderr, one line
each, and the exit status is still 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from organizer.commands.common import add_person_option, one_line, open_store
from organizer.errors import NotFoundError, ValidationError

PRINTOUTS = ("medications", "questions", "visit-summary", "request-letter")


def configure(parser: argparse.ArgumentParser) -> None:
    add_person_option(parser)
    parser.add_argument("--case", "-c", metavar="C",
                        help="the second opinion: its number or its exact title")
    parser.add_argument("--output", "-o", required=True, metavar="OUT.pdf",
                        help="where to save the PDF (- for standard output)")
    parser.add_argument("--password", metavar="PW",
                        help="lock the PDF with this password (AES-256)")
    parser.add_argument("--page-size", choices=("letter", "a4"),
                        help="paper size (default: from your locale)")
    parser.add_argument("--sections", metavar="LIST",
                        help="parts to include, comma-separated (default: all): glance, "
                             "cover, contents, case, timeline, summary, questions, index, "
                             "enclosures")
    parser.add_argument("--records", metavar="IDS",
                        help="record numbers to include, comma-separated (default: every "
                             "record of the person but the JSON/XML files kept by imports)")
    parser.add_argument("--prepared-by", metavar="NAME",
                        help="your name, when you prepare the packet for someone else")
    parser.add_argument("--include-costs", action="store_true",
                        help="also include the records about cost and insurance and what "
                             "each option costs (left out by default: your business)")
    parser.add_argument("--title-on-cover", action="store_true",
                        help="print the second opinion's own title on the cover (by default "
                             "the diagnosis stands there)")
    parser.add_argument("--printout", choices=PRINTOUTS,
                        help="make a shorter printout instead of the packet")
    parser.add_argument("--visit", metavar="V", help="the visit, for --printout visit-summary")
    parser.add_argument("--request", metavar="R",
                        help="the records request, for --printout request-letter")


def _ids(text: str | None, what: str) -> tuple[int, ...] | None:
    if text is None:
        return None
    from organizer.items.validation import parse_id

    numbers = [parse_id(w) for w in text.split(",") if w.strip()]
    if None in numbers:
        raise ValidationError(f"{what}: give numbers separated by commas, for example 3,5,8.")
    return tuple(n for n in numbers if n is not None)


def find_case(store: object, person_id: int, ref: str) -> int:
    """A case of this person by number or exact title (any case)."""
    from organizer.items.models import Case
    from organizer.storage.store import Store

    assert isinstance(store, Store)
    cases = [c for c in store.list_items("case", person_id) if isinstance(c, Case)]
    from organizer.items.validation import parse_id

    text = ref.strip()
    for case in cases:
        if case.id == parse_id(text):
            return case.id
    matches = [c for c in cases if c.title.lower() == text.lower()]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        listed = "; ".join(f"{c.id}: {c.title}" for c in cases) or "none yet"
        raise NotFoundError(f"No second opinion “{text}” was found for this person "
                            f"(theirs: {listed}).")
    raise ValidationError(f"More than one second opinion is called “{text}”. Use its number.")


def run(args: argparse.Namespace) -> int:
    from organizer.packet.options import PacketOptions

    sections = None
    if args.sections is not None:
        sections = tuple(w.strip() for w in args.sections.split(",") if w.strip())
    fields: dict[str, object] = {"record_ids": _ids(args.records, "--records"),
                                 "password": args.password or None,
                                 "prepared_by": args.prepared_by,
                                 "include_costs": args.include_costs,
                                 "title_on_cover": args.title_on_cover}
    if sections is not None:
        fields["sections"] = sections
    if args.page_size:
        fields["page_size"] = args.page_size
    options = PacketOptions(**fields)  # type: ignore[arg-type]
    output = Path(args.output)
    # With `-o -` the PDF is on standard output: what is said goes beside it, on stderr.
    said = sys.stderr if args.output == "-" else sys.stdout
    where = " to standard output" if args.output == "-" else f": {output}"
    with open_store(args) as store:
        person = store.find_person(args.person)
        case_id = find_case(store, person.id, args.case) if args.case else None
        if args.printout:
            from organizer.packet.printouts import make_printout

            made = make_printout(store, person.id, args.printout, output, options,
                                 case_id=case_id, visit=args.visit, request=args.request)
            print(f"Saved the {made.what} for {person.full_name}{where} "
                  f"({made.pages} page{'s' if made.pages != 1 else ''}).", file=said)
            return 0
        from organizer.packet.build import build_packet

        result = build_packet(store, person.id, output, options, case_id=case_id)
    for problem in result.problems:
        print(f"organizer: note: {one_line(problem.message())}", file=sys.stderr)
    print(f"Saved the packet for {person.full_name}{where} ({result.pages} pages, "
          f"{result.enclosures} enclosure{'s' if result.enclosures != 1 else ''}).", file=said)
    return 0
