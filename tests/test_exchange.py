"""export and import end to end: the core, the commands, the merge of a whole Koramil."""

from __future__ import annotations

import io
import json
import re
import stat
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import created
from hub_server import any_store as Store

from komsos_cli import entries as core
from komsos_cli import exchange
from komsos_cli.errors import InvalidInput, KomsosError
from komsos_cli.model import FIELDS, Entry, validate_entry
from komsos_cli.query import Criteria

pytestmark = pytest.mark.both_stores

# Real reports (tests keep their own copy of what they need from the corpus).
BABINSA = {
    "nursalim": {
        "babinsa": [{"rank": "Serda", "name": "Nursalim"}],
        "koramil": "Koramil 03/Kebakkramat",
        "kodim": "Kodim 0727/Karanganyar",
        "village": "Kemiri",
        "kecamatan": "Kebakkramat",
        "kabupaten": "Karanganyar",
        "counterparts": ["Sekretaris Perangkat Desa Kemiri"],
        "topics": ["pemilu", "keamanan"],
    },
    "hasibuan": {
        "babinsa": [{"rank": "Kopda", "name": "SY.E Hasibuan"}],
        "koramil": "Koramil 01/Rengat",
        "kodim": "Kodim 0302/Inhu",
        "village": "Pematang Jaya",
        "kecamatan": "Rengat Barat",
        "kabupaten": "Indragiri Hulu",
        "venue": "kedai kopi",
        "counterparts": ["warga"],
        "topics": ["keamanan", "program pemerintah"],
        "situation": "aman",
    },
    "jasem": {
        "babinsa": [{"rank": "Serda", "name": "Jasem"}],
        "koramil": "Koramil 13/Buntu Pane",
        "kodim": "Kodim 0208/Asahan",
        "village": "Sei Silau Tua",
        "hamlet": "Dusun 2",
        "kecamatan": "Setia Janji",
        "kabupaten": "Asahan",
        "venue": "Jalan Protokol Dusun 2",
        "counterparts": ["Kadus Dsn 2 Bapak Faisal", "Tomas Bapak Rahmad"],
        "topics": ["keamanan", "kesehatan"],
    },
}


def make(who: str, day: int, **values: Any) -> Entry:
    raw: dict[str, Any] = {
        **BABINSA[who],
        "id": str(uuid.uuid4()),
        "date": f"2025-01-{day:02d}",
        "summary": f"Komsos dengan warga Desa {BABINSA[who]['village']} hari ke-{day}",
        "created_at": f"2025-01-{day:02d}T08:00:00+00:00",
        "updated_at": f"2025-01-{day:02d}T08:00:00+00:00",
    }
    raw.update(values)
    return validate_entry(raw)


def seed(path: Path, items: list[Entry]) -> Any:
    store = Store(path)
    with store.transaction() as transaction:
        transaction.add_many([item.copy() for item in items])
    return store


def unsigned(path: Path) -> str:
    """The warning import gives for a file without its signature beside it (docs/trust.md)."""
    return f"warning: {path} is not signed (no {path.name}.sig beside it): anyone could have written or changed it\n"


def by_id(items: list[Entry]) -> dict[str, Entry]:
    return {item["id"]: item for item in items}


# --- merge: a pure function ------------------------------------------------------------------------


def test_plan_merge_adds_new_skips_same_and_older_replaces_with_newer() -> None:
    old = make("jasem", 11)
    same = old.copy()
    newer: Entry = {**old, "summary": "Diubah", "updated_at": "2025-01-12T08:00:00.000000+00:00"}
    older: Entry = {**old, "summary": "Lama", "updated_at": "2025-01-10T08:00:00.000000+00:00"}
    fresh = make("nursalim", 3)
    plan = exchange.plan_merge({old["id"]: old}, [same, older, fresh, newer])
    assert plan.added == [fresh]
    assert plan.updated == [newer]
    assert plan.skipped == 2
    assert plan.conflicts == 0


