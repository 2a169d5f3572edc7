"""Rendering of `komsos doctor`'s report."""

from __future__ import annotations

from typing import Any

from ..messages import t, tn
from . import console

# Paths and ids in the report come from the user's --db and from the store itself, which
# may be hostile (a file someone sent): control characters and bidi overrides are shown
# as \xNN / \uNNNN, never sent to the terminal.
_UNSAFE = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0)], None)
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))


def safe_line(text: str) -> str:
    """`text` with every control character and bidi override made visible."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"\\x{ord(c):02x}" if ord(c) in _UNSAFE else f"\\u{ord(c):04x}" if ord(c) in _BIDI else c for c in text
    )


MARK = {"ok": ("✓", "green"), "warning": ("!", "yellow"), "error": ("✗", "bold red")}


def doctor_report(report: Any) -> None:
    from rich.text import Text

    out = console()
    out.print(Text(safe_line(report.path), style="bold"))
    for finding in report.findings:
        mark, style = MARK[finding.level]
        line = Text(f" {mark} ", style=style)
        line.append(safe_line(finding.message))
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
        out.print(Text(f"   {safe_line(text)}", style="dim"))
