"""parse and narrate: read written Komsos reports into entries, and write an entry as a report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypedDict

import typer

from ..errors import Cancelled, InvalidInput, MissingFields
from ..messages import t, tn
from ..store.base import Store
from .app import app
from .options import EntryId, JsonFlag, YesFlag, ask_line, ask_yes_no, is_interactive, with_store

if TYPE_CHECKING:
    from ..model import Entry
    from ..narrative.extract import Extraction

Files = Annotated[
    list[str],
    typer.Argument(help="Report text files, folders of .txt reports, or - for stdin.", metavar="FILE..."),
]
RecordFlag = Annotated[
    bool, typer.Option("--record", help="Store what was read (all files or none; asks first at a terminal).")
]
Since = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="A WhatsApp chat export: only messages sent on or after DATE."),
]
Style = Annotated[str, typer.Option("--style", help="press (a press-release paragraph) or wa (a WhatsApp report).")]


def read_stdin_bytes() -> bytes:
    """A report piped in: its bytes, decoded like a file's (UTF-8, UTF-16 with its mark, Windows-1252)."""
    import sys

    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")


def _ask(field: str) -> str:
    key = "parse.prompt.date" if field == "date" else f"prompt.{field}"
    return ask_line(t(key))


def _read_all(sources: list[str], show_progress: bool) -> list[tuple[str, Extraction]]:
    from ..narrative import STDIN, decode_report, parse_text, read_report

    def one(source: str) -> tuple[str, Extraction]:
        name = "<stdin>" if source == STDIN else source
        text, encoding = decode_report(read_stdin_bytes(), name) if source == STDIN else read_report(source)
        if source == STDIN:
            from ..narrative.whatsapp import looks_like_chat

            if looks_like_chat(text):  # its name, the chat's, comes from the file's
                raise InvalidInput(t("chat.stdin"))
        try:
            extraction = parse_text(text)
        except InvalidInput as error:
            raise InvalidInput(f"{name}: {error.message}") from None
        if encoding == "cp1252":
            extraction.notes.append(t("parse.note.encoding", encoding="Windows-1252 (Latin-1)"))
        return name, extraction

    if show_progress:
        from ..render.narrative import progress

        return [one(source) for source in progress(sources, len(sources), t("parse.progress"))]
    return [one(source) for source in sources]


def _entries(results: list[tuple[str, Extraction]], interactive: bool) -> list[tuple[str, Entry]]:
    """A valid entry per report, or nothing: the first report missing a required field stops all."""
    from ..narrative import complete_entry, entry_values, missing_for_record
    from ..render import message
    from .places import place_check, show_warnings

    entries: list[tuple[str, Entry]] = []
    for name, extraction in results:
        values = entry_values(extraction)
        missing = missing_for_record(values)
        if missing and not interactive:
            raise MissingFields(tn("parse.missing", len(missing), file=name, fields=", ".join(missing)), missing)
        if missing:
            message(t("parse.asking", file=name, fields=", ".join(missing)))
        check = place_check(strict=False)  # a village typed at the prompt is looked up as record does
        entries.append((name, complete_entry(values, _ask if interactive else None, resolve_place=check)))
        show_warnings(check)
    return entries


class ParseJson(TypedDict):
    """What `komsos parse FILE --json` prints for one report."""

    file: str
    entry: dict[str, object]
    activity_kinds: list[str]
    date_as_written: str | None
    found: list[str]
    missing: list[str]
    notes: list[str]


def _json_result(name: str, extraction: Extraction) -> ParseJson:
    from ..model import blank_entry
    from ..narrative import entry_values

    entry = blank_entry()
    entry.update(entry_values(extraction))
    entry["kind"] = extraction.fields.get("kind")
    return {
        "file": name,
        "entry": entry,
        "activity_kinds": extraction.activity_kinds,
        "date_as_written": extraction.date_as_written,
        "found": extraction.found,
        "missing": extraction.missing,
        "notes": extraction.notes,
    }


