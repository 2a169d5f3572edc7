"""The charts' numbers (komsos_cli/series.py): one test per chart, each against the summary's own counts."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from chart_entries import CARE, quarter_entries

from komsos_cli.model import Entry
from komsos_cli.names import village_key
from komsos_cli.query import Criteria
from komsos_cli.series import week_of, weekly_series, weeks_between
from komsos_cli.summary import Summary, parse_period, summarize, village_coverage, with_period

TODAY = date(2025, 4, 10)
Q1 = parse_period("2025-Q1")


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return quarter_entries()


def counts(summary: Summary, field: str) -> dict[str | None, int]:
    return {bucket.name: bucket.count for bucket in summary.breakdowns[field]}


def in_q1(entries: list[Entry]) -> list[Entry]:
    return [entry for entry in entries if "2025-01-01" <= entry["date"] <= "2025-03-31"]


def test_weeks_are_iso_weeks_from_monday_and_every_week_of_the_period_is_there(entries: list[Entry]) -> None:
    january = weekly_series(entries, period=parse_period("2025-01"))
    # 1 January 2025 is a Wednesday: the first week is ISO week 1, from Monday 30 December.
    assert [(week.label, week.start) for week in january.weeks] == [
        ("2025-W01", "2024-12-30"),
        ("2025-W02", "2025-01-06"),
        ("2025-W03", "2025-01-13"),
        ("2025-W04", "2025-01-20"),
        ("2025-W05", "2025-01-27"),
    ]
    # A week with no entry at all is still a week (a gap is what a commander must see).
    gap = weekly_series([entries[0] | {"date": "2025-01-02"}, entries[1] | {"date": "2025-01-30"}])
    assert [week.label for week in gap.weeks] == ["2025-W01", "2025-W02", "2025-W03", "2025-W04", "2025-W05"]
    assert gap.activity == [1, 0, 0, 0, 1]
    # Across a year's end: ISO week 53 of 2020 and week 1 of 2021.
    assert [week.label for week in weeks_between(date(2020, 12, 28), date(2021, 1, 4))] == ["2020-W53", "2021-W01"]
    assert week_of(date(2025, 3, 30)).start == "2025-03-24"  # a Sunday belongs to the week of its Monday


def test_activity_per_week_chart_equals_the_summary_counts(entries: list[Entry]) -> None:
    series = weekly_series(entries, period=Q1)
    summary = summarize(entries, TODAY, period=Q1)
    assert series.total == summary.total == len(in_q1(entries))
    expected = Counter(week_of(date.fromisoformat(entry["date"])).label for entry in in_q1(entries))
    assert {week.label: count for week, count in zip(series.weeks, series.activity, strict=True)} == {
        week.label: expected.get(week.label, 0) for week in series.weeks
    }
    # Stacked by Koramil (a Kodim's recap): each Koramil's weeks add up to its summary count,
    # the spellings of one Koramil counted as one, and the stack of a week is the week's activity.
    assert series.group_field == "koramil"
    assert {track.name: track.total for track in series.groups} == counts(summary, "koramil")
    assert [sum(track.counts[i] for track in series.groups) for i in range(len(series.weeks))] == series.activity


def test_activity_of_one_koramil_is_stacked_by_babinsa_as_the_summary_counts_them(
    entries: list[Entry],
) -> None:
    criteria = Criteria(koramil="Koramil 03/Kebakkramat")
    series = weekly_series(entries, criteria, Q1)
    summary = summarize(entries, TODAY, criteria=criteria, period=Q1)
    assert series.group_field == "babinsa"
    # An activity by two Babinsa counts for each, as in the summary's Babinsa breakdown.
    assert {track.name: track.total for track in series.groups} == counts(summary, "babinsa")
    assert series.total == summary.total
    assert [track.name for track in series.groups] == [bucket.name for bucket in summary.breakdowns["babinsa"]]


def test_village_coverage_chart_equals_the_summary_counts(entries: list[Entry]) -> None:
    series = weekly_series(entries, period=Q1, care=CARE)
    summary = summarize(entries, TODAY, period=Q1)
    assert {track.name: track.total for track in series.villages} == counts(summary, "village")
    assert [track.name for track in series.villages] == [bucket.name for bucket in summary.breakdowns["village"]]
    # Each cell: the entries of that village (any spelling) in that week.
    cells = Counter(
        (village_key(entry["village"]), week_of(date.fromisoformat(entry["date"])).label) for entry in in_q1(entries)
    )
    for track in series.villages:
        assert track.name is not None
        key = village_key(track.name)
        assert track.counts == [cells.get((key, week.label), 0) for week in series.weeks], track.name
    # "Desa Kemiri" and "Kemiri" are one row; nobody went to Banjarharjo in February.
    assert sum(1 for track in series.villages if track.name and "Kemiri" in track.name) == 1
    banjarharjo = next(track for track in series.villages if track.name == "Banjarharjo")
    february = [i for i, week in enumerate(series.weeks) if "2025-02-03" <= week.start <= "2025-02-24"]
    assert [banjarharjo.counts[i] for i in february] == [0, 0, 0, 0]
    # The villages in care without any entry are the ones `villages` shows never visited.
    never = village_coverage(entries, TODAY, care=CARE, criteria=with_period(Criteria(), Q1))
    assert series.unvisited_in_care == sorted(row.name for row in never if row.visits == 0)
    assert series.unvisited_in_care == ["Desa Waru", "Girimulyo"]


def test_village_filter_keeps_only_that_village_in_care(entries: list[Entry]) -> None:
    series = weekly_series(entries, Criteria(village="Girimulyo"), Q1, CARE)
    assert series.total == 0 and series.villages == []
    assert series.unvisited_in_care == ["Girimulyo"]
    # The quarter's weeks are still drawn, all empty: W01 (from Monday 30 December) to W14 (Monday 31 March).
    assert [series.weeks[0].label, series.weeks[-1].label, len(series.weeks)] == ["2025-W01", "2025-W14", 14]


def test_situation_chart_equals_the_summary_counts(entries: list[Entry]) -> None:
    series = weekly_series(entries, period=Q1)
    summary = summarize(entries, TODAY, period=Q1)
    assert [(track.name, track.total) for track in series.situations] == [
        (bucket.name, bucket.count) for bucket in summary.breakdowns["situation"]
    ]
    assert [track.name for track in series.situations] == ["aman", "waspada", "rawan", None]
    rawan = Counter(
        week_of(date.fromisoformat(entry["date"])).label for entry in in_q1(entries) if entry["situation"] == "rawan"
    )
    track = next(track for track in series.situations if track.name == "rawan")
    assert track.counts == [rawan.get(week.label, 0) for week in series.weeks]


def test_topic_chart_equals_the_summary_counts(entries: list[Entry]) -> None:
    series = weekly_series(entries, period=Q1)
    summary = summarize(entries, TODAY, period=Q1)
    assert [(item.name, item.count) for item in series.topics] == [
        (bucket.name, bucket.count) for bucket in summary.breakdowns["topic"]
    ]
    assert [(item.name, item.count) for item in series.kinds] == [
        (bucket.name, bucket.count) for bucket in summary.breakdowns["kind"]
    ]


def test_a_limit_counts_the_same_entries_as_the_summary(entries: list[Entry]) -> None:
    criteria = Criteria(limit=20, situation="waspada")
    series = weekly_series(entries, criteria)
    summary = summarize(entries, TODAY, criteria=criteria)
    assert series.total == summary.total == 20
    assert {track.name: track.total for track in series.villages} == counts(summary, "village")


def test_no_entries_gives_empty_series() -> None:
    series = weekly_series([])
    assert series.weeks == [] and series.activity == [] and series.groups == [] and series.topics == []
    assert series.to_dict()["weeks"] == []
