"""What commanders read: counts, village coverage and follow-ups. Pure.

Every function takes entries (plain dicts, as stored) and, where ages matter, a
fixed `today`; it returns data (dataclasses with `to_dict()` for JSON). Nothing
here prints, renders or touches the store. Each function walks the entries once,
so a summary of 100,000 entries costs little beyond parsing the store.

Villages are grouped by `names.village_key`, so "Desa Sei Silau Tua" and
"sei silau tua" are one village, shown in its most common spelling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, TypedDict

from .dates import Period, parse_period
from .errors import InvalidInput
from .messages import t
from .model import SITUATIONS, format_babinsa
from .names import fold, village_key
from .query import Criteria, entry_matcher, select, with_period

if TYPE_CHECKING:
    from .model import Entry
    from .store.base import Store

# The breakdowns of `summary`, in the order they are shown.
BREAKDOWNS = ("village", "kind", "topic", "month", "babinsa", "koramil", "situation")
# The Indonesian words `--by` also takes, and the breakdown each names.
BREAKDOWN_WORDS = {"desa": "village", "jenis": "kind", "topik": "topic", "bulan": "month", "situasi": "situation"}
# The groupings of `villages --by`.
GROUPINGS = ("babinsa", "koramil")
# Situations a commander must look at.
NOT_AMAN = ("waspada", "rawan")


# --- the entries chosen ---------------------------------------------------------------


def chosen_entries(entries: Iterable[Entry], criteria: Criteria) -> Iterable[Entry]:
    """The entries the criteria select; unsorted (cheaper) unless a --limit asks for the newest N."""
    if criteria.limit is not None:
        return select(entries, criteria)
    if criteria.is_empty():
        return entries
    matches = entry_matcher(criteria)
    return (entry for entry in entries if matches(entry))


# --- small parts -------------------------------------------------------------------


class _Spellings:
    """Counts how each key was written, to show the most common spelling (first seen wins a tie)."""

    def __init__(self) -> None:
        self.by_key: dict[str, Counter[str]] = {}

    def add(self, key: str, spelling: str, count: int = 1) -> None:
        counter = self.by_key.get(key)
        if counter is None:
            counter = self.by_key[key] = Counter()
        counter[spelling] += count

    def best(self, key: str, default: str | None = None) -> str:
        counter = self.by_key.get(key)
        if not counter:
            return default if default is not None else key
        return counter.most_common(1)[0][0]


def _age(entry_date: str, today: date) -> int:
    return (today - date.fromisoformat(entry_date)).days


def _people(entry: Entry) -> list[str]:
    return [format_babinsa(person) for person in entry.get("babinsa") or ()]


class BucketDict(TypedDict):
    """A breakdown's row in `summary --json`."""

    name: str | None
    count: int


class OpenFollowUpDict(TypedDict):
    """An open follow-up in `followups --json` and `summary --json`."""

    id: str
    date: str
    village: str | None
    babinsa: list[str]
    action: str
    age_days: int


class ConcernDict(TypedDict):
    """A not-aman entry, as JSON."""

    id: str
    date: str
    village: str | None
    situation: str
    babinsa: list[str]
    summary: str | None
    findings: list[str]


class SummaryDict(TypedDict):
    """`summary --json`: the totals and, under `by`, each breakdown's rows."""

    today: str
    period: dict[str, str] | None
    total: int
    first_date: str | None
    last_date: str | None
    villages: int
    babinsa: int
    open_follow_ups: int
    oldest_open_follow_up: OpenFollowUpDict | None
    not_aman: int
    by: dict[str, list[BucketDict]]


class VillageRowDict(TypedDict):
    """A row of `villages --json`."""

    village: str
    group: str | None
    visits: int
    last_visit: str | None
    days_since: int | None
    kinds: dict[str, int]
    in_care: bool


@dataclass(frozen=True)
class Bucket:
    """One row of a breakdown: `key` groups, `name` is shown (None: the field was not stated)."""

    key: str | None
    name: str | None
    count: int

    def to_dict(self) -> BucketDict:
        return {"name": self.name, "count": self.count}


@dataclass(frozen=True)
class OpenFollowUp:
    """An open follow-up: what is still to be done after an entry, and how long it has waited."""

    id: str
    date: str
    village: str | None
    babinsa: list[str]
    action: str
    age_days: int

    def to_dict(self) -> OpenFollowUpDict:
        return {
            "id": self.id,
            "date": self.date,
            "village": self.village,
            "babinsa": self.babinsa,
            "action": self.action,
            "age_days": self.age_days,
        }


