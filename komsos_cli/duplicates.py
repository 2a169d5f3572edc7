"""Likely duplicates: the same activity stored twice under two ids, found and folded together.

Pure over a `Store`: candidates are selected by day (in SQL for a hub), never by reading the
whole store. Two entries are likely the same activity when they share the date and the
village, and a Babinsa or a near-identical summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal, TypedDict, TypeVar

from .errors import InvalidInput
from .messages import t
from .names import fold, village_key
from .query import Criteria

if TYPE_CHECKING:
    from .model import Entry
    from .store import Store

# How alike two summaries must be (0..1) to call them near-identical.
SIMILAR = 0.8
_WORD = re.compile(r"\w+")


def summary_similarity(first: str | None, second: str | None) -> float:
    """Token-set similarity of two summaries: the better of the words shared (over the
    smaller set, when that set is not tiny) and difflib's ratio of the sorted words."""
    return _similarity(_words(first), _words(second))


def _words(summary: str | None) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(summary or "")))


def _similarity(words_a: frozenset[str], words_b: frozenset[str], at_least: float | None = None) -> float:
    """`summary_similarity` of two word sets. With `at_least`, only whether it reaches that is
    exact: below it, a smaller value may be given without running difflib's full ratio (its
    `quick_ratio` is an upper bound; the ratio is most of the cost of a check for duplicates)."""
    if not words_a or not words_b:
        return 0.0
    shared = len(words_a & words_b)
    smaller = min(len(words_a), len(words_b))
    overlap = shared / smaller if smaller >= 5 else shared / len(words_a | words_b)
    if at_least is not None and overlap >= at_least:
        return overlap
    matcher = SequenceMatcher(None, " ".join(sorted(words_a)), " ".join(sorted(words_b)))
    if at_least is not None and matcher.quick_ratio() < at_least:
        return overlap
    return max(overlap, matcher.ratio())


def _place(entry: Entry) -> str:
    return village_key(entry.get("village") or "")


def _people(entry: Entry) -> set[str]:
    return {fold(person.get("name") or "") for person in entry.get("babinsa") or []} - {""}


def reasons(first: Entry, second: Entry, words: Callable[[Entry], frozenset[str]] | None = None) -> list[str]:
    """Why two entries are likely the same activity (message keys), or [] when not. `words`: the
    words of an entry's summary, when the caller keeps them (`pairs` compares each entry often)."""
    if first["id"] == second["id"] or first.get("date") != second.get("date"):
        return []
    if not _place(first) or _place(first) != _place(second):
        return []
    why = []
    if _people(first) & _people(second):
        why.append("duplicates.why_babinsa")
    words_of = words or (lambda entry: _words(entry.get("summary")))
    if _similarity(words_of(first), words_of(second), at_least=SIMILAR) >= SIMILAR:
        why.append("duplicates.why_summary")
    return why


def same_day(store: Store, day: str) -> list[Entry]:
    """The stored entries of one day (selected by the store)."""
    on = date.fromisoformat(day)
    return store.select(Criteria(since=on, until=on))


def twins_of(store: Store, entry: Entry, others: list[Entry] | None = None) -> list[Entry]:
    """Stored entries that are likely the same activity as `entry` (`others`: that day's, when known)."""
    candidates = same_day(store, entry["date"]) if others is None else others
    return [other for other in candidates if reasons(entry, other)]


def warning(entry: Entry, twin: Entry) -> str:
    """The one line that says a new entry is likely the same activity as a stored one."""
    return t(
        "duplicates.warning",
        id=entry["id"][:8],
        other=twin["id"][:8],
        date=twin["date"],
        village=twin.get("village") or "",
        why=", ".join(t(key) for key in reasons(entry, twin)),
    )


class PairData(TypedDict):
    """A likely duplicate pair as `duplicates --json` gives it (reasons: `babinsa`, `summary`)."""

    first: str
    second: str
    date: str
    village: str
    reasons: list[str]


