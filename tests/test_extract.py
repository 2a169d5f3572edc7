"""The extractor on real reports (tests/fixtures/corpus) and on variants in the other ways reports are written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from komsos_cli.model import KINDS, validate_entry
from komsos_cli.narrative import entry_values, parse_text
from komsos_cli.narrative.extract import extract

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TRUTH = [json.loads(line) for line in (CORPUS / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()]
HARDER = [
    json.loads(line) for line in (CORPUS / "harder" / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()
]
VARIANTS = [
    json.loads(line) for line in (CORPUS / "variants" / "truth.jsonl").read_text("utf-8").splitlines() if line.strip()
]
PLACE_FIELDS = ("village", "village_kind", "hamlet", "kecamatan", "kabupaten", "province")


def read(truth: dict[str, Any], folder: Path = CORPUS) -> Any:
    return extract((folder / Path(truth["file"]).name).read_text("utf-8"))


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_real_reports_field_by_field(truth: dict[str, Any]) -> None:
    found = read(truth)
    fields = found.fields
    assert fields["date"] == truth["date"]
    assert found.date_as_written == truth["date_as_written"]
    assert fields["babinsa"] == truth["babinsa"]
    assert fields["koramil"] == truth["koramil"]
    assert fields["kodim"] == truth["kodim"]
    for key in PLACE_FIELDS:
        assert fields[key] == truth[key], key
    assert fields["venue"] == truth["venue"]
    assert found.activity_kinds == truth["activity_kinds"]
    assert fields["kind"] == truth["activity_kinds"][0]
    assert sorted(fields["topics"]) == sorted(truth["topics"])
    assert fields["situation"] == truth["situation"]
    assert fields["counterparts"] == truth["counterparts"]


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_the_whole_text_is_kept_as_the_summary(truth: dict[str, Any]) -> None:
    text = (CORPUS / truth["file"].split("/")[-1]).read_text("utf-8")
    summary = read(truth).fields["summary"]
    assert " ".join(summary.split()) == " ".join(text.replace("\u2019", "'").split())


@pytest.mark.parametrize("truth", VARIANTS, ids=[t["file"] for t in VARIANTS])
def test_variants_people_units_dates_and_villages(truth: dict[str, Any]) -> None:
    found = read(truth, CORPUS / "variants")
    fields = found.fields
    assert fields["date"] == truth["date"]
    assert fields["babinsa"] == truth["babinsa"]
    assert fields["koramil"] == truth["koramil"]
    assert fields["kodim"] == truth["kodim"]
    assert fields["village"] == truth["village"]
    assert fields["village_kind"] == truth["village_kind"]
    assert fields["kecamatan"] == truth["kecamatan"]
    assert found.activity_kinds == truth["activity_kinds"]
    assert fields["situation"] == truth["situation"]


def test_empty_text_is_refused() -> None:
    from komsos_cli.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_text("   \n")


WORDS = [
    "Desa",
    "Kecamatan",
    "Kab.",
    "Serda",
    "Kapten",
    "Inf",
    "Danramil",
    "Koramil",
    "Kodim",
    "0727-03/",
    "01/",
    "Senin",
    "(17/01/2025)",
    "pukul",
    "09.00",
    "RT",
    "03/RW",
    "Dusun",
    "Bapak",
    "di",
    "rumah",
    "kedai",
    "bertempat",
    "tidak",
    "batal",
    "komsos",
    "patroli",
    "Kadus",
    "Dsn",
    "2",
    "Bhabinkamtibmas",
    "Bripka",
    "Budi",
    "Krajan",
    ",",
    ".",
    "\n",
    "(Pendim",
    "0727)",
    "Kota",
    "Kampung",
    "Lingkungan",
    "I",
    "Tempat:",
    "“",
    "”",
    "ujarnya",
]


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)))
def test_any_text_reads_without_error_into_a_valid_entry(text: str) -> None:
    found = extract(text)
    values = entry_values(found)
    values.setdefault("date", "2024-01-01")
    values.setdefault("babinsa", [{"rank": "Serda", "name": "Budi"}])
    values.setdefault("village", "Waru")
    values["summary"] = values.get("summary") or "-"
    assert validate_entry(values)["kind"] in KINDS


def test_other_headlines_listed_under_baca_lainnya_are_not_read() -> None:
    text = (
        "Serda Moh Rafli Babinsa Kelurahan Cibodas, Koramil 06/CBD melaksanakan komsos, Senin (16/06/2025).\n"
        "Baca Lainnya :\n- Serma Hamdan Pimpin Karbak Bersihkan Saluran\n- Dandim 0506/Tgr: Hindari Pinjol\n"
        "Komsos berjalan lancar."
    )
    assert extract(text).fields["babinsa"] == [{"rank": "Serda", "name": "Moh Rafli"}]


@pytest.mark.parametrize("truth", TRUTH + VARIANTS, ids=[t["file"] for t in TRUTH + VARIANTS])
def test_only_a_report_typed_without_capitals_is_read_as_one(truth: dict[str, Any]) -> None:
    from komsos_cli.narrative.extract import caseless

    folder = CORPUS if truth in TRUTH else CORPUS / "variants"
    typed_in_lower_case = "-lower" in truth["file"]
    assert caseless((folder / Path(truth["file"]).name).read_text("utf-8")) == typed_in_lower_case


def test_a_file_longer_than_a_report_is_read_as_far_as_the_summary_keeps() -> None:
    from komsos_cli.model import LIMIT_SUMMARY

    head = "Babinsa Serda Budi Santoso melaksanakan komsos, Senin (03/11/2025). "
    filler = "Warga bergotong royong membersihkan saluran air. " * (LIMIT_SUMMARY // 40)
    found = extract(head + filler + "Bertempat di Desa Sukajadi Kecamatan Cibadak.", today=date(2026, 1, 1))
    assert found.fields["babinsa"] == [{"rank": "Serda", "name": "Budi Santoso"}]
    assert isinstance(found.fields["summary"], str)
    assert len(found.fields["summary"]) <= LIMIT_SUMMARY
    assert found.fields["village"] is None  # after the kept text: not in the entry's summary, not read
    assert any(str(LIMIT_SUMMARY) in note for note in found.notes)


def test_the_benchmark_reads_reports_as_komsos_parse_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "extraction", Path(__file__).parent.parent / "benchmarks" / "extraction.py"
    )
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "extraction", benchmark)  # its dataclass looks itself up there
    spec.loader.exec_module(benchmark)
    text = "Babinsa Serda Budi \u201ckomsos\u201d di Desa Waru, Senin (05/02/2024)."
    (tmp_path / "ansi.txt").write_bytes(text.encode("cp1252"))  # saved by an old Windows PC
    truth = {
        "file": "ansi.txt",
        "date": "2024-02-05",
        "village": "Waru",
        "babinsa": [{"rank": "Serda", "name": "Budi"}],
    }
    (tmp_path / "truth.jsonl").write_text(json.dumps(truth) + "\n", "utf-8")
    [(name, found, _)] = benchmark.load(tmp_path, tmp_path / "truth.jsonl", gazetteer=False)
    assert (name, found["date"], found["village"]) == ("ansi.txt", "2024-02-05", "Waru")


@pytest.mark.parametrize("truth", HARDER, ids=[t["file"] for t in HARDER])
def test_harder_reports_dates_with_hours_units_as_written_people_and_places(truth: dict[str, Any]) -> None:
    """tests/fixtures/corpus/harder: press releases and WhatsApp reports written for issue 16 (names invented)."""
    fields = parse_text((CORPUS / "harder" / truth["file"]).read_text("utf-8"), today=date(2026, 1, 1)).fields
    for key in ("date", "time", "babinsa", "koramil", "kodim", "village", "village_kind", "kecamatan", "kabupaten"):
        assert fields[key] == truth[key], key
