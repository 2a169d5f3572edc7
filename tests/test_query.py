"""Filters: what a person means matches (village spelling, parts of names), and nothing else."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from komsos_cli.model import Entry, validate_entry
from komsos_cli.names import village_key
from komsos_cli.query import Criteria, select


def entry(**fields: Any) -> Entry:
    base: dict[str, Any] = {
        "date": "2025-01-17",
        "babinsa": [{"rank": "Serda", "name": "Nursalim"}],
        "village": "Kemiri",
        "summary": "Komsos",
    }
    base.update(fields)
    return validate_entry(base)


@pytest.mark.parametrize(
    "typed",
    [
        "Sei Silau Tua",
        "sei silau tua",
        "  Sei   Silau  Tua ",
        "Desa Sei Silau Tua",
        "Ds. Sei Silau Tua",
        "DESA SEI SILAU TUA",
    ],
)
def test_village_spellings_match(typed: str) -> None:
    assert village_key(typed) == village_key("Sei Silau Tua")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kelurahan Pangkalan Dodek Baru", "pangkalan dodek baru"), ("Kel. Pangkalan Dodek Baru", "Pangkalan Dodek Baru")],
)
def test_kelurahan_prefix_ignored(a: str, b: str) -> None:
    assert village_key(a) == village_key(b)


def test_apostrophe_variants_match() -> None:
    assert village_key("Ma'rang") == village_key("Ma\u2019rang") == village_key("Marang")


def test_different_villages_differ() -> None:
    assert village_key("Kemiri") != village_key("Kemiri Baru")


def test_filter_by_each_field() -> None:
    a = entry(
        village="Desa Sei Silau Tua",
        kecamatan="Setia Janji",
        kabupaten="Asahan",
        kind="komsos",
        topics=["keamanan", "kesehatan"],
        babinsa=[{"rank": "Serda", "name": "Jasem"}],
        koramil="Koramil 13/Buntu Pane",
        situation="aman",
        date="2022-01-11",
        counterparts=["Kadus Dsn 2 Bapak Faisal"],
    )
    b = entry(
        village="Krajan",
        kecamatan="Gatak",
        kabupaten="Sukoharjo",
        kind="anjangsana",
        topics=["ekonomi"],
        babinsa=[{"rank": "Serka", "name": "Sugianto"}],
        koramil="Koramil 07/Gatak",
        situation="waspada",
        date="2023-01-16",
        venue="rumah Bapak Harjanto",
        follow_up="Promosikan blangkon",
    )
    entries = [a, b]

    def ids(**criteria: Any) -> list[str]:
        return [e["id"] for e in select(entries, Criteria(**criteria))]

    assert ids(village="sei silau tua") == [a["id"]]
    assert ids(kecamatan="kecamatan gatak") == [b["id"]]
    assert ids(kabupaten="Kab. Asahan") == [a["id"]]
    assert ids(kind="anjangsana") == [b["id"]]
    assert ids(topic="Kesehatan") == [a["id"]]
    assert ids(babinsa="jasem") == [a["id"]]
    assert ids(babinsa="serka") == [b["id"]]
    assert ids(koramil="07") == [b["id"]]
    assert ids(koramil="buntu pane") == [a["id"]]
    assert ids(situation="waspada") == [b["id"]]
    assert ids(since=date(2023, 1, 1)) == [b["id"]]
    assert ids(until=date(2022, 12, 31)) == [a["id"]]
    assert ids(since=date(2022, 1, 11), until=date(2022, 1, 11)) == [a["id"]]
    assert ids(search="faisal") == [a["id"]]
    assert ids(search="HARJANTO") == [b["id"]]
    assert ids(open_only=True) == [b["id"]]
    assert ids(village="Kemiri") == []
    assert ids() == [b["id"], a["id"]]


def test_newest_first_and_limit() -> None:
    entries = [entry(date=f"2025-01-{day:02d}") for day in (5, 20, 11, 1)]
    chosen = select(entries, Criteria(limit=2))
    assert [e["date"] for e in chosen] == ["2025-01-20", "2025-01-11"]
    assert [e["date"] for e in select(entries, Criteria())] == ["2025-01-20", "2025-01-11", "2025-01-05", "2025-01-01"]
    assert select(entries, Criteria(limit=0)) == []


def test_same_day_sorted_by_time_then_creation() -> None:
    morning = entry(time="08:00")
    evening = entry(time="19:30")
    assert [e["id"] for e in select([morning, evening], Criteria())] == [evening["id"], morning["id"]]
