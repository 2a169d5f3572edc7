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


# --- patterns measured on public reports (docs/parse.md): texts written for these tests, names invented ---


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
    ("phrase", "koramil", "kodim"),
    [
        ("Babinsa Koramil 419-03/Tungkal Ilir Serda Rahmat", "Koramil 03/Tungkal Ilir", "Kodim 0419"),
        (
            "Babinsa Sertu Mulyadi Koramil 416 – 07/Rimbo Bujang Kodim 0416/Bute",
            "Koramil 07/Rimbo Bujang",
            "Kodim 0416/Bute",
        ),
        ("anggota Koramil 0805/07 Ngadirejo Sertu Wasis", "Koramil 07/Ngadirejo", "Kodim 0805"),
        ("Babinsa Koramil 0829/01 Kota Sampang Serda Musa", "Koramil 01/Kota Sampang", "Kodim 0829"),
        ("Babinsa Ramil-01/Sentani, Kodim 1701/Jayapura, Serka Yoel", "Koramil 01/Sentani", "Kodim 1701/Jayapura"),
        ("Sertu Edi, anggota Koramil Tipe B 0802/19 Ngebel", "Koramil 19/Ngebel", "Kodim 0802"),
        ("Babinsa Desa Kejawan Koramil 0822/Grujugan, Serda Didi", "Koramil Grujugan", "Kodim 0822"),
        ("Koptu Abdul Babinsa Koramil 01 Binamu Kodim 1425 Jeneponto", "Koramil 01/Binamu", "Kodim 1425/Jeneponto"),
    ],
)
def test_units_with_the_kodim_number_in_front(phrase: str, koramil: str, kodim: str) -> None:
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
    assert [(p["rank"], p["name"]) for p in extract(text).fields["babinsa"]] == people


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


def test_other_headlines_listed_under_baca_lainnya_are_not_read() -> None:
    text = (
        "Serda Moh Rafli Babinsa Kelurahan Cibodas, Koramil 06/CBD melaksanakan komsos, Senin (16/06/2025).\n"
        "Baca Lainnya :\n- Serma Hamdan Pimpin Karbak Bersihkan Saluran\n- Dandim 0506/Tgr: Hindari Pinjol\n"
        "Komsos berjalan lancar."
    )
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Moh Rafli"}]


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
    assert extract(explicit).fields["kabupaten"] == "Tanjung Jabung Barat"


def test_the_province_after_the_kabupaten_without_the_word() -> None:
    text = "Kopka Yusuf komsos di Kampung Sawe, Distrik Apawer Hulu, Kabupaten Sarmi, Papua pada Selasa (29/11/2022)."
    assert extract(text).fields["province"] == "Papua"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("NGAWI (KR) - Selasa (10/09/2019) anggota Koramil", "Ngawi"),
        ("Bondowoso, MN Cakrawala – Dalam upaya", "Bondowoso"),
        ("LANGKAT,LENSABERITA.COM – Babinsa", "Langkat"),
        ("JOMBANG, - Bintara Pembina Desa", "Jombang"),
    ],
)
def test_more_datelines(line: str, place: str) -> None:
    assert dateline_place(line) == place


