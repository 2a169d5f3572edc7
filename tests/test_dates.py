"""Dates as Indonesians write them: every accepted form, and every refusal with what was understood."""

from __future__ import annotations

from datetime import date

import pytest

from komsos_cli.dates import (
    MONTHS,
    format_date_id,
    month_number,
    parse_bound,
    parse_date,
    parse_period,
    parse_time,
    parse_when,
    weekday_number,
)
from komsos_cli.errors import InvalidInput

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17/01/2025", date(2025, 1, 17)),
        ("17-01-2025", date(2025, 1, 17)),
        ("17.01.2025", date(2025, 1, 17)),
        ("2025-01-17", date(2025, 1, 17)),
        ("17/01/25", date(2025, 1, 17)),
        ("16/01/23", date(2023, 1, 16)),
        ("(16/01/23)", date(2023, 1, 16)),
        ("1/2/2024", date(2024, 2, 1)),
        ("Jum'at (17/01/2025)", date(2025, 1, 17)),
        ("Jum\u2019at, 17 Januari 2025", date(2025, 1, 17)),
        ("Jumat (13/09/2024)", date(2024, 9, 13)),
        ("Selasa (11/01/2022)", date(2022, 1, 11)),
        ("Kamis,31 Januari 2019", date(2019, 1, 31)),
        ("31 Januari 2019", date(2019, 1, 31)),
        ("31 Jan 2019", date(2019, 1, 31)),
        ("31 jan. 2019", date(2019, 1, 31)),
        ("17 Agustus 2025", date(2025, 8, 17)),
        ("5 Mei 24", date(2024, 5, 5)),
        ("1 Nopember 2023", date(2023, 11, 1)),
        ("Friday 17/01/2025", date(2025, 1, 17)),
        ("hari ini", TODAY),
        ("today", TODAY),
        ("Hari Ini", TODAY),
        ("kemarin", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 22)),
        ("3 hari lalu", date(2026, 11, 20)),
        ("3 hari yang lalu", date(2026, 11, 20)),
        ("2 days ago", date(2026, 11, 21)),
        ("seminggu lalu", date(2026, 11, 16)),
        ("23/11/2026", TODAY),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_two_digit_year_is_this_century() -> None:
    assert parse_date("01/01/99", date(2100, 1, 1)) == date(2099, 1, 1)
    assert parse_date("17 Agustus 45", date(2046, 1, 1)) == date(2045, 8, 17)


def test_date_without_year_is_most_recent_not_in_future() -> None:
    # 25 August 2026 is a Tuesday: "Selasa (25/8)" written in November 2026.
    assert parse_date("Selasa (25/8)", TODAY) == date(2026, 8, 25)
    # 24 December has not come yet in November 2026: last year's.
    assert parse_date("24/12", TODAY) == date(2025, 12, 24)
    assert parse_date("24 Desember", TODAY) == date(2025, 12, 24)
    assert parse_date("23/11", TODAY) == TODAY


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("31/02/2024", "not a real date"),
        ("29/02/2023", "not a real date"),
        ("04/13/2025", "month first"),
        ("12/25/2024", "month first"),
        ("Kamis (17/01/2025)", "is a Jumat, not a Kamis"),
        ("Senin, 31 Januari 2019", "is a Kamis, not a Senin"),
        ("24/11/2026", "in the future"),
        ("besok", "cannot read"),
        ("17 Jambu 2025", "cannot read"),
        ("2025-13-01", "not a real date"),
        ("", "no date"),
        ("   ", "no date"),
        ("1/2/3/4", "cannot read"),
        ("2025-01", "cannot read"),
    ],
)
def test_refusals_say_what_was_understood(text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, TODAY)
    assert says in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("text", ["17/01/0025", "17 Januari 0025", "17/01/202", "0025-01-17", "17/01/1900"])
def test_a_year_no_report_can_have_is_refused(text: str) -> None:
    # 0025 was stored as the year 25 (and "17 Januari 0025" silently as 2025): typos, not dates.
    with pytest.raises(InvalidInput, match="cannot be right"):
        parse_date(text, TODAY)


