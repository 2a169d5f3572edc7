"""The store: one TinyDB JSON file. The only module that imports TinyDB.

Promises (tested in tests/test_store.py and tests/test_reliability.py):
- A write is atomic and durable: the new content goes to a temp file in the same
  folder, is fsynced, and replaces the old file with os.replace; the folder is
  fsynced after. A reader sees the old file or the new one, never half of one.
- Read-change-write runs under an exclusive lock (filelock), so two commands at
  once lose nothing; a lock held too long gives StoreLocked, not a hang.
- A file that cannot be read (empty, truncated, not JSON, not a komsos store, a
  newer schema) is never treated as empty and never overwritten: StoreError.
- The folder is created 0700 and the file 0600, whatever the umask.
- A big file is read and parsed in slices and written in pieces (never the whole
  file's bytes next to the tables), with exactly the result of one orjson.loads /
  orjson.dumps of the whole file (tested in tests/test_store_memory.py).

File layout (TinyDB tables): `_meta` (schema version), `entries`, `history`
(previous versions of edited and deleted entries), `profile`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from .errors import NotFound, StoreError, StoreLocked
from .messages import t
from .model import SCHEMA_VERSION, utc_now

ENTRIES = "entries"
HISTORY = "history"
META = "_meta"
PROFILE = "profile"

DEFAULT_LOCK_TIMEOUT = 10.0


# Set by the komsos process (cli.app.run), never in-process users: keep every parsed
# store referenced until the process leaves with os._exit, so that 100,000 entries are
# not freed one by one (~70 ms) just before the process ends anyway.
KEEP_LOADED = False
_kept: list[Any] = []


# The file is read and parsed in slices of about this many bytes, so that neither the
# whole file nor orjson's document of it (about twice its size) is ever held next to the
# Python objects: at 100,000 entries the peak falls from ~645 MiB to ~380 MiB. Small
# slices are also a little faster (they stay in the CPU's cache); see docs/performance.md.
SLICE_BYTES = 1 << 16
# Tables with more items than this are written a slice of this many items at a time.
WRITE_SLICE_ITEMS = 2000

# Where the file may be cut: the `}` that ends one table item before `,"<n>":{`, the
# next one. This cannot match inside a JSON string (there every `"` follows a backslash)
# and, after the comma, the quote opens a key (a digit cannot follow a closing quote).
_CUT = rb'\},"[0-9]+":\{'
# A key spelled with an escape (`"entri\u0065s":`): the slices' checks compare keys as
# orjson spells them, so a piece holding one makes the file parse whole instead.
_ESCAPED_KEY = rb'\\.(?:[^"\\]|\\.)*"\s*:'

# For a command that holds more than the store and has time to spare (import sets
# `Store.share_values`): make each repeated value of these fields one shared string
# object as the entries are parsed, ~90 MiB less at 100,000 entries for ~0.3-0.5 s more.
# Off by default: at 100,000 entries `record` has no 0.3 s to spare (goal < 1 s) and
# stays under 400 MiB without.
SHARED_FIELDS = (
    "date", "time", "kind", "koramil", "kodim", "village", "village_kind", "hamlet",
    "kecamatan", "kabupaten", "province", "venue", "situation",
)  # fmt: skip


class _NotSliceable(Exception):
    """The file is not laid out as komsos writes it: parse it whole."""


def _pieces(handle: Any) -> Iterator[bytes | bytearray]:
    """The file's bytes in pieces of at least SLICE_BYTES, each cut after the `}` of a `_CUT`, the comma dropped.

    A file without such a place (pretty-printed, or small) comes out as one piece.
    """
    import re

    cut = re.compile(_CUT)
    buffer = bytearray()
    searched = SLICE_BYTES  # no cut is wanted before this offset of `buffer`
    eof = False
    while True:
        match = cut.search(buffer, searched) if len(buffer) > searched else None
        if match is None:
            if eof:
                if buffer:
                    yield buffer
                return
            # A match may straddle the end of what was read; one with a key longer than
            # 57 digits would be missed, which only makes a longer piece.
            searched = max(searched, len(buffer) - 64)
            chunk = handle.read(SLICE_BYTES)
            if chunk:
                buffer += chunk
            else:
                eof = True
            continue
        end = match.start() + 1
        yield bytes(memoryview(buffer)[:end])
        del buffer[: end + 1]
        searched = SLICE_BYTES


def _share_values(table: dict[str, Any], shared: dict[str, Any]) -> None:
    """Make equal values of SHARED_FIELDS one object each, and updated_at the same object as an equal created_at.

    Column by column, in C loops (itemgetter, map): a Python loop per entry costs twice as much.
    """
    from collections import deque
    from itertools import repeat
    from operator import itemgetter, setitem

    items = list(table.values())
    plain = {str, type(None)}  # only these: True == 1 == 1.0 would be "shared" into one another
    for name in SHARED_FIELDS:
        try:
            values = list(map(itemgetter(name), items))
        except (KeyError, TypeError):  # not all entries (a hand-edited file): keep this field as parsed
            continue
        if set(map(type, values)) <= plain:
            deque(map(setitem, items, repeat(name), map(shared.setdefault, values, values)), 0)
    try:
        created = list(map(itemgetter("created_at"), items))
        updated = list(map(itemgetter("updated_at"), items))
    except (KeyError, TypeError):
        return
    if set(map(type, created)) | set(map(type, updated)) <= plain:
        same = dict(zip(created, created, strict=True)).get
        deque(map(setitem, items, repeat("updated_at"), map(same, updated, updated)), 0)


def _loads_pieces(pieces: Iterator[bytes | bytearray], share: bool = False) -> Any:
    """What orjson.loads gives for the concatenation of `pieces` (joined by commas), parsed piece by piece.

    The first piece ends inside a table, so with `}}` appended it is a whole object
    whose last key is that table; each further piece is the rest of the open table
    (and maybe the start of further ones), parsed as `{"<open table>":{` + piece.
    A piece that parses proves the cut was between two items of the open table.
    Each top-level key must appear once, spelled as orjson spells it, so that the
    open table is the last key parsed. Raises ValueError (not JSON) or _NotSliceable
    (another layout, or a check failed) for the caller to parse the file whole.
    """
    import re

    import orjson

    escaped_key = re.compile(_ESCAPED_KEY)
    shared: dict[str, Any] = {}

    def parse(piece: bytes | bytearray, data: dict[str, Any], open_name: str | None, more: bool) -> dict[str, Any]:
        # Only \u and \/ spell a key otherwise than orjson does; a text with \" is common and
        # the search is slow, so it runs on the rare piece that holds one of those.
        if (b"\\u" in piece or b"\\/" in piece) and escaped_key.search(piece):
            raise _NotSliceable
        if open_name is None:
            parsed = orjson.loads(bytes(piece) + b"}}")
            if not isinstance(parsed, dict):
                raise _NotSliceable
            names = list(parsed)
        else:
            spelled = orjson.dumps(open_name)
            if spelled in piece:
                raise _NotSliceable  # maybe the open table's name again: a duplicate key
            parsed = orjson.loads(b"{" + spelled + b":{" + piece + (b"}}" if more else b""))
            names = list(parsed)[1:]
        for name in names:
            if name in data or piece.count(orjson.dumps(name)) != 1:
                raise _NotSliceable
        if share:
            # Piece by piece, not at the end: the copies freed here make room for the next piece.
            table = parsed.get(ENTRIES)
            if isinstance(table, dict):
                _share_values(table, shared)
        result: dict[str, Any] = parsed
        return result

    first = next(pieces, b"")
    following = next(pieces, None)
    if following is None:
        return orjson.loads(first)
    data = parse(first, {}, None, True)
    open_name: str = next(reversed(data))
    if not isinstance(data[open_name], dict):
        raise _NotSliceable
    piece: bytes | bytearray = following
    while True:
        after = next(pieces, None)
        more = after is not None
        parsed = parse(piece, data, open_name, more)
        items = iter(parsed.items())
        _, rest = next(items)
        data[open_name].update(rest)
        for name, value in items:
            data[name] = value
            open_name = name
        if after is None:
            return data
        if not isinstance(data[open_name], dict):
            raise _NotSliceable
        piece = after


def _paused_gc_parse(parse: Any, *args: Any) -> Any:
    # The cyclic GC would walk every new container while a big store is built;
    # nothing in a parse can form a cycle, so pausing it is safe and ~2x faster.
    # Then freeze what exists (gc.freeze): without it the first collection after
    # the parse, later full ones and the interpreter's final one at exit would each
    # walk every entry again (~50 ms at 100,000 entries each). Frozen objects are
    # still freed by reference counting; only cyclic garbage made before the
    # freeze stays, which a short command never notices (see docs/performance.md).
    enabled = gc.isenabled()
    gc.disable()
    try:
        data = parse(*args)
        gc.freeze()
        if KEEP_LOADED:
            _kept.append(data)
        return data
    finally:
        if enabled:
            gc.enable()


def _loads(payload: bytes | bytearray | memoryview) -> Any:
    import orjson

    return _paused_gc_parse(orjson.loads, payload)


def _dump_chunks(data: Any) -> Iterator[bytes | memoryview]:
    """orjson.dumps(data), byte for byte, in pieces: a big table a slice of items at a time."""
    from itertools import islice

    import orjson

    dumps = orjson.dumps
    yield b"{"
    for position, (name, table) in enumerate(data.items()):
        yield (b"," if position else b"") + dumps(name) + b":"
        if not isinstance(table, dict) or len(table) <= WRITE_SLICE_ITEMS:
            yield dumps(table)
            continue
        items = iter(table.items())
        yield b"{"
        first = True
        while group := dict(islice(items, WRITE_SLICE_ITEMS)):
            if not first:
                yield b","
            yield memoryview(dumps(group))[1:-1]
            first = False
        yield b"}"
    yield b"}"


def _dumps(data: Any) -> bytes | Iterator[bytes | memoryview]:
    """The file's content: bytes for a small store, pieces for a big one (never the whole file at once)."""
    import orjson

    big = (
        isinstance(data, dict)
        and all(isinstance(name, str) and isinstance(table, dict) for name, table in data.items())
        and any(len(table) > WRITE_SLICE_ITEMS for table in data.values())
    )
    return _dump_chunks(data) if big else orjson.dumps(data)


