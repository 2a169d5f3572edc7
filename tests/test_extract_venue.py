"""The extractor's venue and counterparts (extract/venue.py)."""

from __future__ import annotations

from datetime import date

import pytest

from komsos_cli.narrative.extract import extract


@pytest.mark.parametrize(
    ("phrase", "venue"),
    [
        ("bincang santai di kedai kopi yang ramai", "kedai kopi"),
        ("anjangsana ke rumah Bapak Harjanto Pengrajin Blangkon", "rumah Bapak Harjanto"),
        ("bertempat di Warung Bapak Sulaiman Lingkungan I", "Warung Bapak Sulaiman"),
        ("komsos di Balai Desa Krajan, Kecamatan Gatak", "Balai Desa Krajan"),
        ("berkumpul di pos kamling RT 02", "pos kamling"),
    ],
)
def test_venues(phrase: str, venue: str) -> None:
    assert extract(f"Babinsa Serda Budi {phrase}.").fields["venue"] == venue


def test_staying_at_home_is_not_a_venue() -> None:
    assert extract("Babinsa mengajak warga tetap di rumah saja.").fields["venue"] is None


def test_counterparts_with_roles_and_names() -> None:
    text = (
        "Babinsa Serda Jasem bersama Kadus Dsn 2 Bapak Faisal, Tomas Bapak Rahmad, Ketua RT 02 Bapak Slamet "
        "dan Warga Desa Sei Silau Tua. Bapak Babinsa juga bertemu tokoh agama setempat."
    )
    assert extract(text).fields["counterparts"] == [
        "Kadus Dsn 2 Bapak Faisal",
        "Tomas Bapak Rahmad",
        "Ketua RT 02 Bapak Slamet",
        "Warga Desa Sei Silau Tua",
        "tokoh agama",
    ]


@pytest.mark.parametrize(
    ("phrase", "venue"),
    [
        (
            "patroli sekaligus anjangsana ke rumah warga, Bapak Asman Berutu (69), yang berlokasi di Dusun I",
            "rumah Bapak Asman Berutu",
        ),
        ("berkunjung ke rumah warga binaan yaitu Bapak Samadi yang tinggal di Dusun Aeng", "rumah Bapak Samadi"),
        (
            "anjangsana di Rumah Warga Kelurahan Bandar Baru Bapak H. Rohim bertempat di Jl. Sawo",
            "Rumah Bapak H. Rohim",
        ),
        ("pendampingan di lahan jagung milik Bapak Fitri di Dusun Kenanga", "lahan jagung milik Bapak Fitri"),
        ("anjangsana dan silaturahmi kerumah Bapak Mulyono, Ketua RT 02", "rumah Bapak Mulyono"),
        ("komsos sambil menyambangi rumah Nikolas, tokoh masyarakat Kampung Doyo", "rumah Nikolas"),
        ("komsos bertempat di Villa H.Mintarso RT 04 Kelurahan Tanjung", "Villa H.Mintarso"),
        ("komsos di Kantor Nagari Aie Tajun, Kecamatan Lubuk Alung", "Kantor Nagari Aie Tajun"),
        ("komsos di jln. Mesjid, Kel.Pasar Belakang", "jln. Mesjid"),
    ],
)
def test_more_venues(phrase: str, venue: str) -> None:
    assert extract(f"Babinsa Serda Budi {phrase}.").fields["venue"] == venue


def test_an_area_is_not_a_venue_nor_a_market_without_a_name() -> None:
    assert extract("Babinsa Serda Budi komsos yang berlokasi di Dusun I, Desa Salak II.").fields["venue"] is None
    text = "Babinsa Serda Budi komsos dengan pedagang ikan di Desa Lubuk. Harga ikan di pasar masih stabil."
    fields = extract(text).fields
    assert fields["venue"] is None
    assert fields["counterparts"] == ["pedagang ikan"]


def test_the_group_met_as_the_babinsas_sentence_names_it() -> None:
    text = "Babinsa Koramil 03/Sungai Sariak Serda Suwandi melaksanakan Komsos dengan masyarakat di warung kopi."
    assert extract(text).fields["counterparts"] == ["masyarakat"]
    text = "Babinsa Serda Moh Rafli melaksanakan komsos dengan Bapak Jarkasih selaku (Ketua RT) di Kelurahan Cibodas."
    assert extract(text).fields["counterparts"] == ["Bapak Jarkasih selaku (Ketua RT)"]


def test_the_venue_of_the_babinsas_sentence_before_one_named_in_passing() -> None:
    text = (
        "Babinsa Koramil 416-03/Sungai Bengkal Serda Mahdi melaksanakan Komsos bersama masyarakat di pondok sawah "
        "di Desa Teluk Rendah, Jumat (19/07/2024).\n"
        "“Komsos bisa kami lakukan di mana saja, di warung kopi, rumah warga dan di pondok sawah,” terang Serda Mahdi."
    )
    assert extract(text).fields["venue"] == "pondok sawah"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group in one list with the people or offices named
        ("Babinsa Serda Budi komsos bersama warga dan Linmas di Desa Maju.", ["Linmas", "warga"]),
        ("Babinsa Serda Budi komsos dengan Kades Bapak Tono dan warga di Desa Maju.", ["Kades Bapak Tono", "warga"]),
        ("Babinsa Serda Budi komsos dengan Bapak Tono serta para petani di Desa Maju.", ["Bapak Tono", "petani"]),
        # a comma alone is an apposition; `masyarakat, diantaranya ...` is the people listed
        ("Babinsa Serda Budi komsos dengan Bapak Tono, warga setempat, di Desa Maju.", ["Bapak Tono"]),
        (
            "Babinsa Serda Budi komsos dengan masyarakat diantaranya Bapak Tono dan Bapak Joko di Desa Maju.",
            ["Bapak Tono", "Bapak Joko"],
        ),
    ],
)
def test_a_group_listed_with_the_people_met_is_a_counterpart(text: str, expected: list[str]) -> None:
    assert extract(text).fields["counterparts"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ijin Dan, Babinsa Serda Rudi Hartono anjangsana ke rmh Bpk Warsito di Kel. Sukamulya, Senin 03-11-2025.",
        "ijin dan babinsa serda rudi hartono senin 3/11/2025 sambang ke rmh bpk warsito di ds sukamulya kec cibeber",
    ],
)
def test_a_visit_to_a_house_in_whatsapp_shorthand(text: str) -> None:
    found = extract(text, today=date(2026, 1, 1))
    assert found.fields["venue"] == "rmh Bpk Warsito"
    assert found.activity_kinds == ["anjangsana"]


def test_an_office_before_a_name_typed_in_lower_case_is_written_as_a_title() -> None:
    text = (
        "mohon ijin melaporkan, babinsa sertu yohanis wenda komsos dgn kepala kampung bapak yakob kogoya dan "
        "tokoh agama di kampung wamena distrik wamena kab jayawijaya hari kamis 6/11/2025, sit aman"
    )
    assert extract(text, today=date(2026, 1, 1)).fields["counterparts"] == [
        "Kepala Kampung Bapak Yakob Kogoya",
        "tokoh agama",  # an office with no name stays as typed
    ]
