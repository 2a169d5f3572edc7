"""Likely duplicates: the same activity stored twice under two ids, found and folded together.

Pure over a `Store`: candidates are selected by day (in SQL for a hub), never by reading the
whole store. Two entries are likely the same activity when they share the date and the
village, and a Babinsa or a near-identical summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from .errors import InvalidInput
from .messages import t
from .names import fold, village_key
from .query import Criteria

if TYPE_CHECKING:
    from .store import Store

# How alike two summaries must be (0..1) to call them near-identical.
SIMILAR = 0.8
_WORD = re.compile(r"\w+")


def summary_similarity(first: str | None, second: str | None) -> float:
    """Token-set similarity of two summaries: the better of the words shared (over the
    smaller set, when that set is not tiny) and difflib's ratio of the sorted words."""
    words_a = set(_WORD.findall(fold(first or "")))
    words_b = set(_WORD.findall(fold(second or "")))
    if not words_a or not words_b:
        return 0.0
    shared = len(words_a & words_b)
    smaller = min(len(words_a), len(words_b))
    overlap = shared / smaller if smaller >= 5 else shared / len(words_a | words_b)
    ratio = SequenceMatcher(None, " ".join(sorted(words_a)), " ".join(sorted(words_b))).ratio()
    return max(overlap, ratio)


def _place(entry: dict[str, Any]) -> str:
    return village_key(entry.get("village") or "")


def _people(entry: dict[str, Any]) -> set[str]:
    return {fold(person.get("name") or "") for person in entry.get("babinsa") or []} - {""}


def reasons(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """Why two entries are likely the same activity (message keys), or [] when not."""
    if first["id"] == second["id"] or first.get("date") != second.get("date"):
        return []
    if not _place(first) or _place(first) != _place(second):
        return []
    why = []
    if _people(first) & _people(second):
        why.append("duplicates.why_babinsa")
    if summary_similarity(first.get("summary"), second.get("summary")) >= SIMILAR:
        why.append("duplicates.why_summary")
    return why


def same_day(store: Store, day: str) -> list[dict[str, Any]]:
    """The stored entries of one day (selected by the store)."""
    on = date.fromisoformat(day)
    return store.select(Criteria(since=on, until=on))


def twins_of(store: Store, entry: dict[str, Any], others: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Stored entries that are likely the same activity as `entry` (`others`: that day's, when known)."""
    candidates = same_day(store, entry["date"]) if others is None else others
    return [other for other in candidates if reasons(entry, other)]


def warning(entry: dict[str, Any], twin: dict[str, Any]) -> str:
    """The one line that says a new entry is likely the same activity as a stored one."""
    return t(
        "duplicates.warning",
        id=entry["id"][:8],
        other=twin["id"][:8],
        date=twin["date"],
        village=twin.get("village") or "",
        why=", ".join(t(key) for key in reasons(entry, twin)),
    )


@dataclass(frozen=True)
class Pair:
    first: dict[str, Any]
    second: dict[str, Any]
    why: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "first": self.first["id"],
            "second": self.second["id"],
            "date": self.first["date"],
            "village": self.first.get("village"),
            "reasons": [key.removeprefix("duplicates.why_") for key in self.why],
        }


def pairs(store: Store, criteria: Criteria) -> list[Pair]:
    """Likely duplicate pairs among the entries the criteria select, by date then village."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in store.stream(criteria):
        groups.setdefault((entry["date"], _place(entry)), []).append(entry)
    found = []
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda entry: entry["id"])
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                why = reasons(first, second)
                if why:
                    found.append(Pair(first, second, why))
    return found


def _united(first: list[Any], second: list[Any], key: Any = None) -> list[Any]:
    seen = set()
    result = []
    for item in [*first, *second]:
        mark = key(item) if key is not None else item
        if mark not in seen:
            seen.add(mark)
            result.append(item)
    return result


def folded(keep: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """KEEP with OTHER folded in: Babinsa, counterparts, topics and findings united, the longer
    summary kept, OTHER's id (and the ids it had absorbed) remembered in `merged_ids`."""
    merged = dict(keep)
    merged["babinsa"] = _united(keep.get("babinsa") or [], other.get("babinsa") or [], lambda p: fold(p["name"]))
    for field in ("counterparts", "topics", "findings"):
        merged[field] = _united(keep.get(field) or [], other.get(field) or [], fold)
    if len(other.get("summary") or "") > len(keep.get("summary") or ""):
        merged["summary"] = other["summary"]
    for field in ("time", "venue", "situation", "follow_up", "koramil", "kodim", "kecamatan", "kabupaten"):
        if not merged.get(field) and other.get(field):
            merged[field] = other[field]
    absorbed = [*(keep.get("merged_ids") or []), other["id"], *(other.get("merged_ids") or [])]
    merged["merged_ids"] = _united(absorbed, [])
    return merged


def merge(store: Store, keep_prefix: str, other_prefix: str) -> dict[str, Any]:
    """Fold OTHER into KEEP in one transaction: KEEP gets a new version, OTHER is deleted
    (its last version kept in the history, as a deletion by merge). Returns KEEP as stored."""
    from .entries import later_than
    from .model import validate_entry

    keep_id = store.find(keep_prefix)["id"]
    other_id = store.find(other_prefix)["id"]
    if keep_id == other_id:
        raise InvalidInput(t("merge.same", id=keep_id[:8]))
    with store.transaction() as transaction:
        keep = transaction.find(keep_id)
        other = transaction.find(other_id)
        combined = folded(keep, other)
        combined["updated_at"] = later_than(max(keep["updated_at"], other["updated_at"]))
        entry = validate_entry(combined)
        transaction.replace(entry)
        transaction.remove(other_id)
    return entry


def likely_after_import(store: Store, imported: dict[str, str]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(imported entry, other) pairs likely the same activity, among the days of `imported` (id -> date):
    one selection over those days' range, grouped by day and village."""
    if not imported:
        return []
    days = set(imported.values())
    span = Criteria(since=date.fromisoformat(min(days)), until=date.fromisoformat(max(days)))
    found = []
    for pair in pairs(store, span):
        if pair.first["date"] not in days:
            continue
        if pair.first["id"] in imported:
            found.append((pair.first, pair.second))
        elif pair.second["id"] in imported:
            found.append((pair.second, pair.first))
    return found