def test_plan_merge_counts_one_id_seen_in_several_files_once_newest_wins() -> None:
    first = make("hasibuan", 17)
    edited: Entry = {**first, "situation": "waspada", "updated_at": "2025-01-18T08:00:00.000000+00:00"}
    plan = exchange.plan_merge({}, [edited, first, first])
    assert plan.added == [edited]
    assert (len(plan.updated), plan.skipped) == (0, 2)
    plan = exchange.plan_merge({}, [first, edited])
    assert plan.added == [edited]


def test_plan_merge_keeps_the_stored_entry_on_a_tie_and_counts_the_conflict() -> None:
    stored = make("jasem", 11)
    other: Entry = {**stored, "summary": "Isi lain, waktu sama"}
    plan = exchange.plan_merge({stored["id"]: stored}, [other])
    assert (plan.added, plan.updated, plan.skipped, plan.conflicts) == ([], [], 1, 1)


# What csv and xlsx leave out (docs/exchange.md): the photos, where a chat report came from, the ids
# `merge` folded in. A copy without them is not "other content".
EXTRAS = {
    "photos": [{"name": "IMG-20250111-WA0003.jpg", "sha256": "ab" * 32}],
    "source": {"chat": "Grup Koramil", "sender": "Serda Jasem", "sent_at": "2025-01-11T09:12:00"},
    "merged_ids": [str(uuid.UUID(int=7))],
}


def test_plan_merge_takes_a_copy_without_the_extra_fields_for_the_same_report() -> None:
    stored = make("jasem", 11, **EXTRAS)
    bare: Entry = make("jasem", 11, id=stored["id"])
    plan = exchange.plan_merge({stored["id"]: stored}, [bare])
    assert (plan.added, plan.updated, plan.skipped, plan.conflicts) == ([], [], 1, 0)
    # the other way round the copy says more than the stored one: other content, the stored one kept
    plan = exchange.plan_merge({bare["id"]: bare}, [stored])
    assert (plan.added, plan.updated, plan.skipped, plan.conflicts) == ([], [], 1, 1)
    # an extra field both have but that differs is other content too
    moved: Entry = {**stored, "merged_ids": [str(uuid.UUID(int=8))]}
    assert exchange.plan_merge({stored["id"]: stored}, [moved]).conflicts == 1


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_entries_with_extra_fields_sent_as_a_spreadsheet_import_back_unchanged(
    run: Any, db: Path, tmp_path: Path, suffix: str
) -> None:
    items = [make("jasem", 11, **EXTRAS), make("nursalim", 3, photos=EXTRAS["photos"]), make("hasibuan", 17)]
    seed(db, items)
    before = run.json("list")
    path = tmp_path / f"kirim.{suffix}"
    assert run("export", "-o", str(path)).exit_code == 0
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [unsigned(path).strip(), "1 file, 3 entries: 0 added, 0 updated, 3 skipped"]
    assert run.json("list") == before


def test_plan_merge_does_not_bring_back_an_entry_deleted_here_unless_changed_since() -> None:
    gone = make("jasem", 11)  # last changed 2025-01-11
    deleted = {gone["id"]: "2025-01-15T09:00:00.000000+00:00"}
    plan = exchange.plan_merge({}, [gone, gone], deleted)
    assert (plan.added, plan.skipped, plan.deleted_here) == ([], 2, 1)
    edited_since: Entry = {
        **gone,
        "summary": "Diubah sesudah dihapus",
        "updated_at": "2025-01-16T08:00:00.000000+00:00",
    }
    plan = exchange.plan_merge({}, [gone, edited_since], deleted)
    assert (plan.added, plan.skipped, plan.deleted_here) == ([edited_since], 1, 0)


