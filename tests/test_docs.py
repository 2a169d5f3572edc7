"""Docs that tests keep honest: every command has help with an example and a section in docs/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.main import get_command

from komsos_cli.cli import app

if TYPE_CHECKING:
    from conftest import Run

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(path.read_text("utf-8") for path in sorted((ROOT / "docs").glob("*.md")))
HEADINGS = {line.lstrip("#").strip().strip("`") for line in DOCS.splitlines() if line.startswith("#")}


def commands(group: Any, prefix: str = "komsos") -> Iterator[tuple[str, Any]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            yield from commands(command, path)
        else:
            yield path, command


ALL = list(commands(get_command(app)))


def test_there_are_commands() -> None:
    names = {path for path, _ in ALL}
    assert {"komsos record", "komsos list", "komsos show", "komsos edit", "komsos delete"} <= names


@pytest.mark.parametrize(("path", "command"), ALL, ids=[path for path, _ in ALL])
def test_every_command_has_help_with_an_example(path: str, command: Any) -> None:
    assert command.help, f"{path} has no help"
    assert re.search(r"Example", command.help), f"{path}'s help has no example"


@pytest.mark.parametrize(("path", "command"), ALL, ids=[path for path, _ in ALL])
def test_every_command_has_a_section_in_docs(path: str, command: Any) -> None:
    assert any(heading == path or heading.startswith(path + " ") for heading in HEADINGS), (
        f"no heading '# {path}' in docs/*.md"
    )


@pytest.mark.parametrize("group", ["profile", "places"])
def test_every_command_group_help_has_an_example(group: str) -> None:
    # `komsos profile` or `komsos places` (no subcommand) shows the group's help: they had no example.
    command = get_command(app).commands[group]  # type: ignore[attr-defined]
    assert f"Example: komsos {group} " in (command.help or "")


CORE = ("komsos record", "komsos list", "komsos show", "komsos edit", "komsos delete")
CORE_GROUPS = ("komsos profile",)


def test_every_core_help_text_has_its_indonesian() -> None:
    # `en` must be the text exactly as the code has it: a help text changed without its catalog
    # entry would stay English under KOMSOS_LANG=id.
    from komsos_cli.messages import catalog

    english = {texts["en"] for key, texts in catalog().items() if key.startswith("help.")}
    root = get_command(app)
    profile = root.commands["profile"]  # type: ignore[attr-defined]
    nodes = [root, profile, *(c for p, c in ALL if p in CORE or p.startswith("komsos profile "))]
    assert len(nodes) == 2 + len(CORE) + 2
    for node in nodes:
        assert node.help in english, node.name
        for param in node.params:
            if param.name != "strict":  # the gazetteer's option (cli/places.py); translated when it matches
                assert getattr(param, "help", None) in english, (node.name, param.name)


def test_help_speaks_indonesian(run: Run) -> None:
    # --help was English whatever KOMSOS_LANG said.
    shown = run("record", "--help", env={"KOMSOS_LANG": "id"})
    assert shown.exit_code == 0
    assert "Mencatat satu kegiatan" in shown.stdout and "Contoh: komsos record" in shown.stdout
    assert "Pangkat dan nama, mis. 'Serda Nursalim'; boleh berulang." in " ".join(shown.stdout.split())
    assert "Example" not in shown.stdout
    listing = run("--help", env={"KOMSOS_LANG": "id"})
    assert "Menampilkan satu entri selengkapnya." in listing.stdout + listing.stderr
    assert "Record one activity" in run("record", "--help").stdout


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    assert "komsos record" in blocks[0] and "komsos list" in blocks[0]
    assert "scripts/check.sh" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "scripts/check.sh" in ci
