"""The process the kill tests kill: it writes through one write path, forever.

Run as `python tests/helpers/crash_child.py SCENARIO DATA_DIR`. It prints `READY` once the store
is open, then `ACK <what>` after each write has returned (that is, committed): the parent
kills it with SIGKILL at a random moment and then checks that every acknowledged write is
there. A new write path plugs in as one more function in WRITERS (and a verifier in
tests/helpers/crash_harness.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from organizer.opening import open_store
from organizer.storage.store import Store

PASSPHRASE = "crash test passphrase"


def ack(what: str) -> None:
    sys.stdout.write(f"ACK {what}\n")
    sys.stdout.flush()


def _person(store: Store) -> int:
    people = store.people()
    if people:
        return people[0].id
    return store.add("person", {"full_name": "Crash Test Person"}).id


def items(root: Path) -> None:
    with open_store(root) as store:
        person = _person(store)
        print("READY", flush=True)
        number = 0
        while True:
            number += 1
            store.add("medication", {"name": f"med-{os.getpid()}-{number}", "dose": "5 mg"},
                      person_id=person)
            ack(f"medication med-{os.getpid()}-{number}")


def attachments(root: Path) -> None:
    work = root.parent / "sources"
    work.mkdir(parents=True, exist_ok=True)
    with open_store(root) as store:
        person = _person(store)
        print("READY", flush=True)
        number = 0
        while True:
            number += 1
            title = f"rec-{os.getpid()}-{number}"
            source = work / f"{title}.txt"
            source.write_bytes((f"{title} " * 2000).encode() + os.urandom(number * 997 % 50_000))
            with store.transaction():
                record = store.add("record", {"title": title}, person_id=person).id
                store.attach_file(record, source)
            ack(f"record {title}")


def backups(root: Path) -> None:
    from organizer.safety.backup import auto_backup

    with open_store(root) as store:
        person = _person(store)
        print("READY", flush=True)
        number = 0
        while True:
            number += 1
            store.add("medication", {"name": f"med-{os.getpid()}-{number}"}, person_id=person)
            ack(f"medication med-{os.getpid()}-{number}")
            info = auto_backup(store.conn, store.dirs, "daily")
            ack(f"backup {info.path.name}")


def encryption(root: Path) -> None:
    from organizer.encryption import change_passphrase, decrypt_store, encrypt_store
    from organizer.storage import crypto, db

    root.parent.mkdir(parents=True, exist_ok=True)
    source = root.parent / "scan.txt"
    source.write_bytes(b"attachment words that must survive " * 500)
    encrypted = db.is_encrypted(root / "organizer.db")
    with open_store(root, passphrase=PASSPHRASE if encrypted else None) as store:
        person = _person(store)
        if not store.list_items("record", person):
            record = store.add("record", {"title": "scan"}, person_id=person).id
            store.attach_file(record, source)
    print("READY", flush=True)
    number = 0
    while True:
        number += 1
        crypto.forget_keys()
        encrypted = db.is_encrypted(root / "organizer.db")
        with open_store(root, passphrase=PASSPHRASE if encrypted else None) as store:
            name = f"med-{os.getpid()}-{number}"
            store.add("medication", {"name": name}, person_id=person)
            ack(f"medication {name}")
        if encrypted:
            if number % 3 == 0:
                change_passphrase(root, PASSPHRASE, PASSPHRASE)
                ack("rekeyed")
            else:
                decrypt_store(root, PASSPHRASE)
                ack("plain")
        else:
            encrypt_store(root, PASSPHRASE)
            ack("encrypted")


def discs(root: Path) -> None:
    """Imaging discs saved with every image copied: a long transaction (a record, its key
    images, its index rows, twelve copies) that must be whole or absent."""
    from organizer.disc.index import read_disc
    from organizer.disc.save import render_key_images, save_disc
    from tests.helpers.disc_samples import SeriesSpec, StudySpec, write_disc

    disc = root.parent / "disc"
    if not disc.exists():
        write_disc(disc, (StudySpec(series=(SeriesSpec(images=5), SeriesSpec(images=7))),),
                   patient="TEST PERSON^CRASH")
    index = read_disc(disc)
    keys = render_key_images(index)
    with open_store(root) as store:
        person = _person(store)
        print("READY", flush=True)
        number = 0
        while True:
            number += 1
            title = f"disc-{os.getpid()}-{number}"
            save_disc(store, person, index, title=title, copy_images=True, keys=keys)
            ack(f"disc {title}")


def scans(root: Path) -> None:
    """Records with a scanned page, each read (OCR) and its pages saved, one after another."""
    from organizer.scan.ocr import Engine
    from organizer.scan.read import read_scan
    from tests.helpers.scan_samples import QUALITIES, save, scanned_page

    work = root.parent / "sources"
    work.mkdir(parents=True, exist_ok=True)
    page = save(scanned_page(QUALITIES[2], ["Crash test: a scanned page, read and kept."]),
                work / "page.png", 150)
    with open_store(root) as store, Engine() as engine:
        person = _person(store)
        print("READY", flush=True)
        number = 0
        while True:
            number += 1
            title = f"scan-{os.getpid()}-{number}"
            with store.transaction():
                record = store.add("record", {"title": title}, person_id=person).id
                store.attach_file(record, page)
            ack(f"record {title}")
            read_scan(store, store.attachments(record)[0], engine=engine)
            ack(f"scan {title}")


WRITERS: dict[str, Callable[[Path], None]] = {
    "items": items, "attachments": attachments, "backups": backups, "encryption": encryption,
    "discs": discs,
    "scans": scans,
}

if __name__ == "__main__":
    WRITERS[sys.argv[1]](Path(sys.argv[2]))
