"""record, list, show, edit, delete and profile through the CLI: exit codes, stdout, stderr, the store."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from blank_entry import BLANK
from hub_server import any_store as Store

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Run


pytestmark = pytest.mark.both_stores

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

CORPUS_ARGS = [
    "record",
    "--date",
    "Selasa (11/01/2022)",
    "--babinsa",
    "Serda Jasem",
    "--koramil",
    "Koramil 13/Buntu Pane",
    "--kodim",
    "Kodim 0208/Asahan",
    "--village",
    "Sei Silau Tua",
    "--village-kind",
    "Desa",
    "--hamlet",
    "Dusun 2",
    "--kecamatan",
    "Setia Janji",
    "--kabupaten",
    "Asahan",
    "--venue",
    "Jalan Protokol Dusun 2",
    "--with",
    "Kadus Dsn 2 Bapak Faisal",
    "--with",
    "Tomas Bapak Rahmad",
    "--topic",
    "keamanan",
    "--topic",
    "kesehatan",
    "--summary",
    "Komsos membahas keamanan desa dan menjaga kesehatan.",
    "--situation",
    "aman",
    "--time",
    "09.00 WIB",
]


def test_record_prints_the_new_id_and_stores_every_field(run: Run, db: Path) -> None:
    result = run(*CORPUS_ARGS)
    assert result.exit_code == 0, result.stderr
    entry_id = result.stdout.strip()
    assert UUID.match(entry_id)
    [stored] = Store(db).entries()
    assert stored["id"] == entry_id
    assert stored["date"] == "2022-01-11"
    assert stored["time"] == "09:00"
    assert stored["babinsa"] == [{"rank": "Serda", "name": "Jasem"}]
    assert stored["koramil"] == "Koramil 13/Buntu Pane"
    assert stored["hamlet"] == "Dusun 2"
    assert stored["counterparts"] == ["Kadus Dsn 2 Bapak Faisal", "Tomas Bapak Rahmad"]
    assert stored["topics"] == ["keamanan", "kesehatan"]
    assert stored["situation"] == "aman"


def test_record_json_prints_the_stored_entry(run: Run, db: Path) -> None:
    result = run(*CORPUS_ARGS, "--json")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    [stored] = Store(db).entries()
    assert printed == stored


def test_several_babinsa_share_one_activity(run: Run) -> None:
    entry = run.json(*CORPUS_ARGS, "--babinsa", "Kopda Ahmad")
    assert entry["babinsa"] == [{"rank": "Serda", "name": "Jasem"}, {"rank": "Kopda", "name": "Ahmad"}]


def test_date_defaults_to_today(run: Run) -> None:
    from datetime import date

    entry = run.json("record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x")
    assert entry["date"] == date.today().isoformat()


def test_the_hour_written_with_the_date_fills_the_time_unless_time_is_given(run: Run) -> None:
    args = ("record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x")
    entry = run.json(*args, "--date", "Kamis (31/01/2019) pukul 09.30 WIB")
    assert (entry["date"], entry["time"]) == ("2019-01-31", "09:30")
    entry = run.json(*args, "--date", "Jumat pagi (17/1/2025)", "--time", "14.00")
    assert (entry["date"], entry["time"]) == ("2025-01-17", "14:00")
    edited = run.json("edit", entry["id"], "--date", "Selasa, 11 Januari 2022, pukul 10.00 Wita")
    assert (edited["date"], edited["time"]) == ("2022-01-11", "10:00")
    refused = run(*args, "--date", "Kamis (17/01/2025) pukul 09.30 WIB")
    assert refused.exit_code == 2 and "is a Jumat, not a Kamis" in refused.stderr


def test_since_and_until_a_month_or_a_year(run: Run, record: Callable[..., str]) -> None:
    july = record(date="31/07/2024")
    august = record(date="13 Agt 2024")
    january = record(date="02/01/2025")
    assert [e["id"] for e in run.json("list", "--since", "Agt 2024", "--until", "Agt 2024")] == [august]
    assert [e["id"] for e in run.json("list", "--since", "2025")] == [january]
    assert [e["id"] for e in run.json("list", "--until", "2024")] == [august, july]
    august_2024 = run.json("summary", "--period", "Agt 2024")
    assert august_2024["total"] == 1
    assert august_2024["period"] == {"label": "2024-08", "since": "2024-08-01", "until": "2024-08-31"}


def test_every_command_that_selects_entries_takes_a_period(
    run: Run, record: Callable[..., str], tmp_path: Path
) -> None:
    july = record(date="31/07/2024", follow_up="Cek jalan")
    august = record(date="13 Agt 2024", follow_up="Cek jembatan")
    january = record(date="02/01/2025")
    assert [e["id"] for e in run.json("list", "--period", "Agt 2024")] == [august]
    assert [e["id"] for e in run.json("list", "-p", "2024-Q3")] == [august, july]
    # --period and --since/--until: both hold.
    assert [e["id"] for e in run.json("list", "--period", "2024", "--since", "01/08/2024")] == [august]
    exported = run("export", "-f", "json", "--period", "Januari 2025")
    assert exported.exit_code == 0 and [e["id"] for e in json.loads(exported.stdout)] == [january]
    assert [row["visits"] for row in run.json("villages", "--period", "Agustus 2024")] == [1]
    assert [item["id"] for item in run.json("followups", "--period", "07/2024")] == [july]
    assert run.json("duplicates", "--period", "2025") == []
    pushed = run.json("push", str(tmp_path / "other.json"), "--period", "2025", "--json")
    assert (pushed["sent"], pushed["added"]) == (1, 1)
    assert [e["id"] for e in run.json("list", "--db", str(tmp_path / "other.json"))] == [january]
    assert run.json("summary", "--period", "2024-Q3")["period"]["label"] == "2024-Q3"


def test_since_and_until_a_month_or_a_year_on_export_too(run: Run, record: Callable[..., str]) -> None:
    record(date="31/12/2024")
    january = record(date="02/01/2025")
    february = record(date="01/02/2025")
    exported = run("export", "-f", "json", "--since", "Januari 2025", "--until", "Januari 2025")
    assert [e["id"] for e in json.loads(exported.stdout)] == [january]
    assert {e["id"] for e in json.loads(run("export", "-f", "json", "--since", "2025").stdout)} == {january, february}
    assert [e["id"] for e in run.json("list", "--until", "2025", "--since", "Feb 2025")] == [february]


@pytest.mark.parametrize("command", [["list"], ["export"], ["duplicates"], ["villages"], ["followups"], ["summary"]])
def test_a_period_no_one_can_read_is_one_line_exit_2_store_unchanged(
    run: Run, record: Callable[..., str], db: Path, command: list[str]
) -> None:
    record(date="02/01/2025")
    before = Store(db).entries()
    result = run(*command, "--period", "13 Agt 2024")
    assert result.exit_code == 2
    assert result.stderr == (
        "komsos: cannot read the period “13 Agt 2024”; write a month 2025-01, a quarter 2025-Q1 or a year 2025\n"
    )
    assert result.stdout == ""
    assert Store(db).entries() == before


def test_missing_fields_off_a_terminal_exit_2_naming_all(run: Run, db: Path) -> None:
    result = run("record", "--summary", "x")
    assert result.exit_code == 2
    assert result.stderr == "komsos: missing required fields: babinsa, village\n"
    assert result.stdout == ""
    assert not db.exists()


def test_missing_fields_are_asked_at_a_terminal(run: Run, db: Path) -> None:
    result = run(
        "record",
        "--kecamatan",
        "Kebakkramat",
        "--kabupaten",
        "Karanganyar",
        input="Bripka Salah\nSerda Nursalim\nKemiri\nKomsos dengan Sekdes\n",
        env={"KOMSOS_INTERACTIVE": "1"},
    )
    assert result.exit_code == 0, result.stderr
    [stored] = Store(db).entries()
    assert stored["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]
    assert stored["village"] == "Kemiri"
    assert stored["summary"] == "Komsos dengan Sekdes"
    # The refused answer is explained before the question comes again (it was asked again silently).
    assert "komsos: “Bripka Salah” does not start with a TNI AD rank" in result.stderr
    # The questions are messages (stderr); stdout is the new id alone, as off a terminal.
    # (The test runner echoes the typed answers to stdout; a terminal echoes them itself.)
    assert UUID.match(result.stdout.splitlines()[-1]), result.stdout
    assert "Babinsa (rank and name)" in result.stderr and "Babinsa (rank" not in result.stdout


def test_bad_input_one_line_exit_2_store_unchanged(run: Run, record: Callable[..., str], db: Path) -> None:
    record()
    before = db.read_bytes()
    cases = [
        ["--date", "31/02/2024"],
        ["--date", "04/13/2025"],
        ["--date", "Kamis (17/01/2025)"],
        ["--date", "17/01/2099"],
        ["--kind", "rapat"],
        ["--situation", "kacau"],
        ["--babinsa", "Bripka Andi"],
        ["--village-kind", "Kota"],
        ["--time", "25.00"],
        ["--summary", "x" * 30_000],
    ]
    for extra in cases:
        args = ["record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x", *extra]
        result = run(*args)
        assert result.exit_code == 2, (extra, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (extra, result.stderr)
        assert result.stderr.startswith("komsos: ")
        assert "Traceback" not in result.stderr
        assert db.read_bytes() == before


def test_unknown_option_is_one_line_exit_2(run: Run) -> None:
    result = run("record", "--colour", "red")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--colour" in result.stderr


def test_profile_gives_defaults(run: Run, db: Path) -> None:
    result = run(
        "profile",
        "set",
        "--babinsa",
        "Serda Nursalim",
        "--nrp",
        "21100123",
        "--koramil",
        "Koramil 03/ Kebakkramat",
        "--kodim",
        "0727/Karanganyar",
        "--kabupaten",
        "Karanganyar",
        "--kecamatan",
        "Kebakkramat",
        "--village",
        "Kemiri",
    )
    assert result.exit_code == 0, result.stderr
    profile = run.json("profile", "show")
    assert profile["babinsa"] == {"rank": "Serda", "name": "Nursalim"}
    assert profile["koramil"] == "Koramil 03/Kebakkramat"
    assert profile["kodim"] == "Kodim 0727/Karanganyar"
    assert profile["villages"] == ["Kemiri"]
    entry = run.json("record", "--village", "Kemiri", "--summary", "Komsos dengan Sekdes")
    assert entry["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]
    assert entry["koramil"] == "Koramil 03/Kebakkramat"
    assert entry["kodim"] == "Kodim 0727/Karanganyar"
    assert entry["kecamatan"] == "Kebakkramat"
    assert entry["kabupaten"] == "Karanganyar"


def test_profile_set_without_options_is_refused_and_writes_nothing(run: Run, db: Path) -> None:
    # It said "profile saved" and rewrote the store.
    run("profile", "set", "--babinsa", "Serda Nursalim")
    before = db.read_bytes()
    result = run("profile", "set")
    assert result.exit_code == 2
    assert result.stderr == "komsos: nothing to set: give at least one option (komsos profile set --help)\n"
    assert db.read_bytes() == before


def test_bad_village_kind_is_named_before_the_village_is_looked_up(run: Run, db: Path) -> None:
    # "Kemiri" alone names 25 villages: the error used to be that list, hiding the bad --village-kind.
    result = run("record", "-b", "Serda Nursalim", "-v", "Kemiri", "-s", "x", "--village-kind", "Dusun")
    assert result.exit_code == 2
    assert result.stderr.startswith("komsos: village_kind: “Dusun” is not one of Desa, Kelurahan")
    assert not db.exists()


def test_profile_show_when_empty(run: Run) -> None:
    result = run("profile", "show")
    assert result.exit_code == 0
    assert "no profile yet" in result.stderr
    assert run.json("profile", "show") == {}


def test_list_newest_first_with_filters(run: Run, record: Callable[..., str]) -> None:
    old = record(date="11/01/2022", village="Sei Silau Tua", kecamatan="Setia Janji", kabupaten="Asahan")
    new = record(date="17/01/2025", kind="anjangsana")
    assert [e["id"] for e in run.json("list")] == [new, old]
    assert [e["id"] for e in run.json("list", "--village", "desa sei  silau tua")] == [old]
    assert [e["id"] for e in run.json("list", "--kind", "anjangsana")] == [new]
    assert [e["id"] for e in run.json("list", "--since", "01/01/2023")] == [new]
    assert [e["id"] for e in run.json("list", "--limit", "1")] == [new]
    assert run.json("list", "--village", "Nowhere") == []


def test_list_table_shows_user_text_literally(run: Run, record: Callable[..., str]) -> None:
    entry_id = record(summary="[bold]aman[/bold] \x1b[31mmerah\x1b[0m", venue="[link=http://x]klik[/link]")
    result = run("list")
    assert result.exit_code == 0
    assert "[bold]aman[/bold] merah" in result.stdout
    assert "Kemiri" in result.stdout
    shown = run("show", entry_id)
    assert "[link=http://x]klik[/link]" in shown.stdout
    assert "\x1b" not in result.stdout + result.stderr + shown.stdout + shown.stderr


def test_list_bad_filter_values(run: Run) -> None:
    for args in (["--kind", "rapat"], ["--since", "31/02/2024"], ["--situation", "x"], ["--limit", "-1"]):
        result = run("list", *args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1


def test_since_after_until_is_refused_not_an_empty_list(run: Run, record: Callable[..., str]) -> None:
    record(date="11/01/2022")
    result = run("list", "--since", "01/01/2024", "--until", "01/01/2023")
    assert result.exit_code == 2
    assert result.stderr == "komsos: --since 2024-01-01 is after --until 2023-01-01: no day is in between\n"
    assert [len(run.json("list", "--since", "11/01/2022", "--until", "11/01/2022"))] == [1]


def test_missing_id_names_the_argument_as_help_shows_it(run: Run) -> None:
    for command in ("show", "edit", "delete"):
        result = run(command)
        assert result.exit_code == 2
        assert result.stderr == "komsos: Missing argument “ID”.\n", command


def test_show_by_unique_prefix(run: Run, record: Callable[..., str]) -> None:
    entry_id = record()
    result = run("show", entry_id[:6])
    assert result.exit_code == 0
    assert entry_id in result.stdout
    assert "Kemiri" in result.stdout
    assert run.json("show", entry_id[:6])["id"] == entry_id


def test_show_unknown_and_ambiguous_ids(run: Run, db: Path) -> None:
    from komsos_cli.model import validate_entry

    store = Store(db)
    base = {"date": "2025-01-17", "babinsa": ["Serda X"], "village": "Kemiri", "summary": "s"}
    with store.transaction() as tx:
        tx.add(validate_entry({**base, "id": "abcd0000-0000-4000-8000-000000000001"}))
        tx.add(validate_entry({**base, "id": "abcd0000-0000-4000-8000-000000000002"}))
    ambiguous = run("show", "abcd")
    assert ambiguous.exit_code == 2
    assert "matches 2 entries" in ambiguous.stderr
    missing = run("show", "ffff")
    assert missing.exit_code == 1
    assert "no entry with id “ffff”" in missing.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", 'komsos: kind: “ngopi\'s \\ "malam"” is not one of komsos'),
        ("id", 'komsos: jenis kegiatan: “ngopi\'s \\ "malam"” bukan salah satu dari komsos'),
    ],
)
def test_a_bad_value_is_quoted_as_the_language_quotes_never_as_python_repr(
    run: Run, db: Path, lang: str, said: str
) -> None:
    # Python's repr showed it with its own quotes and escapes: 'ngopi\\'s \\\\ "malam"'.
    typed = 'ngopi\'s \\ "malam"'
    wrong = run("record", "-v", "Kemiri", "-s", "x", "-b", "Serda A", "--kind", typed, env={"KOMSOS_LANG": lang})
    assert wrong.exit_code != 0
    assert wrong.stderr.startswith(said)
    assert wrong.stderr.count("\n") == 1
    assert not db.exists()
    missing = run("show", "ab'c\\d", env={"KOMSOS_LANG": lang})
    assert missing.exit_code == 1
    assert ("“ab'c\\d”" in missing.stderr) and ("\\\\" not in missing.stderr)


@pytest.mark.parametrize(
    ("place", "shown"),
    [
        ({"kabupaten": "Karanganyar", "province": "Jawa Tengah"}, "2025-01-17 08:05 WIB"),
        ({"kabupaten": "Kota Denpasar", "province": "Bali"}, "2025-01-17 09:05 WITA"),
        ({"kabupaten": "Kutai Kartanegara", "province": "Kaltim"}, "2025-01-17 09:05 WITA"),
        ({"kabupaten": "Kota Jayapura", "province": "Papua"}, "2025-01-17 10:05 WIT"),
        ({"kabupaten": "Kota Ternate", "province": "Maluku Utara"}, "2025-01-17 10:05 WIT"),
        ({"kabupaten": "Kota Makassar"}, "2025-01-17 09:05 WITA"),  # the province from the gazetteer
        ({}, "2025-01-17 08:05 WIB (the province is not known: WIB assumed)"),
    ],
)
def test_show_gives_times_in_the_local_time_of_the_province(
    run: Run, db: Path, place: dict[str, str], shown: str
) -> None:
    # It showed the stored UTC stamp, seconds and microseconds and all (2025-01-17T01:05:42.123456+00:00).
    from komsos_cli.model import validate_entry

    base = {"date": "2025-01-17", "babinsa": ["Serda X"], "village": "Kemiri", "summary": "s", **place}
    stamp = "2025-01-17T01:05:42.123456+00:00"
    entry = validate_entry(
        {**base, "id": "abcd0000-0000-4000-8000-000000000001", "created_at": stamp, "updated_at": stamp}
    )
    with Store(db).transaction() as tx:
        tx.add(entry)
    result = run("show", "abcd")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"Dibuat +" + re.escape(shown) + r" *$", result.stdout, re.M), result.stdout
    assert re.search(r"Diubah +" + re.escape(shown) + r" *$", result.stdout, re.M)
    assert run.json("show", "abcd")["created_at"] == stamp  # JSON keeps UTC
    if not place:
        said = run("show", "abcd", env={"KOMSOS_LANG": "id"}).stdout
        assert "2025-01-17 08:05 WIB (provinsinya tidak diketahui: dianggap WIB)" in said


def test_edit_changes_fields_and_keeps_history(run: Run, record: Callable[..., str], db: Path) -> None:
    entry_id = record()
    before = Store(db).entries()[0]
    result = run(
        "edit", entry_id[:8], "--situation", "waspada", "--finding", "Jalan desa rusak", "--follow-up", "Lapor Danramil"
    )
    assert result.exit_code == 0, result.stderr
    after = Store(db).entries()[0]
    assert after["situation"] == "waspada"
    assert after["findings"] == ["Jalan desa rusak"]
    assert after["follow_up"] == {"action": "Lapor Danramil", "status": "open"}
    assert after["created_at"] == before["created_at"]
    assert after["updated_at"] > before["updated_at"]
    assert [h["version"] for h in Store(db).history(entry_id)] == [before]
    assert [e["id"] for e in run.json("list", "--open")] == [entry_id]


def test_edit_clears_time_and_situation_with_an_empty_value(run: Run, record: Callable[..., str], db: Path) -> None:
    # Every optional field could be cleared with "" but these two: "" was refused as unreadable.
    entry_id = record(time="08.30", situation="waspada")
    result = run("edit", entry_id, "--time", "", "--situation", "")
    assert result.exit_code == 0, result.stderr
    entry = Store(db).entries()[0]
    assert (entry["time"], entry["situation"]) == (None, None)
    assert len(Store(db).history(entry_id)) == 1


def test_edit_without_changes_or_with_bad_values(run: Run, record: Callable[..., str], db: Path) -> None:
    entry_id = record()
    before = db.read_bytes()
    nothing = run("edit", entry_id)
    assert nothing.exit_code == 2
    assert "nothing to change" in nothing.stderr
    bad = run("edit", entry_id, "--date", "31/02/2024")
    assert bad.exit_code == 2
    assert db.read_bytes() == before


def test_delete_asks_and_needs_yes_off_a_terminal(run: Run, record: Callable[..., str], db: Path) -> None:
    keep = record(summary="keep")
    gone = record(summary="gone")
    refused = run("delete", gone)
    assert refused.exit_code == 2
    assert "--yes" in refused.stderr
    said_no = run("delete", gone, input="n\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert said_no.exit_code == 1
    assert {e["id"] for e in Store(db).entries()} == {keep, gone}
    said_yes = run("delete", gone[:8], input="y\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert said_yes.exit_code == 0, said_yes.stderr
    assert "Delete entry" not in said_yes.stdout and "Delete entry" in said_yes.stderr
    assert [e["id"] for e in Store(db).entries()] == [keep]
    assert run("delete", keep, "--yes").exit_code == 0
    assert Store(db).entries() == []
    assert [h["action"] for h in Store(db).history(gone)] == ["deleted"]


def test_db_option_before_or_after_the_command(run: Run, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    args = ["-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"]
    assert run("--db", str(first), "record", *args).exit_code == 0
    assert run("record", "--db", str(second), *args).exit_code == 0
    assert len(Store(first).entries()) == 1
    assert len(Store(second).entries()) == 1


@pytest.mark.file_only
def test_damaged_store_every_command_refuses_and_says_how_to_recover(run: Run, db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b'{"_meta": {"1": {"schema_version": 1}}, "entries": {"1": ')
    for args in (
        ["list"],
        ["record", "-b", "Serda X", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"],
        ["show", "ab"],
        ["profile", "show"],
    ):
        result = run(*args)
        assert result.exit_code == 3, args
        assert "komsos doctor" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == b'{"_meta": {"1": {"schema_version": 1}}, "entries": {"1": '


def test_indonesian_messages(run: Run) -> None:
    result = run("record", "--summary", "x", env={"KOMSOS_LANG": "id"})
    assert result.exit_code == 2
    assert result.stderr == "komsos: kolom wajib belum diisi: Babinsa, desa\n"


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert result.exit_code == 0
    assert "record" in result.stderr and "list" in result.stderr


USAGE_MISTAKES = [
    (["list", "-n"], "opsi “-n” perlu nilai"),
    (["list", "--opn"], "opsi tidak dikenal: --opn (mungkin maksudnya: --json, --open, --topic)"),
    (["show", "a", "b"], "argumen berlebih yang tidak dikenal: b"),
    (["lst"], "perintah tidak dikenal: “lst”; maksudnya “list”?"),
    (["list", "--json=3"], "opsi “--json” tidak menerima nilai"),
    (["list", "-n", "abc"], "nilai “abc” untuk “--limit” / “-n” bukan bilangan bulat"),
    (["show"], "argumen “ID” belum diberikan"),
    (["profile", "set", "--xx"], "opsi tidak dikenal: --xx"),
]


def test_usage_mistakes_speak_indonesian(run: Run) -> None:
    # The parser's own errors were English whatever KOMSOS_LANG said.
    for args, said in USAGE_MISTAKES:
        result = run(*args, env={"KOMSOS_LANG": "id"})
        assert result.exit_code == 2, args
        assert result.stderr == f"komsos: {said}\n", args


def test_usage_mistakes_in_english_keep_the_parser_wording(run: Run) -> None:
    # The wording is the parser's; names and values are quoted as English quotes (“…”), not as
    # Python's repr quotes them ('Jum\'at'), and the plural is the count's.
    for args, said in [
        (["list", "-n"], "Option “-n” requires an argument."),
        (["lst"], "No such command “lst”. Did you mean “list”?"),
        (["show", "a", "b"], "Got unexpected extra argument (b)"),
        (["show", "a", "b", "c"], "Got unexpected extra arguments (b c)"),
        (["list", "-n", "abc"], "Invalid value for “--limit” / “-n”: “abc” is not a valid integer."),
        (["list", "-n", "Jum'at"], "Invalid value for “--limit” / “-n”: “Jum'at” is not a valid integer."),
    ]:
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr == f"komsos: {said}\n", args


def test_an_unknown_usage_message_is_passed_on_unchanged() -> None:
    from komsos_cli.cli.app import usage_message

    assert usage_message("Something new from the parser.") == "Something new from the parser."


def test_profile_show_labels_fields_as_show_does_in_a_fixed_order(run: Run) -> None:
    # It printed the raw keys (villages, province) in the order they were first set.
    run("profile", "set", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar")
    run("profile", "set", "-b", "Serda Nursalim", "--nrp", "21100123")
    lines = run("profile", "show").stdout.splitlines()
    labels = [line.split("  ")[0] for line in lines]
    assert labels == ["Babinsa", "NRP", "Provinsi", "Kabupaten/Kota", "Kecamatan", "Desa binaan"]
    assert lines[-1].split() == ["Desa", "binaan", "Kemiri"]


def test_list_items_take_the_documented_limits(run: Run, db: Path) -> None:
    base = ["record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"]
    # A counterpart or topic of 201 to 2,000 characters was refused as a one-line field (200).
    long_counterpart = "Bapak " + "Faisal " * 100
    entry = run.json(*base, "--with", long_counterpart, "--topic", "t" * 500)
    assert entry["counterparts"] == [long_counterpart.strip()]
    before = db.read_bytes()
    too_long = run(*base, "--with", "w" * 2001)
    assert too_long.stderr == "komsos: counterparts is too long: 2001 characters, at most 2000\n"
    # Too many items was worded as characters ("51 characters, at most 50").
    topics = [arg for i in range(51) for arg in ("--topic", f"t{i}")]
    too_many = run(*base, *topics)
    assert too_many.exit_code == 2
    assert too_many.stderr == "komsos: topics has too many items: 51, at most 50\n"
    assert db.read_bytes() == before


def test_an_empty_db_path_is_refused_not_the_default_store(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `komsos --db "" record ...` wrote to the app folder's store; `list --db ""` said ". is a folder".
    monkeypatch.delenv("KOMSOS_DB")
    args = ["-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"]
    for command in (["--db", "", "record", *args], ["record", "--db", "", *args], ["list", "--db", " "]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert result.stderr == "komsos: --db was given an empty path; name the store file, or leave --db out\n"
    assert not (tmp_path / "home").exists()


def test_bytes_that_are_not_utf8_are_refused_not_an_internal_error(
    run: Run, record: Callable[..., str], db: Path
) -> None:
    # A non-UTF-8 byte on the command line arrives as a lone surrogate ("\udcff"); storing it
    # failed in the JSON writer: "internal error: TypeError", exit 70.
    record()
    before = db.read_bytes()
    base = ["record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "x"]
    for args, field in (
        ([*base, "--summary", "ab\udcffcd"], "summary"),
        ([*base, "--with", "Bapak \udcff"], "counterparts"),
        (["list", "--village", "\udcff"], "--village"),
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr == f"komsos: {field} is not valid UTF-8 text (is the terminal set to UTF-8?)\n"
    assert db.read_bytes() == before


def test_an_empty_filter_is_refused_not_ignored(run: Run, record: Callable[..., str]) -> None:
    # `list --village ""` (a script's unset variable) listed every village's entries.
    record()
    for option in ("--village", "--kecamatan", "--babinsa", "--search", "--kind", "--situation", "--topic"):
        result = run("list", option, " ")
        assert result.exit_code == 2, option
        assert (
            result.stderr == f"komsos: {option} was given an empty value; give what to select, or leave {option} out\n"
        )
        assert result.stdout == ""


def test_show_writes_the_follow_up_status_in_indonesian_like_its_label(run: Run, record: Callable[..., str]) -> None:
    # "Tindak lanjut  Pantau lagi [open]": an English word in the Indonesian field list.
    entry_id = record(follow_up="Pantau lagi menjelang pencoblosan")
    shown = run("show", entry_id).stdout
    assert "Pantau lagi menjelang pencoblosan [terbuka]" in shown
    assert "[open]" not in shown
    assert run.json("show", entry_id)["follow_up"]["status"] == "open"


def test_list_table_colours_the_situation_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from komsos_cli import render
    from komsos_cli.model import Entry
    from komsos_cli.render import text

    entry: Entry = {
        **BLANK,
        "id": "c" * 36,
        "date": "2025-01-20",
        "kind": "patroli",
        "babinsa": [{"rank": "Serda", "name": "Nursalim"}],
        "village": "Macanan\x1b[2J",
        "summary": "Pencurian ternak\r\nlaporan warga",
        "situation": "rawan",
        "follow_up": {"action": "Pantau", "status": "open"},
        "created_at": "2025-01-20T00:00:00.000000+00:00",
        "updated_at": "2025-01-20T00:00:00.000000+00:00",
    }
    render.entries_table([entry])
    plain = capsys.readouterr().out
    assert "\x1b" not in plain and "\r" not in plain  # NO_COLOR, and user text cannot move the cursor
    assert "Macanan [2J" in plain and "rawan ⚑" in plain and "Pencurian ternak laporan warga" in plain
    monkeypatch.setattr(text, "use_colour", lambda stream: True)
    render.entries_table([entry])
    painted = capsys.readouterr().out
    assert "\x1b[1;31mrawan ⚑\x1b[0m" in painted and "\x1b[2mcccccccc\x1b[0m" in painted


def test_summary_from_stdin_is_read_like_a_report_file(run: Run, db: Path) -> None:
    # A summary saved on an older Windows PC (Windows-1252: curly quotes) is read, not refused;
    # bytes that are not text are refused in one line and nothing is stored.
    base = ["record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "-"]
    result = run(*base, input="Warga menyampaikan “aman” – terima kasih".encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    [entry] = run.json("list")
    assert entry["summary"] == "Warga menyampaikan “aman” – terima kasih"
    before = db.read_bytes()
    binary = run(*base, input=b"PK\x03\x04\x00\x00\x00\x00\x08\x00")
    assert binary.exit_code == 2 and binary.stderr == "komsos: stdin is not a text file\n"
    assert db.read_bytes() == before


@pytest.mark.file_only
def test_an_entry_komsos_never_writes_is_named_not_an_internal_error(
    run: Run, record: Callable[..., str], db: Path
) -> None:
    # A store edited by hand (a kind that is a list, a situation that is an object) made list,
    # summary and export fail with "internal error: TypeError" (exit 70).
    record()
    data = json.loads(db.read_text("utf-8"))
    [stored] = data["entries"].values()
    stored["kind"], stored["situation"] = ["komsos", "x"], {"a": 1}
    db.write_text(json.dumps(data), "utf-8")
    before = db.read_bytes()
    for command in (["list"], ["summary"], ["export", "-o", "-"]):
        result = run(*command)
        assert result.exit_code == 3, (command, result.stderr)
        assert result.stderr.startswith(f"komsos: the store {db} holds entries komsos does not write (1 invalid")
        assert result.stderr.endswith("Run `komsos doctor` to check it and restore a backup\n")
        assert result.stderr.count("\n") == 1
    assert db.read_bytes() == before
