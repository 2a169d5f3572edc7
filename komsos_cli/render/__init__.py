"""Rich tables and panels: the one package that knows about colours and layout.

This module renders entries; render/summary.py renders what commanders read.

User text is always passed as `rich.text.Text`, never as markup, so `[bold]` in a
summary prints as typed. Data goes to stdout; messages go to stderr.
"""

from __future__ import annotations

import sys
from typing import Any

from ..model import format_babinsa

SITUATION_STYLE = {"aman": "green", "waspada": "yellow", "rawan": "bold red"}


def console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, markup=False)


def write_json(data: Any) -> None:
    """JSON to stdout as UTF-8, indented, keys in the entry's documented order."""
    import orjson

    payload = orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
    stream = sys.stdout
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(payload)
        buffer.flush()
    else:
        stream.write(payload.decode("utf-8"))


def message(text: str) -> None:
    """One line for the user on stderr."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _text(value: Any, style: str = "") -> Any:
    from rich.text import Text

    return Text("" if value is None else str(value), style=style)


def _one_line(value: str | None, width: int) -> str:
    if not value:
        return ""
    flat = " ".join(value.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def entries_table(entries: list[dict[str, Any]], total: int) -> None:
    from rich.table import Table

    out = console()
    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("ID", no_wrap=True, style="dim")
    table.add_column("Tanggal", no_wrap=True)
    table.add_column("Kegiatan", no_wrap=True)
    table.add_column("Desa")
    table.add_column("Babinsa")
    table.add_column("Situasi", no_wrap=True)
    table.add_column("Ringkasan")
    for entry in entries:
        situation = entry.get("situation") or ""
        follow = entry.get("follow_up") or {}
        marker = " ⚑" if follow.get("status") == "open" else ""
        table.add_row(
            _text(entry["id"][:8]),
            _text(entry["date"] + (f" {entry['time']}" if entry.get("time") else "")),
            _text(entry["kind"]),
            _text(entry.get("village")),
            _text(", ".join(format_babinsa(p) for p in entry.get("babinsa", []))),
            _text(situation + marker, SITUATION_STYLE.get(situation, "")),
            _text(_one_line(entry.get("summary"), 60)),
        )
    out.print(table)


LABELS = (
    ("id", "ID"),
    ("date", "Tanggal"),
    ("time", "Waktu"),
    ("kind", "Kegiatan"),
    ("babinsa", "Babinsa"),
    ("koramil", "Koramil"),
    ("kodim", "Kodim"),
    ("village", "Desa/Kelurahan"),
    ("village_kind", "Jenis desa"),
    ("hamlet", "Dusun/RT/RW"),
    ("kecamatan", "Kecamatan"),
    ("kabupaten", "Kabupaten/Kota"),
    ("province", "Provinsi"),
    ("venue", "Tempat"),
    ("counterparts", "Bersama"),
    ("topics", "Topik"),
    ("summary", "Ringkasan"),
    ("situation", "Situasi"),
    ("findings", "Temuan"),
    ("follow_up", "Tindak lanjut"),
    ("place_matched", "Tempat terverifikasi"),
    ("created_at", "Dibuat"),
    ("updated_at", "Diubah"),
)


def _field_text(key: str, value: Any) -> str:
    if value is None or value == []:
        return ""
    if key == "babinsa":
        return "\n".join(format_babinsa(p) for p in value)
    if key == "follow_up":
        text = f"{value['action']} [{value['status']}]"
        if value.get("resolved_on"):
            text += f" {value['resolved_on']}"
        if value.get("note"):
            text += f": {value['note']}"
        return text
    if key == "place_matched":
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    return str(value)


def entry_detail(entry: dict[str, Any], history_count: int = 0) -> None:
    from rich.table import Table

    out = console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, label in LABELS:
        text = _field_text(key, entry.get(key))
        if text:
            style = SITUATION_STYLE.get(text, "") if key == "situation" else ""
            table.add_row(_text(label), _text(text, style))
    if history_count:
        table.add_row(_text("Riwayat"), _text(f"{history_count} versi sebelumnya"))
    out.print(table)


def profile_panel(profile: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, value in profile.items():
        if key == "babinsa" and value:
            value = format_babinsa(value)
        elif isinstance(value, list):
            value = ", ".join(value)
        if value:
            table.add_row(_text(key), _text(value))
    out.print(table)
