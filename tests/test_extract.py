"""The extractor on real reports (tests/fixtures/corpus) and on variants in the other ways reports are written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from komsos_cli.model import KINDS, validate_entry
from komsos_cli.narrative import entry_values, parse_text
from komsos_cli.narrative.extract import dateline_place, extract

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TRUTH = [json.loads(line) for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()]
VARIANTS = [
    json.loads(line) for line in (CORPUS / "variants" / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()
]
PLACE_FIELDS = ("village", "village_kind", "hamlet", "kecamatan", "kabupaten", "province")


def read(truth: dict[str, Any], folder: Path = CORPUS) -> Any:
    return extract((folder / Path(truth["file"]).name).read_text("utf-8"))


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_real_reports_field_by_field(truth: dict[str, Any]) -> None:
    found = read(truth)
    fields = found.fields
    assert fields["date"] == truth["date"]
    assert found.date_as_written == truth["date_as_written"]
    assert fields["babinsa"] == truth["babinsa"]
    assert fields["koramil"] == truth["koramil"]
    assert fields["kodim"] == truth["kodim"]
    for key in PLACE_FIELDS:
        assert fields[key] == truth[key], key
    assert fields["venue"] == truth["venue"]
    assert found.activity_kinds == truth["activity_kinds"]
    assert fields["kind"] == truth["activity_kinds"][0]
    assert sorted(fields["topics"]) == sorted(truth["topics"])
    assert fields["situation"] == truth["situation"]
    assert fields["counterparts"] == truth["counterparts"]


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_the_whole_text_is_kept_as_the_summary(truth: dict[str, Any]) -> None:
    text = (CORPUS / truth["file"].split("/")[-1]).read_text("utf-8")
    summary = read(truth).fields["summary"]
    assert " ".join(summary.split()) == " ".join(text.replace("\u2019", "'").split())


@pytest.mark.parametrize("truth", VARIANTS, ids=[t["file"] for t in VARIANTS])
def test_variants_people_units_dates_and_villages(truth: dict[str, Any]) -> None:
    found = read(truth, CORPUS / "variants")
    fields = found.fields
    assert fields["date"] == truth["date"]
    assert fields["babinsa"] == truth["babinsa"]
    assert fields["koramil"] == truth["koramil"]
    assert fields["kodim"] == truth["kodim"]
    assert fields["village"] == truth["village"]
    assert fields["village_kind"] == truth["village_kind"]
    assert fields["kecamatan"] == truth["kecamatan"]
    assert found.activity_kinds == truth["activity_kinds"]
    assert fields["situation"] == truth["situation"]


# --- the negative cases --------------------------------------------------------------


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
    assert "Bhabinkamtibmas Bripka Joko Susilo" in fields["counterparts"]


def test_a_street_named_after_a_general_is_not_a_person() -> None:
    text = "Babinsa Serda Budi melaksanakan komsos di warung Jl. Jenderal Sudirman, Desa Waru, Senin (05/02/2024)."
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Budi"}]


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
    assert fields["koramil"] == "Koramil 03/Kebakkramat"
    assert fields["kodim"] == "Kodim 0727"
    assert fields["time"] == "pagi"


def test_an_activity_that_did_not_happen_is_not_one() -> None:
    text = (
        "Pada hari Sabtu (20/01/2024) Babinsa Serka Sugianto tidak melaksanakan patroli karena hujan deras, "
        "namun tetap melaksanakan komsos di Desa Krajan. Kegiatan gotong royong yang direncanakan batal."
    )
    found = extract(text)
    assert found.activity_kinds == ["komsos"]
    assert found.fields["kind"] == "komsos"


def test_a_purpose_is_not_an_activity() -> None:
    text = (
        "Babinsa Serka Kliwon melaksanakan Komsos untuk monitoring situasi kamtibmas di Desa Waru, Jumat (13/09/2024)."
    )
    assert extract(text).activity_kinds == ["komsos"]


def test_no_activity_word_leaves_the_kind_open_and_the_entry_says_lainnya() -> None:
    found = extract("Babinsa Serda Budi hadir di Desa Waru, Senin (05/02/2024).")
    assert found.fields["kind"] is None
    assert "kind" in found.missing
    assert entry_values(found)["kind"] == "lainnya"


# --- dates and times ------------------------------------------------------------------


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


# --- places, venue and people met ----------------------------------------------------


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


# --- topics and situation ------------------------------------------------------------


def test_topics_map_to_the_vocabulary() -> None:
    text = (
        "Babinsa membahas Pilkada 2024, Pileg dan Pilpres, bahaya narkoba, paham radikalisme, program pemerintah, "
        "ketahanan pangan, pupuk bagi petani, UMKM warga, banjir dan stunting."
    )
    assert set(extract(text).fields["topics"]) == {
        "pilkada",
        "pemilu",
        "narkoba",
        "radikalisme",
        "program pemerintah",
        "ketahanan pangan",
        "pertanian",
        "ekonomi",
        "bencana",
        "kesehatan",
    }


@pytest.mark.parametrize(
    ("sentence", "situation"),
    [
        ("menciptakan wilayah yang aman dan kondusif", "aman"),
        ("menjaga situsi aman, nyaman dengan suasana yang kondusif", "aman"),
        ("Situasi wilayah terpantau aman terkendali.", "aman"),
        ("Kegiatan berjalan aman dan lancar.", "aman"),
        ("Warga mengeluhkan harga pupuk.", "waspada"),
        ("Situasi wilayah perlu diwaspadai.", "waspada"),
        ("Telah terjadi pencurian ternak di dusun itu.", "rawan"),
        ("Situasi: rawan", "rawan"),
        ("Situasi tidak kondusif setelah bentrok.", "rawan"),
        ("Babinsa berbincang dengan warga.", None),
    ],
)
def test_situation(sentence: str, situation: str | None) -> None:
    assert extract(f"Babinsa Serda Budi melaksanakan komsos. {sentence}").fields["situation"] == situation


def test_dateline_places() -> None:
    assert dateline_place("Asahan | Kegiatan interaksi") == "Asahan"
    assert dateline_place("Sukoharjo (16/01/23) Babinsa") == "Sukoharjo"
    assert dateline_place("Suaralira.com, Rengat - Disaat melakukan") == "Rengat"
    assert dateline_place("Karanganyar,Kabarjoglo.com – Jajaran") == "Karanganyar"
    assert dateline_place("Babinsa melaksanakan komsos") is None


def test_the_gazetteer_checks_the_place_and_fills_a_kabupaten_only_from_the_dateline() -> None:
    text = (CORPUS / "variants" / "sukoharjo-batal.txt").read_text("utf-8")
    alone = parse_text(text, gazetteer=False)
    assert alone.fields["kabupaten"] is None and not alone.place_matched
    checked = parse_text(text)
    assert checked.fields["kabupaten"] == "Sukoharjo"
    assert checked.place_matched


def test_empty_text_is_refused() -> None:
    from komsos_cli.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_text("   \n")


WORDS = [
    "Desa",
    "Kecamatan",
    "Kab.",
    "Serda",
    "Kapten",
    "Inf",
    "Danramil",
    "Koramil",
    "Kodim",
    "0727-03/",
    "01/",
    "Senin",
    "(17/01/2025)",
    "pukul",
    "09.00",
    "RT",
    "03/RW",
    "Dusun",
    "Bapak",
    "di",
    "rumah",
    "kedai",
    "bertempat",
    "tidak",
    "batal",
    "komsos",
    "patroli",
    "Kadus",
    "Dsn",
    "2",
    "Bhabinkamtibmas",
    "Bripka",
    "Budi",
    "Krajan",
    ",",
    ".",
    "\n",
    "(Pendim",
    "0727)",
    "Kota",
    "Kampung",
    "Lingkungan",
    "I",
    "Tempat:",
    "“",
    "”",
    "ujarnya",
]


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)))
def test_any_text_reads_without_error_into_a_valid_entry(text: str) -> None:
    found = extract(text)
    values = entry_values(found)
    values.setdefault("date", "2024-01-01")
    values.setdefault("babinsa", [{"rank": "Serda", "name": "Budi"}])
    values.setdefault("village", "Waru")
    values["summary"] = values.get("summary") or "-"
    assert validate_entry(values)["kind"] in KINDS
