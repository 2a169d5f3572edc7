"""The hub (store/hub.py) on a real PostgreSQL: what only a hub does or can fail at.

The behaviour both stores share is tested once, on both (`pytest.mark.both_stores` in
test_cli_entries.py, test_summary_cli.py, test_exchange.py, test_parse_cli.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hub_server import HubPath, HubProbe, new_hub

from komsos_cli.model import Entry, validate_entry
from komsos_cli.query import Criteria
from komsos_cli.store import FileStore, open_store
from komsos_cli.store.hub import HubStore, redact

BIN = Path(sys.executable).parent / "komsos"
# A Babinsa and an area: a village name alone may be in several places (record asks then).
PLACE = ("--babinsa", "Serda Nursalim", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar")


def entry(village: str = "Kemiri", day: str = "2025-01-17", **extra: object) -> Entry:
    return validate_entry(
        {"date": day, "babinsa": ["Serda Nursalim"], "village": village, "summary": f"Komsos di {village}", **extra}
    )


def with_password(address: str, password: str) -> str:
    """The test server's address with a user and password written in it."""
    return address.replace("postgresql://postgres:@", f"postgresql://komsos_clerk:{password}@")


# --- addresses, connection failures, secrets ---------------------------------------------------


def test_a_postgresql_address_opens_a_hub_and_a_path_a_file(hub_address: str, tmp_path: Path) -> None:
    assert isinstance(open_store(hub_address), HubStore)
    assert isinstance(open_store(hub_address.replace("postgresql://", "postgres://", 1)), HubStore)
    assert isinstance(open_store(str(tmp_path / "komsos.json")), FileStore)


def test_redact_hides_the_password_in_the_url_and_in_a_parameter() -> None:
    assert redact("postgresql://clerk:rahasia@host/db") == "postgresql://clerk:***@host/db"
    assert redact("postgresql://host/db?password=rahasia&sslmode=require") == (
        "postgresql://host/db?password=***&sslmode=require"
    )
    assert redact("postgresql://clerk@host/db") == "postgresql://clerk@host/db"


def test_server_down_is_one_line_exit_3_without_the_password(run: Any, tmp_path: Path) -> None:
    address = f"postgresql://clerk:SandiRahasia99@/komsos?host={tmp_path}&connect_timeout=2"
    for args in (["list"], ["summary"], ["record", "--babinsa", "Serda Nursalim", "--village", "X", "--summary", "s"]):
        result = run("--db", address, *args)
        assert result.exit_code == 3, result.stderr
        assert result.stderr.startswith("komsos: cannot connect to the hub postgresql://clerk:***@/komsos")
        assert result.stderr.count("\n") == 1
        assert "SandiRahasia99" not in result.stderr + result.stdout


def test_wrong_password_and_no_such_database_never_show_the_password(run: Any, pg_server: str) -> None:
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS komsos_clerk")
        conn.execute("CREATE ROLE komsos_clerk LOGIN PASSWORD 'SandiBenar1'")
    # The test server trusts local connections; a database that does not exist still fails.
    address = with_password(pg_server, "SandiSalah2").replace("/postgres?", "/tidak_ada?")
    result = run("--db", address, "list")
    assert result.exit_code == 3
    assert "tidak_ada" in result.stderr and "does not exist" in result.stderr
    assert "SandiSalah2" not in result.stderr + result.stdout
    assert "komsos_clerk:***@" in result.stderr
    # --debug shows the traceback, still without the password (the installed command, as a user runs it).
    debug = subprocess.run([str(BIN), "--db", address, "--debug", "list"], capture_output=True, text=True, timeout=60)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
    assert "SandiSalah2" not in debug.stderr + debug.stdout


def test_doctor_on_a_hub_reports_connection_schema_indexes_and_counts(run: Any, hub_address: str) -> None:
    store = open_store(hub_address)
    with store.transaction() as tx:
        tx.add_many([entry(), entry("Waru")])
    report = run.json("--db", hub_address, "doctor")
    codes = {finding["code"]: finding for finding in report["findings"]}
    assert report["healthy"] is True and report["entries"] == 2 and report["schema_version"] == 1
    assert "PostgreSQL 18" in codes["connect"]["message"]
    assert codes["indexes"]["level"] == "ok"
    assert codes["counts"]["message"].startswith("2 entries")
    assert ":***@" in report["path"] or "@" not in report["path"]


def test_doctor_names_a_missing_index(run: Any, hub_address: str) -> None:
    open_store(hub_address).select(Criteria())  # makes the tables
    with psycopg.connect(hub_address, autocommit=True) as conn:
        conn.execute("DROP INDEX komsos_entries_village")
    report = run.json("--db", hub_address, "doctor")
    missing = [f for f in report["findings"] if f["code"] == "indexes"]
    assert [f["level"] for f in missing] == ["warning"] and "komsos_entries_village" in missing[0]["message"]


