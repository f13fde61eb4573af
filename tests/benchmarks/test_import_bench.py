"""Import benchmarks: print figures, never assert on time.

- the Synthea bundle: time to read, plan and apply (median and worst of 5, in process);
- a generated 40 MB FHIR bundle: wall time and peak memory of `organizer import` run as a
  subprocess (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss after it exits).
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.cli import ROOT, shared_fixtures


def _synthea() -> Path | None:
    folder = shared_fixtures()
    return next((folder / "synthea").glob("*.json"), None) if folder else None


def test_synthea_import_time(tmp_path: Path) -> None:
    import pytest

    from organizer.interop.plan import apply_plan, make_plan
    from organizer.interop.reader import read_file
    from organizer.opening import open_store

    path = _synthea()
    if path is None:
        pytest.skip("the shared fixtures are not present")
    times = []
    for run in range(5):
        with open_store(tmp_path / f"s{run}") as store:
            pid = store.add("person", {"full_name": "Kermit Trantow"}).id  # the file's patient
            start = time.perf_counter()
            apply_plan(store, make_plan(store, read_file(path), pid), source=path)
            times.append(time.perf_counter() - start)
    print(f"\nSynthea bundle ({path.stat().st_size // 1024} KB) import: median "
          f"{statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms")


def make_big_bundle(out: Path, target_mb: int = 40) -> int:
    """A FHIR collection bundle of about `target_mb` MB: many results, conditions, meds,
    visits and notes, written entry by entry. Returns the number of entries."""
    entries = 0
    with open(out, "w", encoding="utf-8") as handle:
        handle.write('{"resourceType": "Bundle", "type": "collection", "entry": [\n')
        handle.write(json.dumps({"fullUrl": "urn:uuid:patient", "resource": {
            "resourceType": "Patient", "name": [{"given": ["Bench"], "family": "Mark"}],
            "birthDate": "1950-01-01"}}))
        entries += 1
        n = 0
        while handle.tell() < target_mb * 1024 * 1024:
            n += 1
            day = f"{1990 + n % 35}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            kind = n % 5
            if kind == 0:
                resource = {"resourceType": "Condition", "code": {"coding": [{
                    "system": "http://snomed.info/sct", "code": str(100000 + n)}],
                    "text": f"Condition {n}"}, "onsetDateTime": day}
            elif kind == 1:
                resource = {"resourceType": "MedicationRequest", "status": "active",
                            "medicationCodeableConcept": {"text": f"Drug {n % 400}"},
                            "authoredOn": day}
            elif kind == 2:
                resource = {"resourceType": "Encounter", "status": "finished",
                            "period": {"start": day + "T10:00:00Z"},
                            "type": [{"text": "Check-up"}]}
            elif kind == 3:
                resource = {"resourceType": "Claim", "status": "active",
                            "text": {"div": "x" * 400}}
            else:
                resource = {"resourceType": "Observation", "status": "final",
                            "code": {"coding": [{"system": "http://loinc.org",
                                                 "code": "718-7"}], "text": "Hemoglobin"},
                            "effectiveDateTime": day,
                            "valueQuantity": {"value": 12 + n % 30 / 10, "unit": "g/dL"},
                            "note": [{"text": "Narrative " * 20}]}
            handle.write(",\n" + json.dumps({"fullUrl": f"urn:uuid:e{n}",
                                             "resource": resource}))
            entries += 1
        handle.write("\n]}\n")
    return entries


def test_forty_megabyte_bundle_peak_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    entries = make_big_bundle(big)
    env_root = str(ROOT)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "organizer", "--data-dir", str(tmp_path / "data"), "import",
         str(big), "--new-person"], capture_output=True, text=True, cwd=env_root,
        env={"PYTHONPATH": env_root, "PATH": "/usr/bin:/bin"}, timeout=600)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"\n40 MB bundle: {big.stat().st_size / 1024 ** 2:.1f} MB, {entries} entries; "
          f"exit {done.returncode} in {elapsed:.1f} s; peak memory of the import process "
          f"{peak_kb / 1024:.0f} MB")
    print(done.stdout[-600:] or done.stderr[-600:])
