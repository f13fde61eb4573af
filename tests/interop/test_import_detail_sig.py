"""The words a schedule, a dose and a sig are put into (organizer.interop.sig): plain
patient English, one place to translate later."""

from __future__ import annotations

import pytest

from organizer.interop import sig


@pytest.mark.parametrize(("period", "unit", "words"), [
    (6, "h", "every 6 hours"), ("12", "h", "every 12 hours"), (1, "d", "once a day"),
    ("0.5", "d", "twice a day"), (2, "d", "every other day"), (1, "wk", "once a week"),
    (1, "h", "every hour"), (3, "mo", "every 3 months"), (6, "furlongs", None),
    ("NaN", "h", None), (0, "h", None)])
def test_a_period_in_words(period: object, unit: str, words: str | None) -> None:
    assert sig.every(period, unit) == words


@pytest.mark.parametrize(("frequency", "period", "unit", "words"), [
    (2, 1, "d", "twice a day"), (3, 1, "d", "3 times a day"), (1, 6, "h", "every 6 hours"),
    (2, 1, "wk", "twice a week"), (None, None, "d", "once a day"),
    (1, 2, "d", "every other day"), (3, 2, "d", "3 times every 2 days")])
def test_a_timing_in_words(frequency: object, period: object, unit: str, words: str) -> None:
    assert sig.times_per(frequency, period, unit) == words


def test_events_codes_and_as_needed() -> None:
    assert [sig.event(c) for c in ("HS", "acm", "PCV", "C", "??")] == [
        "at bedtime", "before breakfast", "after dinner", "with meals", None]
    assert sig.timing_code("BID") == "twice a day"
    assert sig.as_needed() == "as needed"
    assert sig.as_needed("Wheezing") == "as needed for wheezing"
    assert sig.as_needed("COPD") == "as needed for COPD"
    assert sig.joined("every 6 hours", None, "as needed", "every 6 hours") == (
        "every 6 hours, as needed")
    assert sig.on_days(["mon", "wed", "fri"]) == "on Monday, Wednesday and Friday"
    assert sig.at_times(["08:00:00", "20:00:00"]) == "at 08:00 and 20:00"


def test_doses_name_their_form_and_count_it() -> None:
    assert sig.dose("2", None, "Puff") == "2 puffs"
    assert sig.dose("1", "1", "Tablet") == "1 tablet"
    assert sig.dose("20", "mg") == "20 mg"
    assert sig.dose("2", "mg") == "2 mg"  # a unit is never made plural
    assert sig.dose("2", "{tablet}") == "2 tablets"
    assert sig.dose_range("1", "2", None, "Capsule") == "1–2 capsules"
    assert sig.dose(None) is None


def test_a_sig_loses_the_drug_name_and_a_line_splits_at_its_instruction() -> None:
    assert sig.without_name("Proventil HFA, inhale 2 puffs", "Proventil HFA") == (
        "inhale 2 puffs")
    assert sig.without_name("Proventil HFA", "proventil hfa") is None
    assert sig.without_name("2 puffs q6h PRN", "Proventil") == "2 puffs q6h PRN"
    assert sig.split_name("Drug X 10 mg, take one by mouth daily") == (
        "Drug X 10 mg", "take one by mouth daily")
    assert sig.split_name("Drug X 10 mg tablet") == ("Drug X 10 mg tablet", None)


def test_a_table_row_gives_its_directions_column_only() -> None:
    from organizer.interop.ccda import Row

    def row(**cells: str) -> Row:
        return Row({k.replace("_", " "): v for k, v in cells.items()}, "Drug", set())

    assert row(medication="Drug", directions="one daily").sig() == "one daily"
    assert row(medication="Drug", sig="2 puffs q6h").sig() == "2 puffs q6h"
    assert row(medicamento="Drug", instrucciones="una al día").sig() == "una al día"
    assert row(medication="Drug", signed_by="Dr. Ruiz", status="Active").sig() is None
