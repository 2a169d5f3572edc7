"""History, revert, undelete and list --deleted through the CLI, on a file store and a hub."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Run

pytestmark = pytest.mark.both_stores


def test_history_lists_each_version_and_what_changed(run: Run, record: Callable[..., str]) -> None:
    entry = record()
    assert run("edit", entry, "--situation", "waspada").exit_code == 0
    assert run("edit", entry, "--summary", "Komsos dengan warga desa").exit_code == 0
    listed = run.json("history", entry[:8])
    assert [v["number"] for v in listed] == [1, 2, 3]
    assert [v["event"] for v in listed] == ["created", "edited", "current"]
    assert listed[1]["changed"] == {"situation": [None, "waspada"]}
    assert listed[2]["changed"] == {"summary": ["Komsos dengan warga", "Komsos dengan warga desa"]}
    text = run("history", entry[:8])
    assert text.exit_code == 0 and "situation: null -> waspada" in text.stdout
    # times as `show` gives them: in the zone of the entry's place (Karanganyar: WIB), to the minute
    first = text.stdout.splitlines()[0]
    stamp = datetime.fromisoformat(listed[0]["at"]) + timedelta(hours=7)
    assert first.split() == ["1", stamp.strftime("%Y-%m-%d"), stamp.strftime("%H:%M"), "WIB", "created"]
    assert text.stderr == ""
    said = run("riwayat", entry[:8], env={"KOMSOS_LANG": "id"}).stdout.splitlines()
    # the events in the reader's language (they were English words in the Indonesian listing)
    assert [line.split()[-1] for line in said if line[:1].isdigit()] == ["dibuat", "diubah", "sekarang"]
    assert "    situasi: null -> waspada" in said


def test_history_of_a_place_without_a_known_province_says_wib_is_assumed(run: Run, record: Callable[..., str]) -> None:
    entry = record(village="Tanah Rekaan Utara")  # in no gazetteer: no province known
    text = run("history", entry[:8])
    assert text.exit_code == 0, text.stderr
    assert text.stdout.split()[3:5] == ["WIB", "current"]
    assert text.stderr == "times in WIB: the province of the entry's place is not known\n"
    assert run("riwayat", entry[:8], env={"KOMSOS_LANG": "id"}).stderr.startswith("waktu dalam WIB")


def test_revert_brings_back_a_version_as_a_new_one(run: Run, record: Callable[..., str]) -> None:
    entry = record()
    assert run("edit", entry, "--situation", "waspada", "--summary", "Lain").exit_code == 0
    reverted = run("revert", entry[:8], "--to", "1")
    assert reverted.exit_code == 0, reverted.stderr
    now = run.json("show", entry)
    assert now["situation"] is None and now["summary"] == "Komsos dengan warga"
    assert len(run.json("history", entry)) == 3
    before = run.json("show", entry)
    for bad in (["--to", "9"], ["--to", "0"], ["--to", "3"]):
        refused = run("revert", entry, *bad)
        assert refused.exit_code == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert run.json("show", entry) == before


def test_undelete_brings_back_a_deleted_entry_with_its_history(run: Run, record: Callable[..., str]) -> None:
    entry = record()
    assert run("edit", entry, "--situation", "waspada").exit_code == 0
    kept = run.json("show", entry)
    assert run("delete", entry, "--yes").exit_code == 0
    assert run.json("list") == []
    gone = run.json("list", "--deleted")
    assert [e["id"] for e in gone] == [entry] and gone[0]["deleted_at"]
    assert run.json("history", entry[:8])[-1]["event"] == "deleted"
    refused = run("revert", entry[:8], "--to", "1")
    assert refused.exit_code == 2 and "undelete" in refused.stderr
    back = run("undelete", entry[:8])
    assert back.exit_code == 0, back.stderr
    shown = run.json("show", entry)
    assert {**shown, "updated_at": None} == {**kept, "updated_at": None}
    assert shown["updated_at"] > kept["updated_at"]
    assert run.json("list", "--deleted") == []
    assert len(run.json("history", entry)) >= 2
    again = run("undelete", entry)
    assert again.exit_code == 2 and "not deleted" in again.stderr


def test_an_unknown_id_is_one_line_and_no_traceback(run: Run, record: Callable[..., str]) -> None:
    record()
    for command in (["history", "ffffffff"], ["undelete", "ffffffff"], ["revert", "ffffffff", "--to", "1"]):
        result = run(*command)
        assert result.exit_code != 0 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_list_deleted_takes_the_filters_and_the_period(run: Run, record: Callable[..., str]) -> None:
    august = record(date="13 Agt 2024")
    january = record(date="02/01/2025", kind="anjangsana")
    for entry in (august, january):
        assert run("delete", entry, "--yes").exit_code == 0
    assert [e["id"] for e in run.json("list", "--deleted", "--period", "Agt 2024")] == [august]
    assert [e["id"] for e in run.json("list", "--deleted", "--kind", "anjangsana")] == [january]
    assert [e["id"] for e in run.json("list", "--deleted", "--limit", "1")] == [january]  # deleted last