def test_doctor_restore_on_a_hub_points_at_pg_restore(run: Any, hub_address: str) -> None:
    result = run("--db", hub_address, "doctor", "--restore", "--yes")
    assert result.exit_code == 2 and "pg_restore" in result.stderr


def test_without_psycopg_a_hub_address_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from komsos_cli.cli import main\n"
        "sys.argv = ['komsos', '--db', 'postgresql://clerk:x@host/db', 'list']\n"
        "main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr.strip() == (
        "komsos: the store postgresql://clerk:***@host/db is a PostgreSQL hub, and psycopg is not installed:"
        " pip install 'komsos-cli[hub]'"
    )


# --- schema ----------------------------------------------------------------------------------------


def scalar(cursor: psycopg.Cursor[Any]) -> Any:
    """The first column of the one row a query gives."""
    row = cursor.fetchone()
    assert row is not None
    return row[0]


def test_tables_are_made_on_first_use_with_typed_columns_and_the_entry_as_jsonb(hub_address: str) -> None:
    store = open_store(hub_address)
    with store.transaction() as tx:
        tx.add(entry(situation="waspada", follow_up={"action": "Cek jalan", "status": "open"}))
    with psycopg.connect(hub_address) as conn:
        types: dict[str, str] = dict(
            conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_name = 'komsos_entries' AND table_schema = current_schema()"
            ).fetchall()
        )
        row = conn.execute(
            "SELECT day, village_key, situation, follow_status, babinsa, entry FROM komsos_entries"
        ).fetchone()
        assert row is not None
        version = scalar(conn.execute("SELECT value FROM komsos_meta WHERE key = 'schema_version'"))
    assert types["day"] == "date" and types["entry"] == "jsonb" and types["babinsa"] == "ARRAY"
    assert str(row[0]) == "2025-01-17" and row[1] == "kemiri" and row[2] == "waspada" and row[3] == "open"
    assert row[4] == ["Serda Nursalim"] and row[5]["village"] == "Kemiri"
    assert version == "1"


def test_a_hub_of_a_newer_komsos_is_refused_and_left_alone(run: Any, hub_address: str) -> None:
    open_store(hub_address).select(Criteria())
    with psycopg.connect(hub_address, autocommit=True) as conn:
        conn.execute("UPDATE komsos_meta SET value = '99' WHERE key = 'schema_version'")
    result = run("--db", hub_address, "list")
    assert result.exit_code == 3 and "schema version 99" in result.stderr and "upgrade komsos" in result.stderr


def test_tables_of_another_program_are_not_taken_over(run: Any, hub_address: str) -> None:
    with psycopg.connect(hub_address, autocommit=True) as conn:
        conn.execute("CREATE TABLE komsos_entries (x int)")
    result = run("--db", hub_address, "list")
    assert result.exit_code == 3 and "komsos did not make" in result.stderr


def test_keys_made_by_older_key_functions_are_computed_again(hub_address: str) -> None:
    store = open_store(hub_address)
    with store.transaction() as tx:
        tx.add(entry("Sei Silau Tua"))
    with psycopg.connect(hub_address, autocommit=True) as conn:
        conn.execute("UPDATE komsos_entries SET village_key = 'stale'")
        conn.execute("UPDATE komsos_meta SET value = '0' WHERE key = 'keys_version'")
    assert [e["village"] for e in open_store(hub_address).select(Criteria(village="sei silau tua"))] == [
        "Sei Silau Tua"
    ]


# --- selection inside PostgreSQL -----------------------------------------------------------------


def test_list_limit_reads_only_the_rows_it_shows(hub_address: str) -> None:
    store = open_store(hub_address)
    with store.transaction() as tx:
        tx.add_many([entry(day=f"2025-01-{day:02d}") for day in range(1, 29)])
    assert isinstance(store, HubStore)
    with psycopg.connect(hub_address, autocommit=True) as conn:
        plan = scalar(
            conn.execute(
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT entry::text FROM komsos_entries WHERE TRUE"
                " ORDER BY day DESC, time DESC, created_at DESC, seq LIMIT 3"
            )
        )[0]
    assert plan["Plan"]["Actual Rows"] == 3
    assert [e["date"] for e in store.select(Criteria(limit=3))] == ["2025-01-28", "2025-01-27", "2025-01-26"]


# --- import, push, and what a kill leaves -----------------------------------------------------------