def test_the_dateline_kabupaten_in_the_gazetteers_spelling() -> None:
    text = "Abdya- Babinsa Desa Baru Kopda Ismail mendampingi petani di Desa Baru Kecamatan Jeumpa, (12/7/2021)."
    assert parse_text(text, today=date(2026, 1, 1)).fields["kabupaten"] == "Aceh Barat Daya"


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


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the usual talk of a Babinsa's duties is not an activity
        (
            "Babinsa Serda Budi melaksanakan komsos di Desa Lubuk. Babinsa yang selalu memantau wilayah tahu masalah.",
            ["komsos"],
        ),
        # a verb in the sentence of what the Babinsa did is one
        ("Babinsa Serka Edwin membantu membersihkan jalan Kampung Pomdori bersama masyarakat.", ["karya-bakti"]),
        ("Babinsa Koramil 05/KK Serda Devi, mengunjungi dapur warga binaannya di Desa Batu.", ["anjangsana"]),
        (
            "Babinsa Serda Agus turut serta dalam komsos sekaligus bergotong royong bersama warga.",
            ["komsos", "karya-bakti"],
        ),
        # a wrapped line does not end the sentence
        (
            "Hal itu yang dilakukan salah satu Babinsa Campa Koramil 1608-02/Bolo Serda Arif\n"
            "pagi tadi, Sabtu (3/2) mengerahkan ratusan masyarakat setempat dan para Siswa\n"
            "SMPN 3 Mada melaksanakan gotong-royong membersihkan jalan.",
            ["karya-bakti"],
        ),
    ],
)
def test_activity_kinds_from_what_the_babinsa_did(text: str, kinds: list[str]) -> None:
    assert extract(text).activity_kinds == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Masyarakat jangan mudah diadu domba karena apabila terjadi konflik hanya menimbulkan korban.",
        "Jika warga tidak menjaga kebersihan maka akan terjadi banjir.",
        "Danramil mendorong Babinsa untuk mendengarkan keluhan warga.",
    ],
)
def test_what_could_happen_is_not_the_situation(sentence: str) -> None:
    assert extract(f"Babinsa Serda Budi melaksanakan komsos. {sentence}").fields["situation"] is None


def test_the_group_met_as_the_babinsas_sentence_names_it() -> None:
    text = "Babinsa Koramil 03/Sungai Sariak Serda Suwandi melaksanakan Komsos dengan masyarakat di warung kopi."
    assert extract(text).fields["counterparts"] == ["masyarakat"]
    text = "Babinsa Serda Moh Rafli melaksanakan komsos dengan Bapak Jarkasih selaku (Ketua RT) di Kelurahan Cibodas."
    assert extract(text).fields["counterparts"] == ["Bapak Jarkasih selaku (Ketua RT)"]


def test_a_unit_name_typed_in_lower_case_after_the_slash() -> None:
    text = (
        "Babinsa Koramil 01/rengat Kodim 0302/Inhu Serda Hasan melaksanakan komsos di Desa Tambak, minggu (19/02/2023)."
    )
    assert extract(text).fields["koramil"] == "Koramil 01/rengat"


def test_the_venue_of_the_babinsas_sentence_before_one_named_in_passing() -> None:
    text = (
        "Babinsa Koramil 416-03/Sungai Bengkal Serda Mahdi melaksanakan Komsos bersama masyarakat di pondok sawah "
        "di Desa Teluk Rendah, Jumat (19/07/2024).\n"
        "“Komsos bisa kami lakukan di mana saja, di warung kopi, rumah warga dan di pondok sawah,” terang Serda Mahdi."
    )
    assert extract(text).fields["venue"] == "pondok sawah"


# --- a report typed without capitals -----------------------------------------------------

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
    assert (fields["koramil"], fields["kodim"]) == ("Koramil 03/Bontolangkasa", "Kodim 1408")
    assert (fields["hamlet"], fields["village"]) == ("Dusun Bontoa", "Bontoraya")
    assert (fields["kabupaten"], fields["province"]) == ("Jeneponto", "Sulawesi Selatan")
    assert fields["venue"] == "rumah Bapak Daeng Rasyid"


