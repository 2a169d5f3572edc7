"""The guided record driven through a real terminal (pexpect): answers, defaults, refusals, cancelling."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")


def spawn(tmp_path: Path, *args: str, lang: str = "id") -> tuple[Any, Path]:
    db = tmp_path / "komsos.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMSOS_", "LC_", "LANG"))}
    env |= {"KOMSOS_DB": str(db), "KOMSOS_HOME": str(tmp_path / "home"), "KOMSOS_LANG": lang, "COLUMNS": "120"}
    env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "komsos_cli", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
        # Ctrl-C reaches the child as a terminal's would: a test run started in the background
        # (`cmd &` in a script) inherits SIGINT ignored, and Python then leaves it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return child, db


def stored(db: Path) -> list[dict[str, object]]:
    if not db.exists():
        return []
    env = {**os.environ, "KOMSOS_DB": str(db)}
    done = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "list", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    return list(json.loads(done.stdout))


def profile(tmp_path: Path) -> None:
    env = {**os.environ, "KOMSOS_DB": str(tmp_path / "komsos.json"), "KOMSOS_HOME": str(tmp_path / "home")}
    args = ["profile", "set", "-b", "Serda Nursalim", "--kabupaten", "Karanganyar", "--kecamatan", "Kebakkramat"]
    args += ["-v", "Kemiri", "-v", "Kebak", "-v", "Waru"]
    done = subprocess.run([sys.executable, "-m", "komsos_cli", *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_field_is_asked_with_its_default_and_the_entry_saved(tmp_path: Path) -> None:
    profile(tmp_path)
    child, db = spawn(tmp_path, "catat")  # no field option at a terminal: guided
    child.expect(r"Tanggal \(17/01/2025, kemarin\) \[\d{4}-\d\d-\d\d\]: ")
    child.sendline("")
    child.expect("Jam")
    child.sendline("jam sembilan")  # not a time: explained and asked again
    child.expect("komsos: waktu “jam sembilan” tidak terbaca")
    child.expect("Jam")
    child.sendline("09.30")
    child.expect(r"Jenis kegiatan .*\[komsos\]: ")
    child.sendline("")
    child.expect(r"Babinsa .*\[Serda Nursalim\]: ")
    child.sendline("")
    child.expect("1. Kemiri")
    child.expect("Desa/Kelurahan: ")
    child.sendline("")  # no default among three villages: needed
    child.expect("wajib diisi")
    child.expect("Desa/Kelurahan: ")
    child.sendline("ke")  # narrows to two
    child.expect("2. Kebak")
    child.expect("Desa/Kelurahan: ")
    child.sendline("1")
    child.expect("Dusun")
    child.sendline("Dsn 2")
    child.expect("Tempat")
    child.sendline("kedai kopi")
    child.expect("Yang ditemui")
    child.sendline("Kadus Dsn 2 Bapak Faisal; Sekdes")
    child.expect("Topik")
    child.sendline("keamanan")
    child.expect("Ringkasan")
    child.sendline("Komsos dengan warga di kedai kopi")
    child.expect("Situasi")
    child.sendline("aman")
    child.expect("Masalah")
    child.sendline("")
    child.expect("Tindak lanjut")
    child.sendline("")
    child.expect(r"Simpan entri ini\? \[Y/t\]: ")
    child.sendline("ya")
    child.expect(r"[0-9a-f]{8}-[0-9a-f]{4}-")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [entry] = stored(db)
    assert entry["village"] == "Kemiri" and entry["time"] == "09:30" and entry["kind"] == "komsos"
    assert entry["counterparts"] == ["Kadus Dsn 2 Bapak Faisal", "Sekdes"]
    assert entry["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]
    assert entry["situation"] == "aman" and entry["hamlet"] == "Dsn 2"


@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d", "no"])
def test_cancelling_stores_nothing_and_says_so(tmp_path: Path, how: str) -> None:
    if how == "no":
        profile(tmp_path)
    child, db = spawn(tmp_path, "record", "-i", lang="en")
    child.expect("Date")
    child.sendline("")
    child.expect("Time")
    if how == "no":
        for _ in range(3):  # time, kind, Babinsa: their defaults
            child.sendline("")
        child.expect("Village")
        child.sendline("1")
        for _ in range(4):
            child.sendline("")
        child.expect("Summary")
        child.sendline("Komsos")
        for _ in range(3):
            child.sendline("")
        child.expect(r"Save this entry\? \[Y/n\]: ")
        child.sendline("n")
    elif how == "ctrl-c":
        child.sendcontrol("c")
    else:
        child.sendeof()
    child.expect("nothing was stored")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0
    assert stored(db) == []


def test_interactive_needs_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "KOMSOS_DB": str(tmp_path / "k.json"), "KOMSOS_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "record", "-i"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert (
        done.stderr
        == "komsos: --interactive needs a terminal; give the fields as options instead (komsos record --help)\n"
    )
