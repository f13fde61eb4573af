"""Scanned pages made in the test: real text typeset with reportlab, drawn at a given dpi
with pdfium, then skewed, noised or made fax-like with Pillow, and saved as a real JPEG,
PNG, TIFF (one or several pages) or image-only PDF. Nothing is shipped or downloaded.

`QUALITIES` are the three kinds of page the issue sets targets for; `word_recall` is how
the tests and the benchmark score what the engine read against what was typeset.
"""

from __future__ import annotations

import io
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

LETTER = [
    "Department of Pathology, Riverside General Hospital",
    "Surgical pathology report, final diagnosis",
    "Specimen: left breast, core needle biopsy at two o'clock.",
    "Diagnosis: invasive ductal carcinoma, grade 2, measuring 14 mm.",
    "Estrogen receptor positive (95 percent), progesterone receptor positive.",
    "HER2 negative by immunohistochemistry, score 1+.",
    "Margins cannot be assessed on a core biopsy specimen.",
    "Recommendation: discussion at the multidisciplinary tumor board.",
    "Hemoglobin 13.5 g/dL 12.0-15.5",
    "Glucose 98 mg/dL 70-99",
    "Creatinine 0.9 mg/dL 0.6-1.1",
    "Informe de la consulta: la paciente refiere dolor lumbar desde marzo.",
    "Se recomienda resonancia magnética y control en tres meses.",
    "Medicación actual: metformina 500 mg dos veces al día con las comidas.",
    "The patient was seen in clinic today with her daughter, who helps with her care.",
    "She reports no fever, no weight loss and a good appetite over the last month.",
    "Please send the slides and the imaging disc before the visit on Monday.",
    "Signed electronically by the attending pathologist after review of all levels.",
]


@dataclass(frozen=True)
class Quality:
    """One kind of scan: its resolution and what happened to it on the way."""

    name: str
    dpi: int
    skew: float = 0.0        # degrees, counter-clockwise
    noise: float = 0.0       # sigma of Gaussian grey noise
    fax: bool = False        # one bit per pixel, with speckles, like a fax
    target: float = 0.98     # the target word recall


QUALITIES = (
    Quality("clean 300 dpi", 300, target=0.98),
    Quality("office scan 200 dpi, skewed and noisy", 200, skew=2.5, noise=18.0, target=0.93),
    Quality("fax-like 150 dpi", 150, skew=-1.0, fax=True, target=0.85),
)


def page_pdf(lines: list[str], font_size: float = 11.0) -> bytes:
    """A one-page Letter PDF with these lines typeset in Helvetica (a text layer)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=letter)
    y = 720.0
    for line in lines:
        page.setFont("Helvetica", font_size)
        page.drawString(72, y, line)
        y -= font_size * 1.8
    page.save()
    return out.getvalue()


def rasterise(pdf: bytes, dpi: int) -> Image.Image:
    """The first page of a PDF drawn at `dpi`, in grey."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    return image.convert("L")


def scanned_page(quality: Quality, lines: list[str] | None = None, seed: int = 1,
                 rotate: int = 0) -> Image.Image:
    """A page of `lines` (the sample letter by default) scanned as `quality` says;
    `rotate` turns it by quarter turns (a page fed in sideways or upside down)."""
    rng = random.Random(seed)
    image = rasterise(page_pdf(lines or LETTER), quality.dpi)
    if quality.skew:
        image = image.rotate(quality.skew, resample=Image.Resampling.BICUBIC, expand=True,
                             fillcolor=255)
    if quality.noise:
        # a grey office scan: paper not quite white, ink not quite black, grain and blur
        image = image.point(lambda v: int(40 + v * 0.78))
        noise = Image.effect_noise(image.size, quality.noise)
        image = ImageChops.add(image, noise, 1.0, -128)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
    if quality.fax:
        image = image.point(lambda v: 0 if v < 150 else 255).convert("1")
        speckled = image.convert("L")
        for _ in range(image.width * image.height // 2000):
            speckled.putpixel((rng.randrange(image.width), rng.randrange(image.height)), 0)
        image = speckled.convert("1")
    if rotate:
        image = image.rotate(rotate, expand=True)
    image.info["dpi"] = (quality.dpi, quality.dpi)
    return image


def save(image: Image.Image, path: Path, dpi: int | None = None) -> Path:
    """Save as the suffix says: .jpg (quality 80), .png, .tif (group 4 if one bit) or .pdf."""
    dpi = dpi or int(image.info.get("dpi", (300, 300))[0])
    suffix = path.suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        image.convert("L").save(path, "JPEG", quality=80, dpi=(dpi, dpi))
    elif suffix == ".png":
        image.save(path, "PNG", dpi=(dpi, dpi))
    elif suffix in (".tif", ".tiff"):
        compression = "group4" if image.mode == "1" else "tiff_lzw"
        image.save(path, "TIFF", compression=compression, dpi=(dpi, dpi))
    elif suffix == ".pdf":
        image.convert("L").save(path, "PDF", resolution=float(dpi))
    else:
        raise ValueError(f"no sample format for {suffix}")
    return path


def save_multipage_tiff(images: list[Image.Image], path: Path, dpi: int = 200) -> Path:
    first, *rest = [im.convert("L") for im in images]
    first.save(path, "TIFF", save_all=True, append_images=rest, compression="tiff_lzw",
               dpi=(dpi, dpi))
    return path


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text)]


def word_recall(expected: list[str] | str, read: str) -> float:
    """The share of the typeset words that the reading has (counted with repeats)."""
    want = Counter(_words(expected if isinstance(expected, str) else "\n".join(expected)))
    got = Counter(_words(read))
    return sum(min(n, got[w]) for w, n in want.items()) / max(1, sum(want.values()))
