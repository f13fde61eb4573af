"""What the output and restore checks of issue 9 (points 3 and 4) cost, in the same run.

Prints, never asserts on time:
- restore: a whole `restore_backup` of a store of 5 people (2,500 items, 100 attached
  files), and within it the check that the database is this app's own and its files are
  all there (`restore_check`), as a share of the restore; the first, cold derivation of
  the expected schema (the migrations run into an in-memory database) apart;
- outputs: an archive export to a regular file (written beside it, renamed) and the same
  export into a FIFO (written whole in the data folder first, then copied through), as a
  ratio; and `output_target` alone, per call.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
import zipfile
from pathlib import Path

from tests.benchmarks.timing import report, summary

RUNS = int(os.environ.get("ORGANIZER_BENCH_RUNS", "7"))


def _build(root: Path, work: Path) -> int:
    from organizer.opening import open_store

    text = "Pathology report. Findings: adenocarcinoma, margins clear. " * 800
    with open_store(root) as store, store.transaction():
        for p in range(5):
            person = store.add("person", {"full_name": f"Demo Person {p}"}).id
            for n in range(200):
                store.add("medication", {"name": f"Medication {n}", "dose": f"{n} mg"},
                          person_id=person)
                store.add("result", {"name": f"Result {n}", "value": str(n)},
                          person_id=person)
            for n in range(20):
                record = store.add("record", {"title": f"Report {n}"}, person_id=person).id
                copy = work / f"r{p}-{n}.txt"
                copy.write_text(text + f" number {p}-{n}")
                store.attach_file(record, copy)
        return int(store.people()[0].id)


def test_what_the_restore_check_costs(tmp_path: Path) -> None:
    from organizer.opening import open_store
    from organizer.safety import restore_check
    from organizer.safety.backup import create_backup, restore_backup, verify_backup
    from organizer.storage import db

    source, work = tmp_path / "source", tmp_path / "work"
    work.mkdir()
    _build(source, work)
    backup = tmp_path / "b.zip"
    with open_store(source) as store:
        create_backup(store, backup)
    info = verify_backup(backup)

    started = time.perf_counter()
    restore_check.expected_schema(4)
    cold = (time.perf_counter() - started) * 1000

    restores, checks = [], []
    for run in range(RUNS):
        target = tmp_path / f"target-{run}"
        started = time.perf_counter()
        restore_backup(target, backup)
        restores.append((time.perf_counter() - started) * 1000)
        conn = db.connect(target / "organizer.db")
        try:
            with zipfile.ZipFile(backup) as archive:
                files = json.loads(archive.read("manifest.json"))["files"]
            started = time.perf_counter()
            restore_check.check_database(conn, backup.name, info.schema_version)
            restore_check.check_attachments(conn, target / "files", None, files, backup.name)
            checks.append((time.perf_counter() - started) * 1000)
        finally:
            conn.close()
    share = statistics.median(checks) / statistics.median(restores)
    report("restore: the check that a backup is an organizer's", [
        f"whole restore (100 files, 2,500 items): {summary(restores)}",
        f"the check within it: {summary(checks)}",
        f"check / restore (medians): {share:.3f}",
        f"first derivation of the expected schema (cold, once per process): {cold:.1f} ms",
    ])


def test_what_writing_through_costs(tmp_path: Path) -> None:
    from organizer.interop.exports import export
    from organizer.opening import open_store
    from organizer.storage.paths import output_target
    from organizer.storage.store import Store

    root, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    person = _build(root, work)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o600)

    def into_fifo(store: Store) -> None:
        got = bytearray()

        def read() -> None:
            with open(fifo, "rb") as pipe:
                while chunk := pipe.read(1 << 20):
                    got.extend(chunk)
        reader = threading.Thread(target=read)
        reader.start()
        export(store, person, "archive", fifo)
        reader.join()
        assert got.startswith(b"PK")

    files, fifos = [], []
    with open_store(root) as store:
        for _ in range(RUNS):  # interleaved, so both meet the same machine
            started = time.perf_counter()
            export(store, person, "archive", tmp_path / "out.zip")
            files.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            into_fifo(store)
            fifos.append((time.perf_counter() - started) * 1000)
        calls = 2000
        started = time.perf_counter()
        for _ in range(calls):
            output_target(tmp_path / "out.zip", root)
        per_call = (time.perf_counter() - started) * 1e6 / calls
    size = (tmp_path / "out.zip").stat().st_size / 1e3
    report("outputs: written through a FIFO against replacing a file", [
        f"archive export to a file ({size:.0f} kB): {summary(files)}",
        f"the same into a FIFO: {summary(fifos)}",
        f"FIFO / file (medians): {statistics.median(fifos) / statistics.median(files):.2f}",
        f"output_target, the check every output passes: {per_call:.0f} µs per call",
    ])