@pytest.mark.parametrize("truth", TRUTH + VARIANTS, ids=[t["file"] for t in TRUTH + VARIANTS])
def test_only_a_report_typed_without_capitals_is_read_as_one(truth: dict[str, Any]) -> None:
    from komsos_cli.narrative.extract import caseless

    folder = CORPUS if truth in TRUTH else CORPUS / "variants"
    typed_in_lower_case = "-lower" in truth["file"]
    assert caseless((folder / Path(truth["file"]).name).read_text("utf-8")) == typed_in_lower_case


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
    assert [(p["rank"], p["name"]) for p in extract(text).fields["babinsa"]] == expected


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
    ("text", "topics"),
    [
        # the situation found is not a topic talked about
        ("Babinsa Serda Budi membahas pupuk dengan petani. Situasi terpantau aman dan kondusif.", ["pertanian"]),
        ("Babinsa Serda Budi membahas pupuk dengan petani. Situasi wilayah aman.", ["pertanian"]),
        ("Babinsa Serda Budi membahas pupuk dengan petani. sit aman kondusif", ["pertanian"]),
        # an aim the Babinsa talked about is one
        ("Babinsa Serda Budi mengajak petani menciptakan wilayah yang aman dan kondusif.", ["keamanan", "pertanian"]),
        ("Babinsa Serda Budi membahas situasi wilayah menjelang panen.", ["keamanan", "pertanian"]),
    ],
)
def test_the_situation_statement_is_not_a_topic(text: str, topics: list[str]) -> None:
    assert sorted(extract(text).fields["topics"]) == topics


@pytest.mark.parametrize(
    ("tail", "situation"), [("sit aman", "aman"), ("Sit: aman terkendali", "aman"), ("Sit. rawan", "rawan")]
)
def test_the_situation_in_whatsapp_shorthand(tail: str, situation: str) -> None:
    assert extract(f"Babinsa Serda Budi komsos di Desa Maju. {tail}").fields["situation"] == situation


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
    assert [(p["rank"], p["name"]) for p in fields["babinsa"]] == expected
    assert (fields["hamlet"], fields["village"]) == ("Lingkungan 3", "Sidorame")


def test_a_file_longer_than_a_report_is_read_as_far_as_the_summary_keeps() -> None:
    from komsos_cli.model import LIMIT_SUMMARY

    head = "Babinsa Serda Budi Santoso melaksanakan komsos, Senin (03/11/2025). "
    filler = "Warga bergotong royong membersihkan saluran air. " * (LIMIT_SUMMARY // 40)
    found = extract(head + filler + "Bertempat di Desa Sukajadi Kecamatan Cibadak.", today=date(2026, 1, 1))
    assert found.fields["babinsa"] == [{"rank": "Serda", "name": "Budi Santoso"}]
    assert len(found.fields["summary"]) <= LIMIT_SUMMARY
    assert found.fields["village"] is None  # after the kept text: not in the entry's summary, not read
    assert any(str(LIMIT_SUMMARY) in note for note in found.notes)


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


def test_the_benchmark_reads_reports_as_komsos_parse_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "extraction", Path(__file__).parent.parent / "benchmarks" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "extraction", benchmark)  # its dataclass looks itself up there
    spec.loader.exec_module(benchmark)
    text = "Babinsa Serda Budi \u201ckomsos\u201d di Desa Waru, Senin (05/02/2024)."
    (tmp_path / "ansi.txt").write_bytes(text.encode("cp1252"))  # saved by an old Windows PC
    truth = {
        "file": "ansi.txt",
        "date": "2024-02-05",
        "village": "Waru",
        "babinsa": [{"rank": "Serda", "name": "Budi"}],
    }
    (tmp_path / "truth.jsonl").write_text(json.dumps(truth) + "\n", "utf-8")
    [(name, found, _)] = benchmark.load(tmp_path, tmp_path / "truth.jsonl", gazetteer=False)
    assert (name, found["date"], found["village"]) == ("ansi.txt", "2024-02-05", "Waru")


def test_an_office_before_a_name_typed_in_lower_case_is_written_as_a_title() -> None:
    text = (
        "mohon ijin melaporkan, babinsa sertu yohanis wenda komsos dgn kepala kampung bapak yakob kogoya dan "
        "tokoh agama di kampung wamena distrik wamena kab jayawijaya hari kamis 6/11/2025, sit aman"
    )
    assert extract(text, today=date(2026, 1, 1)).fields["counterparts"] == [
        "Kepala Kampung Bapak Yakob Kogoya",
        "tokoh agama",  # an office with no name stays as typed
    ]


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
