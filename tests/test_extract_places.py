"""The extractor's places and address (extract/places.py, extract/address.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from komsos_cli.narrative import parse_text
from komsos_cli.narrative.extract import extract


def test_village_kinds_and_area_words() -> None:
    nagari = extract("Babinsa di Nagari Kinali, Kecamatan Kinali, Kabupaten Pasaman Barat, Provinsi Sumatera Barat.")
    assert (nagari.fields["village"], nagari.fields["village_kind"]) == ("Kinali", "Nagari")
    assert nagari.fields["province"] == "Sumatera Barat"
    kota = extract("warga Lingkungan III Kelurahan Sei Sikambing B, Kecamatan Medan Sunggal, Kota Medan.")
    assert kota.fields["kabupaten"] == "Kota Medan"
    assert kota.fields["hamlet"] == "Lingkungan III"
    papua = extract("anjangsana ke Kampung Wesaput, Distrik Wesaput, Kabupaten Jayawijaya.")
    assert (papua.fields["village_kind"], papua.fields["kecamatan"]) == ("Kampung", "Wesaput")
    short = extract("di Pos Kamling Dusun Kedungsari Desa Wonokromo Kec. Pleret Kab. Bantul.")
    assert (short.fields["kecamatan"], short.fields["kabupaten"]) == ("Pleret", "Bantul")


def test_a_kind_word_inside_a_village_name() -> None:
    found = extract("di Dusun Sungai Arang Desa Kampung Besar Kota, Kecamatan Rengat, Kabupaten Indragiri Hulu.")
    assert (found.fields["village"], found.fields["village_kind"]) == ("Kampung Besar Kota", "Desa")
    assert found.fields["hamlet"] == "Dusun Sungai Arang"


def test_desa_binaan_is_not_a_village() -> None:
    found = extract("Kegiatan interaksi dengan masyarakat di Desa Binaan merupakan tugas Babinsa.")
    assert found.fields["village"] is None


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # a name typed with a lowercase word, a direction word, and a weekday in it
        ("di Dusun 4, Desa Lau tonggal, Kecamatan Pancur Batu", ("Lau tonggal", "Dusun 4", "Pancur Batu")),
        (
            "di Dusun Macar barat Rt/Rw 005/003 Ds Mancur Kec. Peterongan",
            ("Mancur", "Dusun Macar barat Rt/Rw 005/003", "Peterongan"),
        ),
        ("di wilayah Desa Pekan Kamis, Kecamatan Tembilahan", ("Pekan Kamis", None, "Tembilahan")),
        ("di Desa Sumber Agung Kecamatan Rimbo Ilir", ("Sumber Agung", None, "Rimbo Ilir")),
        ("di kelurahan Pasar belakang, Kecamatan Sibolga Kota, Kota Sibolga", ("Pasar belakang", None, "Sibolga Kota")),
        # a Lingkungan or Banjar with a name, a hyphenated Dusun, a lowercase dusun before the desa
        ("di Lingkungan Lembang Loe Kelurahan Balang Kecamatan Binamu", ("Balang", "Lingkungan Lembang Loe", "Binamu")),
        ("di Banjar Adnyasari, Desa Ekasari, Kecamatan Melaya", ("Ekasari", "Banjar Adnyasari", "Melaya")),
        ("bertempat di Dusun-V Desa Silo Baru Kecamatan Silau Laut", ("Silo Baru", "Dusun-V", "Silau Laut")),
        ("di dusun sedati desa Kauman, Kecamatan Ngoro", ("Kauman", "dusun sedati", "Ngoro")),
        # a name typed all in lower case, closed by the address
        ("di Desa meunasah sukon, Kecamatan lembah sabil", ("meunasah sukon", None, "lembah sabil")),
    ],
)
def test_places_as_people_type_them(address: str, expected: tuple[str, str | None, str]) -> None:
    fields = extract(f"Babinsa Serda Budi melaksanakan komsos {address}, Senin (10/03/2025).").fields
    assert (fields["village"], fields["hamlet"], fields["kecamatan"]) == expected


def test_a_word_that_ends_a_sentence_is_not_an_abbreviation() -> None:
    text = "Babinsa Serma Samsuri komsos di warung kopi, Selasa (14/01/2025). Di desa. Kedekatan itu baik."
    assert extract(text).fields["village"] is None


def test_the_office_of_a_person_is_not_the_hamlet() -> None:
    text = (
        "Babinsa Serda Suwanto komsos di Rumah Bapak Mutar, Ketua RT 08, Dusun Harapan Jaya 2, Desa Mandala, "
        "Kec. Betara, Rabu (15/01/2020)."
    )
    fields = extract(text).fields
    assert fields["hamlet"] == "Dusun Harapan Jaya 2"
    assert fields["counterparts"] == ["Bapak Mutar, Ketua RT 08"]


def test_kabupaten_without_the_word_and_in_short_form() -> None:
    text = "Babinsa Serda Rahmat komsos dengan warga Desa Lumahan, Kec. Senyerang, Tanjab Barat, Sabtu (28/09/19)."
    assert parse_text(text, today=date(2026, 1, 1)).fields["kabupaten"] == "Tanjung Jabung Barat"
    explicit = "Babinsa Serda Rahmat komsos di Desa Mandala Jaya, Kec. Betara, Kab. Tanjab Barat, Rabu (15/01/2020)."
    assert parse_text(explicit).fields["kabupaten"] == "Tanjung Jabung Barat"  # the gazetteer's expansion
    assert extract(explicit).fields["kabupaten"] == "Tanjab Barat"  # the text alone: as written


def test_the_province_after_the_kabupaten_without_the_word() -> None:
    text = "Kopka Yusuf komsos di Kampung Sawe, Distrik Apawer Hulu, Kabupaten Sarmi, Papua pada Selasa (29/11/2022)."
    assert extract(text).fields["province"] == "Papua"


def test_places_typed_in_lower_case_in_a_capitalised_message() -> None:
    text = (
        "Ijin Dan. Babinsa Koramil 04/Cikarang Serda wawan melaksanakan komsos di ds sukamerta kec cikarang "
        "kab bekasi jawa barat hari Senin 3/11/2025. Situasi aman."
    )
    fields = extract(text, today=date(2026, 1, 1)).fields
    assert (fields["village"], fields["kecamatan"], fields["kabupaten"]) == ("sukamerta", "cikarang", "bekasi")
    assert fields["province"] == "Jawa Barat"


@pytest.mark.parametrize(
    "text",
    [
        "Babinsa Serda Budi komsos bersama kepala kab yang baru di Desa Maju.",
        "Babinsa Serda Budi komsos dengan warga desa mengikuti kegiatan di Desa Maju.",
    ],
)
def test_common_words_after_a_place_word_are_not_a_place(text: str) -> None:
    fields = extract(text).fields
    assert (fields["village"], fields["kabupaten"]) == ("Maju", None)


def test_the_gazetteer_gives_the_kabupaten_of_a_village_and_kecamatan_it_knows_in_one_place() -> None:
    from types import SimpleNamespace

    from komsos_cli.names import fold

    gazetteer = [
        SimpleNamespace(village="Sukamerta", kecamatan="Cilumbu", kabupaten="Bekasi", province="Jawa Barat"),
        SimpleNamespace(village="Mekarsari", kecamatan="Tanjungsari", kabupaten="Bogor", province="Jawa Barat"),
        SimpleNamespace(village="Mekarsari", kecamatan="Tanjungsari", kabupaten="Sumedang", province="Jawa Barat"),
    ]

    def find_villages(name: str, kecamatan: str | None = None, kabupaten: str | None = None) -> list[Any]:
        return [
            place
            for place in gazetteer
            if fold(place.village) == fold(name)
            and (kecamatan is None or fold(place.kecamatan) == fold(kecamatan))
            and (kabupaten is None or fold(place.kabupaten) == fold(kabupaten))
        ]

    def read(address: str) -> Any:
        text = f"Ijin Dan, Babinsa Sertu Asep Saepudin melaksanakan patroli di {address}, Senin (03/11/2025)."
        return extract(text, find_villages=find_villages).fields

    assert read("Ds Sukamerta Kec Cilumbu")["kabupaten"] == "Bekasi"
    assert read("Ds Mekarsari Kec Tanjungsari")["kabupaten"] is None  # two kabupaten have that pair
    assert read("Ds Sukamerta")["kabupaten"] is None  # a village alone is not enough
    assert read("Ds Sukamerta Kec Cilumbu Kab. Karawang")["kabupaten"] == "Karawang"  # the text wins


@pytest.mark.parametrize(
    ("address", "village", "kecamatan"),
    [
        ("Kelurahan Suryodiningratan, Kemantren Mantrijeron, Kota Yogyakarta", "Suryodiningratan", "Mantrijeron"),
        ("Kampung Sawe, Distrik Apawer Hulu, Kab. Sarmi", "Sawe", "Apawer Hulu"),
        ("Ds.Kemiri, Kec.Kebakkramat", "Kemiri", "Kebakkramat"),
    ],
)
def test_kemantren_and_distrik_are_kecamatan_and_ds_dot_a_village(address: str, village: str, kecamatan: str) -> None:
    fields = extract(f"Babinsa Serda Budi komsos di {address}, Senin (10/03/2025).", today=date(2026, 1, 1)).fields
    assert (fields["village"], fields["kecamatan"]) == (village, kecamatan)


@pytest.mark.parametrize(
    ("written", "expanded"),
    [("Inhu", "Indragiri Hulu"), ("Tapsel", "Tapanuli Selatan"), ("Abdya", "Aceh Barat Daya"), ("Asahan", "Asahan")],
)
def test_a_kabupaten_short_form_is_expanded_through_the_gazetteer(written: str, expanded: str) -> None:
    text = f"Babinsa Serda Budi komsos di Desa Makmur, Kec. Sejahtera, Kab. {written}, Senin (10/03/2025)."
    assert parse_text(text, today=date(2026, 1, 1)).fields["kabupaten"] == expanded
    # without the gazetteer, as written: no hand list of short forms in the extractor
    assert extract(text, today=date(2026, 1, 1)).fields["kabupaten"] == written
