"""record, list, show, edit, delete: thin commands over komsos_cli.entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import Cancelled, InvalidInput
from ..messages import t, tn
from ..query import Criteria
from ..render import message
from ..store.base import Store
from .app import app
from .options import (
    EntryId,
    JsonFlag,
    YesFlag,
    ask_line,
    ask_yes_no,
    is_interactive,
    with_criteria,
    with_entry_options,
    with_store,
)
from .places import StrictFlag, place_check, show_warnings

if TYPE_CHECKING:
    from ..model import Entry


def _prompt_for(field: str) -> str:
    # Questions go to stderr: stdout carries only the new id (`id=$(komsos record ...)`).
    return ask_line(t(f"prompt.{field}"))


def _say_refused(reason: str) -> None:
    """Why an answer at a prompt was not taken, before it is asked again."""
    message(f"komsos: {reason}")


@app.command()
@with_entry_options
@with_store
def record(
    fields: dict[str, object],
    store: Store,
    json_out: JsonFlag = False,
    strict: StrictFlag = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            "-i",
            help="Ask for every field in turn (the default at a terminal when no field is given).",
        ),
    ] = False,
) -> None:
    """Record one activity (Komsos, anjangsana, ...). Prints the new entry's id.

    Missing village, summary or Babinsa are asked for at a terminal; elsewhere the
    command fails (exit 2) naming them. The profile fills Babinsa, units and area.
    With -i, or at a terminal with no field given, every field is asked in turn.

    The village is looked up in the gazetteer within the area given (or the profile's):
    its official spelling is stored and kecamatan, kabupaten and province filled in. A name
    found in several places is asked at a terminal, else fails (exit 2) listing them; a name
    not found is stored as typed with a warning (refused with --strict).

    Example: komsos record -d "Jum'at (17/01/2025)" -b "Kopda SY.E Hasibuan" -v "Pematang Jaya"
    --kecamatan "Rengat Barat" --kabupaten "Indragiri Hulu" --venue "kedai kopi"
    -t keamanan -s "Komsos dengan warga di kedai kopi" --situation aman
    """
    from .. import entries as core  # the core of these commands: imported when one runs, not to list them

    check = place_check(strict)
    at_terminal = is_interactive()
    if interactive or (at_terminal and all(value in (None, []) for value in fields.values())):
        if not at_terminal:
            raise InvalidInput(t("guided.no_terminal"))
        from .guided import guided_record

        entry = guided_record(store, record=core.record, check=check)
    else:
        values = core.values_from_text(fields)
        ask = _prompt_for if at_terminal else None
        entry = core.record(store, values, ask=ask, refused=_say_refused, resolve_place=check)
    show_warnings(check)
    if at_terminal:  # one line on stderr; stdout still carries only the id
        where = {"date": entry["date"], "village": entry["village"], "kind": entry["kind"]}
        message(t("record.saved", short=entry["id"][:8], **where))
    _warn_likely_twins(store, entry)
    if json_out:
        from ..render import write_json

        write_json(entry)
    else:
        typer.echo(entry["id"])


def _warn_likely_twins(store: Store, entry: Entry) -> None:
    """One warning line per stored entry that is likely the same activity as the new one."""
    from ..duplicates import twins_of, warning
    from ..render import message

    for twin in twins_of(store, entry):
        message(warning(entry, twin))


@app.command("list")
@with_criteria
@with_store
def list_command(
    criteria: Criteria,
    store: Store,
    json_out: JsonFlag = False,
    deleted: Annotated[
        bool, typer.Option("--deleted", help="List the deleted entries instead (bring one back with undelete).")
    ] = False,
) -> None:
    """List entries, newest first, filtered by village, kind, dates, ...

    Example: komsos list --village "Sei Silau Tua" --since 01/01/2022 --limit 20
    """
    from .. import entries as core
    from .. import render

    if deleted:
        from ..history import deleted_entries

        gone = deleted_entries(store, criteria)
        if json_out:
            render.write_json(gone)
        elif not gone:
            render.message(t("list.deleted_empty"))
        else:
            render.entries_table(gone)
        return

    chosen = core.list_entries(store, criteria)
    if json_out:
        render.write_json(chosen)
        return
    if not chosen:
        render.message(t("list.empty"))
        return
    render.entries_table(chosen)
    total = core.count_entries(store)
    render.message(tn("list.count", total, shown=len(chosen), total=total))


@app.command()
@with_store
def show(entry_id: EntryId, store: Store, json_out: JsonFlag = False) -> None:
    """Show one entry in full.

    Times are in the local time of the entry's province (WIB, WITA, WIT), to the minute; --json keeps UTC.

    Example: komsos show 3f2a
    """
    from .. import entries as core
    from .. import render

    entry = core.get(store, entry_id)
    if json_out:
        render.write_json(entry)
        return
    from ..zones import province_kabupaten_lookup, zone_of_entry

    zone = zone_of_entry(entry, province_kabupaten_lookup)
    render.entry_detail(entry, core.version_count(store, entry["id"]), zone=zone)


@app.command()
@with_entry_options
@with_store
def edit(
    entry_id: EntryId, fields: dict[str, object], store: Store, json_out: JsonFlag = False, strict: StrictFlag = False
) -> None:
    """Change fields of an entry; the previous version is kept in its history.

    List options (--babinsa, --with, --topic, --finding) replace the whole list; an empty
    value clears an optional field (--situation "", --follow-up ""). A changed
    village or area is checked against the gazetteer as in `record`.

    Example: komsos edit 3f2a --situation waspada --finding "Warga mengeluhkan jalan rusak"
    """
    from .. import entries as core

    changes = core.values_from_text(fields)
    check = place_check(strict)
    entry = core.edit(store, entry_id, changes, resolve_place=check)
    show_warnings(check)
    if json_out:
        from ..render import write_json

        write_json(entry)
    else:
        message(t("edit.saved", id=entry["id"]))


@app.command()
@with_store
def delete(entry_id: EntryId, store: Store, yes: YesFlag = False) -> None:
    """Delete an entry (it asks first; --yes when not at a terminal). The entry is kept in history.

    Example: komsos delete 3f2a --yes
    """
    from .. import entries as core

    entry = core.get(store, entry_id)
    if not yes:
        if not is_interactive():
            raise InvalidInput(t("delete.needs_yes", id=entry["id"][:8]))
        question = t("delete.confirm", id=entry["id"][:8], date=entry["date"], village=entry.get("village"))
        if not ask_yes_no(question):
            raise Cancelled(t("cancelled"))
    core.delete(store, entry["id"])
    message(t("delete.done", id=entry["id"]))


@app.command()
@with_criteria
@with_store
def duplicates(criteria: Criteria, store: Store, json_out: JsonFlag = False) -> None:
    """List likely duplicates: pairs of entries of the same date and village that share a
    Babinsa or have a near-identical summary, and why. Fold one into the other with `merge`.

    Example: komsos duplicates --since 01/01/2025 --json
    """
    from .. import duplicates as core_duplicates
    from .. import render

    found = core_duplicates.pairs(store, criteria)
    if json_out:
        render.write_json([pair.as_dict() for pair in found])
        return
    if not found:
        render.message(t("duplicates.none"))
        return
    for pair in found:
        typer.echo(
            t(
                "duplicates.line",
                first=pair.first["id"][:8],
                second=pair.second["id"][:8],
                date=pair.first["date"],
                village=pair.first.get("village") or "",
                why=", ".join(t(key) for key in pair.why),
            )
        )
    render.message(tn("duplicates.count", len(found), count=len(found)))


@app.command("merge")
@with_store
def merge_command(
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The entry to keep (id or unique start).")],
    other: Annotated[str, typer.Argument(metavar="OTHER", help="The entry folded into KEEP, then deleted.")],
    store: Store,
    json_out: JsonFlag = False,
) -> None:
    """Fold OTHER into KEEP: Babinsa, counterparts, topics and findings united, the longer
    summary kept, OTHER's id remembered in KEEP's merged_ids; OTHER is deleted (kept in the
    history), so a later import of it does not bring it back.

    Example: komsos merge 3f2a 9c1e
    """
    from .. import duplicates as core_duplicates
    from .. import entries as core
    from .. import render

    other_id = core.get(store, other)["id"]
    entry = core_duplicates.merge(store, keep, other)
    if json_out:
        render.write_json(entry)
    render.message(t("merge.done", keep=entry["id"][:8], other=other_id[:8]))


@app.command("history")
@with_store
def history_command(entry_id: EntryId, store: Store, json_out: JsonFlag = False) -> None:
    """List an entry's versions, oldest first: when, and what changed, field by field (also of a deleted entry).

    Example: komsos history 3f2a
    """
    from .. import history, render
    from ..zones import province_kabupaten_lookup, zone_of_entry

    listed = history.versions(store, entry_id)
    if json_out:
        render.write_json(listed)
        return
    render.history(listed, zone_of_entry(listed[-1]["entry"], province_kabupaten_lookup))


@app.command()
@with_store
def revert(
    entry_id: EntryId,
    store: Store,
    to: Annotated[int, typer.Option("--to", metavar="N", help="The version to bring back (see history).")],
    json_out: JsonFlag = False,
) -> None:
    """Bring back version N of an entry as a new version (the current one stays in its history).

    Example: komsos revert 3f2a --to 1
    """
    from .. import history, render

    entry = history.revert(store, entry_id, to)
    if json_out:
        render.write_json(entry)
    render.message(t("revert.done", id=entry["id"][:8], number=to))


@app.command()
@with_store
def undelete(entry_id: EntryId, store: Store, json_out: JsonFlag = False) -> None:
    """Bring back a deleted entry as it was when deleted, with its history (see list --deleted).

    Example: komsos undelete 3f2a
    """
    from .. import history, render

    entry = history.undelete(store, entry_id)
    if json_out:
        render.write_json(entry)
    render.message(t("undelete.done", id=entry["id"][:8]))
