"""Export entries to files and import (merge) them back: the core of `export` and `import`.

Callable without the CLI; never prints. Export returns bytes or writes a file that
is readable by its owner only and never overwritten without `force`. Import is all
or nothing: every row of every file is read and validated before the store is
touched, and entries are merged by id (`plan_merge`, a pure function).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypedDict

from . import formats
from .errors import InvalidInput, KomsosError
from .formats import ExportOptions, Format
from .messages import t, tn
from .model import EXTRA_FIELDS, validate_entry
from .query import Criteria
from .store.files import replace_file

if TYPE_CHECKING:
    from .model import Entry, ReceivedFrom
    from .store.base import MergeCounts, Store
    from .trust import Signer, Verdict

# How many failing rows an import error names before it says "and N more".
ERRORS_SHOWN = 3
LANGUAGES = ("en", "id")


# --- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportPlan:
    """What `export` will write, decided from the options before any entry is read."""

    format: Format
    options: ExportOptions
    output: Path | None  # None: stdout
    force: bool = False


def plan_export(
    output: str | None = None,
    format_name: str | None = None,
    *,
    delimiter: str | None = None,
    excel_id: bool = False,
    lang: str | None = None,
    force: bool = False,
) -> ExportPlan:
    """Check the export options together; InvalidInput names the first one that does not fit."""
    path = None if output in (None, "", "-") else Path(str(output)).expanduser()
    if path is not None and path.is_dir():
        raise InvalidInput(t("exchange.output.is_dir", path=path))
    if format_name:
        fmt = formats.get(format_name)
    elif path is not None:
        guessed = formats.guess(path)
        if guessed is None:
            raise InvalidInput(t("exchange.format.unguessable", name=path.name, known=", ".join(formats.FORMATS)))
        fmt = guessed
    else:
        fmt = formats.get(formats.DEFAULT)
    if excel_id:
        if delimiter not in (None, ";"):
            raise InvalidInput(t("exchange.excel_id.delimiter"))
        if fmt.name != "csv":
            raise InvalidInput(t("exchange.excel_id.not_csv", format=fmt.name))
        delimiter = ";"
    if delimiter is not None:
        if fmt.name != "csv":
            raise InvalidInput(t("exchange.delimiter.not_csv", format=fmt.name))
        if delimiter not in formats.DELIMITERS:
            raise InvalidInput(t("exchange.delimiter.unknown", delimiter=delimiter))
    if lang is None and fmt.tabular:
        from .messages import language as interface_language

        lang = interface_language()  # a Babinsa reading Indonesian gets Indonesian headers
    language = (lang or "en").strip().lower()
    if language not in LANGUAGES:
        raise InvalidInput(t("exchange.lang.unknown", lang=lang))
    if language != "en" and not fmt.tabular:
        raise InvalidInput(t("exchange.lang.machine", format=fmt.name))
    return ExportPlan(fmt, ExportOptions(delimiter=delimiter or ",", lang=language), path, force)


def export_entries(entries: Sequence[Entry], fmt: Format | str, options: ExportOptions | None = None) -> bytes:
    """The file's bytes for these entries, in the order given."""
    chosen = formats.get(fmt) if isinstance(fmt, str) else fmt
    return chosen.write(entries, options or ExportOptions())


@dataclass(frozen=True)
class ExportResult:
    count: int
    path: Path | None
    payload: Iterable[bytes] | None  # what goes to stdout when there is no path, in pieces
    signature: Path | None = None  # FILE.sig, when the file was signed


def export(store: Store, criteria: Criteria, plan: ExportPlan, signer: Signer | None = None) -> ExportResult:
    """Select entries as `list` does and write them as the plan says; a csv is written as it
    is made, so the whole file is never held in memory beside the entries. With a `signer`, a
    file (never stdout) gets its detached signature beside it, `FILE.sig` (docs/trust.md)."""
    if plan.output is not None:
        check_output(plan.output, plan.force)
        from .trust import signature_path

        check_output(signature_path(plan.output), plan.force)
    if plan.format.streams:
        # csv and jsonl are written as they are made: a hub's million entries go through one at a time.
        counted = _Counted(store.stream(criteria))
        pieces: Iterable[bytes] = plan.format.write_chunks(counted, plan.options)
        if plan.output is None:
            return ExportResult(store.count(criteria), None, pieces)
        signature = _write_signed(plan.output, pieces, plan.force, signer)
        return ExportResult(counted.count, plan.output, None, signature)
    chosen = store.select(criteria)
    pieces = plan.format.write_chunks(chosen, plan.options)
    if plan.output is None:
        return ExportResult(len(chosen), None, pieces)
    signature = _write_signed(plan.output, pieces, plan.force, signer)
    return ExportResult(len(chosen), plan.output, None, signature)


