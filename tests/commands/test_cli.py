"""The command line contract of DESIGN, end to end: real processes on a real data folder.

Exit 0 on success; 1 on an error, with one plain line on stderr and nothing changed; 2 on
a usage error. `--json` keys are exactly DESIGN's field names.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest

from organizer.cli import COMMANDS
from organizer.opening import open_store
from tests.helpers.cli import one_line_error

# DESIGN.md, "What it stores": the fields of every TYPE, copied from the spec on purpose
# (not from organizer.models), so a drift between code and spec fails here.
DESIGN_FIELDS: dict[str, str] = {
    "person": "full_name birth_date sex relationship phone email address emergency_contact "
              "insurance_plan insurance_member_id insurance_phone primary_provider_id "
              "no_known_allergies notes",
    "provider": "name role specialty facility phone fax email address languages gender notes",
    "condition": "name code code_system status diagnosed_on diagnosed_by_id severity notes",
    "case": "title condition_id question decide_by status decision rationale decided_on",
    "checklist": "case_id step label done done_on note",
    "opinion": "case_id provider_id given_on diagnosis recommendation agrees summary "
               "report_record_id",
    "treatment": "case_id name proposed_by_id duration recovery_time cost coverage risks "
                 "benefits daily_life status",
    "quote": "treatment_id facility amount currency covered_amount obtained_on notes",
    "medication": "name dose form route frequency instructions prescriber_id condition_id "
                  "started_on stopped_on active code code_system notes",
    "allergy": "substance reaction severity noted_on code code_system notes",
    "immunization": "vaccine given_on code code_system notes",
    "procedure": "name performed_on performer code code_system notes",
    "result": "name value unit reference_range flag observed_on code code_system notes",
    "record": "title kind dated_on source description case_id physical location attachments",
    "sending": "record_id recipient_id status method sent_on received_on tracking",
    "request": "provider_id records asked_on method received_on notes",
    "question": "text case_id visit_id priority position asked answer answered_by_id "
                "answered_on",
    "visit": "scheduled_at provider_id case_id location purpose status notes follow_up "
             "report_requested_on report_received_on",
    "journal": "written_on text",
}
SYSTEM = {"id", "created_at", "updated_at", "origin"}


def expected_keys(type_name: str) -> set[str]:
    keys = set(DESIGN_FIELDS[type_name].split()) | SYSTEM
    return keys if type_name == "person" else keys | {"person_id"}




def snapshot(data_dir: Path) -> dict[str, int]:
    """How many rows every table holds (to prove that bad input changed nothing)."""
    conn = sqlite3.connect(data_dir / "organizer.db")
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index_%'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def anna(cli: Any) -> str:
    result = cli("add", "person", "full_name=Anna Kowalska", "birth_date=1950-03-02")
    assert result.returncode == 0, result.stderr
    return str(result.stdout.strip())


# -- people, add, list ---------------------------------------------------------------------

def test_people_on_an_empty_store_says_how_to_add_someone(cli: Any) -> None:
    result = cli("people")
    assert result.returncode == 0
    assert "No one is in the organizer yet" in result.stdout
    assert cli("people", "--json").stdout.strip() == "[]"


def test_add_person_prints_the_new_id_and_people_lists_it(cli: Any, anna: str) -> None:
    assert anna.isdigit()
    result = cli("people")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.split() == [anna, "Anna", "Kowalska", "1950-03-02"]
    people = json.loads(cli("people", "--json").stdout)
    assert len(people) == 1
    assert set(people[0]) == expected_keys("person")
    assert people[0]["full_name"] == "Anna Kowalska"
    assert people[0]["no_known_allergies"] is False
    assert people[0]["origin"] == "typed"


def test_a_person_is_found_by_id_or_by_name_in_any_case(cli: Any, anna: str) -> None:
    for ref in (anna, "anna kowalska", "ANNA KOWALSKA"):
        result = cli("add", "medication", "--person", ref, "name=Metformin", "dose=500 mg")
        assert result.returncode == 0, result.stderr
    meds = json.loads(cli("list", "medication", "--person", "Anna Kowalska", "--json").stdout)
    assert [m["name"] for m in meds] == ["Metformin"] * 3
    assert all(m["person_id"] == int(anna) and m["active"] is True for m in meds)


def test_list_prints_one_line_per_item(cli: Any, anna: str) -> None:
    cli("add", "allergy", "--person", anna, "substance=Penicillin", "reaction=hives")
    result = cli("list", "allergy", "--person", anna)
    assert result.returncode == 0
    assert "Penicillin" in result.stdout and len(result.stdout.splitlines()) == 1
    empty = cli("list", "visit", "--person", anna)
    assert empty.returncode == 0 and "No visits" in empty.stdout


def test_json_keys_are_designs_field_names_for_every_type(cli: Any, data_dir: Path) -> None:
    with open_store(data_dir) as store:
        pid = store.add("person", {"full_name": "Jan Kowalski"}).id
        prov = store.add("provider", {"name": "Dr Lee"}, person_id=pid).id
        cond = store.add("condition", {"name": "Asthma"}, person_id=pid).id
        case = store.add("case", {"title": "Surgery?", "condition_id": cond}, person_id=pid,
                         checklist=True).id
        store.add("opinion", {"case_id": case, "provider_id": prov}, person_id=pid)
        treat = store.add("treatment", {"case_id": case, "name": "Rest"}, person_id=pid).id
        store.add("quote", {"treatment_id": treat, "facility": "Clinic A", "amount": "1,200"},
                  person_id=pid)
        for type_name, values in (("medication", {"name": "Aspirin"}),
                                  ("allergy", {"substance": "Latex"}),
                                  ("immunization", {"vaccine": "Influenza"}),
                                  ("procedure", {"name": "X-ray"}),
                                  ("result", {"name": "HbA1c", "value": "6.1"}),
                                  ("journal", {"written_on": "2026-01-05", "text": "Tired."})):
            store.add(type_name, values, person_id=pid)
        rec = store.add("record", {"title": "MRI report"}, person_id=pid).id
        store.add("sending", {"record_id": rec, "recipient_id": prov}, person_id=pid)
        store.add("request", {"provider_id": prov, "records": "MRI", "asked_on": "2026-01"},
                  person_id=pid)
        visit = store.add("visit", {"scheduled_at": "2026-04-01 10:00"}, person_id=pid).id
        store.add("question", {"text": "Why?", "visit_id": visit}, person_id=pid)
    for type_name in DESIGN_FIELDS:
        result = cli("list", type_name, "--person", "Jan Kowalski", "--json")
        assert result.returncode == 0, (type_name, result.stderr)
        items = json.loads(result.stdout)
        assert items, type_name
        for item in items:
            assert set(item) == expected_keys(type_name), type_name
    checklist = json.loads(cli("list", "checklist", "--person", "Jan Kowalski", "--json").stdout)
    assert [c["step"] for c in checklist] == list(range(1, 11))
    quote = json.loads(cli("list", "quote", "--person", "Jan Kowalski", "--json").stdout)[0]
    assert quote["amount"] == 1200


def test_add_record_with_files_attaches_them(cli: Any, anna: str, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "MRI report.pdf"
    drawing = canvas.Canvas(str(pdf))
    drawing.drawString(72, 720, "Severe central canal stenosis at L4-L5.")
    drawing.save()
    note = tmp_path / "notes.txt"
    note.write_text("Ask about the disc images.\n", encoding="utf-8")
    result = cli("add", "record", "--person", anna, "title=MRI", "kind=imaging",
                 "--file", str(pdf), "--file", str(note))
    assert result.returncode == 0, result.stderr
    record = json.loads(cli("list", "record", "--person", anna, "--json").stdout)[0]
    assert record["id"] == int(result.stdout)
    assert record["attachments"] == [
        {"filename": "MRI report.pdf", "media_type": "application/pdf",
         "size": pdf.stat().st_size, "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest()},
        {"filename": "notes.txt", "media_type": "text/plain", "size": note.stat().st_size,
         "sha256": hashlib.sha256(note.read_bytes()).hexdigest()},
    ]
    hits = json.loads(cli("search", "stenosis", "--json").stdout)
    assert [(h["type"], h["id"]) for h in hits] == [("record", record["id"])]


def test_a_missing_file_or_a_file_on_another_type_changes_nothing(
        cli: Any, anna: str, data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    one_line_error(cli("add", "record", "--person", anna, "title=X", "--file",
                       str(tmp_path / "nowhere.pdf")), "does not exist")
    real = tmp_path / "a.txt"
    real.write_text("x", encoding="utf-8")
    one_line_error(cli("add", "medication", "--person", anna, "name=X", "--file", str(real)),
                   "only a record")
    assert snapshot(data_dir) == before


def test_a_link_can_be_given_by_name(cli: Any, anna: str) -> None:
    doctor = cli("add", "provider", "--person", anna, "name=Dr Lee", "role=primary care")
    assert doctor.returncode == 0, doctor.stderr
    result = cli("add", "medication", "--person", anna, "name=Apixaban", "prescriber=dr lee")
    assert result.returncode == 0, result.stderr
    med = json.loads(cli("list", "medication", "--person", anna, "--json").stdout)[0]
    assert med["prescriber_id"] == int(doctor.stdout)
    provider = json.loads(cli("list", "provider", "--person", anna, "--json").stdout)[0]
    assert provider["role"] == "primary_care"
    one_line_error(cli("add", "medication", "--person", anna, "name=X", "prescriber=Dr Nobody"),
                   "Dr Nobody")


# -- search --------------------------------------------------------------------------------

def test_search_json_gives_hits_with_their_keys(cli: Any, anna: str) -> None:
    cli("add", "journal", "--person", anna, "written_on=2026-02-01",
        "text=Legs numb after walking five minutes")
    cli("add", "person", "full_name=Jan Kowalski")
    cli("add", "journal", "--person", "Jan Kowalski", "written_on=2026-02-01",
        "text=Walking to the shop was fine")
    hits = json.loads(cli("search", "walking", "--json").stdout)
    assert len(hits) == 2
    for hit in hits:
        assert set(hit) == {"type", "id", "person_id", "title", "snippet", "rank"}
        assert hit["type"] == "journal" and "[" in hit["snippet"]
    mine = json.loads(cli("search", "walking", "--person", anna, "--json").stdout)
    assert [h["person_id"] for h in mine] == [int(anna)]
    text = cli("search", "numb")
    assert text.returncode == 0 and "Journal entry" in text.stdout
    nothing = cli("search", "zebra")
    assert nothing.returncode == 0 and "Nothing found" in nothing.stdout


# -- errors: exit 1, one line, nothing changed ---------------------------------------------

def test_an_unknown_person_is_one_line_and_exit_1(cli: Any, anna: str, data_dir: Path) -> None:
    before = snapshot(data_dir)
    message = one_line_error(cli("add", "medication", "--person", "Nobody Here", "name=X"),
                             "Nobody Here")
    assert "organizer people" in message
    one_line_error(cli("list", "medication", "--person", "999"), "999")
    one_line_error(cli("search", "x", "--person", "Nobody Here"), "Nobody Here")
    assert snapshot(data_dir) == before


def test_an_ambiguous_name_lists_the_matches(cli: Any, data_dir: Path) -> None:
    first = cli("add", "person", "full_name=Maria Nowak", "birth_date=1950").stdout.strip()
    second = cli("add", "person", "full_name=maria nowak", "birth_date=1980").stdout.strip()
    before = snapshot(data_dir)
    message = one_line_error(cli("add", "allergy", "--person", "Maria Nowak",
                                 "substance=Latex"), "more than one")
    assert first in message and second in message and "1950" in message and "1980" in message
    assert snapshot(data_dir) == before


BAD_INPUT = [
    (["add", "medication", "name="], "required"),
    (["add", "medication", "name=   "], "required"),
    (["add", "journal", "written_on=2026-02-30", "text=x"], "2026-02-30"),
    (["add", "visit", "scheduled_at=2026-13-01"], "2026-13-01"),
    (["add", "visit", "scheduled_at=2026-03-01 25:00"], "25:00"),
    (["add", "medication", "name=X", "colour=red"], "colour"),
    (["add", "medication", "name=X", "active=perhaps"], "yes or no"),
    (["add", "provider", "name=X", "role=wizard"], "wizard"),
    (["add", "medication", "name=X", "name=Y"], "twice"),
    (["add", "quote", "treatment=999", "facility=X"], "999"),
]


def test_bad_input_is_refused_in_one_line_and_changes_nothing(
        cli: Any, anna: str, data_dir: Path) -> None:
    # One test, one person for all cases: each case is a process start, and the quick
    # suite should stay quick.
    before = snapshot(data_dir)
    for words, expected in BAD_INPUT:
        one_line_error(cli(*words[:2], "--person", anna, *words[2:]), expected)
    assert snapshot(data_dir) == before


USAGE_ERRORS = [
    (["add", "medication", "nameMetformin"], "FIELD=VALUE"),
    (["add", "medication", "=Metformin"], "FIELD=VALUE"),
    (["add", "potion", "name=X"], "potion"),
    (["list", "potion"], "potion"),
]


def test_usage_errors_exit_2_in_one_line_and_change_nothing(
        cli: Any, anna: str, data_dir: Path) -> None:
    before = snapshot(data_dir)
    for words, expected in USAGE_ERRORS:
        one_line_error(cli(*words[:2], "--person", anna, *words[2:]), expected, code=2)
    assert snapshot(data_dir) == before


def test_add_person_takes_no_person_option_and_others_need_one(cli: Any, anna: str) -> None:
    one_line_error(cli("add", "person", "--person", anna, "full_name=X"), "--person", code=2)
    one_line_error(cli("add", "medication", "name=X"), "--person", code=2)
    one_line_error(cli("add", "person", "full_name=X", "birth_date=2026-02-30"), "2026-02-30")


def test_a_newer_database_is_refused_by_every_command_and_left_untouched(
        cli: Any, anna: str, data_dir: Path) -> None:
    database = data_dir / "organizer.db"
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    content = database.read_bytes()
    for words in (["people"], ["people", "--json"], ["list", "allergy", "--person", anna]):
        one_line_error(cli(*words), "newer version")
    assert database.read_bytes() == content


# -- usage errors: exit 2 ------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    ["frobnicate"], ["add"], ["list", "medication"], ["search"], ["people", "--colour"],
    ["--no-such-option"],
])
def test_usage_errors_exit_2(cli: Any, words: list[str]) -> None:
    result = cli(*words)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_commands_not_built_yet_say_so_and_exit_2(cli: Any) -> None:
    waiting = [name for name, (module, _) in COMMANDS.items()
               if getattr(import_module(f"organizer.commands.{module}"), "NOT_AVAILABLE", False)]
    for name in waiting:
        result = cli(name)
        assert result.returncode == 2, name
        assert "not available yet" in result.stderr, name
        assert "Traceback" not in result.stderr


def test_version_and_help(cli: Any) -> None:
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("organizer ")
    helped = cli("--help")
    assert helped.returncode == 0
    for name in COMMANDS:
        assert name in helped.stdout


# -- demo and check ------------------------------------------------------------------------

def test_demo_twice_adds_nothing_twice(cli: Any, data_dir: Path) -> None:
    first = cli("demo")
    assert first.returncode == 0, first.stderr
    assert "Łukasz Nowak" in first.stdout and "Eleanor Whitfield" in first.stdout
    after_first = snapshot(data_dir)
    people = json.loads(cli("people", "--json").stdout)
    assert len(people) == 3 and {p["origin"] for p in people} == {"demo"}
    second = cli("demo")
    assert second.returncode == 0, second.stderr
    assert "already" in second.stdout and "nothing was added" in second.stdout
    assert snapshot(data_dir) == after_first
    listed = cli("people")
    assert [line.split()[1] for line in listed.stdout.splitlines()] == [
        "Eleanor", "Sarah", "Łukasz"]


def test_check_passes_then_fails_on_an_altered_attachment(
        cli: Any, anna: str, data_dir: Path, tmp_path: Path) -> None:
    note = tmp_path / "letter.txt"
    note.write_text("Dear Dr Lee,\n", encoding="utf-8")
    cli("add", "record", "--person", anna, "title=Letter", "--file", str(note))
    good = cli("check")
    assert good.returncode == 0 and "OK" in good.stdout
    stored = data_dir / "files" / hashlib.sha256(note.read_bytes()).hexdigest()
    stored.write_text("Dear Dr Lee, (changed)\n", encoding="utf-8")
    bad = cli("check")
    assert bad.returncode == 1
    assert "letter.txt" in bad.stdout and "checksum" in bad.stdout
    stored.unlink()
    missing = cli("check")
    assert missing.returncode == 1 and "Missing file" in missing.stdout
