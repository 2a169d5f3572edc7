"""The file store: one TinyDB JSON file, a Babinsa's laptop. The only module that imports TinyDB.

Promises (tested in tests/test_store.py and tests/test_reliability.py):
- A write is atomic and durable: the new content goes to a temp file in the same
  folder, is fsynced, and replaces the old file with os.replace; the folder is
  fsynced after (`files.replace_file`). A reader sees the old file or the new one.
- Read-change-write runs under an exclusive lock (`files.exclusive_lock`: flock on
  `<store>.lock`), so two commands at once lose nothing; a lock held too long gives
  StoreLocked, not a hang.
- A file that cannot be read is never treated as empty and never overwritten.
- The folder is created 0700 and the file 0600, whatever the umask.

TinyDB is extended the way it is meant to be: `JSONFileStorage` is a `tinydb.Storage`
subclass whose `read` gives the parsed file (orjson, in slices: `jsonfile.py`) and whose
`write` keeps the tables until the transaction ends, then writes them once, atomically,
under the lock. Changes go through TinyDB's public table API (`insert_multiple`,
`update`, `remove`, `truncate`). Reads that only look (list, summary) take the parsed
tables from the same file object without building TinyDB documents, and so never import
TinyDB (9 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import NotFound, StoreError
from ..messages import t
from ..model import utc_now
from . import jsonfile
from .base import Entry, HistoryEvent, MergeCounts, Profile
from .files import atomic_write, ensure_folder, exclusive_lock, lock_timeout, remove_stray_temp_files
from .jsonfile import ENTRIES, HISTORY, META, PROFILE, StoreTables

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.queries import QueryLike
    from tinydb.storages import Storage
    from tinydb.table import Table

    from ..query import Criteria
    from ..summary import CoverageTally, Tally
    from .migrations import Tables


class StoreFile:
    """The store's file: a snapshot of its tables, the lock, and the one atomic write."""

    def __init__(self, path: Path, timeout: float | None = None, share: bool = False) -> None:
        self.path = path
        self.timeout = lock_timeout(timeout)
        self.share = share
        self._snapshot: tuple[tuple[int, int, int] | None, StoreTables] | None = None
        self.pending: StoreTables | None = None  # the tables of a transaction under way
        self.created = False  # a commit made the file (see FileStore.notice)

    def read(self) -> StoreTables:
        """The tables: those of the transaction under way, else a snapshot of the file.

        The snapshot is kept for this process: a later read or transaction reuses it when
        the file has not changed since (same inode, size and mtime), so a command parses
        the store once. Callers must not mutate what it returns outside a transaction.
        """
        if self.pending is not None:
            return self.pending
        key = jsonfile.file_key(self.path)
        if self._snapshot is not None and self._snapshot[0] == key and key is not None:
            return self._snapshot[1]
        tables = jsonfile.read_store(self.path, self.share)
        # Keep it only if the file did not change while it was read.
        self._snapshot = (key, tables) if key is not None and key == jsonfile.file_key(self.path) else None
        return tables

    @contextmanager
    def locked(self) -> Iterator[None]:
        ensure_folder(self.path.parent)
        with exclusive_lock(str(self.path) + ".lock", self.timeout, self.path):
            yield

    @contextmanager
    def transaction(self) -> Iterator[StoreTables]:
        """Lock, read, let the caller change the tables, then write once if `dirty` was set; what was
        written is then this process's snapshot (read again, not parsed again). So an entry a caller
        got from the store or gave to it must not be changed in place afterwards: copy it first.

        An exception inside the block leaves the file as it was. A file its owner made
        read-only (no owner write bit: read from the mode, as root may write anything) is
        refused before anything is touched.
        """
        refuse_read_only(self.path)
        with self.locked():
            remove_stray_temp_files(self.path)
            tables = self.read()
            self._snapshot = None  # the tables are changed in place from here on
            self.pending = tables
            self.dirty = False
            try:
                yield tables
                if self.dirty:
                    self.commit(self.pending)
                    # What was just written is what a read would parse back: it is the snapshot now,
                    # so a command that reads after its write (record's and import's check for likely
                    # twins) does not parse the store a second time (twice the memory at 100,000 entries).
                    key = jsonfile.file_key(self.path)
                    self._snapshot = (key, self.pending) if key is not None else None
            finally:
                self.pending = None

    dirty = False

    def commit(self, tables: StoreTables) -> None:
        """Keep the previous good file as a backup, then replace it atomically. Call under the lock."""
        from .. import backups

        meta: object = next(iter(tables.get(META, {}).values()), {})
        migrated_from = meta.pop("migrated_from", None) if isinstance(meta, dict) else None
        if migrated_from is not None and self.path.exists():
            backups.keep_aside(self.path, f"schema-v{migrated_from}")
        new = not self.path.exists()
        backups.rotate(self.path)
        # A big store is serialised while it is written, a slice at a time: the whole
        # file's bytes (~96 MiB at 100,000 entries) never sit next to the tables.
        atomic_write(self.path, jsonfile.dumps_store(tables))
        self.created = self.created or new


