"""Which entries a command works on: filter criteria and matching. Pure.

Every command that selects entries (list, export, duplicates, push, summary, villages,
followups) takes a `Criteria`; the CLI declares the options once and builds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, TypedDict

from .names import area_key, fold, village_key

if TYPE_CHECKING:
    from .dates import Period
    from .model import Entry


@dataclass(frozen=True)
class Criteria:
    village: str | None = None
    kecamatan: str | None = None
    kabupaten: str | None = None
    kind: str | None = None
    topic: str | None = None
    babinsa: str | None = None
    koramil: str | None = None
    situation: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    open_only: bool = False
    limit: int | None = None
    # The --period the dates were narrowed to (since/until already hold it; see `with_period`), kept
    # for what names the selection: a summary's title.
    period: Period | None = None

    def is_empty(self) -> bool:
        return self == Criteria(limit=self.limit)


def with_period(criteria: Criteria, period: Period | None) -> Criteria:
    """The criteria narrowed to the period: the dates must satisfy both, --since/--until and --period."""
    if period is None:
        return criteria
    since = max(criteria.since, period.since) if criteria.since else period.since
    until = min(criteria.until, period.until) if criteria.until else period.until
    return replace(criteria, since=since, until=until, period=period)


def koramil_number(text: str) -> int | None:
    """The Koramil number a filter gives alone (`3`, `03`, `Koramil 03`), else None."""
    match = re.fullmatch(r"\s*(?:koramil\s*)?(\d{1,2})\s*", text, re.IGNORECASE)
    return int(match.group(1)) if match else None


def koramil_number_pattern(text: str) -> str:
    """A regex over a folded Koramil (`koramil 03 kebakkramat`, `koramil 0727 03 ...`) that matches
    its number exactly: `3` matches Koramil 03, never 13. POSIX and Python read it alike."""
    number = koramil_number(text)
    return f"^koramil ([0-9]{{4}} )?0*{number}( |$)"


def _contains(needle: str, haystack: Iterable[str | None]) -> bool:
    return any(needle in fold(item) for item in haystack if item)


def entry_matcher(criteria: Criteria) -> Callable[[Entry], bool]:
    """A function entry -> bool for the criteria, with every key folded once."""
    village = village_key(criteria.village) if criteria.village else None
    kecamatan = area_key(criteria.kecamatan) if criteria.kecamatan else None
    kabupaten = area_key(criteria.kabupaten) if criteria.kabupaten else None
    topic = criteria.topic.strip().lower() if criteria.topic else None
    babinsa = fold(criteria.babinsa) if criteria.babinsa else None
    koramil = fold(criteria.koramil) if criteria.koramil else None
    koramil_re = (
        re.compile(koramil_number_pattern(criteria.koramil))
        if criteria.koramil and koramil_number(criteria.koramil) is not None
        else None
    )
    search = fold(criteria.search) if criteria.search else None
    since = criteria.since.isoformat() if criteria.since else None
    until = criteria.until.isoformat() if criteria.until else None
    kind = criteria.kind
    situation = criteria.situation
    open_only = criteria.open_only

    def matches(entry: Entry) -> bool:
        if since and entry["date"] < since:
            return False
        if until and entry["date"] > until:
            return False
        if kind and entry["kind"] != kind:
            return False
        if situation and entry.get("situation") != situation:
            return False
        if village and village_key(entry.get("village") or "") != village:
            return False
        if kecamatan and area_key(entry.get("kecamatan") or "") != kecamatan:
            return False
        if kabupaten and area_key(entry.get("kabupaten") or "") != kabupaten:
            return False
        if topic and topic not in entry.get("topics", ()):
            return False
        if babinsa and not _contains(babinsa, (f"{p['rank']} {p['name']}" for p in entry.get("babinsa", ()))):
            return False
        if koramil and not _koramil_matches(koramil, koramil_re, entry):
            return False
        if open_only and not ((follow := entry.get("follow_up")) and follow.get("status") == "open"):
            return False
        return not search or _search_matches(search, entry)

    return matches


def _koramil_matches(koramil: str, number: re.Pattern[str] | None, entry: Entry) -> bool:
    """`--koramil 3` by its number (Koramil 03, never 13), else the folded text within the entry's."""
    written = fold(entry.get("koramil") or "")
    return bool(number.search(written)) if number is not None else koramil in written


def _search_matches(search: str, entry: Entry) -> bool:
    """`--search`: the folded text within the summary, venue, findings or counterparts."""
    fields = [entry.get("summary"), entry.get("venue"), *entry.get("findings", ()), *entry.get("counterparts", ())]
    return _contains(search, fields)


