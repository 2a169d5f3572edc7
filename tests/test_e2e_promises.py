"""The store's promises (issue 14), through the installed command: a read-only store file is
not written; an explicit store's missing folder is not made; a new store and a missing one are said."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "komsos"
RECORD = ("record", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar", "-b", "Serda X")


def komsos(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_HOME": str(home), "KOMSOS_LANG": "en", "COLUMNS": "160"})
    return subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True, timeout=60)


def test_a_read_only_store_file_is_not_written_even_as_root(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    assert komsos("--db", str(db), *RECORD, "-s", "Komsos pertama", home=tmp_path).returncode == 0
    db.chmod(0o444)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    refused = komsos("--db", str(db), *RECORD, "-s", "Komsos kedua", home=tmp_path)
    assert refused.returncode == 3, refused.stderr
    assert "read-only" in refused.stderr and refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert stat.S_IMODE(db.stat().st_mode) == 0o444
    assert komsos("--db", str(db), "list", home=tmp_path).returncode == 0


def test_an_explicit_store_whose_folder_is_missing_is_refused_and_no_folder_made(tmp_path: Path) -> None:
    db = tmp_path / "nope" / "komsos.json"
    refused = komsos("--db", str(db), *RECORD, "-s", "Komsos", home=tmp_path / "home")
    assert refused.returncode == 3 and "does not exist" in refused.stderr, refused.stderr
    assert not db.parent.exists()


def test_a_new_store_is_announced_and_a_missing_one_said_on_read(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    missing = komsos("--db", str(db), "list", home=tmp_path)
    assert missing.returncode == 0 and missing.stdout == ""
    assert "does not exist" in missing.stderr and not db.exists()
    made = komsos("--db", str(db), *RECORD, "-s", "Komsos", home=tmp_path)
    assert made.returncode == 0 and "created a new store" in made.stderr
    again = komsos("--db", str(db), *RECORD, "-s", "Rapat lain sama sekali", home=tmp_path)
    assert again.returncode == 0 and "created" not in again.stderr


def test_the_app_folder_is_its_owners_only_when_the_gazetteer_index_is_written_first(tmp_path: Path) -> None:
    home = tmp_path / "fresh" / "komsos"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_HOME": str(home), "KOMSOS_LANG": "en"})
    found = subprocess.run(
        [str(BIN), "places", "search", "Kemiri"], env=env, capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: os.umask(0o022),
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
