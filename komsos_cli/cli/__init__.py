"""The command line. Each module registers its commands on `app`; only this package imports Typer."""

from __future__ import annotations

import importlib

from .app import app

# Importing a module registers its commands; this order is the order of `komsos --help`.
COMMAND_MODULES = ("entries", "profile", "exchange", "keys", "summary", "places", "narrative", "doctor")
for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    from .app import run

    run(app)  # builds only the command asked for; exits without teardown (docs/performance.md)


__all__ = ["COMMAND_MODULES", "app", "main"]
