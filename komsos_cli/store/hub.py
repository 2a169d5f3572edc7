"""The hub: PostgreSQL for a Koramil, Kodim or Kodam. The only module that imports psycopg.

An entry is a row of `komsos_entries`: typed, indexed columns for what is filtered and
counted (computed on write by `query.entry_columns`, with the functions the file store
matches with) and the whole entry as `jsonb`. Previous versions and deletions go to
`komsos_history`; `komsos_meta` holds the schema version. komsos makes the tables on first
use and migrates them by version (store/migrations.py), as it does the file.

Selection, counting and merging run inside PostgreSQL (`WHERE`, `GROUP BY`, `LIMIT`, a
staged `COPY` for imports): nothing reads the whole table into Python to answer
`list --limit 20` or `summary`. Every change is one transaction; a connection lost in the
middle leaves the hub as it was. The password of an address is never shown: messages
name the address as `redact` gives it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from ..errors import AmbiguousId, InvalidInput, NotFound, StoreError, StoreLocked
from ..messages import t, tn
from ..model import EXTRA_FIELDS, in_field_order, utc_now
from . import migrations
from .base import Entry, HistoryEvent, MergeCounts, Profile
from .files import lock_timeout

if TYPE_CHECKING:
    from psycopg import Connection
    from psycopg.rows import TupleRow

    # A connection to the hub as komsos opens it (rows as tuples); migrations.py uses it too.
    HubConnection = Connection[TupleRow]

    from ..query import Criteria
    from ..summary import CoverageTally, Tally
    from .file import FileStore

# The indexed columns, in the order rows are copied (entry_columns' keys), then the entry.
COLUMNS = (
    "id", "day", "time", "created_at", "updated_at", "kind", "village", "village_key", "kecamatan_key",
    "kabupaten_key", "koramil", "koramil_fold", "kodim", "situation", "follow_status", "babinsa",
    "babinsa_fold", "topics", "search_fold",
)  # fmt: skip
COLUMN_TYPES = (
    "text", "date", "text", "text", "text", "text", "text", "text", "text",
    "text", "text", "text", "text", "text", "text", "text[]",
    "text", "text[]", "text", "text",  # the entry as JSON text: PostgreSQL parses it into jsonb
)  # fmt: skip
NEWEST_FIRST = "day DESC, time DESC, created_at DESC, seq"
OLDEST_FIRST = "day, id"
NOT_AMAN = "situation IN ('waspada', 'rawan')"
# pg_advisory_xact_lock keys: one import at a time (as the file's lock), schema changes.
IMPORT_LOCK = 0x6B6F6D736F01
BATCH = 5000

_PASSWORD_IN_URL = re.compile(r"(://[^/@:?#]*):[^@/?#]*@")
_PASSWORD_PARAM = re.compile(r"(password=)[^&\s]*", re.IGNORECASE)


def redact(address: str) -> str:
    """The address without its password (`postgresql://clerk:***@host/db`), for every message."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD_IN_URL.sub(r"\1:***@", address))


def _password(address: str) -> str | None:
    found = _PASSWORD_IN_URL.search(address)
    if found:
        return found.group(0).split(":", 2)[-1].rstrip("@") or None
    param = _PASSWORD_PARAM.search(address)
    return param.group(0).split("=", 1)[1] if param else None


def _loads(value: Entry | str | bytes) -> Entry:
    """An entry as read from the hub (jsonb, parsed by orjson: see `_connection`), in field order.

    What the hub holds was validated before it was written (`_row` and the import's COPY take an Entry),
    hence the type of `value`: a column read back, parsed or still JSON text.
    """
    if not isinstance(value, str | bytes):
        return in_field_order(value)
    import orjson

    entry: Entry = orjson.loads(value)
    return in_field_order(entry)


def _row(entry: Entry) -> tuple[object, ...]:
    import orjson

    from ..query import entry_columns

    columns = entry_columns(entry)
    return (*columns.values(), orjson.dumps(entry).decode())


