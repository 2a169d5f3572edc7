"""Rendering of `komsos doctor`'s report."""

from __future__ import annotations

from typing import Any

from ..messages import t
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
        text = (
            t("doctor.backup_line", generation=backup.generation, modified=backup.modified, count=backup.entries)
            if backup.entries is not None
            else t(
                "doctor.backup_unreadable",
                generation=backup.generation,
                modified=backup.modified,
                problem=backup.problem,
            )
        )
        out.print(Text(f"   {text}", style="dim"))
