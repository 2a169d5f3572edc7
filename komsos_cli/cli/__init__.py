"""The command line. Each module registers its commands on `app`; only this package imports Typer."""

from __future__ import annotations

# Importing a module registers its commands; the order is the order of `komsos --help`.
from . import entries, profile  # noqa: F401
from .app import app


def main() -> None:
    from typer.main import get_command

    get_command(app).main(prog_name="komsos")


__all__ = ["app", "main"]
