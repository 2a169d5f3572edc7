"""Duplicates caught: likely twins warned of, listed by `duplicates`, folded by `merge`; both stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from blank_entry import BLANK
from hypothesis import given, settings
from hypothesis import strategies as st

from komsos_cli.duplicates import folded, reasons, summary_similarity
from komsos_cli.model import Entry

if TYPE_CHECKING:
    from conftest import Run

pytestmark = pytest.mark.both_stores

SEEDS = sorted((Path(__file__).parent / "fixtures" / "corpus").glob("seed-00*.txt"))


def seeds_here_and_exported_from_another_store(run: Run, tmp_path: Path) -> Path:
    """The five seed reports parsed into this store, and into another one exported to JSON Lines."""
    assert len(SEEDS) == 5
    parsed = run("parse", "--record", *map(str, SEEDS))
    assert parsed.exit_code == 0, parsed.stderr
    other = tmp_path / "other.json"
    assert run("--db", str(other), "parse", "--record", *map(str, SEEDS)).exit_code == 0
    exported = tmp_path / "other.jsonl"
    assert run("--db", str(other), "export", "-o", str(exported)).exit_code == 0
    return exported


def test_the_five_seed_reports_parsed_twice_merge_to_five_activities(run: Run, tmp_path: Path) -> None:
    exported = seeds_here_and_exported_from_another_store(run, tmp_path)
    imported = run("import", str(exported))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stderr.count("likely the same activity") == 5  # import warns, naming the other
    assert len(run.json("list")) == 10

    pairs = run.json("duplicates")
    assert len(pairs) == 5
    assert all(set(pair["reasons"]) == {"babinsa", "summary"} for pair in pairs)
    for pair in pairs:
        merged = run("merge", pair["first"][:8], pair["second"][:8])
        assert merged.exit_code == 0, merged.stderr
        assert pair["second"][:8] in merged.stderr

    assert len(run.json("list")) == 5
    assert run.json("duplicates") == []
    assert run.json("summary")["total"] == 5
    kept = run.json("show", pairs[0]["first"][:8])
    assert kept["merged_ids"] == [pairs[0]["second"]]
    # the merged-away entry is in the history as deleted, and an import does not bring it back
    again = run("import", str(exported))
    assert again.exit_code == 0, again.stderr
    assert len(run.json("list")) == 5


def test_a_bulk_import_names_the_duplicates_command_instead_of_holding_its_days(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At a million entries the twin check after import held every entry of the days read (3.8 GB on a hub).
    from komsos_cli import exchange

    monkeypatch.setattr(exchange, "LIKELY_CHECK_LIMIT", 3)
    exported = seeds_here_and_exported_from_another_store(run, tmp_path)
    imported = run("import", str(exported))
    assert imported.exit_code == 0, imported.stderr
    assert "likely the same activity" not in imported.stderr
    [said] = [line for line in imported.stderr.splitlines() if "more than 3 entries were read" in line]
    command = said.split(": komsos ", 1)[1].split()
    assert command[:2] == ["duplicates", "--since"]
    assert len(run.json(*command)) == 5  # the command it names finds the five twins


def test_record_warns_of_a_likely_twin_naming_it(run: Run, record: Callable[..., str]) -> None:
    first = record(summary="Komsos dengan warga tentang keamanan desa menjelang pemilu")
    result = run(
        "record",
        "--village",
        "Kemiri",
        "--kecamatan",
        "Kebakkramat",
        "--kabupaten",
        "Karanganyar",
        "--babinsa",
        "Serda Nursalim",
        "--summary",
        "Komsos bersama warga tentang keamanan desa menjelang pemilu",
    )
    assert result.exit_code == 0, result.stderr
    assert first[:8] in result.stderr and "likely the same activity" in result.stderr
    assert result.stdout.strip() != first  # stored all the same, and stdout holds only its id
    # in Indonesian, the command to fold them is given by its Indonesian name, which runs it
    said = run("catat", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar",
               "-b", "Serda Nursalim", "-s", "Komsos bersama warga tentang keamanan desa menjelang pemilu",
               env={"KOMSOS_LANG": "id"})  # fmt: skip
    assert f"gabungkan dengan: komsos gabung {first[:8]}" in said.stderr, said.stderr


def test_another_day_or_another_village_is_no_twin(run: Run, record: Callable[..., str]) -> None:
    record(date="2025-01-17")
    later = run(
        "record", "--date", "2025-01-18", "--village", "Kemiri", "--kecamatan", "Kebakkramat",
        "--kabupaten", "Karanganyar", "--babinsa", "Serda Nursalim", "--summary", "Komsos dengan warga",
    )  # fmt: skip
    assert later.exit_code == 0
    assert "likely" not in later.stderr
    assert run.json("duplicates") == []


def test_merge_refuses_an_entry_into_itself_and_an_unknown_id_leaving_the_store(
    run: Run, record: Callable[..., str]
) -> None:
    entry = record()
    before = run.json("list")
    same = run("merge", entry[:8], entry)
    assert same.exit_code == 2 and "itself" in same.stderr and "Traceback" not in same.stderr
    unknown = run("merge", entry[:8], "ffffffff")
    assert unknown.exit_code != 0 and unknown.stderr.count("\n") == 1
    assert run.json("list") == before


def test_merge_unites_the_lists_and_keeps_the_longer_summary() -> None:
    keep: Entry = {
        **BLANK,
        "id": "00000000-0000-4000-8000-000000000001",
        "babinsa": [{"rank": "Serda", "name": "Jasem"}],
        "counterparts": ["Kades"],
        "topics": ["keamanan"],
        "findings": [],
        "summary": "Komsos singkat",
    }
    other: Entry = {
        **BLANK,
        "id": "00000000-0000-4000-8000-000000000002",
        "babinsa": [{"rank": "Serda", "name": "jasem"}, {"rank": "Kopda", "name": "Hasibuan"}],
        "counterparts": ["Kades", "Bhabinkamtibmas"],
        "topics": ["keamanan", "pertanian"],
        "findings": ["Jalan rusak"],
        "summary": "Komsos singkat dengan warga tentang keamanan dan pertanian",
        "merged_ids": ["00000000-0000-4000-8000-000000000003"],
    }
    combined = folded(keep, other)
    assert [p["name"] for p in combined["babinsa"]] == ["Jasem", "Hasibuan"]
    assert combined["counterparts"] == ["Kades", "Bhabinkamtibmas"]
    assert combined["topics"] == ["keamanan", "pertanian"]
    assert combined["findings"] == ["Jalan rusak"]
    assert combined["summary"] == other["summary"]
    assert combined["merged_ids"] == [other["id"], "00000000-0000-4000-8000-000000000003"]


def test_reasons_need_the_same_date_and_village() -> None:
    base: Entry = {
        **BLANK,
        "id": "a",
        "date": "2025-01-17",
        "village": "Kemiri",
        "babinsa": [{"rank": "Serda", "name": "Jasem"}],
        "summary": "x",
    }
    assert reasons(base, {**base, "id": "b", "summary": "Rapat di balai desa"}) == ["duplicates.why_babinsa"]
    assert reasons(base, {**base, "id": "b", "village": "Krajan"}) == []
    assert reasons(base, {**base, "id": "b", "date": "2025-01-18"}) == []
    assert summary_similarity("Komsos dengan warga desa", "komsos dengan warga desa!") == 1.0
    assert summary_similarity("Komsos dengan warga desa", "Rapat koordinasi di kantor camat") < 0.5


# Words a Babinsa writes, so that drawn summaries share many of them (the close calls near SIMILAR).
_VOCABULARY = ["komsos", "warga", "desa", "dusun", "balai", "kopi", "aman", "kondusif", "babinsa", "rapat"]
_SUMMARIES = st.lists(st.sampled_from(_VOCABULARY) | st.text(min_size=1, max_size=6), max_size=14).map(" ".join)


@pytest.mark.file_only
@settings(max_examples=300, deadline=None)
@given(first=_SUMMARIES, second=_SUMMARIES)
def test_the_quick_similarity_check_decides_as_the_full_ratio(first: str, second: str) -> None:
    from komsos_cli.duplicates import SIMILAR, _similarity, _words

    quick = _similarity(_words(first), _words(second), at_least=SIMILAR)
    assert (quick >= SIMILAR) == (summary_similarity(first, second) >= SIMILAR)


@pytest.mark.file_only
def test_pairs_among_some_ids_are_the_pairs_that_hold_one_of_them(tmp_path: Path) -> None:
    from komsos_cli.duplicates import pairs
    from komsos_cli.model import validate_entry
    from komsos_cli.query import Criteria
    from komsos_cli.store import FileStore

    store = FileStore(tmp_path / "s.json")
    items = [
        validate_entry(
            {
                "date": f"2025-01-{10 + n % 2}",
                "village": "Kemiri",
                "babinsa": ["Serda Jasem" if n % 3 else "Kopda Hasibuan"],
                "summary": f"Komsos dengan warga Desa Kemiri di pos ronda {'RT 02' if n % 4 else 'RT 03'}",
            }
        )
        for n in range(12)
    ]
    with store.transaction() as transaction:
        transaction.add_many(items)
    every = pairs(store, Criteria())
    some = {items[0]["id"], items[5]["id"]}
    expected = [(p.first["id"], p.second["id"]) for p in every if p.first["id"] in some or p.second["id"] in some]
    assert expected and len(expected) < len(every)
    assert [(p.first["id"], p.second["id"]) for p in pairs(store, Criteria(), among=some)] == expected
