"""The Spanish demo's packet and printouts, made by real processes and read back with pypdf:
no English heading left, "Sin alergias conocidas", "Página 1 de", real plurals, and the
records request letter in Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from tests.helpers.catalogue import PO
from tests.helpers.cli import run_cli
from tests.helpers.packet_helpers import flat

FATHER = "Ernesto Ramírez Cárdenas"


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Both demo households, the English and the Spanish packet, and the Spanish letter."""
    root = tmp_path_factory.mktemp("spanish")
    data = root / "data"
    assert run_cli("demo", data_dir=data).returncode == 0
    assert run_cli("demo", "--lang", "es", data_dir=data).returncode == 0
    out: dict[str, str] = {}
    jobs = {
        "en": ("packet", "--person", "Eleanor Whitfield", "--case", "1", "-o",
               str(root / "en.pdf")),
        "es": ("packet", "--person", FATHER, "--case",
               "Cáncer de próstata: ¿cirugía, radiación o vigilancia activa?", "-o",
               str(root / "es.pdf"), "--lang", "es"),
        "letter": ("--lang", "es", "packet", "--person", FATHER, "-o",
                   str(root / "letter.pdf"), "--printout", "request-letter"),
        "medications": ("packet", "--person", FATHER, "-o", str(root / "medications.pdf"),
                        "--printout", "medications", "--lang", "es"),
    }
    for key, args in jobs.items():
        done = run_cli(*args, data_dir=data)
        assert done.returncode == 0, done.stderr
        out[key] = text_of(root / f"{key}.pdf")
        out[key + " said"] = done.stdout
    return out


def _english_words() -> list[str]:
    """Every catalogue message without placeholders whose Spanish differs: headings,
    labels, table headers, statements."""
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if (message.id and isinstance(message.id, str) and "{" not in message.id
                and message.string and message.string != message.id
                and len(message.id) >= 4 and message.context is None):
            found.append(message.id)
    return found


def test_the_spanish_packet_has_no_english_heading(made: dict[str, str]) -> None:
    english, spanish = flat(made["en"]), flat(made["es"])
    headings = [w for w in _english_words() if re.search(rf"\b{re.escape(w)}\b", english)]
    assert len(headings) > 60  # the English packet does print them: the list means something
    left = [w for w in headings
            if (w[0].isupper() or " " in w) and re.search(rf"\b{re.escape(w)}\b", spanish)]
    assert left == []


def test_the_spanish_packet_says_what_a_spanish_reader_expects(made: dict[str, str]) -> None:
    spanish = flat(made["es"])
    for words in ("Paquete para la segunda opinión", "Sin alergias conocidas", "Página 1 de",
                  "Resumen del paciente", "Preguntas para el médico", "Cronología",
                  "Lista de documentos adjuntos", "Opciones de tratamiento lado a lado",
                  "LA PREGUNTA QUE HAY QUE RESOLVER", "Documento adjunto 1",
                  "información de salud confidencial"):
        assert words in spanish, words
    # dates in Spanish, typed text as typed
    assert re.search(r"\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic) \d{4}",
                     spanish)
    assert "¿Necesita mi papá operarse pronto" in spanish
    assert "No known allergies" not in spanish and "Page 1 of" not in spanish


def test_counts_are_real_plurals(made: dict[str, str]) -> None:
    assert "(4 documentos)" in flat(made["es"])
    assert re.search(r"\(\d+ páginas, 4 documentos adjuntos\)", made["es said"])
    assert "(1 página)." in made["letter said"]
    assert "1 registro" not in made["es said"]


def test_the_request_letter_in_spanish(made: dict[str, str]) -> None:
    letter = flat(made["letter"])
    assert "Solicitud de copias de mis registros médicos" in letter
    assert "derecho como paciente a acceder a mi propia información de salud" in letter
    assert "HIPAA (45 CFR 164.524)" in letter
    assert "30 días" in letter and "Atentamente," in letter
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", letter)  # dated in full
    assert "Página 1 de 1" in letter
    for english in ("Dear", "Sincerely", "Request for copies", "right of access"):
        assert english not in letter


def test_the_medication_list_in_spanish(made: dict[str, str]) -> None:
    medications = flat(made["medications"])
    assert "Lista de medicamentos" in medications and "Los que toma ahora" in medications
    assert "Metformina" in medications and "Sin alergias conocidas" in medications
