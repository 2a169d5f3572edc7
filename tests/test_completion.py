"""Shell completion through the protocol the shells use (the environment Typer's scripts set)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest


def complete(words: str, *, shell: str = "bash", env: dict[str, str] | None = None) -> list[str]:
    """What `komsos` answers a shell that asks to complete the last word of `words`."""
    environment = {**os.environ, **(env or {}), "_KOMSOS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        parts = words.split(" ")
        environment |= {"COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    else:
        environment["_TYPER_COMPLETE_ARGS"] = words
    done = subprocess.run(
        [sys.executable, "-m", "komsos_cli"], env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_commands_complete_under_both_names() -> None:
    assert complete("komsos ca") == ["catat"]
    assert complete("komsos rec") == ["record"]
    found = complete("komsos d")
    assert {"delete", "doctor", "daftar", "desa"} <= set(found)


def test_closed_vocabularies_complete() -> None:
    assert complete("komsos list --kind anj") == ["anjangsana"]
    assert complete("komsos record --situation w") == ["waspada"]
    assert complete("komsos record --topic kes") == ["kesehatan"]
    assert complete("komsos summary --by de") == ["desa"]
    assert complete("komsos export --format js") == ["json", "jsonl"]
    assert complete("komsos record --village-kind Kel") == ["Kelurahan"]


def test_options_complete() -> None:
    assert "--village" in complete("komsos catat --vil")


def test_villages_profile_first_then_store_then_gazetteer(run: Any, db: Path) -> None:
    assert (
        run("profile", "set", "--kabupaten", "Karanganyar", "-v", "Kemiri", "--kecamatan", "Kebakkramat").exit_code == 0
    )
    env = {"KOMSOS_DB": str(db)}
    found = complete("komsos catat --village Kem", env=env)
    assert found[0] == "Kemiri"
    # the gazetteer's villages within the profile's kabupaten
    assert set(complete("komsos catat --village Kebak", env=env)) >= {"Kebak"}
    assert complete("komsos catat --kabupaten Karangan", env=env)[0] == "Karanganyar"


def test_entry_ids_complete_in_bash_and_zsh(record: Any, db: Path) -> None:
    first = record()
    env = {"KOMSOS_DB": str(db)}
    assert complete(f"komsos show {first[:4]}", env=env) == [first]
    for command in ("lihat", "edit", "delete", "resolve", "narrate"):
        assert complete(f"komsos {command} {first[:4]}", env=env) == [first], command
    zsh = "\n".join(complete(f"komsos show {first[:4]}", shell="zsh", env=env))
    assert first in zsh and "Kemiri" in zsh


def test_show_completion_prints_a_script() -> None:
    environment = {**os.environ, "SHELL": "/bin/bash"}
    done = subprocess.run(
        [sys.executable, "-m", "komsos_cli", "--show-completion", "bash"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "_KOMSOS_COMPLETE=complete_bash" in done.stdout


@pytest.mark.slow
def test_a_completion_answers_quickly_at_ten_thousand_entries(tmp_path: Path) -> None:
    from komsos_cli.model import validate_entry
    from komsos_cli.store import FileStore

    store = FileStore(tmp_path / "big.json")
    made = [
        validate_entry(
            {
                "babinsa": [{"rank": "Serda", "name": "A"}],
                "village": f"Desa {i % 300}",
                "summary": "x",
                "date": "2025-01-17",
            }
        )
        for i in range(10_000)
    ]
    with store.transaction() as transaction:
        transaction.add_many(made)
    env = {"KOMSOS_DB": str(tmp_path / "big.json")}
    complete("komsos show 0", env=env)  # the gazetteer index and caches
    started = time.perf_counter()
    complete("komsos show 0", env=env)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, elapsed  # a subprocess with the interpreter's start; the budget is in benchmarks/


# --- the quick path: ids and villages answered before Typer is imported ------------------------------

TYPER_PATH = "from komsos_cli.cli import _load_app\nfrom komsos_cli.cli.app import run\nrun(_load_app())\n"


def through_typer(words: str, *, shell: str, env: dict[str, str]) -> str:
    """What the Typer path alone answers (the quick path skipped)."""
    environment = {**os.environ, **env, "_KOMSOS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        environment |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    else:
        environment["_TYPER_COMPLETE_ARGS"] = words
    done = subprocess.run([sys.executable, "-c", TYPER_PATH], env=environment, capture_output=True, text=True)
    return done.stdout


def quick(words: str, *, shell: str, env: dict[str, str]) -> tuple[str, list[str] | None]:
    """What `komsos` answers, and the heavy modules it imported to do so; None: it went the Typer
    way (which leaves the process with os._exit, so nothing after main() runs)."""
    environment = {**os.environ, **env, "_KOMSOS_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        environment |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    else:
        environment["_TYPER_COMPLETE_ARGS"] = words
    code = (
        "import sys\nfrom komsos_cli.cli import main\nmain()\n"
        "heavy = ('typer', 'click', 'rich', 'tinydb')\n"
        "sys.stderr.write('returned ' + ' '.join(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    said = done.stderr.split()
    return done.stdout, said[1:] if said[:1] == ["returned"] else None


@pytest.fixture
def filled(run: Any, db: Path) -> dict[str, str]:
    from komsos_cli.model import validate_entry
    from komsos_cli.store import FileStore

    assert run("profile", "set", "--kabupaten", "Karanganyar", "-v", "Kemiri", "-v", "Waru").exit_code == 0
    made = [
        validate_entry(
            {
                "id": f"{prefix}-0000-4000-8000-00000000000{n}",
                "babinsa": ["Serda A"],
                "village": village,
                "summary": "x",
                "date": day,
                "kind": kind,
            }
        )
        for n, (prefix, village, day, kind) in enumerate(
            [
                ("abcd0001", "Kemiri", "2025-01-17", "komsos"),
                ("abcd0002", "Kebak: Lor", "2025-01-19", "patroli"),
                ("abce0003", "Waru", "2025-01-18", "anjangsana"),
                ("0bcd0004", "Kemuning $x", "2025-01-20", "komsos"),
            ]
        )
    ]
    with FileStore(db).transaction() as transaction:
        transaction.add_many(made)
    return {"KOMSOS_DB": str(db)}


@pytest.mark.parametrize(
    "words",
    [
        "komsos show ab",
        "komsos lihat abcd",
        "komsos --db {db} edit a",
        "komsos history 0",
        "komsos show zz",
        "komsos record --village Ke",
        "komsos catat -v K",
        "komsos list --kabupaten Sukoharjo --village Keb",
        "komsos export --village ",
    ],
)
@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_quick_path_answers_as_typer_does_without_importing_it(
    filled: dict[str, str], words: str, shell: str
) -> None:
    # `komsos show ab<TAB>` imported Typer, every command and the store's classes: 230 ms at 10,000 entries.
    words = words.format(db=filled["KOMSOS_DB"])
    answered, imported = quick(words, shell=shell, env=filled)
    assert answered == through_typer(words, shell=shell, env=filled)
    assert imported == []
    assert answered.strip() or shell == "bash"


def test_the_quick_path_gives_fish_its_answer_and_its_exit_code(filled: dict[str, str]) -> None:
    env = {**filled, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    answered, imported = quick("komsos show abce", shell="fish", env=env)
    assert answered == through_typer("komsos show abce", shell="fish", env=env) and imported == []
    assert answered.startswith("abce0003-0000-4000-8000-000000000002\t2025-01-18 Waru anjangsana")
    env["_TYPER_COMPLETE_FISH_ACTION"] = "is-args"
    code = "from komsos_cli.cli import main\nmain()\n"
    for words, status in (("komsos show abc", 0), ("komsos show zz", 1)):
        environment = {**os.environ, **env, "_KOMSOS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": words}
        assert subprocess.run([sys.executable, "-c", code], env=environment).returncode == status


def test_other_words_and_shells_are_left_to_typer(filled: dict[str, str]) -> None:
    for words in (
        "komsos ca",
        "komsos list --kind anj",
        "komsos show --j",
        "komsos show ab c",
        "komsos profile set -v K",
    ):
        answered, imported = quick(words, shell="bash", env=filled)
        assert answered == through_typer(words, shell="bash", env=filled), words
        assert imported is None, words


def test_the_quick_paths_commands_are_the_apps() -> None:
    from typer.main import get_command

    from komsos_cli.cli import app
    from komsos_cli.cli.app import INDONESIAN_NAMES
    from komsos_cli.cli.completion import attach, entry_ids, villages
    from komsos_cli.cli.quick_complete import ID_COMMANDS, VILLAGE_COMMANDS

    root = get_command(app)
    attach(root)
    by_id, by_village = set(), set()
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        names = {name, INDONESIAN_NAMES.get(name, name)}
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        if arguments and arguments[0]._custom_shell_complete is entry_ids:
            by_id |= names
        if any(
            "--village" in p.opts and "-v" in p.opts and p._custom_shell_complete is villages for p in command.params
        ):
            by_village |= names
    assert by_id == ID_COMMANDS
    assert by_village >= VILLAGE_COMMANDS


@pytest.mark.parametrize("layout", ["indented", "id last"])
def test_a_store_laid_out_otherwise_is_read_whole_with_the_same_answer(filled: dict[str, str], layout: str) -> None:
    # The quick path reads the entries table in slices, as komsos writes it; a file written otherwise
    # (by hand, by another tool) is parsed whole instead: the answers stay the Typer path's.
    import orjson

    path = Path(filled["KOMSOS_DB"])
    data = orjson.loads(path.read_bytes())
    if layout == "id last":
        data["entries"] = {
            key: {**{k: v for k, v in e.items() if k != "id"}, "id": e["id"]} for key, e in data["entries"].items()
        }
        path.write_bytes(orjson.dumps(data))
    else:
        path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    for words in ("komsos show abcd", "komsos catat --village Ke"):
        answered, imported = quick(words, shell="zsh", env=filled)
        assert answered == through_typer(words, shell="zsh", env=filled) and imported == [], words
        assert "abcd0002" in answered or "Kebak" in answered


def test_more_ids_than_are_offered_give_the_typer_paths_newest(run: Any, db: Path) -> None:
    # Only the newest 200 are offered; the quick path parses only the entries that can be among them.
    import uuid

    from komsos_cli.model import validate_entry
    from komsos_cli.store import FileStore

    made = [
        validate_entry(
            {
                "id": str(uuid.UUID(int=n * 7919 % 2**64 + 2**120, version=4)),
                "babinsa": ["Serda A"],
                "village": f"Desa {n % 7}",
                "summary": "x",
                "date": f"2025-01-{n % 28 + 1:02d}",
                "created_at": f"2025-02-01T08:{n % 60:02d}:00+00:00",
                "updated_at": f"2025-02-01T08:{n % 60:02d}:00+00:00",
            }
        )
        for n in range(450)
    ]
    with FileStore(db).transaction() as transaction:
        transaction.add_many(made)
    env = {"KOMSOS_DB": str(db)}
    for words in ("komsos show ", "komsos show 4", "komsos show 40"):
        answered, imported = quick(words, shell="bash", env=env)
        assert answered == through_typer(words, shell="bash", env=env) and imported == [], words
    assert len(quick("komsos show ", shell="bash", env=env)[0].splitlines()) == 200
