"""Dates as people write them (organizer/dates.py): the locale's order, words, partial
dates, ISO; refusals in plain words; and the words said back."""

from __future__ import annotations

import pytest

from organizer.errors import ValidationError
from organizer.items.dates import (
    friendly_date,
    order_of_locale,
    order_of_pattern,
    parse_date,
    parse_datetime,
)


@pytest.mark.parametrize(("typed", "order", "stored"), [
    ("3/14/1952", "mdy", "1952-03-14"),
    ("14/03/1952", "dmy", "1952-03-14"),
    ("14.03.1952", "dmy", "1952-03-14"),
    ("14-3-1952", "dmy", "1952-03-14"),
    ("3/4/2026", "mdy", "2026-03-04"),   # the US reads the month first
    ("3/4/2026", "dmy", "2026-04-03"),   # elsewhere the day
    ("14/03/1952", "mdy", "1952-03-14"),  # only one way round is a date
    ("03/14/1952", "dmy", "1952-03-14"),
    ("1952/03/14", "mdy", "1952-03-14"),  # the year first is never ambiguous
    ("1952-03-14", "mdy", "1952-03-14"),
    ("1952-3-4", "dmy", "1952-03-04"),
    ("1952-03", "dmy", "1952-03"),
    ("1952", "mdy", "1952"),
    ("03/1952", "dmy", "1952-03"),
    ("March 1952", "dmy", "1952-03"),
    ("Mar 1952", "mdy", "1952-03"),
    ("mar. 1952", "mdy", "1952-03"),
    ("march 14, 1952", "dmy", "1952-03-14"),
    ("14 March 1952", "mdy", "1952-03-14"),
    ("14th March 1952", "mdy", "1952-03-14"),
    ("Sept 2019", "dmy", "2019-09"),
    ("14 de marzo de 1952", "dmy", "1952-03-14"),
    ("marzo de 1952", "dmy", "1952-03"),
    ("Agosto 2001", "dmy", "2001-08"),
    ("setiembre 2001", "dmy", "2001-09"),
    ("  14 / 03 / 1952 ", "dmy", "1952-03-14"),
    ("１４/０３/１９５２", "dmy", "1952-03-14"),  # a full-width keyboard's digits
    ("2024-02-29", "dmy", "2024-02-29"),
])
def test_a_date_as_people_write_it_is_stored_as_iso(typed: str, order: str,
                                                    stored: str) -> None:
    assert parse_date(typed, order) == stored  # type: ignore[arg-type]


def test_the_words_of_the_users_language_are_known_too() -> None:
    french = {"mars": 3, "févr.": 2, "février": 2}
    assert parse_date("14 mars 1952", "dmy", month_names=french) == "1952-03-14"
    assert parse_date("Févr 1990", "dmy", month_names=french) == "1990-02"
    with pytest.raises(ValidationError):
        parse_date("14 mars 1952", "dmy")  # not without them


@pytest.mark.parametrize(("typed", "words"), [
    ("2/30/2026", "not a real date"),
    ("30/02/2026", "not a real date"),
    ("13/13/2026", "no month 13"),
    ("3/14/52", "four digits"),
    ("14/3", "not a date I can read"),
    ("March 14", "has no year"),
    ("yesterday", "not a date I can read"),
    ("Ma 1952", "not a date I can read"),   # May or March? Too short to tell
    ("1700", "looks mistyped"),
    ("1952-13", "no month 13"),
    ("March April 1952", "not a date I can read"),
    ("", "type a date"),
])
def test_a_wrong_date_is_refused_in_plain_words(typed: str, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, "mdy", label="Birth date", field="birth_date")
    assert words in str(refused.value)
    assert str(refused.value).startswith("Birth date")
    assert refused.value.field == "birth_date"
    assert "Traceback" not in str(refused.value)


def test_the_refusal_shows_an_example_in_the_users_own_order() -> None:
    with pytest.raises(ValidationError, match="3/14/1952"):
        parse_date("soon", "mdy")
    with pytest.raises(ValidationError, match="14/03/1952"):
        parse_date("soon", "dmy")


@pytest.mark.parametrize(("typed", "order", "stored"), [
    ("3/14/2026 10:30", "mdy", "2026-03-14 10:30"),
    ("14/03/2026 10:30", "dmy", "2026-03-14 10:30"),
    ("March 14, 2026 at 2:30 pm", "dmy", "2026-03-14 14:30"),
    ("14 March 2026, 9 am", "dmy", "2026-03-14 09:00"),
    ("3/14/2026 12:15 a.m.", "mdy", "2026-03-14 00:15"),
    ("2026-03-14 10:30", "mdy", "2026-03-14 10:30"),
    ("2026-03-14T10:30", "mdy", "2026-03-14T10:30"),
    ("3/14/2026", "mdy", "2026-03-14"),
    ("March 2026", "mdy", "2026-03"),
])
def test_a_date_and_time(typed: str, order: str, stored: str) -> None:
    assert parse_datetime(typed, order) == stored  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "words"), [
    ("3/14/2026 25:00", "not a time"),
    ("3/14/2026 13 pm", "1 to 12"),
    ("March 2026 10:30", "whole date"),
])
def test_a_wrong_time_is_refused(typed: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        parse_datetime(typed, "mdy")


@pytest.mark.parametrize(("stored", "order", "words"), [
    ("1952-03-14", "mdy", "March 14, 1952"),
    ("1952-03-14", "dmy", "14 March 1952"),
    ("1952-03", "mdy", "March 1952"),
    ("1952", "dmy", "1952"),
    ("2026-03-14 10:30", "mdy", "March 14, 2026, 10:30"),
    ("", "dmy", ""),
    ("not a date", "dmy", "not a date"),
])
def test_a_stored_date_said_in_words(stored: str, order: str, words: str) -> None:
    assert friendly_date(stored, order) == words  # type: ignore[arg-type]


def test_words_said_back_read_as_the_same_date() -> None:
    for stored in ("1952-03-14", "2001-12", "1999", "2026-02-01"):
        for order in ("mdy", "dmy", "ymd"):
            assert parse_date(friendly_date(stored, order), order) == stored


@pytest.mark.parametrize(("pattern", "order"), [
    ("M/d/yy", "mdy"), ("dd/MM/yyyy", "dmy"), ("dd.MM.yy", "dmy"), ("y/MM/dd", "ymd"),
    ("d 'de' MMMM 'de' y", "dmy"), ("yyyy-MM-dd", "ymd"), ("", "dmy"),
])
def test_the_order_of_a_date_pattern(pattern: str, order: str) -> None:
    assert order_of_pattern(pattern) == order


@pytest.mark.parametrize(("name", "order"), [
    ("en_US.UTF-8", "mdy"), ("es_US", "mdy"), ("en_GB", "dmy"), ("es_MX.UTF-8", "dmy"),
    ("de-DE", "dmy"), ("ja_JP", "ymd"), ("en", "mdy"), ("es", "dmy"), ("C", "dmy"),
    ("fr_CA", "dmy"),
])
def test_the_order_for_a_locale_name(name: str, order: str) -> None:
    assert order_of_locale(name) == order
