"""The core's translation layer (organizer/i18n.py) and formats (organizer/formats.py):
choosing the language, a language per context and per thread, real plurals, the .po
compiled in memory the same as pybabel compiles it, dates and amounts per language."""

from __future__ import annotations

import gettext
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from organizer import i18n
from organizer.formats import format_amount, format_date, format_number, in_days
from organizer.i18n import _, choose, language, ngettext, normalize, pgettext
from tests.helpers.catalogue import PO


@pytest.mark.parametrize(("given", "expected"), [
    ("es", "es"), ("es_MX.UTF-8", "es"), ("es-419", "es"), ("ES_us", "es"), ("en_GB", "en"),
    ("Spanish", "es"), ("fr_FR.UTF-8", None), ("C", None), ("POSIX", None), ("", None),
])
def test_a_language_is_named_many_ways(given: str, expected: str | None) -> None:
    assert normalize(given) == expected


def test_the_choice_goes_flag_then_organizer_lang_then_the_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ORGANIZER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert choose(None) == "en"
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert choose(None) == "es"
    monkeypatch.setenv("LC_MESSAGES", "en_US.UTF-8")
    assert choose(None) == "en"
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    assert choose(None) == "es"
    monkeypatch.setenv("ORGANIZER_LANG", "en")
    assert choose(None) == "en"
    assert choose("es") == "es"
    monkeypatch.setenv("ORGANIZER_LANG", "fr")  # a language we lack is English
    assert choose(None) == "en"


def test_plurals_are_real_plurals() -> None:
    with language("es"):
        assert ngettext("{n} record", "{n} records", 1).format(n=1) == "1 registro"
        assert ngettext("{n} record", "{n} records", 3).format(n=3) == "3 registros"
        assert ngettext("{n} record", "{n} records", 0).format(n=0) == "0 registros"
    assert ngettext("{n} record", "{n} records", 1).format(n=1) == "1 record"


def test_a_context_keeps_one_english_word_apart() -> None:
    with language("es"):
        assert pgettext("choice", "Done") == "Realizada"  # a visit
        assert _("Done") == "Hecho"  # a checklist step's field
        assert _("Date") == "Fecha"
        assert _("a sentence nobody translated") == "a sentence nobody translated"


def test_the_language_belongs_to_the_context_and_a_thread_keeps_its_own() -> None:
    """The packet's worker speaks Spanish while the rest of the process stays English."""
    seen: dict[str, str] = {}
    go = threading.Event()

    def worker() -> None:
        with language("es"):
            go.wait(10)
            seen["worker"] = _("Date")

    thread = threading.Thread(target=worker)
    thread.start()
    seen["main before"] = _("Date")
    go.set()
    thread.join(10)
    seen["main after"] = _("Date")
    with language("es"):
        with language("en"):
            seen["nested"] = _("Date")
        seen["outer"] = _("Date")
    assert seen == {"worker": "Fecha", "main before": "Date", "main after": "Date",
                    "nested": "Date", "outer": "Fecha"}


def test_a_new_thread_starts_in_the_process_language() -> None:
    before = i18n.current()
    try:
        i18n.set_default("es")
        found: list[str] = []
        thread = threading.Thread(target=lambda: found.append(_("Date")))
        thread.start()
        thread.join(10)
        assert found == ["Fecha"]
    finally:
        i18n.set_default(before)


def test_the_po_compiled_in_memory_is_what_pybabel_compiles(tmp_path: Path) -> None:
    """A checkout that skipped `make translations` reads the same catalogue."""
    pybabel = Path(sys.executable).with_name("pybabel")
    if not pybabel.exists():
        pytest.skip("pybabel (Babel) is not installed beside this Python")
    mo = tmp_path / "organizer.mo"
    subprocess.run([str(pybabel), "compile", "-D", "organizer", "-l", "es", "-i", str(PO),
                    "-o", str(mo)], check=True, capture_output=True)
    with mo.open("rb") as handle:
        theirs = gettext.GNUTranslations(handle)
    from io import BytesIO

    ours = gettext.GNUTranslations(BytesIO(i18n._compile_po(PO.read_text("utf-8"))))
    # every message alike; the header ("") is pybabel's own rewrite of ours
    mine = {k: v for k, v in ours._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert mine == {k: v for k, v in theirs._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert len(mine) > 300
    assert ours.plural(1) == 0 and ours.plural(2) == 1  # type: ignore[attr-defined]


def test_the_in_memory_compiler_leaves_out_fuzzy_and_untranslated_entries() -> None:
    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
          '#, fuzzy\nmsgid "Date"\nmsgstr "Fecha"\n\n'
          'msgid "Name"\nmsgstr ""\n\n'
          'msgctxt "choice"\nmsgid "no"\nmsgstr "no"\n\n'
          'msgid "Note"\nmsgstr "Nota"\n')
    from io import BytesIO

    catalogue = gettext.GNUTranslations(BytesIO(i18n._compile_po(po)))
    assert catalogue.gettext("Date") == "Date"
    assert catalogue.gettext("Name") == "Name"
    assert catalogue.gettext("Note") == "Nota"
    assert catalogue.pgettext("choice", "no") == "no"


@pytest.mark.parametrize(("value", "style", "english", "spanish"), [
    ("2027-01-05", "long", "5 January 2027", "5 de enero de 2027"),
    ("2027-01-05", "medium", "5 Jan 2027", "5 ene 2027"),
    ("1952-03", "long", "March 1952", "marzo de 1952"),
    ("1952-03", "medium", "Mar 1952", "mar 1952"),
    ("1952", "long", "1952", "1952"),
    ("2026-09-02 14:30", "medium", "2 Sep 2026, 14:30", "2 sep 2026, 14:30"),
    ("soon", "long", "soon", "soon"),
    (date(2026, 3, 2), "long", "2 March 2026", "2 de marzo de 2026"),
])
def test_dates_follow_the_language(value: str | date, style: str, english: str,
                                   spanish: str) -> None:
    assert format_date(value, style, lang="en") == english
    assert format_date(value, style, lang="es") == spanish


def test_numbers_and_amounts_follow_the_language() -> None:
    assert format_amount(28200, "USD", lang="en") == "USD 28,200"
    assert format_amount(28200, "USD", lang="es") == "28,200 USD"
    assert format_amount(1150.5, "USD", lang="es") == "1,150.50 USD"
    assert format_number(12000, lang="es") == "12,000"
    assert format_number(0.25, lang="en") == "0.25"


def test_days_from_today_in_words() -> None:
    today = date(2026, 3, 2)
    assert in_days(date(2026, 3, 3), today, lang="es") == "mañana"
    assert in_days(date(2026, 3, 7), today, lang="es") == "dentro de 5 días"
    assert in_days(date(2026, 3, 1), today, lang="es") == "ayer"
    assert in_days(date(2026, 2, 27), today, lang="es") == "hace 3 días"
    assert in_days(date(2026, 3, 7), today, lang="en") == "in 5 days"


def test_an_error_marked_where_it_is_defined_is_translated_when_raised() -> None:
    from organizer.errors import LOCKED_MESSAGE, CancelledError, LockedError

    with language("es"):
        assert str(CancelledError()) == "Cancelado: no se cambió nada."
        assert "frase de contraseña" in str(LockedError(LOCKED_MESSAGE))
    assert str(CancelledError()) == "Cancelled: nothing was changed."
