"""The store's promises (issue 14), through the installed command: a read-only store file is
not written; an explicit store's missing folder is not made; a new store and a missing one are said;
doctor never advises a command that cannot work, and names a permission problem as that."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.slow  # a promise proved through the installed komsos, several commands long
def test_a_new_store_is_announced_and_a_missing_one_said_on_read(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    for read in (("list",), ("list", "--json"), ("summary",), ("villages",)):
        missing = komsos("--db", str(db), *read, home=tmp_path)
        assert missing.returncode == 0, (read, missing.stderr)
        assert f"the store {db} does not exist" in missing.stderr and "Traceback" not in missing.stderr, read
        assert missing.stderr.count("does not exist") == 1 and not db.exists()
    assert komsos("--db", str(db), "list", "--json", home=tmp_path).stdout.strip() in ("", "[]")
    made = komsos("--db", str(db), *RECORD, "-s", "Komsos", home=tmp_path)
    # (the first lookup in this new app folder also builds the gazetteer index, and says so first)
    said = [line for line in made.stderr.splitlines() if not line.startswith("building the village gazetteer index")]
    assert made.returncode == 0 and said == [f"komsos: created a new store: {db}"], made.stderr
    again = komsos("--db", str(db), *RECORD[:-1], "Serda Y", "-d", "2024-01-02", "-s", "Rapat lain", home=tmp_path)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert komsos("--db", str(db), "list", home=tmp_path).stderr == "2 of 2 entries\n"
    # the app folder's own store is not the user's typing: it goes unremarked
    home = tmp_path / "own"
    assert komsos("list", home=home).stderr.count("does not exist") == 0


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


def test_units_are_checked_stored_in_one_form_and_filtered_by_number(tmp_path: Path) -> None:
    db = str(tmp_path / "komsos.json")
    wrong = komsos("--db", db, *RECORD, "-s", "Komsos", "--koramil", "Kodim 0727", home=tmp_path)
    assert wrong.returncode == 2 and "Koramil 03/Kebakkramat" in wrong.stderr and "Traceback" not in wrong.stderr
    assert komsos("--db", db, *RECORD, "-s", "Komsos", "--kodim", "Koramil 03/X", home=tmp_path).returncode == 2
    assert not Path(db).exists()
    full = komsos("--db", db, *RECORD, "-s", "Komsos satu", "--koramil", "koramil 0727-03 / Kebakkramat", "--json",
                  home=tmp_path)  # fmt: skip
    assert full.returncode == 0, full.stderr
    stored = json.loads(full.stdout)
    assert (stored["koramil"], stored["kodim"]) == ("Koramil 0727-03/Kebakkramat", "Kodim 0727")
    other = komsos("--db", db, *RECORD, "-s", "Rapat lain", "--koramil", "Koramil 13/Buntu Pane", home=tmp_path)
    assert other.returncode == 0
    three = json.loads(komsos("--db", db, "list", "--koramil", "3", "--json", home=tmp_path).stdout)
    assert [e["koramil"] for e in three] == ["Koramil 0727-03/Kebakkramat"]
    thirteen = json.loads(komsos("--db", db, "list", "--koramil", "13", "--json", home=tmp_path).stdout)
    assert [e["koramil"] for e in thirteen] == ["Koramil 13/Buntu Pane"]


@pytest.mark.slow  # a promise proved through the installed komsos, several commands long
def test_doctor_never_advises_a_restore_without_a_backup_to_bring_back(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    db.write_bytes(b'{"_meta": {"1": {"schema_version": 1}}, "entries": {"1": ')  # damaged, never backed up
    checked = komsos("--db", str(db), "doctor", home=tmp_path)
    assert checked.returncode == 3 and "damaged" in checked.stderr, checked.stderr
    assert "--restore" not in checked.stdout + checked.stderr and f"mv {db} {db}.damaged" in checked.stderr
    assert komsos("--db", str(db), "doctor", "--restore", "--yes", home=tmp_path).returncode != 0  # it would not work
    report = json.loads(komsos("--db", str(db), "doctor", "--json", home=tmp_path).stdout)
    assert report["restorable"] is False and "--restore" not in report["advice"]
    # with a good backup, the restore is advised, and works
    db.unlink()
    for summary in ("Komsos pertama", "Rapat kedua"):
        assert komsos("--db", str(db), *RECORD, "-s", summary, home=tmp_path).returncode == 0
    db.write_bytes(b"{")
    advised = komsos("--db", str(db), "doctor", home=tmp_path)
    assert advised.returncode == 3 and "komsos doctor --restore" in advised.stderr
    assert komsos("--db", str(db), "doctor", "--restore", "--yes", home=tmp_path).returncode == 0


def test_a_store_its_owner_may_not_read_is_named_as_that_not_as_damage_even_as_root(tmp_path: Path) -> None:
    db = tmp_path / "komsos.json"
    for summary in ("Komsos pertama", "Rapat kedua"):  # a backup exists: a restore would "work", and is wrong
        assert komsos("--db", str(db), *RECORD, "-s", summary, home=tmp_path).returncode == 0
    before = db.read_bytes()
    db.chmod(0o000)
    try:
        checked = komsos("--db", str(db), "doctor", home=tmp_path)
        report = json.loads(komsos("--db", str(db), "doctor", "--json", home=tmp_path).stdout)
    finally:
        db.chmod(0o600)
    assert checked.returncode == 3, checked.stderr
    said = checked.stdout + checked.stderr
    assert "permission denied" in said and "chmod u+rw" in said and "Traceback" not in said
    assert "damaged" not in said.replace("not damaged", "").replace("because it is damaged", "")
    assert "--restore" not in said
    assert [f["code"] for f in report["findings"] if f["level"] == "error"] == ["permission"]
    assert db.read_bytes() == before


def test_a_store_path_that_is_a_folder_is_not_called_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    checked = komsos("--db", str(folder), "doctor", home=tmp_path)
    assert checked.returncode == 3 and "is a folder" in checked.stdout
    assert "damaged" not in checked.stderr and "--restore" not in checked.stderr and "--db" in checked.stderr


REPORT = (
    "Babinsa {unit}Serda Nursalim melaksanakan komsos dengan warga {place}pada Senin 13 Januari 2025 tentang keamanan."
)


def test_parse_looks_up_a_village_typed_at_its_prompt_as_record_does(tmp_path: Path) -> None:
    report = tmp_path / "laporan.txt"
    report.write_text(REPORT.format(unit="Koramil 03/Kebakkramat ", place=""), "utf-8")  # no village in the text
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_HOME": str(tmp_path), "KOMSOS_LANG": "en", "KOMSOS_INTERACTIVE": "1"})
    db = str(tmp_path / "komsos.json")
    done = subprocess.run(
        [str(BIN), "--db", db, "parse", str(report), "--record", "--json"],
        env=env, input="kemiri\ny\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [stored] = json.loads(done.stdout)
    # typed in lower case, stored as the gazetteer spells it, its area completed; the Koramil chose
    # among the 25 villages called Kemiri
    assert (stored["village"], stored["kecamatan"], stored["kabupaten"], stored["province"]) == (
        "Kemiri", "Kebakkramat", "Karanganyar", "Jawa Tengah",
    )  # fmt: skip
    assert stored["place_matched"] is True


def test_a_village_found_in_several_places_is_never_matched_and_the_koramil_narrows_it(tmp_path: Path) -> None:
    report = tmp_path / "laporan.txt"
    report.write_text(REPORT.format(unit="", place="Desa Kemiri "), "utf-8")
    read = json.loads(komsos("parse", str(report), "--json", home=tmp_path).stdout)
    assert read["entry"]["place_matched"] is False and read["entry"]["kecamatan"] is None
    assert any("places in the gazetteer" in note for note in read["notes"]), read["notes"]
    report.write_text(REPORT.format(unit="Koramil 03/Kebakkramat ", place="Desa Kemiri "), "utf-8")
    read = json.loads(komsos("parse", str(report), "--json", home=tmp_path).stdout)
    assert read["entry"]["place_matched"] is True and read["entry"]["kecamatan"] == "Kebakkramat"
    # record: the Koramil's name narrows a common village name as well
    db = str(tmp_path / "komsos.json")
    args = ("--db", db, "record", "-v", "Kemiri", "-b", "Serda X", "-s", "Komsos", "--json")
    assert komsos(*args, home=tmp_path).returncode == 2  # 25 places, none chosen: refused off a terminal
    stored = json.loads(komsos(*args, "--koramil", "Koramil 03/Kebakkramat", home=tmp_path).stdout)
    assert (stored["kecamatan"], stored["kabupaten"], stored["place_matched"]) == ("Kebakkramat", "Karanganyar", True)


@pytest.mark.slow  # a promise proved through the installed komsos, several commands long
def test_a_new_area_that_no_longer_holds_the_profiles_villages_is_said_and_asked_or_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "komsos.json")
    made = komsos("--db", db, "profile", "set", "-b", "Serda X", "--kabupaten", "Karanganyar",
                  "--kecamatan", "Kebakkramat", "-v", "Kemiri", home=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    before = Path(db).read_bytes()
    for option, value in (("--kecamatan", "Gatak"), ("--kabupaten", "Sukoharjo")):
        refused = komsos("--db", db, "profile", "set", option, value, home=tmp_path)
        assert refused.returncode == 2, refused.stderr
        assert (
            refused.stderr.count("\n") == 1 and "Kemiri" in refused.stderr and "nothing was changed" in refused.stderr
        )
        assert Path(db).read_bytes() == before
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_HOME": str(tmp_path), "KOMSOS_LANG": "en", "KOMSOS_INTERACTIVE": "1"})
    args = [str(BIN), "--db", db, "profile", "set", "--kecamatan", "Tasikmadu"]
    said_no = subprocess.run(args, env=env, input="n\n", capture_output=True, text=True, timeout=60)
    assert said_no.returncode != 0 and "Kemiri" in said_no.stderr and Path(db).read_bytes() == before
    said_yes = subprocess.run(args, env=env, input="y\n", capture_output=True, text=True, timeout=60)
    assert said_yes.returncode == 0, said_yes.stderr
    profile = json.loads(komsos("--db", db, "profile", "show", "--json", home=tmp_path).stdout)
    assert (profile["kecamatan"], profile["villages"]) == ("Tasikmadu", [])
    # a new area that holds them, or new villages given with it, is not asked about
    moved = komsos("--db", db, "profile", "set", "--kecamatan", "Kebakkramat", "-v", "Kemiri", home=tmp_path)
    assert moved.returncode == 0 and komsos("--db", db, "profile", "set", "--kabupaten", "Karanganyar",
                                            home=tmp_path).returncode == 0  # fmt: skip
