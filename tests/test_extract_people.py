"""The extractor's people (extract/people.py): the Babinsa as written, never an officer or the police."""

from __future__ import annotations

from datetime import date

import pytest

from komsos_cli.narrative.extract import extract


def test_the_quoted_danramil_is_not_a_babinsa() -> None:
    text = (
        "Seperti yang dilakukan oleh anggota Koramil 03/Kebakkramat Serda Nursalim Babinsa Desa Kemiri "
        "melaksanakan Komunikasi Sosial, Kamis,31 Januari 2019.\n"
        "Danramil 03/ Kebakkramat Kapten Cba Suryanto mengatakan “Komsos adalah wahana silaturahmi”.\n"
        "Sementara, menurut Komandan Kodim 0727/Karanganyar Letkol inf M.I.Muchtar M mengatakan bahwa komsos penting."
    )
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]


def test_a_danramil_who_sends_his_babinsa_is_not_one_but_they_are() -> None:
    text = (
        "Danramil 07/Gatak Kapten Inf Sugeng Riyadi melalui Babinsa Serka Sugianto dan Serda Agus Salim "
        "melaksanakan komsos di Desa Krajan, Kecamatan Gatak, Senin (16/01/2023)."
    )
    people = extract(text).fields["babinsa"]
    assert people == [{"rank": "Serka", "name": "Sugianto"}, {"rank": "Serda", "name": "Agus Salim"}]


def test_an_officer_named_with_his_title_after_is_not_a_babinsa() -> None:
    text = (
        "Kapten Sumarno selaku Danramil 05/Pleret bersama Babinsa Sertu Ahmad melaksanakan patroli, Rabu (10/01/2024)."
    )
    assert extract(text).fields["babinsa"] == [{"rank": "Sertu", "name": "Ahmad"}]


def test_police_bhabinkamtibmas_is_a_counterpart_not_a_babinsa() -> None:
    text = (
        "Babinsa Koramil 01/Rengat Kopda Andi bersama Bhabinkamtibmas Bripka Joko Susilo melaksanakan patroli "
        "di Desa Pematang Jaya, Kecamatan Rengat Barat, Jumat (17/01/2025)."
    )
    fields = extract(text).fields
    assert fields["babinsa"] == [{"rank": "Kopda", "name": "Andi"}]
    assert isinstance(fields["counterparts"], list)
    assert "Bhabinkamtibmas Bripka Joko Susilo" in fields["counterparts"]


def test_a_street_named_after_a_general_is_not_a_person() -> None:
    text = "Babinsa Serda Budi melaksanakan komsos di warung Jl. Jenderal Sudirman, Desa Waru, Senin (05/02/2024)."
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Budi"}]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # rank and name after the word Babinsa and its village
        ("Babinsa Desa Batuaji, Sertu I Wayan Sukra, melaksanakan komsos.", [("Sertu", "I Wayan Sukra")]),
        # the name before the word Babinsa, with initials
        ("Serda JA.Sitorus Babinsa Desa Lau Bekeri melaksanakan komsos.", [("Serda", "JA.Sitorus")]),
        ("Serka M.Lubis komsos dengan warga binaan di Dusun 3.", [("Serka", "M.Lubis")]),
        # a name that starts with a word that elsewhere ends a name
        ("Dikatakan oleh Babinsa Desa Aeng Tong Sertu Hari Wibowo bahwa komsos penting.", [("Sertu", "Hari Wibowo")]),
        # an initial and a surname typed in lower case, and a name typed all in lower case
        ("Babinsa Serda P situmorang melaksanakan gotong royong.", [("Serda", "P situmorang")]),
        ("Babinsa Koramil 09/Lembah Serma rizal, melaksanakan komsos.", [("Serma", "rizal")]),
        # the rank written out in full
        ("“Babinsa harus dekat dengan warga,” ujar Sersan Satu Dedi Santoso.", [("Sertu", "Dedi Santoso")]),
        # the same Babinsa written again later by surname, by first name, or with a typo
        (
            "Serma Wandi Rumah Horbo Babinsa Posramil Leuser melaksanakan komsos. "
            "Hal itu disampaikan Serma Rumah Horbo.",
            [("Serma", "Wandi Rumah Horbo")],
        ),
        (
            "Koptu Abidin Babinsa Koramil 01 Binamu membantu petani. Koptu Abidan mengatakan panen baik.",
            [("Koptu", "Abidin")],
        ),
    ],
)
def test_babinsa_as_people_write_them(text: str, people: list[tuple[str, str]]) -> None:
    found = extract(text).fields["babinsa"]
    assert isinstance(found, list)
    assert [(p["rank"], p["name"]) for p in found] == people


