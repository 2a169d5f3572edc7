"""The numbers behind the charts: activity, village visits and situations per ISO week; topics. Pure.

`weekly_series` walks the entries a summary would count (the same criteria and period,
through `summary.chosen_entries`) once and returns a `Series`: plain lists of counts,
one per week, that the HTML recap, the workbook and the terminal sparkline all draw.
Nothing here draws, prints or touches the store.

Weeks are ISO weeks (Monday to Sunday), labelled `2025-W03` with their Monday's date,
and every week of the period is there, also a week without any entry: a gap is what a
commander must see. A period that starts mid-week starts with that (partial) week.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

from .model import SITUATIONS
from .names import fold, village_key
from .query import Criteria
from .summary import Period, chosen_entries, with_period

if TYPE_CHECKING:
    from .model import Entry
    from .store.base import Store

# What the weekly activity is stacked by: Koramil in a Kodim's recap, Babinsa in one Koramil's.
GROUP_FIELDS = ("koramil", "babinsa")


class WeekDict(TypedDict):
    week: str
    start: str


class TrackDict(TypedDict):
    name: str | None
    counts: list[int]
    total: int


class CountDict(TypedDict):
    name: str
    count: int


class SeriesDict(TypedDict):
    """`Series.to_dict()`: the series as JSON."""

    weeks: list[WeekDict]
    activity: list[int]
    group_field: str
    groups: list[TrackDict]
    villages: list[TrackDict]
    situations: list[TrackDict]
    topics: list[CountDict]
    kinds: list[CountDict]
    unvisited_in_care: list[str]
    in_care: int


@dataclass(frozen=True)
class Week:
    """One ISO week: `label` like `2025-W03`, `start` its Monday (ISO date)."""

    label: str
    start: str

    def to_dict(self) -> WeekDict:
        return {"week": self.label, "start": self.start}


@dataclass(frozen=True)
class Track:
    """One row of a chart: a name (None: not stated) and one count per week."""

    name: str | None
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def to_dict(self) -> TrackDict:
        return {"name": self.name, "counts": self.counts, "total": self.total}


@dataclass(frozen=True)
class Count:
    """A name and how often it came up (a topic)."""

    name: str
    count: int

    def to_dict(self) -> CountDict:
        return {"name": self.name, "count": self.count}


@dataclass
class Series:
    """Per-week counts for the charts. `groups` stack `activity` by `group_field` (an activity
    by two Babinsa counts for each, as in the summary's Babinsa breakdown)."""

    weeks: list[Week] = field(default_factory=list)
    activity: list[int] = field(default_factory=list)
    group_field: str = "koramil"
    groups: list[Track] = field(default_factory=list)
    villages: list[Track] = field(default_factory=list)
    situations: list[Track] = field(default_factory=list)
    topics: list[Count] = field(default_factory=list)
    kinds: list[Count] = field(default_factory=list)
    # Villages in the profile's care with no entry at all in the period, of `in_care` villages in care.
    unvisited_in_care: list[str] = field(default_factory=list)
    in_care: int = 0

    @property
    def total(self) -> int:
        return sum(self.activity)

    def to_dict(self) -> SeriesDict:
        return {
            "weeks": [week.to_dict() for week in self.weeks],
            "activity": self.activity,
            "group_field": self.group_field,
            "groups": [track.to_dict() for track in self.groups],
            "villages": [track.to_dict() for track in self.villages],
            "situations": [track.to_dict() for track in self.situations],
            "topics": [item.to_dict() for item in self.topics],
            "kinds": [item.to_dict() for item in self.kinds],
            "unvisited_in_care": self.unvisited_in_care,
            "in_care": self.in_care,
        }


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_of(day: date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(f"{year:04d}-W{number:02d}", monday(day).isoformat())


def weeks_between(first: date, last: date) -> list[Week]:
    """Every ISO week from the one holding `first` to the one holding `last`."""
    start, end = monday(first), monday(last)
    weeks = []
    while start <= end:
        weeks.append(week_of(start))
        start += timedelta(days=7)
    return weeks


class _Names:
    """Counts per name as written and per week; folded into keys afterwards, once per spelling (as
    the summary does), each key shown in its most common spelling (first seen wins a tie)."""

    def __init__(self, weeks: int) -> None:
        self.weeks = weeks
        self.raw: dict[str | None, list[int]] = {}

    def add(self, spelling: str | None, week: int) -> None:
        row = self.raw.get(spelling)
        if row is None:
            row = self.raw[spelling] = [0] * self.weeks
        row[week] += 1

    def keys(self, key_of: Callable[[str], str]) -> int:
        """How many distinct keys (stated names) there are."""
        return len({key_of(spelling) for spelling in self.raw if spelling})

    def tracks(self, key_of: Callable[[str], str], *, order: tuple[str, ...] | None = None) -> list[Track]:
        rows: dict[str | None, list[int]] = {}
        spellings: dict[str, Counter[str]] = {}
        for spelling, counts in self.raw.items():
            key = key_of(spelling) if spelling else None
            row = rows.get(key)
            if row is None:
                rows[key] = list(counts)
            else:
                rows[key] = [a + b for a, b in zip(row, counts, strict=True)]
            if key is not None and spelling:
                spellings.setdefault(key, Counter())[spelling] += sum(counts)
        found = [
            (key, Track(spellings[key].most_common(1)[0][0] if key is not None else None, row))
            for key, row in rows.items()
        ]
        if order is not None:
            rank = {value: index for index, value in enumerate(order)}
            found.sort(key=lambda item: (item[0] is None, rank.get(item[0] or "", len(rank)), item[0] or ""))
        else:
            # Most first; ties by name; "not stated" last (as the summary's breakdowns).
            found.sort(key=lambda item: (item[0] is None, -item[1].total, fold(item[1].name or "")))
        return [track for _key, track in found]


def _same(text: str) -> str:
    return text


def _in_care(care: Iterable[str], criteria: Criteria) -> dict[str, str]:
    names: dict[str, str] = {}
    for name in care:
        if name and name.strip():
            names.setdefault(village_key(name), name.strip())
    if criteria.village:
        wanted = village_key(criteria.village)
        names = {key: name for key, name in names.items() if key == wanted}
    return names


def _most_first(counts: Counter[str]) -> list[Count]:
    return [Count(name, number) for name, number in sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))]


