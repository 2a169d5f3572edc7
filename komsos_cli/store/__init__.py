"""Where entries live: the `Store` interface and its two stores.

- `base.py`: the interface (`Store`, `Transaction`, `MergeCounts`, `HistoryEvent`, `Profile`) the core talks to.
- `file.py`: the TinyDB JSON file of a Babinsa's laptop (the only module importing TinyDB).
- `jsonfile.py`: that file's bytes, read in slices and written in pieces.
- `hub.py`: PostgreSQL for a Koramil, Kodim or Kodam (the only module importing psycopg).
- `files.py`: the one atomic file writer and the store's lock.
- `migrations.py`: schema versions of both stores.

`open_store(address)` picks the store from `--db` / `KOMSOS_DB`: a `postgresql://` or
`postgres://` address is a hub, anything else a file path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .base import Entry, HistoryEvent, MergeCounts, Profile, Store, Transaction

if TYPE_CHECKING:
    from .file import FileStore
    from .files import atomic_write, replace_file
    from .hub import HubStore
    from .jsonfile import ENTRIES, HISTORY, META, PROFILE, empty_store, parse_store, read_store

# Imported on first use, not with the package: `Store` (the interface, for annotations) is all most
# modules need at import time, and the file store pulls in the store's reader and the model
# (~12 ms of every start; a shell completion has 150 ms in all, docs/performance.md).
_LAZY = {
    "FileStore": "file",
    "atomic_write": "files",
    "replace_file": "files",
    **dict.fromkeys(("ENTRIES", "HISTORY", "META", "PROFILE", "empty_store", "parse_store", "read_store"), "jsonfile"),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__} has no attribute {name}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


HUB_SCHEMES = ("postgresql://", "postgres://")


def is_hub_address(address: str | os.PathLike[str] | None) -> bool:
    return isinstance(address, str) and address.strip().lower().startswith(HUB_SCHEMES)


def open_store(address: str | os.PathLike[str] | None = None, *, lock_timeout: float | None = None) -> Store:
    """The store `address` names (`--db`; None: KOMSOS_DB, else the app folder's file)."""
    from ..paths import store_address

    resolved = store_address(address)
    if isinstance(resolved, str):
        return open_hub(resolved)
    explicit = address is not None or bool(os.environ.get("KOMSOS_DB"))
    from .file import FileStore

    return FileStore(resolved, lock_timeout, explicit=explicit)


def open_hub(address: str) -> HubStore:
    from .hub import HubStore

    return HubStore(address)


def local_store() -> FileStore:
    """The user's own store file in the app folder (where a hub user's profile lives)."""
    from ..paths import STORE_NAME, app_dir
    from .file import FileStore

    return FileStore(Path(app_dir()) / STORE_NAME)


__all__ = [
    "ENTRIES",
    "HISTORY",
    "HUB_SCHEMES",
    "META",
    "PROFILE",
    "Entry",
    "FileStore",
    "HistoryEvent",
    "MergeCounts",
    "Profile",
    "Store",
    "Transaction",
    "atomic_write",
    "empty_store",
    "is_hub_address",
    "local_store",
    "open_hub",
    "open_store",
    "parse_store",
    "read_store",
    "replace_file",
]
