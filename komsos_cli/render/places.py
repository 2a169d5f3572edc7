"""Rich rendering of gazetteer places (komsos places search / show)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _text, console

if TYPE_CHECKING:
    from ..places import Place


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
