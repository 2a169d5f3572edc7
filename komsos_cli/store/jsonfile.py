"""The store file's bytes: read in slices and written in pieces, exactly as one orjson.loads / dumps.

A big file is read and parsed in slices and written in pieces (never the whole file's
bytes next to the tables), with exactly the result of one orjson.loads / orjson.dumps of
the whole file (tested in tests/test_store_memory.py). A file that cannot be read (empty,
truncated, not JSON, not a komsos store, a newer schema) is a StoreError, never "empty".

File layout (TinyDB tables): `_meta` (schema version), `entries`, `history` (previous
versions of edited and deleted entries), `profile`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final, ParamSpec, TypedDict, TypeVar, cast

from ..errors import StoreError
from ..messages import t
from ..model import SCHEMA_VERSION
from .process import Process as _Process  # how the komsos process treats a parsed store
from .process import for_process  # noqa: F401  (its old home; the CLI imports it from .process)

if TYPE_CHECKING:
    import re

    from ..model import Entry
    from .base import HistoryEvent, Profile
    from .migrations import Tables

# The tables' names (Final: each is its literal, so `tables[ENTRIES]` has the entries' type).
ENTRIES: Final = "entries"
HISTORY: Final = "history"
META: Final = "_meta"
PROFILE: Final = "profile"


class StoreTables(TypedDict):
    """A store file's tables, TinyDB's layout: each maps a document id ("1", "2", ...) to a document.
    A file may hold other tables: they are kept as they are, and typed nowhere.

    The types are a trust, not a check: a file is taken as komsos wrote it (validated entries) once
    its schema is read. A file changed by hand or sent by someone else is what `komsos doctor`
    checks, reading the tables as plain objects (doctor.py), and what `import` validates row by row."""

    _meta: dict[str, dict[str, object]]  # "1": {"schema_version": 1, "app": "komsos"}
    entries: dict[str, Entry]
    history: dict[str, HistoryEvent]
    profile: dict[str, Profile]  # one document, or none


_P = ParamSpec("_P")
_T = TypeVar("_T")


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


def _pieces(handle: BinaryIO) -> Iterator[bytes | bytearray]:
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


def _share_values(table: dict[str, dict[str, object]], shared: dict[str | None, str | None]) -> None:
    """Make equal values of SHARED_FIELDS one object each, and updated_at the same object as an equal created_at.

    Column by column, in C loops (itemgetter, map): a Python loop per entry costs twice as much.
    """
    from collections import deque
    from itertools import repeat
    from operator import itemgetter, setitem

    put: Callable[[dict[str, object], str, object], None] = setitem  # (map cannot pick among its overloads)
    items = list(table.values())
    plain = {str, type(None)}  # only these: True == 1 == 1.0 would be "shared" into one another
    for name in SHARED_FIELDS:
        try:
            values = list(map(itemgetter(name), items))
        except (KeyError, TypeError):  # not all entries (a hand-edited file): keep this field as parsed
            continue
        if set(map(type, values)) <= plain:
            deque(map(put, items, repeat(name), map(shared.setdefault, values, values)), 0)
    try:
        created = list(map(itemgetter("created_at"), items))
        updated = list(map(itemgetter("updated_at"), items))
    except (KeyError, TypeError):
        return
    if set(map(type, created)) | set(map(type, updated)) <= plain:
        same = dict(zip(created, created, strict=True)).get
        deque(map(put, items, repeat("updated_at"), map(same, updated, updated)), 0)


def _parse_piece(
    piece: bytes | bytearray,
    data: dict[str, object],
    open_name: str | None,
    more: bool,
    escaped_key: re.Pattern[bytes],
    shared: dict[str | None, str | None] | None,
) -> dict[str, object]:
    """One piece of `_loads_pieces`: the first (`open_name` None) closed with `}}`, a further one opened
    as the rest of the table `open_name`; its top-level keys checked against those already in `data`.
    With `shared` (a dict), equal values of the entries table are shared with earlier pieces'."""
    import orjson

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
    if shared is not None:
        # Piece by piece, not at the end: the copies freed here make room for the next piece.
        table = parsed.get(ENTRIES)
        if isinstance(table, dict):
            _share_values(table, shared)
    result: dict[str, object] = parsed
    return result


def _loads_pieces(pieces: Iterator[bytes | bytearray], share: bool = False) -> object:
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
    shared: dict[str | None, str | None] | None = {} if share else None

    def parse(
        piece: bytes | bytearray, data: dict[str, object], open_name: str | None, more: bool
    ) -> dict[str, object]:
        return _parse_piece(piece, data, open_name, more, escaped_key, shared)

    first = next(pieces, b"")
    following = next(pieces, None)
    if following is None:
        return orjson.loads(first)
    data = parse(first, {}, None, True)
    open_name: str = next(reversed(data))
    open_table = data[open_name]
    if not isinstance(open_table, dict):
        raise _NotSliceable
    piece: bytes | bytearray = following
    while True:
        after = next(pieces, None)
        more = after is not None
        parsed = parse(piece, data, open_name, more)
        items = iter(parsed.items())
        _, rest = next(items)
        if not isinstance(rest, dict):  # never: the piece was parsed as `{"<open table>":{` + piece
            raise _NotSliceable
        open_table.update(rest)
        for name, value in items:
            data[name] = value
            open_name = name
        if after is None:
            return data
        open_table = data[open_name]
        if not isinstance(open_table, dict):
            raise _NotSliceable
        piece = after