def test_an_entry_deleted_then_imported_from_an_old_export_stays_deleted(run: Any, tmp_path: Path) -> None:
    # A Babinsa deletes a wrong entry; the Danramil's merged file from last week still has it.
    items = [make("jasem", d) for d in (11, 12)]
    source = seed(tmp_path / "babinsa.json", items)
    old_export = tmp_path / "minggu-lalu.jsonl"
    exchange.export(source, Criteria(), exchange.plan_export(str(old_export)))
    assert run("import", str(old_export)).exit_code == 0
    assert run("delete", items[0]["id"], "--yes").exit_code == 0
    result = run("import", str(old_export))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        unsigned(old_export) + "1 file, 2 entries: 0 added, 0 updated, 2 skipped\n"
        "1 skipped entry was deleted in this store after its last change; it stays deleted\n"
    )
    assert [entry["id"] for entry in run.json("list")] == [items[1]["id"]]


# --- three Babinsa, one Danramil ------------------------------------------------------------------------


@pytest.mark.parametrize("suffixes", [("csv", "xlsx", "json"), ("jsonl", "csv", "csv")])
def test_three_babinsa_stores_merge_into_a_fourth_without_duplicates(
    tmp_path: Path, suffixes: tuple[str, str, str]
) -> None:
    shared = make("jasem", 20, summary="Patroli bersama di perbatasan Desa", kind="patroli")
    stores = {
        "nursalim": [make("nursalim", d) for d in (3, 9, 31)],
        "hasibuan": [make("hasibuan", d) for d in (17, 24)] + [shared],
        "jasem": [make("jasem", d) for d in (11, 12, 13, 14)] + [shared],
    }
    files = []
    for (who, items), suffix in zip(stores.items(), suffixes, strict=True):
        store = seed(tmp_path / who / "komsos.json", items)
        plan = exchange.plan_export(str(tmp_path / f"{who}.{suffix}"))
        result = exchange.export(store, Criteria(), plan)
        assert result.count == len(items)
        files.append(tmp_path / f"{who}.{suffix}")

    danramil = Store(tmp_path / "danramil" / "komsos.json")
    imported = exchange.import_files(danramil, files)
    union = by_id([item for items in stores.values() for item in items])
    assert (imported.added, imported.updated, imported.skipped) == (len(union), 0, 1)
    assert by_id(danramil.entries()) == union
    assert len(danramil.entries()) == 10

    again = exchange.import_files(danramil, files)
    assert (again.added, again.updated, again.skipped) == (0, 0, 11)
    assert by_id(danramil.entries()) == union


def test_an_edited_entry_wins_by_updated_at_and_the_old_version_goes_to_history(tmp_path: Path) -> None:
    original = make("hasibuan", 17)
    babinsa = seed(tmp_path / "babinsa.json", [original])
    danramil = seed(tmp_path / "danramil.json", [original])
    before = tmp_path / "before.csv"
    exchange.export(babinsa, Criteria(), exchange.plan_export(str(before)))

    edited = core.edit(babinsa, original["id"][:8], {"situation": "waspada", "findings": ["Jalan rusak"]})
    after = tmp_path / "after.xlsx"
    exchange.export(babinsa, Criteria(), exchange.plan_export(str(after)))

    result = exchange.import_files(danramil, [after])
    assert (result.added, result.updated, result.skipped) == (0, 1, 0)
    assert danramil.entries() == [edited]
    history = danramil.history(original["id"])
    assert [item["version"] for item in history] == [original]

    # The older file arrives late: it changes nothing.
    late = exchange.import_files(danramil, [before])
    assert (late.added, late.updated, late.skipped) == (0, 0, 1)
    assert danramil.entries() == [edited]


# --- all or nothing ------------------------------------------------------------------------------------------


