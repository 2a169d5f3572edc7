"""How the komsos process (and only it) treats a parsed store; `for_process()` sets it.

A module of its own so that the command line sets it at start (cli.app.run) without importing the
store's reader, which a `--help` or a shell completion never needs.
"""

from __future__ import annotations

from typing import ClassVar


class Process:
    """`keep`: every parsed store stays referenced until the process leaves with os._exit,
    so that 100,000 entries are not freed one by one (~70 ms) just before the end.
    `freeze`: gc.freeze after a parse. A library caller (`import komsos_cli`) gets
    neither: its garbage collector is its own.
    """

    keep = False
    freeze = False
    kept: ClassVar[list[object]] = []


def for_process() -> None:
    """Called by the command-line process only (cli.app.run), never by the library."""
    Process.keep = True
    Process.freeze = True