def empty_store() -> dict[str, Any]:
    return {META: {"1": {"schema_version": SCHEMA_VERSION, "app": "komsos"}}, ENTRIES: {}, HISTORY: {}, PROFILE: {}}


def parse_store(payload: bytes | bytearray, path: Path) -> dict[str, Any]:
    """The store's tables from the file's bytes, or StoreError saying why it cannot be used."""
    if not payload or payload.isspace():  # not .strip(): that copies the whole file
        raise StoreError(t("store.unreadable", path=path, reason="the file is empty"))
    try:
        data = _loads(payload)
    except ValueError as error:
        raise StoreError(t("store.unreadable", path=path, reason=f"not valid JSON: {error}")) from None
    return _checked_store(data, path)


def _checked_store(data: Any, path: Path) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get(ENTRIES, {}), dict):
        raise StoreError(t("store.unreadable", path=path, reason="not a komsos store"))
    meta = data.get(META)
    record: Any = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
    version = record.get("schema_version") if isinstance(record, dict) else None
    if version is None:
        raise StoreError(t("store.unreadable", path=path, reason="no schema version"))
    if not isinstance(version, int):
        raise StoreError(t("store.unreadable", path=path, reason=f"bad schema version {version!r}"))
    if version > SCHEMA_VERSION:
        raise StoreError(t("store.newer", path=path, found=version, supported=SCHEMA_VERSION))
    if version < SCHEMA_VERSION:
        from .migrations import upgrade

        data = dict(upgrade(data, version, SCHEMA_VERSION, path))
    for table in (ENTRIES, HISTORY, PROFILE):
        data.setdefault(table, {})
    tables: dict[str, Any] = data
    return tables


