"""Plain words everywhere: whatever is typed on the command line, the user reads a sentence,
never a Python exception's name; digits of any script become ASCII dates; one note line
per file; a person whose name is a number can be chosen. (UTF-16 JSON:
tests/interop/test_import_encodings.py.)"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organizer.errors import AmbiguousError, NotFoundError, OrganizerError
from organizer.items.models import TYPES
from tests.helpers.hostile import hostile_words

# FHIR R4's `date` type: what every date of the IPS export must match
FHIR_DATE = re.compile(r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
                       r"(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$")
RAW = re.compile(r"Error\b|Traceback|Exception|\w+Warning\b|invalid literal|int\(\)")

WORDS = hostile_words()
FIELDS = sorted((name, cls) for name, cls in TYPES.items())


@pytest.fixture(scope="module")
def hunt_store() -> Iterator[Path]:
    from organizer.opening import open_store

    folder = Path(tempfile.mkdtemp(prefix="plain-words-"))
    root = folder / "data"
    with open_store(root) as store:
        person = store.add("person", {"full_name": "Ann Lee"}).id
        case = store.add("case", {"title": "Knee"}, person_id=person, checklist=True).id
        store.add("provider", {"name": "Dr Sample"}, person_id=person)
        store.add("treatment", {"name": "Surgery", "case_id": case}, person_id=person)
        store.add("record", {"title": "Scan"}, person_id=person)
        store.add("visit", {"scheduled_at": "2026-03-02 10:00"}, person_id=person)
        store.add("request", {"provider_id": 1, "records": "all", "asked_on": "2026-01-01"},
                  person_id=person)
    yield root
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _logging_put_back() -> Iterator[None]:
    """cli.main configures logging for its data folder (organizer.logs): undone after."""
    import logging
    import warnings

    logger = logging.getLogger()
    handlers, level, show = logger.handlers[:], logger.level, warnings.showwarning
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)
    warnings.showwarning = show


def _run_in_process(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """cli.main with ORGANIZER_DEBUG: anything but an OrganizerError, a usage exit or a
    failure of known cause (organizer.logs.known_cause) propagates and fails the test
    (and every warning is an error in this suite)."""
    from organizer import cli

    monkeypatch.setenv("ORGANIZER_DEBUG", "1")
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    except SystemExit as exc:  # argparse's own usage error
        code = int(exc.code or 0)
    except OrganizerError as exc:
        return 1, str(exc)
    except Exception as exc:
        from organizer.logs import known_cause

        if known_cause(exc) is None:  # a cause with words of its own (a text too long
            raise                     # for one page, until the packet splits it) is fine
        return 1, str(known_cause(exc))
    return code, err.getvalue()


@settings(max_examples=120, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(command=st.sampled_from(["add", "list", "search", "packet", "printout", "export"]),
       type_index=st.integers(0, len(FIELDS) - 1), person=st.one_of(st.just("1"), WORDS),
       values=st.lists(st.tuples(st.integers(0, 30), WORDS), max_size=4), extra=WORDS)
def test_no_argument_makes_a_python_error(hunt_store: Path, tmp_path_factory: Any,
                                          monkeypatch: pytest.MonkeyPatch, command: str,
                                          type_index: int, person: str,
                                          values: list[tuple[int, str]], extra: str) -> None:
    base = ["--data-dir", str(hunt_store)]
    out = tmp_path_factory.getbasetemp() / "hunt-out"
    out.mkdir(exist_ok=True)
    type_name, cls = FIELDS[type_index]
    if command == "add":
        names = list(cls.specs())
        words = [f"{names[i % len(names)]}={v}" for i, v in values]
        if extra[:1] in "aeiou":  # NAME= for a link, as the README shows
            words = [w.replace("_id=", "=", 1) for w in words]
        whose = [] if type_name == "person" else ["--person", person]
        rest = ["add", type_name, *whose, *words]
    elif command == "list":
        rest = ["list", type_name, "--person", person]
    elif command == "search":
        rest = ["search", extra or "x", "--person", person]
    elif command == "packet":
        rest = ["packet", "--person", "1", "-o", str(out / "p.pdf"), "--case", person,
                "--records", extra]
    elif command == "printout":
        kinds = ["medications", "questions", "visit-summary", "request-letter"]
        rest = ["packet", "--person", "1", "-o", str(out / "q.pdf"), "--printout",
                kinds[len(extra) % 4], "--visit", person, "--request", extra]
    else:
        formats = ["archive", "ips", "ics", "csv"]
        rest = ["export", "--person", person, "--format", formats[len(extra) % 4],
                "-o", str(out / "e.out")]
    argv = [*base, *rest]
    code, said = _run_in_process(argv, monkeypatch)
    assert code in (0, 1, 2)
    assert not RAW.search(said.replace("ValidationError", "")), said


@pytest.mark.parametrize("argv", [
    ["list", "result", "--person", "18446744073709551616"],
    ["list", "result", "--person", "²"],
    ["add", "checklist", "--person", "1", "case=99999999999999999999999", "step=1"],
    ["add", "question", "--person", "1", "text=Why?", "position=99999999999999999999"],
    ["packet", "--person", "1", "-o", "OUT", "--case", "²"],
    ["packet", "--person", "1", "-o", "OUT", "--records", "99999999999999999999999"],
    ["packet", "--person", "1", "-o", "OUT", "--printout", "visit-summary", "--visit", "²"],
])
def test_what_used_to_crash_is_refused_in_one_sentence(cli: Any, tmp_path: Path,
                                                        argv: list[str]) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    assert cli("add", "case", "--person", "1", "title=Knee").returncode == 0
    assert cli("add", "visit", "--person", "1", "scheduled_at=2026-03-02").returncode == 0
    done = cli(*[str(tmp_path / "out.pdf") if word == "OUT" else word for word in argv])
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("organizer: ") and done.stderr.count("\n") == 1
    assert not RAW.search(done.stderr), done.stderr
    assert "something went wrong" not in done.stderr.lower()


# -- dates in any script's digits --------------------------------------------------------

@pytest.mark.parametrize(("typed", "kept"), [
    ("２０２６-０３-０２", "2026-03-02"),
    ("٢٠٢٦-٠٣-٠٢", "2026-03-02"),
    ("۲۰۲۶-۰۳", "2026-03"),  # Persian digits
    ("२०२६", "2026"),  # Devanagari
    ("２０２６－０３－０２", "2026-03-02"),  # full-width dashes too
])
def test_dates_typed_in_other_digits_are_kept_in_ascii(cli: Any, typed: str, kept: str
                                                       ) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("add", "condition", "--person", "1", "name=Asthma", f"diagnosed_on={typed}")
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli("list", "condition", "--person", "1", "--json").stdout)
    assert listed[0]["diagnosed_on"] == kept


def test_other_digits_in_a_time_and_a_nonsense_date_are_handled() -> None:
    from organizer.errors import ValidationError
    from organizer.items.validation import check_date, check_datetime

    assert check_datetime("２０２６-０３-０２ １４：３０") == "2026-03-02 14:30"
    with pytest.raises(ValidationError):
        check_date("２０２６-１３-０２")  # month 13, whatever digits it is typed in
    with pytest.raises(ValidationError):
        check_date("2026-0²-02")  # a superscript is not a digit of any script's dates


def test_the_ips_export_never_writes_an_invalid_date(store: Any, person_id: int,
                                                      tmp_path: Path) -> None:
    """A date stored before digits were normalised (or changed outside the app) is written
    in ASCII when it is a date, and left out when it is not."""
    from organizer.interop.exports import export

    store.add("condition", {"name": "Asthma", "diagnosed_on": "2010"}, person_id=person_id)
    store.add("immunization", {"vaccine": "Tetanus", "given_on": "2011"}, person_id=person_id)
    store.add("result", {"name": "HbA1c", "value": "6.1", "observed_on": "2012"},
              person_id=person_id)
    database = store.root / "organizer.db"
    with contextlib.closing(sqlite3.connect(database)) as raw:
        raw.execute("UPDATE conditions SET diagnosed_on = '٢٠١٠-٠١-٠٢'")
        raw.execute("UPDATE immunizations SET given_on = 'last spring'")
        raw.execute("UPDATE results SET observed_on = '２０１２-１３-０１'")
        raw.execute("UPDATE people SET birth_date = '１９５０-０３-０２'")
        raw.commit()
    target = tmp_path / "ips.json"
    export(store, person_id, "ips", target)
    bundle = json.loads(target.read_text(encoding="utf-8"))
    dates: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif key in ("birthDate", "onsetDateTime", "occurrenceDateTime", "effectiveDateTime",
                     "performedDateTime", "start", "end"):
            dates.append(value)

    walk(bundle)
    assert sorted(dates) == ["1950-03-02", "2010-01-02"]
    assert all(FHIR_DATE.match(d) for d in dates)


# -- one note line per file --------------------------------------------------------------

@pytest.mark.parametrize("name", ["two\nlines.pdf", "evil\u202efdp.exe.pdf",
                                  "esc\x1b[31mred.pdf", "sep\u2028x.pdf"])
def test_one_note_line_per_file_whatever_its_name(cli: Any, tmp_path: Path, name: str
                                                  ) -> None:
    damaged = tmp_path / name
    damaged.write_bytes(b"%PDF-1.4\nthis is not a PDF at all\n")
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    for title in ("first", "second"):
        assert cli("add", "record", "--person", "1", f"title={title}", "--file",
                   str(damaged)).returncode == 0
    done = cli("packet", "--person", "1", "-o", str(tmp_path / "p.pdf"))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("organizer: note:") for line in lines)
    assert all(ch.isprintable() or ch == "\n" for ch in done.stderr)
    assert "\u202e" not in done.stderr and "\x1b" not in done.stderr
    assert "\u2028" not in done.stderr


def test_one_line_shows_what_it_escapes() -> None:
    from organizer.commands.common import one_line

    assert one_line("a\nb\u202ec\x1bd\te") == "a\\nb\\u202ec\\x1bd\\te"
    assert one_line("Zoë Παπαδοπούλου 日本 👨‍👩‍👧") == "Zoë Παπαδοπούλου 日本 👨‍👩‍👧"


# -- --person: ids and names that are numbers -------------------------------------------

@pytest.fixture
def numbered(store: Any) -> Any:
    """Person 1 "Ann Lee", person 2 "1984", person 3 "1" (a name that is another's id)."""
    for name in ("Ann Lee", "1984", "1"):
        store.add("person", {"full_name": name})
    return store


def test_a_person_whose_name_is_a_number_is_found_by_name(numbered: Any) -> None:
    assert numbered.find_person("1984").full_name == "1984"  # no person number 1984
    assert numbered.find_person("name:1984").full_name == "1984"
    assert numbered.find_person("#2").full_name == "1984"
    assert numbered.find_person("id:2").full_name == "1984"
    assert numbered.find_person(" ID: 3 ").full_name == "1"
    assert numbered.find_person("name:1").id == 3
    assert numbered.find_person("#1").full_name == "Ann Lee"
    assert numbered.find_person(1).full_name == "Ann Lee"  # an int is always an id
    assert numbered.find_person("٢").full_name == "1984"  # digits of any script
    assert numbered.find_person("2").full_name == "1984"  # no one is called "2"


def test_a_number_that_is_an_id_and_a_name_is_not_guessed(numbered: Any) -> None:
    with pytest.raises(AmbiguousError, match=r"#1.*name:1"):
        numbered.find_person("1")
    with pytest.raises(NotFoundError, match="no person number 99"):
        numbered.find_person("#99")
    with pytest.raises(NotFoundError, match="needs the person's number after it"):
        numbered.find_person("#")
    with pytest.raises(NotFoundError):
        numbered.find_person("id:99999999999999999999999")
    with pytest.raises(NotFoundError, match="called “99999999999999999999999”"):
        numbered.find_person("99999999999999999999999")


def test_person_rule_on_the_command_line_and_in_help(cli: Any) -> None:
    for name in ("Ann Lee", "1984"):
        assert cli("add", "person", f"full_name={name}").returncode == 0
    assert cli("add", "journal", "--person", "1984", "written_on=2026-01-02",
               "text=Tired").returncode == 0
    listed = json.loads(cli("list", "journal", "--person", "#2", "--json").stdout)
    assert [j["text"] for j in listed] == ["Tired"]
    text = " ".join(cli("list", "--help").stdout.split())
    assert "#12 or id:12 is always an id" in text and "name:1984 always a name" in text
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert "`#12` or `id:12` is always the" in " ".join(readme.split())


@pytest.mark.parametrize(("typed", "good"), [
    ("2026-01-01T10:00+02:00", True), ("2026-01-01T10:00-05:30", True),
    ("2026-01-01 10:00Z", True), ("2026-01-01T10:00+99:99", False),
    ("2026-01-01T10:00-13:00", False), ("2026-01-01T10:00+14:60", False),
])
def test_a_time_zone_must_be_one(typed: str, good: bool) -> None:
    from organizer.errors import ValidationError
    from organizer.items.validation import check_datetime

    if good:
        assert check_datetime(typed) == typed
    else:
        with pytest.raises(ValidationError, match="not a time zone"):
            check_datetime(typed)


def test_a_folder_or_device_to_import_is_called_what_it_is(cli: Any, tmp_path: Path) -> None:
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    for target in (tmp_path, Path("/dev/null")):
        done = cli("import", str(target), "--person", "1")
        assert done.returncode == 1 and "is not a file" in done.stderr


def test_check_and_people_write_one_line_per_file_and_person(cli: Any, data_dir: Path) -> None:
    assert cli("add", "person", "full_name=Ann\nLee\u202e").returncode == 0
    listed = cli("people")
    assert listed.stdout.splitlines() == ["   1  Ann\\nLee\\u202e"]
    for name in ("stray\nfile", "odd\u202efdp.exe"):
        (data_dir / "files" / name).write_bytes(b"not the organizer's")
    done = cli("check")
    notes = [line for line in done.stdout.splitlines() if line.startswith("note")]
    assert len(notes) == 2 and "\u202e" not in done.stdout, done.stdout


def test_import_lines_stay_one_per_line(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "portal\nexport.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Condition", "code": {"text": "Asthma"}}}]}))
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    done = cli("import", str(path), "--person", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("Imported “portal\\nexport.json” for Ann")