def test_push_from_a_laptop_lands_once_and_only_once(run: Any, tmp_path: Path, hub_address: str) -> None:
    laptop = tmp_path / "laptop.json"
    for village in ("Kemiri", "Waru", "Jati"):
        recorded = run("--db", str(laptop), "record", *PLACE, "--village", village, "--summary", f"Komsos di {village}")
        assert recorded.exit_code == 0, recorded.stderr
    first = run("--db", str(laptop), "push", hub_address, "--json")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["added"] == 3
    assert "3 added, 0 updated, 0 unchanged" in first.stderr
    again = run("--db", str(laptop), "push", hub_address, "--json")
    assert json.loads(again.stdout) | {"destination": ""} == {
        "destination": "", "sent": 3, "added": 0, "updated": 0, "unchanged": 3, "conflicts": 0, "deleted_there": 0,
    }  # fmt: skip
    on_hub = run.json("--db", hub_address, "list")
    assert sorted(e["village"] for e in on_hub) == ["Jati", "Kemiri", "Waru"]
    assert on_hub == run.json("--db", str(laptop), "list")  # the same entries, key for key


def test_push_sends_what_the_filters_select_and_an_edit_as_an_update(
    run: Any, tmp_path: Path, hub_address: str
) -> None:
    laptop = tmp_path / "laptop.json"
    ids = {}
    for village in ("Kemiri", "Waru"):
        result = run("--db", str(laptop), "record", *PLACE, "--village", village, "--summary", "Komsos")
        ids[village] = result.stdout.strip()
    assert json.loads(run("--db", str(laptop), "push", hub_address, "--village", "Waru", "--json").stdout)["added"] == 1
    assert run("--db", str(laptop), "edit", ids["Waru"], "--situation", "waspada").exit_code == 0
    counts = json.loads(run("--db", str(laptop), "push", hub_address, "--json").stdout)
    assert (counts["added"], counts["updated"], counts["unchanged"]) == (1, 1, 0)
    assert len(HubProbe(hub_address).history(ids["Waru"])) == 1


def test_push_to_itself_is_refused(run: Any, tmp_path: Path, hub_address: str) -> None:
    laptop = tmp_path / "laptop.json"
    assert run("--db", str(laptop), "push", str(laptop)).exit_code == 2
    assert run("--db", hub_address, "push", hub_address).exit_code == 2


def test_a_hub_pushes_up_to_another_hub(run: Any, pg_server: str, hub_address: str) -> None:
    kodim = new_hub(pg_server)
    with open_store(hub_address).transaction() as tx:
        tx.add_many([entry("Kemiri"), entry("Waru")])
    assert json.loads(run("--db", hub_address, "push", kodim, "--json").stdout)["added"] == 2
    assert run.json("--db", kodim, "list") == run.json("--db", hub_address, "list")


def test_import_into_a_hub_follows_the_merge_rules(run: Any, tmp_path: Path, hub_address: str) -> None:
    old = entry("Kemiri")
    newer = validate_entry({**old, "summary": "Diperbarui", "updated_at": "2030-01-01T00:00:00.000000+00:00"})
    gone = entry("Waru")
    with open_store(hub_address).transaction() as tx:
        tx.add_many([old, gone])
    with open_store(hub_address).transaction() as tx:
        tx.remove(gone["id"])
    export = tmp_path / "in.jsonl"
    export.write_text("\n".join(json.dumps(e) for e in (newer, newer, gone, entry("Jati"))) + "\n", "utf-8")
    dry = json.loads(run("--db", hub_address, "import", str(export), "--dry-run", "--json").stdout)
    assert HubProbe(hub_address).entries() == [old]  # a dry run stores nothing
    counts = json.loads(run("--db", hub_address, "import", str(export), "--json").stdout)
    assert counts == dry | {"dry_run": False}
    assert (counts["rows"], counts["added"], counts["updated"], counts["skipped"], counts["deleted_here"]) == (
        4, 1, 1, 2, 1,
    )  # fmt: skip
    stored = {e["village"]: e for e in HubProbe(hub_address).entries()}
    assert set(stored) == {"Kemiri", "Jati"} and stored["Kemiri"]["summary"] == "Diperbarui"


def test_an_import_with_one_bad_row_stores_nothing(run: Any, tmp_path: Path, hub_address: str) -> None:
    export = tmp_path / "in.jsonl"
    good = [json.dumps(entry(f"Desa {n}")) for n in range(3)]
    bad = json.dumps({**entry("Rusak"), "kind": "ngopi"})
    export.write_text("\n".join([*good, bad]) + "\n", "utf-8")
    result = run("--db", hub_address, "import", str(export))
    assert result.exit_code == 2 and "line 4" in result.stderr
    assert HubProbe(hub_address).entries() == []