def _file_key(path: Path) -> tuple[int, int, int] | None:
    """What identifies one version of the file: inode, size, mtime (an atomic replace changes the inode)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(t("store.unreadable", path=path, reason=error.strerror or str(error))) from None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def read_store(path: Path, share: bool = False) -> dict[str, Any]:
    """The tables of the store at `path`; a store that does not exist yet is empty.
    `share`: repeated values become one object (SHARED_FIELDS; big stores only).

    A big file is parsed a slice at a time as it is read (see `_loads_pieces`); a
    file laid out otherwise, or one that does not parse, is read again whole, so
    that the result and any error are exactly those of one whole-file parse.
    """
    if path.is_dir():
        raise StoreError(t("store.is_dir", path=path))
    sliced: Any = None
    done = False
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > SLICE_BYTES:
                try:
                    sliced, done = _paused_gc_parse(_loads_pieces, _pieces(handle), share), True
                except (ValueError, _NotSliceable):
                    handle.seek(0)
            if not done:
                payload = handle.read()
    except FileNotFoundError:
        return empty_store()
    except OSError as error:
        raise StoreError(t("store.unreadable", path=path, reason=error.strerror or str(error))) from None
    if done:
        return _checked_store(sliced, path)
    return parse_store(payload, path)


def remove_stray_temp_files(path: Path) -> None:
    """Delete temp files a killed write left behind. Call under the lock: no write is under way then."""
    prefix = f".{path.name}."
    try:
        children = list(path.parent.iterdir())
    except OSError:
        return
    for child in children:
        if child.name.startswith(prefix) and child.name.endswith(".tmp"):
            with suppress(OSError):
                child.unlink()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ensure_folder(folder: Path) -> None:
    """Create the store's folder readable by its owner only (an existing one keeps its mode)."""
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
        except OSError as error:  # a file in the way, a read-only mount
            raise StoreError(t("store.write_failed", path=folder, reason=error.strerror or str(error))) from None