def _follow_up(entry: Entry, today: date) -> OpenFollowUp:
    follow = entry["follow_up"]
    if follow is None:  # never: only entries with an open follow-up come here
        raise TypeError(f"entry {entry['id']} has no follow-up")
    return OpenFollowUp(
        id=entry["id"],
        date=entry["date"],
        village=entry.get("village"),
        babinsa=_people(entry),
        action=follow["action"],
        age_days=_age(entry["date"], today),
    )


def open_follow_up_entries(entries: Iterable[Entry], criteria: Criteria | None = None) -> list[Entry]:
    """The entries with an open follow-up among those the criteria select, oldest first (date, then id).

    A `--limit` N keeps the N oldest open follow-ups (not the follow-ups among the N
    newest entries, which would often be none).
    """
    criteria = criteria or Criteria()
    found = [
        entry
        for entry in chosen_entries(entries, replace(criteria, limit=None))
        if (follow := entry.get("follow_up")) and follow.get("status") == "open"
    ]
    found.sort(key=lambda entry: (entry["date"], entry["id"]))
    return found if criteria.limit is None else found[: criteria.limit]


def open_follow_ups(entries: Iterable[Entry], today: date, criteria: Criteria | None = None) -> list[OpenFollowUp]:
    """Every open follow-up of the entries the criteria select, oldest first (see `open_follow_up_entries`)."""
    return [_follow_up(entry, today) for entry in open_follow_up_entries(entries, criteria)]


def open_follow_ups_store(store: Store, today: date, criteria: Criteria | None = None) -> list[OpenFollowUp]:
    """`open_follow_ups` found by the store itself (inside PostgreSQL for a hub)."""
    return [_follow_up(entry, today) for entry in store.open_follow_ups(criteria or Criteria())]


@dataclass(frozen=True)
class Concern:
    """An entry whose situation was not "aman": where, when, and what was found."""

    id: str
    date: str
    village: str | None
    situation: str
    babinsa: list[str]
    summary: str | None
    findings: list[str]

    def to_dict(self) -> ConcernDict:
        return {
            "id": self.id,
            "date": self.date,
            "village": self.village,
            "situation": self.situation,
            "babinsa": self.babinsa,
            "summary": self.summary,
            "findings": self.findings,
        }


def _concern(entry: Entry) -> Concern:
    situation = entry["situation"]
    if situation is None:  # never: a concern's situation is waspada or rawan
        raise TypeError(f"entry {entry['id']} states no situation")
    return Concern(
        id=entry["id"],
        date=entry["date"],
        village=entry.get("village"),
        situation=situation,
        babinsa=_people(entry),
        summary=entry.get("summary"),
        findings=list(entry.get("findings") or ()),
    )


# --- summary ---------------------------------------------------------------------------


@dataclass
class Summary:
    """The numbers of `komsos summary`: totals and one breakdown per field of BREAKDOWNS."""

    today: str
    total: int = 0
    first_date: str | None = None
    last_date: str | None = None
    breakdowns: dict[str, list[Bucket]] = field(default_factory=dict)
    # The open follow-ups, oldest first (all, or as many as the tally was asked for), and how many there are.
    follow_ups: list[OpenFollowUp] = field(default_factory=list)
    open_count: int = 0
    # The not-aman entries (the latest, oldest first); `concerns` turns them into rows when asked.
    concern_entries: list[Entry] = field(default_factory=list, repr=False)
    not_aman: int = 0
    period: Period | None = None
    # The filters as given (before the period narrows the dates): the recap states its scope.
    criteria: Criteria = field(default_factory=Criteria, repr=False)

    @property
    def concerns(self) -> list[Concern]:
        return self.latest_concerns(None)

    def latest_concerns(self, count: int | None) -> list[Concern]:
        """The last `count` not-aman entries (all with None), oldest first."""
        chosen = self.concern_entries if count is None else self.concern_entries[-count:] if count else []
        return [_concern(entry) for entry in chosen]

    @property
    def villages(self) -> int:
        return sum(1 for bucket in self.breakdowns.get("village", ()) if bucket.key is not None)

    @property
    def babinsa(self) -> int:
        return len(self.breakdowns.get("babinsa", ()))

    @property
    def oldest_follow_up(self) -> OpenFollowUp | None:
        return self.follow_ups[0] if self.follow_ups else None

    def to_dict(self, only: str | None = None) -> SummaryDict:
        fields = (only,) if only else BREAKDOWNS
        oldest = self.oldest_follow_up
        return {
            "today": self.today,
            "period": self.period.to_dict() if self.period else None,
            "total": self.total,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "villages": self.villages,
            "babinsa": self.babinsa,
            "open_follow_ups": self.open_count,
            "oldest_open_follow_up": oldest.to_dict() if oldest else None,
            "not_aman": self.not_aman,
            "by": {name: [bucket.to_dict() for bucket in self.breakdowns[name]] for name in fields},
        }


