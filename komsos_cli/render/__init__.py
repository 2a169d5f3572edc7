"""How results look: the one package that knows about colours and layout.

This module renders entries; render/summary.py renders what commanders read; the
tables people scan (list, summary, villages, followups) are plain text (render/text.py),
the rest Rich. User text is never markup: Rich gets it as `rich.text.Text`, so `[bold]`
in a summary prints as typed. Data goes to stdout; messages go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..messages import t
from ..model import format_babinsa
from .text import flat, one_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.text import Text

    from ..history import Version
    from ..model import Entry
    from ..store.base import Profile
    from ..zones import Zone

SITUATION_STYLE = {"aman": "green", "waspada": "yellow", "rawan": "bold red"}


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, markup=False)


def write_json(data: object) -> None:
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


def stderr_bar(label: str, out: Console | None = None, *, remaining: bool = False) -> Progress:
    """A started Rich progress bar on stderr, gone once stopped (the long steps share it: the
    gazetteer's index build, a long import): `label`, the bar, done of total, and the time spent
    (or, `remaining`, the time left)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    timer = TimeRemainingColumn() if remaining else TimeElapsedColumn()
    bar = Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), timer, console=out or console(stderr=True), transient=True
    )
    bar.start()
    return bar


def message(text: str, *, end: str = "\n") -> None:
    """A message for the user on stderr: the one way komsos writes to stderr (data goes to stdout).
    Its lines may quote user text: control characters and bidi overrides are shown, never sent."""
    from ..text import visible

    shown = text if text.isascii() and text.isprintable() else "\n".join(map(visible, text.split("\n")))
    sys.stderr.write(shown + end)
    sys.stderr.flush()


def _text(value: object, style: str = "") -> Text:
    from rich.text import Text

    return Text("" if value is None else str(value), style=style)


# --- the entries table (list) ------------------------------------------------------


def entries_table(entries: Sequence[Entry]) -> None:
    """One line per entry: ID, Tanggal, Kegiatan, Desa, Babinsa, Situasi, Ringkasan."""
    from .text import columns, write_lines

    rows: list[list[tuple[str, str]]] = []
    for entry in entries:
        situation = entry.get("situation") or ""
        follow = entry.get("follow_up")
        rows.append(
            [
                (entry["id"][:8], "dim"),
                (entry["date"] + (f" {entry['time']}" if entry.get("time") else ""), ""),
                (entry["kind"], ""),
                (entry.get("village") or "", ""),
                (", ".join(format_babinsa(p) for p in entry.get("babinsa", [])), ""),
                (
                    situation + (" ⚑" if follow and follow.get("status") == "open" else ""),
                    SITUATION_STYLE.get(situation, ""),
                ),
                (one_line(entry.get("summary"), 60), ""),
            ]
        )
    header = ("ID", "Tanggal", "Kegiatan", "Desa", "Babinsa", "Situasi", "Ringkasan")
    # The free-text columns give way, longest first, down to these widths.
    write_lines(columns(header, rows, shrink={3: 12, 4: 14, 6: 20}))


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
    ("photos", "Foto"),
    ("source", "Sumber"),
    ("received_from", "Diterima dari"),
    ("created_at", "Dibuat"),
    ("updated_at", "Diubah"),
)


FOLLOW_UP_STATUS_ID = {"open": "terbuka", "done": "selesai"}


def _stamp(value: str, zone: Zone | None) -> str:
    """A stored UTC time in the zone of the entry's place, to the minute (`2025-01-11 17:00 WIB`)."""
    from ..zones import UNKNOWN, local_minute

    zone = zone or UNKNOWN
    text = f"{local_minute(value, zone)} {zone.name}"
    return text if zone.known else t("show.zone_assumed", time=text)