def test_one_bad_row_and_nothing_is_stored_errors_name_file_row_and_field(tmp_path: Path) -> None:
    store = seed(tmp_path / "store.json", [make("jasem", 11)])
    before = (tmp_path / "store.json").read_bytes()
    good = tmp_path / "good.json"
    exchange.export(Store(tmp_path / "other.json"), Criteria(), exchange.plan_export(str(good)))
    seed(tmp_path / "other.json", [make("nursalim", d) for d in (1, 2, 3, 4, 5, 6)])
    bad = tmp_path / "bad.csv"
    exchange.export(Store(tmp_path / "other.json"), Criteria(), exchange.plan_export(str(bad)))
    text = bad.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    lines[2] = lines[2].replace(",2025-01-05,", ",31/02/2025,")
    lines[3] = lines[3].replace(",komsos,", ",ngopi,")
    lines[4] = lines[4].replace(",Serda Nursalim,", ",Nursalim,")
    lines[5] = lines[5].replace(",false,", ",mungkin,")
    bad.write_bytes("\r\n".join(lines).encode())

    with pytest.raises(InvalidInput) as caught:
        exchange.import_files(store, [good, bad])
    message = caught.value.message
    assert message.startswith("nothing was imported: 4 rows are not valid: ")
    assert f"{bad}, row 3: date: expected YYYY-MM-DD" in message
    assert f"{bad}, row 4: kind: “ngopi” is not one of komsos" in message
    assert f"{bad}, row 5: “Nursalim” does not start with a TNI AD rank" in message
    assert message.endswith("; and 1 more")
    assert (tmp_path / "store.json").read_bytes() == before


def test_rows_without_id_or_timestamps_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "hand.json"
    item: dict[str, object] = dict(make("jasem", 11))
    del item["updated_at"]
    path.write_text(json.dumps([item, {**make("jasem", 12), "id": "bukan-uuid"}]))
    with pytest.raises(InvalidInput) as caught:
        exchange.import_files(Store(tmp_path / "s.json"), [path])
    assert "entry 1: missing required field: updated_at" in caught.value.message
    assert "entry 2: id: expected a UUID" in caught.value.message
    assert not (tmp_path / "s.json").exists()


class Recorder:
    """An exchange.Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.total = -1
        self.done = 0
        self.files: list[tuple[str, int]] = []
        self.events: list[str] = []

    def reading(self, path: Path, size: int) -> None:
        self.files.append((path.name, size))
        self.events.append("reading")

    def start(self, total: int) -> None:
        self.total = total
        self.events.append("start")

    def advance(self, count: int) -> None:
        self.done += count


def test_import_reports_progress_over_every_row(tmp_path: Path) -> None:
    items = [make("nursalim", 1 + i % 28, id=str(uuid.UUID(int=i + 1))) for i in range(1200)]
    path = tmp_path / "many.jsonl"
    path.write_bytes(exchange.export_entries(items, "jsonl"))
    small = tmp_path / "one.csv"
    small.write_bytes(exchange.export_entries(items[:1], "csv"))
    recorder = Recorder()
    result = exchange.import_files(Store(tmp_path / "s.json"), [path, small], progress=recorder)
    assert result.added == 1200
    assert (recorder.total, recorder.done) == (1201, 1201)
    # each file is told before it is read (a big workbook takes seconds), then the rows
    assert recorder.files == [("many.jsonl", path.stat().st_size), ("one.csv", small.stat().st_size)]
    assert recorder.events == ["reading", "reading", "start"]


def test_progress_bar_draws_on_a_terminal_only_when_long() -> None:
    from rich.console import Console

    from komsos_cli.render import exchange as view

    with view.import_progress(enabled=False) as nothing:
        assert nothing is None
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    with view.import_progress(enabled=True, out=terminal) as bar:
        assert bar is not None
        bar.start(10)  # short: no bar at all
        bar.advance(10)
    assert screen.getvalue() == ""
    with view.import_progress(enabled=True, out=terminal) as bar:
        assert bar is not None
        bar.start(view.PROGRESS_FROM)
        bar.advance(view.PROGRESS_FROM)
    assert "Importing" in screen.getvalue()
    assert f"{view.PROGRESS_FROM}/{view.PROGRESS_FROM}" in screen.getvalue()


def test_reading_a_big_file_shows_a_spinner_with_its_name_on_a_terminal() -> None:
    from rich.console import Console

    from komsos_cli.render import exchange as view

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    with view.import_progress(enabled=True, out=terminal) as bar:
        assert bar is not None
        bar.reading(Path("kecil.csv"), view.READING_FROM - 1)  # quick to read: nothing shown
    assert screen.getvalue() == ""
    with view.import_progress(enabled=True, out=terminal) as bar:
        assert bar is not None
        bar.reading(Path("[red]rekap.xlsx"), view.READING_FROM)
        bar.start(10)  # the spinner goes when the rows are checked
    assert "Reading [red]rekap.xlsx" in screen.getvalue()  # a name is never markup


def test_export_of_many_entries_is_fast(tmp_path: Path) -> None:
    item = make("jasem", 11, findings=["Jalan rusak di Dusun 2"], follow_up="Koordinasi dengan Kades")
    items: list[Entry] = [{**item, "id": str(uuid.UUID(int=i + 1))} for i in range(20_000)]
    started = time.perf_counter()
    payload = exchange.export_entries(items, "csv")
    elapsed = time.perf_counter() - started
    assert payload.count(b"\r\n") == 20_001
    assert elapsed < 2.0, f"20,000 entries took {elapsed:.2f} s (100,000 should take < 2 s)"


# --- the commands -----------------------------------------------------------------------------------------


@pytest.fixture
def koramil(db: Path) -> list[Entry]:
    """The test's store (KOMSOS_DB) with entries of three Babinsa."""
    items = [make("nursalim", 3), make("hasibuan", 17), make("jasem", 11), make("jasem", 12, situation="waspada")]
    seed(db, items)
    return items