@app.command()
@with_store
def parse(
    files: Files,
    store: Store,
    json_out: JsonFlag = False,
    record: RecordFlag = False,
    yes: YesFlag = False,
    since: Since = None,
) -> None:
    """Read written Komsos reports (press releases, WhatsApp messages) into entries.

    Shows what was found in each report, field by field, and what was not. With
    --record the entries are stored, all files or none: at a terminal it asks for
    missing fields and for confirmation; elsewhere a report without date, Babinsa
    or village stops everything (exit 2). A folder reads every .txt in it.

    Example: komsos parse laporan/seed-002.txt   ("Asahan | ... Serda Jasem ... Desa Sei Silau Tua ...")

    A WhatsApp group export (the .txt, or the .zip with the photos) is read as a chat:
    each Babinsa's report among the messages becomes an entry, with its photos and the
    message it came from; reports stored from an earlier export are skipped.

    Example: komsos parse laporan/ --record --yes

    Example: komsos parse "WhatsApp Chat with Koramil 05.zip" --since 2025-01-13 --record
    """
    from .. import render
    from ..narrative import report_sources
    from ..narrative.whatsapp import is_chat_file
    from ..render import narrative as view

    sources = report_sources(files)
    chats = [source for source in sources if source != "-" and is_chat_file(source)]
    if chats and len(sources) > 1:
        raise InvalidInput(t("chat.alone", file=chats[0]))
    if chats:
        _parse_chat(chats[0], store, since, json_out=json_out, record=record, yes=yes)
        return
    if since is not None:
        raise InvalidInput(t("chat.since_only", file=sources[0]))
    interactive = is_interactive()
    results = _read_all(sources, show_progress=interactive and record and len(sources) > 1)

    if not record:
        if json_out:
            payload = [_json_result(name, extraction) for name, extraction in results]
            render.write_json(payload[0] if len(payload) == 1 else payload)
            return
        for name, extraction in results:
            view.extraction_view(name, extraction)
        if len(results) > 1:
            view.summary_view(results)
        return

    entries = _entries(results, interactive)
    if interactive and not json_out:
        for name, extraction in results:
            view.extraction_view(name, extraction, stderr=True)
    if interactive and not yes and not ask_yes_no(tn("parse.confirm", len(entries), count=len(entries)), default=True):
        raise Cancelled(t("cancelled"))
    stored = _store(store, entries)
    if json_out:
        render.write_json(stored)
    else:
        for entry in stored:
            typer.echo(entry["id"])
    render.message(tn("parse.recorded", len(stored), count=len(stored)))


def _parse_chat(path: str, store: Store, since: str | None, *, json_out: bool, record: bool, yes: bool) -> None:
    """A WhatsApp chat export: its reports shown, printed as JSON, or stored (all or none)."""
    from .. import render
    from ..narrative import complete_entry
    from ..narrative.whatsapp import mark_stored_in, read_chat_file
    from ..render import narrative as view
    from .options import _parse_day

    reading = read_chat_file(path, since=_parse_day(since, "--since"))
    mark_stored_in(reading, store)
    if not record:
        if json_out:
            render.write_json(reading.as_dict())
        else:
            view.chat_view(reading)
        return
    interactive = is_interactive()
    entries: list[tuple[str, Entry]] = []
    for item in reading.entries:
        if item.stored_as:
            continue
        label = f"{item.report.sender} {item.report.sent_at:%Y-%m-%d %H:%M}"
        if item.missing and not interactive:
            fields = ", ".join(item.missing)
            sent_at = f"{item.report.sent_at:%Y-%m-%d %H:%M}"
            raise MissingFields(
                t("chat.missing", file=path, sender=item.report.sender, sent_at=sent_at, fields=fields), item.missing
            )
        if item.missing:
            render.message(t("parse.asking", file=label, fields=", ".join(item.missing)))
        entries.append((label, complete_entry(item.values, _ask if interactive else None)))
    if interactive and not json_out:
        view.chat_view(reading, stderr=True)
    if (
        entries
        and interactive
        and not yes
        and not ask_yes_no(tn("parse.confirm", len(entries), count=len(entries)), default=True)
    ):
        raise Cancelled(t("cancelled"))
    stored = _store(store, entries)
    if json_out:
        render.write_json(stored)
    else:
        for entry in stored:
            typer.echo(entry["id"])
    if reading.already_stored:
        render.message(tn("chat.already", reading.already_stored, count=reading.already_stored))
    if reading.deleted_before:
        render.message(tn("chat.deleted", reading.deleted_before, count=reading.deleted_before))
    render.message(tn("parse.recorded", len(stored), count=len(stored)))


def _store(store: Store, entries: list[tuple[str, Entry]]) -> list[Entry]:
    """Add the new entries in one transaction; a report stored before is skipped and said so."""
    from ..duplicates import warning
    from ..entries import record_many
    from ..render import message

    return record_many(
        store,
        entries,
        lambda name, twin: message(t("parse.duplicate", file=name, id=twin["id"][:8])),
        lambda entry, other: message(warning(entry, other)),
    )


@app.command()
@with_store
def narrate(entry_id: EntryId, store: Store, style: Style = "press") -> None:
    """Write an entry as a report: a press-release paragraph, or with --style wa the WhatsApp message.

    Only what the entry holds is written; the text reads back into the same entry with `komsos parse`.

    Example: komsos narrate 3f2a --style wa
    """
    from ..entries import get
    from ..narrative import STYLES
    from ..narrative import narrate as write

    chosen = style.strip().lower()
    if chosen not in STYLES:
        raise InvalidInput(t("narrate.style", styles=", ".join(STYLES), value=style))
    typer.echo(write(get(store, entry_id), chosen))