def _paused_gc_parse(parse: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
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
        data = parse(*args, **kwargs)
        if _Process.freeze:
            gc.freeze()
        if _Process.keep:
            _Process.kept.append(data)
        return data
    finally:
        if enabled:
            gc.enable()


def _loads(payload: bytes | bytearray | memoryview) -> object:
    import orjson

    return _paused_gc_parse(orjson.loads, payload)


def _dump_chunks(data: Mapping[str, object]) -> Iterator[bytes | memoryview]:
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


def dumps_store(data: Mapping[str, object]) -> bytes | Iterator[bytes | memoryview]:
    """The file's content: bytes for a small store, pieces for a big one (never the whole file at once)."""
    import orjson

    big = (
        isinstance(data, dict)
        and all(isinstance(name, str) and isinstance(table, dict) for name, table in data.items())
        and any(isinstance(table, dict) and len(table) > WRITE_SLICE_ITEMS for table in data.values())
    )
    return _dump_chunks(data) if big else orjson.dumps(data)


def empty_store() -> StoreTables:
    return {META: {"1": {"schema_version": SCHEMA_VERSION, "app": "komsos"}}, ENTRIES: {}, HISTORY: {}, PROFILE: {}}


def parse_store(payload: bytes | bytearray, path: Path) -> StoreTables:
    """The store's tables from the file's bytes, or StoreError saying why it cannot be used."""
    if not payload or payload.isspace():  # not .strip(): that copies the whole file
        raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.empty")))
    try:
        data = _loads(payload)
    except ValueError as error:
        raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.json", error=error))) from None
    return _checked_store(data, path)


def _checked_store(data: object, path: Path) -> StoreTables:
    if not isinstance(data, dict) or not isinstance(data.get(ENTRIES, {}), dict):
        raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.not_store")))
    meta = data.get(META)
    record: object = next(iter(meta.values()), None) if isinstance(meta, dict) and meta else None
    version = record.get("schema_version") if isinstance(record, dict) else None
    if version is None:
        raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.no_schema")))
    if not isinstance(version, int):
        raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.bad_schema", version=version)))
    if version > SCHEMA_VERSION:
        raise StoreError(t("store.newer", path=path, found=version, supported=SCHEMA_VERSION))
    raw: Tables = data
    if version < SCHEMA_VERSION:
        from .migrations import upgrade

        raw = dict(upgrade(raw, version, SCHEMA_VERSION, path))
    for table in (ENTRIES, HISTORY, PROFILE):
        raw.setdefault(table, {})
    # A store file is what komsos wrote: its entries were validated before they were stored, its
    # history holds such entries, its profile what `profile set` checked (doctor checks them again).
    return cast(StoreTables, raw)


def file_key(path: Path) -> tuple[int, int, int] | None:
    """What identifies one version of the file: inode, size, mtime (an atomic replace changes the inode)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise unreadable(path, error) from None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def unreadable(path: Path, error: OSError) -> StoreError:
    """The error for a store the system would not let us read: a permission denied is named as
    that (the file is not damaged: no backup to restore), anything else with its reason."""
    if isinstance(error, PermissionError):
        return StoreError(t("store.no_permission", path=path))
    return StoreError(t("store.unreadable", path=path, reason=error.strerror or str(error)))


def read_store(path: Path, share: bool = False) -> StoreTables:
    """The tables of the store at `path`; a store that does not exist yet is empty.
    `share`: repeated values become one object (SHARED_FIELDS; big stores only).

    A big file is parsed a slice at a time as it is read (see `_loads_pieces`); a
    file laid out otherwise, or one that does not parse, is read again whole, so
    that the result and any error are exactly those of one whole-file parse.
    """
    if path.is_dir():
        raise StoreError(t("store.is_dir", path=path))
    sliced: object = None
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
        raise unreadable(path, error) from None
    if done:
        return _checked_store(sliced, path)
    return parse_store(payload, path)


def deletions(tables: StoreTables) -> dict[str, str]:
    """Entry id -> when it was last deleted here (ISO), from the history table."""
    found: dict[str, str] = {}
    for item in tables.get(HISTORY, {}).values():
        if isinstance(item, dict) and item.get("action") == "deleted" and isinstance(item.get("at"), str):
            entry_id = item.get("entry_id")
            if isinstance(entry_id, str) and item["at"] > found.get(entry_id, ""):
                found[entry_id] = item["at"]
    return found
