"""Dates as Indonesians write them: every accepted form, and every refusal with what was understood."""

from __future__ import annotations

from datetime import date

import pytest

from komsos_cli.dates import format_date_id, parse_date, parse_time
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
