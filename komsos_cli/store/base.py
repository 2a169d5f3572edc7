"""The store interface: what the core asks of a store, whichever it is.

Two stores implement it: `FileStore` (one TinyDB JSON file, a Babinsa's laptop) and
`HubStore` (PostgreSQL, a Koramil's, Kodim's or Kodam's server). The core (entries,
exchange, summary, followups) talks to a `Store` and never asks which one it has:
selection, counting and merging are the store's work, so the hub runs them inside
PostgreSQL and the file store over its parsed entries, with the same results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypedDict

from ..model import Babinsa, Entry

if TYPE_CHECKING:
    from ..query import Criteria
    from ..summary import CoverageTally, Tally
    from .file import FileStore


class HistoryEvent(TypedDict):
    """A previous version of an entry, as `history()` gives it: the entry as it was (`version`) before
    it was `edited` or `deleted` (`action`), and when (`at`, ISO). Its last deletion is its tombstone."""

    entry_id: str
    action: str
    at: str
    version: Entry


class Profile(TypedDict, total=False):
    """Who this Babinsa is (`profile set`, `entries.set_profile`): a key is there once it was set.
    The Koramil, Kodim and area are None when set empty."""

    babinsa: Babinsa
    nrp: str | None
    koramil: str | None
    kodim: str | None
    province: str | None
    kabupaten: str | None
    kecamatan: str | None
    villages: list[str]
    require_signed: bool  # import refuses unsigned files (docs/trust.md)


@dataclass(frozen=True)
class MergeCounts:
    """What merging entries into a store changed (import's rules: see `exchange.plan_merge`).

    `rows` read; `added` new ids; `updated` newer versions; `skipped` rows that changed
    nothing (`conflicts` of them had the same `updated_at` but another content, and
    `deleted_here` were deleted in this store after their last change).
    """

    rows: int
    added: int
    updated: int
    skipped: int
    conflicts: int = 0
    deleted_here: int = 0


class Transaction(Protocol):
    """Changes made together: all of them are kept, or (on an exception) none."""

    def find(self, prefix: str) -> Entry:
        """The one entry whose id starts with `prefix`, as it is now (NotFound, AmbiguousId)."""
        ...

    def add_many(self, entries: list[Entry]) -> None: ...

    def add(self, entry: Entry) -> None: ...

    def replace_many(self, entries: list[Entry]) -> None:
        """New versions of existing entries; each old version goes to the history."""
        ...

    def replace(self, entry: Entry) -> None: ...

    def remove(self, entry_id: str) -> None:
        """Delete the entry; its last version goes to the history (the deletion's tombstone)."""
        ...


class Store(Protocol):
    """Where entries live. `location` names it in messages (never with a password)."""

    location: str

    def find(self, prefix: str) -> Entry:
        """The one entry whose id starts with `prefix` (as git abbreviates commits)."""
        ...

    def select(self, criteria: Criteria) -> list[Entry]:
        """The entries the criteria select, newest first, at most `criteria.limit`."""
        ...

    def stream(self, criteria: Criteria) -> Iterator[Entry]:
        """What `select` gives, one at a time (an export of a million entries holds none of them long)."""
        ...

    def existing(self, ids: Iterable[str]) -> dict[str, Entry]:
        """The stored entries among these ids (id -> entry)."""
        ...

    def count(self, criteria: Criteria) -> int:
        """How many entries the criteria select (at most `criteria.limit`)."""
        ...

    def history(self, entry_id: str) -> list[HistoryEvent]:
        """The entry's previous versions and deletions, oldest first."""
        ...

    def deletions(self) -> dict[str, str]:
        """Entry id -> when it was last deleted here (ISO)."""
        ...

    def tally(self, criteria: Criteria, details: int | None = None) -> Tally:
        """What `summary` counts; `details`: how many concerns and open follow-ups to give whole."""
        ...

    def coverage(self, criteria: Criteria, by: str | None = None) -> CoverageTally:
        """What `villages` counts: visits and last visit by (group, village, kind)."""
        ...

    def open_follow_ups(self, criteria: Criteria) -> list[Entry]:
        """Entries with an open follow-up, oldest first (date, then id), at most `criteria.limit`."""
        ...

    def merge(self, entries: Iterable[Entry], *, dry_run: bool = False) -> MergeCounts:
        """Merge by id with import's rules, all or nothing."""
        ...

    def expect_merge(self) -> None:
        """A merge of many entries comes next (import): a store may read itself so as to hold them
        beside its own cheaply. Call before anything reads the store (the profile too)."""
        ...

    def profile(self) -> Profile: ...

    def profile_store(self) -> FileStore:
        """The store that keeps this user's profile: a file store itself; a hub, the user's own file."""
        ...

    def transaction(self) -> AbstractContextManager[Transaction]: ...


__all__ = ["Entry", "HistoryEvent", "MergeCounts", "Profile", "Store", "Transaction"]
