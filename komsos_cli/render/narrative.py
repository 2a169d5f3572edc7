"""Rich views of what `komsos parse` read: one entry field by field, and a summary of many.

User text (names, places, the report itself) goes through rich.text.Text only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar, cast

from ..messages import t, tn
from ..model import format_babinsa
from . import LABELS, SITUATION_STYLE, _text, console
from .text import one_line

if TYPE_CHECKING:
    from ..model import Babinsa
    from ..narrative.extract import Extraction
    from ..narrative.whatsapp import ChatReading

T = TypeVar("T")
_LABEL = dict(LABELS)


def _people(value: object, separator: str) -> str:
    """The Babinsa a report names, joined ("" for none)."""
    people = cast("list[Babinsa] | None", value)  # what the extractor found: a list of {rank, name}, or None
    return separator.join(format_babinsa(person) for person in people or [])


def _value(key: str, value: object, extraction: Extraction) -> str:
    if key == "babinsa":
        return _people(value, "\n")
    if key == "summary" and isinstance(value, str):
        return one_line(value, 70) + "\n" + t("parse.summary_source", chars=len(value))
    if key == "kind":
        return ", ".join(extraction.activity_kinds) or str(value)
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    return str(value)


def extraction_view(name: str, extraction: Extraction, stderr: bool = False) -> None:
    """The entry found in one report, field by field; what was not found is marked."""
    from rich.table import Table

    out = console(stderr=stderr)
    fields = extraction.fields
    found = extraction.found
    table = Table(show_header=False, box=None, pad_edge=False, title=_text(name, "bold"), title_justify="left")
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key in fields:
        label = _LABEL.get(key, key)
        if key in found:
            text = _value(key, fields[key], extraction)
            style = SITUATION_STYLE.get(text, "") if key == "situation" else ""
            table.add_row(_text(label), _text(text, style))
        else:
            table.add_row(_text(label, "dim"), _text(t("parse.not_found"), "yellow"))
    if extraction.date_as_written:
        table.add_row(_text(t("parse.as_written"), "dim"), _text(extraction.date_as_written, "dim"))
    if extraction.place_matched:
        table.add_row(_text(_LABEL["place_matched"], "dim"), _text("ya", "green"))
    for note in extraction.notes:
        table.add_row(_text(t("parse.notes"), "yellow"), _text(note, "yellow"))
    out.print(table)
    out.print(_text(t("parse.found_count", found=len(found), total=len(fields)), "dim"))
    out.print()


def _field(key: str) -> str:
    """A field's name in the user's language (`date` is `tanggal` in Indonesian)."""
    from ..messages import field_name, language

    return field_name(language(), key)


def summary_view(results: list[tuple[str, Extraction]], stderr: bool = False) -> None:
    """One row per report and, per field, in how many reports it was found."""
    from rich.table import Table

    out = console(stderr=stderr)
    table = Table(title=_text(tn("parse.summary.title", len(results), count=len(results))), header_style="bold")
    table.add_column(t("parse.summary.file"))
    table.add_column(_LABEL["date"], no_wrap=True)
    table.add_column(_LABEL["village"])
    table.add_column(_LABEL["babinsa"])
    table.add_column(t("parse.summary.found"), justify="right", no_wrap=True)
    table.add_column(t("parse.summary.missing"))
    counts: dict[str, int] = {}
    for name, extraction in results:
        fields = extraction.fields
        for key in extraction.found:
            counts[key] = counts.get(key, 0) + 1
        table.add_row(
            _text(name),
            _text(fields.get("date") or "—"),
            _text(fields.get("village") or "—"),
            _text(_people(fields.get("babinsa"), ", ") or "—"),
            _text(f"{len(extraction.found)}/{len(fields)}"),
            _text(", ".join(_field(key) for key in extraction.missing), "yellow"),
        )
    out.print(table)
    keys = list(results[0][1].fields) if results else []
    per_field = ", ".join(f"{_field(key)} {counts.get(key, 0)}/{len(results)}" for key in keys)
    out.print(_text(t("parse.summary.fields", counts=per_field), "dim"))


def chat_view(reading: ChatReading, stderr: bool = False) -> None:
    """What a chat export holds: messages and reports per sender, then one row per report with what
    would be stored (or the entry it is already stored as)."""
    from rich.table import Table

    out = console(stderr=stderr)
    out.print(
        _text(
            t(
                "chat.counts",
                chat=reading.chat,
                messages=tn("chat.messages_read", reading.messages, count=reading.messages),
                reports=tn("chat.reports_found", len(reading.entries), count=len(reading.entries)),
            ),
            "bold",
        )
    )
    senders = Table(header_style="bold")
    senders.add_column(t("chat.sender"))
    senders.add_column(t("chat.messages"), justify="right")
    senders.add_column(t("chat.reports"), justify="right")
    for count in reading.senders:
        senders.add_row(_text(count.sender), _text(count.messages), _text(count.reports))
    out.print(senders)
    if not reading.entries:
        return
    table = Table(header_style="bold")
    table.add_column(t("chat.sent_at"), no_wrap=True)
    table.add_column(t("chat.sender"))
    table.add_column(_LABEL["date"], no_wrap=True)
    table.add_column(_LABEL["kind"])
    table.add_column(_LABEL["babinsa"])
    table.add_column(_LABEL["village"])
    table.add_column(t("chat.photos"), justify="right")
    table.add_column(t("chat.status"))
    for item in reading.entries:
        values = item.values
        if item.deleted:
            status = _text(t("chat.status.deleted", id=item.stored_as[:8] if item.stored_as else ""), "dim")
        elif item.stored_as:
            status = _text(t("chat.status.stored", id=item.stored_as[:8]), "dim")
        elif item.missing:
            status = _text(t("chat.status.missing", fields=", ".join(item.missing)), "yellow")
        else:
            status = _text(t("chat.status.new"), "green")
        when = [text for text in (values.get("date"), values.get("time")) if isinstance(text, str) and text]
        photos = values.get("photos")
        table.add_row(
            _text(f"{item.report.sent_at:%Y-%m-%d %H:%M}"),
            _text(item.report.sender),
            _text(" ".join(when)),
            _text(values.get("kind") or "—"),
            _text(_people(values.get("babinsa"), ", ") or "—"),
            _text(values.get("village") or "—"),
            _text(len(photos) if isinstance(photos, list) else 0),
            status,
        )
    out.print(table)
    if reading.already_stored:
        out.print(_text(tn("chat.already", reading.already_stored, count=reading.already_stored), "dim"))
    if reading.deleted_before:
        out.print(_text(tn("chat.deleted", reading.deleted_before, count=reading.deleted_before), "dim"))


def progress(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    """`items`, with a progress bar on stderr."""
    from rich.progress import track

    yield from track(items, total=total, description=description, console=console(stderr=True), transient=True)
