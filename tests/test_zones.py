"""Indonesia's time zones: which province keeps which, and a stored UTC time read locally."""

from __future__ import annotations

import pytest

from komsos_cli.zones import UNKNOWN, WIB, WIT, WITA, local_minute, zone_of_entry, zone_of_province

WITA_PROVINCES = [
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Barat",
    "Sulawesi Selatan",
    "Sulawesi Tengah",
    "Sulawesi Tenggara",
    "Sulawesi Utara",
    "Gorontalo",
    "NTB",
    "NTT",
    "Kaltim",
    "Sulsel",
    "Prov. Bali",
]
WIT_PROVINCES = [
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Pegunungan",
    "Papua Selatan",
    "Papua Tengah",
    "Malut",
]
WIB_PROVINCES = [
    "Aceh",
    "Sumatra Utara",
    "Riau",
    "Kepulauan Riau",
    "Lampung",
    "Banten",
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "Daerah Istimewa Yogyakarta",
    "Jawa Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kepulauan Bangka Belitung",
]


@pytest.mark.parametrize("province", WITA_PROVINCES)
def test_central_indonesia_is_wita(province: str) -> None:
    assert zone_of_province(province) == WITA


@pytest.mark.parametrize("province", WIT_PROVINCES)
def test_eastern_indonesia_is_wit(province: str) -> None:
    assert zone_of_province(province) == WIT


@pytest.mark.parametrize("province", WIB_PROVINCES)
def test_the_rest_is_wib(province: str) -> None:
    assert zone_of_province(province) == WIB


def test_an_entry_without_a_province_takes_its_kabupatens_zone_else_wib_assumed() -> None:
    def lookup(kabupaten: str) -> list[str]:
        return {"Kota Makassar": ["Sulawesi Selatan"], "Kota Baru": ["Kalimantan Selatan", "Jambi"]}.get(kabupaten, [])

    assert zone_of_entry({"kabupaten": "Kota Makassar"}, lookup) == WITA
    assert zone_of_entry({"kabupaten": "Kota Baru"}, lookup) == UNKNOWN  # two zones: cannot tell
    assert zone_of_entry({"kabupaten": "Atlantis"}, lookup) == UNKNOWN
    assert zone_of_entry({}, lookup) == UNKNOWN and UNKNOWN.name == "WIB" and not UNKNOWN.known


def test_local_minute_reads_the_stored_utc_stamp_in_the_zone() -> None:
    assert local_minute("2025-01-17T20:59:59.999999+00:00", WIT) == "2025-01-18 05:59"
    assert local_minute("2025-01-17T01:05:00", WITA) == "2025-01-17 09:05"  # no offset: UTC
    assert local_minute("kemarin", WIB) == "kemarin"
