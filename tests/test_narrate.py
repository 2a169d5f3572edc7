"""narrate writes only what the entry holds, and parsing what it writes gives the entry back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from komsos_cli.model import KINDS, RANKS, TOPICS, VILLAGE_KINDS, Entry, validate_entry
from komsos_cli.names import fold
from komsos_cli.narrative import entry_values, extract, narrate
from komsos_cli.narrative.extract import NAME_STOPWORDS
from komsos_cli.narrative.narrate import closing_quote, join_id

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ROUND_TRIP = ("date", "babinsa", "koramil", "kodim", "village", "village_kind", "kecamatan", "kabupaten", "kind")

# Words of names and places: capitalised, and not one of the words that end a name in a report.
word = (
    st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True)
    .filter(lambda w: fold(w) not in NAME_STOPWORDS)
    .filter(lambda w: not any(k in w.lower() for k in ("komsos", "patrol", "bakti", "monitor", "data", "damping")))
)
initial = st.from_regex(r"[A-Z]{1,2}", fullmatch=True).filter(lambda w: fold(w) not in NAME_STOPWORDS)
name = st.lists(st.one_of(word, word, initial), min_size=1, max_size=3).map(" ".join).filter(lambda n: n[0].isupper())
place = st.lists(word, min_size=1, max_size=3).map(" ".join)
person = st.builds(lambda rank, n: {"rank": rank, "name": n}, st.sampled_from(RANKS), name)
koramil = st.builds(lambda n, p: f"Koramil {n:02d}/{p}", st.integers(1, 30), place)
kodim = st.builds(lambda n, p: f"Kodim {n:04d}/{p}", st.integers(100, 1799), place)
kabupaten = st.one_of(place, place.map(lambda p: f"Kota {p}"))
hamlet = st.one_of(
    st.integers(1, 12).map(lambda n: f"Dusun {n}"),
    place.map(lambda p: f"Dusun {p}"),
    st.sampled_from(["Lingkungan I", "Lingkungan IV", "RT 03/RW 04"]),
)
venue = st.sampled_from(["kedai kopi", "balai desa", "pos kamling", "warung kopi", "rumah Bapak Harjanto"])
counterpart = st.one_of(
    word.map(lambda w: f"Bapak {w}"),
    word.map(lambda w: f"Kadus Bapak {w}"),
    st.sampled_from(["warga", "tokoh masyarakat", "Sekdes"]),
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    day = date(2000, 1, 1) + timedelta(days=draw(st.integers(0, (date.today() - date(2000, 1, 1)).days)))
    raw: dict[str, object] = {
        "date": day.isoformat(),
        "time": draw(st.one_of(st.none(), st.sampled_from(["pagi", "siang", "sore", "malam", "09:00", "14:30"]))),
        "kind": draw(st.sampled_from(KINDS)),
        "babinsa": draw(st.lists(person, min_size=1, max_size=3, unique_by=lambda p: fold(p["name"]))),
        "koramil": draw(st.one_of(st.none(), koramil)),
        "kodim": draw(st.one_of(st.none(), kodim)),
        "village": draw(place),
        "village_kind": draw(st.sampled_from(VILLAGE_KINDS)),
        "hamlet": draw(st.one_of(st.none(), hamlet)),
        "kecamatan": draw(st.one_of(st.none(), place)),
        "kabupaten": draw(st.one_of(st.none(), kabupaten)),
        "venue": draw(st.one_of(st.none(), venue)),
        "counterparts": draw(st.lists(counterpart, max_size=3)),
        "topics": draw(st.lists(st.sampled_from(TOPICS), max_size=3, unique=True)),
        "situation": draw(st.one_of(st.none(), st.sampled_from(["aman", "waspada", "rawan"]))),
        "summary": draw(st.sampled_from(["Babinsa bertemu warga binaan.", "Silaturahmi dengan warga."])),
    }
    return validate_entry(raw)


@pytest.mark.parametrize("style", ["press", "wa"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=entries())
def test_parse_of_narrate_gives_the_entry_back(style: str, entry: Entry) -> None:
    text = narrate(entry, style)
    back = entry_values(extract(text))
    fields: Mapping[str, object] = entry  # read by the names in ROUND_TRIP
    for key in ROUND_TRIP:
        assert back.get(key) == fields[key], (key, text)
    assert back.get("situation") == entry["situation"], text
    # a name drawn at random may hold a topic's word (`Padi`), so the topics read back may be more
    topics = back.get("topics", [])
    assert isinstance(topics, list)
    assert set(entry["topics"]) <= set(topics), text
    if entry["time"]:
        assert back.get("time") == entry["time"], text


def _entry(**fields: object) -> Entry:
    raw: dict[str, object] = {
        "date": "2025-01-17",
        "babinsa": [{"rank": "Kopda", "name": "SY.E Hasibuan"}],
        "village": "Pematang Jaya",
        "summary": "Komsos dengan warga di kedai kopi",
    }
    raw.update(fields)
    return validate_entry(raw)


def test_press_release_in_the_shape_of_the_corpus() -> None:
    entry = _entry(
        koramil="Koramil 01/Rengat",
        kodim="Kodim 0302/Inhu",
        kecamatan="Rengat Barat",
        kabupaten="Indragiri Hulu",
        venue="kedai kopi",
        counterparts=["warga"],
        topics=["keamanan", "program pemerintah"],
        situation="aman",
    )
    assert narrate(entry) == (
        "Indragiri Hulu – Babinsa Koramil 01/Rengat Kodim 0302/Inhu, Kopda SY.E Hasibuan, melaksanakan "
        "Komunikasi Sosial (Komsos) bersama warga, bertempat di kedai kopi, Desa Pematang Jaya, Kecamatan Rengat "
        "Barat, Kabupaten Indragiri Hulu, pada hari Jumat, 17 Januari 2025. Komsos dengan warga di kedai kopi. "
        "Dalam kesempatan tersebut, Babinsa membahas tentang kamtibmas dan program pemerintah. "
        "Situasi wilayah terpantau aman dan kondusif."
    )


def test_nothing_is_invented() -> None:
    text = narrate(_entry())
    assert "pukul" not in text and "Kecamatan" not in text and "Situasi" not in text and "“" not in text
    assert "Koramil" not in text and "bersama" not in text and text.startswith("Babinsa, Kopda")
    wa = narrate(_entry(), "wa")
    assert "Tempat: Desa Pematang Jaya" in wa and "Situasi" not in wa and "Materi" not in wa


def test_whatsapp_message() -> None:
    entry = _entry(time="09:00", kind="patroli", koramil="Koramil 05/Pleret", findings=["Jalan rusak"])
    assert narrate(entry, "wa").splitlines() == [
        "Ijin Dan, melaporkan kegiatan Babinsa Koramil 05/Pleret:",
        "Hari/tgl: Jumat, 17 Januari 2025 pukul 09.00",  # no zone: the entry does not say where
        "Personel: Kopda SY.E Hasibuan",
        "Kegiatan: Patroli",
        "Tempat: Desa Pematang Jaya",
        "Temuan: Jalan rusak",
    ]


def test_the_closing_quote_comes_from_the_report_only() -> None:
    text = (CORPUS / "seed-000.txt").read_text("utf-8")
    entry = validate_entry(entry_values(extract(text)))
    press = narrate(entry)
    assert press.endswith("dalam menciptakan wilayah yang aman dan kondusif,” tutupnya.")
    assert closing_quote("Komsos dengan warga.") is None


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_real_reports_survive_narrate_and_parse(name: str) -> None:
    entry = validate_entry(entry_values(extract((CORPUS / name).read_text("utf-8"))))
    fields: Mapping[str, object] = entry  # read by the names of its fields
    for style in ("press", "wa"):
        back = entry_values(extract(narrate(entry, style)))
        for key in (*ROUND_TRIP, "hamlet", "venue", "counterparts", "situation"):
            assert back.get(key) == fields[key], (style, key)


def test_join_id() -> None:
    assert join_id(["a"]) == "a"
    assert join_id(["a", "b"]) == "a dan b"
    assert join_id(["a", "b", "c"]) == "a, b dan c"


@pytest.mark.parametrize(
    ("province", "zone"),
    [(None, ""), ("Jawa Barat", " WIB"), ("Sulawesi Selatan", " WITA"), ("Bali", " WITA"), ("Papua Tengah", " WIT")],
)
def test_a_clock_time_has_the_zone_of_the_province_or_none(province: str | None, zone: str) -> None:
    entry = _entry(time="09:00", province=province)
    press = narrate(entry)
    assert f"pada hari Jumat, 17 Januari 2025 pukul 09.00{zone}." in press
    assert ("WIB" in press) == (zone == " WIB")
    assert narrate(entry, "wa").splitlines()[1] == f"Hari/tgl: Jumat, 17 Januari 2025 pukul 09.00{zone}"
    assert entry_values(extract(narrate(entry)))["time"] == "09:00"


def test_the_report_an_entry_was_read_from_is_not_pasted_into_the_press_release() -> None:
    report = "Ijin Dan, Babinsa Serda Budi Santoso komsos dgn warga di Ds. Sukamaju, Senin 3/11/25. Sit aman."
    entry = validate_entry(entry_values(extract(report, today=date(2026, 1, 1))))
    assert entry["summary"] == report
    press = narrate(entry)
    assert "dgn" not in press and "Ijin" not in press
    named = _entry(summary="Serda Budi Santoso bertemu warga.", babinsa=[{"rank": "Serda", "name": "Budi Santoso"}])
    assert "bertemu warga" not in narrate(named)
    typed = _entry(summary="Warga mengeluhkan jalan rusak")  # a summary typed for the entry stays
    assert "Warga mengeluhkan jalan rusak." in narrate(typed)


@pytest.mark.parametrize("style", ["press", "wa"])
def test_the_situation_written_does_not_read_back_as_a_topic(style: str) -> None:
    entry = _entry(situation="aman", topics=["kesehatan"], summary="Bertemu warga.")
    assert entry_values(extract(narrate(entry, style)))["topics"] == ["kesehatan"]
