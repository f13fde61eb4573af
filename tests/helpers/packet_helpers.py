"""A household made through the Store API for the packet tests: a Greek-named patient,
Polish- and Russian-named doctors, a case with opinions, options and quotes, and records
whose files are real PDFs, a picture, a damaged PDF, a locked PDF and a text file."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from organizer.storage.store import Store

PATIENT = "Ζωή Παπαδοπούλου"
SURGEON = "Dr Дмитрий Иванов"
PRIMARY = "Dr Łukasz Nowak"
SECOND = "Dr Maria Chen"
QUESTIONS = (
    "Is a mastectomy needed now, or is a lumpectomy with radiation as safe for me?",
    "What happens if I wait three months before deciding?",
    "How long will I be unable to lift my grandchildren after each option?",
)


def flat(text: str) -> str:
    """Text read out of a PDF with its line breaks and runs of spaces made single spaces,
    so a sentence wrapped across lines is found whole."""
    return " ".join(text.split())


def make_pdf(path: Path, title: str, pages: int, size: tuple[float, float] = (612, 792),
             rotate: int = 0, invariant: bool = False) -> Path:
    """A real PDF whose every page says its title and page number (`invariant`: the same
    bytes every time, no date or random id in it)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=size, invariant=int(invariant))
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(72, size[1] - 72, f"{title} page {number}")
        canvas.setFont("Helvetica", 10)
        for line in range(30):
            canvas.drawString(72, size[1] - 110 - line * 14,
                              f"Line {line + 1} of the report body text for {title}.")
        if rotate:
            canvas.setPageRotation(rotate)
        canvas.showPage()
    canvas.save()
    return path


def make_png(path: Path, width: int = 600, height: int = 800) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, width - 40, height - 40), outline="navy", width=6)
    draw.text((70, 70), "Discharge letter photo", fill="black")
    image.save(path)
    return path


def make_locked_pdf(path: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(path.with_suffix(".plain.pdf"), "Locked lab results", 2)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, algorithm="AES-256")
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def make_damaged_pdf(path: Path) -> Path:
    good = io.BytesIO()
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(good)
    canvas.drawString(72, 720, "This will be cut short")
    canvas.showPage()
    canvas.save()
    path.write_bytes(good.getvalue()[:300])  # a truncated download
    return path


def _uncompressed_pdf(text: str) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0, invariant=1)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def damaged_pdfs(folder: Path) -> dict[str, Path]:
    """Real kinds of damage, each made from a sound three-page letter (or, for a stream's
    length, a one-page one): the file's name says what was done to it. Every one still
    holds its pages; which reader can repair which is what the tests measure. The bytes
    are the same every run, so each damage is too."""
    import re

    good = make_pdf(folder / "sound.pdf", "Discharge letter", 3, invariant=True).read_bytes()
    table = good.rindex(b"\nxref\n") + 1
    trailer = good.index(b"trailer", table)
    last_object = good.rindex(b"endobj") + len(b"endobj\n")
    plain = _uncompressed_pdf("Discharge letter page 1 (one stream)")
    length = list(re.finditer(rb"/Length (\d+)", plain))[-1]
    damage = {
        # the cross-reference table overwritten (a bad copy, a disk error)
        "broken_xref.pdf": good[:table] + b"xref\n0 9\nthis is not a table\n" + good[trailer:],
        # the download stopped after the last object: no table, no trailer
        "no_trailer.pdf": good[:last_object],
        # cut in the middle of the trailer dictionary, and in the middle of the table
        "cut_trailer.pdf": good[:trailer + 20],
        "cut_in_table.pdf": good[:table + 60],
        # a content stream that never says "endstream"
        "no_endstream.pdf": plain.replace(b"endstream", b"", 1),
        # a stream whose /Length is far too long, and one far too short
        "long_length.pdf": plain[:length.start(1)] + b"99999" + plain[length.end(1):],
        "short_length.pdf": plain[:length.start(1)] + b"7" + plain[length.end(1):],
        # every offset in the table set to zero (qpdf refuses it; pypdf repairs it)
        "zero_offsets.pdf": good[:table] + re.sub(rb"\d{10} 00000 n", b"0000000000 00000 n",
                                                  good[table:trailer]) + good[trailer:],
    }
    out = {}
    for name, data in damage.items():
        out[name] = folder / name
        out[name].write_bytes(data)
    return out


