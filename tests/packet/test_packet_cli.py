"""`organizer packet` as a real process: the packet, its notices, the printouts, the errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from organizer.opening import open_store
from tests.helpers.packet_helpers import (
    PATIENT,
    PRIMARY,
    QUESTIONS,
    SECOND,
    Household,
    build_household,
)


@pytest.fixture
def house(data_dir: Path, tmp_path: Path) -> Household:
    with open_store(data_dir) as store:
        return build_household(store, tmp_path / "files")


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_packet_command_saves_and_names_each_problem(cli: Callable[..., Any], house: Household,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    done = cli("packet", "--person", PATIENT, "--case", "left breast dcis: is surgery needed now?",
               "-o", str(out), "--page-size", "a4")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Saved the packet for {PATIENT}: ")
    notes = done.stderr.strip().splitlines()
    assert len(notes) == 2
    assert notes[0].startswith("organizer: note: Enclosure 5 “Old ultrasound” (ultra.pdf) "
                               "could not be included: the file is damaged")
    assert "locked.pdf" in notes[1] and "password" in notes[1]
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert "Is a mastectomy needed now" in text_of(out)


def test_password_option(cli: Callable[..., Any], house: Household, tmp_path: Path) -> None:
    out = tmp_path / "locked.pdf"
    done = cli("packet", "--person", str(house.person_id), "-o", str(out), "--password", "pw1",
               "--sections", "cover,summary")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    assert reader.is_encrypted and not reader.decrypt("nope")
    assert reader.decrypt("pw1")
    assert "Metformin" in " ".join(p.extract_text() for p in reader.pages)


def test_unknown_case_is_one_line_and_exit_1(cli: Callable[..., Any], house: Household,
                                             tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    done = cli("packet", "--person", PATIENT, "--case", "knee", "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "No second opinion “knee”" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_usage_errors_exit_2(cli: Callable[..., Any], house: Household, tmp_path: Path) -> None:
    assert cli("packet", "--person", PATIENT).returncode == 2  # no -o
    done = cli("packet", "--person", PATIENT, "-o", str(tmp_path / "x.pdf"), "--page-size",
               "legal")
    assert done.returncode == 2


def test_unknown_section_is_exit_1(cli: Callable[..., Any], house: Household,
                                   tmp_path: Path) -> None:
    done = cli("packet", "--person", PATIENT, "-o", str(tmp_path / "x.pdf"), "--sections",
               "cover,gossip")
    assert done.returncode == 1 and "“gossip” is not a part of the packet" in done.stderr


def test_printouts(cli: Callable[..., Any], house: Household, tmp_path: Path) -> None:
    made: dict[str, str] = {}
    for kind in ("medications", "questions", "visit-summary", "request-letter"):
        out = tmp_path / f"{kind}.pdf"
        done = cli("packet", "--person", PATIENT, "--case", str(house.case_id), "-o", str(out),
                   "--printout", kind)
        assert done.returncode == 0, done.stderr
        made[kind] = text_of(out)
        assert PATIENT in made[kind]
    assert "Metformin" in made["medications"] and "Penicillin" in made["medications"]
    for number, question in enumerate(QUESTIONS, start=1):
        assert f"{number}. {question}" in made["questions"]
    summary = made["visit-summary"]
    assert PRIMARY in summary and SECOND in summary and "Mastectomy within 6 weeks" in summary
    assert "No decision yet." in summary
    letter = made["request-letter"]
    assert "1 February 2026" in letter and "right of access" in letter
    assert "The pathology report and the slides of the core biopsy" in letter
    assert len(PdfReader(tmp_path / "request-letter.pdf").pages) == 1


def test_request_letter_needs_a_request(cli: Callable[..., Any], tmp_path: Path,
                                        data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.add("person", {"full_name": "Anna Kowalska"})
    done = cli("packet", "--person", "Anna Kowalska", "-o", str(tmp_path / "l.pdf"),
               "--printout", "request-letter")
    assert done.returncode == 1
    assert "has no records request yet" in done.stderr
