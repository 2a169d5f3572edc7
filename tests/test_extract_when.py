"""The extractor's dates and times (extract/when.py): the activity's date and hour as written."""

from __future__ import annotations

from datetime import date

import pytest

from komsos_cli.narrative.extract import extract


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Jum'at (17/01/2025)", "2025-01-17"),
        ("Jum’at (17/01/2025)", "2025-01-17"),
        ("Kamis,31 Januari 2019", "2019-01-31"),
        ("(16/01/23)", "2023-01-16"),
        ("Senin, 5 Februari 2024 pagi", "2024-02-05"),
        ("pada hari Rabu tgl 10 Januari 2024", "2024-01-10"),
        ("Kamis tanggal 7 Maret 2024", "2024-03-07"),
        ("Minggu (14-1-2024)", "2024-01-14"),
        ("Selasa, 6 Feb 2024", "2024-02-06"),
    ],
)
def test_dates_as_written(written: str, iso: str) -> None:
    text = f"Babinsa Serda Budi melaksanakan komsos di Desa Waru, {written}."
    assert extract(text).fields["date"] == iso


def test_a_weekday_that_disagrees_is_noted_and_the_date_kept() -> None:
    found = extract("Babinsa Serda Budi melaksanakan komsos, Selasa (17/01/2025).")
    assert found.fields["date"] == "2025-01-17"
    assert found.notes and "2025-01-17" in found.notes[0]


def test_a_date_in_the_future_is_not_taken() -> None:
    found = extract("Babinsa Serda Budi melaksanakan komsos, Jumat (17/01/2025).", today=date(2024, 1, 1))
    assert found.fields["date"] is None
    assert found.notes


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    found = extract("Babinsa Koramil 0727-03/Kebakkramat Serda Budi, RT 03/RW 04, bantuan Rp 1.500.000.")
    assert found.fields["date"] is None


@pytest.mark.parametrize(
    ("written", "clock"),
    [("sekitar pukul 14.30 WIB", "14:30"), ("pukul 09.00 WIB", "09:00"), ("pkl. 8.15 wita", "08:15")],
)
def test_clock_times(written: str, clock: str) -> None:
    text = f"Babinsa Serda Budi melaksanakan komsos, Jumat (17/01/2025) {written}."
    assert extract(text).fields["time"] == clock


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a publication stamp above the story is not the day of the activity
        (
            "Babinsa Patroli di Desa Sukamaju\n\nKamis, 18 September 2025 | 08:12:40 WIB\n\n"
            "Tanjung – Babinsa Koramil 02/Tanjung Serda Rudi Hartono melaksanakan patroli di Desa Sukamaju, "
            "Kecamatan Tanjung, pada Senin (15/09/2025) pukul 08.30 WIB.",
            "2025-09-15",
        ),
        # a dateline dated the day after: the activity day is in the Babinsa's sentence
        (
            "Tabanan, 12 Maret 2025 – Peran Babinsa terus terasa di desa. Pada hari Selasa, 11 Maret 2025, "
            "Babinsa Desa Batuaji, Sertu I Wayan Sukra, melaksanakan Komsos di Banjar Dauh Pangkung.",
            "2025-03-11",
        ),
        ("Babinsa Serda Amir melaksanakan komsos di Desa Lubuk, Minggu (27/7/2025).", "2025-07-27"),
        ("Babinsa Serda Amir melaksanakan komsos di Desa Lubuk, Kec. Senang, Sabtu (28/09/19).", "2019-09-28"),
        (
            "Babinsa Serda Amir komsos dengan warga di Dusun 3 Desa Lubuk.\nRabu 22 -03-2023.\nKomsos rutin.",
            "2023-03-22",
        ),
        ("Babinsa Sertu Danu komsos di Kelurahan Bangun (PPU). Kamis (08 /6/2023).", "2023-06-08"),
    ],
)
def test_the_activity_date_wherever_it_is_written(text: str, iso: str) -> None:
    assert extract(text, today=date(2026, 1, 1)).fields["date"] == iso


