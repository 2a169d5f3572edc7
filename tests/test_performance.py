"""What the speed work in store.py must keep: the lock, TinyDB's ids, history, and the generator's data."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from filelock import FileLock

from komsos_cli.errors import StoreLocked
from komsos_cli.store import ENTRIES, HISTORY, parse_store
from komsos_cli.store import FileStore as Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Run

    from komsos_cli.model import Entry


def test_our_flock_and_filelock_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    store = Store(path, lock_timeout=0.2)
    with FileLock(str(path) + ".lock", timeout=1):
        started = time.monotonic()
        with pytest.raises(StoreLocked), store.lock():
            pass
        assert time.monotonic() - started < 2
    with store.lock(), pytest.raises(TimeoutError):
        FileLock(str(path) + ".lock", timeout=0.2).acquire()
    with FileLock(str(path) + ".lock", timeout=1):
        pass  # released: free again


def test_lock_waits_for_a_short_holder(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    holder, waiter = Store(path), Store(path, lock_timeout=5)
    held = threading.Event()

    def hold() -> None:
        with holder.lock():
            held.set()
            time.sleep(0.3)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(5)
    with waiter.transaction() as tx:
        tx.add(generate.entries(1)[0])
    thread.join()
    assert len(Store(path).entries()) == 1


def test_added_entries_get_tinydb_ids_and_tinydb_keeps_counting(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    items = generate.entries(6)
    store = Store(path)
    with store.transaction() as tx:
        tx.add_many(items[:3])
    with store.transaction() as tx:
        tx.remove(items[2]["id"])  # TinyDB does the remove
        tx.add(items[3])  # the largest id + 1, as TinyDB counts in a new process: 3 again
        assert tx.contains(items[3]["id"])
        tx.set_profile({"nrp": "123"})
    with store.transaction() as tx:
        tx.remove(items[0]["id"])
        tx.add_many(items[4:])
    tables = parse_store(path.read_bytes(), path)
    assert sorted(tables[ENTRIES], key=int) == ["2", "3", "4", "5"]
    assert [e["id"] for e in tables[ENTRIES].values()] == [items[i]["id"] for i in (1, 3, 4, 5)]
    assert [h["action"] for h in tables[HISTORY].values()] == ["deleted", "deleted"]


def test_replacing_many_keeps_each_old_version_in_history(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    items = generate.entries(200)
    store = Store(path)
    with store.transaction() as tx:
        tx.add_many(items)
    changed: list[Entry] = [{**item, "situation": "rawan"} for item in items[:150]]
    with store.transaction() as tx:
        tx.replace_many(changed)
    assert sum(e["situation"] == "rawan" for e in store.entries()) >= 150
    history = store.tables()[HISTORY]
    assert len(history) == 150
    assert {h["entry_id"] for h in history.values()} == {item["id"] for item in items[:150]}
    assert all(h["version"]["situation"] == item["situation"] for h, item in zip(history.values(), items, strict=False))


def test_generated_store_is_a_valid_store_of_realistic_entries(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    items = generate.write_store(path, 300)
    tables = parse_store(path.read_bytes(), path)
    assert list(tables[ENTRIES]) == [str(n) for n in range(1, 301)]
    assert len({e["village"] for e in items}) > 150
    assert any(e["village"] == generate.TARGET_VILLAGE for e in items)
    assert len({e["date"][:4] for e in items}) >= 4
    assert all(250 <= len(e["summary"]) <= 310 for e in items)
    assert generate.entries(300) == items  # deterministic
    assert path.stat().st_mode & 0o777 == 0o600


def test_list_table_is_one_plain_line_per_entry(run: Run, record: Callable[..., str]) -> None:
    first = record(summary="Komsos dengan warga " * 10)
    second = record(summary="Warga 日本語 mengeluh\tjalan rusak")
    result = run("list", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "Tanggal", "Kegiatan", "Desa", "Babinsa", "Situasi", "Ringkasan"]
    assert {line[:8] for line in lines[1:]} == {first[:8], second[:8]}
    assert all(len(line) <= 100 for line in lines)
    assert "…" in result.stdout  # the long summary is cut, not wrapped
    assert "\x1b" not in result.stdout  # no colour off a terminal
