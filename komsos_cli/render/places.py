"""Rich rendering of gazetteer places (komsos places search / show)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..messages import t
from . import _text, console

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ..places import Place


class IndexBuild:
    """`places.BuildProgress` on stderr: a Rich bar at a terminal (gone once built), else one
    plain line, so that the seconds of the first lookup on a new machine are not silent."""

    def __init__(self, terminal: bool | None = None, out: Console | None = None) -> None:
        self._terminal = sys.stderr.isatty() if terminal is None else terminal
        self._out = out
        self._progress: tuple[Progress, TaskID] | None = None  # the bar, and its task
        self._said = False

    def start(self, total: int) -> None:
        if not self._terminal:
            if not self._said:
                from . import message

                message(t("places.building.line"))
                self._said = True
            return
        if self._progress is None:
            from . import stderr_bar

            progress = stderr_bar(t("places.building.bar"), self._out)
        else:
            progress, task = self._progress
            progress.remove_task(task)
        self._progress = (progress, progress.add_task("places", total=total))

    def advance(self, count: int) -> None:
        if self._progress is not None:
            progress, task = self._progress
            progress.advance(task, count)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress[0].stop()
            self._progress = None


def places_table(found: list[Place]) -> None:
    from rich.table import Table

    table = Table(header_style="bold", expand=False)
    for title in ("Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota", "Provinsi", "Kode pos"):
        table.add_column(title)
    for place in found:
        table.add_row(
            _text(place.village),
            _text(place.kecamatan),
            _text(place.kabupaten),
            _text(place.province),
            _text(place.postal_code),
        )
    console().print(table)