def replace_file(path: Path, payload: bytes | Iterable[bytes | memoryview]) -> None:
    """Replace `path` by `payload` (bytes, or pieces written in turn) atomically and durably:
    a temp file beside it (0600), fsync, rename, fsync of the folder. On any failure the temp
    file is removed, the old file is unchanged and the error (OSError) goes to the caller.
    The store and `export --force` both write through here."""
    import tempfile

    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(payload, bytes | bytearray | memoryview):
                handle.write(payload)
            else:
                for piece in payload:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, payload: bytes | Iterable[bytes | memoryview]) -> None:
    """The store's write: `replace_file` into its private folder; StoreError when it fails
    (no room, no inode left, a read-only mount), with the old file unchanged."""
    ensure_folder(path.parent)
    try:
        replace_file(path, payload)
    except OSError as error:
        raise StoreError(t("store.write_failed", path=path, reason=error.strerror or str(error))) from None


def _make_storage_class() -> Any:
    from tinydb.storages import Storage

    class CachedStorage(Storage):  # type: ignore[misc]
        """TinyDB storage over the transaction's tables: reads cost nothing, the write is deferred.

        TinyDB reads the whole file on every operation; this keeps the one read the
        transaction made, and `Transaction` writes the result once, atomically.
        """

        def __init__(self, owner: Transaction) -> None:
            self.owner = owner

        def read(self) -> dict[str, Any]:
            return self.owner._tables

        def write(self, data: dict[str, Any]) -> None:
            self.owner._tables = data
            self.owner._dirty = True

    return CachedStorage


