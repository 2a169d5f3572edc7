"""Nothing is lost: crashes, failed writes, damage, concurrency and hostile input, measured.

The figures these tests print (run with -s) are the ones in docs/reliability.md.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import crashloop
import pytest

from komsos_cli import backups
from komsos_cli.errors import StoreError
from komsos_cli.model import Entry, validate_entry
from komsos_cli.store import FileStore as Store

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Run


BIN = Path(sys.executable).parent / "komsos"


def make_entry(summary: str = "Komsos") -> Entry:
    return validate_entry(
        {"date": "2025-01-17", "babinsa": ["Serda Nursalim"], "village": "Kemiri", "summary": summary}
    )


def filled_store(path: Path, count: int = 5) -> Store:
    store = Store(path)
    for i in range(count):
        with store.transaction() as tx:
            tx.add(make_entry(f"laporan {i}"))
    return store


# --- crash loop -------------------------------------------------------------------------


@pytest.mark.slow
def test_crash_loop_sigkill_loses_nothing(tmp_path: Path) -> None:
    kills = int(os.environ.get("KOMSOS_CRASH_KILLS", "300"))
    figures = crashloop.run(tmp_path, kills=kills, seed=20261123)
    print("\ncrash loop:", json.dumps({k: v for k, v in figures.__dict__.items() if k != "problems"}))
    assert figures.problems == []
    assert figures.kills == kills
    assert figures.corrupt_stores == 0
    assert figures.lost_changes == 0
    assert figures.resurrected_deletes == 0
    assert figures.acknowledged_changes > kills  # the child really worked between kills


@pytest.mark.slow
def test_crash_loop_on_a_big_store_loses_nothing(tmp_path: Path) -> None:
    """The same loop on 3,000 entries: every write goes through the big-store paths (sliced read, pieces written)."""
    kills = int(os.environ.get("KOMSOS_CRASH_KILLS_BIG", "40"))
    figures = crashloop.run(tmp_path, kills=kills, seed=20261201, max_delay=0.9, seed_entries=3000)
    print("\ncrash loop, 3,000 entries:", json.dumps({k: v for k, v in figures.__dict__.items() if k != "problems"}))
    assert figures.problems == []
    assert figures.kills == kills
    assert figures.corrupt_stores == 0 and figures.lost_changes == 0 and figures.resurrected_deletes == 0
    assert figures.acknowledged_changes > kills  # the child really wrote between kills
    assert figures.final_entries > 2900


@pytest.mark.slow
def test_crash_loop_catches_in_place_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: with TinyDB-style in-place writes it finds a corrupt store."""
    monkeypatch.setenv("KOMSOS_CRASH_UNSAFE_WRITES", "1")
    figures = crashloop.run(tmp_path, kills=60, seed=7)
    assert figures.corrupt_stores + figures.lost_changes > 0


# --- fault injection ----------------------------------------------------------------------


class FailingFile:
    def __init__(self, real: Any) -> None:
        self.real = real

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_write_failing_at_any_step_leaves_the_old_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    store = filled_store(tmp_path / "komsos.json")
    before = store.path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EIO, f"injected {step} failure")

    if step == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: FailingFile(real_fdopen(fd, mode)))
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreError, match="previous file is unchanged"), Store(store.path).transaction() as tx:
        tx.add(make_entry("never stored"))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(Store(store.path).entries()) == 5


# --- backups, damage and restore ------------------------------------------------------------


def test_every_write_keeps_the_previous_file_generations_deep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMSOS_BACKUPS", "3")
    store = Store(tmp_path / "komsos.json")
    versions = []
    for i in range(5):
        with store.transaction() as tx:
            tx.add(make_entry(f"laporan {i}"))
        versions.append(store.path.read_bytes())
    found = backups.list_backups(store.path)
    assert [b.generation for b in found] == [1, 2, 3]
    assert [b.path.read_bytes() for b in found] == [versions[3], versions[2], versions[1]]
    for backup in found:
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.backup_dir(store.path).stat().st_mode) == 0o700


