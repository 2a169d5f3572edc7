"""profile set / profile show: who this Babinsa is and which villages are theirs."""

from __future__ import annotations

from typing import Annotated

import typer

from ..messages import t
from ..render import message
from ..store.base import Store
from .app import app
from .options import JsonFlag, with_store
from .places import StrictFlag, place_check, show_warnings

profile_app = typer.Typer(
    help=(
        "Who you are: rank, name, units and the villages in your care; record fills them in.\n\n"
        'Example: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat" -v Kemiri'
    ),
    no_args_is_help=True,
)
app.add_typer(profile_app, name="profile")


@profile_app.command("set")
@with_store
def profile_set(
    store: Store,
    babinsa: Annotated[
        str | None, typer.Option("--babinsa", "-b", help="Your rank and name: 'Serda Nursalim'.")
    ] = None,
    nrp: Annotated[str | None, typer.Option("--nrp", help="Your NRP.")] = None,
    koramil: Annotated[str | None, typer.Option("--koramil", help="'Koramil 03/Kebakkramat'.")] = None,
    kodim: Annotated[str | None, typer.Option("--kodim", help="'Kodim 0727/Karanganyar'.")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Provinsi.")] = None,
    kabupaten: Annotated[str | None, typer.Option("--kabupaten", help="Kabupaten/Kota.")] = None,
    kecamatan: Annotated[str | None, typer.Option("--kecamatan", help="Kecamatan.")] = None,
    villages: Annotated[
        list[str] | None,
        typer.Option("--village", "-v", help="A village in your care; repeatable (replaces the list)."),
    ] = None,
    add_village: Annotated[bool, typer.Option("--add", help="Add the --village values instead of replacing.")] = False,
    require_signed: Annotated[
        bool | None,
        typer.Option(
            "--require-signed/--no-require-signed",
            help="Import only signed files from trusted keys (--no-require-signed: allow unsigned ones again).",
        ),
    ] = None,
    strict: StrictFlag = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="id|en",
            help="The interface language: id (Indonesian) or en (English); KOMSOS_LANG still wins.",
        ),
    ] = None,
) -> None:
    """Set your profile; `record` takes Babinsa, Koramil, Kodim and area from it.

    Kabupaten, kecamatan and villages are checked against the gazetteer as in `record`:
    official spellings are stored and the kabupaten and province filled in.

    Example: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat"
    --kodim "Kodim 0727/Karanganyar" --kabupaten Karanganyar --kecamatan Kebakkramat -v Kemiri
    """
    if lang is not None:
        choose_language(lang)
        if all(v is None for v in (babinsa, nrp, koramil, kodim, province, kabupaten, kecamatan, villages)):
            return
    check = place_check(strict)
    from .. import entries as core  # imported when the command runs, not to list or complete it

    core.set_profile(
        store,
        {
            "babinsa": babinsa,
            "nrp": nrp,
            "koramil": koramil,
            "kodim": kodim,
            "province": province,
            "kabupaten": kabupaten,
            "kecamatan": kecamatan,
            "villages": villages,
            "require_signed": require_signed,
        },
        replace_villages=not add_village,
        check=check,
    )
    show_warnings(check)
    message(t("profile.saved"))


def choose_language(lang: str) -> None:
    """Save the interface language for this user (a file in the app folder, not the store)."""
    from ..errors import InvalidInput
    from ..messages import forget_language
    from ..paths import save_language

    chosen = lang.strip().lower()
    if chosen not in ("id", "en"):
        raise InvalidInput(t("profile.lang.bad", value=lang))
    save_language(chosen)
    forget_language()
    from ..messages import text_in

    message(text_in(chosen, "profile.lang.saved"))


@profile_app.command("show")
@with_store
def profile_show(store: Store, json_out: JsonFlag = False) -> None:
    """Show your profile.

    Example: komsos profile show --json
    """
    from .. import render

    profile = store.profile()
    if json_out:
        render.write_json(profile)
        return
    if not profile:
        render.message(t("profile.empty"))
        return
    render.profile_panel(profile)
