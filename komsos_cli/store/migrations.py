"""Schema migrations: an older store is brought up to date when it is opened.

`MIGRATIONS[n]` turns the tables of a version-n store into version n+1. Version 1 is
the first schema, so there is no step yet; the mechanism is tested with a made-up
step (tests/test_reliability.py). The write that follows a migration first keeps the
old file aside as `.komsos.json.backups/komsos.json.schema-vN` (see store.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..messages import t

if TYPE_CHECKING:
    from .hub import HubConnection

# A store file's tables in any schema version, TinyDB's layout: table name -> document id -> document.
Tables = dict[str, dict[str, dict[str, object]]]
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def upgrade(tables: Tables, found: int, target: int, path: Path) -> Tables:
    """The tables migrated from version `found` to `target`; `_meta` remembers where they came from."""
    version = found
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(t("store.unreadable", path=path, reason=t("store.reason.no_migration", version=version)))
        tables = step(tables)
        version += 1
    meta = next(iter(tables["_meta"].values()))
    meta["schema_version"] = target
    meta["migrated_from"] = found
    return tables


# --- the hub (PostgreSQL) ----------------------------------------------------------------------

# The hub's schema version; `HUB_MIGRATIONS[n]` is the SQL that turns version n into n+1.
HUB_SCHEMA_VERSION = 1
# The version of the keys in the indexed columns (names.fold, village_key, area_key): when
# those functions change, the next komsos to open the hub computes the columns again.
HUB_KEYS_VERSION = 1
HUB_MIGRATIONS: dict[int, list[str]] = {}

HUB_TABLES = (
    "CREATE TABLE komsos_meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE komsos_entries (
        id text COLLATE "C" PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        day date NOT NULL,
        time text COLLATE "C" NOT NULL DEFAULT '',
        created_at text COLLATE "C" NOT NULL DEFAULT '',
        updated_at text COLLATE "C" NOT NULL,
        kind text NOT NULL,
        village text,
        village_key text COLLATE "C" NOT NULL,
        kecamatan_key text COLLATE "C" NOT NULL,
        kabupaten_key text COLLATE "C" NOT NULL,
        koramil text,
        koramil_fold text COLLATE "C" NOT NULL,
        kodim text,
        situation text,
        follow_status text,
        babinsa text[] NOT NULL,
        babinsa_fold text COLLATE "C" NOT NULL,
        topics text[] NOT NULL,
        search_fold text COLLATE "C" NOT NULL,
        entry jsonb NOT NULL
    )""",
    """CREATE TABLE komsos_history (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id text COLLATE "C" NOT NULL,
        action text NOT NULL,
        at text COLLATE "C" NOT NULL,
        version jsonb NOT NULL
    )""",
)
# name -> definition; doctor checks each is there.
HUB_INDEX_DEFINITIONS = {
    "komsos_entries_newest": "ON komsos_entries (day DESC, time DESC, created_at DESC, seq)",
    # What summary and villages count, beside the day: they read this narrow index alone (an
    # index-only scan, ~0.15 GB at a million entries) instead of the rows with their jsonb (~2 GB).
    "komsos_entries_counted": (
        "ON komsos_entries (day) INCLUDE (kind, village, koramil, situation, follow_status, topics, babinsa)"
    ),
    "komsos_entries_village": "ON komsos_entries (village_key, day)",
    "komsos_entries_kecamatan": "ON komsos_entries (kecamatan_key, day)",
    "komsos_entries_kabupaten": "ON komsos_entries (kabupaten_key, day)",
    "komsos_entries_koramil": "ON komsos_entries (koramil_fold, day)",
    "komsos_entries_kodim": "ON komsos_entries (kodim, day)",
    "komsos_entries_kind": "ON komsos_entries (kind, day)",
    "komsos_entries_not_aman": "ON komsos_entries (day, id) WHERE situation IN ('waspada', 'rawan')",
    "komsos_entries_open": "ON komsos_entries (day, id) WHERE follow_status = 'open'",
    "komsos_entries_seq": "ON komsos_entries (seq)",
    "komsos_history_entry": "ON komsos_history (entry_id, seq)",
    "komsos_history_deleted": "ON komsos_history (entry_id) WHERE action = 'deleted'",
}
HUB_INDEXES = tuple(HUB_INDEX_DEFINITIONS)
_SCHEMA_LOCK = 0x6B6F6D736F02


def hub_version(conn: HubConnection) -> int | None:
    """The hub's schema version; None when it has no komsos tables yet."""
    exists = conn.execute("SELECT to_regclass('komsos_meta') IS NOT NULL").fetchone()
    if not (exists and exists[0]):
        return None
    row = conn.execute("SELECT value FROM komsos_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _keys_version(conn: HubConnection) -> int:
    row = conn.execute("SELECT value FROM komsos_meta WHERE key = 'keys_version'").fetchone()
    return int(row[0]) if row else 0


def prepare_hub(conn: HubConnection, address: str) -> None:
    """Make the tables on first use; migrate an older hub; refuse a newer one. One schema
    change at a time (an advisory lock), each in its own transaction."""
    version = hub_version(conn)
    if version == HUB_SCHEMA_VERSION and _keys_version(conn) == HUB_KEYS_VERSION:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEMA_LOCK])
        version = hub_version(conn)  # another komsos may have made them meanwhile
        if version is None:
            for name in ("komsos_entries", "komsos_history"):
                taken = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [name]).fetchone()
                if taken and taken[0]:
                    raise StoreError(t("hub.not_komsos", address=address, table=name))
            for statement in HUB_TABLES:
                conn.execute(statement)
            for name, definition in HUB_INDEX_DEFINITIONS.items():
                conn.execute(f"CREATE INDEX {name} {definition}")
            conn.execute(
                "INSERT INTO komsos_meta VALUES ('schema_version', %s), ('keys_version', %s), ('app', 'komsos')",
                [str(HUB_SCHEMA_VERSION), str(HUB_KEYS_VERSION)],
            )
            return
        if version > HUB_SCHEMA_VERSION:
            raise StoreError(t("hub.newer", address=address, found=version, supported=HUB_SCHEMA_VERSION))
        while version < HUB_SCHEMA_VERSION:
            steps = HUB_MIGRATIONS.get(version)
            if steps is None:
                raise StoreError(t("hub.newer", address=address, found=version, supported=HUB_SCHEMA_VERSION))
            for statement in steps:
                conn.execute(statement)
            version += 1
        conn.execute("UPDATE komsos_meta SET value = %s WHERE key = 'schema_version'", [str(version)])
        for name, definition in HUB_INDEX_DEFINITIONS.items():
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")
        if _keys_version(conn) != HUB_KEYS_VERSION:
            rekey(conn)


def rekey(conn: HubConnection) -> None:
    """Compute every entry's indexed columns again (the key functions changed)."""
    import orjson

    from ..query import entry_columns
    from .hub import COLUMNS  # entry_columns' keys, in order

    names = [name for name in COLUMNS if name != "id"]
    assignments = ", ".join(f"{name} = %s" for name in names)  # every indexed column but the id
    rows = conn.execute("SELECT entry::text FROM komsos_entries").fetchall()
    with conn.cursor() as cursor:
        cursor.executemany(
            f"UPDATE komsos_entries SET {assignments} WHERE id = %s",
            [
                (*list(entry_columns(entry).values())[1:], entry["id"])
                for entry in (orjson.loads(text) for (text,) in rows)
            ],
        )
    conn.execute(
        "INSERT INTO komsos_meta VALUES ('keys_version', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [str(HUB_KEYS_VERSION)],
    )