def test_first_year_is_accepted() -> None:
    assert parse_date("17/08/1945", TODAY) == date(1945, 8, 17)


@pytest.mark.parametrize("text", ["1000000 hari lalu", "99999999999 hari lalu", "40000 days ago"])
def test_relative_date_too_far_back_is_refused_not_a_crash(text: str) -> None:
    # Was OverflowError (an internal error, exit 70) from timedelta.
    with pytest.raises(InvalidInput, match="before 1945"):
        parse_date(text, TODAY)


def test_future_refusal_names_the_date_read() -> None:
    with pytest.raises(InvalidInput, match="2027-01-17"):
        parse_date("17/01/27", TODAY)


def test_contradicting_weekday_names_the_real_one() -> None:
    with pytest.raises(InvalidInput, match=r"2025-01-17 is a Jumat"):
        parse_date("Sabtu (17/01/2025)", TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08.30", "08:30"),
        ("8:30", "08:30"),
        ("pukul 09.00 WIB", "09:00"),
        ("Pkl. 14.15 WITA", "14:15"),
        ("jam 7", "07:00"),
        ("pagi", "pagi"),
        ("Sore", "sore"),
        ("petang", "sore"),
    ],
)
def test_times(text: str, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "08:61", "kapan-kapan", ""])
def test_bad_times(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_time(text)


def test_format_date_id() -> None:
    assert format_date_id(date(2025, 1, 17)) == "Jumat, 17 Januari 2025"


# --- dates with their hour, and the one calendar vocabulary (issue 16) ---------------------------------


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("Kamis (31/01/2019) pukul 09.30 WIB", date(2019, 1, 31), "09:30"),
        ("Jumat pagi (17/1/2025)", date(2025, 1, 17), "pagi"),
        ("Selasa, 11 Januari 2022, pukul 10.00 Wita", date(2022, 1, 11), "10:00"),
        ("Kamis, 31/1/2019 jam 8 pagi", date(2019, 1, 31), "08:00"),
        ("Jumat, 17/1/2025 pkl 19.30 WIT", date(2025, 1, 17), "19:30"),
        ("17/01/2025 pukul 2 siang", date(2025, 1, 17), "14:00"),
        ("17/01/2025 jam 7 malam", date(2025, 1, 17), "19:00"),
        ("17/1/2025 sore", date(2025, 1, 17), "sore"),
        ("kemarin sore", date(2026, 11, 22), "sore"),
        ("kemarin pukul 20.00", date(2026, 11, 22), "20:00"),
        ("Senin ( 13/01/2025 )", date(2025, 1, 13), None),
        ("13 Sept 2024", date(2024, 9, 13), None),
        ("13 Sep. 2024", date(2024, 9, 13), None),
        ("13 Agt 2024", date(2024, 8, 13), None),
        ("13 Ags 2024", date(2024, 8, 13), None),
        ("13 Agustus 2024", date(2024, 8, 13), None),
        ("17 Pebruari 2025", date(2025, 2, 17), None),
        ("13 Nopember 2024", date(2024, 11, 13), None),
        ("Jum at (17/01/2025)", date(2025, 1, 17), None),
        ("Jum'at, 17/01/2025 pukul 08.00", date(2025, 1, 17), "08:00"),
    ],
)
def test_a_date_written_with_its_hour(text: str, day: date, clock: str | None) -> None:
    assert parse_when(text, TODAY) == (day, clock)
    assert parse_date(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Kamis (17/01/2025) pukul 09.30 WIB", "is a Jumat, not a Kamis"),
        ("Kamis pagi (17/01/2025)", "is a Jumat, not a Kamis"),
        ("17/01/2025 pukul 25.00", "cannot read the time"),
        ("31/02/2024 pukul 09.00", "not a real date"),
        ("24/11/2026 pukul 08.00", "in the future"),
        ("pukul 09.00", "cannot read"),
    ],
)
def test_a_date_with_its_hour_is_still_checked(text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_when(text, TODAY)
    assert says in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 bulan lalu", date(2026, 8, 23)),  # three calendar months, not 90 days
        ("sebulan lalu", date(2026, 10, 23)),
        ("2 minggu lalu", date(2026, 11, 9)),
        ("setahun lalu", date(2025, 11, 23)),
        ("2 years ago", date(2024, 11, 23)),
        ("1 tahun lalu", date(2025, 11, 23)),
        ("1 tahun yang lalu", date(2025, 11, 23)),
        ("3 months ago", date(2026, 8, 23)),
        ("a month ago", date(2026, 10, 23)),
        ("2 weeks ago", date(2026, 11, 9)),
        ("a week ago", date(2026, 11, 16)),
        ("2 pekan lalu", date(2026, 11, 9)),
    ],
)
def test_relative_dates_count_calendar_months_and_years(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_a_relative_date_before_the_first_year_is_refused() -> None:
    with pytest.raises(InvalidInput, match="before 1945"):
        parse_date("90 tahun lalu", TODAY)


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("Januari", 1),
        ("jan", 1),
        ("Pebruari", 2),
        ("Peb", 2),
        ("Agt.", 8),
        ("Ags", 8),
        ("Agustus", 8),
        ("Sept", 9),
        ("Nopember", 11),
        ("Nop", 11),
        ("august", 8),
        ("Janu", 1),
        ("Ju", None),
        ("Jambu", None),
    ],
)
def test_the_one_month_vocabulary(word: str, number: int | None) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize(("word", "number"), [("Senin", 0), ("Jum'at", 4), ("Jum at", 4), ("JUMAT", 4), ("Ahad", 6)])
def test_the_one_weekday_vocabulary(word: str, number: int) -> None:
    assert weekday_number(word) == number


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("Januari 2025", date(2025, 1, 1), date(2025, 1, 31)),
        ("Agt 2024", date(2024, 8, 1), date(2024, 8, 31)),
        ("02/2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("17/01/2025", date(2025, 1, 17), date(2025, 1, 17)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),  # whatever --period reads
        ("Sept. 2024", date(2024, 9, 1), date(2024, 9, 30)),
    ],
)
def test_a_since_or_until_bound_may_be_a_month_or_a_year(text: str, first: date, last: date) -> None:
    assert parse_bound(text, today=TODAY) == first
    assert parse_bound(text, last=True, today=TODAY) == last