def _buckets(
    counts: Counter[str | None], spellings: _Spellings | None = None, *, order: tuple[str, ...] | None = None
) -> list[Bucket]:
    buckets = [
        Bucket(key, (spellings.best(key) if spellings else key) if key is not None else None, count)
        for key, count in counts.items()
    ]
    if order is not None:
        # A fixed order (the situations): the known values in it, then the rest by name.
        rank = {value: index for index, value in enumerate(order)}
        buckets.sort(key=lambda b: (b.key is None, rank.get(b.key or "", len(rank)), b.key or ""))
    else:
        # Most first; ties by name; "not stated" last.
        buckets.sort(key=lambda b: (b.key is None, -b.count, fold(b.name or "")))
    return buckets


def _merge(raw: Mapping[str | None, int], key_of: Callable[[str], str]) -> tuple[Counter[str | None], _Spellings]:
    """Counts by spelling -> counts by key, remembering the spellings (the key is computed once per spelling)."""
    counts: Counter[str | None] = Counter()
    spellings = _Spellings()
    for spelling, count in raw.items():
        if not spelling:
            counts[None] += count
            continue
        key = key_of(spelling)
        counts[key] += count
        spellings.add(key, spelling, count)
    return counts, spellings


@dataclass
class Tally:
    """What a store counts for `summary`, names as written (folded into keys afterwards).

    `days`: entries per date; the other counters by value as stored (None: not stated);
    `babinsa` by "Rank Name". `open_count` and `not_aman`: how many entries have an open
    follow-up / a not-aman situation; `open_entries` (oldest first) and `concern_entries`
    (the latest, oldest first) hold up to the `details` asked for, or all of them.
    """

    days: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str | None] = field(default_factory=Counter)
    topics: Counter[str | None] = field(default_factory=Counter)
    villages: Counter[str | None] = field(default_factory=Counter)
    babinsa: Counter[str | None] = field(default_factory=Counter)
    koramil: Counter[str | None] = field(default_factory=Counter)
    situations: Counter[str | None] = field(default_factory=Counter)
    open_count: int = 0
    not_aman: int = 0
    open_entries: list[Entry] = field(default_factory=list)
    concern_entries: list[Entry] = field(default_factory=list)


def tally_entries(entries: Iterable[Entry], criteria: Criteria, details: int | None = None) -> Tally:
    """The file store's tally: one pass over the entries the criteria select."""
    tally = Tally()
    days, kinds, topics, villages = tally.days, tally.kinds, tally.topics, tally.villages
    babinsa, koramil, situations = tally.babinsa, tally.koramil, tally.situations
    open_entries: list[Entry] = []
    concern_entries: list[Entry] = []
    not_aman = frozenset(NOT_AMAN)
    # Only strings are made in the loop: no new containers, so the cyclic GC (which would
    # walk every entry of a big store) is not set off.
    for entry in chosen_entries(entries, criteria):
        days[entry["date"]] += 1
        kinds[entry["kind"]] += 1
        villages[entry.get("village")] += 1
        koramil[entry.get("koramil")] += 1
        for topic in entry.get("topics") or ():
            topics[topic] += 1
        for person in entry.get("babinsa") or ():
            babinsa[person["rank"] + " " + person["name"]] += 1
        situation = entry.get("situation")
        situations[situation] += 1
        if situation in not_aman:
            concern_entries.append(entry)
        follow = entry.get("follow_up")
        if follow and follow.get("status") == "open":
            open_entries.append(entry)
    open_entries.sort(key=lambda entry: (entry["date"], entry["id"]))
    concern_entries.sort(key=lambda entry: (entry["date"], entry["id"]))
    tally.open_count, tally.not_aman = len(open_entries), len(concern_entries)
    if details is not None:
        open_entries = open_entries[:details]
        concern_entries = concern_entries[-details:] if details else []
    tally.open_entries, tally.concern_entries = open_entries, concern_entries
    return tally


def summarize(
    entries: Iterable[Entry], today: date, *, criteria: Criteria | None = None, period: Period | None = None
) -> Summary:
    """Totals, breakdowns, open follow-ups and not-aman entries of the entries the criteria select
    (`period`, or else the criteria's own, names the summary and narrows its dates)."""
    given = criteria or Criteria()
    period = period or given.period
    return summary_from_tally(tally_entries(entries, with_period(given, period)), today, given, period)


