"""The command line. Each module registers its commands on `app`; only this package imports Typer."""

from __future__ import annotations

import importlib

from .app import app

# Importing a module registers its commands; this order is the order of `komsos --help`.
COMMAND_MODULES = ("entries", "profile", "exchange", "summary", "places", "narrative", "doctor")
for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    from typer.main import get_command

    get_command(app).main(prog_name="komsos")


__all__ = ["COMMAND_MODULES", "app", "main"]
