"""The command line in Spanish: --lang before or after the command, ORGANIZER_LANG, and the
default English, through real processes (DESIGN, "The command line")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.helpers.cli import one_line_error, run_cli


def test_a_bad_date_is_refused_in_spanish(data_dir: Path) -> None:
    result = run_cli("--lang", "es", "add", "person", "full_name=Ana Ruiz",
                     "birth_date=1950-13-40", data_dir=data_dir)
    line = one_line_error(result, code=1)
    assert line == ("organizer: Fecha de nacimiento: «1950-13-40» no es una fecha que exista "
                    "(revise el mes y el día).")
    unreadable = run_cli("--lang", "es", "add", "person", "full_name=Ana Ruiz",
                         "birth_date=el martes", data_dir=data_dir)
    assert "no entiendo la fecha «el martes»" in one_line_error(unreadable)
    assert run_cli("people", data_dir=data_dir).stdout.startswith("No one")  # nothing added


def test_an_unknown_person_is_said_in_spanish_with_organizer_lang(data_dir: Path) -> None:
    run_cli("add", "person", "full_name=Ana Ruiz", data_dir=data_dir)
    result = run_cli("list", "medication", "--person", "Nadie", data_dir=data_dir,
                     env={"ORGANIZER_LANG": "es"})
    assert one_line_error(result) == ("organizer: No hay ninguna persona llamada «Nadie» en "
                                      "el organizador. `organizer people` muestra a todos.")
    by_number = run_cli("--lang", "es", "list", "medication", "--person", "#99",
                        data_dir=data_dir)
    assert "No hay ninguna persona con el número 99" in one_line_error(by_number)


def test_the_default_stays_english_and_the_locale_is_followed(data_dir: Path) -> None:
    english = run_cli("list", "medication", "--person", "Nadie", data_dir=data_dir)
    assert one_line_error(english).startswith("organizer: No person called “Nadie”")
    from_locale = run_cli("list", "medication", "--person", "Nadie", data_dir=data_dir,
                          env={"LANG": "es_US.UTF-8"})
    assert "No hay ninguna persona" in one_line_error(from_locale)
    flag_wins = run_cli("--lang", "en", "list", "medication", "--person", "Nadie",
                        data_dir=data_dir, env={"ORGANIZER_LANG": "es"})
    assert "No person called" in one_line_error(flag_wins)


def test_lang_after_the_command_wins_over_the_one_before(data_dir: Path) -> None:
    result = run_cli("--lang", "en", "list", "medication", "--person", "Nadie", "--lang",
                     "es", data_dir=data_dir)
    assert "No hay ninguna persona" in one_line_error(result)
    usage = run_cli("--lang", "de", "people", data_dir=data_dir)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_demo_lang_es_adds_the_spanish_household_once(data_dir: Path) -> None:
    first = run_cli("demo", "--lang", "es", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "Se agregó la familia de ejemplo: Lucía Ramírez, Ernesto Ramírez Cárdenas."
    assert "1 segunda opinión" in lines[1] and "8 preguntas" in lines[1]
    assert "4 archivos PDF adjuntos" in lines[1]
    again = run_cli("--lang", "es", "demo", data_dir=data_dir)
    assert again.stdout.startswith("Las personas de ejemplo ya están en el organizador")
    people = json.loads(run_cli("people", "--json", data_dir=data_dir).stdout)
    assert sorted(p["full_name"] for p in people) == ["Ernesto Ramírez Cárdenas",
                                                      "Lucía Ramírez"]
    steps = json.loads(run_cli("list", "checklist", "--person", "Ernesto Ramírez Cárdenas",
                               "--json", data_dir=data_dir).stdout)
    assert steps[0]["label"] == "Pídale a su médico el nombre de otro especialista"
    assert len(steps) == 10


def test_the_medications_csv_has_spanish_headers(data_dir: Path, tmp_path: Path) -> None:
    run_cli("demo", "--lang", "es", data_dir=data_dir)
    out = tmp_path / "medicamentos.csv"
    result = run_cli("--lang", "es", "export", "--person", "Ernesto Ramírez Cárdenas",
                     "--format", "csv", "-o", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0][:3] == ["nombre", "dosis", "presentación"]
    assert ["Metformina", "500 mg"] in [r[:2] for r in rows[1:]]  # as typed, untranslated
    assert {r[rows[0].index("lo_toma_ahora")] for r in rows[1:]} == {"sí"}