class Transaction:
    """Read-change-write on the store under its lock. Obtain with `Store.transaction()`.

    Adding entries writes into the `entries` table directly (TinyDB's insert rebuilds
    the whole table twice, converting every key to int and back: O(store) per call);
    the ids follow TinyDB's rule (largest id + 1). TinyDB, imported on first need,
    does replace, remove and the small tables.
    """

    def __init__(self, tables: dict[str, Any]) -> None:
        self._tables = tables
        self._dirty = False
        self._db: Any = None
        self._doc_ids: dict[str, int] | None = None

    def _table(self, name: str) -> Any:
        if self._db is None:
            from tinydb import TinyDB

            self._db = TinyDB(self, storage=_make_storage_class())
        return self._db.table(name, cache_size=0)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def tables(self) -> dict[str, Any]:
        return dict(self._tables)

    def _index(self) -> dict[str, int]:
        if self._doc_ids is None:
            raw = self._tables.get(ENTRIES, {})
            self._doc_ids = {doc["id"]: int(doc_id) for doc_id, doc in raw.items()}
        return self._doc_ids

    def entries(self) -> list[dict[str, Any]]:
        return list(self._tables.get(ENTRIES, {}).values())

    def get(self, entry_id: str) -> dict[str, Any]:
        doc_id = self._index().get(entry_id)
        if doc_id is None:
            raise NotFound(t("id.not_found", prefix=entry_id))
        return dict(self._tables[ENTRIES][str(doc_id)])

    def contains(self, entry_id: str) -> bool:
        return entry_id in self._index()

    def add_many(self, entries: list[dict[str, Any]]) -> None:
        if not entries:
            return
        table = self._tables.setdefault(ENTRIES, {})
        next_id = max(map(int, table), default=0) + 1
        for offset, entry in enumerate(entries):
            table[str(next_id + offset)] = dict(entry)
            if self._doc_ids is not None:
                self._doc_ids[entry["id"]] = next_id + offset
        self._dirty = True
        if self._db is not None:
            self._table(ENTRIES)._next_id = None  # TinyDB caches the next id: let it count again

    def add(self, entry: dict[str, Any]) -> None:
        self.add_many([entry])

    def _remember_many(self, olds: list[dict[str, Any]], action: str) -> None:
        at = utc_now()
        self._table(HISTORY).insert_multiple(
            [{"entry_id": old["id"], "action": action, "at": at, "version": old} for old in olds]
        )

    def replace_many(self, entries: list[dict[str, Any]]) -> None:
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
            old_versions.append(dict(raw[str(doc_id)]))
        # One insert for all old versions: TinyDB's insert costs O(history) per call.
        self._remember_many(old_versions, "edited")

        def replace_all(table: dict[int, Any]) -> None:
            for entry in entries:
                table[index[entry["id"]]] = dict(entry)

        self._table(ENTRIES)._update_table(replace_all)

    def replace(self, entry: dict[str, Any]) -> None:
        self.replace_many([entry])

    def remove(self, entry_id: str) -> None:
        old = self.get(entry_id)
        self._remember_many([old], "deleted")
        doc_id = self._index().pop(entry_id)
        self._table(ENTRIES).remove(doc_ids=[doc_id])

    def history(self, entry_id: str) -> list[dict[str, Any]]:
        raw = self._tables.get(HISTORY, {})
        return [item for item in raw.values() if item.get("entry_id") == entry_id]

    def deletions(self) -> dict[str, str]:
        return deletions(self._tables)

    def profile(self) -> dict[str, Any]:
        raw = self._tables.get(PROFILE, {})
        return dict(next(iter(raw.values()), {}))

    def set_profile(self, profile: dict[str, Any]) -> None:
        self._table(PROFILE).truncate()
        self._table(PROFILE).insert(profile)


def deletions(tables: dict[str, Any]) -> dict[str, str]:
    """Entry id -> when it was last deleted here (ISO), from the history table."""
    found: dict[str, str] = {}
    for item in tables.get(HISTORY, {}).values():
        if isinstance(item, dict) and item.get("action") == "deleted" and isinstance(item.get("at"), str):
            entry_id = item.get("entry_id")
            if isinstance(entry_id, str) and item["at"] > found.get(entry_id, ""):
                found[entry_id] = item["at"]
    return found