def test_export_writes_csv_to_stdout_by_default(run: Any, koramil: list[Entry]) -> None:
    result = run("export")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfid,date,time,kind,babinsa,")
    assert result.stdout_bytes.count(b"\r\n") == 5
    assert result.stderr == "4 entries exported\n"


def test_export_takes_the_same_filters_as_list(run: Any, koramil: list[Entry]) -> None:
    listed = [item["id"] for item in run.json("list", "--village", "Sei Silau Tua", "--since", "12/01/2025")]
    result = run("export", "-f", "json", "--village", "Sei Silau Tua", "--since", "12/01/2025")
    assert [item["id"] for item in json.loads(result.stdout)] == listed == [koramil[3]["id"]]
    result = run("export", "-f", "jsonl", "--babinsa", "hasibuan")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [koramil[1]["id"]]


@pytest.mark.parametrize("name", ["rekap.csv", "rekap.xlsx", "rekap.json", "rekap.jsonl"])
def test_export_guesses_the_format_and_creates_an_owner_only_file(
    run: Any, koramil: list[Entry], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    result = run("export", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"4 entries exported to {path}\n"
    assert result.stdout == ""
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    target = Store(tmp_path / "target.json")
    assert exchange.import_files(target, [path]).added == 4
    assert by_id(target.entries()) == by_id(koramil)


def test_export_never_overwrites_without_force(run: Any, koramil: list[Entry], tmp_path: Path) -> None:
    path = tmp_path / "rekap.csv"
    path.write_text("laporan lama")
    path.chmod(0o644)
    result = run("export", "-o", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"komsos: {path} already exists; use --force to overwrite it\n"
    assert path.read_text() == "laporan lama"
    result = run("export", "-o", str(path), "--force")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.file_only
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "{tmp}/tidak-ada/rekap.csv"],
            "cannot write {tmp}/tidak-ada/rekap.csv: the folder {tmp}/tidak-ada does not exist",
        ),
        (["-o", "{tmp}"], "{tmp} is a folder; give a file name, e.g. {tmp}/komsos.csv"),
        (
            ["-o", "{tmp}/rekap.txt"],
            "cannot tell the format from the name “rekap.txt”; give --format (csv, xlsx, json, jsonl)",
        ),
        (["-f", "ods"], "unknown format “ods”; use one of csv, xlsx, json, jsonl"),
        (["--delimiter", "|"], "--delimiter must be ',' or ';', not “|”"),
        (["-f", "xlsx", "--delimiter", ";"], "--delimiter applies to csv only, not xlsx"),
        (
            ["--excel-id", "-o", "{tmp}/rekap.xlsx"],
            "--excel-id is a csv preset (';' between cells); xlsx needs no such setting",
        ),
        (["--excel-id", "-f", "json"], "--excel-id is a csv preset (';' between cells); json needs no such setting"),
        (
            ["--excel-id", "--delimiter", ","],
            "--excel-id writes ';' between cells; it cannot be combined with another --delimiter",
        ),
        (
            ["-f", "json", "--lang", "id"],
            "--lang id changes the header row of csv and xlsx; json keys stay as documented",
        ),
        (["--lang", "jv"], "--lang must be en or id, not “jv”"),
    ],
)
def test_export_bad_options_give_one_line_and_exit_2(
    run: Any, koramil: list[Entry], tmp_path: Path, args: list[str], message: str
) -> None:
    result = run("export", *[arg.format(tmp=tmp_path) for arg in args])
    assert result.exit_code == 2
    assert result.stderr == f"komsos: {message.format(tmp=tmp_path)}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_export_excel_id_and_indonesian_header(run: Any, koramil: list[Entry], tmp_path: Path) -> None:
    result = run("export", "--excel-id", "--lang", "id")
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8-sig")
    assert text.startswith('"ID";Tanggal;Waktu;Kegiatan;Babinsa;Koramil;Kodim;Desa/Kelurahan;')
    assert all(line.count(";") >= len(FIELDS) - 1 for line in text.split("\r\n")[:-1])
    path = tmp_path / "id.xlsx"
    run("export", "--lang", "id", "-o", str(path))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["B1"].value == "Tanggal"
    (tmp_path / "id.csv").write_bytes(result.stdout_bytes)
    target = Store(tmp_path / "target.json")
    counts = exchange.import_files(target, [tmp_path / "id.csv", path])
    assert (counts.added, counts.skipped) == (4, 4)


