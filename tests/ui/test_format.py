"""Dates in tables: the locale's order, always a four-digit year, readable under C/POSIX."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from organizer.items.fields import FieldSpec
from ui.format import format_date, format_value, short_date_format


@pytest.mark.parametrize(("name", "expected"), [
    ("en_US", "10/22/2026"),
    ("de_DE", "22.10.2026"),
    ("C", "22 Oct 2026"),
])
def test_full_date_has_a_four_digit_year_in_each_locale(name: str, expected: str) -> None:
    assert format_date("2026-10-22", QLocale(name)) == expected


def test_c_locale_spells_the_month_so_day_and_month_cannot_be_confused() -> None:
    locale = QLocale(QLocale.Language.C)
    assert format_date("2026-03-02", locale) == "2 Mar 2026"
    assert short_date_format(locale) == "d MMM yyyy"


def test_two_digit_year_patterns_are_widened_but_quoted_text_is_kept() -> None:
    assert short_date_format(QLocale("en_US")) == "M/d/yyyy"
    assert short_date_format(QLocale("de_DE")) == "dd.MM.yyyy"
    # a locale that already writes four digits is left as it is
    assert short_date_format(QLocale("ja_JP")) == QLocale("ja_JP").dateFormat(
        QLocale.FormatType.ShortFormat)


@pytest.mark.parametrize("name", ["en_US", "de_DE", "C"])
def test_partial_dates_stay_in_words(name: str) -> None:
    locale = QLocale(name)
    assert format_date("2019", locale) == "2019"
    assert format_date("2019-03", locale) == f"{locale.standaloneMonthName(3)} 2019"


def test_partial_date_in_english_reads_as_typed() -> None:
    assert format_date("2019-03", QLocale("en_US")) == "March 2019"
    assert format_date("2019-03", QLocale(QLocale.Language.C)) == "March 2019"


def test_date_and_time_keep_the_four_digit_year() -> None:
    assert format_date("2026-10-22 09:30", QLocale("de_DE")) == "22.10.2026 09:30"
    assert format_date("2026-10-22T09:30", QLocale(QLocale.Language.C)).startswith(
        "22 Oct 2026 09:30")


def test_text_that_is_not_a_date_is_shown_as_stored() -> None:
    assert format_date("sometime in spring", QLocale("en_US")) == "sometime in spring"
    assert format_date(None) == ""


def test_table_cells_use_the_readable_date() -> None:
    spec = FieldSpec("date", "Date")
    shown = format_value(spec, "2026-10-22")
    assert "2026" in shown and shown != "22 10 2026"
