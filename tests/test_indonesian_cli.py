"""Indonesian from end to end at the command line: the framework's words, the command names, the prompts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_docs import ALL

from komsos_cli.cli.app import INDONESIAN_NAMES

ID = {"KOMSOS_LANG": "id"}

# What the framework (Typer's Click) says in English on every help page.
FRAMEWORK_ENGLISH = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Show this message and exit",
    "[required]",
    "[default:",
    "[OPTIONS]",
    "COMMAND [ARGS]",
)
# Words a user reads in an English sentence; the core commands' help holds none of them.
ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|Example|Show|entry|entries|required|default)\b")
CORE = ("komsos",)  # every command (the framework words of every help are checked above too)


@pytest.mark.parametrize("path", [path for path, _ in ALL] + ["komsos"])
def test_every_help_holds_no_english_framework_word(run: Any, path: str) -> None:
    shown = run(*path.split()[1:], "--help", env=ID)
    assert shown.exit_code == 0, shown.stderr
    for word in FRAMEWORK_ENGLISH:
        assert word not in shown.stdout, (path, word)
    assert shown.stdout.startswith(f"Cara pakai: {path}")
    assert "Tampilkan bantuan ini lalu keluar." in shown.stdout


@pytest.mark.parametrize("path", [p for p, _ in ALL if p.startswith(CORE)])
def test_core_help_holds_no_english_sentence(run: Any, path: str) -> None:
    shown = run(*path.split()[1:], "--help", env=ID)
    # option names and metavars (--follow-up, <str>) are the interface for scripts; leave them out
    prose = re.sub(r"--?[\w-]+|<\w+>|'[^']*'|\"[^\"]*\"", "", shown.stdout)
    found = ENGLISH_WORDS.findall(prose)
    assert not found, (path, found)


def test_required_and_default_marks_in_indonesian(run: Any) -> None:
    shown = run("show", "--help", env=ID)
    assert "[wajib]" in shown.stdout
    assert "[required]" in run("show", "--help").stdout


def test_every_command_answers_to_its_indonesian_name(run: Any, record: Any) -> None:
    entry = record()
    assert run("daftar", "--json").exit_code == 0
    shown = run("lihat", entry[:8], "--json")
    assert shown.exit_code == 0 and entry in shown.stdout
    assert run("profil", "show").exit_code == 0
    stored = run(
        "catat", "-v", "Kemiri", "--kecamatan", "Kebakkramat", "--kabupaten", "Karanganyar", "-b", "Serda A", "-s", "x"
    )
    assert stored.exit_code == 0, stored.stderr
    assert run("hapus", stored.stdout.strip(), "--yes").exit_code == 0
    for indonesian in INDONESIAN_NAMES.values():
        assert run(indonesian, "--help", env=ID).exit_code == 0, indonesian


def test_every_command_has_an_indonesian_name() -> None:
    import typer

    from komsos_cli.cli import app

    commands = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert commands - set(INDONESIAN_NAMES) == set()
    assert len(set(INDONESIAN_NAMES.values())) == len(INDONESIAN_NAMES)  # no name answers for two commands
    assert not set(INDONESIAN_NAMES.values()) & commands  # nor hides an English one


def test_help_lists_each_command_under_its_language_name(run: Any) -> None:
    indonesian = run("--help", env=ID).stdout
    english = run("--help").stdout
    for name, alias in INDONESIAN_NAMES.items():
        assert re.search(rf"^  {alias} \({name}\) ", indonesian, re.M), name
        assert re.search(rf"^  {name} \({alias}\) ", english, re.M), name


@pytest.mark.parametrize(("answer", "deleted"), [("tidak\n", False), ("t\n", False), ("ya\n", True), ("y\n", True)])
def test_confirm_in_indonesian(run: Any, record: Any, answer: str, deleted: bool) -> None:
    entry = record()
    result = run("hapus", entry, input=answer, env={**ID, "KOMSOS_INTERACTIVE": "1"})
    assert "[y/T]" in result.stderr
    assert (run("show", entry).exit_code != 0) is deleted


def test_confirm_asks_again_on_an_unknown_answer(run: Any, record: Any) -> None:
    entry = record()
    result = run("delete", entry, input="mungkin\nya\n", env={**ID, "KOMSOS_INTERACTIVE": "1"})
    assert "jawab y (ya) atau t (tidak)" in result.stderr
    assert run("show", entry).exit_code != 0


def test_export_headers_follow_the_interface_language(run: Any, record: Any) -> None:
    record()
    indonesian = run("export", "-f", "csv", env=ID)
    assert indonesian.stdout.lstrip("\ufeff").startswith('"ID",Tanggal,')
    assert run("export", "-f", "csv").stdout.lstrip("\ufeff").startswith("id,date,")
    assert run("export", "-f", "csv", "--lang", "en", env=ID).stdout.lstrip("\ufeff").startswith("id,date,")


def test_the_html_recap_says_its_language(run: Any, record: Any) -> None:
    record()
    assert '<html lang="id">' in run("summary", "--format", "html", env=ID).stdout
    assert '<html lang="en">' in run("summary", "--format", "html").stdout


def test_the_reference_lists_every_command_name() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "reference.md").read_text("utf-8")
    for english, indonesian in INDONESIAN_NAMES.items():
        assert f"| `{english}` | `{indonesian}` |" in page, english
