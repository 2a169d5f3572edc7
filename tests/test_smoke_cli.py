from __future__ import annotations


def test_record_then_list(run, record) -> None:
    entry_id = record(date="17/01/2025", village="Pematang Jaya")
    entries = run.json("list")
    assert [e["id"] for e in entries] == [entry_id]
    assert entries[0]["date"] == "2025-01-17"


def test_missing_fields_named_on_one_line(run, db) -> None:
    result = run("record", "--village", "Kemiri")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["komsos: missing required field(s): babinsa, summary"]
    assert not db.exists()
