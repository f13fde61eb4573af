"""Benchmark: a 1,000-page packet (100 enclosures of 10 pages) against the PDF engines alone
merging the same 100 files: qpdf's own command line (`qpdf --empty --pages … --`, the
limit the packet aims at: at most 1.5x) and pypdf, all as whole processes (start-up
included), in the same run; and the packet process's peak memory. Prints figures; never
asserts on time (make bench). The qpdf baseline is skipped, with a note, when Debian's
`qpdf` command is not installed (`apt-get install qpdf`; the app itself needs only the
pikepdf wheel)."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from organizer.opening import open_store
from tests.helpers.cli import ROOT
from tests.helpers.packet_helpers import make_pdf

RUNS = 3
MERGE = """
import sys
from pypdf import PdfWriter
writer = PdfWriter()
for name in sys.argv[2:]:
    writer.append(name)
with open(sys.argv[1], "wb") as handle:
    writer.write(handle)
"""


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall time of one child process, and its peak resident memory in MB."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    # A fresh helper process per run, so that ru_maxrss of "children" is this run's alone.
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True)
    elapsed = time.perf_counter() - start
    return elapsed, int(done.stdout.strip().splitlines()[-1]) / 1024


@pytest.fixture(scope="module")
def hundred_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, list[Path]]:
    root = tmp_path_factory.mktemp("bench")
    files = [make_pdf(root / f"doc{i:03d}.pdf", f"Report {i}", 10) for i in range(100)]
    with open_store(root / "data") as store:
        person = store.add("person", {"full_name": "Ζωή Παπαδοπούλου"}).id
        with store.transaction():
            for i, path in enumerate(files):
                record = store.add("record", {"title": f"Report {i}",
                                              "dated_on": f"2025-{i % 12 + 1:02d}-01"},
                                   person_id=person).id
                store.attach_file(record, path, extract_text=False)
    return root, person, files


def test_packet_against_plain_pypdf_merge(hundred_files: tuple[Path, int, list[Path]]) -> None:
    root, person, files = hundred_files
    packet_out, merge_out = root / "packet.pdf", root / "merged.pdf"
    packet_cmd = [sys.executable, "-m", "organizer", "--data-dir", str(root / "data"), "packet",
                  "--person", str(person), "-o", str(packet_out), "--page-size", "letter"]
    merge_cmd = [sys.executable, "-c", MERGE, str(merge_out), *map(str, files)]
    qpdf = shutil.which("qpdf")
    qpdf_out = root / "qpdf.pdf"
    qpdf_cmd = [qpdf, "--empty", "--pages", *map(str, files), "--", str(qpdf_out)] \
        if qpdf else []
    _timed(packet_cmd)  # warm the file cache and the bytecode once
    _timed(merge_cmd)
    if qpdf_cmd:
        _timed(qpdf_cmd)
    packet_times, merge_times, qpdf_times, memory = [], [], [], []
    for _ in range(RUNS):
        elapsed, peak = _timed(packet_cmd)
        packet_times.append(elapsed)
        memory.append(peak)
        merge_times.append(_timed(merge_cmd)[0])
        if qpdf_cmd:
            qpdf_times.append(_timed(qpdf_cmd)[0])
    pages = len(PdfReader(packet_out).pages)
    assert len(PdfReader(merge_out).pages) == 1000
    assert pages > 1000  # the enclosures plus the front matter
    ratio = statistics.median(packet_times) / statistics.median(merge_times)
    print(f"\npacket of {pages} pages (100 enclosures x 10 pages), {RUNS} runs, process "
          f"start included:")
    print(f"  organizer packet : median {statistics.median(packet_times):.2f} s, "
          f"worst {max(packet_times):.2f} s")
    print(f"  pypdf merge only : median {statistics.median(merge_times):.2f} s, "
          f"worst {max(merge_times):.2f} s")
    print(f"  ratio to pypdf   : {ratio:.2f}x")
    if qpdf_times:
        assert len(PdfReader(qpdf_out).pages) == 1000
        to_qpdf = statistics.median(packet_times) / statistics.median(qpdf_times)
        print(f"  qpdf merge only  : median {statistics.median(qpdf_times):.2f} s, "
              f"worst {max(qpdf_times):.2f} s")
        print(f"  ratio to qpdf    : {to_qpdf:.2f}x (target at most 1.5x)")
    else:
        print("  qpdf merge only  : skipped, the `qpdf` command is not installed "
              "(apt-get install qpdf)")
    print(f"  peak memory      : median {statistics.median(memory):.0f} MB, worst "
          f"{max(memory):.0f} MB (target under 400 MB)")
    print(f"  sizes            : packet {packet_out.stat().st_size / 1e6:.1f} MB, merge "
          f"{merge_out.stat().st_size / 1e6:.1f} MB")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
