"""User text made harmless: the one definition of the characters that must not reach a terminal
or the store, and the three ways of dealing with them. Pure, standard library only.

User text (a summary, a village, an id or a path from a file someone sent) may hold terminal
escapes, control characters or bidi overrides that move the cursor, recolour the screen or
reverse what a reader sees. Where it goes decides what becomes of them:

- `strip_unsafe`: the store (through `model.clean_text`): escapes and controls removed;
- `flat`: a table cell or a recap line: one line, each of them a space;
- `visible`: a message on stderr, the doctor's report: shown as `\\x1b`, `\\u202e`, never sent.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline among them), DEL and the C1 controls.
CONTROL_CODES = (*range(0x20), 0x7F, *range(0x80, 0xA0))
# Invisible characters that reorder or split what is shown: Arabic letter, left-to-right and
# right-to-left marks, line and paragraph separators, bidi embeddings, overrides and isolates, BOM.
FORMAT_CODES = (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF)
UNSAFE_CODES = frozenset(CONTROL_CODES + FORMAT_CODES)

# A terminal escape sequence: CSI (`\x1b[31m`), OSC (`\x1b]0;title\x07`) or a two-character one.
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")

_TO_SPACE = dict.fromkeys(UNSAFE_CODES, " ")
_DROP_KEEPING_LINES = dict.fromkeys(UNSAFE_CODES - {0x09, 0x0A})
_VISIBLE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in UNSAFE_CODES}


def strip_unsafe(text: str, *, multiline: bool = False) -> str:
    """`text` without terminal escapes or unsafe characters: line ends become `\\n`; free text
    (`multiline`) keeps its newlines and tabs and loses the rest, one-line text gets a space for each."""
    text = ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(_DROP_KEEPING_LINES if multiline else _TO_SPACE)


def flat(text: str | None) -> str:
    """One line of harmless characters, runs of spaces made one: for a table cell or a recap line."""
    if not text:
        return ""
    if not text.isprintable():
        text = text.translate(_TO_SPACE)
    return " ".join(text.split())


def visible(text: str) -> str:
    """`text` with every unsafe character shown (`\\x1b`, `\\x0a`, `\\u202e`), never sent to a terminal."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_VISIBLE)
