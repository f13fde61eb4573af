"""OCR word recall and time per page at the three qualities of issue 12.

Pages are made here: the sample letter's lines in a different order and a different
seed for each page, typeset with reportlab, drawn at 300, 200 or 150 dpi with pdfium,
skewed, noised or made fax-like with Pillow, saved as JPEG, PDF or TIFF and read back
the way `read_scan` reads an attachment (pages_to_read -> read_page: prepare, read,
and script detection only when the reading is unsure).
Targets: recall >= 98% (clean 300 dpi), >= 93% (200 dpi office scan, skewed and noisy),
>= 85% (150 dpi fax-like); at most 2 s a page. Times are also given as a ratio to a
baseline measured in the same run (the bare engine on the clean page, unprepared), so
a loaded machine shows as such. Printed, never asserted.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from organizer.scan.ocr import Engine
from organizer.scan.pages import pages_to_read
from organizer.scan.read import read_page
from tests.benchmarks.timing import report
from tests.helpers.scan_samples import LETTER, QUALITIES, save, scanned_page, word_recall

PAGES = 4  # per quality
_FORMATS = {300: (".jpg", "image/jpeg"), 200: (".pdf", "application/pdf"),
            150: (".tif", "image/tiff")}


def _lines(seed: int) -> list[str]:
    lines = list(LETTER)
    random.Random(seed).shuffle(lines)
    return lines


def test_ocr_recall_and_time_per_page(tmp_path: Path) -> None:
    out: list[str] = []
    with Engine() as engine:
        clean = scanned_page(QUALITIES[0], LETTER)
        engine.read(clean)  # warm up
        baseline = []
        for _ in range(3):
            started = time.perf_counter()
            engine.read(clean)
            baseline.append(time.perf_counter() - started)
        base = statistics.median(baseline)
        out.append(f"baseline (bare engine, clean 300 dpi page, no preparation): "
                   f"{base:.2f} s a page")
        for quality in QUALITIES:
            suffix, media = _FORMATS[quality.dpi]
            recalls, raw_recalls, seconds = [], [], []
            for number in range(PAGES):
                lines = _lines(number)
                page = scanned_page(quality, lines, seed=number)
                path = save(page, tmp_path / f"{quality.dpi}-{number}{suffix}", quality.dpi)
                data = path.read_bytes()
                started = time.perf_counter()
                texts = []
                for source in pages_to_read(data, media):
                    image, dpi = source.load()
                    texts.append(read_page(engine, image, dpi)[1].text)
                seconds.append(time.perf_counter() - started)
                recalls.append(word_recall(lines, "\n".join(texts)))
                raw_recalls.append(word_recall(lines, engine.read(page.convert("L")).text))
            median = statistics.median(seconds)
            out.append(
                f"{quality.name} ({suffix[1:].upper()}, {PAGES} pages): word recall "
                f"mean {statistics.mean(recalls):.1%}, worst {min(recalls):.1%} "
                f"(target {quality.target:.0%}; unprepared {statistics.mean(raw_recalls):.1%}); "
                f"{median:.2f} s a page median, worst {max(seconds):.2f} s "
                f"({median / base:.1f}x baseline; target <= 2 s)")
    report("OCR: word recall and seconds per page (pages_to_read + read_page)", out)
