"""export and import: thin commands over komsos_cli.exchange (see docs/exchange.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidInput
from ..messages import t, tn
from ..query import Criteria
from ..store.base import Store
from .app import app
from .options import with_criteria, with_store

FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="FORMAT", help="csv, xlsx, json or jsonl (default: from the file name)."),
]


@app.command()
@with_criteria
@with_store
def export(
    criteria: Criteria,
    store: Store,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE ('-' or none: stdout)."),
    ] = None,
    format_name: FormatOption = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", metavar="CHAR", help="csv: ',' (default) or ';'.")
    ] = None,
    excel_id: Annotated[
        bool,
        typer.Option("--excel-id", help="csv for Excel with Indonesian regional settings (';' between cells)."),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help=(
                "Language of the header row and cell words of csv/xlsx: en (keys, true/false, open/done) "
                "or id (Tanggal, Desa, ya/tidak, terbuka/selesai); default: the interface language."
            ),
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Export the selected entries (same filters as list) to csv, xlsx, json or jsonl.

    Columns are the entry's keys in their documented order; lists are joined with '; '.
    The file is readable by its owner only and never overwritten without --force.

    Example: komsos export --koramil "03/Kebakkramat" --since 01/01/2019 --excel-id -o koramil03.csv
    """
    from .. import exchange, render, trust
    from .keys import ask_passphrase

    plan = exchange.plan_export(output, format_name, delimiter=delimiter, excel_id=excel_id, lang=lang, force=force)
    if plan.output is None and plan.format.binary and sys.stdout.isatty():
        raise InvalidInput(t("exchange.stdout.binary", format=plan.format.name))
    signer = None
    if plan.output is not None and trust.has_key():
        # A file that cannot be written says so before the passphrase is asked.
        exchange.check_output(plan.output, plan.force)
        exchange.check_output(trust.signature_path(plan.output), plan.force)
        signer = trust.load_signer(ask_passphrase)
    result = exchange.export(store, criteria, plan, signer)
    if result.payload is not None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        for piece in result.payload:
            if buffer is not None:
                buffer.write(piece)
            else:
                sys.stdout.write(piece.decode("utf-8"))
        sys.stdout.flush()
        if buffer is not None:
            buffer.flush()
        render.message(tn("exchange.export.done_stdout", result.count, count=result.count))
        if trust.has_key():
            render.message(t("trust.export.stdout_unsigned"))
    else:
        render.message(tn("exchange.export.done", result.count, count=result.count, path=result.path))
        if signer is not None and result.signature is not None:
            render.message(
                t("trust.export.signed", name=signer.key.name, fingerprint=signer.key.fingerprint, sig=result.signature)
            )


@app.command("import")
@with_store
def import_command(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Files written by komsos export.")],
    store: Store,
    format_name: FormatOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and count, store nothing.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the counts as JSON on stdout.")] = False,
    require_signed: Annotated[
        bool,
        typer.Option(
            "--require-signed", help="Refuse unsigned files (also: profile set --require-signed). See docs/trust.md."
        ),
    ] = False,
) -> None:
    """Import and merge files from export (csv, xlsx, json, jsonl): matched by id, nothing doubled.

    A new id is added; the same entry is skipped; a newer version (updated_at)
    replaces the stored one, which goes to its history. All or nothing: one bad
    row and nothing is stored. A file signed by export (FILE.sig beside it) must be
    unchanged and signed by a key you trust (komsos keys trust); an unsigned one is
    imported with a warning.

    Example: komsos import serda-nursalim.csv kopda-hasibuan.xlsx serda-jasem.json
    """
    from .. import exchange
    from ..render import exchange as view

    with view.import_progress(enabled=sys.stderr.isatty()) as progress:
        result = exchange.import_files(
            store,
            files,
            format_name=format_name,
            progress=progress,
            dry_run=dry_run,
            require_signed=True if require_signed else None,
        )
    view.signatures(result.verdicts)
    if json_out:
        from ..render import write_json

        write_json(result.counts())
    view.import_counts(result)
    if result.likely:
        from ..duplicates import warning
        from ..render import message

        for entry, other in result.likely:
            message(warning(entry, other))
    if result.unchecked_span:
        from ..render import message

        since, until = result.unchecked_span
        message(t("duplicates.import_unchecked", limit=exchange.LIKELY_CHECK_LIMIT, since=since, until=until))


@app.command()
@with_criteria
@with_store
def push(
    destination: Annotated[str, typer.Argument(metavar="DEST", help="A hub's postgresql:// address, or a store file.")],
    criteria: Criteria,
    store: Store,
    json_out: Annotated[bool, typer.Option("--json", help="Print the counts as JSON on stdout.")] = False,
) -> None:
    """Send this store's entries (all, or those the filters select) to a hub or another store file.

    Merged as import merges (by id; the newer version wins; a deletion there is not undone),
    so pushing twice changes nothing the second time.

    Example: komsos push postgresql://babinsa@koramil03.local/komsos --since 01/01/2025
    """
    from .. import exchange, render

    result = exchange.push(store, destination, criteria)
    if json_out:
        render.write_json(result.as_dict())
    counts = result.counts
    render.message(
        t("push.done", dest=result.destination, added=counts.added, updated=counts.updated, unchanged=counts.skipped)
    )
