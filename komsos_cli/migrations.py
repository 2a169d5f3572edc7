"""Schema migrations: an older store is brought up to date when it is opened.

`MIGRATIONS[n]` turns the tables of a version-n store into version n+1. Version 1 is
the first schema, so there is no step yet; the mechanism is tested with a made-up
step (tests/test_reliability.py). The write that follows a migration first keeps the
old file aside as `.komsos.json.backups/komsos.json.schema-vN` (see store.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import StoreError
from .messages import t

Tables = dict[str, Any]
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def upgrade(tables: Tables, found: int, target: int, path: Path) -> Tables:
    """The tables migrated from version `found` to `target`; `_meta` remembers where they came from."""
    version = found
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(t("store.unreadable", path=path, reason=f"no migration from schema version {version}"))
        tables = step(tables)
        version += 1
    meta = next(iter(tables["_meta"].values()))
    meta["schema_version"] = target
    meta["migrated_from"] = found
    return tables
