"""Rendering of `komsos doctor`'s report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..messages import t, tn
from ..text import visible
from . import console

if TYPE_CHECKING:
    from ..doctor import Report

# Paths and ids in the report come from the user's --db and from the store itself, which
# may be hostile (a file someone sent): control characters and bidi overrides are shown
# as \xNN / \uNNNN (`text.visible`), never sent to the terminal.


MARK = {"ok": ("✓", "green"), "warning": ("!", "yellow"), "error": ("✗", "bold red")}


def doctor_report(report: Report) -> None:
    from rich.text import Text

    out = console()
    out.print(Text(visible(report.path), style="bold"))
    for finding in report.findings:
        mark, style = MARK[finding.level]
        line = Text(f" {mark} ", style=style)
        line.append(visible(finding.message))
        out.print(line)
    for backup in report.backups:
        text = (
            tn(
                "doctor.backup_line",
                backup.entries,
                generation=backup.generation,
                modified=backup.modified,
                count=backup.entries,
            )
            if backup.entries is not None
            else t(
                "doctor.backup_unreadable",
                generation=backup.generation,
                modified=backup.modified,
                problem=backup.problem,
            )
        )
        out.print(Text(f"   {visible(text)}", style="dim"))