def _write_signed(path: Path, pieces: Iterable[bytes], force: bool, signer: Signer | None) -> Path | None:
    """Write the file, hashing it as it goes; then its signature beside it (or, unsigned, remove
    a signature left there by an older file, which would no longer match)."""
    import hashlib

    from .trust import signature_path

    sig_path = signature_path(path)
    digest = hashlib.sha256()
    size = 0

    def hashed() -> Iterator[bytes]:
        nonlocal size
        for piece in pieces:
            digest.update(piece)
            size += len(piece)
            yield piece

    write_file(path, hashed(), force=force)
    if signer is None:
        if force and (sig_path.exists() or sig_path.is_symlink()):
            sig_path.unlink()
        return None
    try:
        write_file(sig_path, signer.sign(path.name, digest.hexdigest(), size), force=force)
    except BaseException:
        path.unlink(missing_ok=True)  # a file that claims no signature beside a stale one helps nobody
        raise
    return sig_path


class _Counted:
    """The entries of an iterator, counted as they go by."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries = entries
        self.count = 0

    def __iter__(self) -> Iterator[Entry]:
        for entry in self._entries:
            self.count += 1
            yield entry


def check_output(path: Path, force: bool) -> None:
    """InvalidInput when `path` cannot be written as asked (before any work is done)."""
    if path.is_dir():
        raise InvalidInput(t("exchange.output.is_dir", path=path))
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(t("exchange.output.no_folder", path=path, folder=folder))
    if (path.exists() or path.is_symlink()) and not force:
        raise InvalidInput(t("exchange.output.exists", path=path))


def write_file(path: Path, payload: bytes | Iterable[bytes], *, force: bool = False) -> None:
    """Write `payload` (bytes, or bytes in pieces) to `path`, mode 0600, atomically (a reader sees
    the old file or the new one; a failed write leaves no partial file). Without `force` an
    existing file is never touched."""
    check_output(path, force)
    try:
        replace_file(path, payload, exclusive=not force)
    except FileExistsError:
        raise InvalidInput(t("exchange.output.exists", path=path)) from None
    except OSError as error:
        raise KomsosError(t("exchange.output.failed", path=path, reason=error.strerror or str(error))) from None


# --- merge -----------------------------------------------------------------------------------


@dataclass
class MergePlan:
    """What an import changes: entries to add, entries to replace, and how many rows change nothing.

    `conflicts` counts skipped rows whose id and `updated_at` equal a stored entry's
    but whose content differs (the stored one is kept). `deleted_here` counts skipped
    entries that were deleted in this store after their last change.
    """

    added: list[Entry] = field(default_factory=list)
    updated: list[Entry] = field(default_factory=list)
    skipped: int = 0
    conflicts: int = 0
    deleted_here: int = 0


def _instant(entry: Entry) -> datetime:
    return datetime.fromisoformat(str(entry["updated_at"]))


def same_report(incoming: Mapping[str, object], stored: Mapping[str, object]) -> bool:
    """Whether an incoming version of an entry says the same as the stored one. Who sent a copy
    (`received_from`) is not part of it, so the same report from another sender, or unsigned, is
    not a conflict; nor is an extra field (`model.EXTRA_FIELDS`) the incoming copy lacks: csv and
    xlsx do not carry them, so a merged entry or one with photos, sent on as csv, comes back the same.
    Not symmetric: an incoming copy that has an extra field the stored one lacks says more (a
    conflict when their `updated_at` is the same)."""
    if incoming == stored:
        return True
    unsaid = {"received_from", *(key for key in EXTRA_FIELDS if key not in incoming)}
    if not any(key in stored or key in incoming for key in unsaid):
        return False
    return {k: v for k, v in incoming.items() if k not in unsaid} == {
        k: v for k, v in stored.items() if k not in unsaid
    }


def plan_merge(
    existing: Mapping[str, Entry],
    incoming: Iterable[Entry],
    deleted: Mapping[str, str] | None = None,
) -> MergePlan:
    """Merge by id: a new id is added; the same content is skipped; a newer `updated_at`
    replaces; an older one is skipped. Several versions of one id in `incoming` (the
    same entry in several files) count once: the newest wins. An id `deleted` here (id ->
    when) is not brought back by a version from before the deletion; one changed after
    it (edited elsewhere since) is added again. Pure."""
    new: dict[str, Entry] = {}
    changed: dict[str, Entry] = {}
    gone = deleted or {}
    rows = 0
    conflicts = 0
    deleted_here: set[str] = set()
    for entry in incoming:
        rows += 1
        key = entry["id"]
        pending = new.get(key)
        if pending is not None:
            if entry != pending and _instant(entry) > _instant(pending):
                new[key] = entry
            continue
        current = changed.get(key) or existing.get(key)
        if current is None and key in gone and _instant(entry) <= datetime.fromisoformat(gone[key]):
            deleted_here.add(key)
        elif current is None:
            new[key] = entry
        elif same_report(entry, current):
            continue
        elif _instant(entry) > _instant(current):
            changed[key] = entry
        elif _instant(entry) == _instant(current):
            conflicts += 1
    added = list(new.values())
    updated = list(changed.values())
    return MergePlan(added, updated, rows - len(added) - len(updated), conflicts, len(deleted_here - new.keys()))


# --- import ------------------------------------------------------------------------------------


class Progress(Protocol):
    """What import reports while it works (the CLI shows a bar at a terminal): each file
    as it is read (a big workbook takes seconds), then the rows as they are checked."""

    def reading(self, path: Path, size: int) -> None: ...

    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


class SignatureNote(TypedDict):
    """Who signed one imported file (`received_from`: name, fingerprint, when), or None: unsigned."""

    file: str
    received_from: ReceivedFrom | None


class ImportCounts(TypedDict):
    """What `import --json` prints."""

    files: int
    rows: int
    added: int
    updated: int
    skipped: int
    conflicts: int
    deleted_here: int
    dry_run: bool
    signatures: list[SignatureNote]


@dataclass(frozen=True)
class ImportResult:
    files: int
    rows: int
    added: int
    updated: int
    skipped: int
    conflicts: int = 0
    deleted_here: int = 0
    dry_run: bool = False
    verdicts: tuple[Verdict, ...] = ()  # each file's signature check, in the order given
    # (new id, stored id) pairs likely the same activity (`duplicates.reasons`), after an import that added
    likely: tuple[tuple[Entry, Entry], ...] = ()
    # the first and last day read, when more entries came than are checked for twins at once
    # (`LIKELY_CHECK_LIMIT`): the user is told the `duplicates` command for them instead
    unchecked_span: tuple[str, str] | None = None

    def counts(self) -> ImportCounts:
        return {
            "files": self.files,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "conflicts": self.conflicts,
            "deleted_here": self.deleted_here,
            "dry_run": self.dry_run,
            # who signed each file (`received_from`: name, fingerprint, when), or null: unsigned
            "signatures": [
                {"file": str(verdict.path), "received_from": None if verdict.sender is None else verdict.sender.copy()}
                for verdict in self.verdicts
            ],
        }


@dataclass
class _Loaded:
    path: Path
    format: Format
    rows: list[formats.Row]


def _read_file(path: Path, format_name: str | None, progress: Progress | None = None) -> _Loaded:
    if path.is_dir():
        raise InvalidInput(t("exchange.input.is_dir", path=path))
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise InvalidInput(t("exchange.input.unreadable", path=path, reason=error.strerror or str(error))) from None
    if progress is not None:
        progress.reading(path, len(payload))
    fmt = formats.get(format_name) if format_name else formats.guess(path) or formats.sniff(payload)
    try:
        rows = fmt.read(payload)
    except InvalidInput as error:
        raise InvalidInput(t("exchange.input.bad", path=path, format=fmt.name, reason=error.message)) from None
    return _Loaded(path, fmt, rows)


_BOOKKEEPING = ("id", "created_at", "updated_at")


def entry_from_row(fmt: Format, values: Mapping[str, object]) -> Entry:
    """One row of a file as a valid, canonical entry, or InvalidInput naming the field."""
    raw = fmt.decode(values)
    missing = [key for key in _BOOKKEEPING if not raw.get(key)]
    if missing:
        raise InvalidInput(tn("field.required", len(missing), fields=", ".join(missing)))
    try:
        return validate_entry(raw)
    except InvalidInput:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise InvalidInput(t("exchange.row.unreadable", reason=str(error) or type(error).__name__)) from None


def read_entries(
    paths: Sequence[str | os.PathLike[str]], format_name: str | None = None, progress: Progress | None = None
) -> tuple[list[Entry], int]:
    """Every entry of every file, validated; InvalidInput naming the first failing rows."""
    entries = list(iter_entries(paths, format_name, progress))
    return entries, len(paths)


def iter_entries(
    paths: Sequence[str | os.PathLike[str]],
    format_name: str | None = None,
    progress: Progress | None = None,
    senders: Sequence[ReceivedFrom | None] | None = None,
) -> Iterator[Entry]:
    """Every entry of every file, validated, one at a time: a JSON Lines file is read as a
    stream (a hub imports a million entries holding none of them long), other formats whole.

    All or nothing: a row that fails is not given, and once every row was read the
    generator raises InvalidInput naming the first failing rows, so a caller that stores
    as it goes (inside one transaction) rolls back.

    With `senders` (one per path: the file's checked signer, or None for an unsigned file), each
    entry's `received_from` is that sender; a file's own claim of one is never kept.
    """
    if not paths:
        raise InvalidInput(t("exchange.input.none"))
    if format_name:
        formats.get(format_name)
    sources = [_open_source(Path(path), format_name, progress) for path in paths]
    if progress is not None:
        progress.start(sum(source.count for source in sources))
    errors: list[str] = []
    failed = 0
    step = 0
    for index, source in enumerate(sources):
        sender = senders[index] if senders is not None else None
        for row in source.rows():
            try:
                entry = entry_from_row(source.format, row.values)
                if senders is not None:
                    entry.pop("received_from", None)
                    if sender is not None:
                        entry["received_from"] = sender.copy()
            except InvalidInput as error:
                failed += 1
                if len(errors) < ERRORS_SHOWN:
                    errors.append(t("exchange.row.error", path=source.path, where=row.where, reason=error.message))
            else:
                if not failed:
                    yield entry
            step += 1
            if progress is not None and step == 500:
                progress.advance(step)
                step = 0
    if progress is not None and step:
        progress.advance(step)
    if failed:
        more = t("exchange.row.more", count=failed - len(errors)) if failed > len(errors) else ""
        raise InvalidInput(tn("exchange.import.invalid", failed, count=failed, errors="; ".join(errors), more=more))


@dataclass
class _Source:
    """One input file: its format, how many rows it holds, and its rows (read when asked)."""

    path: Path
    format: Format
    count: int
    rows: Callable[[], Iterable[formats.Row]]


def _open_source(path: Path, format_name: str | None, progress: Progress | None) -> _Source:
    """A JSON Lines file is checked and counted now and read as a stream later; another is read now."""
    fmt = formats.get(format_name) if format_name else formats.guess(path)
    if fmt is None or fmt.name != "jsonl":
        loaded = _read_file(path, format_name, progress)
        return _Source(path, loaded.format, len(loaded.rows), lambda: loaded.rows)
    if path.is_dir():
        raise InvalidInput(t("exchange.input.is_dir", path=path))
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            lines = sum(piece.count(b"\n") for piece in iter(lambda: handle.read(1 << 20), b""))
    except OSError as error:
        raise InvalidInput(t("exchange.input.unreadable", path=path, reason=error.strerror or str(error))) from None
    if progress is not None:
        progress.reading(path, size)

    def rows() -> Iterator[formats.Row]:
        from .formats.jsonl import read_lines

        try:
            with open(path, "rb") as handle:
                try:
                    yield from read_lines(handle)
                except InvalidInput as error:
                    raise InvalidInput(
                        t("exchange.input.bad", path=path, format=fmt.name, reason=error.message)
                    ) from None
        except OSError as error:
            raise InvalidInput(t("exchange.input.unreadable", path=path, reason=error.strerror or str(error))) from None

    return _Source(path, fmt, lines, rows)


# Entries an import checks for likely twins at once (its days' entries are held in memory for it).
LIKELY_CHECK_LIMIT = 20_000


def import_files(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    format_name: str | None = None,
    progress: Progress | None = None,
    dry_run: bool = False,
    require_signed: bool | None = None,
) -> ImportResult:
    """Read, validate and merge the files into the store, all or nothing (see `Store.merge`).

    First each file's signature is checked (`trust.verify_files`): one that does not hold, or
    an unsigned file when `require_signed` (None: as the profile says), stops the import
    before anything is read. Entries of a signed file remember their sender (`received_from`).
    After an import that added entries, those likely the same activity as another of their day
    (`duplicates`) are given in `likely`, to be warned of; past `LIKELY_CHECK_LIMIT` entries read
    (a commander's archive loaded into a hub) their days are given in `unchecked_span` instead, so
    a bulk load never holds its days' entries in memory.
    """
    from .trust import verify_files

    if not paths:
        raise InvalidInput(t("exchange.input.none"))
    store.expect_merge()
    if require_signed is None:
        require_signed = bool(store.profile().get("require_signed"))
    verdicts = verify_files([Path(path) for path in paths], require_signed)
    senders = [verdict.sender for verdict in verdicts]
    seen: dict[str, str] = {}  # id -> date, of the entries read (a few bytes each), up to the limit
    span: list[str] = []  # the first and last day read

    def noted(entries: Iterable[Entry]) -> Iterator[Entry]:
        for entry in entries:
            day = entry["date"]
            if not span:
                span.extend((day, day))
            elif day < span[0]:
                span[0] = day
            elif day > span[1]:
                span[1] = day
            if len(seen) <= LIKELY_CHECK_LIMIT:
                seen[entry["id"]] = day
            yield entry

    counts = store.merge(noted(iter_entries(paths, format_name, progress, senders)), dry_run=dry_run)
    likely: tuple[tuple[Entry, Entry], ...] = ()
    unchecked: tuple[str, str] | None = None
    if counts.added and not dry_run and len(seen) > LIKELY_CHECK_LIMIT:
        unchecked = (span[0], span[1])
    elif counts.added and not dry_run:
        from .duplicates import likely_after_import

        likely = tuple(likely_after_import(store, seen))
    return ImportResult(
        files=len(paths),
        rows=counts.rows,
        added=counts.added,
        updated=counts.updated,
        skipped=counts.skipped,
        conflicts=counts.conflicts,
        deleted_here=counts.deleted_here,
        dry_run=dry_run,
        verdicts=tuple(verdicts),
        likely=likely,
        unchecked_span=unchecked,
    )


# --- push ------------------------------------------------------------------------------------


class PushCounts(TypedDict):
    """What `push --json` prints."""

    destination: str
    sent: int
    added: int
    updated: int
    unchanged: int
    conflicts: int
    deleted_there: int


@dataclass(frozen=True)
class PushResult:
    destination: str
    counts: MergeCounts

    def as_dict(self) -> PushCounts:
        return {
            "destination": self.destination,
            "sent": self.counts.rows,
            "added": self.counts.added,
            "updated": self.counts.updated,
            "unchanged": self.counts.skipped,
            "conflicts": self.counts.conflicts,
            "deleted_there": self.counts.deleted_here,
        }


def push(source: Store, destination: str, criteria: Criteria) -> PushResult:
    """Send the entries the criteria select from `source` to another store (a hub address or a
    file), merged with import's rules: pushing twice changes nothing the second time."""
    from .store import open_store

    if not destination or not destination.strip():
        raise InvalidInput(t("push.dest_empty"))
    target = open_store(destination)
    if _same_store(source.location, target.location):
        raise InvalidInput(t("push.same"))
    counts = target.merge(source.stream(replace(criteria, limit=criteria.limit)))
    return PushResult(target.location, counts)


def _same_store(one: str, other: str) -> bool:
    if one == other:
        return True
    try:
        return Path(one).resolve() == Path(other).resolve() and "://" not in one
    except OSError:
        return False


__all__ = [
    "ExportPlan",
    "ExportResult",
    "ImportResult",
    "MergePlan",
    "Progress",
    "PushResult",
    "entry_from_row",
    "export",
    "export_entries",
    "import_files",
    "iter_entries",
    "plan_export",
    "plan_merge",
    "push",
    "read_entries",
    "same_report",
    "write_file",
]