class HubStore:
    """A komsos hub at a PostgreSQL address (libpq's rules: PGHOST, PGUSER, PGPASSWORD, ~/.pgpass, sslmode)."""

    def __init__(self, address: str, lock_timeout_seconds: float | None = None) -> None:
        self.address = address
        self.location = redact(address)
        self.lock_timeout = lock_timeout(lock_timeout_seconds)
        self._conn: Connection[TupleRow] | None = None

    # --- connection and errors ------------------------------------------------------------

    def _reason(self, error: BaseException) -> str:
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        text = lines[0] if lines else type(error).__name__
        secret = _password(self.address)
        return text.replace(secret, "***") if secret else text

    def _need_psycopg(self) -> None:
        """StoreError when psycopg (the `hub` extra) is not installed."""
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError(t("hub.no_psycopg", address=self.location)) from None

    def _connection(self) -> Connection[TupleRow]:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        self._need_psycopg()
        import psycopg

        timeout = None if "connect_timeout" in self.address else int(os.environ.get("KOMSOS_CONNECT_TIMEOUT", "10"))
        try:
            if timeout is None:  # the address says how long
                conn = psycopg.connect(self.address, autocommit=True, application_name="komsos")
            else:
                conn = psycopg.connect(
                    self.address, autocommit=True, application_name="komsos", connect_timeout=timeout
                )
        except psycopg.Error as error:
            raise StoreError(t("hub.unreachable", address=self.location, reason=self._reason(error))) from None
        except (ValueError, UnicodeError) as error:  # an address libpq cannot parse
            raise StoreError(t("hub.unreachable", address=self.location, reason=self._reason(error))) from None
        import orjson
        from psycopg.types.json import set_json_loads

        # jsonb is sent as text after the sort (casting it in the query costs ~10x at a million
        # rows) and parsed by orjson, not json.loads.
        set_json_loads(orjson.loads, conn)
        self._conn = conn
        try:
            migrations.prepare_hub(conn, self.location)
        except psycopg.Error as error:
            self.close()
            raise StoreError(t("hub.failed", address=self.location, reason=self._reason(error))) from None
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Connection[TupleRow]]:
        """One transaction on the hub; any database error becomes one StoreError line, the
        transaction rolled back (nothing half-written)."""
        self._need_psycopg()
        import psycopg

        conn = self._connection()
        try:
            with conn.transaction():
                if write:
                    conn.execute(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'")
                yield conn
        except psycopg.errors.LockNotAvailable:
            raise StoreLocked(t("hub.locked", address=self.location, seconds=self.lock_timeout)) from None
        except psycopg.Error as error:
            if conn.closed or conn.broken:
                self._conn = None
            raise StoreError(t("hub.failed", address=self.location, reason=self._reason(error))) from None

    def _fetch(self, sql: str, params: Iterable[object] = ()) -> list[TupleRow]:
        with self._session() as conn:
            return list(conn.execute(sql, list(params)).fetchall())

    # --- reads ------------------------------------------------------------------------------

    def find(self, prefix: str) -> Entry:
        with self._session() as conn:
            return _find(conn, prefix, lock=False)

    def select(self, criteria: Criteria) -> list[Entry]:
        sql, params = _selection(criteria)
        return [_loads(text) for (text,) in self._fetch(sql, params)]

    def stream(self, criteria: Criteria) -> Iterator[Entry]:
        """The selection through a server-side cursor, BATCH rows at a time."""
        sql, params = _selection(criteria)
        with self._session() as conn, conn.cursor(name="komsos_stream") as cursor:
            cursor.itersize = BATCH
            cursor.execute(sql, params)
            for (text,) in cursor:
                yield _loads(text)

    def existing(self, ids: Iterable[str]) -> dict[str, Entry]:
        rows = self._fetch("SELECT entry FROM komsos_entries WHERE id = ANY(%s)", [list(ids)])
        return {entry["id"]: entry for entry in (_loads(text) for (text,) in rows)}

    def count(self, criteria: Criteria) -> int:
        from ..query import criteria_sql

        where, params = criteria_sql(criteria)
        total = self._fetch(f"SELECT count(*) FROM komsos_entries WHERE {where}", params)[0][0]
        return int(total) if criteria.limit is None else min(int(total), criteria.limit)

    def count_all(self) -> int:
        return int(self._fetch("SELECT count(*) FROM komsos_entries")[0][0])

    def history(self, entry_id: str) -> list[HistoryEvent]:
        rows = self._fetch(
            "SELECT entry_id, action, at, version FROM komsos_history WHERE entry_id = %s ORDER BY seq",
            [entry_id],
        )
        events: list[HistoryEvent] = [
            {"entry_id": entry, "action": action, "at": at, "version": _loads(version)}
            for entry, action, at, version in rows
        ]
        return events

    def deletions(self) -> dict[str, str]:
        rows = self._fetch("SELECT entry_id, max(at) FROM komsos_history WHERE action = 'deleted' GROUP BY entry_id")
        return {entry_id: at for entry_id, at in rows}

    def tally(self, criteria: Criteria, details: int | None = None) -> Tally:
        """The summary's counts in one statement of three GROUP BYs read from the narrow
        `komsos_entries_counted` index (kind, village, Koramil, situation and Babinsa together,
        as they go together: ~10,000 groups at a million entries; the days; the topic lists),
        rolled up here; then the few entries shown whole."""
        from ..query import criteria_sql
        from ..summary import Tally

        where, params = criteria_sql(criteria)
        tally = Tally()
        statement = (
            "SELECT 1, kind, village, koramil, situation, babinsa, NULL::text[], count(*),"
            " count(*) FILTER (WHERE follow_status = 'open')"
            f" FROM komsos_entries WHERE {where} GROUP BY kind, village, koramil, situation, babinsa"
            " UNION ALL SELECT 2, day::text, NULL, NULL, NULL, NULL::text[], NULL::text[], count(*), 0"
            f" FROM komsos_entries WHERE {where} GROUP BY day"
            " UNION ALL SELECT 3, NULL, NULL, NULL, NULL, NULL::text[], topics, count(*), 0"
            f" FROM komsos_entries WHERE {where} GROUP BY topics"
        )
        with self._session() as conn:
            conn.execute("SET LOCAL work_mem = '64MB'")  # the groups hash in memory, not sorted on disk
            for part, first, village, koramil, situation, people, topics, count, open_count in conn.execute(
                statement, params * 3
            ):
                if part == 1:
                    tally.kinds[first] += count
                    tally.villages[village] += count
                    tally.koramil[koramil] += count
                    tally.situations[situation] += count
                    for person in people:
                        tally.babinsa[person] += count
                    tally.open_count += open_count
                elif part == 2:
                    tally.days[first] += count
                else:
                    for topic in topics:
                        tally.topics[topic] += count
            tally.not_aman = tally.situations["waspada"] + tally.situations["rawan"]
            limit = "" if details is None else f" LIMIT {int(details)}"
            concerns = conn.execute(
                f"SELECT entry FROM komsos_entries WHERE {where} AND {NOT_AMAN} ORDER BY day DESC, id DESC{limit}",
                params,
            ).fetchall()
            tally.concern_entries = [_loads(text) for (text,) in reversed(concerns)]
            opened = conn.execute(
                f"SELECT entry FROM komsos_entries WHERE {where} AND follow_status = 'open'"
                f" ORDER BY {OLDEST_FIRST}{limit}",
                params,
            ).fetchall()
            tally.open_entries = [_loads(text) for (text,) in opened]
        return tally

    def coverage(self, criteria: Criteria, by: str | None = None) -> CoverageTally:
        from ..query import criteria_sql
        from ..summary import CoverageTally

        where, params = criteria_sql(criteria)
        where += " AND village IS NOT NULL AND village <> ''"
        if by == "babinsa":
            source = (
                "komsos_entries, unnest(CASE WHEN cardinality(babinsa) = 0 THEN ARRAY['']::text[] ELSE babinsa END) g"
            )
            group = "g"
        elif by == "koramil":
            source, group = "komsos_entries", "coalesce(koramil, '')"
        else:
            source, group = "komsos_entries", "''"
        tally = CoverageTally()
        with self._session() as conn:
            for name, village, kind, count, last in conn.execute(
                f"SELECT {group}, village, kind, count(*), max(day) FROM {source} WHERE {where} GROUP BY 1, 2, 3",
                params,
            ):
                tally.visits[(name, village, kind)] = (int(count), last.isoformat())
            for village, count in conn.execute(
                f"SELECT village, count(*) FROM komsos_entries WHERE {where} GROUP BY village", params
            ):
                tally.villages[village] += int(count)
        return tally

    def open_follow_ups(self, criteria: Criteria) -> list[Entry]:
        from ..query import criteria_sql

        where, params = criteria_sql(criteria)
        limit = "" if criteria.limit is None else f" LIMIT {int(criteria.limit)}"
        rows = self._fetch(
            f"SELECT entry FROM komsos_entries WHERE {where} AND follow_status = 'open' ORDER BY {OLDEST_FIRST}{limit}",
            params,
        )
        return [_loads(text) for (text,) in rows]

    # --- the profile: the person's own, not the hub's -----------------------------------------

    def profile(self) -> Profile:
        return self.profile_store().profile()

    def profile_store(self) -> FileStore:
        from . import local_store

        return local_store()

    # --- writes -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[HubTransaction]:
        with self._session(write=True) as conn:
            yield HubTransaction(conn)

    def expect_merge(self) -> None:
        """Nothing to prepare: the merge streams into PostgreSQL and holds no entry."""

    def merge(self, entries: Iterable[Entry], *, dry_run: bool = False) -> MergeCounts:
        """Import's merge inside PostgreSQL: the entries are copied to a staging table as they
        are read (a stream: none is held), then classified and applied by id in SQL, in one
        transaction under the import lock. A dry run rolls it back."""
        rollback = _DryRun()
        try:
            with self._session(write=True) as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
                counts = _merge_staged(conn, entries, dry_run)
                if dry_run:
                    rollback.counts = counts
                    raise rollback
        except _DryRun:
            assert rollback.counts is not None
            return rollback.counts
        return counts

    # --- doctor -------------------------------------------------------------------------------

    def check(self) -> list[tuple[str, str, str]]:
        """What doctor says of the hub: (level, code, message) lines."""
        found: list[tuple[str, str, str]] = []
        with self._session() as conn:
            server = _one_row(conn, "SHOW server_version")[0]
            found.append(("ok", "connect", t("doctor.hub.ok", address=self.location, server=f"PostgreSQL {server}")))
            version = migrations.hub_version(conn)
            found.append(("ok", "schema", t("doctor.hub.schema", version=version)))
            present = {
                name
                for (name,) in conn.execute(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    " AND tablename IN ('komsos_entries', 'komsos_history')"
                )
            }
            missing = [name for name in migrations.HUB_INDEXES if name not in present]
            for name in missing:
                found.append(("warning", "indexes", t("doctor.hub.index_missing", name=name)))
            if not missing:
                found.append(
                    (
                        "ok",
                        "indexes",
                        tn("doctor.hub.indexes", len(migrations.HUB_INDEXES), count=len(migrations.HUB_INDEXES)),
                    )
                )
            entries = _one_row(conn, "SELECT count(*) FROM komsos_entries")[0]
            history, deleted = _one_row(
                conn, "SELECT count(*), count(*) FILTER (WHERE action = 'deleted') FROM komsos_history"
            )
            counts = t(
                "doctor.hub.counts",
                entries=tn("doctor.hub.entries", entries, count=entries),
                history=tn("doctor.hub.versions", history, count=history),
                deleted=tn("doctor.hub.deletions", deleted, count=deleted),
            )
            found.append(("ok", "counts", counts))
        return found


class _DryRun(Exception):
    """Raised inside a dry run's transaction so that it rolls back."""

    counts: MergeCounts | None = None


def _one_row(conn: Connection[TupleRow], sql: str) -> TupleRow:
    """The row of a statement that always gives one (SHOW, an aggregate without GROUP BY)."""
    row = conn.execute(sql).fetchone()
    assert row is not None, sql
    return row


def _selection(criteria: Criteria) -> tuple[str, list[object]]:
    from ..query import criteria_sql

    where, params = criteria_sql(criteria)
    limit = "" if criteria.limit is None else f" LIMIT {int(criteria.limit)}"
    return f"SELECT entry FROM komsos_entries WHERE {where} ORDER BY {NEWEST_FIRST}{limit}", params


def _find(conn: Connection[TupleRow], prefix: str, *, lock: bool) -> Entry:
    """`entries.resolve_prefix` done by the hub: an exact id wins; several matches are ambiguous."""
    wanted = prefix.strip().lower()
    if not wanted:
        raise InvalidInput(t("id.empty"))
    suffix = " FOR UPDATE" if lock else ""
    exact = conn.execute(f"SELECT entry FROM komsos_entries WHERE id = %s{suffix}", [wanted]).fetchone()
    if exact:
        return _loads(exact[0])
    pattern = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id, entry, count(*) OVER () FROM komsos_entries WHERE id LIKE %s ORDER BY seq LIMIT 3",
        [pattern],
    ).fetchall()
    if not rows:
        raise NotFound(t("id.not_found", prefix=prefix))
    if len(rows) > 1:
        examples = ", ".join(row[0][:12] for row in rows)
        raise AmbiguousId(t("id.ambiguous", prefix=prefix, count=rows[0][2], examples=examples))
    if lock:
        conn.execute("SELECT 1 FROM komsos_entries WHERE id = %s FOR UPDATE", [rows[0][0]])
    return _loads(rows[0][1])