def _field_text(entry: Entry, key: str, zone: Zone | None = None) -> str:
    """The entry's field `key` as `show` prints it ("" when it is empty or missing)."""
    if key == "babinsa":
        return "\n".join(format_babinsa(p) for p in entry.get("babinsa") or [])
    if key == "follow_up":
        follow = entry.get("follow_up")
        if follow is None:
            return ""
        # The labels are Indonesian, as in the reports; so is the status (stored as open/done).
        text = f"{follow['action']} [{FOLLOW_UP_STATUS_ID.get(follow['status'], follow['status'])}]"
        if follow.get("resolved_on"):
            text += f" {follow.get('resolved_on')}"
        if follow.get("note"):
            text += f": {follow.get('note')}"
        return text
    if key == "photos":
        return "\n".join(
            f"• {photo['name']}" + (f" (sha256 {photo['sha256'][:12]}…)" if photo.get("sha256") else "")
            for photo in entry.get("photos") or []
        )
    if key == "source":
        source = entry.get("source")
        if source is None:
            return ""
        return f"WhatsApp {source['chat']}: {source['sender']}, {source['sent_at'].replace('T', ' ')}"
    if key == "received_from":
        sender = entry.get("received_from")
        if sender is None:
            return ""
        return f"{sender['name']} ({sender['fingerprint']}), {_stamp(sender['at'], zone)}"
    value = entry.get(key)  # any other field, read by its name
    if value is None or value == []:
        return ""
    if key in ("created_at", "updated_at") and isinstance(value, str):
        return _stamp(value, zone)
    if key == "place_matched":
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    return str(value)


def entry_detail(entry: Entry, history_count: int = 0, *, stderr: bool = False, zone: Zone | None = None) -> None:
    """The entry in full; its times in `zone` (the zone of its place: zones.zone_of_entry), to the
    minute. Without a zone: the zone of the entry's province, else WIB, marked as assumed."""
    from rich.table import Table

    if zone is None:
        from ..zones import UNKNOWN, zone_of_entry

        zone = zone_of_entry(entry) if entry.get("province") else UNKNOWN

    out = console(stderr=stderr)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, label in LABELS:
        text = _field_text(entry, key, zone)
        if text:
            style = SITUATION_STYLE.get(text, "") if key == "situation" else ""
            table.add_row(_text(label), _text(text, style))
    if history_count:
        table.add_row(_text("Riwayat"), _text(f"{history_count} versi sebelumnya"))
    out.print(table)


def history(listed: Sequence[Version], zone: Zone) -> None:
    """`komsos history`: a line per version, when (in `zone`, the zone of the entry's place, to the
    minute, as `show` gives times) and the event in the reader's language, then each field that changed
    from the version before. WIB assumed for a place of unknown province is said once, on stderr."""
    from ..zones import local_minute

    lines: list[str] = []
    for version in listed:
        event = t(f"history.event.{version['event']}")  # created, edited, current, deleted; JSON keeps the word
        at = f"{local_minute(version['at'], zone)} {zone.name}"
        lines.append(t("history.line", number=version["number"], at=at, event=event))
        for field, (before, after) in version["changed"].items():
            lines.append(t("history.change", field=field, before=_change_text(before), after=_change_text(after)))
    if not zone.known:
        message(t("history.zone_assumed"))
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()


def _change_text(value: object) -> str:
    """A field's value in a history line: text on one line, anything else as JSON (`null`, lists)."""
    import json

    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else flat(value)


# The profile's fields in the order a Babinsa introduces himself, labelled as in `show`.
PROFILE_LABELS = (
    ("babinsa", "Babinsa"),
    ("nrp", "NRP"),
    ("koramil", "Koramil"),
    ("kodim", "Kodim"),
    ("province", "Provinsi"),
    ("kabupaten", "Kabupaten/Kota"),
    ("kecamatan", "Kecamatan"),
    ("villages", "Desa binaan"),
    ("require_signed", "Wajib bertanda tangan"),
)


def profile_panel(profile: Profile) -> None:
    from rich.table import Table

    out = console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    labels = dict(PROFILE_LABELS)
    values: dict[str, object] = dict(profile)  # read by key name below
    babinsa = profile.get("babinsa")
    if babinsa:
        values["babinsa"] = format_babinsa(babinsa)
    known = [key for key, _ in PROFILE_LABELS if key in values]
    for key in known + [key for key in values if key not in labels]:
        value = values[key]
        if isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, bool):
            value = "ya" if value else ""
        if value:
            table.add_row(_text(labels.get(key, key)), _text(value))
    out.print(table)