@dataclass(frozen=True)
class Pair:
    first: Entry
    second: Entry
    why: list[str]

    def as_dict(self) -> PairData:
        return {
            "first": self.first["id"],
            "second": self.second["id"],
            "date": self.first["date"],
            "village": self.first.get("village"),
            "reasons": [key.removeprefix("duplicates.why_") for key in self.why],
        }


def pairs(store: Store, criteria: Criteria, among: Collection[str] | None = None) -> list[Pair]:
    """Likely duplicate pairs among the entries the criteria select, by date then village.
    `among`: only the pairs with at least one of these ids (the entries an import brought)."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in store.stream(criteria):
        groups.setdefault((entry["date"], _place(entry)), []).append(entry)
    # each summary's words, read once per group; keyed by the entry object, not its id (a damaged
    # file store may hold one id twice)
    summary_words: dict[int, frozenset[str]] = {}

    def words(entry: Entry) -> frozenset[str]:
        known = summary_words.get(id(entry))
        if known is None:
            known = summary_words[id(entry)] = _words(entry.get("summary"))
        return known

    found = []
    for key in sorted(groups):
        if len(groups[key]) < 2:
            continue
        group = sorted(groups[key], key=lambda entry: entry["id"])
        summary_words.clear()  # entries are compared within their group only
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                if among is not None and first["id"] not in among and second["id"] not in among:
                    continue
                why = reasons(first, second, words)
                if why:
                    found.append(Pair(first, second, why))
    return found


_Item = TypeVar("_Item")


def _united(
    first: Sequence[_Item], second: Sequence[_Item], key: Callable[[_Item], Hashable] | None = None
) -> list[_Item]:
    seen: set[Hashable] = set()
    result: list[_Item] = []
    for item in [*first, *second]:
        mark = key(item) if key is not None else item
        if mark not in seen:
            seen.add(mark)
            result.append(item)
    return result


# What `folded` unites (lists) and fills in from OTHER where KEEP has no value (besides the follow-up).
_LISTS: tuple[Literal["counterparts", "topics", "findings"], ...] = ("counterparts", "topics", "findings")
_FILLED: tuple[Literal["time", "venue", "situation", "koramil", "kodim", "kecamatan", "kabupaten"], ...] = (
    "time",
    "venue",
    "situation",
    "koramil",
    "kodim",
    "kecamatan",
    "kabupaten",
)


def folded(keep: Entry, other: Entry) -> Entry:
    """KEEP with OTHER folded in: Babinsa, counterparts, topics and findings united, the longer
    summary kept, OTHER's id (and the ids it had absorbed) remembered in `merged_ids`."""
    merged = keep.copy()
    merged["babinsa"] = _united(keep.get("babinsa") or [], other.get("babinsa") or [], lambda p: fold(p["name"]))
    for field in _LISTS:
        merged[field] = _united(keep.get(field) or [], other.get(field) or [], fold)
    if len(other.get("summary") or "") > len(keep.get("summary") or ""):
        merged["summary"] = other["summary"]
    for key in _FILLED:
        if not merged.get(key) and other.get(key):
            merged[key] = other[key]
    if not merged.get("follow_up") and other.get("follow_up"):
        merged["follow_up"] = other["follow_up"]
    absorbed = [*(keep.get("merged_ids") or []), other["id"], *(other.get("merged_ids") or [])]
    merged["merged_ids"] = _united(absorbed, [])
    return merged


def merge(store: Store, keep_prefix: str, other_prefix: str) -> Entry:
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


def likely_after_import(store: Store, imported: dict[str, str]) -> list[tuple[Entry, Entry]]:
    """(imported entry, other) pairs likely the same activity, among the days of `imported` (id -> date):
    one selection over those days' range, grouped by day and village."""
    if not imported:
        return []
    days = set(imported.values())
    span = Criteria(since=date.fromisoformat(min(days)), until=date.fromisoformat(max(days)))
    found = []
    for pair in pairs(store, span, among=imported):
        if pair.first["date"] not in days:
            continue
        if pair.first["id"] in imported:
            found.append((pair.first, pair.second))
        elif pair.second["id"] in imported:
            found.append((pair.second, pair.first))
    return found