class HubTransaction:
    """Changes to the hub inside one PostgreSQL transaction; obtain with `HubStore.transaction()`."""

    def __init__(self, conn: Connection[TupleRow]) -> None:
        self._conn = conn

    def find(self, prefix: str) -> Entry:
        return _find(self._conn, prefix, lock=True)

    def add_many(self, entries: list[Entry]) -> None:
        if not entries:
            return
        _copy_rows(self._conn, "komsos_entries", (_row(entry) for entry in entries))

    def add(self, entry: Entry) -> None:
        self.add_many([entry])

    def _remember(self, ids: list[str], action: str) -> None:
        self._conn.execute(
            "INSERT INTO komsos_history (entry_id, action, at, version)"
            " SELECT id, %s, %s, entry FROM komsos_entries WHERE id = ANY(%s) ORDER BY seq",
            [action, utc_now(), ids],
        )

    def replace_many(self, entries: list[Entry]) -> None:
        if not entries:
            return
        ids = [entry["id"] for entry in entries]
        self._remember(ids, "edited")
        assignments = ", ".join(f"{name} = %s" for name in COLUMNS[1:]) + ", entry = %s::jsonb"
        with self._conn.cursor() as cursor:
            cursor.executemany(
                f"UPDATE komsos_entries SET {assignments} WHERE id = %s",
                [(*_row(entry)[1:], entry["id"]) for entry in entries],
            )
            if cursor.rowcount == 0:  # rowcount is the last statement's
                raise NotFound(t("id.not_found", prefix=entries[-1]["id"]))

    def replace(self, entry: Entry) -> None:
        self.replace_many([entry])

    def remove(self, entry_id: str) -> None:
        self._remember([entry_id], "deleted")
        deleted = self._conn.execute("DELETE FROM komsos_entries WHERE id = %s", [entry_id]).rowcount
        if not deleted:
            raise NotFound(t("id.not_found", prefix=entry_id))


