"""The extractor on a report typed without capitals (extract/caseless.py)."""

from __future__ import annotations

from datetime import date

from komsos_cli.narrative.extract import extract

LOWER_CASE_WA = (
    "ijin dan melaporkan babinsa ds. sukamerta serda wawan hermawan koramil 04/cikarang kodim 0509/bekasi "
    "hari ini senin 3/11/25 pkl 09.00 komsos dgn kadus dsn pasirgaru bpk endang dan warga di pos ronda "
    "dsn pasirgaru ds. sukamerta kec. cikarang kab. bekasi materi kamtibmas dan pencegahan narkoba "
    "situasi aman terkendali"
)


def test_a_whatsapp_report_typed_in_lower_case() -> None:
    found = extract(LOWER_CASE_WA, today=date(2026, 1, 1))
    fields = found.fields
    assert fields["date"] == "2025-11-03"
    assert fields["time"] == "09:00"
    assert fields["babinsa"] == [{"rank": "Serda", "name": "Wawan Hermawan"}]
    assert fields["koramil"] == "Koramil 04/Cikarang"
    assert fields["kodim"] == "Kodim 0509/Bekasi"
    assert (fields["village"], fields["village_kind"]) == ("Sukamerta", "Desa")
    assert fields["hamlet"] == "Dsn Pasirgaru"
    assert fields["kecamatan"] == "Cikarang"
    assert fields["kabupaten"] == "Bekasi"  # not "bekasi materi kamtibmas"
    assert fields["venue"] == "pos ronda"
    assert isinstance(fields["counterparts"], list)
    assert fields["counterparts"][0] == "Kadus Dsn Pasirgaru Bpk Endang"
    assert fields["kind"] == "komsos"
    assert fields["situation"] == "aman"
    assert found.date_as_written == "senin 3/11/25"
    assert fields["summary"] == LOWER_CASE_WA  # the text itself is kept as typed


def test_a_message_in_lower_case_with_a_capital_or_two() -> None:
    typed = LOWER_CASE_WA.replace("ijin dan", "ijin Dan").replace("babinsa", "Babinsa")
    fields = extract(typed, today=date(2026, 1, 1)).fields
    assert fields["babinsa"] == [{"rank": "Serda", "name": "Wawan Hermawan"}]
    assert (fields["village"], fields["kecamatan"], fields["kabupaten"]) == ("Sukamerta", "Cikarang", "Bekasi")


def test_a_report_typed_in_capitals() -> None:
    found = extract(LOWER_CASE_WA.upper(), today=date(2026, 1, 1))
    fields = found.fields
    assert fields["babinsa"] == [{"rank": "Serda", "name": "Wawan Hermawan"}]
    assert fields["koramil"] == "Koramil 04/Cikarang"
    assert (fields["village"], fields["kecamatan"], fields["kabupaten"]) == ("Sukamerta", "Cikarang", "Bekasi")
    assert found.date_as_written == "SENIN 3/11/25"


def test_lower_case_names_stop_at_the_words_that_follow_them() -> None:
    text = (
        "selamat pagi dan, ijin melaporkan pd hari kamis 6 november 2025 pukul 10.00 wib babinsa koramil "
        "1408-03/bontolangkasa kopda ahmad yani melaksanakan anjangsana ke rumah bapak daeng rasyid warga "
        "dusun bontoa desa bontoraya kec bontolangkasa kab jeneponto sulawesi selatan. dlm kegiatan tersebut "
        "babinsa menyampaikan himbauan agar warga menjaga kamtibmas. situasi aman terkendali"
    )
    fields = extract(text, today=date(2026, 1, 1)).fields
    assert fields["babinsa"] == [{"rank": "Kopda", "name": "Ahmad Yani"}]
    assert (fields["koramil"], fields["kodim"]) == ("Koramil 1408-03/Bontolangkasa", "Kodim 1408")
    assert (fields["hamlet"], fields["village"]) == ("Dusun Bontoa", "Bontoraya")
    assert (fields["kabupaten"], fields["province"]) == ("Jeneponto", "Sulawesi Selatan")
    assert fields["venue"] == "rumah Bapak Daeng Rasyid"
