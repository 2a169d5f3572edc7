"""The extractor's topics and situation (extract/topics.py)."""

from __future__ import annotations

import pytest

from komsos_cli.narrative.extract import extract


def test_topics_map_to_the_vocabulary() -> None:
    text = (
        "Babinsa membahas Pilkada 2024, Pileg dan Pilpres, bahaya narkoba, paham radikalisme, program pemerintah, "
        "ketahanan pangan, pupuk bagi petani, UMKM warga, banjir dan stunting."
    )
    topics = extract(text).fields["topics"]
    assert isinstance(topics, list)
    assert set(topics) == {
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
    found = extract(text).fields["topics"]
    assert isinstance(found, list)
    assert sorted(found) == topics


@pytest.mark.parametrize(
    ("tail", "situation"), [("sit aman", "aman"), ("Sit: aman terkendali", "aman"), ("Sit. rawan", "rawan")]
)
def test_the_situation_in_whatsapp_shorthand(tail: str, situation: str) -> None:
    assert extract(f"Babinsa Serda Budi komsos di Desa Maju. {tail}").fields["situation"] == situation