@pytest.mark.slow
def test_a_process_killed_in_the_middle_of_an_import_leaves_the_hub_as_it_was(tmp_path: Path, hub_address: str) -> None:
    with open_store(hub_address).transaction() as tx:
        tx.add(entry("Sebelum"))
    before = HubProbe(hub_address).entries()
    export = tmp_path / "big.jsonl"
    with export.open("w", encoding="utf-8") as handle:
        for n in range(30000):
            handle.write(json.dumps(entry(f"Desa {n % 400}", day=f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}")) + "\n")
    env = {**os.environ, "KOMSOS_DB": hub_address}
    process = subprocess.Popen([str(BIN), "import", str(export)], env=env, stderr=subprocess.PIPE)
    # Kill it once rows are on their way into the staging table (its transaction is open).
    deadline = time.monotonic() + 60
    with psycopg.connect(hub_address, autocommit=True) as conn:
        while time.monotonic() < deadline and process.poll() is None:
            busy = scalar(
                conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'komsos' AND query LIKE 'COPY%%'"
                )
            )
            if busy:
                break
            time.sleep(0.02)
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert HubProbe(hub_address).entries() == before
    # ... and the hub takes the same import whole afterwards.
    done = subprocess.run([str(BIN), "import", str(export)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len(HubProbe(hub_address).entries()) == 30001


@pytest.mark.slow
def test_eight_processes_recording_and_importing_at_once_lose_nothing(tmp_path: Path, hub_address: str) -> None:
    env = {**os.environ, "KOMSOS_DB": hub_address, "KOMSOS_HOME": str(tmp_path / "home")}
    subprocess.run([str(BIN), "list"], env=env, capture_output=True, check=True, timeout=60)  # tables made once
    files = []
    for n in range(4):
        path = tmp_path / f"batch{n}.jsonl"
        path.write_text("".join(json.dumps(entry(f"Impor {n}-{i}")) + "\n" for i in range(200)), "utf-8")
        files.append(path)
    recorders = (
        f"for i in $(seq 1 25); do {BIN} record --babinsa 'Serda Nursalim' --village Rekam{n} --summary s$i"
        " >> ids || exit 1; done"
        for n in range(4)
    )
    processes = [subprocess.Popen(["bash", "-c", script], env=env, cwd=tmp_path) for script in recorders]
    processes += [subprocess.Popen([str(BIN), "import", str(path)], env=env) for path in files]
    assert [process.wait(timeout=600) for process in processes] == [0] * 8
    stored = HubProbe(hub_address).entries()
    assert len(stored) == 4 * 25 + 4 * 200
    assert len({e["id"] for e in stored}) == len(stored)
    recorded = (tmp_path / "ids").read_text().split()
    assert len(recorded) == 100 and set(recorded) <= {e["id"] for e in stored}


def test_the_profile_of_a_hub_user_lives_in_their_app_folder(run: Any, hub_address: str, tmp_path: Path) -> None:
    result = run(
        "--db", hub_address, "profile", "set", "--babinsa", "Serda Nursalim", "--koramil", "03/Kebakkramat",
        "--kabupaten", "Karanganyar", "--kecamatan", "Kebakkramat",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    home = Path(os.environ["KOMSOS_HOME"])
    assert FileStore(home / "komsos.json").profile()["koramil"] == "Koramil 03/Kebakkramat"
    assert not HubPath(hub_address).exists()
    recorded = run("--db", hub_address, "record", "--village", "Kemiri", "--summary", "Komsos")
    assert recorded.exit_code == 0, recorded.stderr
    [stored] = HubProbe(hub_address).entries()
    assert (
        stored["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}] and stored["koramil"] == "Koramil 03/Kebakkramat"
    )


def test_a_merge_in_small_chunks_counts_and_keeps_what_the_file_store_does(
    tmp_path: Path, hub_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import komsos_cli.store.hub as hub_module

    monkeypatch.setattr(hub_module, "MERGE_CHUNK", 2)  # ids met again in later chunks, and within one
    stored, deleted = entry("Lama"), entry("Dihapus")
    edited = validate_entry({**stored, "summary": "Versi 2", "updated_at": "2030-01-01T00:00:00.000000+00:00"})
    edited_again = validate_entry({**edited, "summary": "Versi 3", "updated_at": "2031-01-01T00:00:00.000000+00:00"})
    fresh = entry("Baru")
    fresh_newer = validate_entry({**fresh, "summary": "Baru lagi", "updated_at": "2030-01-01T00:00:00.000000+00:00"})
    same_instant = validate_entry({**stored, "summary": "Lain"})
    incoming = [edited, fresh, fresh, deleted, edited_again, fresh_newer, same_instant, entry("Lain")]
    file_store = FileStore(tmp_path / "komsos.json")
    hub = open_store(hub_address)
    for store in (file_store, hub):
        with store.transaction() as tx:
            tx.add_many([stored, deleted])
        with store.transaction() as tx:
            tx.remove(deleted["id"])
    assert hub.merge(list(incoming)) == file_store.merge(list(incoming))
    assert HubProbe(hub_address).entries() == file_store.entries()
    assert [h["version"]["summary"] for h in hub.history(stored["id"])] == [
        h["version"]["summary"] for h in file_store.history(stored["id"])
    ]
