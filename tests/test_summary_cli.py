"""CLI tests of summary, villages, followups and resolve, through the real store file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from blank_entry import BLANK
from hub_server import any_store as Store

pytestmark = pytest.mark.both_stores


@pytest.fixture
def koramil(record: Any) -> dict[str, str]:
    """A small merged store: Koramil 03 (Kemiri, Macanan) and 07 (Krajan), three Babinsa.

    Places are given with their area, as a profile would, so the gazetteer matches them
    (and keeps the official spelling: "Desa Kemiri" and "kemiri" are stored as Kemiri).
    """
    kebakkramat = {"kecamatan": "Kebakkramat", "kabupaten": "Karanganyar"}
    ids = {
        "kemiri1": record(
            date="05/01/2025",
            village="Desa Kemiri",
            topic="pemilu",
            situation="aman",
            koramil="Koramil 03/Kebakkramat",
            **kebakkramat,
        ),
        "kemiri2": record(
            "--finding",
            "Warga mengeluhkan jalan rusak",
            date="12/01/2025",
            village="kemiri",
            kind="anjangsana",
            topic="ekonomi",
            situation="waspada",
            follow_up="Laporkan jalan rusak ke Kades",
            koramil="Koramil 03/Kebakkramat",
            **kebakkramat,
        ),
        "macanan": record(
            "--finding",
            "Pencurian ternak di Dusun 2",
            date="20/01/2025",
            village="Macanan",
            kind="patroli",
            babinsa="Serka M Kliwon",
            topic="keamanan",
            situation="rawan",
            koramil="Koramil 03/Kebakkramat",
            **kebakkramat,
        ),
        "krajan": record(
            date="16/01/2023",
            village="Krajan",
            kind="anjangsana",
            babinsa="Serka Sugianto",
            topic="ekonomi",
            follow_up="Promosikan blangkon lewat media online",
            koramil="Koramil 07/Gatak",
            kecamatan="Gatak",
            kabupaten="Sukoharjo",
        ),
        "february": record(
            date="03/02/2025", village="Kemiri", topic="keamanan", koramil="Koramil 03/Kebakkramat", **kebakkramat
        ),
    }
    return ids


KEBAKKRAMAT = ("--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar")


def by_name(rows: list[dict[str, Any]]) -> dict[str | None, int]:
    return {row["name"]: row["count"] for row in rows}


def age(day: str) -> int:
    return (date.today() - date.fromisoformat(day)).days


# --- summary -------------------------------------------------------------------------------


def test_summary_json_counts_everything(run: Any, koramil: dict[str, str]) -> None:
    data = run.json("summary")
    assert data["total"] == 5
    assert (data["first_date"], data["last_date"]) == ("2023-01-16", "2025-02-03")
    assert data["villages"] == 3 and data["babinsa"] == 3
    assert by_name(data["by"]["village"]) == {"Kemiri": 3, "Macanan": 1, "Krajan": 1}
    assert by_name(data["by"]["kind"]) == {"komsos": 2, "anjangsana": 2, "patroli": 1}
    assert by_name(data["by"]["topic"]) == {"ekonomi": 2, "keamanan": 2, "pemilu": 1}
    assert by_name(data["by"]["month"]) == {"2023-01": 1, "2025-01": 3, "2025-02": 1}
    assert by_name(data["by"]["babinsa"]) == {"Serda Nursalim": 3, "Serka M Kliwon": 1, "Serka Sugianto": 1}
    assert by_name(data["by"]["koramil"]) == {"Koramil 03/Kebakkramat": 4, "Koramil 07/Gatak": 1}
    assert data["by"]["situation"] == [
        {"name": "aman", "count": 1},
        {"name": "waspada", "count": 1},
        {"name": "rawan", "count": 1},
        {"name": None, "count": 2},
    ]
    assert data["open_follow_ups"] == 2 and data["not_aman"] == 2
    oldest = data["oldest_open_follow_up"]
    assert oldest["id"] == koramil["krajan"] and oldest["age_days"] == age("2023-01-16")
    assert data["today"] == date.today().isoformat()


def test_summary_with_filters_and_period(run: Any, koramil: dict[str, str]) -> None:
    january = run.json("summary", "--period", "2025-01")
    assert january["total"] == 3
    assert january["period"] == {"label": "2025-01", "since": "2025-01-01", "until": "2025-01-31"}
    assert by_name(january["by"]["village"]) == {"Kemiri": 2, "Macanan": 1}
    quarter = run.json("summary", "--period", "2025-q1", "--koramil", "03")
    assert quarter["total"] == 4
    # --period and --since: both hold.
    assert run.json("summary", "--period", "2025-01", "--since", "15/01/2025")["total"] == 1
    assert run.json("summary", "--period", "2025", "--until", "10/01/2025")["total"] == 1
    assert run.json("summary", "--village", "KEMIRI")["total"] == 3
    assert run.json("summary", "--babinsa", "kliwon", "--period", "2024")["total"] == 0
    only = run.json("summary", "--by", "topic", "--situation", "waspada")
    assert only["by"] == {"topic": [{"name": "ekonomi", "count": 1}]}


def test_summary_table_and_by(run: Any, koramil: dict[str, str]) -> None:
    result = run("summary", "--period", "2025-01")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in ("Summary 2025-01", "By village", "By topic", "By Babinsa", "By situation", "Not aman"):
        assert heading in out
    assert "Pencurian ternak di Dusun 2" in out and "█" in out
    full = run("summary", "--by", "village", "--top", "1")
    assert full.exit_code == 0
    assert "Krajan" in full.stdout and "By topic" not in full.stdout
    cut = run("summary", "--top", "1").stdout
    villages = cut[cut.index("By village") : cut.index("By kind")]
    assert "Kemiri" in villages and "Krajan" not in villages and "Macanan" not in villages
    assert "… and 2 more (--by village shows all)" in villages


def test_summary_empty_store(run: Any) -> None:
    data = run.json("summary")
    assert data["total"] == 0 and data["oldest_open_follow_up"] is None
    result = run("summary")
    assert result.exit_code == 0
    assert "no entries match" in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--period", "2025-13"), "“2025-13”: the month must be 01 to 12"),
        (("--period", "Januari"), "cannot read the period “Januari”"),
        (("--by", "dusun"), "--by: “dusun” is not one of village, kind"),
        (("--format", "pdf"), "--format: “pdf” is not one of"),
        (("--format", "md", "--json"), "--json and --format md cannot be used together"),
        (("--top", "0"), "--top must be 1 or more"),
    ],
)
def test_summary_bad_options_one_line_exit_2(run: Any, db: Path, args: tuple[str, ...], fragment: str) -> None:
    result = run("summary", *args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], lines
    assert result.stdout == ""


def test_summary_formats(run: Any, koramil: dict[str, str]) -> None:
    markdown = run("summary", "--period", "2025-01", "--format", "md")
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# Babinsa activity recap: Januari 2025\n")
    assert "| Kemiri | 2 |" in markdown.stdout
    assert "Laporkan jalan rusak ke Kades" in markdown.stdout
    page = run("summary", "--period", "2025-01", "--format", "html")
    assert page.exit_code == 0
    assert page.stdout.startswith("<!DOCTYPE html>") and page.stdout.rstrip().endswith("</html>")
    as_json = run("summary", "--format", "json")
    assert as_json.exit_code == 0 and '"total": 5' in as_json.stdout


# --- villages ---------------------------------------------------------------------------------


def test_villages_rows_with_profile_care(run: Any, koramil: dict[str, str]) -> None:
    assert run("profile", "set", "-v", "Kemiri", "-v", "Pulosari", *KEBAKKRAMAT).exit_code == 0
    rows = {row["village"]: row for row in run.json("villages")}
    assert set(rows) == {"Kemiri", "Macanan", "Krajan", "Pulosari"}
    assert rows["Kemiri"]["visits"] == 3 and rows["Kemiri"]["in_care"] is True
    assert rows["Kemiri"]["last_visit"] == "2025-02-03"
    assert rows["Kemiri"]["days_since"] == age("2025-02-03")
    assert rows["Kemiri"]["kinds"] == {"komsos": 2, "anjangsana": 1}
    assert rows["Pulosari"] == {
        "village": "Pulosari",
        "group": None,
        "visits": 0,
        "last_visit": None,
        "days_since": None,
        "kinds": {},
        "in_care": True,
    }
    table = run("villages")
    assert table.exit_code == 0 and "Pulosari *" in table.stdout and "4 villages" in table.stderr


def test_villages_stale_oldest_first(run: Any, koramil: dict[str, str]) -> None:
    assert run("profile", "set", "-v", "Pulosari", *KEBAKKRAMAT).exit_code == 0
    stale = run.json("villages", "--stale", "30")
    assert [row["village"] for row in stale] == ["Pulosari", "Krajan", "Macanan", "Kemiri"]
    older = run.json("villages", "--stale", str(age("2025-01-20") + 1))
    assert [row["village"] for row in older] == ["Pulosari", "Krajan"]
    one = run("villages", "--stale", "30", "--village", "Kemiri")
    assert one.exit_code == 0 and one.stderr == "1 village\n" and one.stdout.splitlines()[1].startswith("Kemiri")
    none = run("villages", "--stale", "100000", "--village", "Kemiri")
    assert none.exit_code == 0 and "every village was visited within the last 100000 days" in none.stderr
    bad = run("villages", "--stale", "-1")
    assert bad.exit_code == 2 and "--stale must be 0 or more days" in bad.stderr


def test_villages_by_babinsa_and_koramil(run: Any, koramil: dict[str, str]) -> None:
    rows = run.json("villages", "--by", "babinsa", "--koramil", "03")
    assert [(row["group"], row["village"], row["visits"]) for row in rows] == [
        ("Serda Nursalim", "Kemiri", 3),
        ("Serka M Kliwon", "Macanan", 1),
    ]
    by_unit = run.json("villages", "--by", "koramil")
    assert [(row["group"], row["village"]) for row in by_unit] == [
        ("Koramil 03/Kebakkramat", "Kemiri"),
        ("Koramil 03/Kebakkramat", "Macanan"),
        ("Koramil 07/Gatak", "Krajan"),
    ]
    table = run("villages", "--by", "koramil")
    assert table.exit_code == 0 and "Koramil 07/Gatak" in table.stdout
    bad = run("villages", "--by", "kodim")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1


# --- follow-ups and resolve -----------------------------------------------------------------------


def test_followups_oldest_first(run: Any, koramil: dict[str, str]) -> None:
    items = run.json("followups")
    assert [(item["id"], item["age_days"]) for item in items] == [
        (koramil["krajan"], age("2023-01-16")),
        (koramil["kemiri2"], age("2025-01-12")),
    ]
    assert items[1]["action"] == "Laporkan jalan rusak ke Kades" and items[1]["village"] == "Kemiri"
    assert [item["id"] for item in run.json("followups", "--koramil", "03")] == [koramil["kemiri2"]]
    table = run("followups")
    assert table.exit_code == 0 and "Promosikan blangkon" in table.stdout and "2 open follow-ups" in table.stderr


def test_followups_limit_keeps_the_oldest_open_ones(run: Any, koramil: dict[str, str]) -> None:
    # The newest entry (February) has no follow-up: --limit counts follow-ups, not entries.
    assert [item["id"] for item in run.json("followups", "--limit", "1")] == [koramil["krajan"]]
    assert len(run.json("followups", "--limit", "5")) == 2
    table = run("followups", "--limit", "1")
    assert table.exit_code == 0 and "Promosikan blangkon" in table.stdout and "1 open follow-up\n" in table.stderr


def test_resolve_closes_and_keeps_history(run: Any, db: Path, koramil: dict[str, str]) -> None:
    entry_id = koramil["kemiri2"]
    old = next(e for e in run.json("list") if e["id"] == entry_id)
    result = run("resolve", entry_id[:6], "--note", "Sudah dilaporkan ke Kades")
    assert result.exit_code == 0, result.stderr
    assert "resolved the follow-up" in result.stderr
    entry = next(e for e in run.json("list") if e["id"] == entry_id)
    assert entry["follow_up"] == {
        "action": "Laporkan jalan rusak ke Kades",
        "status": "done",
        "resolved_on": date.today().isoformat(),
        "note": "Sudah dilaporkan ke Kades",
    }
    assert entry["updated_at"] > old["updated_at"]
    history = Store(db).history(entry_id)
    assert [item["version"]["follow_up"]["status"] for item in history] == ["open"]
    assert [item["id"] for item in run.json("followups")] == [koramil["krajan"]]
    assert [e["id"] for e in run.json("list", "--open")] == [koramil["krajan"]]
    assert run.json("summary")["open_follow_ups"] == 1


def test_resolve_json_prints_the_entry(run: Any, koramil: dict[str, str]) -> None:
    entry = run.json("resolve", koramil["krajan"], "--note", "Produk sudah dipasarkan online")
    assert entry["id"] == koramil["krajan"]
    assert entry["follow_up"]["status"] == "done"


@pytest.mark.parametrize(
    ("which", "note", "code", "fragment"),
    [
        ("kemiri1", "x", 2, "has no follow-up to resolve"),
        ("nothing", "x", 1, "no entry with id"),
        ("kemiri2", "   ", 2, "--note is empty"),
    ],
)
def test_resolve_refusals_leave_store_unchanged(
    run: Any, db: Path, koramil: dict[str, str], which: str, note: str, code: int, fragment: str
) -> None:
    before = db.read_bytes()
    result = run("resolve", koramil.get(which, "ffffffff"), "--note", note)
    assert result.exit_code == code
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr
    assert db.read_bytes() == before


def test_resolve_twice_is_refused(run: Any, db: Path, koramil: dict[str, str]) -> None:
    assert run("resolve", koramil["kemiri2"], "--note", "Selesai").exit_code == 0
    before = db.read_bytes()
    again = run("resolve", koramil["kemiri2"], "--note", "Lagi")
    assert again.exit_code == 2
    assert f"already resolved on {date.today().isoformat()}" in again.stderr
    assert db.read_bytes() == before


def test_resolve_needs_a_note(run: Any, koramil: dict[str, str]) -> None:
    result = run("resolve", koramil["kemiri2"])
    assert result.exit_code == 2 and "--note" in result.stderr


def test_indonesian_messages(run: Any, koramil: dict[str, str]) -> None:
    result = run("summary", "--period", "2025-13", env={"KOMSOS_LANG": "id"})
    assert result.exit_code == 2 and "bulan harus 01 sampai 12" in result.stderr
    table = run("followups", env={"KOMSOS_LANG": "id"})
    assert "2 tindak lanjut terbuka" in table.stderr


# --- the plain tables (drawn without Rich) ---------------------------------------------------------


def test_summary_tables_are_aligned_plain_lines(run: Any, koramil: dict[str, str]) -> None:
    result = run("summary", "--by", "village", env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "\x1b" not in result.stdout and not any(ch in result.stdout for ch in "┃│┏━")
    assert all(len(line) <= 60 for line in lines), lines
    table = lines[lines.index("By village") + 1 :]
    assert table[0].split() == ["Desa", "Count", "Share"]
    rows = {line.split()[0]: line for line in table[1:4]}
    assert set(rows) == {"Kemiri", "Macanan", "Krajan"}
    # Counts are right-aligned under their header: every count ends where "Count" ends.
    end = table[0].index("Count") + len("Count")
    assert {row[end - 1] for row in rows.values()} == {"3", "1"}
    assert rows["Kemiri"][:end].endswith(" 3") and rows["Macanan"][:end].endswith(" 1")
    assert "60%" in rows["Kemiri"] and "█" * 20 in rows["Kemiri"]


def test_followups_and_villages_fit_the_terminal(run: Any, record: Any) -> None:
    long_action = "Koordinasi dengan Kades, Bhabinkamtibmas dan PPL tentang jalan rusak " * 3
    entry_id = record(village="Macanan", follow_up=long_action, kecamatan="Kebakkramat", kabupaten="Karanganyar")
    followups = run("followups", env={"COLUMNS": "80"})
    assert followups.exit_code == 0
    lines = followups.stdout.splitlines()
    assert lines[0].split() == ["ID", "Tanggal", "Hari", "Desa", "Babinsa", "Tindak", "lanjut"]
    assert lines[1].startswith(entry_id[:8]) and lines[1].endswith("…") and len(lines[1]) == 80
    assert "Koordinasi dengan Kades" in lines[1]
    villages = run("villages", env={"COLUMNS": "70"})
    assert villages.exit_code == 0
    lines = villages.stdout.splitlines()
    assert lines[0].split() == ["Desa", "Kunjungan", "Terakhir", "Hari", "Kegiatan"]
    assert lines[1].split()[:2] == ["Macanan", "1"] and "komsos 1" in lines[1]


def test_plain_tables_neutralise_control_characters_and_colour_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from komsos_cli.render import summary as render
    from komsos_cli.summary import OpenFollowUp, summarize

    item = OpenFollowUp("a" * 36, "2025-01-12", "Kemiri\x1b[2J", ["Serda X\rY"], "Lapor\x07 ke Kades\x1b]0;t\x07", 3)
    render.followups_table([item])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "Kemiri [2J" in out and "Serda X Y" in out

    from komsos_cli.model import Entry

    # a bare entry: only these fields stated
    entry: Entry = {
        **BLANK,
        "id": "b" * 36,
        "date": "2025-01-20",
        "kind": "patroli",
        "village": "Macanan",
        "situation": "rawan",
        "created_at": "",
        "updated_at": "",
    }
    summary = summarize([entry], date(2025, 2, 1))
    render.summary_tables(summary)
    assert "\x1b" not in capsys.readouterr().out  # NO_COLOR, and not a terminal
    from komsos_cli.render import text

    for module in (render, text):  # as on a terminal
        monkeypatch.setattr(module, "use_colour", lambda stream: True)
    render.summary_tables(summary)
    painted = capsys.readouterr().out
    assert "\x1b[1;31mrawan\x1b[0m" in painted  # the situation, in its colour
    assert "\x1b[1mBy situation\x1b[0m" in painted


@pytest.mark.parametrize("command", ["summary", "villages", "followups"])
def test_commanders_tables_do_not_import_rich(db: Path, koramil: dict[str, str], command: str) -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom komsos_cli.cli import main\n"
        f"sys.argv = ['komsos', '--db', {str(db)!r}, {command!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('RICH=' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Kemiri" in result.stdout
    assert result.stderr.rstrip().endswith("RICH="), result.stderr


def test_summary_cut_months_shows_the_latest(run: Any, koramil: dict[str, str]) -> None:
    out = run("summary", "--top", "2").stdout
    months = out[out.index("By month") : out.index("By Babinsa")].splitlines()
    assert [line.split()[0] for line in months[2:4]] == ["2025-01", "2025-02"]
    assert months[4] == "… and 1 earlier (--by month shows all)"
    assert "2023-01" not in "\n".join(months)
    everything = run("summary", "--by", "month").stdout
    assert [line.split()[0] for line in everything.splitlines()[-3:]] == ["2023-01", "2025-01", "2025-02"]


def test_villages_and_followups_take_a_period(run: Any, koramil: dict[str, str]) -> None:
    january = run.json("villages", "--period", "2025-01")
    assert {row["village"]: row["visits"] for row in january} == {"Kemiri": 2, "Macanan": 1}
    assert [row["village"] for row in run.json("villages", "--period", "2023")] == ["Krajan"]
    assert [item["id"] for item in run.json("followups", "--period", "2025-Q1")] == [koramil["kemiri2"]]
    assert [item["id"] for item in run.json("followups", "-p", "2023-01")] == [koramil["krajan"]]
    bad = run("followups", "--period", "2025-13")
    assert bad.exit_code == 2 and bad.stderr == "komsos: “2025-13”: the month must be 01 to 12\n"
    assert run("villages", "--period", "Q1").exit_code == 2


def test_summary_by_desa_is_by_village(run: Any, record: Any) -> None:
    record()
    english = run("summary", "--by", "village", "--json")
    indonesian = run("summary", "--by", "desa", "--json")
    assert english.exit_code == indonesian.exit_code == 0, indonesian.stderr
    assert english.stdout == indonesian.stdout
