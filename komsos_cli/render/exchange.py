"""Rich rendering for export and import: the progress bar of a long import (stderr only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import t, tn

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ..exchange import ImportResult
    from ..trust import Verdict

# Below this many rows an import is over before a bar would help.
PROGRESS_FROM = 2_000
# A file this big takes a second or more to read (an xlsx of about a thousand entries):
# a spinner shows that something is going on.
READING_FROM = 200_000


class _Bar:
    """`exchange.Progress` drawn with Rich; shown only once the total is known to be long."""

    def __init__(self, out: Console | None = None) -> None:
        self._out = out
        self._progress: tuple[Progress, TaskID] | None = None  # the rows' bar, and its task
        self._spinner: tuple[Progress, TaskID] | None = None  # the file being read, and its task

    def reading(self, path: Path, size: int) -> None:
        if size < READING_FROM:
            return
        if self._spinner is None:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            from . import console

            spinner = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}", markup=False),  # a file name is never markup
                TimeElapsedColumn(),
                console=self._out or console(stderr=True),
                transient=True,
            )
            spinner.start()
            self._spinner = (spinner, spinner.add_task("", total=None))
        spinner, task = self._spinner
        spinner.update(task, description=t("exchange.reading", name=path.name))

    def _stop_reading(self) -> None:
        if self._spinner is not None:
            self._spinner[0].stop()
            self._spinner = None

    def start(self, total: int) -> None:
        self._stop_reading()
        if total < PROGRESS_FROM:
            return
        from . import stderr_bar

        progress = stderr_bar(t("exchange.progress"), self._out, remaining=True)
        self._progress = (progress, progress.add_task("import", total=total))

    def advance(self, count: int) -> None:
        if self._progress is not None:
            progress, task = self._progress
            progress.advance(task, count)

    def stop(self) -> None:
        self._stop_reading()
        if self._progress is not None:
            self._progress[0].stop()
            self._progress = None


@contextmanager
def import_progress(enabled: bool, out: Console | None = None) -> Iterator[_Bar | None]:
    """A progress reporter for `exchange.import_files`, or None when stderr is not a terminal.

    `out` is the Rich console to draw on (default: stderr)."""
    if not enabled:
        yield None
        return
    bar = _Bar(out)
    try:
        yield bar
    finally:
        bar.stop()


def import_counts(result: ImportResult) -> None:
    """The import's counts on stderr, one line (and one more for a dry run or conflicts)."""
    from . import message

    message(
        t(
            "exchange.import.done",
            files=tn("exchange.import.files", result.files, count=result.files),
            rows=tn("exchange.import.rows", result.rows, count=result.rows),
            added=result.added,
            updated=result.updated,
            skipped=result.skipped,
        )
    )
    if result.conflicts:
        message(tn("exchange.import.conflicts", result.conflicts, count=result.conflicts))
    if result.deleted_here:
        message(tn("exchange.import.deleted_here", result.deleted_here, count=result.deleted_here))
    if result.dry_run:
        message(t("exchange.import.dry_run"))


def signatures(verdicts: Iterable[Verdict]) -> None:
    """What import's signature check found, one line a file on stderr: its signer, or a warning."""
    from ..trust import signature_path
    from . import message

    for verdict in verdicts:
        sender = verdict.sender
        if sender is None:
            message(t("trust.unsigned.warning", path=verdict.path, sig=signature_path(verdict.path).name))
        else:
            at = sender["at"][:19].replace("T", " ") + " UTC"
            message(
                t(
                    "trust.import.signed",
                    path=verdict.path,
                    name=sender["name"],
                    fingerprint=sender["fingerprint"],
                    at=at,
                )
            )