def _flock(lock_path: str, timeout: float) -> int | None:
    """An open descriptor holding flock(LOCK_EX) on `lock_path`; None on timeout; -1 if flock is unavailable."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return -1
    import errno
    import time

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(lock_path, flags, 0o600)
    except OSError as error:
        raise StoreError(t("store.write_failed", path=lock_path, reason=error.strerror or str(error))) from None
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                os.close(fd)
                return -1  # no flock on this file system (ENOSYS, EOPNOTSUPP...): let filelock decide
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.close(fd)
            return None
        time.sleep(min(delay, remaining))
        delay = min(delay * 2, 0.05)


class Store:
    """The store at `path`. Reads take a consistent snapshot; writes go through `transaction()`."""

    def __init__(self, path: Path, lock_timeout: float | None = None, *, share_values: bool = False) -> None:
        self.path = path
        self.share_values = share_values  # see SHARED_FIELDS
        if lock_timeout is None:
            lock_timeout = float(os.environ.get("KOMSOS_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
        self.lock_timeout = lock_timeout
        self._snapshot: tuple[tuple[int, int, int] | None, dict[str, Any]] | None = None

    def tables(self) -> dict[str, Any]:
        """A snapshot of every table; no lock needed, as writes replace the file atomically.

        The snapshot is kept for this process: a later transaction reuses it when the
        file has not changed since (same inode, size and mtime), so a command parses
        the store once. Callers must not mutate what it returns.
        """
        key = _file_key(self.path)
        if self._snapshot is not None and self._snapshot[0] == key and key is not None:
            return self._snapshot[1]
        tables = read_store(self.path, self.share_values)
        # Keep it only if the file did not change while it was read.
        self._snapshot = (key, tables) if key is not None and key == _file_key(self.path) else None
        return tables

    def entries(self) -> list[dict[str, Any]]:
        return list(self.tables()[ENTRIES].values())

    def profile(self) -> dict[str, Any]:
        raw = self.tables().get(PROFILE, {})
        return dict(next(iter(raw.values()), {}))

    def history(self, entry_id: str) -> list[dict[str, Any]]:
        raw = self.tables().get(HISTORY, {})
        return [item for item in raw.values() if item.get("entry_id") == entry_id]

    def deletions(self) -> dict[str, str]:
        return deletions(self.tables())

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the exclusive lock on `<store>.lock` (StoreLocked after `lock_timeout` seconds).

        Where the OS has flock (Linux, macOS, BSD) we take it directly: the very lock
        filelock's UnixFileLock takes on the same file (so the two exclude each other),
        without the ~10 ms that importing filelock adds to every write. Elsewhere
        (Windows), or on a file system without flock, filelock does it.
        """
        ensure_folder(self.path.parent)
        lock_path = str(self.path) + ".lock"
        fd = _flock(lock_path, self.lock_timeout)
        if fd is None:
            raise StoreLocked(t("store.locked", path=self.path, seconds=self.lock_timeout))
        if fd < 0:
            with self._filelock(lock_path):
                yield
            return
        try:
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock

    @contextmanager
    def _filelock(self, lock_path: str) -> Iterator[None]:
        from filelock import FileLock, Timeout

        lock = FileLock(lock_path, timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreLocked(t("store.locked", path=self.path, seconds=self.lock_timeout)) from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, read, let the caller change, then write once if anything changed.

        An exception inside the block leaves the file as it was.
        """
        with self.lock():
            remove_stray_temp_files(self.path)
            tables = self.tables()
            self._snapshot = None  # TinyDB changes the tables in place from here on
            transaction = Transaction(tables)
            yield transaction
            if transaction.dirty:
                self._write(transaction.tables)

    def _write(self, tables: dict[str, Any]) -> None:
        """Keep the previous good file as a backup, then replace it atomically."""
        from . import backups

        meta: Any = next(iter(tables.get(META, {}).values()), {})
        migrated_from = meta.pop("migrated_from", None) if isinstance(meta, dict) else None
        if migrated_from is not None and self.path.exists():
            backups.keep_aside(self.path, f"schema-v{migrated_from}")
        backups.rotate(self.path)
        # A big store is serialised while it is written, a slice at a time: the whole
        # file's bytes (~96 MiB at 100,000 entries) never sit next to the tables.
        atomic_write(self.path, _dumps(tables))
