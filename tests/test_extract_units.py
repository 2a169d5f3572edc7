"""The extractor's units (extract/units.py): Koramil and Kodim numbers as written."""

from __future__ import annotations

import pytest

from komsos_cli.model import normalize_unit
from komsos_cli.narrative.extract import extract


def test_the_press_signature_names_the_information_section_not_the_unit() -> None:
    text = (
        "Asahan | Babinsa Koramil 13/Buntu Pane Serda Jasem melaksanakan Komsos di Desa Sei Silau Tua "
        "Kecamatan Setia Janji, Selasa (11/01/2022).\n(Penerangan Kodim 0208/Asahan)"
    )
    fields = extract(text).fields
    assert fields["koramil"] == "Koramil 13/Buntu Pane"
    assert fields["kodim"] is None


def test_a_signature_kodim_is_ignored_but_a_koramil_number_carries_its_kodim() -> None:
    text = (
        "Karanganyar – Babinsa Koramil 0727-03/Kebakkramat Serda Budi melaksanakan patroli di Desa Waru, "
        "Senin, 5 Februari 2024 pagi.\nSumber: Pendim 0208/Asahan"
    )
    fields = extract(text).fields
    assert fields["koramil"] == "Koramil 0727-03/Kebakkramat"  # as written, the Kodim part kept
    assert fields["kodim"] == "Kodim 0727"
    assert fields["time"] == "pagi"


@pytest.mark.parametrize(
    ("phrase", "koramil", "kodim"),
    [
        ("Babinsa Koramil 419-03/Tungkal Ilir Serda Rahmat", "Koramil 419-03/Tungkal Ilir", "Kodim 0419"),
        (
            "Babinsa Sertu Mulyadi Koramil 416 – 07/Rimbo Bujang Kodim 0416/Bute",
            "Koramil 416-07/Rimbo Bujang",
            "Kodim 0416/Bute",
        ),
        ("anggota Koramil 0805/07 Ngadirejo Sertu Wasis", "Koramil 0805-07/Ngadirejo", "Kodim 0805"),
        ("Babinsa Koramil 0829/01 Kota Sampang Serda Musa", "Koramil 0829-01/Kota Sampang", "Kodim 0829"),
        ("Babinsa Ramil-01/Sentani, Kodim 1701/Jayapura, Serka Yoel", "Koramil 01/Sentani", "Kodim 1701/Jayapura"),
        ("Sertu Edi, anggota Koramil Tipe B 0802/19 Ngebel", "Koramil 0802-19/Ngebel", "Kodim 0802"),
        ("Babinsa Desa Kejawan Koramil 0822/Grujugan, Serda Didi", "Koramil Grujugan", "Kodim 0822"),
        ("Koptu Abdul Babinsa Koramil 01 Binamu Kodim 1425 Jeneponto", "Koramil 01/Binamu", "Kodim 1425/Jeneponto"),
        ("Babinsa Koramil 0727-03/Kebakkramat Serda Nursalim", "Koramil 0727-03/Kebakkramat", "Kodim 0727"),
        (
            "Babinsa Koramil 0727-03/Kebakkramat Kodim 0727/Karanganyar Serda Nursalim",
            "Koramil 0727-03/Kebakkramat",
            "Kodim 0727/Karanganyar",
        ),
        ("Babinsa Ramil 03 Kebakkramat Serda Nursalim", "Koramil 03/Kebakkramat", None),
        (
            "Babinsa Ramil 03/Kebakkramat Kodim 0727 Karanganyar Serda Nursalim",
            "Koramil 03/Kebakkramat",
            "Kodim 0727/Karanganyar",
        ),
    ],
)
def test_units_with_the_kodim_number_in_front(phrase: str, koramil: str, kodim: str | None) -> None:
    fields = extract(f"{phrase} melaksanakan komsos di Desa Makmur, Senin (10/03/2025).").fields
    assert (fields["koramil"], fields["kodim"]) == (koramil, kodim)


def test_the_unit_of_the_babinsas_sentence_not_the_headline() -> None:
    text = (
        "Babinsa Kodim 0822 Eratkan Silaturahmi Bersama Petani\n\n"
        "Bondowoso – Babinsa Desa Tegal Koramil 0822/Pujer, Serda Didi Kurnia, melaksanakan pendampingan petani "
        "di Desa Tegal, Kecamatan Pujer, Selasa (30/9/2025)."
    )
    fields = extract(text).fields
    assert (fields["koramil"], fields["kodim"]) == ("Koramil Pujer", "Kodim 0822")


def test_a_unit_name_typed_in_lower_case_after_the_slash() -> None:
    text = (
        "Babinsa Koramil 01/rengat Kodim 0302/Inhu Serda Hasan melaksanakan komsos di Desa Tambak, minggu (19/02/2023)."
    )
    assert extract(text).fields["koramil"] == "Koramil 01/rengat"


def test_a_koramil_number_carries_its_kodim_with_the_name_the_headline_gives() -> None:
    text = (
        "Kodim 0727/Karanganyar - Babinsa Sambangi Warga\n"
        "Babinsa Koramil 0727-03/Kebakkramat Serda Nursalim melaksanakan komsos di Desa Kemiri, Senin (10/03/2025)."
    )
    fields = extract(text).fields
    assert (fields["koramil"], fields["kodim"]) == ("Koramil 0727-03/Kebakkramat", "Kodim 0727/Karanganyar")


@pytest.mark.parametrize(
    ("typed", "unit", "stored"),
    [
        ("Koramil 0727-03/Kebakkramat", "Koramil", "Koramil 0727-03/Kebakkramat"),
        ("0727 - 03/Kebakkramat", "Koramil", "Koramil 0727-03/Kebakkramat"),
        ("koramil 03/ Kebakkramat", "Koramil", "Koramil 03/Kebakkramat"),
        ("Kodim 0727 Karanganyar", "Kodim", "Kodim 0727/Karanganyar"),
    ],
)
def test_a_unit_as_stored_keeps_the_kodim_part_of_its_number(typed: str, unit: str, stored: str) -> None:
    assert normalize_unit(typed, unit) == stored