def summarize_store(
    store: Store,
    today: date,
    *,
    criteria: Criteria | None = None,
    period: Period | None = None,
    details: int | None = None,
) -> Summary:
    """`summarize` counted by the store itself (inside PostgreSQL for a hub). `details`: how many
    concerns and open follow-ups to give whole (all with None); the counts are always whole."""
    given = criteria or Criteria()
    period = period or given.period
    return summary_from_tally(store.tally(with_period(given, period), details), today, given, period)


def summary_from_tally(tally: Tally, today: date, given: Criteria, period: Period | None) -> Summary:
    """The summary of a tally: names are folded into keys here, once per distinct spelling.
    `period` narrows the dates (see `with_period`) and is kept in the result for its title."""
    month_counts: Counter[str | None] = Counter()
    for day, count in tally.days.items():
        month_counts[day[:7]] += count
    village_counts, village_names = _merge(tally.villages, village_key)
    koramil_counts, koramil_names = _merge(tally.koramil, fold)
    babinsa_counts, babinsa_names = _merge(tally.babinsa, fold)
    follow_ups = [_follow_up(entry, today) for entry in tally.open_entries]
    return Summary(
        today=today.isoformat(),
        total=sum(tally.days.values()),
        first_date=min(tally.days) if tally.days else None,
        last_date=max(tally.days) if tally.days else None,
        breakdowns={
            "village": _buckets(village_counts, village_names),
            "kind": _buckets(tally.kinds),
            "topic": _buckets(tally.topics),
            "month": _buckets(month_counts, order=tuple(sorted(k for k in month_counts if k))),
            "babinsa": _buckets(babinsa_counts, babinsa_names),
            "koramil": _buckets(koramil_counts, koramil_names),
            "situation": _buckets(tally.situations, order=SITUATIONS),
        },
        follow_ups=follow_ups,
        open_count=tally.open_count,
        concern_entries=tally.concern_entries,
        not_aman=tally.not_aman,
        period=period,
        criteria=given,
    )


# --- village coverage -----------------------------------------------------------------


@dataclass
class VillageRow:
    """One village (within one group when grouped): how often and how lately it was visited."""

    name: str
    key: str
    group: str | None
    visits: int
    last_visit: str | None
    days_since: int | None
    kinds: dict[str, int]
    in_care: bool

    def to_dict(self) -> VillageRowDict:
        return {
            "village": self.name,
            "group": self.group,
            "visits": self.visits,
            "last_visit": self.last_visit,
            "days_since": self.days_since,
            "kinds": self.kinds,
            "in_care": self.in_care,
        }


@dataclass
class _Tally:
    visits: int = 0
    last: str = ""
    kinds: Counter[str] = field(default_factory=Counter)


class _Visits:
    """How often one (group, village, kind) key was visited, and the last day."""

    __slots__ = ("count", "last")

    def __init__(self, day: str) -> None:
        self.count = 1
        self.last = day


def _bump(raw: dict[str, _Visits], key: str, day: str) -> None:
    found = raw.get(key)
    if found is None:
        raw[key] = _Visits(day)
    else:
        found.count += 1
        if day > found.last:
            found.last = day


_SEP = "\x1f"  # joins group, village and kind into one key; cleaned text never holds it


@dataclass
class CoverageTally:
    """What a store counts for `villages`: `visits[(group, village, kind)] = (count, last date)`,
    names as written (group "" when not grouped or not stated), and entries per village spelling."""

    visits: dict[tuple[str, str, str], tuple[int, str]] = field(default_factory=dict)
    villages: Counter[str | None] = field(default_factory=Counter)


def coverage_entries(entries: Iterable[Entry], criteria: Criteria, by: str | None = None) -> CoverageTally:
    """The file store's coverage tally: one pass over the entries the criteria select."""
    # Names as written under one string key (no containers made per entry, which keeps
    # the GC quiet); split into tuples once per distinct key afterwards.
    raw: dict[str, _Visits] = {}
    village_raw: Counter[str | None] = Counter()
    for entry in chosen_entries(entries, replace(criteria, limit=None)):
        village = entry.get("village")
        if not village:
            continue
        village_raw[village] += 1
        tail = _SEP + village + _SEP + entry["kind"]
        day = entry["date"]
        if by == "babinsa" and entry.get("babinsa"):
            for person in entry["babinsa"]:
                _bump(raw, person["rank"] + " " + person["name"] + tail, day)
        else:
            # the groupings are GROUPINGS (`_check_grouping`): Babinsa (none stated: no group) or Koramil
            _bump(raw, ((entry.get("koramil") or "") if by == "koramil" else "") + tail, day)
    visits: dict[tuple[str, str, str], tuple[int, str]] = {}
    for key, found in raw.items():
        group, village, kind = key.split(_SEP)
        visits[(group, village, kind)] = (found.count, found.last)
    return CoverageTally(visits, village_raw)


