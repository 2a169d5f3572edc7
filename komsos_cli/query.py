"""Which entries a command works on: filter criteria and matching. Pure.

Every command that selects entries (list, export, summary, villages) takes a
`Criteria`; the CLI declares the options once and builds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .names import area_key, fold, village_key


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

    def is_empty(self) -> bool:
        return self == Criteria(limit=self.limit)


def _contains(needle: str, haystack: Iterable[str | None]) -> bool:
    return any(needle in fold(item) for item in haystack if item)


def entry_matcher(criteria: Criteria) -> Any:
    """A function entry -> bool for the criteria, with every key folded once."""
    village = village_key(criteria.village) if criteria.village else None
    kecamatan = area_key(criteria.kecamatan) if criteria.kecamatan else None
    kabupaten = area_key(criteria.kabupaten) if criteria.kabupaten else None
    topic = criteria.topic.strip().lower() if criteria.topic else None
    babinsa = fold(criteria.babinsa) if criteria.babinsa else None
    koramil = fold(criteria.koramil) if criteria.koramil else None
    search = fold(criteria.search) if criteria.search else None
    since = criteria.since.isoformat() if criteria.since else None
    until = criteria.until.isoformat() if criteria.until else None
    kind = criteria.kind
    situation = criteria.situation
    open_only = criteria.open_only

    def matches(entry: dict[str, Any]) -> bool:
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
        if koramil and koramil not in fold(entry.get("koramil") or ""):
            return False
        if open_only and (entry.get("follow_up") or {}).get("status") != "open":
            return False
        if search:
            fields = [
                entry.get("summary"),
                entry.get("venue"),
                *entry.get("findings", ()),
                *entry.get("counterparts", ()),
            ]
            if not _contains(search, fields):
                return False
        return True

    return matches


def sort_key(entry: dict[str, Any]) -> tuple[str, str, str]:
    """Newest first when sorted in reverse: date, then time, then creation."""
    return (entry["date"], entry.get("time") or "", entry.get("created_at") or "")


def select(entries: Iterable[dict[str, Any]], criteria: Criteria) -> list[dict[str, Any]]:
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
