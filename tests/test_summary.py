"""Unit tests of the pure aggregation in komsos_cli/summary.py, on hand-made entries with known answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from komsos_cli.errors import InvalidInput
from komsos_cli.model import KINDS, SITUATIONS, Entry, validate_entry
from komsos_cli.query import Criteria
from komsos_cli.summary import (
    open_follow_ups,
    parse_period,
    stale_villages,
    summarize,
    village_coverage,
    with_period,
)

TODAY = date(2025, 2, 15)
NURSALIM = {"rank": "Serda", "name": "Nursalim"}
KLIWON = {"rank": "Serka", "name": "M Kliwon"}


def make(**fields: Any) -> Entry:
    raw: dict[str, Any] = {
        "date": "2025-01-10",
        "babinsa": [NURSALIM],
        "village": "Kemiri",
        "summary": "Komsos dengan warga",
    }
    raw.update(fields)
    return validate_entry(raw)


def names(buckets: list[Any]) -> list[tuple[str | None, int]]:
    return [(bucket.name, bucket.count) for bucket in buckets]


# --- periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("2025-01", date(2025, 1, 1), date(2025, 1, 31)),
        ("2025-1", date(2025, 1, 1), date(2025, 1, 31)),
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),  # divisible by 400: leap
        ("2100-02", date(2100, 2, 1), date(2100, 2, 28)),  # divisible by 100: not leap
        ("2025-04", date(2025, 4, 1), date(2025, 4, 30)),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2024-q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
        ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        (" 2024 ", date(2024, 1, 1), date(2024, 12, 31)),
        ("01/2025", date(2025, 1, 1), date(2025, 1, 31)),
        ("2-2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("Januari 2025", date(2025, 1, 1), date(2025, 1, 31)),
        ("agu 2024", date(2024, 8, 1), date(2024, 8, 31)),
        ("Desember 2024", date(2024, 12, 1), date(2024, 12, 31)),
        ("Oct 2025", date(2025, 10, 1), date(2025, 10, 31)),
        ("Agt 2024", date(2024, 8, 1), date(2024, 8, 31)),  # the calendar vocabulary of dates.py
        ("Sept. 2024", date(2024, 9, 1), date(2024, 9, 30)),
        ("Pebruari 2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("Nopember 2024", date(2024, 11, 1), date(2024, 11, 30)),
    ],
)
def test_period_bounds(text: str, since: date, until: date) -> None:
    period = parse_period(text)
    assert (period.since, period.until) == (since, until)


@pytest.mark.parametrize(
    "text",
    ["", "2025-13", "2025-00", "2025-Q0", "2025-Q5", "Foo 2025", "13/2025", "Ma 2025", "25-01", "2025-01-05", "0000"],
)
def test_bad_period_is_invalid_input(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_period(text)
    assert "\n" not in caught.value.message
    assert caught.value.code == 2


def test_period_and_since_until_intersect() -> None:
    january = parse_period("2025-01")
    narrowed = with_period(Criteria(since=date(2025, 1, 10), until=date(2025, 3, 1)), january)
    assert (narrowed.since, narrowed.until) == (date(2025, 1, 10), date(2025, 1, 31))
    wider = with_period(Criteria(since=date(2024, 12, 1), until=date(2025, 1, 20)), january)
    assert (wider.since, wider.until) == (date(2025, 1, 1), date(2025, 1, 20))
    assert with_period(Criteria(village="Kemiri"), None) == Criteria(village="Kemiri")


def test_period_boundaries_are_inclusive() -> None:
    days = ["2024-12-31", "2025-01-01", "2025-03-31", "2025-04-01", "2025-10-01", "2025-12-31"]
    entries = [make(date=day) for day in days]
    assert summarize(entries, TODAY, period=parse_period("2025-Q1")).total == 2
    assert summarize(entries, TODAY, period=parse_period("2025-Q4")).total == 2
    assert summarize(entries, TODAY, period=parse_period("2025")).total == 5
    assert summarize(entries, TODAY, period=parse_period("2024-12")).total == 1
    # --since inside the quarter narrows it; a disjoint --since leaves nothing.
    later = Criteria(since=date(2025, 3, 1))
    assert summarize(entries, TODAY, criteria=later, period=parse_period("2025-Q1")).total == 1
    disjoint = Criteria(since=date(2025, 5, 1))
    assert summarize(entries, TODAY, criteria=disjoint, period=parse_period("2025-Q1")).total == 0


def test_leap_day_is_in_february_2024() -> None:
    entries = [make(date="2024-02-29"), make(date="2024-03-01")]
    assert summarize(entries, TODAY, period=parse_period("2024-02")).total == 1
    assert summarize(entries, TODAY, period=parse_period("2024-Q1")).total == 2


# --- summary ---------------------------------------------------------------------------


def sample() -> list[Entry]:
    return [
        make(
            date="2025-01-05",
            village="Desa Kemiri",
            topics=["pemilu", "keamanan"],
            situation="aman",
            koramil="Koramil 03/Kebakkramat",
        ),
        make(
            date="2025-01-12",
            village="kemiri",
            kind="anjangsana",
            topics=["ekonomi"],
            situation="waspada",
            findings=["Warga mengeluhkan jalan rusak"],
            follow_up="Laporkan jalan rusak ke Kades",
            koramil="Koramil 03/Kebakkramat",
        ),
        make(
            date="2025-01-20",
            village="Kemiri",
            kind="patroli",
            babinsa=[KLIWON, NURSALIM],
            topics=["keamanan"],
            situation="rawan",
            findings=["Pencurian ternak di Dusun 2"],
            koramil="koramil 03 / Kebakkramat",
        ),
        make(date="2025-02-03", village="Kemiri", follow_up="Cek harga pupuk"),
        make(date="2024-12-30", village="Sei Silau Tua", babinsa=[KLIWON], topics=["kesehatan", "keamanan"]),
    ]


def test_counts_by_every_field() -> None:
    result = summarize(sample(), TODAY)
    assert result.total == 5
    assert (result.first_date, result.last_date) == ("2024-12-30", "2025-02-03")
    by = result.breakdowns
    # Four spellings of Kemiri are one village, shown as the most common spelling.
    assert names(by["village"]) == [("Kemiri", 4), ("Sei Silau Tua", 1)]
    assert result.villages == 2
    assert names(by["kind"]) == [("komsos", 3), ("anjangsana", 1), ("patroli", 1)]
    assert names(by["topic"]) == [("keamanan", 3), ("ekonomi", 1), ("kesehatan", 1), ("pemilu", 1)]
    assert names(by["month"]) == [("2024-12", 1), ("2025-01", 3), ("2025-02", 1)]
    # An entry with two Babinsa counts for each of them.
    assert names(by["babinsa"]) == [("Serda Nursalim", 4), ("Serka M Kliwon", 2)]
    assert result.babinsa == 2
    assert names(by["koramil"]) == [("Koramil 03/Kebakkramat", 3), (None, 2)]
    assert names(by["situation"]) == [("aman", 1), ("waspada", 1), ("rawan", 1), (None, 2)]


def test_open_follow_ups_and_not_aman() -> None:
    result = summarize(sample(), TODAY)
    assert [(f.date, f.action, f.age_days) for f in result.follow_ups] == [
        ("2025-01-12", "Laporkan jalan rusak ke Kades", 34),
        ("2025-02-03", "Cek harga pupuk", 12),
    ]
    oldest = result.oldest_follow_up
    assert oldest is not None and oldest.village == "kemiri"
    assert [(c.date, c.situation, c.findings) for c in result.concerns] == [
        ("2025-01-12", "waspada", ["Warga mengeluhkan jalan rusak"]),
        ("2025-01-20", "rawan", ["Pencurian ternak di Dusun 2"]),
    ]
    assert [c.situation for c in result.latest_concerns(1)] == ["rawan"]
    data = result.to_dict()
    assert data["open_follow_ups"] == 2
    oldest_open = data["oldest_open_follow_up"]
    assert oldest_open is not None and oldest_open["age_days"] == 34
    assert data["not_aman"] == 2


def test_filters_apply_before_counting() -> None:
    result = summarize(sample(), TODAY, criteria=Criteria(babinsa="kliwon"))
    assert result.total == 2
    assert names(result.breakdowns["village"]) == [("Kemiri", 1), ("Sei Silau Tua", 1)]
    january = summarize(sample(), TODAY, criteria=Criteria(village="KEMIRI"), period=parse_period("2025-01"))
    assert january.total == 3
    assert january.to_dict()["period"] == {"label": "2025-01", "since": "2025-01-01", "until": "2025-01-31"}


def test_limit_summarizes_the_newest() -> None:
    result = summarize(sample(), TODAY, criteria=Criteria(limit=2))
    assert result.total == 2
    assert (result.first_date, result.last_date) == ("2025-01-20", "2025-02-03")


def test_empty_store() -> None:
    result = summarize([], TODAY)
    assert result.total == 0
    assert result.first_date is None and result.last_date is None
    assert all(buckets == [] for buckets in result.breakdowns.values())
    assert result.follow_ups == [] and result.concerns == [] and result.oldest_follow_up is None
    data = result.to_dict()
    assert data["total"] == 0 and data["villages"] == 0 and data["oldest_open_follow_up"] is None
    assert data["by"]["village"] == []


def test_one_entry() -> None:
    result = summarize([make(date="2025-01-17", village="Pematang Jaya", topics=["keamanan"])], TODAY)
    assert result.total == 1
    assert (result.first_date, result.last_date) == ("2025-01-17", "2025-01-17")
    assert {name: names(buckets) for name, buckets in result.breakdowns.items()} == {
        "village": [("Pematang Jaya", 1)],
        "kind": [("komsos", 1)],
        "topic": [("keamanan", 1)],
        "month": [("2025-01", 1)],
        "babinsa": [("Serda Nursalim", 1)],
        "koramil": [(None, 1)],
        "situation": [(None, 1)],
    }
    assert result.to_dict(only="topic")["by"] == {"topic": [{"name": "keamanan", "count": 1}]}


entry_strategy = st.fixed_dictionaries(
    {
        "date": st.dates(date(2023, 1, 1), date(2025, 12, 31)).map(date.isoformat),
        "kind": st.sampled_from(KINDS),
        "village": st.sampled_from(["Kemiri", "Desa Kemiri", "Krajan", "Sei Silau Tua"]),
        "situation": st.sampled_from((*SITUATIONS, None)),
        "topics": st.lists(st.sampled_from(["keamanan", "kesehatan", "pemilu"]), max_size=3, unique=True),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(entry_strategy, max_size=20))
def test_breakdowns_add_up(raws: list[dict[str, Any]]) -> None:
    entries = [make(**raw) for raw in raws]
    result = summarize(entries, TODAY)
    assert result.total == len(entries)
    for field in ("village", "kind", "month", "situation", "koramil", "babinsa"):
        assert sum(bucket.count for bucket in result.breakdowns[field]) == len(entries), field
    assert sum(bucket.count for bucket in result.breakdowns["topic"]) == sum(len(e["topics"]) for e in entries)
    assert result.not_aman == sum(1 for e in entries if e["situation"] in ("waspada", "rawan"))
    # Each month alone adds back to the whole.
    months = {e["date"][:7] for e in entries}
    assert sum(summarize(entries, TODAY, period=parse_period(month)).total for month in months) == len(entries)


# --- village coverage -------------------------------------------------------------------


def test_coverage_lists_care_villages_and_entry_villages() -> None:
    rows = village_coverage(sample(), TODAY, care=["Kemiri", "Macanan", "desa macanan", "Pulosari"])
    table = {row.name: (row.visits, row.last_visit, row.days_since, row.in_care) for row in rows}
    assert table == {
        "Kemiri": (4, "2025-02-03", 12, True),
        "Macanan": (0, None, None, True),
        "Pulosari": (0, None, None, True),
        "Sei Silau Tua": (1, "2024-12-30", 47, False),
    }
    kemiri = next(row for row in rows if row.name == "Kemiri")
    assert kemiri.kinds == {"komsos": 2, "anjangsana": 1, "patroli": 1}
    assert [row.name for row in rows] == ["Kemiri", "Macanan", "Pulosari", "Sei Silau Tua"]


def test_stale_keeps_villages_not_visited_for_that_long_oldest_first() -> None:
    entries = [
        make(date="2025-01-16", village="Krajan"),  # 30 days before TODAY: stale at 30
        make(date="2025-01-17", village="Kemiri"),  # 29 days: not stale at 30
        make(date="2024-11-01", village="Sei Silau Tua"),
        make(date="2025-02-15", village="Pematang Jaya"),
    ]
    rows = village_coverage(entries, TODAY, care=["Pulosari", "Kemiri", "Macanan"])
    stale = stale_villages(rows, 30)
    assert [(row.name, row.days_since) for row in stale] == [
        ("Macanan", None),
        ("Pulosari", None),
        ("Sei Silau Tua", 106),
        ("Krajan", 30),
    ]
    assert [row.name for row in stale_villages(rows, 0)][-1] == "Pematang Jaya"
    with pytest.raises(InvalidInput):
        stale_villages(rows, -1)


def test_coverage_by_babinsa_and_koramil() -> None:
    rows = village_coverage(sample(), TODAY, care=["Kemiri", "Macanan"], by="babinsa")
    table = [(row.group, row.name, row.visits, row.last_visit) for row in rows]
    assert table == [
        (None, "Macanan", 0, None),
        ("Serda Nursalim", "Kemiri", 4, "2025-02-03"),
        ("Serka M Kliwon", "Kemiri", 1, "2025-01-20"),
        ("Serka M Kliwon", "Sei Silau Tua", 1, "2024-12-30"),
    ]
    by_koramil = village_coverage(sample(), TODAY, by="koramil")
    assert [(row.group, row.name, row.visits) for row in by_koramil] == [
        (None, "Kemiri", 1),
        (None, "Sei Silau Tua", 1),
        ("Koramil 03/Kebakkramat", "Kemiri", 3),
    ]
    with pytest.raises(InvalidInput):
        village_coverage(sample(), TODAY, by="village")


def test_coverage_filters_and_empty() -> None:
    rows = village_coverage(sample(), TODAY, care=["Kemiri", "Macanan"], criteria=Criteria(village="kemiri"))
    assert [(row.name, row.visits) for row in rows] == [("Kemiri", 4)]
    assert village_coverage([], TODAY) == []
    only_care = village_coverage([], TODAY, care=["Kemiri"])
    assert [(row.name, row.visits, row.in_care) for row in only_care] == [("Kemiri", 0, True)]


# --- follow-ups --------------------------------------------------------------------------


def test_open_follow_ups_oldest_first_done_ones_left_out() -> None:
    entries = [
        make(date="2025-02-01", follow_up="Cek harga pupuk"),
        make(date="2025-01-02", village="Krajan", follow_up="Kunjungi pengrajin blangkon"),
        make(
            date="2024-12-01",
            follow_up={"action": "Perbaiki jalan", "status": "done", "resolved_on": "2025-01-05", "note": "Selesai"},
        ),
        make(date="2024-11-01"),
    ]
    found = open_follow_ups(entries, TODAY)
    assert [(item.village, item.age_days) for item in found] == [("Krajan", 44), ("Kemiri", 14)]
    assert found[0].to_dict()["action"] == "Kunjungi pengrajin blangkon"
    assert open_follow_ups([], TODAY) == []


def test_open_follow_ups_with_criteria_and_limit() -> None:
    entries = [
        make(date="2025-02-01", follow_up="Cek harga pupuk"),
        make(date="2025-01-02", village="Krajan", follow_up="Kunjungi pengrajin blangkon"),
        make(date="2024-12-20", village="Krajan", follow_up="Rapat dengan Kades"),
        make(date="2025-02-10"),
    ]
    oldest = open_follow_ups(entries, TODAY, Criteria(limit=2))
    assert [item.action for item in oldest] == ["Rapat dengan Kades", "Kunjungi pengrajin blangkon"]
    krajan = open_follow_ups(entries, TODAY, Criteria(village="krajan", limit=1))
    assert [item.action for item in krajan] == ["Rapat dengan Kades"]
    assert len(open_follow_ups(entries, TODAY, Criteria())) == 3