def village_coverage(
    entries: Iterable[Entry],
    today: date,
    *,
    care: Iterable[str] = (),
    criteria: Criteria | None = None,
    by: str | None = None,
) -> list[VillageRow]:
    """One row per village: the villages in care plus every village in the selected entries.

    `by` ("babinsa" or "koramil") gives one row per group and village; a village in care
    that no group visited gets a row without a group. Rows are sorted by group, then name.
    """
    _check_grouping(by)
    criteria = replace(criteria or Criteria(), limit=None)
    return coverage_rows(coverage_entries(entries, criteria, by), today, care=care, criteria=criteria)


def village_coverage_store(
    store: Store, today: date, *, care: Iterable[str] = (), criteria: Criteria | None = None, by: str | None = None
) -> list[VillageRow]:
    """`village_coverage` counted by the store itself (inside PostgreSQL for a hub)."""
    _check_grouping(by)
    criteria = replace(criteria or Criteria(), limit=None)
    return coverage_rows(store.coverage(criteria, by), today, care=care, criteria=criteria)


def _check_grouping(by: str | None) -> None:
    if by is not None and by not in GROUPINGS:
        raise InvalidInput(t("villages.by", value=by, choices=", ".join(GROUPINGS)))


def coverage_rows(
    tally: CoverageTally, today: date, *, care: Iterable[str] = (), criteria: Criteria | None = None
) -> list[VillageRow]:
    """The rows of `villages` from a coverage tally: spellings folded into keys, the villages in care added."""
    criteria = criteria or Criteria()
    village_names = _merge(tally.villages, village_key)[1]
    group_names = _Spellings()
    group_keys: dict[str, str] = {}
    tallies: dict[tuple[str, str], _Tally] = {}
    for (group, village, kind), (visits, last) in tally.visits.items():
        group_key = group_keys.get(group)
        if group_key is None:
            group_key = group_keys[group] = fold(group) if group else ""
        if group:
            group_names.add(group_key, group, visits)
        merged = tallies.get((group_key, village_key(village)))
        if merged is None:
            merged = tallies[(group_key, village_key(village))] = _Tally()
        merged.visits += visits
        merged.last = max(merged.last, last)
        merged.kinds[kind] += visits

    care_names: dict[str, str] = {}
    for name in care:
        if name and name.strip():
            care_names.setdefault(village_key(name), name.strip())
    if criteria.village:
        wanted = village_key(criteria.village)
        care_names = {key: name for key, name in care_names.items() if key == wanted}

    rows: list[VillageRow] = []
    visited = set()
    for (group, key), found in tallies.items():
        visited.add(key)
        rows.append(
            VillageRow(
                name=village_names.best(key),
                key=key,
                group=group_names.best(group) if group else None,
                visits=found.visits,
                last_visit=found.last,
                days_since=_age(found.last, today),
                kinds=dict(sorted(found.kinds.items(), key=lambda item: (-item[1], item[0]))),
                in_care=key in care_names,
            )
        )
    for key, name in care_names.items():
        if key not in visited:
            rows.append(VillageRow(name, key, None, 0, None, None, {}, True))
    rows.sort(key=lambda row: (row.group is not None, fold(row.group or ""), fold(row.name)))
    return rows


def stale_villages(rows: list[VillageRow], days: int) -> list[VillageRow]:
    """Villages not visited for `days` days or more: never-visited villages in care first, then oldest visit."""
    if days < 0:
        raise InvalidInput(t("villages.stale_negative"))
    kept = [row for row in rows if row.days_since is None or row.days_since >= days]
    kept.sort(key=lambda row: (row.last_visit is not None, row.last_visit or "", fold(row.name)))
    return kept


__all__ = [
    "BREAKDOWNS",
    "GROUPINGS",
    "NOT_AMAN",
    "Bucket",
    "Concern",
    "CoverageTally",
    "OpenFollowUp",
    "Period",
    "Summary",
    "Tally",
    "VillageRow",
    "chosen_entries",
    "coverage_entries",
    "coverage_rows",
    "open_follow_up_entries",
    "open_follow_ups",
    "open_follow_ups_store",
    "parse_period",
    "stale_villages",
    "summarize",
    "summarize_store",
    "summary_from_tally",
    "tally_entries",
    "village_coverage",
    "village_coverage_store",
    "with_period",
]