def _copy_rows(
    conn: Connection[TupleRow], table: str, rows: Iterable[tuple[object, ...]], extra: tuple[str, ...] = ()
) -> int:
    """COPY rows (COLUMNS, then `entry`, then `extra` columns) into `table`; how many."""
    names = ", ".join((*COLUMNS, "entry", *extra))
    count = 0
    with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        copy.set_types([*COLUMN_TYPES, *("bigint" for _ in extra)])
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


# Rows staged and merged at a time: big enough that a statement's fixed cost is nothing, small
# enough that the next chunk is read and checked (a thread) while PostgreSQL merges this one.
MERGE_CHUNK = 20_000


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_ARRAY_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"'})


def _copy_field(value: object) -> str:
    """One value in COPY's text format: \\N for NULL; text[] as an array literal; escapes doubled."""
    if value is None:
        return "\\N"
    if isinstance(value, list):
        value = "{" + ",".join('"' + _escaped(str(item), '\\"', _ARRAY_ESCAPES) + '"' for item in value) + "}"
    return _escaped(str(value), "\\\t\n\r", _COPY_ESCAPES)


def _escaped(text: str, special: str, table: dict[int, str]) -> str:
    # str.translate looks every character up; most texts hold none of the few special ones.
    return text.translate(table) if any(char in text for char in special) else text


