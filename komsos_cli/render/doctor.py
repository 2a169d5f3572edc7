"""Rendering of `komsos doctor`'s report."""

from __future__ import annotations

from typing import Any

from . import console

MARK = {"ok": ("✓", "green"), "warning": ("!", "yellow"), "error": ("✗", "bold red")}


def doctor_report(report: Any) -> None:
    from rich.text import Text

    out = console()
    out.print(Text(report.path, style="bold"))
    for finding in report.findings:
        mark, style = MARK[finding.level]
        line = Text(f" {mark} ", style=style)
        line.append(finding.message)
        out.print(line)
    for backup in report.backups:
        state = f"{backup.entries} entries" if backup.entries is not None else f"unreadable: {backup.problem}"
        out.print(Text(f"   backup {backup.generation}: {backup.modified}, {state}", style="dim"))
