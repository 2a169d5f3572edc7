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