def test_a_day_and_month_without_a_year_is_not_a_date() -> None:
    text = "NGADIREJO (KR) - Selasa\n(10/09) anggota Koramil 0805/07 Ngadirejo Sertu Wasis melaksanakan komsos."
    assert extract(text).fields["date"] is None


@pytest.mark.parametrize(
    ("when", "time"),
    [
        ("Senin 3/11/2025 jam 9 pagi", "09:00"),
        ("Senin 3/11/2025 pukul 9 wib", "09:00"),
        ("Senin 3/11/2025 jam 2 siang", "14:00"),
        ("Senin 3/11/2025 pukul 7.30 malam", "19:30"),
        ("Senin 3/11/2025 pkl 14.30 wib", "14:30"),
        ("Senin 3/11/2025 selama 2 jam", None),
        ("Senin 3/11/2025 jam 9, lalu pukul 10.15 WIB", "10:15"),  # an hour alone may be anything
    ],
)
def test_a_clock_time_as_people_type_it(when: str, time: str | None) -> None:
    found = extract(f"Babinsa Serda Budi komsos di Desa Maju, {when}.", today=date(2026, 1, 1))
    assert found.fields["time"] == time


# --- dates with their hour, the calendar vocabulary, two dates (issue 16) --------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "clock", "written"),
    [
        (
            "Babinsa Serda Budi melaksanakan komsos di Desa Waru pada Jumat pagi (17/1/2025).",
            "2025-01-17",
            "pagi",
            "Jumat pagi (17/1/2025)",
        ),
        (
            "Pada hari Jum at (17/01/2025) pukul 09.30 WIB, Babinsa Serda Budi komsos di Desa Waru.",
            "2025-01-17",
            "09:30",
            "Jum at (17/01/2025)",
        ),
        (
            "Selasa, 11 Januari 2022, pukul 10.00 Wita Babinsa Serda Budi komsos di Desa Waru.",
            "2022-01-11",
            "10:00",
            "Selasa, 11 Januari 2022",
        ),
        ("Babinsa Serda Budi komsos di Desa Waru, Kamis, 31/1/2019 jam 8 pagi.", "2019-01-31", "08:00", None),
        ("Babinsa Serda Budi komsos di Desa Waru, 13 Sept 2024.", "2024-09-13", None, "13 Sept 2024"),
        ("Babinsa Serda Budi komsos di Desa Waru, 13 Sep. 2024.", "2024-09-13", None, None),
        ("Babinsa Serda Budi komsos di Desa Waru, 13 Agt 2024.", "2024-08-13", None, "13 Agt 2024"),
        ("Babinsa Serda Budi komsos di Desa Waru, 3 Pebruari 2024.", "2024-02-03", None, None),
        ("Babinsa Serda Budi komsos di Desa Waru, Senin ( 13/01/2025 ).", "2025-01-13", None, None),
    ],
)
def test_a_date_with_its_hour_in_a_report(text: str, iso: str, clock: str | None, written: str | None) -> None:
    found = extract(text, today=date(2026, 1, 1))
    assert (found.fields["date"], found.fields["time"]) == (iso, clock)
    if written is not None:
        assert found.date_as_written == written


@pytest.mark.parametrize(
    "text",
    [
        "Kebakaran yang terjadi pada Minggu (12/01/2025) ditindaklanjuti Babinsa Serda Budi dengan komsos di "
        "Desa Waru pada Selasa (14/01/2025).",
        "Babinsa Serda Budi melaksanakan komsos di Desa Waru pada Selasa (14/01/2025) terkait banjir yang melanda "
        "pada Minggu (12/01/2025).",
        "Banjir sejak 12/01/2025 membuat Babinsa Serda Budi komsos di Desa Waru, 14 Januari 2025.",
    ],
)
def test_of_two_dates_the_activitys_is_taken(text: str) -> None:
    assert extract(text, today=date(2026, 1, 1)).fields["date"] == "2025-01-14"