def weekly_series(
    entries: Iterable[Entry],
    criteria: Criteria | None = None,
    period: Period | None = None,
    care: Iterable[str] = (),
) -> Series:
    """The chart series of the entries `summarize` would count with the same criteria and period.

    Activity is stacked by Babinsa when the criteria pick one Koramil (or the entries hold
    at most one), else by Koramil. `care` is the profile's villages: those without any
    entry are listed in `unvisited_in_care`.
    """
    criteria = with_period(criteria or Criteria(), period)
    chosen = list(chosen_entries(entries, criteria))
    days = {entry["date"] for entry in chosen}
    first = criteria.since or (date.fromisoformat(min(days)) if days else None)
    last = criteria.until or (date.fromisoformat(max(days)) if days else None)
    if first is None or last is None or first > last:
        weeks: list[Week] = []
    else:
        weeks = weeks_between(first, last)
    origin = date.fromisoformat(weeks[0].start) if weeks else date.today()
    week_index = {day: (date.fromisoformat(day) - origin).days // 7 for day in days}

    count = len(weeks)
    activity = [0] * count
    koramils, babinsa, villages, situations = _Names(count), _Names(count), _Names(count), _Names(count)
    topics: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    # Names are counted as written (a list per new spelling, nothing made per entry); folding waits.
    for entry in chosen:
        week = week_index[entry["date"]]
        activity[week] += 1
        koramils.add(entry.get("koramil"), week)
        for person in entry.get("babinsa") or ():
            babinsa.add(person["rank"] + " " + person["name"], week)
        villages.add(entry.get("village"), week)
        situations.add(entry.get("situation"), week)
        kinds[entry["kind"]] += 1
        for topic in entry.get("topics") or ():
            topics[topic] += 1

    one_koramil = bool(criteria.koramil) or koramils.keys(fold) <= 1
    group_field = "babinsa" if one_koramil else "koramil"
    village_rows = villages.tracks(village_key)
    visited = {village_key(track.name) for track in village_rows if track.name}
    care_names = _in_care(care, criteria)
    return Series(
        weeks=weeks,
        activity=activity,
        group_field=group_field,
        groups=(babinsa if one_koramil else koramils).tracks(fold),
        villages=village_rows,
        situations=situations.tracks(_same, order=SITUATIONS),
        topics=_most_first(topics),
        kinds=_most_first(kinds),
        unvisited_in_care=sorted((name for key, name in care_names.items() if key not in visited), key=fold),
        in_care=len(care_names),
    )


__all__ = ["GROUP_FIELDS", "Count", "Series", "Track", "Week", "monday", "week_of", "weekly_series", "weeks_between"]


def weekly_series_store(store: Store, criteria: Criteria, care: Iterable[str] = ()) -> Series:
    """`weekly_series` of the entries the criteria (and their --period) select in `store`."""
    return weekly_series(store.stream(criteria), criteria, criteria.period, care)