@pytest.mark.parametrize("name", ["id.csv", "id.xlsx"])
def test_an_export_in_the_interface_language_id_imports_back_the_same_entries(
    run: Any, db: Path, tmp_path: Path, name: str
) -> None:
    items = [
        make("jasem", 11, place_matched=True, follow_up={"action": "Cek jalan desa"}),
        make(
            "nursalim",
            3,
            follow_up={"action": "Lapor Danramil", "status": "done", "resolved_on": "2025-01-20", "note": "Beres"},
        ),
        make("hasibuan", 17, place_matched=False),
    ]
    seed(db, items)
    path = tmp_path / name
    result = run("export", "-o", str(path), env={"KOMSOS_LANG": "id"})
    assert result.exit_code == 0, result.stderr
    if name.endswith(".csv"):
        text = path.read_bytes().decode("utf-8-sig")
        assert ",ya," in text and ",tidak," in text and "terbuka: Cek jalan desa" in text
        assert "selesai 2025-01-20: Lapor Danramil; Beres" in text
        assert not re.search(r",(true|false|open:|done )", text)
    else:
        cells = [str(c) for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True) for c in row]
        assert "ya" in cells and "tidak" in cells and "terbuka: Cek jalan desa" in cells
        assert not [c for c in cells if re.match(r"(true|false)$|(open|done)[ :]", c)]
    target = tmp_path / "target.json"
    imported = run("--db", str(target), "import", str(path), env={"KOMSOS_LANG": "id"})
    assert imported.exit_code == 0, imported.stderr
    assert by_id(Store(target).entries()) == by_id(items)