def damaged_versions(good: bytes, rng: random.Random) -> list[bytes]:
    cuts = sorted({0, 1, len(good) // 2, len(good) - 1, *rng.sample(range(2, len(good) - 1), 25)})
    damaged = [good[:cut] for cut in cuts]
    for _ in range(25):
        data = bytearray(good)
        for position in rng.sample(range(len(data)), 3):
            data[position] = 0xFF  # never valid UTF-8
        damaged.append(bytes(data))
    return damaged


def cli(*args: str, db: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "COLUMNS": "160"})
    return subprocess.run([str(BIN), *args], env=env, input=input, capture_output=True, text=True, timeout=120)


@pytest.mark.slow  # every command through the installed komsos: a long proof
def test_damaged_store_is_refused_by_every_command_and_doctor_restores(run: Run, db: Path) -> None:
    store = filled_store(db, 4)
    good = db.read_bytes()
    with store.transaction() as tx:
        tx.add(make_entry("the last one"))
    latest = db.read_bytes()
    rng = random.Random(5)
    tried = 0
    for damaged in damaged_versions(latest, rng):
        db.write_bytes(damaged)
        for args in (["list"], ["record", "-b", "Serda X", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"]):
            result = run(*args)
            assert result.exit_code == 3, (args, result.stderr)
            assert "komsos doctor" in result.stderr
            assert db.read_bytes() == damaged
        checked = run("doctor")
        assert checked.exit_code == 3
        assert "doctor --restore" in checked.stderr
        tried += 1
    print(f"\ndamage: {tried} damaged stores refused by list, record and doctor, none written")
    restored = run("doctor", "--restore", "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert db.read_bytes() == good  # backup 1: the file before the last write
    assert run("doctor").exit_code == 0
    kept = [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_restore_shows_what_changes_and_asks(run: Run, db: Path) -> None:
    store = filled_store(db, 2)
    with store.transaction() as tx:
        tx.add(make_entry("newest"))
    refused = run("doctor", "--restore")
    assert refused.exit_code == 2
    assert "--yes" in refused.stderr
    assert "1 entry in the current store is not in the backup" in refused.stderr
    said_no = run("doctor", "--restore", input="n\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert said_no.exit_code == 1
    assert len(Store(db).entries()) == 3


def test_doctor_reports_problems(run: Run, db: Path) -> None:
    store = filled_store(db, 2)
    os.chmod(db, 0o644)
    report = run.json("doctor")
    assert report["healthy"] is True
    assert report["entries"] == 2
    assert any(f["code"] == "permissions" and f["level"] == "warning" for f in report["findings"])
    tables = json.loads(db.read_text("utf-8"))
    first = next(iter(tables["entries"].values()))
    tables["entries"]["99"] = dict(first)  # duplicate id
    tables["entries"]["100"] = {**first, "id": "0f8f3c1e-6b0a-4c86-9d2e-2b1f4b6f2a11", "kind": "rapat"}
    db.write_text(json.dumps(tables), "utf-8")
    result = run("doctor", "--json")
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    codes = {f["code"]: f["level"] for f in report["findings"]}
    assert codes["ids"] == "error" and codes["entries"] == "error"
    assert store.path == db


def test_doctor_finds_nothing_wrong_in_what_komsos_writes(run: Run, db: Path) -> None:
    """No false alarm: entries with every kind of field, edited, with a follow-up closed."""
    from komsos_cli import entries

    store = Store(db)
    first = entries.record(
        store,
        {
            "babinsa": [{"rank": "Serda", "name": "Nursalim"}, {"rank": "Kopda", "name": "Ali"}],
            "village": "Kemiri",
            "summary": "Komsos\ndua baris",
            "date": "2025-01-17",
            "time": "09:30",
            "situation": "waspada",
            "counterparts": ["Kades Kemiri"],
            "topics": ["Banjir"],
            "findings": ["tanggul retak"],
            "follow_up": "lapor Danramil",
        },
    )
    entries.edit(store, first["id"], {"follow_up": {"action": "lapor", "status": "done", "resolved_on": "2025-01-20"}})
    entries.record(
        store,
        {"babinsa": [{"rank": "Serda", "name": "Nursalim"}], "village": "Kemiri", "summary": "x", "date": "2025-01-18"},
    )
    report = run.json("doctor")
    assert report["healthy"] is True, report["findings"]
    assert {f["code"]: f["level"] for f in report["findings"]}["entries"] == "ok"


DELETE = object()


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", None), ("id", DELETE), ("kind", []), ("kind", DELETE), ("situation", {}), ("follow_up", "lapor")],
    ids=["id null", "id missing", "kind list", "kind missing", "situation object", "follow-up text"],
)
def test_doctor_finds_entries_stored_in_a_shape_komsos_never_writes(
    run: Run, db: Path, field: str, value: object
) -> None:
    """validate_entry would accept these (it fills in and converts what people type); commands trusting them fail."""
    filled_store(db, 2)
    tables = json.loads(db.read_text("utf-8"))
    entry = next(iter(tables["entries"].values()))
    if value is DELETE:
        del entry[field]
    else:
        entry[field] = value
    db.write_text(json.dumps(tables), "utf-8")
    damaged = db.read_bytes()
    result = run("doctor", "--json")
    assert result.exit_code == 3, result.stdout
    findings = {f["code"]: f for f in json.loads(result.stdout)["findings"]}
    assert findings["entries"]["level"] == "error"
    assert field in findings["entries"]["message"]
    assert db.read_bytes() == damaged


def store_with_backups(db: Path, count: int = 3) -> Store:
    store = filled_store(db, count)
    assert len(backups.list_backups(db)) == count - 1
    return store


def test_a_newer_schema_is_not_called_damage_and_no_backup_is_restored_over_it(run: Run, db: Path) -> None:
    store_with_backups(db)
    tables = json.loads(db.read_text("utf-8"))
    tables["_meta"]["1"]["schema_version"] = 7
    db.write_text(json.dumps(tables), "utf-8")
    newer = db.read_bytes()
    checked = run("doctor")
    assert checked.exit_code == 3
    assert "version 7" in checked.stdout
    assert "update komsos" in checked.stderr
    assert "--restore" not in checked.stderr.replace("do not restore", "")
    assert run("doctor", "--json").stdout.count('"newer_schema": true') == 1
    restored = run("doctor", "--restore", "--yes")
    assert restored.exit_code == 3
    assert len(restored.stderr.strip().splitlines()) == 1, restored.stderr
    assert "schema version 7" in restored.stderr and "update komsos" in restored.stderr
    assert db.read_bytes() == newer
    assert not [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]


def test_failed_writes_do_not_push_older_backups_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk: every retry used to shift the backups, till all were copies of the current file."""
    store = filled_store(tmp_path / "komsos.json", 5)
    before = [b.path.read_bytes() for b in backups.list_backups(store.path)]
    assert len(before) == 4 and len(set(before)) == 4
    current = store.path.read_bytes()

    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FailingFile(real_fdopen(fd, mode)))
    for attempt in range(3):
        with pytest.raises(StoreError, match="No space left"), Store(store.path).transaction() as tx:
            tx.add(make_entry(f"attempt {attempt}"))
    monkeypatch.undo()
    after = [b.path.read_bytes() for b in backups.list_backups(store.path)]
    assert store.path.read_bytes() == current
    assert after[0] == current  # the first failure kept the current file as backup 1 ...
    assert after[1:] == before[:3] or after[1:] == before  # ... and nothing older was lost to the retries
    assert len(set(after)) == len(after)


def test_restore_skips_a_backup_that_is_the_current_file(run: Run, db: Path) -> None:
    store_with_backups(db, 3)
    current = db.read_bytes()
    previous = backups.backup_path(db, 1).read_bytes()
    # Backup 1 a copy of the current file, as a write that failed after rotating left it.
    os.replace(backups.backup_path(db, 2), backups.backup_path(db, 3))
    os.replace(backups.backup_path(db, 1), backups.backup_path(db, 2))
    backups.backup_path(db, 1).write_bytes(current)
    restored = run("doctor", "--restore", "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert "restore backup 2" in restored.stderr
    assert db.read_bytes() == previous
    for backup in backups.list_backups(db):
        backup.path.write_bytes(db.read_bytes())
    same = run("doctor", "--restore", "--yes")
    assert same.exit_code == 1
    assert len(same.stderr.strip().splitlines()) == 1 and "same as the current store" in same.stderr


def test_doctor_speaks_indonesian_and_names_what_blocks_backups(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_with_backups(db, 2)
    checked = run("doctor", env={"KOMSOS_LANG": "id"})
    assert checked.exit_code == 0
    assert "cadangan 1:" in checked.stdout and "1 entri" in checked.stdout
    assert "backup" not in checked.stdout and "entries" not in checked.stdout
    shutil.rmtree(backups.backup_dir(db))
    backups.backup_dir(db).write_text("not a folder", "utf-8")
    report = run.json("doctor")
    assert any("is not a folder" in f["message"] for f in report["findings"] if f["code"] == "backups")

    monkeypatch.setattr(os, "access", lambda path, mode: False)
    report = run.json("doctor")
    assert any(f["code"] == "writable" and f["level"] == "warning" for f in report["findings"])


def test_doctor_points_at_the_backups_of_a_deleted_store(run: Run, db: Path) -> None:
    store_with_backups(db, 3)
    db.unlink()
    checked = run("doctor", env={"KOMSOS_LANG": "id"})
    assert checked.exit_code == 0
    assert "komsos doctor --restore" in checked.stdout and "2 cadangan" in checked.stdout
    assert run("doctor", "--restore", "--yes").exit_code == 0
    assert len(Store(db).entries()) == 2


def test_doctor_on_a_store_it_may_not_read_says_so_in_the_users_language(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled_store(db, 1)
    import komsos_cli.doctor as doctor_module

    real_load = doctor_module._load

    def denied(path: Path) -> Any:
        if path == db:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_load(path)

    monkeypatch.setattr(doctor_module, "_load", denied)
    result = run("doctor", env={"KOMSOS_LANG": "id"})
    assert result.exit_code == 3
    assert "Errno" not in result.stdout
    said = " ".join(result.stdout.split()) + result.stderr
    assert f"berkas data {db} tidak boleh dibaca (izin ditolak)" in said and "tidak rusak" in said
    assert "--restore" not in said  # a permission is not damage: no backup to bring back (issue 14)


def test_a_store_that_may_not_be_read_is_named_as_that_by_every_command(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled_store(db, 1)
    real_open = open

    def denied(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(db):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    for command in (["list"], ["summary"], ["show", "ab"]):
        result = run(*command)
        assert result.exit_code == 3, (command, result.stderr)
        assert result.stderr == (
            f"komsos: the store {db} may not be read (permission denied); it is not damaged and was not changed: "
            f"let its owner read and write it (chmod u+rw {db}) or run komsos as its owner\n"
        )


def test_doctor_finds_backups_readable_by_others(run: Run, db: Path) -> None:
    store_with_backups(db, 3)
    assert not [f for f in run.json("doctor")["findings"] if f["level"] != "ok"]
    os.chmod(backups.backup_path(db, 2), 0o644)
    os.chmod(backups.backup_dir(db), 0o755)
    warned = [f["message"] for f in run.json("doctor")["findings"] if f["code"] == "permissions"]
    assert any(str(backups.backup_path(db, 2)) in message and "644" in message for message in warned)
    assert any(str(backups.backup_dir(db)) in message and "755" in message for message in warned)


def test_doctor_never_sends_control_characters_from_the_store_or_path_to_the_terminal(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "\x1b[31mmerah\u202e" / "komsos.json"
    store_with_backups(db, 3)
    tables = json.loads(db.read_text("utf-8"))
    first = next(iter(tables["entries"].values()))
    for doc_id in ("98", "99"):  # the same hostile id twice: doctor names duplicates
        tables["entries"][doc_id] = {**first, "id": "\x1b]0;judul\x07\x1b[2J\u202e"}
    db.write_text(json.dumps(tables), "utf-8")
    checked = run("--db", str(db), "doctor")
    planned = run("--db", str(db), "doctor", "--restore")  # shows the plan, then needs --yes
    assert checked.exit_code == 3 and planned.exit_code == 2
    assert "\\x1b" in checked.stdout and "\\x1b" in planned.stderr  # shown, made visible
    for text in (checked.stdout, checked.stderr, planned.stdout, planned.stderr):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text, text


def test_restore_does_nothing_when_the_store_changed_after_the_plan(db: Path) -> None:
    """The plan is shown, the user hesitates, another komsos records: the restore must not go ahead."""
    from komsos_cli import doctor as core

    store = store_with_backups(db, 3)
    plan = core.plan_restore(db)
    with store.transaction() as tx:
        tx.add(make_entry("written while the user read the plan"))
    after = db.read_bytes()
    with pytest.raises(StoreError, match="changed since the plan"):
        core.restore(plan)
    assert db.read_bytes() == after
    assert not [p for p in backups.backup_dir(db).iterdir() if "before-restore" in p.name]


def test_doctor_on_a_folder_says_so_in_one_line(run: Run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path), "doctor")
    assert result.exit_code == 3
    assert f"the store path {tmp_path} is a folder" in result.stdout
    assert "Errno" not in result.stdout


# --- schema versions ---------------------------------------------------------------------


def test_older_schema_is_migrated_with_the_old_file_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import komsos_cli.store.jsonfile as store_module
    from komsos_cli.store import migrations

    store = filled_store(tmp_path / "komsos.json", 2)
    old = store.path.read_bytes()

    def to_v2(tables: dict[str, Any]) -> dict[str, Any]:
        for entry in tables["entries"].values():
            entry["summary"] = entry["summary"].upper()
        return tables

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, to_v2)
    reopened = Store(store.path)
    assert sorted(e["summary"] for e in reopened.entries()) == ["LAPORAN 0", "LAPORAN 1"]
    assert store.path.read_bytes() == old  # reading does not write
    with reopened.transaction() as tx:
        tx.add(make_entry("baru"))
    data = json.loads(store.path.read_text("utf-8"))
    assert data["_meta"]["1"]["schema_version"] == 2
    assert "migrated_from" not in data["_meta"]["1"]
    kept = backups.backup_dir(store.path) / "komsos.json.schema-v1"
    assert kept.read_bytes() == old


def test_doctor_says_an_older_schema_will_be_migrated(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import komsos_cli.doctor as doctor_module
    import komsos_cli.store.jsonfile as store_module
    from komsos_cli.store import migrations

    filled_store(db, 2)
    old = db.read_bytes()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(doctor_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda tables: tables)
    report = run.json("doctor")
    assert report["healthy"] is True and report["schema_version"] == 1
    schema = next(f for f in report["findings"] if f["code"] == "schema")
    assert "older than this komsos (2)" in schema["message"] and "schema-v1" in schema["message"]
    assert db.read_bytes() == old


# --- concurrency -------------------------------------------------------------------------


@pytest.mark.slow
def test_eight_processes_recording_at_once(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    writers, per_writer = 8, int(os.environ.get("KOMSOS_CONCURRENT_RECORDS", "100"))

    def writer(number: int) -> list[str]:
        ids = []
        for i in range(per_writer):
            result = cli(
                "record",
                "-b",
                f"Serda Penulis{number}",
                "-v",
                "Kemiri",
                "--kecamatan",
                "Kebakkramat",
                "-s",
                f"{number}-{i}",
                db=db,
            )
            assert result.returncode == 0, result.stderr
            ids.append(result.stdout.strip())
        return ids

    with ThreadPoolExecutor(max_workers=writers) as pool:
        acknowledged = [entry_id for ids in pool.map(writer, range(writers)) for entry_id in ids]
    stored = Store(db).entries()
    print(
        f"\nconcurrency: {writers} processes x {per_writer} records: {len(stored)} stored, "
        f"{len({e['id'] for e in stored})} distinct ids"
    )
    assert len(acknowledged) == writers * per_writer
    assert len(stored) == writers * per_writer
    assert {e["id"] for e in stored} == set(acknowledged)
    assert {e["summary"] for e in stored} == {f"{n}-{i}" for n in range(writers) for i in range(per_writer)}


def test_a_held_lock_gives_exit_4_and_one_line_not_a_hang(tmp_path: Path) -> None:
    """Through the installed command: another process holds the lock (a stuck komsos)."""
    import fcntl
    import time

    db = tmp_path / "komsos.json"
    filled_store(db, 2)
    before = db.read_bytes()
    holder = os.open(str(db) + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
        env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "id", "KOMSOS_LOCK_TIMEOUT": "0.5"})
        for args in (["record", "-b", "Serda X", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"],):
            started = time.monotonic()
            result = subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True, timeout=60)
            assert time.monotonic() - started < 10
            assert result.returncode == 4, result.stderr
            assert len(result.stderr.strip().splitlines()) == 1 and "dikunci" in result.stderr
            assert "Traceback" not in result.stderr
    finally:
        os.close(holder)
    assert db.read_bytes() == before


def test_stray_temp_files_are_reported_then_removed_by_the_next_write(
    run: Run, db: Path, record: Callable[..., str]
) -> None:
    filled_store(db, 1)
    stray = db.parent / f".{db.name}.k1ll3d.tmp"
    stray.write_bytes(b'{"_meta": {"1": {"schema_ver')
    report = run.json("doctor")
    assert any(f["code"] == "temp" and f["level"] == "warning" for f in report["findings"])
    record()
    assert not stray.exists()
    assert not any(f["code"] == "temp" for f in run.json("doctor")["findings"])


def test_no_backups_with_komsos_backups_0(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMSOS_BACKUPS", "0")
    filled_store(db, 3)
    assert not backups.backup_dir(db).exists()
    report = run.json("doctor")
    assert any("KOMSOS_BACKUPS=0" in f["message"] for f in report["findings"] if f["code"] == "backups")


@pytest.mark.parametrize(
    ("field", "args"),
    [
        ("summary", ["-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x" * 100_000]),
        ("village", ["-v", "y" * 100_000, "-s", "x"]),
        ("counterparts", ["-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x", "--with", "z" * 100_000]),
    ],
)
def test_over_long_input_is_refused_in_one_line_naming_the_field(tmp_path: Path, field: str, args: list[str]) -> None:
    db = tmp_path / "komsos.json"
    result = cli("record", "-b", "Serda Nursalim", *args, db=db)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert field in result.stderr and "100000" in result.stderr
    assert not db.exists()


# --- hostile input -----------------------------------------------------------------------

BASE = ["record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar"]
HOSTILE: list[tuple[str, list[str], bytes | None]] = [
    ("markup in summary", [*BASE, "-s", "[/bold] [link=file:///etc/passwd]klik[/link] [red]x"], None),
    ("markup in village", ["record", "-b", "Serda Nursalim", "-v", "[bold]Kemiri[/bold]", "-s", "x"], None),
    ("ANSI escapes", [*BASE, "-s", "\x1b[2J\x1b[31mmerah\x1b]0;title\x07 \x9b31m"], None),
    (
        "ANSI in name",
        ["record", "-b", "Serda \x1b[5mNur\x1b[0m", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"],
        None,
    ),
    ("NUL in summary (stdin)", [*BASE, "-s", "-"], b"a\x00b"),
    ("binary on stdin", [*BASE, "-s", "-"], b"PK\x03\x04\x00\x00\x00\x00\x08\x00"),
    ("100 KB summary", [*BASE, "-s", "x" * 100_000], None),
    ("100 KB village", ["record", "-b", "Serda X", "-v", "y" * 100_000, "-s", "x"], None),
    ("100 KB counterpart", [*BASE, "-s", "x", "--with", "z" * 100_000], None),
    ("invalid UTF-8 on stdin", [*BASE, "-s", "-"], b"Komsos \xff\xfe\xc3("),
    ("impossible date", [*BASE, "-s", "x", "--date", "31/02/2024"], None),
    ("month-first date", [*BASE, "-s", "x", "--date", "04/13/2025"], None),
    ("future date", [*BASE, "-s", "x", "--date", "01/01/2999"], None),
    ("unknown kind", [*BASE, "-s", "x", "--kind", "rapat"], None),
    ("unknown situation", [*BASE, "-s", "x", "--situation", "chaos"], None),
    ("police rank", ["record", "-b", "Bripka Andi", "-v", "Kemiri", "-s", "x"], None),
    ("bidi override", [*BASE, "-s", "abc\u202edcba"], None),
    ("empty id", ["show", ""], None),
    ("id with escape", ["show", "\x1b[31m"], None),
    ("db is a folder", ["--db", "/", "list"], None),
    ("db in a missing folder (read)", ["--db", "/nonexistent/deep/komsos.json", "list"], None),
    ("dot-dot in --output", ["export", "--output", "../../komsos-export.csv"], None),
    ("export into a missing folder", ["export", "--output", "/nonexistent/dir/x.csv"], None),
    ("unknown option", ["list", "--drop-table"], None),
    ("huge limit", ["list", "--limit", "99999999999999999999"], None),
]


@pytest.mark.parametrize(("name", "args", "stdin"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_input_is_refused_cleanly_or_stored_harmlessly(
    tmp_path: Path, name: str, args: list[str], stdin: bytes | None
) -> None:
    db = tmp_path / "komsos.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "COLUMNS": "160", "TERM": "xterm"})
    cwd = tmp_path / "a" / "b"
    cwd.mkdir(parents=True)
    result = subprocess.run([str(BIN), *args], env=env, input=stdin, capture_output=True, timeout=60, cwd=cwd)
    out, err = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert "\x1b" not in out and "\x1b" not in err, (out, err)
    assert "\x9b" not in out and "\x9b" not in err
    if result.returncode != 0:
        assert result.returncode in (1, 2, 3), (result.returncode, err)
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("komsos: ")
    else:
        shown = subprocess.run([str(BIN), "list", "--json"], env=env, capture_output=True, timeout=60)
        for entry in json.loads(shown.stdout or b"[]"):
            for value in entry.values():
                text = json.dumps(value, ensure_ascii=False)
                assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
    # A path with .. lands exactly where it says (like cp), and nowhere else.
    written = sorted(p.name for p in tmp_path.rglob("*.csv"))
    assert written in ([], ["komsos-export.csv"])
    if written:
        assert (tmp_path / "komsos-export.csv").exists()


# --- big stores: read in slices, written in pieces --------------------------------------
# A store of thousands of entries is parsed and written by other code paths than a small
# one (store.py reads a big file a slice at a time and writes big tables in pieces). These
# tests use stores big enough for those paths at any reasonable threshold (~3 MB, over
# 2,000 items in two tables), with texts that look like the places where a file is cut.

ADVERSARIAL_TEXTS = [
    'laporan },"12":{ lanjut',
    '"},"entries":{"1":{',
    "garis miring \\ dan \\u0065 dan \\\\",
    'kutip " tengah',
    "emoji 🇮🇩 dan huruf ā ñ",
    "baris\npisah",
    "}" * 40,
    '{"_meta":{"1":{"schema_version":99}}}',
]


def big_store(path: Path, count: int = 2500) -> Store:
    """A store of `count` entries, each edited once (so history holds as many), and a tenth more entries."""
    store = Store(path)
    made = [make_entry(f"{ADVERSARIAL_TEXTS[i % len(ADVERSARIAL_TEXTS)]} #{i}") for i in range(count)]
    with store.transaction() as tx:
        tx.add_many(made)
    edited: list[Entry] = [{**entry, "summary": f"{entry['summary']} diubah #{i}"} for i, entry in enumerate(made)]
    with store.transaction() as tx:
        tx.replace_many(edited)
    with store.transaction() as tx:
        tx.add_many([make_entry(f"akhir {i}") for i in range(count // 10)])
    return store


def test_a_big_store_reads_back_exactly_as_written(tmp_path: Path) -> None:
    import orjson

    store = big_store(tmp_path / "komsos.json")
    raw = store.path.read_bytes()
    assert len(raw) > 2_000_000
    whole = orjson.loads(raw)
    assert len(whole["entries"]) == 2750 and len(whole["history"]) == 2500
    assert raw == orjson.dumps(whole)  # the file is exactly what one whole-file dump writes
    assert Store(store.path).tables() == whole  # the sliced read gives what one whole-file parse gives
    summaries = sorted(e["summary"] for e in Store(store.path).entries())
    assert summaries[0].startswith('"},"entries":{"1":{') and any(s.endswith(" diubah #0") for s in summaries)


def relaid(whole: dict[str, Any], layout: str) -> bytes:
    import orjson

    if layout == "pretty-printed":
        return json.dumps(whole, indent=2, ensure_ascii=False).encode("utf-8")
    if layout == "spaces after commas":
        return json.dumps(whole).encode("utf-8")
    if layout == "tables reordered":
        return orjson.dumps({name: whole[name] for name in ("profile", "history", "entries", "_meta")})
    if layout == "escaped table name":
        return orjson.dumps(whole).replace(b'"entries":', b'"entri\\u0065s":', 1)
    if layout == "entries cut in two":  # the same table twice: a JSON parse keeps the last
        raw = orjson.dumps(whole)
        return raw[:1] + b'"entries":{"1":' + orjson.dumps(next(iter(whole["entries"].values()))) + b"}," + raw[1:]
    if layout == "digit keys nested in entries":  # `},"2":{` inside an entry, where no cut may be made
        nested = {
            **whole,
            "entries": {
                key: {**entry, "x": {"1": {"a": [1]}, "2": {"b": {"3": {}}}}} for key, entry in whole["entries"].items()
            },
        }
        return orjson.dumps(nested)
    raise AssertionError(layout)


@pytest.mark.parametrize(
    "layout",
    [
        "pretty-printed",
        "spaces after commas",
        "tables reordered",
        "escaped table name",
        "entries cut in two",
        "digit keys nested in entries",
    ],
)
def test_a_big_store_laid_out_otherwise_reads_as_one_whole_parse(tmp_path: Path, layout: str) -> None:
    """A store re-saved by another tool (or by hand) reads exactly as one whole-file parse reads it."""
    import orjson

    path = tmp_path / "komsos.json"
    big_store(path, 2200)
    raw = relaid(orjson.loads(path.read_bytes()), layout)
    path.write_bytes(raw)
    assert Store(path).tables() == orjson.loads(raw)
    with Store(path).transaction() as tx:
        tx.add(make_entry("setelah"))
    assert len(Store(path).entries()) == len(orjson.loads(raw)["entries"]) + 1


@pytest.mark.slow
def test_a_big_store_damaged_anywhere_is_refused_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    big_store(path)
    good = path.read_bytes()
    rng = random.Random(11)
    boundaries = [i for i in range(len(good) - 3) if good[i : i + 3] == b'},"']
    cuts = sorted(
        {1, len(good) // 2, len(good) - 1, *rng.sample(range(2, len(good) - 1), 30)}
        | {b + shift for b in rng.sample(boundaries, 15) for shift in (0, 1, 2)}
    )
    damaged = [good[:cut] for cut in cuts]
    for _ in range(15):
        data = bytearray(good)
        data[rng.randrange(len(data))] = 0xFF
        damaged.append(bytes(data))
    for version in damaged:
        path.write_bytes(version)
        with pytest.raises(StoreError, match="komsos doctor"):
            Store(path).entries()
        with pytest.raises(StoreError), Store(path).transaction() as tx:
            tx.add(make_entry("never stored"))
        assert path.read_bytes() == version
    print(f"\nbig store damage: {len(damaged)} damaged versions of a {len(good):,}-byte store refused")


@pytest.mark.parametrize("failing_write", [1, 2, 5])
def test_a_big_write_failing_midway_leaves_the_old_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_write: int
) -> None:
    store = big_store(tmp_path / "komsos.json")
    before = store.path.read_bytes()

    class FailsAtWrite:
        def __init__(self, real: Any) -> None:
            self.real, self.calls = real, 0

        def write(self, data: bytes) -> int:
            self.calls += 1
            if self.calls >= failing_write:
                raise OSError(errno.ENOSPC, "No space left on device")
            return int(self.real.write(data))

        def __enter__(self) -> Any:
            return self

        def __exit__(self, *exc: object) -> None:
            self.real.close()

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FailsAtWrite(real_fdopen(fd, mode)))
    with pytest.raises(StoreError, match="previous file is unchanged"), Store(store.path).transaction() as tx:
        tx.add(make_entry("never stored"))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
