"""Plain-text tables: aligned columns cut to the terminal, colour only where it can show.

Drawn without Rich: importing rich.table and laying out a Rich table costs ~25 ms, a
quarter of `komsos list` on a Babinsa's store (docs/performance.md). `list`, `summary`,
`villages` and `followups` draw with `columns`. One line per row, free-text columns cut
with "…", colour only on a terminal without NO_COLOR or TERM=dumb. User text is printed
as text (never interpreted), with control characters made harmless.
"""

from __future__ import annotations

import sys
from typing import TextIO

# Control characters and bidi overrides become spaces: user text cannot move the cursor or recolour.
from ..text import flat as flat

ANSI_STYLE = {"green": "32", "yellow": "33", "bold red": "1;31", "bold": "1", "dim": "2"}
GAP = "  "

# A cell: its text and its style (a key of ANSI_STYLE, or "").
Cell = tuple[str, str]


def _char_width(char: str) -> int:
    import unicodedata

    return 0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_width(text: str) -> int:
    """Terminal cells taken by `text` (wide East Asian characters take two, combining marks none)."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (ending in "…") and padded to exactly `width`."""
    used = cell_width(text)
    if used > width:
        # The longest start that leaves a cell for "…", in one pass (not a character at a time).
        if text.isascii():
            text = text[: max(width - 1, 0)]
        else:
            taken = end = 0
            for index, char in enumerate(text):
                taken += _char_width(char)
                if taken > width - 1:
                    break
                end = index + 1
            text = text[:end]
        text = text.rstrip() + "…"
        used = cell_width(text)
    return text + " " * (width - used)


def one_line(value: str | None, width: int) -> str:
    """`value` on one line, at most `width` characters (cut with "…")."""
    text = flat(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def use_colour(stream: TextIO) -> bool:
    import os

    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def paint(text: str, style: str, colour: bool) -> str:
    code = ANSI_STYLE.get(style)
    return f"\x1b[{code}m{text}\x1b[0m" if colour and code else text


def _align(text: str, width: int, right: bool, used: int | None = None) -> str:
    """`text` padded to `width` cells (on the left when `right`), or cut with "…" when longer."""
    used = cell_width(text) if used is None else used
    if used > width:
        return fit(text, width)
    pad = " " * (width - used)
    return pad + text if right else text + pad


def columns(
    header: tuple[str, ...] | None,
    rows: list[list[Cell]],
    *,
    right: frozenset[int] = frozenset(),
    shrink: dict[int, int] | None = None,
) -> list[str]:
    """Aligned lines: one per row (and the header in bold), cut to the terminal's width.

    `right` holds the columns aligned right (numbers); `shrink` maps the columns that
    may be cut (free text) to their minimum width. The widest of those is narrowed
    first, one cell at a time, until the line fits.
    """
    import shutil

    texts = [[flat(text) for text, _ in row] for row in rows]
    used = [[cell_width(text) for text in row] for row in texts]
    count = len(header) if header else max((len(row) for row in texts), default=0)
    widths = [max([cell_width(header[i]) if header else 0, *(row[i] for row in used)]) for i in range(count)]
    minimum = shrink or {}
    terminal = shutil.get_terminal_size((100, 24)).columns
    while sum(widths) + len(GAP) * (count - 1) > terminal:
        shrinkable = [i for i in minimum if widths[i] > minimum[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    colour = use_colour(sys.stdout)
    lines = []
    if header:
        heading = GAP.join(_align(text, widths[i], i in right) for i, text in enumerate(header)).rstrip()
        lines.append(paint(heading, "bold", colour))
    for row, flat_row, sizes in zip(rows, texts, used, strict=True):
        cells = []
        for i, ((_, style), text) in enumerate(zip(row, flat_row, strict=True)):
            fitted = _align(text, widths[i], i in right, sizes[i])
            body = fitted.rstrip(" ") if i not in right else fitted.lstrip(" ")
            if colour and style and body:
                start = fitted.index(body)
                fitted = fitted[:start] + paint(body, style, colour) + fitted[start + len(body) :]
            cells.append(fitted)
        lines.append(GAP.join(cells).rstrip())
    return lines


def write_lines(lines: list[str]) -> None:
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