def sort_key(entry: Entry) -> tuple[str, str, str]:
    """Newest first when sorted in reverse: date, then time, then creation."""
    return (entry["date"], entry.get("time") or "", entry.get("created_at") or "")


def select(entries: Iterable[Entry], criteria: Criteria) -> list[Entry]:
    """The matching entries, newest first, at most `limit` of them."""
    if criteria.is_empty():
        chosen = list(entries)
    else:
        matches = entry_matcher(criteria)
        chosen = [entry for entry in entries if matches(entry)]
    if criteria.limit is not None and criteria.limit < len(chosen):
        import heapq

        return heapq.nlargest(criteria.limit, chosen, key=sort_key)
    chosen.sort(key=sort_key, reverse=True)
    return chosen


# --- the same criteria for a hub (store/hub.py): indexed columns and SQL ------------------------

# Joins the folded names of one entry's Babinsa (or searched texts) in one column; cleaned
# text never holds it, so a needle cannot match across two of them.
SQL_SEP = "\x1f"


class EntryColumns(TypedDict):
    """The hub's indexed columns of one entry (`entry_columns`), in the order rows are copied."""

    id: str
    day: str
    time: str
    created_at: str
    updated_at: str
    kind: str
    village: str | None
    village_key: str
    kecamatan_key: str
    kabupaten_key: str
    koramil: str | None
    koramil_fold: str
    kodim: str | None
    situation: str | None
    follow_status: str | None
    babinsa: list[str]
    babinsa_fold: str
    topics: list[str]
    search_fold: str


def entry_columns(entry: Entry) -> EntryColumns:
    """The hub's indexed columns of an entry: what the criteria compare, keyed and folded once,
    on write, with the very functions `entry_matcher` uses (so both stores select alike)."""
    follow = entry.get("follow_up")
    searched = [entry.get("summary"), entry.get("venue"), *entry.get("findings", ()), *entry.get("counterparts", ())]
    people = [f"{person['rank']} {person['name']}" for person in entry.get("babinsa", ())]
    return {
        "id": entry["id"],
        "day": entry["date"],
        "time": entry.get("time") or "",
        "created_at": entry.get("created_at") or "",
        "updated_at": entry["updated_at"],
        "kind": entry["kind"],
        "village": entry.get("village"),
        "village_key": village_key(entry.get("village") or ""),
        "kecamatan_key": area_key(entry.get("kecamatan") or ""),
        "kabupaten_key": area_key(entry.get("kabupaten") or ""),
        "koramil": entry.get("koramil"),
        "koramil_fold": fold(entry.get("koramil") or ""),
        "kodim": entry.get("kodim"),
        "situation": entry.get("situation"),
        "follow_status": follow.get("status") if follow else None,
        "babinsa": people,
        "babinsa_fold": SQL_SEP.join(fold(person) for person in people),
        "topics": list(entry.get("topics", ())),
        "search_fold": SQL_SEP.join(fold(text) for text in searched if text),
    }


def _place_sql(criteria: Criteria, where: Callable[[str, str], None]) -> None:
    """The clauses of the village, kecamatan and kabupaten filters (on their folded keys)."""
    if criteria.village:
        where("village_key = %s", village_key(criteria.village))
    if criteria.kecamatan:
        where("kecamatan_key = %s", area_key(criteria.kecamatan))
    if criteria.kabupaten:
        where("kabupaten_key = %s", area_key(criteria.kabupaten))


def criteria_sql(criteria: Criteria) -> tuple[str, list[object]]:
    """A SQL condition on the hub's columns (`entry_columns`) for the criteria, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []

    def where(clause: str, *values: object) -> None:
        clauses.append(clause)
        params.extend(values)

    def contains(column: str, text: str) -> None:
        needle = fold(text)
        if SQL_SEP in needle:
            clauses.append("FALSE")
        else:
            where(f"strpos({column}, %s) > 0", needle)

    if criteria.since:
        where("day >= %s", criteria.since)
    if criteria.until:
        where("day <= %s", criteria.until)
    if criteria.kind:
        where("kind = %s", criteria.kind)
    if criteria.situation:
        where("situation = %s", criteria.situation)
    _place_sql(criteria, where)
    if criteria.topic:
        where("topics @> ARRAY[%s]::text[]", criteria.topic.strip().lower())
    if criteria.babinsa:
        contains("babinsa_fold", criteria.babinsa)
    if criteria.koramil and koramil_number(criteria.koramil) is not None:
        where("koramil_fold ~ %s", koramil_number_pattern(criteria.koramil))
    elif criteria.koramil:
        contains("koramil_fold", criteria.koramil)
    if criteria.open_only:
        clauses.append("follow_status = 'open'")
    if criteria.search:
        contains("search_fold", criteria.search)
    return (" AND ".join(clauses) or "TRUE"), params
