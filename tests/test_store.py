"""The store's promises: atomic, locked, private, versioned, and never overwriting what it cannot read."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from komsos_cli.errors import StoreError, StoreLocked
from komsos_cli.model import SCHEMA_VERSION, Entry, validate_entry
from komsos_cli.store import FileStore as Store


def make_entry(village: str = "Kemiri") -> Entry:
    return validate_entry(
        {"date": "2025-01-17", "babinsa": ["Serda Nursalim"], "village": village, "summary": "Komsos"}
    )


def test_missing_store_reads_empty_and_is_created_on_first_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "a" / "b" / "komsos.json")
    assert store.entries() == []
    assert not store.path.exists()
    entry = make_entry()
    with store.transaction() as tx:
        tx.add(entry)
    assert [e["id"] for e in Store(store.path).entries()] == [entry["id"]]


def test_file_records_schema_version_and_is_tinydb_tables(tmp_path: Path) -> None:
    store = Store(tmp_path / "komsos.json")
    with store.transaction() as tx:
        tx.add(make_entry())
    data = json.loads(store.path.read_text("utf-8"))
    assert data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert list(data["entries"]) == ["1"]


def test_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = Store(tmp_path / "new-folder" / "komsos.json")
        with store.transaction() as tx:
            tx.add(make_entry())
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"_meta": {"1": {"schema_version": 1}}, "entries": {"1": {"id"', "not valid JSON"),
        (b"\x00\x01\x02binary", "not valid JSON"),
        (b"[1, 2, 3]", "not a komsos store"),
        (b'{"entries": {}}', "no schema version"),
    ],
)
def test_unreadable_store_is_refused_and_left_untouched(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "komsos.json"
    path.write_bytes(content)
    store = Store(path)
    with pytest.raises(StoreError, match=reason):
        store.entries()
    with pytest.raises(StoreError), store.transaction() as tx:
        tx.add(make_entry())
    assert path.read_bytes() == content


def test_newer_schema_is_refused_naming_the_version(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    content = json.dumps({"_meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "entries": {}}).encode()
    path.write_bytes(content)
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        Store(path).entries()
    assert path.read_bytes() == content


def test_error_inside_a_transaction_writes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "komsos.json")
    with store.transaction() as tx:
        tx.add(make_entry())
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.add(make_entry("Krajan"))
        raise RuntimeError("boom")
    assert store.path.read_bytes() == before


def test_no_temp_files_left_behind(tmp_path: Path) -> None:
    store = Store(tmp_path / "komsos.json")
    for village in ("Kemiri", "Krajan", "Sei Silau Tua"):
        with store.transaction() as tx:
            tx.add(make_entry(village))
    kept = ("komsos.json", "komsos.json.lock", ".komsos.json.backups")
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in kept]
    assert leftovers == []


def test_edit_and_delete_keep_history(tmp_path: Path) -> None:
    store = Store(tmp_path / "komsos.json")
    entry = make_entry()
    with store.transaction() as tx:
        tx.add(entry)
    changed: Entry = {**entry, "village": "Krajan"}
    with store.transaction() as tx:
        tx.replace(changed)
    with store.transaction() as tx:
        tx.remove(str(entry["id"]))
    fresh = Store(store.path)
    assert fresh.entries() == []
    history = fresh.history(str(entry["id"]))
    assert [h["action"] for h in history] == ["edited", "deleted"]
    assert history[0]["version"]["village"] == "Kemiri"
    assert history[1]["version"]["village"] == "Krajan"


def test_a_process_sees_changes_made_by_another_since_its_first_read(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    mine, theirs = Store(path), Store(path)
    first = make_entry()
    with mine.transaction() as tx:
        tx.add(first)
    assert len(mine.entries()) == 1  # read and kept
    with theirs.transaction() as tx:
        tx.add(make_entry("Krajan"))
    with mine.transaction() as tx:  # must not write over the other's entry
        tx.add(make_entry("Gatak"))
    assert sorted(e["village"] for e in Store(path).entries()) == ["Gatak", "Kemiri", "Krajan"]


def test_a_read_after_a_write_reuses_what_was_written_and_equals_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from komsos_cli.store import jsonfile

    path = tmp_path / "komsos.json"
    with Store(path).transaction() as tx:
        tx.add(make_entry())
    parses: list[Path] = []
    real = jsonfile.read_store

    def counted(where: Path, share: bool = False) -> jsonfile.StoreTables:
        parses.append(where)
        return real(where, share)

    monkeypatch.setattr(jsonfile, "read_store", counted)
    store = Store(path)
    with store.transaction() as tx:  # record: read, add, write ...
        tx.add(make_entry("Krajan"))
    after = store.entries()  # ... then the check for likely twins reads again
    assert len(parses) == 1  # one parse: record and import held the store twice (741 MiB at 100,000)
    assert after == Store(path).entries() and len(parses) == 2  # what a fresh read of the file gives
    assert store.tables() == real(path)


def test_lock_held_too_long_gives_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    holder = Store(path)
    waiter = Store(path, lock_timeout=0.3)
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with holder.lock():
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(5)
        started = time.monotonic()
        with pytest.raises(StoreLocked, match="locked by another komsos process"), waiter.transaction() as tx:
            tx.add(make_entry())
        assert time.monotonic() - started < 3
    finally:
        release.set()
        thread.join()
    assert not path.exists() or Store(path).entries() == []


def test_store_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path).entries()


@pytest.mark.parametrize("failing", ["tempfile.mkstemp", "pathlib.Path.mkdir"])
def test_no_room_for_the_temp_file_or_folder_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    # No inode left for the temp file, or a folder that cannot be made (read-only mount):
    # one StoreError (exit 3), not an internal error, and the store as it was.
    path = tmp_path / ("store" if failing == "tempfile.mkstemp" else "new") / "komsos.json"
    store = Store(path)
    if failing == "tempfile.mkstemp":
        with store.transaction() as tx:
            tx.add(make_entry())
    before = path.read_bytes() if path.exists() else None

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(failing, refuse)
    with pytest.raises(StoreError, match="No space left on device"), Store(path).transaction() as tx:
        tx.add(make_entry("Gatak"))
    assert (path.read_bytes() if path.exists() else None) == before


def test_the_library_never_freezes_its_callers_garbage_collector(tmp_path: Path) -> None:
    import gc

    store = Store(tmp_path / "komsos.json")
    with store.transaction() as tx:
        tx.add_many([make_entry(f"Desa {n}") for n in range(3000)])  # big enough to be read in slices
    frozen = gc.get_freeze_count()
    assert len(Store(store.path).entries()) == 3000
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_the_file_store_changes_through_tinydb_storage(tmp_path: Path) -> None:
    from tinydb import TinyDB
    from tinydb.storages import Storage

    from komsos_cli.store.file import StoreFile, storage_class

    assert issubclass(storage_class(), Storage)
    file = StoreFile(tmp_path / "komsos.json")
    # TinyDB itself, on our storage: a write outside a transaction is written at once, atomically.
    database = TinyDB(file, storage=storage_class())
    database.table("entries").insert(make_entry())
    assert [e["village"] for e in Store(file.path).entries()] == ["Kemiri"]


def test_the_keyed_table_writes_what_tinydbs_own_table_writes(tmp_path: Path) -> None:
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    from komsos_cli.store.file import database_class

    ours, theirs = database_class()(storage=MemoryStorage), TinyDB(storage=MemoryStorage)
    for database in (ours, theirs):
        table = database.table("entries")
        table.insert_multiple([{"id": "a"}, {"id": "b"}, {"id": "c"}])
        table.remove(doc_ids=[2])
        table.insert({"id": "d"})
        table.update(lambda document: document.update(id="A"), doc_ids=[1, 9])
        table.update({"x": 1}, doc_ids=[3])
    ours_read, theirs_read = ours.storage.read(), theirs.storage.read()
    assert ours_read is not None and ours_read == theirs_read
    assert theirs_read is not None and list(ours_read["entries"]) == list(theirs_read["entries"])