@pytest.mark.parametrize("word", sorted(MONTHS))
def test_a_period_knows_every_month_a_date_knows(word: str) -> None:
    """One vocabulary: each spelling `17 <month> 2024` is read with, `<month> 2024` is read with too."""
    day = parse_date(f"17 {word} 2024", TODAY)
    period = parse_period(f"{word} 2024")
    bounds = (parse_bound(f"{word} 2024", today=TODAY), parse_bound(f"{word} 2024", last=True, today=TODAY))
    assert (period.since, period.until) == bounds
    assert period.since == day.replace(day=1)
    assert period.label == f"2024-{day.month:02d}"


@pytest.mark.parametrize(("text", "last"), [("2024-02", date(2024, 2, 29)), ("2025-Q4", date(2025, 12, 31))])
def test_a_period_ends_on_its_last_calendar_day(text: str, last: date) -> None:
    assert parse_period(text).until == last


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("1 bulan lalu", date(2025, 3, 31), date(2025, 2, 28)),  # no 31 February: its last day
        ("1 month ago", date(2024, 3, 31), date(2024, 2, 29)),
        ("1 tahun lalu", date(2025, 2, 28), date(2024, 2, 28)),
        ("1 tahun lalu", date(2024, 2, 29), date(2023, 2, 28)),
    ],
)
def test_a_month_or_a_year_back_from_a_day_that_month_lacks(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


@pytest.mark.parametrize("text", ["17 Agt 2024", "17 agustus 2024", "17 Aug. 2024", "17 agt, 2024"])
def test_a_named_month_needs_no_parser_once_split(text: str) -> None:
    assert parse_date(text, TODAY) == date(2024, 8, 17)


@pytest.mark.parametrize(("text", "says"), [("31 Februari 2024", "31"), ("30 Peb 2023", "30")])
def test_an_impossible_named_date_is_refused(text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, TODAY)
    assert says in caught.value.message and "\n" not in caught.value.message