def copy_line(entry: Entry, order: int) -> str:
    """The entry as one line of COPY's text format: COLUMNS, the entry (JSON), its order."""
    return "\t".join(map(_copy_field, _row(entry))) + f"\t{order}\n"


def _chunks_made_aside(entries: Iterable[Entry], size: int) -> Iterator[list[str]]:
    """The COPY lines of `entries` (with their order), `size` at a time, made by a thread of their own.

    Reading, checking and keying the entries is Python's work; merging a chunk is the
    server's, during which this process only waits (without the GIL). A thread makes the
    next chunk meanwhile, so an import costs about the larger of the two, not their sum.
    An error while making them (InvalidInput for a bad row) is raised here, in order.
    """
    import queue
    import threading

    # A chunk of lines; an error raised while making them; None: there are no more.
    handoff: queue.Queue[list[str] | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def make() -> None:
        try:
            chunk: list[str] = []
            for order, entry in enumerate(entries):
                chunk.append(copy_line(entry, order))
                if len(chunk) == size:
                    handoff.put(chunk)
                    chunk = []
                    if stop.is_set():
                        return
            if chunk:
                handoff.put(chunk)
            handoff.put(None)
        except BaseException as error:  # handed to the merging thread, which raises it
            handoff.put(error)

    maker = threading.Thread(target=make, name="komsos-import-rows", daemon=True)
    maker.start()
    try:
        while True:
            item = handoff.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while maker.is_alive():  # let it finish its put, so that it ends
            with suppress(queue.Empty):
                handoff.get(timeout=0.1)


def _merge_staged(conn: Connection[TupleRow], entries: Iterable[Entry], dry_run: bool) -> MergeCounts:
    """Stage, classify, apply, a chunk at a time: plan_merge's rules (exchange.py) in SQL.

    Among several rows of one id the newest `updated_at` wins (the first of equals). A new id
    is added unless it was deleted here at or after that time; a known id is replaced by a
    strictly newer different version; the same instant with another content is a conflict.
    An id met again in a later chunk (the same entry in two files) counts once, as in
    plan_merge: a newer version replaces the one this import brought, without a history row.
    A dry run merges too; the caller rolls it back.
    """
    conn.execute(
        "CREATE TEMP TABLE komsos_incoming (LIKE komsos_entries INCLUDING DEFAULTS, ord bigint) ON COMMIT DROP"
    )
    conn.execute("ALTER TABLE komsos_incoming DROP COLUMN seq")
    conn.execute('CREATE TEMP TABLE komsos_seen (id text COLLATE "C" PRIMARY KEY) ON COMMIT DROP')
    totals: dict[str, int] = {}
    rows = 0
    names = ", ".join((*COLUMNS, "entry", "ord"))
    for chunk in _chunks_made_aside(entries, MERGE_CHUNK):
        conn.execute("TRUNCATE komsos_incoming")
        with conn.cursor() as cursor, cursor.copy(f"COPY komsos_incoming ({names}) FROM STDIN") as copy:
            copy.write("".join(chunk))
        rows += len(chunk)
        for verdict, count in _merge_chunk(conn).items():
            totals[verdict] = totals.get(verdict, 0) + count
    added, updated = totals.get("added", 0), totals.get("updated", 0)
    return MergeCounts(
        rows=rows,
        added=added,
        updated=updated,
        skipped=rows - added - updated,
        conflicts=totals.get("conflict", 0),
        deleted_here=totals.get("deleted_here", 0),
    )


# The same report (exchange.same_report): who sent a copy (`received_from`) is not part of it, nor
# an extra field (model.EXTRA_FIELDS) the incoming copy lacks: csv and xlsx do not carry them.
_UNSAID = (
    "(ARRAY['received_from'] || ARRAY(SELECT key FROM unnest(ARRAY["
    + ", ".join(f"'{key}'" for key in EXTRA_FIELDS)
    + "]) AS key WHERE NOT w.entry ? key))"
)
_SAME = f"(e.entry = w.entry OR (e.entry - {_UNSAID}) = (w.entry - {_UNSAID}))"


def _merge_chunk(conn: Connection[TupleRow]) -> dict[str, int]:
    """Merge the staged chunk (komsos_incoming); how many rows got each verdict."""
    unique = _one_row(conn, "SELECT count(*) = count(DISTINCT id) FROM komsos_incoming")[0]
    winner = "komsos_incoming"
    if not unique:
        winner = "komsos_winner"
        conn.execute("DROP TABLE IF EXISTS komsos_winner")
        conn.execute(
            "CREATE TEMP TABLE komsos_winner ON COMMIT DROP AS SELECT DISTINCT ON (i.id) i.* FROM komsos_incoming i"
            " ORDER BY i.id, i.updated_at::timestamptz DESC, i.ord"
        )
    conn.execute("DROP TABLE IF EXISTS komsos_plan")
    conn.execute(
        "CREATE TEMP TABLE komsos_plan ON COMMIT DROP AS"
        " SELECT w.id, CASE"
        f"   WHEN s.id IS NOT NULL AND {_SAME} THEN 'same'"
        "   WHEN s.id IS NOT NULL AND w.updated_at::timestamptz > e.updated_at::timestamptz THEN 'again'"
        "   WHEN s.id IS NOT NULL THEN 'older'"
        "   WHEN e.id IS NULL AND d.at IS NOT NULL AND w.updated_at::timestamptz <= d.at::timestamptz"
        "     THEN 'deleted_here'"
        "   WHEN e.id IS NULL THEN 'added'"
        f"   WHEN {_SAME} THEN 'same'"
        "   WHEN w.updated_at::timestamptz > e.updated_at::timestamptz THEN 'updated'"
        "   WHEN w.updated_at::timestamptz = e.updated_at::timestamptz THEN 'conflict'"
        "   ELSE 'older' END AS verdict"
        f" FROM {winner} w"
        " LEFT JOIN komsos_entries e ON e.id = w.id"
        " LEFT JOIN komsos_seen s ON s.id = w.id"
        " LEFT JOIN (SELECT entry_id, max(at) AS at FROM komsos_history"
        f"   WHERE action = 'deleted' AND entry_id IN (SELECT id FROM {winner}) GROUP BY entry_id) d"
        "   ON d.entry_id = w.id"
    )
    verdicts = {verdict: int(count) for verdict, count in conn.execute(
        "SELECT verdict, count(*) FROM komsos_plan GROUP BY verdict"
    ).fetchall()}  # fmt: skip
    if verdicts.get("updated"):
        conn.execute(
            "INSERT INTO komsos_history (entry_id, action, at, version)"
            " SELECT e.id, 'edited', %s, e.entry FROM komsos_entries e"
            " JOIN komsos_plan p ON p.id = e.id AND p.verdict = 'updated' ORDER BY e.seq",
            [utc_now()],
        )
    if verdicts.get("updated") or verdicts.get("again"):
        assignments = ", ".join(f"{name} = w.{name}" for name in (*COLUMNS[1:], "entry"))
        conn.execute(
            f"UPDATE komsos_entries e SET {assignments} FROM {winner} w"
            " JOIN komsos_plan p ON p.id = w.id AND p.verdict IN ('updated', 'again') WHERE e.id = w.id"
        )
    if verdicts.get("added"):
        # In the order of the files: `seq` breaks ties in `list` as the file store's order does.
        names = ", ".join((*COLUMNS, "entry"))
        conn.execute(
            f"INSERT INTO komsos_entries ({names}) SELECT {', '.join('w.' + n for n in (*COLUMNS, 'entry'))}"
            f" FROM {winner} w JOIN komsos_plan p ON p.id = w.id AND p.verdict = 'added' ORDER BY w.ord"
        )
    conn.execute("INSERT INTO komsos_seen SELECT id FROM komsos_plan WHERE verdict IN ('added', 'updated')")
    return verdicts


__all__ = ["HubStore", "HubTransaction", "redact"]