def test_import_prints_counts_and_reimport_adds_nothing(run: Any, db: Path, tmp_path: Path) -> None:
    source = seed(tmp_path / "babinsa.json", [make("jasem", d) for d in (11, 12, 13)])
    path = tmp_path / "jasem.csv"
    exchange.export(source, Criteria(), exchange.plan_export(str(path)))
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == unsigned(path) + "1 file, 3 entries: 3 added, 0 updated, 0 skipped\n" + created(db)
    assert result.stdout == ""
    result = run("import", str(path), "--json")
    assert json.loads(result.stdout) == {
        "files": 1,
        "rows": 3,
        "added": 0,
        "updated": 0,
        "skipped": 3,
        "conflicts": 0,
        "deleted_here": 0,
        "dry_run": False,
        "signatures": [{"file": str(path), "received_from": None}],  # unsigned
    }
    assert len(run.json("list")) == 3


def test_import_dry_run_stores_nothing(run: Any, db: Path, tmp_path: Path) -> None:
    source = seed(tmp_path / "babinsa.json", [make("hasibuan", 17)])
    path = tmp_path / "h.json"
    exchange.export(source, Criteria(), exchange.plan_export(str(path)))
    result = run("import", "--dry-run", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        unsigned(path).strip(),
        "1 file, 1 entry: 1 added, 0 updated, 0 skipped",
        "dry run: nothing was stored",
        *([] if created(db) == "" else [f"komsos: the store {db} does not exist (yet): nothing recorded there"]),
    ]
    assert not db.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "foto.csv",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
            "foto.csv is not a komsos csv file: it holds binary data, not CSV text",
        ),
        (
            "putus.json",
            b'[{"id": "6f1d3c2a-9b7e-4c1a-8f00-0123456789ab", "date": "2025-01-1',
            "putus.json is not a komsos json file: JSON: not valid JSON",
        ),
        (
            "lain.csv",
            b"Nama;Desa;Tanggal\r\nBudi;Kemiri;17/01/2025\r\n",
            "lain.csv is not a komsos csv file: wrong header row: unknown column “Nama”",
        ),
        (
            "palsu.xlsx",
            b"id,date\r\n",
            "palsu.xlsx is not a komsos xlsx file: not a readable xlsx workbook (not a zip archive)",
        ),
        ("kosong.json", b"", "kosong.json is not a komsos json file: the file is empty"),
        ("kosong.csv", b"", "kosong.csv is not a komsos csv file: the file is empty"),
    ],
)
def test_a_file_that_is_not_what_it_claims_gives_one_line_exit_2_store_unchanged(
    run: Any, db: Path, koramil: list[Entry], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    before = db.read_bytes()
    path = tmp_path / name
    path.write_bytes(content)
    result = run("import", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"komsos: {tmp_path}/{message}")
    assert lines[0].endswith("nothing was imported")
    assert db.read_bytes() == before


def test_import_of_a_missing_file_or_folder(run: Any, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "hilang.csv"))
    assert result.exit_code == 2
    assert result.stderr == f"komsos: cannot read {tmp_path}/hilang.csv: No such file or directory\n"
    result = run("import", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"komsos: {tmp_path} is a folder; give the files, e.g. {tmp_path}/*.csv\n"


def test_import_with_explicit_format_reads_any_name(run: Any, tmp_path: Path) -> None:
    source = seed(tmp_path / "babinsa.json", [make("nursalim", 31)])
    path = tmp_path / "kiriman.txt"
    path.write_bytes(exchange.export_entries(source.entries(), "jsonl"))
    result = run("import", "--format", "jsonl", str(path))
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stderr
    # Without --format an unknown extension is sniffed from the content.
    path.write_bytes(exchange.export_entries([make("nursalim", 30)], "csv"))
    assert "1 added" in run("import", str(path)).stderr


def test_messages_in_indonesian(run: Any, koramil: list[Entry], tmp_path: Path) -> None:
    path = tmp_path / "rekap.csv"
    result = run("export", "-o", str(path), env={"KOMSOS_LANG": "id"})
    assert result.stderr == f"4 entri diekspor ke {path}\n"
    result = run("export", "-o", str(path), env={"KOMSOS_LANG": "id"})
    assert result.stderr == f"komsos: {path} sudah ada; pakai --force untuk menimpanya\n"
    result = run("import", str(path), env={"KOMSOS_LANG": "id"})
    assert result.stderr == (
        f"peringatan: {path} tidak bertanda tangan (tidak ada {path.name}.sig di sampingnya): siapa pun bisa"
        " menulis atau mengubahnya\n1 berkas, 4 entri: 0 ditambah, 0 diperbarui, 4 dilewati\n"
    )


def test_help_has_examples(run: Any) -> None:
    for command in ("export", "import"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example: komsos " + command in result.stdout


def test_export_never_writes_through_a_symlink(run: Any, koramil: list[Entry], tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("jangan diubah")
    link = tmp_path / "rekap.csv"
    link.symlink_to(target)
    result = run("export", "-o", str(link))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    assert run("export", "-o", str(dangling)).exit_code == 2
    assert not (tmp_path / "nowhere.csv").exists()
    result = run("export", "-o", str(link), "--force")
    assert result.exit_code == 0, result.stderr
    assert not link.is_symlink()
    assert target.read_text() == "jangan diubah"


def test_export_dash_is_stdout(run: Any, koramil: list[Entry]) -> None:
    result = run("export", "-o", "-", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 4


def test_import_tells_about_conflicts(run: Any, db: Path, koramil: list[Entry], tmp_path: Path) -> None:
    changed = {**koramil[0], "summary": "Diubah tangan tanpa mengubah updated_at"}
    path = tmp_path / "tangan.json"
    path.write_text(json.dumps([changed]))
    result = run("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        unsigned(path).strip(),
        "1 file, 1 entry: 0 added, 0 updated, 1 skipped",
        "1 entry has the same id and time as a stored one but other content; the stored one was kept",
    ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json", "jsonl"])
def test_an_export_of_no_entries_imports_as_nothing(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"kosong.{suffix}"
    exchange.export(Store(tmp_path / "empty.json"), Criteria(), exchange.plan_export(str(path)))
    result = exchange.import_files(Store(tmp_path / "s.json"), [path])
    assert (result.rows, result.added) == (0, 0)


@pytest.mark.parametrize("force", [False, True])
def test_a_write_that_fails_midway_leaves_no_partial_file(tmp_path: Path, force: bool) -> None:
    path = tmp_path / "rekap.csv"
    if force:
        path.write_bytes(b"old")

    def pieces() -> Iterator[bytes]:
        yield b"id,date\r\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(KomsosError, match="No space left on device"):
        exchange.write_file(path, pieces(), force=force)
    assert (path.read_bytes() == b"old") if force else not path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == (["rekap.csv"] if force else [])


@pytest.mark.file_only
def test_import_parses_the_file_store_once_with_its_repeated_values_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from komsos_cli.store import FileStore, jsonfile
    from komsos_cli.store.jsonfile import ENTRIES

    monkeypatch.setattr(jsonfile, "SLICE_BYTES", 256)  # values are shared in a big store's slices: make it big
    seeded = tmp_path / "seeded.json"
    seed(seeded, [make("jasem", day) for day in range(11, 15)])  # all in Desa Jasem's village
    path = tmp_path / "s.json"
    path.write_bytes(seeded.read_bytes())  # as another process wrote it: this one has parsed nothing
    incoming = tmp_path / "baru.jsonl"
    exchange.export(Store(tmp_path / "other.json"), Criteria(), exchange.plan_export(str(incoming)))
    parses: list[bool] = []
    real = jsonfile.read_store

    def counted(where: Path, share: bool = False) -> jsonfile.StoreTables:
        if where == path:
            parses.append(share)
        return real(where, share)

    monkeypatch.setattr(jsonfile, "read_store", counted)
    store = FileStore(path)
    exchange.import_files(store, [incoming])  # it reads the profile (require_signed) before the files
    assert parses == [True]  # the profile's read was a whole unshared parse, the merge's a second one
    first, *others = store.tables()[ENTRIES].values()
    assert others and all(other["village"] is first["village"] for other in others)