def refuse_read_only(path: Path) -> None:
    """StoreError when the store file exists without its owner's write bit."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return  # not there yet (or not readable: said when it is read)
    if not mode & stat.S_IWUSR:
        raise StoreError(t("store.read_only", path=path))


_STORAGE_CLASS: type[Storage] | None = None
_DATABASE_CLASS: type[TinyDB] | None = None


def database_class() -> type[TinyDB]:
    """TinyDB with `KeyedTable` as its table class (TinyDB's own extension point, `table_class`).

    TinyDB's Table rebuilds the whole table on every change (each key to int and back): about
    0.15 s per write at 100,000 entries, 10 % of a `record`. `KeyedTable` changes only the
    documents named, in the string-keyed table the storage holds, with TinyDB's id rule
    (largest id + 1): the same file, byte for byte, as TinyDB's own Table writes.
    """
    global _DATABASE_CLASS
    if _DATABASE_CLASS is None:
        from tinydb import TinyDB
        from tinydb.table import Table

        class KeyedTable(Table):
            _last_id: int | None = None

            def _raw(self) -> tuple[Tables, dict[str, dict[str, object]]]:
                tables: Tables = self.storage.read() or {}
                return tables, tables.setdefault(self.name, {})

            def _save(self, tables: Tables) -> None:
                self.storage.write(tables)
                self.clear_cache()

            def insert_multiple(self, documents: Iterable[Mapping[str, object]]) -> list[int]:
                tables, raw = self._raw()
                last = self._last_id if self._last_id is not None else max(map(int, raw), default=0)
                ids = []
                for document in documents:
                    if not isinstance(document, Mapping):
                        raise ValueError("Document is not a Mapping")
                    last += 1
                    raw[str(last)] = dict(document)
                    ids.append(last)
                self._last_id = last
                self._save(tables)
                return ids

            def update(
                self,
                fields: Mapping[str, object] | Callable[[MutableMapping[str, object]], None],
                cond: QueryLike | None = None,
                doc_ids: Iterable[int] | None = None,
            ) -> list[int]:
                if doc_ids is None or cond is not None:
                    return list(super().update(fields, cond, doc_ids))
                tables, raw = self._raw()
                updated = [doc_id for doc_id in doc_ids if str(doc_id) in raw]
                for doc_id in updated:
                    document = raw[str(doc_id)]
                    if callable(fields):
                        fields(document)
                    else:
                        document.update(fields)
                self._save(tables)
                return updated

            def remove(self, cond: QueryLike | None = None, doc_ids: Iterable[int] | None = None) -> list[int]:
                if doc_ids is None or cond is not None:
                    return list(super().remove(cond, doc_ids))
                tables, raw = self._raw()
                removed = [doc_id for doc_id in doc_ids if str(doc_id) in raw]
                for doc_id in removed:
                    del raw[str(doc_id)]
                self._save(tables)
                return removed

            def truncate(self) -> None:
                super().truncate()
                self._last_id = None

        class KomsosTinyDB(TinyDB):
            table_class = KeyedTable

        _DATABASE_CLASS = KomsosTinyDB
    return _DATABASE_CLASS


def storage_class() -> type[Storage]:
    """`JSONFileStorage`, TinyDB's storage for a `StoreFile` (made on first use: TinyDB is imported then)."""
    global _STORAGE_CLASS
    if _STORAGE_CLASS is None:
        from tinydb.storages import Storage

        class JSONFileStorage(Storage):
            """TinyDB storage over a komsos store file: orjson read, atomic locked write.

            Inside a transaction (`StoreFile.transaction`) a write is kept until the
            transaction ends and is then written once; outside one, it is written at once
            under the lock.
            """

            def __init__(self, file: StoreFile) -> None:
                self.file = file

            # TinyDB sees the tables as its own layout (`Tables`) and gives them back, changed by
            # `KeyedTable` with the entries, history and profile this module handed it: still
            # `StoreTables` (the casts only change how the one dict is seen).
            def read(self) -> Tables:
                return cast("Tables", self.file.read())

            def write(self, data: Tables) -> None:
                tables = cast(StoreTables, data)
                if self.file.pending is not None:
                    self.file.pending = tables
                    self.file.dirty = True
                    return
                with self.file.locked():
                    self.file.commit(tables)

            def close(self) -> None:
                pass

        _STORAGE_CLASS = JSONFileStorage
    return _STORAGE_CLASS


class FileTransaction:
    """Changes to the file store under its lock; obtain with `FileStore.transaction()`."""

    def __init__(self, file: StoreFile) -> None:
        self._file = file
        self._db: TinyDB | None = None
        self._doc_ids: dict[str, int] | None = None

    def _table(self, name: str) -> Table:
        if self._db is None:
            self._db = database_class()(self._file, storage=storage_class())
        return self._db.table(name, cache_size=0)

    @property
    def _tables(self) -> StoreTables:
        return self._file.read()

    def _index(self) -> dict[str, int]:
        if self._doc_ids is None:
            raw = self._tables.get(ENTRIES, {})
            self._doc_ids = {doc["id"]: int(doc_id) for doc_id, doc in raw.items()}
        return self._doc_ids

    def entries(self) -> list[Entry]:
        return list(self._tables.get(ENTRIES, {}).values())

    def find(self, prefix: str) -> Entry:
        from ..entries import resolve_prefix

        return resolve_prefix(self.entries(), prefix).copy()

    def get(self, entry_id: str) -> Entry:
        doc_id = self._index().get(entry_id)
        if doc_id is None:
            raise NotFound(t("id.not_found", prefix=entry_id))
        return self._tables[ENTRIES][str(doc_id)].copy()

    def contains(self, entry_id: str) -> bool:
        return entry_id in self._index()

    def add_many(self, entries: list[Entry]) -> None:
        if not entries:
            return
        doc_ids = self._table(ENTRIES).insert_multiple(entries)
        if self._doc_ids is not None:
            for entry, doc_id in zip(entries, doc_ids, strict=True):
                self._doc_ids[entry["id"]] = doc_id

    def add(self, entry: Entry) -> None:
        self.add_many([entry])

    def _remember_many(self, olds: list[Entry], action: str) -> None:
        at = utc_now()
        # One insert for all: TinyDB's insert costs O(history) per call.
        events: list[HistoryEvent] = [
            {"entry_id": old["id"], "action": action, "at": at, "version": old} for old in olds
        ]
        self._table(HISTORY).insert_multiple(events)

    def replace_many(self, entries: list[Entry]) -> None:
        """Store new versions of existing entries; each old version goes to history."""
        if not entries:
            return
        index = self._index()
        raw = self._tables[ENTRIES]
        old_versions = []
        for entry in entries:
            doc_id = index.get(entry["id"])
            if doc_id is None:
                raise NotFound(t("id.not_found", prefix=entry["id"]))
            old_versions.append(raw[str(doc_id)].copy())
        self._remember_many(old_versions, "edited")
        new_versions = {entry["id"]: entry for entry in entries}

        def become_new_version(document: MutableMapping[str, object]) -> None:
            new = new_versions[str(document["id"])]  # an entry's id: already a str
            document.clear()
            document.update(new)

        # One update for all, in place (the entry keeps its place in the file).
        self._table(ENTRIES).update(become_new_version, doc_ids=[index[key] for key in new_versions])

    def replace(self, entry: Entry) -> None:
        self.replace_many([entry])

    def remove(self, entry_id: str) -> None:
        old = self.get(entry_id)
        self._remember_many([old], "deleted")
        doc_id = self._index().pop(entry_id)
        self._table(ENTRIES).remove(doc_ids=[doc_id])

    def history(self, entry_id: str) -> list[HistoryEvent]:
        raw = self._tables.get(HISTORY, {})
        return [item for item in raw.values() if item.get("entry_id") == entry_id]

    def deletions(self) -> dict[str, str]:
        return jsonfile.deletions(self._tables)

    def profile(self) -> Profile:
        return _profile(self._tables)

    def set_profile(self, profile: Profile) -> None:
        table = self._table(PROFILE)
        table.truncate()
        table.insert(profile)


def _profile(tables: StoreTables) -> Profile:
    """A copy of the profile (empty when none was set)."""
    none: Profile = {}
    return next(iter(tables.get(PROFILE, {}).values()), none).copy()


class FileStore:
    """The store at `path`. Reads take a consistent snapshot; writes go through `transaction()`."""

    def __init__(
        self, path: Path, lock_timeout: float | None = None, *, share_values: bool = False, explicit: bool = False
    ) -> None:
        self.path = path
        self.location = str(path)
        self.file = StoreFile(path, lock_timeout, share_values)
        # Named by the user (--db, KOMSOS_DB): its folder is never made for them.
        self.explicit = explicit
        self.read_missing = False  # entries were read from a store that does not exist (see notice)

    @property
    def share_values(self) -> bool:
        """Repeated values become one object as the store is read (see jsonfile.SHARED_FIELDS)."""
        return self.file.share

    @share_values.setter
    def share_values(self, value: bool) -> None:
        self.file.share = value

    @property
    def lock_timeout(self) -> float:
        return self.file.timeout

    def tables(self) -> StoreTables:
        """A snapshot of every table (see `StoreFile.read`); callers must not mutate it."""
        tables = self.file.read()
        if not tables[ENTRIES] and self.file.pending is None and not self.path.exists():
            self.read_missing = True  # entries looked for where there is no store (not the profile)
        return tables

    def entries(self) -> list[Entry]:
        return list(self.tables()[ENTRIES].values())

    def exists(self) -> bool:
        return self.path.exists()

    def notice(self) -> str | None:
        """What to tell the user, once a command is done, about a store they named (--db,
        KOMSOS_DB): that a write made it (a mistyped path shows at once), or that a read found
        none (and so listed nothing). The app folder's own store goes unremarked."""
        if not self.explicit:
            return None
        if self.file.created:
            return t("store.created", path=self.path)
        if self.read_missing and not self.path.exists():
            return t("store.missing", path=self.path)
        return None

    # --- the Store interface -------------------------------------------------------

    def find(self, prefix: str) -> Entry:
        from ..entries import resolve_prefix

        return resolve_prefix(self.entries(), prefix)

    def select(self, criteria: Criteria) -> list[Entry]:
        from ..query import select

        return select(self.tables()[ENTRIES].values(), criteria)

    def stream(self, criteria: Criteria) -> Iterator[Entry]:
        return iter(self.select(criteria))

    def existing(self, ids: Iterable[str]) -> dict[str, Entry]:
        wanted = set(ids)
        return {entry["id"]: entry for entry in self.tables()[ENTRIES].values() if entry["id"] in wanted}

    def count(self, criteria: Criteria) -> int:
        from ..query import Criteria as Everything

        if criteria == Everything(limit=criteria.limit):
            total = len(self.tables()[ENTRIES])
            return total if criteria.limit is None else min(total, criteria.limit)
        return len(self.select(criteria))

    def history(self, entry_id: str) -> list[HistoryEvent]:
        raw = self.tables().get(HISTORY, {})
        return [item for item in raw.values() if item.get("entry_id") == entry_id]

    def deletions(self) -> dict[str, str]:
        return jsonfile.deletions(self.tables())

    def tally(self, criteria: Criteria, details: int | None = None) -> Tally:
        from ..summary import tally_entries

        return tally_entries(self.tables()[ENTRIES].values(), criteria, details)

    def coverage(self, criteria: Criteria, by: str | None = None) -> CoverageTally:
        from ..summary import coverage_entries

        return coverage_entries(self.tables()[ENTRIES].values(), criteria, by)

    def open_follow_ups(self, criteria: Criteria) -> list[Entry]:
        from ..summary import open_follow_up_entries

        return open_follow_up_entries(self.tables()[ENTRIES].values(), criteria)

    def expect_merge(self) -> None:
        """Read the store with its repeated values shared from here on: a merge holds the incoming
        entries beside the store's (100,000 + 10,000: 420 -> ~330 MiB), and import reads the
        profile, so the store, before the files."""
        self.share_values = True

    def merge(self, entries: Iterable[Entry], *, dry_run: bool = False) -> MergeCounts:
        """Merge with import's rules (`exchange.plan_merge`), all or nothing, in one write."""
        from ..exchange import plan_merge

        incoming = list(entries)  # read (and checked) whole before the store is touched
        self.expect_merge()  # when the store is first read here (see expect_merge)
        if dry_run:
            existing = {entry["id"]: entry for entry in self.entries()}
            plan = plan_merge(existing, incoming, self.deletions())
        else:
            with self.transaction() as transaction:
                existing = {entry["id"]: entry for entry in transaction.entries()}
                plan = plan_merge(existing, incoming, transaction.deletions())
                transaction.add_many(plan.added)
                transaction.replace_many(plan.updated)
        return MergeCounts(
            len(incoming), len(plan.added), len(plan.updated), plan.skipped, plan.conflicts, plan.deleted_here
        )

    def profile(self) -> Profile:
        return _profile(self.file.read())

    def profile_store(self) -> FileStore:
        return self

    @contextmanager
    def transaction(self) -> Iterator[FileTransaction]:
        """Lock, read, let the caller change, then write once if anything changed.

        An exception inside the block leaves the file as it was.
        """
        if self.explicit and not self.path.parent.is_dir():
            raise StoreError(t("store.no_folder", path=self.path, folder=self.path.parent))
        with self.file.transaction():
            yield FileTransaction(self.file)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's exclusive lock (doctor's restore takes it)."""
        with self.file.locked():
            yield


__all__ = ["FileStore", "FileTransaction", "StoreFile", "storage_class"]