@dataclass
class Household:
    person_id: int
    case_id: int
    ids: dict[str, int] = field(default_factory=dict)
    record_titles: list[str] = field(default_factory=list)


def build_household(store: Store, folder: Path, *, no_known_allergies: bool = False,
                    with_allergy: bool = True) -> Household:
    folder.mkdir(parents=True, exist_ok=True)
    pid = store.add("person", {
        "full_name": PATIENT, "birth_date": "1950-03-02", "sex": "female",
        "relationship": "mother", "phone": "+30 210 555 0101",
        "address": "12 Odos Athinas\nAthens 105 51", "insurance_plan": "Blue Shield PPO",
        "insurance_member_id": "XZ-448812", "no_known_allergies": no_known_allergies}).id
    ids: dict[str, int] = {}

    def add(type_name: str, /, **values: object) -> int:
        return store.add(type_name, values, person_id=pid, checklist=type_name == "case").id

    ids["surgeon"] = add("provider", name=SURGEON, role="surgeon", specialty="Breast surgery",
                         facility="St Luke's Hospital", phone="555-0100", fax="555-0101")
    ids["primary"] = add("provider", name=PRIMARY, role="primary_care",
                         specialty="Family medicine", facility="Riverside Clinic",
                         phone="555-0200", fax="555-0201", address="4 River Road, Springfield")
    ids["second"] = add("provider", name=SECOND, role="second_opinion",
                        specialty="Surgical oncology", facility="University Cancer Center",
                        phone="555-0300")
    store.update("person", pid, {"primary_provider_id": ids["primary"]})
    ids["condition"] = add("condition", name="Ductal carcinoma in situ, left breast",
                           code="D05.12", code_system="ICD-10", status="confirmed",
                           diagnosed_on="2026-01-20", diagnosed_by_id=ids["surgeon"],
                           severity="Stage 0, grade 2")
    add("condition", name="Type 2 diabetes", status="confirmed", diagnosed_on="2015")
    add("condition", name="Broken wrist", status="resolved", diagnosed_on="2019-06")
    case_id = add("case", title="Left breast DCIS: is surgery needed now?",
                  condition_id=ids["condition"],
                  question="Is a mastectomy needed now, or is a lumpectomy with radiation "
                           "just as safe?", decide_by="2026-04-15", status="scheduled")
    ids["opinion"] = add("opinion", case_id=case_id, provider_id=ids["surgeon"],
                         given_on="2026-02-03", diagnosis="DCIS, 4 cm, left breast",
                         recommendation="Mastectomy within 6 weeks", agrees="n_a",
                         summary="Because of the size of the area, breast-conserving surgery "
                                 "may leave involved margins.")
    t1 = add("treatment", case_id=case_id, name="Mastectomy", proposed_by_id=ids["surgeon"],
             duration="One operation, 2 nights in hospital", recovery_time="4 to 6 weeks",
             cost="About USD 18,000", risks="Infection, pain, lymphoedema",
             benefits="Lowest chance of the disease coming back in that breast",
             daily_life="No driving for 2 weeks; no lifting for 6 weeks")
    add("treatment", case_id=case_id, name="Lumpectomy with radiation",
        duration="Operation, then 3 to 5 weeks of radiation", recovery_time="2 weeks, then "
        "tiredness during radiation", cost="About USD 25,000", risks="Re-excision if "
        "margins are involved; skin changes", daily_life="Daily hospital visits during "
        "radiation")
    add("treatment", case_id=case_id, name="Active monitoring", duration="Ongoing",
        recovery_time="None", cost="Imaging every 6 months", risks="The disease may progress",
        daily_life="No change, but regular worry and visits")
    for facility, amount in (("St Luke's Hospital", 18000), ("University Cancer Center",
                                                                 21500),
                             ("Mercy Regional", 16250)):
        add("quote", treatment_id=t1, facility=facility, amount=amount, currency="USD",
            covered_amount=amount * 0.8, obtained_on="2026-02-10")
    add("medication", name="Metformin", dose="500 mg", form="tablet", route="by mouth",
        frequency="twice a day", instructions="with meals", prescriber_id=ids["primary"],
        started_on="2015-05")
    add("medication", name="Lisinopril", dose="10 mg", form="tablet", frequency="once a day")
    add("medication", name="Ibuprofen", dose="400 mg", active=False, stopped_on="2026-01-25",
        notes="Stopped before the biopsy")
    if with_allergy:
        add("allergy", substance="Penicillin", reaction="Hives", severity="moderate",
            noted_on="1998")
    add("immunization", vaccine="Influenza", given_on="2025-10-01")
    add("procedure", name="Core needle biopsy, left breast", performed_on="2026-01-15",
        performer="Dr A. Radiologist")
    add("result", name="HbA1c", value="6.9", unit="%", reference_range="4.0–5.6",
        flag="high", observed_on="2026-01-10")
    add("result", name="Estrogen receptor", value="positive (95%)", observed_on="2026-01-18")
    ids["visit"] = add("visit", scheduled_at="2026-03-20 10:30", provider_id=ids["second"],
                       case_id=case_id, location="University Cancer Center, 3rd floor",
                       purpose="Second opinion")
    for position, text in enumerate(QUESTIONS):
        add("question", text=text, case_id=case_id, position=position,
            priority="high" if position == 0 else "normal")

    ids["request"] = add("request", provider_id=ids["surgeon"],
                         records="The pathology report and the slides of the core biopsy of "
                                 "15 January 2026, and the mammogram images on a disc",
                         asked_on="2026-02-01", method="fax")
    titles: list[str] = []

    def record(title: str, path: Path | None, **values: object) -> int:
        record_id = add("record", title=title, **values)
        if path is not None:
            store.attach_file(record_id, path)
        titles.append(title)
        return record_id

    ids["mammogram"] = record("Diagnostic mammogram report",
                              make_pdf(folder / "mammo.pdf", "Mammogram", 2),
                              kind="imaging", dated_on="2026-01-05", source="City Imaging",
                              case_id=case_id)
    ids["pathology"] = record("Core biopsy pathology report",
                              make_pdf(folder / "path.pdf", "Pathology", 3, size=(595, 842)),
                              kind="pathology", dated_on="2026-01-18",
                              source="St Luke's Pathology", case_id=case_id, physical=True,
                              location="St Luke's Pathology archive")
    add("sending", record_id=ids["pathology"], recipient_id=ids["second"], status="sent",
        method="courier", sent_on="2026-03-01", tracking="1Z999AA10123456784")
    ids["photo"] = record("Discharge letter (photo)", make_png(folder / "letter.png"),
                          kind="discharge", dated_on="2019-06-20", source="Mercy Regional")
    ids["damaged"] = record("Old ultrasound", make_damaged_pdf(folder / "ultra.pdf"),
                            kind="imaging", dated_on="2024-11-02")
    ids["locked"] = record("Lab results from the portal",
                           make_locked_pdf(folder / "locked.pdf"), kind="lab",
                           dated_on="2026-01-10", source="Quest Labs")
    ids["wide"] = record("Operative note (landscape)",
                         make_pdf(folder / "wide.pdf", "Landscape", 1, size=(792, 612)),
                         kind="operative", dated_on="2019-06-18")
    ids["nofile"] = record("Referral letter", None, kind="letter", dated_on="2025-12-20",
                           source=PRIMARY)
    return Household(pid, case_id, ids, titles)
