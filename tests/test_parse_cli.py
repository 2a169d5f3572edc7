"""komsos parse and komsos narrate through the command line, on a real store file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.both_stores

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SEED = sorted(CORPUS.glob("*.txt"))


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "laporan"
    folder.mkdir()
    for path in SEED:
        shutil.copy(path, folder / path.name)
    return folder


def test_parse_shows_every_field_and_marks_what_is_missing(run: Any, db: Path) -> None:
    result = run("parse", str(CORPUS / "seed-004.txt"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Serka Sugianto" in out and "Koramil 07/Gatak" in out and "Krajan" in out
    assert "Dk.Kauman Rt 03 Rw 04" in out and "rumah Bapak Harjanto" in out
    assert "— not found" in out  # kodim, time, province, situation are not in this report
    assert "(16/01/23)" in out
    assert not db.exists()


def test_parse_many_files_adds_a_summary(run: Any, reports: Path) -> None:
    result = run("parse", *[str(p) for p in sorted(reports.iterdir())])
    assert result.exit_code == 0, result.stderr
    assert "5 reports" in result.stdout
    assert "date 5/5" in result.stdout


def test_parse_json_of_one_report(run: Any) -> None:
    data = run.json("parse", str(CORPUS / "seed-002.txt"))
    entry = data["entry"]
    assert entry["date"] == "2022-01-11"
    assert entry["babinsa"] == [{"rank": "Serda", "name": "Jasem"}]
    assert (entry["village"], entry["kecamatan"], entry["kabupaten"]) == ("Sei Silau Tua", "Setia Janji", "Asahan")
    assert entry["summary"].startswith("Asahan | Kegiatan interaksi")
    assert data["activity_kinds"] == ["komsos"]
    assert "province" in data["missing"] and "babinsa" in data["found"]


def test_parse_reads_stdin(run: Any) -> None:
    text = (CORPUS / "seed-000.txt").read_text("utf-8")
    result = run("parse", "-", "--json", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert '"Pematang Jaya"' in result.stdout


def test_record_a_folder_all_at_once_then_skip_what_is_stored(run: Any, reports: Path) -> None:
    result = run("parse", str(reports), "--record")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 5
    stored = run.json("list")
    assert sorted(e["date"] for e in stored) == ["2019-01-31", "2022-01-11", "2023-01-16", "2024-09-13", "2025-01-17"]
    kemiri = next(e for e in stored if e["village"] == "Kemiri")
    assert kemiri["koramil"] == "Koramil 03/Kebakkramat" and kemiri["kodim"] == "Kodim 0727/Karanganyar"
    assert kemiri["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]
    again = run("parse", str(reports), "--record")
    assert again.exit_code == 0
    assert again.stderr.count("already stored") == 5
    assert len(run.json("list")) == 5


def test_record_is_all_or_nothing_when_a_report_lacks_required_fields(run: Any, reports: Path, db: Path) -> None:
    (reports / "zz-incomplete.txt").write_text("Babinsa melaksanakan komsos bersama warga.", "utf-8")
    result = run("parse", str(reports), "--record")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("komsos: ") and "zz-incomplete.txt" in line and "date, babinsa, village" in line
    assert len(line.splitlines()) == 1
    assert not db.exists()


def test_record_at_a_terminal_asks_for_what_is_missing_and_confirms(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "pesan.txt"
    report.write_text("Babinsa Serda Budi melaksanakan patroli di Desa Waru bersama warga.", "utf-8")
    result = run("parse", str(report), "--record", input="17/01/2025\ny\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.stderr
    [entry] = run.json("list")
    assert (entry["date"], entry["kind"], entry["village"]) == ("2025-01-17", "patroli", "Waru")
    # questions go to stderr, so stdout holds only the stored id (`ids=$(komsos parse ... --record)`)
    assert result.stdout.split() == [entry["id"]]
    assert "[Y/n]" in result.stderr


def test_a_date_answered_with_its_hour_fills_the_time(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "pesan.txt"
    report.write_text("Babinsa Serda Budi melaksanakan patroli di Desa Waru bersama warga.", "utf-8")
    answer = "Jumat (17/01/2025) pukul 19.30 WIB\ny\n"
    result = run("parse", str(report), "--record", input=answer, env={"KOMSOS_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.stderr
    [entry] = run.json("list")
    assert (entry["date"], entry["time"]) == ("2025-01-17", "19:30")


def test_record_at_a_terminal_confirms_with_enter(run: Any) -> None:
    result = run("parse", str(CORPUS / "seed-001.txt"), "--record", input="\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.stderr
    assert len(run.json("list")) == 1


def test_record_at_a_terminal_can_be_declined(run: Any, db: Path) -> None:
    result = run("parse", str(CORPUS / "seed-001.txt"), "--record", input="n\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert result.exit_code == 1
    assert not db.exists() or run.json("list") == []


def test_bad_inputs_fail_with_one_line(run: Any, tmp_path: Path) -> None:
    missing = run("parse", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage\xff")
    bad = run("parse", str(binary))
    assert bad.exit_code == 2 and "not a text file" in bad.stderr
    empty = tmp_path / "kosong.txt"
    empty.write_text("  \n", "utf-8")
    blank = run("parse", str(empty))
    assert blank.exit_code == 2 and "empty" in blank.stderr
    folder = tmp_path / "folder"
    folder.mkdir()
    none = run("parse", str(folder))
    assert none.exit_code == 2 and "no .txt reports" in none.stderr
    for result in (missing, bad, blank, none):
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_user_text_is_never_markup(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "markup.txt"
    report.write_text("Babinsa Serda [bold]Budi[/bold] di Desa [red]Waru[/red], Senin (05/02/2024).", "utf-8")
    result = run("parse", str(report))
    assert result.exit_code == 0
    assert "[red]Waru[/red]" in result.stdout or "[red]Waru" in result.stdout


def test_narrate_a_recorded_report(run: Any, reports: Path) -> None:
    run("parse", str(reports / "seed-003.txt"), "--record")
    [entry] = run.json("list")
    press = run("narrate", entry["id"][:8])
    assert press.exit_code == 0, press.stderr
    assert press.stdout.startswith("Batu Bara – Babinsa Koramil 01/Medang Deras Kodim 0208/Asahan, Serka M Kliwon,")
    assert "pada hari Jumat, 13 September 2024" in press.stdout
    wa = run("narrate", entry["id"][:8], "--style", "wa")
    assert (
        wa.stdout.splitlines()[0] == "Ijin Dan, melaporkan kegiatan Babinsa Koramil 01/Medang Deras Kodim 0208/Asahan:"
    )
    back = run("parse", "-", "--json", input=wa.stdout.encode("utf-8"))
    again = __import__("json").loads(back.stdout)["entry"]
    for key in ("date", "babinsa", "koramil", "kodim", "village", "kecamatan", "kabupaten", "kind"):
        assert again[key] == entry[key], key


def test_narrate_refuses_an_unknown_style_and_id(run: Any, record: Any) -> None:
    entry_id = record()
    bad = run("narrate", entry_id, "--style", "koran")
    assert bad.exit_code == 2 and "press, wa" in bad.stderr
    unknown = run("narrate", "ffffffff")
    assert unknown.exit_code == 1 and "no entry" in unknown.stderr


def test_a_report_saved_by_an_old_windows_pc_is_read(run: Any, tmp_path: Path, db: Path) -> None:
    text = "Babinsa Serda Budi Santoso komsos di caf\u00e9 \u201cMaju\u201d Desa Waru, Senin (05/02/2024) \u2013 aman."
    ansi = tmp_path / "ansi.txt"
    ansi.write_bytes(text.encode("cp1252"))
    result = run.json("parse", str(ansi))
    assert result["entry"]["summary"] == text
    assert (result["entry"]["village"], result["entry"]["date"]) == ("Waru", "2024-02-05")
    assert any("Windows-1252" in note for note in result["notes"])
    piped = __import__("json").loads(run("parse", "-", "--json", input=text.encode("cp1252")).stdout)
    assert piped["entry"]["summary"] == text
    unicode = tmp_path / "unicode.txt"
    unicode.write_bytes(text.encode("utf-16"))  # Notepad's "Unicode", with its byte-order mark
    assert run.json("parse", str(unicode))["entry"]["summary"] == text
    assert not db.exists()


def test_a_stray_control_character_does_not_make_a_report_binary(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "tempel.txt"
    report.write_bytes(b"Babinsa Serda Budi \x1b[0mkomsos di Desa Waru bersama warga, Senin (05/02/2024).")
    result = run.json("parse", str(report))
    assert (result["entry"]["village"], result["entry"]["date"]) == ("Waru", "2024-02-05")


def test_a_binary_file_among_reports_stops_the_record(run: Any, reports: Path, db: Path) -> None:
    (reports / "zz-foto.txt").write_bytes(bytes(range(256)) * 4)
    result = run("parse", str(reports), "--record")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"komsos: {reports / 'zz-foto.txt'} is not a text file"
    assert not db.exists()


def test_record_stores_the_gazetteers_place_as_record_does(run: Any, tmp_path: Path) -> None:
    # Invented report; the village written as people write it, the province not written at all.
    report = tmp_path / "wa.txt"
    report.write_text(
        "Babinsa Koramil 13/Buntu Pane Serda Adi Saputra melaksanakan komsos dengan warga di "
        "Ds. Sungai Silautua Kec. Setia Janji Kab. Asahan, Senin (10/01/2022). Situasi aman dan kondusif.\n",
        "utf-8",
    )
    shown = run.json("parse", str(report))["entry"]
    assert shown["province"] is None  # parse shows what the text says
    result = run("parse", str(report), "--record", "--yes")
    assert result.exit_code == 0, result.stderr
    [stored] = run.json("list")
    assert (stored["village"], stored["kecamatan"], stored["kabupaten"], stored["province"]) == (
        "Sei Silau Tua",
        "Setia Janji",
        "Asahan",
        "Sumatra Utara",
    )
    assert stored["place_matched"] is True
