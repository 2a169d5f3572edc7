"""keys init / show / trust / list / forget: thin commands over komsos_cli.trust (docs/trust.md)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..errors import InvalidInput
from ..messages import t
from ..store.base import Store
from .app import app
from .options import JsonFlag, is_interactive, with_store

keys_app = typer.Typer(
    help=(
        "Your signing key and the keys of the senders you trust: export signs, import checks.\n\n"
        "Example: komsos keys init --name 'Serda Nursalim'"
    ),
    no_args_is_help=True,
)
app.add_typer(keys_app, name="keys")


def ask_passphrase(confirm: bool = False) -> str | None:
    """KOMSOS_PASSPHRASE, else a hidden prompt at a terminal, else None."""
    from ..trust import PASSPHRASE_ENV

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not is_interactive():
        return None
    return str(typer.prompt(t("trust.passphrase.prompt"), hide_input=True, confirmation_prompt=confirm, err=True))


@keys_app.command("init")
@with_store
def keys_init(
    store: Store,
    name: Annotated[
        str | None, typer.Option("--name", help="Your name as commanders see it (default: the profile's Babinsa).")
    ] = None,
    passphrase: Annotated[
        bool, typer.Option("--passphrase", help="Protect the key with a passphrase (asked, or $KOMSOS_PASSPHRASE).")
    ] = False,
) -> None:
    """Make your signing key; print its public line (send it to your commander) and fingerprint.

    Never replaces a key that exists.

    Example: komsos keys init --name 'Serda Nursalim' --passphrase
    """
    from .. import render, trust
    from ..model import format_babinsa

    if name is None:
        person = store.profile().get("babinsa")
        if not person:
            raise InvalidInput(t("trust.name.default"))
        name = format_babinsa(person)
    secret = None
    if passphrase:
        if trust.has_key():
            raise InvalidInput(t("trust.key.exists", path=trust.keys_folder()))
        secret = ask_passphrase(confirm=True)
        if secret is None:
            raise InvalidInput(t("trust.passphrase.no_terminal", env=trust.PASSPHRASE_ENV))
    key = trust.init_key(name, secret)
    typer.echo(key.line())
    render.message(t("trust.key.made", name=key.name, fingerprint=key.fingerprint))


@keys_app.command("show")
def keys_show(json_out: JsonFlag = False) -> None:
    """Print your public key line (stdout) and its fingerprint (stderr).

    Example: komsos keys show > serda-nursalim.pub
    """
    from .. import render, trust

    key = trust.require_own_key()
    if json_out:
        render.write_json(key.as_dict())
        return
    typer.echo(key.line())
    render.message(t("trust.key.fingerprint", fingerprint=key.fingerprint))


@keys_app.command("trust")
def keys_trust(
    key_or_file: Annotated[
        str,
        typer.Argument(metavar="KEY_OR_FILE", help="A public key line, a file holding one, or a FILE.sig."),
    ],
    name: Annotated[str | None, typer.Option("--name", help="The sender's name in your keyring.")] = None,
) -> None:
    """Trust a sender's key: import accepts files they signed.

    Check the fingerprint with the sender (by phone or in person) first.

    Example: komsos keys trust serda-nursalim.pub --name 'Serda Nursalim (Kemiri)'
    """
    from .. import render, trust

    key, added = trust.trust(trust.key_from(key_or_file, name))
    render.message(t("trust.keyring.added" if added else "trust.keyring.renamed", **key.as_dict()))


@keys_app.command("list")
def keys_list(json_out: JsonFlag = False) -> None:
    """List the keys you trust: fingerprint and name (--json: with the public key).

    Example: komsos keys list --json
    """
    from .. import render, trust

    keys = [key.as_dict() for key in trust.keyring()]
    if json_out:
        render.write_json(keys)
        return
    if not keys:
        render.message(t("trust.keyring.empty"))
        return
    for key in keys:
        typer.echo(f"{key['fingerprint']}  {key['name']}")


@keys_app.command("forget")
def keys_forget(
    fingerprint: Annotated[str, typer.Argument(metavar="FINGERPRINT", help="As keys list shows it.")],
) -> None:
    """Stop trusting a key: files it signs are refused from now on.

    Example: komsos keys forget "1a2b 3c4d 5e6f 7a8b"
    """
    from .. import render, trust

    key = trust.forget(fingerprint)
    render.message(t("trust.forgotten", **key.as_dict()))
