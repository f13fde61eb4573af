"""Make tests/data/release-0.1.0/: a data folder as the 0.1.0 release writes it.

The upgrade checks (tests/packaging/test_release_folder.py with the source, packaging/smoke_test.py
with the packaged app) open a copy of it and compare every item with expected.json and
every file with its checksum. Made once with the command line of 0.1.0 and committed;
run again only to make a folder for a new release (under a new name, keeping this one):

    python tests/data/make_release_folder.py tests/data/release-0.1.0
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TYPES = ["person", "provider", "condition", "medication", "allergy", "result", "record",
         "question", "visit", "journal"]


def _run(data: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "organizer", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return done.stdout.strip()


def _letter(path: Path) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter, invariant=True)
    pdf.setFont("Helvetica", 14)
    pdf.drawString(72, 700, "Pathology report: lumbar spinal stenosis, mild.")
    pdf.drawString(72, 680, "Signed by the reading pathologist.")
    pdf.showPage()
    pdf.save()


def _picture(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1200, 500), "white")
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans.ttf"), 48)
    ImageDraw.Draw(image).text((60, 180), "Hemoglobin 13.2 g/dL", fill="black", font=font)
    image.save(path, dpi=(300, 300))


def main(target: Path) -> None:
    if target.exists():
        raise SystemExit(f"{target} exists: a released folder is never remade in place.")
    data = target
    with tempfile.TemporaryDirectory() as scratch:
        letter_pdf, photo = Path(scratch) / "pathology.pdf", Path(scratch) / "blood test.png"
        _letter(letter_pdf)
        _picture(photo)
        zoe = _run(data, "add", "person", "full_name=Zoë Martínez", "birth_date=1952-03-08")
        _run(data, "add", "person", "full_name=Tomás Martínez", "birth_date=1950-11-21")
        _run(data, "add", "condition", "--person", zoe, "name=Lumbar spinal stenosis",
             "diagnosed_on=2025-02-01")
        _run(data, "add", "medication", "--person", zoe, "name=Gabapentin", "dose=300 mg")
        _run(data, "add", "allergy", "--person", zoe, "substance=Penicillin")
        _run(data, "add", "question", "--person", zoe, "text=¿Hace falta operar?")
        _run(data, "add", "record", "--person", zoe, "title=Pathology and blood tests",
             "kind=pathology", "dated_on=2025-03-02", "--file", str(letter_pdf),
             "--file", str(photo))
    expected = {"version": _run(data, "--version"), "people": json.loads(_run(data, "people",
                "--json")), "items": {}}
    for person in expected["people"]:
        for kind in TYPES[1:]:
            listed = json.loads(_run(data, "list", kind, "--person", f"#{person['id']}",
                                     "--json"))
            expected["items"][f"{person['id']}/{kind}"] = listed
    (target.parent / f"{target.name}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    shutil.rmtree(data / "backups", ignore_errors=True)  # empty: nothing was migrated
    for leftover in [*data.glob("errors.log*"), *data.glob(".store-gate*")]:
        leftover.unlink()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