def test_officers_and_police_are_not_babinsa() -> None:
    text = (
        "Babinsa Koramil 07/Salak Serda Julianto melaksanakan anjangsana, Sabtu (3/5/2025). "
        "Secara terpisah, Danramil 07/Salak, Kapten Infanteri MD Lumbantoruan, memberi apresiasi. "
        "Hal senada disampaikan Kamandan Koramil 0827/23 Giligenting Kapten Inf. Eko Prayogo; "
        "“Babinsa harus tahu wilayahnya”, jelas Kapten Eko. "
        "Di Makoramil, Mayor Inf Mulia Darma menjelaskan tugas Babinsa. "
        "Babinsa bersama Bhabinkamtibmas Bripka H Panjaitan menyambangi warga."
    )
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Julianto"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Babinsa Serda wawan hermawan melaksanakan komsos.", [("Serda", "wawan hermawan")]),
        ("Babinsa Serda budi dan Kopda agus melaksanakan komsos.", [("Serda", "budi"), ("Kopda", "agus")]),
        ("Babinsa Koramil 04/Cikarang Sertu joko koramil 04 hadir.", [("Sertu", "joko")]),
        # a lowercase word that is not closed by punctuation or a word outside names is not a name
        ("Kegiatan dipimpin Serda yang bertugas melaksanakan komsos.", []),
    ],
)
def test_a_babinsa_name_typed_in_lower_case_closed_by_the_next_word(text: str, expected: list[tuple[str, str]]) -> None:
    found = extract(text).fields["babinsa"]
    assert isinstance(found, list)
    assert [(p["rank"], p["name"]) for p in found] == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("babinsa serka m. harahap", [("Serka", "M. Harahap")]),
        ("babinsa serda a.rahim", [("Serda", "A.Rahim")]),
        ("babinsa koptu i gede wirya", [("Koptu", "I Gede Wirya")]),
    ],
)
def test_initials_in_a_name_typed_in_lower_case(typed: str, expected: list[tuple[str, str]]) -> None:
    text = f"ijin dan {typed} melaksanakan komsos dgn warga di lingkungan 3 kel sidorame kec medan perjuangan"
    fields = extract(text).fields
    assert isinstance(fields["babinsa"], list)
    assert [(p["rank"], p["name"]) for p in fields["babinsa"]] == expected
    assert (fields["hamlet"], fields["village"]) == ("Lingkungan 3", "Sidorame")


@pytest.mark.parametrize(
    ("second", "name"),
    [
        ("Serda Nursalin", "Nursalim"),  # a letter off
        ("Serda Nurssalim", "Nursalim"),  # a letter more
        ("Serda Nur Salim", "Nursalim"),  # a space
    ],
)
def test_one_babinsa_spelled_two_ways_is_one_person(second: str, name: str) -> None:
    text = (
        "Babinsa Serda Nursalim melaksanakan komsos di Desa Kemiri, Senin (10/03/2025). "
        f"Dalam kegiatan itu {second} menyampaikan pesan kamtibmas."
    )
    assert extract(text, today=date(2026, 1, 1)).fields["babinsa"] == [{"rank": "Serda", "name": name}]


def test_a_typo_in_one_word_of_a_longer_name_is_the_same_person_but_two_short_names_are_two() -> None:
    text = (
        "Babinsa Serda Budi Santoso komsos di Desa Kemiri, Senin (10/03/2025). Serda Budi Santosa menyampaikan pesan."
    )
    assert extract(text, today=date(2026, 1, 1)).fields["babinsa"] == [{"rank": "Serda", "name": "Budi Santoso"}]
    typo = (
        "Babinsa Serda Joko Purnomo komsos di Desa Bedoro, Selasa (14/01/2025). Serda Joko Purnama menyerahkan bantuan."
    )
    assert extract(typo, today=date(2026, 1, 1)).fields["babinsa"] == [{"rank": "Serda", "name": "Joko Purnomo"}]
    other = "Babinsa Serda Joko Purnomo dan Serda Joko Susanto komsos di Desa Bedoro, Selasa (14/01/2025)."
    found = extract(other, today=date(2026, 1, 1)).fields["babinsa"]
    assert isinstance(found, list)
    assert len(found) == 2
    two = "Babinsa Serda Budi dan Serda Bude komsos di Desa Kemiri, Senin (10/03/2025)."
    found = extract(two, today=date(2026, 1, 1)).fields["babinsa"]
    assert isinstance(found, list)
    assert len(found) == 2


def test_a_name_that_goes_on_in_lower_case_is_kept_whole() -> None:
    text = "Serda budi santoso melaksanakan komsos di Ds.Kemiri Kec.Kebakkramat, Senin (10/03/2025)."
    fields = extract(text, today=date(2026, 1, 1)).fields
    assert fields["babinsa"] == [{"rank": "Serda", "name": "budi santoso"}]
    assert (fields["village"], fields["kecamatan"]) == ("Kemiri", "Kebakkramat")
