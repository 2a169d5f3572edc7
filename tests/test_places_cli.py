"""Villages checked against the gazetteer on record, edit and profile set; komsos places."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import created

INTERACTIVE = {"KOMSOS_INTERACTIVE": "1"}

# The five villages of the corpus truth (shared/corpus/truth.jsonl), with their provinces.
CORPUS = [
    ("Pematang Jaya", "Rengat Barat", "Indragiri Hulu", "Riau"),
    ("Kemiri", "Kebakkramat", "Karanganyar", "Jawa Tengah"),
    ("Sei Silau Tua", "Setia Janji", "Asahan", "Sumatra Utara"),
    ("Pangkalan Dodek Baru", "Medang Deras", "Batu Bara", "Sumatra Utara"),
    ("Krajan", "Gatak", "Sukoharjo", "Jawa Tengah"),
]


def record_args(village: str, *extra: str) -> list[str]:
    return ["record", "-b", "Serda Jasem", "-s", "Komsos dengan warga", "-v", village, *extra]


def only_entry(run: Any) -> dict[str, Any]:
    entries = run.json("list")
    assert len(entries) == 1
    return dict(entries[0])


@pytest.mark.parametrize(("village", "kecamatan", "kabupaten", "province"), CORPUS)
def test_corpus_village_stored_with_official_area(
    run: Any, db: Path, village: str, kecamatan: str, kabupaten: str, province: str
) -> None:
    result = run(*record_args(village.lower(), "--kecamatan", kecamatan.upper()))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == created(db)  # no warning
    entry = only_entry(run)
    assert (entry["village"], entry["kecamatan"], entry["kabupaten"], entry["province"]) == (
        village,
        kecamatan,
        kabupaten,
        province,
    )
    assert entry["place_matched"] is True


def test_unique_village_fills_kecamatan_kabupaten_and_province(run: Any) -> None:
    assert run(*record_args("Desa Sei Silautua")).exit_code == 0
    entry = only_entry(run)
    assert (entry["village"], entry["kecamatan"], entry["kabupaten"], entry["province"]) == (
        "Sei Silau Tua",
        "Setia Janji",
        "Asahan",
        "Sumatra Utara",
    )


def test_ambiguous_village_off_a_terminal_fails_naming_candidates(run: Any, db: Path) -> None:
    result = run(*record_args("Pematang Jaya"))
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "\n" not in line
    assert "Rengat Barat, Indragiri Hulu" in line and "Mesuji Makmur, Ogan Komering Ilir" in line
    assert not db.exists()


def test_ambiguous_village_at_a_terminal_is_picked(run: Any) -> None:
    result = run(*record_args("Pematang Jaya"), input="2\n", env=INTERACTIVE)
    assert result.exit_code == 0, result.stderr
    assert "1) Pematang Jaya, Rengat Barat, Indragiri Hulu" in result.stderr
    assert "2) Pematang Jaya, Mesuji Makmur, Ogan Komering Ilir" in result.stderr
    entry = only_entry(run)
    assert (entry["kecamatan"], entry["province"], entry["place_matched"]) == (
        "Mesuji Makmur",
        "Sumatra Selatan",
        True,
    )


def test_a_wrong_number_is_asked_again(run: Any) -> None:
    result = run(*record_args("Pematang Jaya"), input="7\n1\n", env=INTERACTIVE)
    assert result.exit_code == 0, result.stderr
    assert "answer with a number from 1 to 2" in result.stderr
    assert only_entry(run)["kabupaten"] == "Indragiri Hulu"


def test_a_word_instead_of_a_number_is_asked_again_in_the_users_language(run: Any) -> None:
    result = run(*record_args("Pematang Jaya"), input="dua\n2\n", env={**INTERACTIVE, "KOMSOS_LANG": "id"})
    assert result.exit_code == 0, result.stderr
    assert "jawab dengan nomor 1 sampai 2" in result.stderr
    assert "valid int" not in result.stderr
    assert only_entry(run)["kabupaten"] == "Ogan Komering Ilir"


def test_unknown_village_is_stored_as_typed_with_a_warning(run: Any) -> None:
    result = run(*record_args("Sei Silau Tuo", "--kabupaten", "Asahan"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("komsos: warning: “Sei Silau Tuo” is not in the gazetteer")
    assert "did you mean Sei Silau Tua, Setia Janji, Asahan" in result.stderr
    entry = only_entry(run)
    assert (entry["village"], entry["kabupaten"], entry["place_matched"]) == ("Sei Silau Tuo", "Asahan", False)


def test_a_village_given_the_wrong_kabupaten_is_suggested_where_it_is(run: Any) -> None:
    result = run(*record_args("Sei Silau Tua", "--kabupaten", "Inhu"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("komsos: warning: “Sei Silau Tua” is not in Inhu in the gazetteer;")
    assert "did you mean Sei Silau Tua, Setia Janji, Asahan;" in result.stderr
    assert only_entry(run)["place_matched"] is False


def test_edit_to_a_misspelt_village_elsewhere_suggests_it(run: Any, record: Callable[..., str]) -> None:
    entry_id = record(village="Pematang Jaya", kabupaten="OKI")
    result = run("edit", entry_id[:8], "-v", "Sei Silau Tuo", "--strict")
    assert result.exit_code == 2
    assert "did you mean Sei Silau Tua, Setia Janji, Asahan;" in result.stderr
    assert only_entry(run)["village"] == "Pematang Jaya"


def test_unknown_village_is_refused_with_strict(run: Any, db: Path) -> None:
    result = run(*record_args("Sei Silau Tuo", "--strict"))
    assert result.exit_code == 2
    assert "did you mean Sei Silau Tua, Setia Janji, Asahan" in result.stderr
    assert not db.exists()


def test_unknown_village_at_a_terminal_takes_a_suggestion_or_keeps_it(run: Any) -> None:
    result = run(*record_args("Sei Silau Tuo"), input="1\n", env=INTERACTIVE)
    assert result.exit_code == 0, result.stderr
    assert "0) keep “Sei Silau Tuo” as typed" in result.stderr
    result = run(*record_args("Sei Silau Tuo"), input="0\n", env=INTERACTIVE)
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    stored = sorted((e["village"], e["place_matched"]) for e in run.json("list"))
    assert stored == [("Sei Silau Tua", True), ("Sei Silau Tuo", False)]


def test_spellings_list_together_under_the_official_name(run: Any) -> None:
    for typed in ("Sei Silau Tua", "sei silau tua", "Desa Sei Silau Tua", "Sungai Silau Tua", "Sei Silautua"):
        assert run(*record_args(typed)).exit_code == 0
    entries = run.json("list", "--village", "desa sungai silautua")
    assert len(entries) == 5
    assert {(e["village"], e["kecamatan"], e["kabupaten"]) for e in entries} == {
        ("Sei Silau Tua", "Setia Janji", "Asahan")
    }


def test_old_entries_typed_differently_still_filter_together(run: Any, db: Path) -> None:
    """Entries stored before places existed keep their spelling; the filter folds them alike."""
    assert run(*record_args("Sei Silau Tua")).exit_code == 0
    data = json.loads(db.read_text("utf-8"))
    table = next(value for key, value in data.items() if isinstance(value, dict) and value)
    entry = next(iter(table.values()))
    entry["village"] = "Ds. Sungai Silau-Tua"
    db.write_text(json.dumps(data), "utf-8")
    assert len(run.json("list", "--village", "Sei Silau Tua")) == 1


def test_profile_area_scopes_the_lookup_and_gives_way_elsewhere(run: Any) -> None:
    result = run("profile", "set", "-b", "Serda Nursalim", "--kabupaten", "karanganyar", "--kecamatan", "Kebak Kramat")
    assert result.exit_code == 0, result.stderr
    profile = run.json("profile", "show")
    assert (profile["kecamatan"], profile["kabupaten"], profile["province"]) == (
        "Kebakkramat",
        "Karanganyar",
        "Jawa Tengah",
    )
    assert run("record", "-v", "Kemiri", "-s", "Komsos").exit_code == 0
    # a unique village elsewhere: the profile's area gives way to the gazetteer's
    assert run("record", "-v", "Sei Silau Tua", "-s", "Komsos").exit_code == 0
    stored = sorted((e["village"], e["kecamatan"], e["kabupaten"]) for e in run.json("list"))
    assert stored == [("Kemiri", "Kebakkramat", "Karanganyar"), ("Sei Silau Tua", "Setia Janji", "Asahan")]


def test_a_kecamatan_given_is_not_overridden(run: Any) -> None:
    result = run(*record_args("Kemiri", "--kecamatan", "Gatak"))
    assert result.exit_code == 0
    # Kemiri is in the gazetteer, only not in Gatak: the warning says where it is not
    assert "warning: “Kemiri” is not in Gatak in the gazetteer; stored as typed" in result.stderr
    entry = only_entry(run)
    assert (entry["kecamatan"], entry["place_matched"]) == ("Gatak", False)


def test_profile_set_validates_kabupaten_kecamatan_and_villages(run: Any) -> None:
    result = run("profile", "set", "--kabupaten", "Inhu", "-v", "pematang jaya")
    assert result.exit_code == 0, result.stderr
    profile = run.json("profile", "show")
    assert (profile["kabupaten"], profile["province"], profile["villages"], profile["kecamatan"]) == (
        "Indragiri Hulu",
        "Riau",
        ["Pematang Jaya"],
        "Rengat Barat",
    )
    result = run("profile", "set", "--kecamatan", "Setia Janjii", "--strict")
    assert result.exit_code == 2
    assert "did you mean Setia Janji" in result.stderr
    assert run("profile", "set", "--kabupaten", "indragiri hulu").exit_code == 0
    assert run.json("profile", "show")["kecamatan"] == "Rengat Barat"  # the same kabupaten holds it: kept
    result = run("profile", "set", "--kabupaten", "Bandung")
    assert result.exit_code == 2
    assert "Kota Bandung" in result.stderr
    # Kota Bandung does not hold Pematang Jaya: asked (issue 14), and taken out on yes
    result = run("profile", "set", "--kabupaten", "Bandung", input="2\ny\n", env=INTERACTIVE)
    assert result.exit_code == 0, result.stderr
    assert "does not hold the profile's village Pematang Jaya" in result.stderr
    # nor its kecamatan: taken out and said, or the next record would look for villages there
    assert "Kecamatan Rengat Barat is not in Kota Bandung: taken out of the profile" in result.stderr
    profile = run.json("profile", "show")
    assert (profile["kabupaten"], profile["villages"], profile["kecamatan"]) == ("Kota Bandung", [], None)


def test_a_new_kabupaten_with_its_villages_takes_the_kecamatan_from_them(run: Any) -> None:
    result = run("profile", "set", "--kabupaten", "Karanganyar", "--kecamatan", "Kebakkramat", "-v", "Kemiri")
    assert result.exit_code == 0, result.stderr
    # Kebakkramat is not in Sukoharjo: the village given names the new kecamatan instead
    result = run("profile", "set", "--kabupaten", "Sukoharjo", "-v", "Trosemi")
    assert result.exit_code == 0, result.stderr
    assert "taken out of the profile" not in result.stderr
    profile = run.json("profile", "show")
    assert (profile["kabupaten"], profile["kecamatan"], profile["villages"]) == ("Sukoharjo", "Gatak", ["Trosemi"])


def test_edit_checks_a_new_village(run: Any, record: Callable[..., str]) -> None:
    entry_id = record()
    result = run("edit", entry_id[:8], "-v", "Pematang Jaya")
    assert result.exit_code == 2
    assert "Mesuji Makmur" in result.stderr
    assert only_entry(run)["village"] == "Kemiri"
    result = run("edit", entry_id[:8], "-v", "Sungai Silautua")
    assert result.exit_code == 0, result.stderr
    entry = only_entry(run)
    assert (entry["village"], entry["kecamatan"], entry["kabupaten"], entry["place_matched"]) == (
        "Sei Silau Tua",
        "Setia Janji",
        "Asahan",
        True,
    )
    result = run("edit", entry_id[:8], "-v", "Kampung Entah Dimana", "--strict")
    assert result.exit_code == 2
    assert only_entry(run)["village"] == "Sei Silau Tua"


def test_new_papua_province_place_is_stored_with_a_warning(run: Any) -> None:
    args = record_args("Kampung Bumi Baru Timur", "--province", "Papua Selatan")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "2022 Papua provinces" in result.stderr
    entry = only_entry(run)
    assert (entry["village"], entry["province"], entry["place_matched"]) == (
        "Kampung Bumi Baru Timur",
        "Papua Selatan",
        False,
    )
    assert run(*args, "--strict").exit_code == 2


def test_a_place_written_with_its_pre_2022_papua_province_is_matched(run: Any, db: Path) -> None:
    result = run(*record_args("Kuprik", "--province", "Papua"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == created(db)  # no warning
    entry = only_entry(run)
    assert (entry["kecamatan"], entry["kabupaten"], entry["province"], entry["place_matched"]) == (
        "Semangga",
        "Merauke",
        "Papua Selatan",
        True,
    )


def test_places_search(run: Any) -> None:
    found = run.json("places", "search", "Pematang Jaya")
    assert [(p["kecamatan"], p["kabupaten"], p["province"]) for p in found[:2]] == [
        ("Rengat Barat", "Indragiri Hulu", "Riau"),
        ("Mesuji Makmur", "Ogan Komering Ilir", "Sumatra Selatan"),
    ]
    assert found[0]["postal_code"] == "29351"
    only = run.json("places", "search", "sei silautua", "--kabupaten", "Asahan")
    assert only[0]["village"] == "Sei Silau Tua"
    result = run("places", "search", "Sei Silau Tua")
    assert result.exit_code == 0
    assert "Setia Janji" in result.stdout and "21261" in result.stdout
    result = run("places", "search", "Qxzvw")
    assert result.exit_code == 1
    assert "no village in the gazetteer matches “Qxzvw”" in result.stderr


def test_places_show(run: Any) -> None:
    villages = run.json("places", "show", "Kebakkramat")
    assert "Kemiri" in [v["village"] for v in villages]
    assert {v["kabupaten"] for v in villages} == {"Karanganyar"}
    result = run("places", "show", "Setia Jnji")
    assert result.exit_code == 1
    assert "did you mean Setia Janji, Asahan" in result.stderr


def test_help_and_list_do_not_load_the_gazetteer(tmp_path: Path) -> None:
    home = tmp_path / "cold"
    env = {**os.environ, "KOMSOS_HOME": str(home), "KOMSOS_DB": str(tmp_path / "s.json")}
    for args in (["--help"], ["list"], ["record", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "komsos_cli", *args], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0, result.stderr
    assert not (home / "places.sqlite").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["search", "Kemiri", "--kabupaten", "Asahn"],
            "no kabupaten/kota “Asahn” in the gazetteer; did you mean Asahan",
        ),
        (
            ["search", "Kemiri", "--kecamatan", "Kebakramat"],
            "no kecamatan “Kebakramat” in the gazetteer; did you mean Kebakkramat",
        ),
        (["search", "--json", "Kemiri", "--kabupaten", "Asahn"], "no kabupaten/kota “Asahn”"),
        (["show", "Gatak", "--kabupaten", "Asahan"], "no kecamatan “Gatak” in “Asahan”; did you mean Gatak, Sukoharjo"),
        (["show", "Gatak", "--kabupaten", "Asahn"], "no kabupaten/kota “Asahn” in the gazetteer"),
    ],
)
def test_places_in_an_unknown_area_name_the_area(run: Any, args: list[str], message: str) -> None:
    result = run("places", *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"komsos: {message}")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "Krajan", "--limit", "0"], "--limit must be 1 or more"),
        (["search", "Krajan", "--limit", "-5"], "--limit must be 1 or more"),
        (["search", " - "], "give a village name, or part of one"),
        (["show", ""], "give the name of a kecamatan"),
    ],
)
def test_places_bad_input_is_a_usage_error(run: Any, args: list[str], message: str) -> None:
    result = run("places", *args)
    assert result.exit_code == 2
    assert result.stderr == f"komsos: {message}\n"


# --- names a clerk would still find (issue 16) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kabupaten", "village"),
    [
        ("Salayo Tanang", "Solok", "Salayo Tanang Bukik Sileh"),  # the start of the official name, one village so
        ("Sianok", "Agam", "Sianok Anam Suku"),
        ("Piangu", "Solok", "Pianggu"),  # a letter written once that the gazetteer doubles
        ("Air Manggih", "Pasaman", "Aia Manggih"),  # Aia/Air
        ("Sei Puar", "Agam", "Sungai Puar"),  # Sei/Sungai
        ("Rao Rao", "Tanah Datar", "Rao-Rao"),  # a space for a hyphen
    ],
)
def test_a_village_written_as_a_clerk_would_still_find_it(run: Any, typed: str, kabupaten: str, village: str) -> None:
    result = run(*record_args(typed, "--kabupaten", kabupaten))
    assert result.exit_code == 0, result.stderr
    entry = only_entry(run)
    assert (entry["village"], entry["kabupaten"], entry["place_matched"]) == (village, kabupaten, True)


def test_a_village_read_from_the_start_of_its_name_says_so() -> None:
    from komsos_cli.placecheck import PlaceCheck

    check = PlaceCheck()
    entry = check.entry({"village": "Salayo Tanang", "kabupaten": "Solok"}, {})
    assert entry["village"] == "Salayo Tanang Bukik Sileh"
    assert check.warnings == ["village “Salayo Tanang” read as Salayo Tanang Bukik Sileh, Lembang Jaya, Solok"]


def test_a_start_several_villages_share_is_not_guessed(run: Any) -> None:
    result = run(*record_args("Malalak", "--kabupaten", "Agam"))  # Malalak Barat, Malalak Timur, ...
    assert result.exit_code == 0, result.stderr
    assert "is not in the gazetteer" in result.stderr
    assert only_entry(run)["place_matched"] is False


def test_a_variant_spelling_found_in_several_places_is_asked_never_guessed(run: Any, db: Path) -> None:
    result = run(*record_args("Piangu"))
    assert result.exit_code == 2
    assert "Awang, Barito Timur" in result.stderr and "IX Koto Sungai Lasi, Solok" in result.stderr
    assert not db.exists()
    picked = run(*record_args("Piangu"), input="2\n", env=INTERACTIVE)
    assert picked.exit_code == 0, picked.stderr
    assert only_entry(run)["kabupaten"] == "Solok"


# --- the first lookup on a new machine builds the index, and says so --------------------------------


@pytest.mark.index_notice
@pytest.mark.parametrize(("lang", "said"), [("en", "building the village gazetteer index"), ("id", "menyusun indeks")])
def test_the_first_lookup_in_an_empty_app_folder_says_the_index_is_being_built(
    tmp_path: Path, lang: str, said: str
) -> None:
    # It spent seconds in silence: a new user thought komsos had hung.
    home = tmp_path / "new-machine"
    env = {**os.environ, "KOMSOS_HOME": str(home), "KOMSOS_DB": str(tmp_path / "s.json"), "KOMSOS_LANG": lang}
    first = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "places", "search", "Sei Silau Tua"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert first.returncode == 0, first.stderr
    notice, *rest = first.stderr.splitlines()
    assert notice.startswith(said) and notice.endswith("...")  # stderr is not a terminal: one plain line
    assert "\x1b" not in first.stderr and "\r" not in first.stderr
    assert said not in "\n".join(rest)
    assert "Sei Silau Tua" in first.stdout and said not in first.stdout  # stdout stays data only
    assert (home / "places.sqlite").is_file()
    again = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "places", "search", "Sei Silau Tua"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert again.returncode == 0 and said not in again.stderr  # built once: silent from then on


@pytest.mark.index_notice
def test_at_a_terminal_the_build_shows_a_progress_bar_on_stderr() -> None:
    import io

    from rich.console import Console

    from komsos_cli.render.places import IndexBuild

    screen = io.StringIO()
    bar = IndexBuild(terminal=True, out=Console(file=screen, force_terminal=True, width=100))
    bar.start(36)
    for _ in range(36):
        bar.advance(1)
    bar.stop()
    shown = screen.getvalue()
    assert "Building the village gazetteer index" in shown and "36/36" in shown
