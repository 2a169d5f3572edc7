"""The command line. Each module registers its commands on `app`; only this package imports Typer."""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type checker; at run time `app` is loaded on first use (__getattr__)
    from typer import Typer

    from .app import app as app

# Importing a module registers its commands; this order is the order of `komsos --help`.
COMMAND_MODULES = ("entries", "profile", "exchange", "keys", "summary", "places", "narrative", "doctor")


def _load_app() -> Typer:
    """The Typer app with every command registered (imported on first use, not with this package:
    a shell's TAB that asks for ids or villages is answered without it, see quick_complete.py)."""
    from .app import app as typer_app

    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    globals()["app"] = typer_app  # importing the submodule `app` bound its module to this name
    return typer_app


def __getattr__(name: str) -> Typer:
    if name == "app":
        return _load_app()
    raise AttributeError(f"module {__name__} has no attribute {name}")


def main() -> None:
    if os.environ.get("_KOMSOS_COMPLETE"):
        from .quick_complete import answer

        if answer():
            return
    from .app import run

    run(_load_app())  # builds only the command asked for; exits without teardown (docs/performance.md)


__all__ = ["COMMAND_MODULES", "app", "main"]
