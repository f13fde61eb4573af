"""Kill a real writing process with SIGKILL at a random moment, then check the store.

`kill_once(scenario, root, rng)` starts tests/helpers/crash_child.py on `root`, waits until it is
ready, lets it write for a random while, kills it, and then opens the store as the next
start would. It returns a `KillResult`: whether the store was damaged (it would not open,
`check` failed, or a half-written file was left after the start) and which acknowledged
writes were lost. A new write path plugs in with a writer in crash_child.WRITERS and a
verifier here in VERIFIERS.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from organizer.safety.check import check_store

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parent / "crash_child.py"
PASSPHRASE = "crash test passphrase"


@dataclass
class KillResult:
    scenario: str
    acks: list[str]
    damage: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damage and not self.lost


def _open(root: Path):  # type: ignore[no-untyped-def]
    from organizer.opening import open_store
    from organizer.storage import crypto, db

    crypto.forget_keys()
    encrypted = db.is_encrypted(root / "organizer.db")
    return open_store(root, passphrase=PASSPHRASE if encrypted else None)


def _leftovers(root: Path) -> list[str]:
    """Anything half-written that must not survive a start."""
    found = []
    for path in root.rglob("*"):
        name = path.name
        if name.startswith((".tmp-", ".staging-", ".old-", ".swap-journal")):
            found.append(str(path.relative_to(root)))
    return found


def _verify_items(root: Path, acks: list[str], result: KillResult) -> None:
    with _open(root) as store:
        report = check_store(store)
        result.damage.extend(report.damage)
        person = store.people()[0].id if store.people() else None
        meds = {m.title for m in store.list_items("medication", person)} if person else set()
        records = {r.title: r for r in store.list_items("record", person)} if person else {}
        for line in acks:
            kind, _, what = line.partition(" ")
            if kind == "medication" and what not in meds:
                result.lost.append(line)
            elif kind == "record":
                record = records.get(what)
                if record is None or not record.attachments:
                    result.lost.append(line)
                    continue
                data = store.read_attachment(record.attachments[0])
                if not data.startswith(what.encode()):
                    result.damage.append(f"attachment of {what} has the wrong bytes")
        for record in records.values():  # every row's file is whole, acked or not
            for attachment in record.attachments:
                store.read_attachment(attachment)


def _verify_backups(root: Path, acks: list[str], result: KillResult) -> None:
    from organizer.errors import OrganizerError
    from organizer.safety.backup import verify_backup

    _verify_items(root, acks, result)
    backups = sorted((root / "backups").glob("daily-*.zip"))
    acked = [line.split(" ", 1)[1] for line in acks if line.startswith("backup ")]
    if acked and not (root / "backups" / acked[-1]).exists():
        result.lost.append(f"backup {acked[-1]}")
    for path in backups:  # a backup under its final name is a whole, verified backup
        try:
            verify_backup(path)
        except OrganizerError as exc:
            result.damage.append(f"{path.name}: {exc}")


def _verify_encryption(root: Path, acks: list[str], result: KillResult) -> None:
    _verify_items(root, acks, result)
    with _open(root) as store:
        records = store.list_items("record", store.people()[0].id)
        data = store.read_attachment(records[0].attachments[0])
        if data != b"attachment words that must survive " * 500:
            result.damage.append("the attachment changed across encryption switches")


def _verify_discs(root: Path, acks: list[str], result: KillResult) -> None:
    """Every acknowledged disc is there, and every disc record (acknowledged or not) is
    whole: its two series, both key images and all twelve copied images."""
    with _open(root) as store:
        result.damage.extend(check_store(store).damage)
        people = store.people()
        records = {r.title: r for r in store.list_items("record", people[0].id)} \
            if people else {}
        series = store.disc_series([r.id for r in records.values()])
        for line in acks:
            if line.split(" ", 1)[1] not in records:
                result.lost.append(line)
        for title, record in records.items():
            rows = series.get(record.id, [])
            files = record.attachments
            if len(rows) != 2 or len(files) != 14 or any(not r["key_sha256"] for r in rows):
                result.damage.append(f"{title} is half saved: {len(rows)} series, "
                                     f"{len(files)} files")
            for attachment in files:
                store.read_attachment(attachment)


def _verify_scans(root: Path, acks: list[str], result: KillResult) -> None:
    """Every scan acknowledged as read has its page and is found by search; a reading cut
    short left its file waiting (pending), never marked read without its pages."""
    with _open(root) as store:
        result.damage.extend(check_store(store).damage)
        person = store.people()[0].id if store.people() else None
        records = {r.title: r for r in store.list_items("record", person)} if person else {}
        read = {line.split(" ", 1)[1] for line in acks if line.startswith("scan ")}
        for line in acks:
            if line.startswith("record ") and line.split(" ", 1)[1] not in records:
                result.lost.append(line)
        found = {hit.id for hit in store.search("crash scanned", limit=10_000)}
        for title, record in records.items():
            (attachment,) = record.attachments
            pages = store.scan_pages(attachment.id)
            if attachment.scan_status == "done":
                if not pages or "scanned" not in pages[0].text.lower():
                    result.damage.append(f"{title}: marked read without its page")
                elif record.id not in found:
                    result.damage.append(f"{title}: read but not in the search index")
            elif attachment.scan_status != "pending" or pages:
                result.damage.append(f"{title}: {attachment.scan_status} with {len(pages)}")
            if title in read and attachment.scan_status != "done":
                result.lost.append(f"scan {title}")


VERIFIERS: dict[str, Callable[[Path, list[str], KillResult], None]] = {
    "items": _verify_items, "attachments": _verify_items, "backups": _verify_backups,
    "encryption": _verify_encryption, "discs": _verify_discs, "scans": _verify_scans,
}


# how long a writer may run before the kill: long enough to reach the slow steps
MAX_DELAY = {"items": 0.5, "attachments": 0.6, "backups": 0.8, "encryption": 2.5,
             "discs": 1.5, "scans": 3.0}


def kill_once(scenario: str, root: Path, rng: random.Random, max_delay: float | None = None,
              timeout: float = 60) -> KillResult:
    """One run: start the writer, kill it at a random moment, verify the next start."""
    if max_delay is None:
        max_delay = MAX_DELAY.get(scenario, 0.6)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANIZER_")}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.Popen([sys.executable, str(CHILD), scenario, str(root)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    ready, _, _ = select.select([child.stdout], [], [], timeout)
    first = child.stdout.readline().decode() if ready else ""
    if first.strip() != "READY":
        child.kill()
        _, err = child.communicate()
        raise RuntimeError(f"the writer did not start: {first!r} {err.decode()[-2000:]}")
    time.sleep(rng.uniform(0.0, max_delay))
    if time.monotonic() > deadline:
        raise RuntimeError("the writer took too long")
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate()
    lines = out.decode().splitlines()
    acks = [line[4:] for line in lines if line.startswith("ACK ")]
    result = KillResult(scenario, acks)
    if child.returncode != -signal.SIGKILL:
        result.damage.append(f"the writer stopped by itself: {err.decode()[-1000:]}")
        return result
    try:
        VERIFIERS[scenario](root, acks, result)
    except Exception as exc:  # the store would not open or read: that is damage
        result.damage.append(f"{type(exc).__name__}: {exc}")
    result.damage.extend(f"left after the next start: {p}" for p in _leftovers(root))
    return result
