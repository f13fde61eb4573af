"""Indexing an imaging disc of 1,000 images, with and without a DICOMDIR.

Targets (issue 12): under 2 s with a DICOMDIR, under 3 s without one (headers only; the
pixels are read for the key images, timed apart). The baseline, measured in the same run
on the same files, is the least any reader must do without a DICOMDIR: open every file
and read its first 132 bytes. Figures are printed, never asserted.
"""

from __future__ import annotations

import os
from pathlib import Path

from organizer.disc.index import read_disc
from organizer.disc.save import render_key_images
from tests.benchmarks.timing import report, timed
from tests.helpers.disc_samples import SeriesSpec, StudySpec, write_disc

# 4 studies x 5 series x 50 images = 1,000 images, as a CT/MR disc of one patient.
STUDIES = tuple(
    StudySpec(date=f"2024030{n + 1}", description=f"Study {n + 1}",
              series=tuple(SeriesSpec("CT" if n % 2 else "MR", "CHEST", f"Series {s + 1}", 50)
                           for s in range(5)))
    for n in range(4))


def _touch_every_file(root: Path) -> int:
    count = 0
    for folder, _, files in os.walk(root):
        for name in files:
            with open(Path(folder) / name, "rb") as handle:
                handle.read(132)
            count += 1
    return count


def test_disc_indexing_speed(tmp_path: Path) -> None:
    with_dir = write_disc(tmp_path / "with", STUDIES)
    without = write_disc(tmp_path / "without", STUDIES, dicomdir=False)
    baseline, files = timed(lambda: _touch_every_file(without), repeat=3)
    indexed_ms, index = timed(lambda: read_disc(with_dir), repeat=3)
    scanned_ms, scanned = timed(lambda: read_disc(without), repeat=3)
    assert index.images == scanned.images == 1000 and index.from_dicomdir
    keys_ms, keys = timed(lambda: render_key_images(index), repeat=1)
    report("imaging disc of 1,000 images (read_disc, in-process, files in the page cache)", [
        f"with a DICOMDIR:    {indexed_ms:7.1f} ms  (target < 2000 ms; "
        f"{indexed_ms / baseline:.1f} x baseline)",
        f"without a DICOMDIR: {scanned_ms:7.1f} ms  (target < 3000 ms; "
        f"{scanned_ms / baseline:.1f} x baseline)",
        f"baseline: open {files} files and read 132 bytes of each: {baseline:.1f} ms",
        f"key images for its {len(keys)} series (pixels decoded, PNG written): "
        f"{keys_ms:.1f} ms",
    ])
