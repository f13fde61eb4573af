"""A large store for the benchmarks: ten people with twenty years of records each.

About 2,000 records (1,000 of them with a small multi-page PDF attached), 10,000 test
results (half of them one person's, so that one section holds 5,000 items), 500
medications, 1,000 questions and 1,000 visits, with conditions, providers and journal
entries around them. Every write goes through `Store`, in one transaction per person, so
the store is exactly what the app would have made.

Building takes a minute or two, so the store is built once and kept in the temporary
folder under a name holding BUILD_VERSION and the schema version; change BUILD_VERSION
when the contents change. Run it directly to build (or find) it and print where it is:

    python -m tests.benchmarks.make_large_store
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from organizer.opening import open_store
from organizer.storage import migrations
from organizer.storage.store import Store

BUILD_VERSION = 1
PEOPLE = 10
YEARS = 20
RECORDS_PER_PERSON = 200
PDFS_PER_PERSON = 100
RESULTS = 10_000
BIG_PERSON_RESULTS = 5_000  # person 0 has these; the rest share the remainder
MEDICATIONS_PER_PERSON = 50
QUESTIONS_PER_PERSON = 100
VISITS_PER_PERSON = 100

FIRST = ["Anna", "Jan", "Maria", "Piotr", "Eleni", "Dmitri", "Grace", "Samuel", "Ruth",
         "Tomasz", "Zoë", "Łucja", "Νίκος", "Ольга"]
LAST = ["Kowalska", "Nowak", "Whitfield", "Okafor", "Papadopoulou", "Ivanova", "Marsh",
        "Reyes", "Lindqvist", "Wiśniewski"]
TESTS = [("Hemoglobin A1c", "%", "4.0-5.6", 5.0, 9.0),
         ("eGFR", "mL/min/1.73m2", ">60", 40, 95),
         ("Creatinine", "mg/dL", "0.5-1.0", 0.6, 1.6),
         ("LDL cholesterol", "mg/dL", "<100", 60, 190),
         ("Hemoglobin", "g/dL", "12-15.5", 10, 16), ("Platelets", "10^3/uL", "150-400", 120, 420),
         ("Potassium", "mmol/L", "3.5-5.1", 3.3, 5.6), ("Sodium", "mmol/L", "135-145", 131, 147),
         ("TSH", "mIU/L", "0.4-4.5", 0.2, 6.0), ("Vitamin D", "ng/mL", "30-100", 12, 60),
         ("ALT", "U/L", "7-35", 8, 80), ("CRP", "mg/L", "<5", 0.2, 40),
         ("PSA", "ng/mL", "<4", 0.3, 9), ("Ferritin", "ng/mL", "15-150", 8, 300),
         ("Glucose", "mg/dL", "70-99", 70, 220), ("White cells", "10^3/uL", "4-11", 3, 14)]
DRUGS = ["Metformin", "Lisinopril", "Atorvastatin", "Levothyroxine", "Amlodipine", "Apixaban",
         "Omeprazole", "Gabapentin", "Sertraline", "Metoprolol", "Losartan", "Furosemide",
         "Prednisone", "Tamoxifen", "Letrozole", "Albuterol", "Fluticasone", "Warfarin",
         "Insulin glargine", "Allopurinol", "Tamsulosin", "Donepezil", "Alendronate"]
CONDITIONS = ["Type 2 diabetes", "High blood pressure", "Atrial fibrillation",
              "Lumbar spinal stenosis", "Breast cancer, stage IIA", "Prostate cancer",
              "Chronic kidney disease stage 3", "Hypothyroidism", "Osteoarthritis of the knee",
              "Asthma", "COPD", "Depression", "Gout", "Migraine", "Heart failure",
              "Macular degeneration", "Osteoporosis", "Rheumatoid arthritis"]
KINDS = ["lab", "imaging", "pathology", "operative", "discharge", "clinic_note", "letter",
         "insurance", "other"]
_WORD_TEXT = ("stenosis laminectomy biopsy margin lesion nodule effusion fracture cartilage "
              "meniscus tendon ligament vertebra foramen cauda equina claudication radiculopathy "
              "carcinoma adenoma lymph node metastasis mammogram ultrasound tomography resonance "
              "contrast infusion chemotherapy radiotherapy lumpectomy mastectomy prostatectomy "
              "catheter ablation arrhythmia ejection fraction valve murmur stent angioplasty "
              "glucose insulin ketone creatinine albumin proteinuria dialysis transplant "
              "inflammation infection antibiotic culture sensitivity resistance dosage tablet "
              "injection inhaler nebulizer spirometry oxygen saturation pulse pressure weight "
              "physiotherapy rehabilitation walking balance falls dizziness fatigue nausea pain "
              "numbness tingling weakness swelling bruising bleeding anaemia ferritin thyroid "
              "cortisol osteopenia density calcium vitamin follow-up referral second opinion "
              "surgeon oncologist cardiologist neurologist radiologist pathologist therapist"
              )
WORDS = _WORD_TEXT.split()


def store_path() -> Path:
    """Where the cached store for this build and schema version lives."""
    name = f"organizer-bench-store-v{BUILD_VERSION}-schema{migrations.LATEST}"
    return Path(tempfile.gettempdir()) / name


def large_store(progress: bool = True) -> Path:
    """The data folder of the large store, built first if it is not cached yet."""
    final = store_path()
    if (final / "complete").is_file():
        return final
    building = final.with_name(final.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    started = time.perf_counter()
    build(building, progress)
    (building / "complete").write_text(f"built in {time.perf_counter() - started:.0f} s\n",
                                       encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    building.rename(final)
    return final


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _day(rng: random.Random, start: date) -> str:
    return (start + timedelta(days=rng.randrange(YEARS * 365))).isoformat()


def _write_pdf(path: Path, title: str, rng: random.Random) -> None:
    """A small PDF of two to four pages of text, drawn directly on the canvas (fast)."""
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pageCompression=1)
    drawing.setTitle(title)
    pages = rng.randint(2, 4)
    for page in range(1, pages + 1):
        drawing.setFont("Helvetica-Bold", 13)
        drawing.drawString(72, 740, title)
        drawing.setFont("Helvetica", 10)
        y = 712
        for _ in range(rng.randint(18, 30)):
            drawing.drawString(72, y, _sentence(rng, rng.randint(7, 11)))
            y -= 15
        drawing.drawString(72, 50, f"Page {page} of {pages}")
        drawing.showPage()
    drawing.save()


def build(root: Path, progress: bool = True) -> None:
    rng = random.Random(20260302)
    start = date.today() - timedelta(days=YEARS * 365)
    scratch = Path(tempfile.mkdtemp(prefix="organizer-bench-pdfs-"))
    other_results = (RESULTS - BIG_PERSON_RESULTS) // (PEOPLE - 1)
    try:
        with open_store(root) as store:
            for index in range(PEOPLE):
                began = time.perf_counter()
                with store.transaction():
                    _person(store, index, rng, start, scratch,
                            BIG_PERSON_RESULTS if index == 0 else other_results)
                if progress:
                    print(f"  person {index + 1}/{PEOPLE} in {time.perf_counter() - began:.1f} s",
                          file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _person(store: Store, index: int, rng: random.Random, start: date, scratch: Path,
            results: int) -> None:
    name = f"{FIRST[index % len(FIRST)]} {LAST[index % len(LAST)]}"
    born = f"{1940 + 4 * index}-0{1 + index % 9}-1{index % 9}"
    pid = store.add("person", {"full_name": name, "birth_date": born,
                               "relationship": "self" if index == 0 else "mother"}).id
    add = store.add
    providers = [add("provider", {"name": f"Dr. {rng.choice(LAST)} {n}",
                                  "role": rng.choice(["primary_care", "specialist", "surgeon",
                                                      "second_opinion", "therapist"]),
                                  "phone": f"(555) 014-{1000 + n}", "fax": f"(555) 015-{1000 + n}"},
                     person_id=pid).id for n in range(12)]
    conditions = [add("condition", {"name": c, "status": "confirmed",
                                    "diagnosed_on": _day(rng, start),
                                    "diagnosed_by_id": rng.choice(providers)}, person_id=pid).id
                  for c in rng.sample(CONDITIONS, 8)]
    case = add("case", {"title": f"Second opinion {index}", "condition_id": conditions[0],
                        "question": _sentence(rng, 12)}, person_id=pid, checklist=True).id
    for n in range(results):
        test, unit, normal, low, high = TESTS[n % len(TESTS)]
        add("result", {"name": test, "value": f"{rng.uniform(low, high):.1f}", "unit": unit,
                       "reference_range": normal, "observed_on": _day(rng, start),
                       "notes": _sentence(rng, 6) if n % 10 == 0 else None}, person_id=pid)
    for n in range(MEDICATIONS_PER_PERSON):
        add("medication", {"name": f"{rng.choice(DRUGS)}",
                           "dose": f"{rng.choice([5, 10, 20, 50, 500])} mg",
                           "frequency": rng.choice(["once a day", "twice a day", "at night"]),
                           "prescriber_id": rng.choice(providers),
                           "condition_id": rng.choice(conditions),
                           "started_on": _day(rng, start), "active": n % 3 != 0,
                           "instructions": _sentence(rng, 8)}, person_id=pid)
    visits = []
    for n in range(VISITS_PER_PERSON):
        when = _day(rng, start)
        visits.append(add("visit", {"scheduled_at": f"{when} {9 + n % 8}:{15 * (n % 4):02d}",
                                    "provider_id": rng.choice(providers),
                                    "purpose": _sentence(rng, 4), "notes": _sentence(rng, 25),
                                    "status": "done"}, person_id=pid).id)
    for n in range(QUESTIONS_PER_PERSON):
        add("question", {"text": _sentence(rng, 12) + "?", "case_id": case if n < 20 else None,
                         "visit_id": rng.choice(visits), "position": n,
                         "answer": _sentence(rng, 15) if n % 2 else None}, person_id=pid)
    for _ in range(40):
        add("journal", {"written_on": _day(rng, start), "text": _sentence(rng, 30)}, person_id=pid)
    for n in range(RECORDS_PER_PERSON):
        kind = KINDS[n % len(KINDS)]
        words = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
        title = f"{kind.replace('_', ' ').capitalize()} {n}: {words}"
        record = add("record", {"title": title, "kind": kind, "dated_on": _day(rng, start),
                                "source": f"Dr. {rng.choice(LAST)}",
                                "description": _sentence(rng, 14)}, person_id=pid).id
        if n < PDFS_PER_PERSON:
            pdf = scratch / f"record-{index}-{n}.pdf"
            _write_pdf(pdf, title, rng)
            store.attach_file(record, pdf)
            pdf.unlink()


if __name__ == "__main__":
    began = time.perf_counter()
    where = large_store()
    print(f"{where} (ready in {time.perf_counter() - began:.0f} s)")
