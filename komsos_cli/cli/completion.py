"""Shell completion (`komsos --install-completion`, `--show-completion`): what each option completes.

Only loaded when the shell asks for completions (`_KOMSOS_COMPLETE` set): the completers are put on
the parameters by name then, so the commands' declarations stay as they are. Each reads the least
it can: closed vocabularies from the model, villages from the profile, the store and the gazetteer's
index, ids from the store. Entry ids and villages are usually answered before Typer is even
imported (quick_complete.py), by the same choosers (`id_choices`, `village_choices`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # not imported at run time: a completion is answered before Typer is (quick_complete.py)
    from typer._click import Command, Context, Parameter
    from typer._click.shell_completion import CompletionItem

    from ..model import Entry
    from ..store.base import Profile, Store

    Completer: TypeAlias = Callable[[Context, Parameter, str], list[str] | list[CompletionItem]]


def _starting(values: Iterable[str], incomplete: str) -> list[str]:
    """`values` that start with `incomplete` (case ignored), each once, in order."""
    typed = incomplete.lower()
    seen: dict[str, None] = {}
    for value in values:
        if value and value.lower().startswith(typed):
            seen.setdefault(value, None)
    return list(seen)


def _fixed(values: Iterable[str]) -> Completer:
    choices = tuple(values)
    return lambda ctx, param, incomplete: _starting(choices, incomplete)


def _store(ctx: Context) -> Store | None:
    """The store this command line names (`--db`, KOMSOS_DB, the app folder); None when unreadable."""
    from ..store import open_store

    root = ctx.find_root()
    try:
        return open_store(ctx.params.get("db") or root.params.get("db"))
    except Exception:
        return None


def _profile(ctx: Context) -> Profile:
    store = _store(ctx)
    try:
        return store.profile().copy() if store is not None else {}
    except Exception:
        return {}


def _entries(ctx: Context) -> list[Entry]:
    from ..entries import stream_entries

    store = _store(ctx)
    try:
        return list(stream_entries(store)) if store is not None else []
    except Exception:
        return []


def gazetteer_names(level: str, incomplete: str, kabupaten: str | None) -> list[str]:
    from .. import places

    try:
        return places.names_starting(level, incomplete, kabupaten=kabupaten)
    except Exception:
        return []


def _text(value: object) -> str | None:
    """A profile's value as text (a profile read straight from the file may hold anything)."""
    return value if isinstance(value, str) else None


def village_choices(
    profile: Mapping[str, object],
    store_villages: Iterable[str],
    incomplete: str,
    typed_kabupaten: str | None,
    gazetteer: Callable[[str, str, str | None], list[str]],
) -> list[str]:
    """The profile's villages first, then the store's, then the gazetteer's within the kabupaten
    typed on the command line, else the profile's."""
    listed = profile.get("villages", [])
    known = [str(name) for name in listed] if isinstance(listed, Iterable) else []
    known += sorted({name for name in store_villages if name})
    found = _starting(known, incomplete)
    if len(incomplete) >= 2 or not found:
        kabupaten = typed_kabupaten or _text(profile.get("kabupaten"))
        found += [name for name in gazetteer("village", incomplete, kabupaten) if name not in found]
    return found


# At most this many ids are offered (the newest), with their date, village and kind as help.
ID_LIMIT = 200


def id_choices(
    entries: Iterable[Mapping[str, object]], incomplete: str, limit: int = ID_LIMIT
) -> list[tuple[str, str]]:
    """(id, "date village kind") of the entries whose id starts with `incomplete`, the newest first."""
    typed = incomplete.lower()
    found = [e for e in entries if str(e.get("id", "")).startswith(typed)]
    found.sort(key=lambda e: (str(e.get("date") or ""), str(e.get("created_at") or "")), reverse=True)
    return [
        (str(e["id"]), f"{e.get('date') or ''} {e.get('village') or ''} {e.get('kind') or ''}".strip())
        for e in found[:limit]
    ]


def villages(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
    """The profile's villages first, then the store's, then the gazetteer's within the profile's kabupaten."""
    store_villages = [str(e.get("village") or "") for e in _entries(ctx)]
    return village_choices(_profile(ctx), store_villages, incomplete, ctx.params.get("kabupaten"), gazetteer_names)


def kecamatan(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
    profile = _profile(ctx)
    known = [profile.get("kecamatan") or ""]
    kabupaten = ctx.params.get("kabupaten") or profile.get("kabupaten")
    return _starting([*known, *gazetteer_names("kecamatan", incomplete, kabupaten)], incomplete)


def kabupaten(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
    profile = _profile(ctx)
    return _starting([profile.get("kabupaten") or "", *gazetteer_names("kabupaten", incomplete, None)], incomplete)


def entry_ids(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids of stored entries (the newest first), each with its date and village as help."""
    from typer._click.shell_completion import CompletionItem

    return [CompletionItem(value, help=help_text) for value, help_text in id_choices(_entries(ctx), incomplete)]


def completers() -> dict[str | tuple[str, str], Completer]:
    """Parameter name -> what completes it."""
    from ..formats import FORMATS
    from ..model import KINDS, SITUATIONS, TOPICS, VILLAGE_KINDS
    from ..summary import BREAKDOWN_WORDS, BREAKDOWNS, GROUPINGS

    return {
        "kind": _fixed(KINDS),
        "situation": _fixed(SITUATIONS),
        "topic": _fixed(TOPICS),
        "topics": _fixed(TOPICS),
        "village_kind": _fixed(VILLAGE_KINDS),
        "format_name": _fixed(FORMATS),
        "style": _fixed(("press", "wa")),
        "village": villages,
        "villages": villages,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "entry_id": entry_ids,
        "lang": _fixed(("id", "en")),
        ("summary", "by"): _fixed((*BREAKDOWNS, *BREAKDOWN_WORDS)),
        ("villages", "by"): _fixed(GROUPINGS),
        ("summary", "output_format"): _fixed(("table", "md", "html", "json")),
    }


def attach(command: Command) -> None:
    """Put the completers on every parameter of `command` and its subcommands, by name."""
    table = completers()

    def visit(node: Command) -> None:
        for param in node.params:
            name = param.name or ""  # a key no completer has, as None was
            found = table.get((node.name or "", name)) or table.get(name)
            if param.name in ("id", "entry") and param.param_type_name == "argument":
                found = entry_ids
            if found is not None and getattr(param, "_custom_shell_complete", None) is None:
                param._custom_shell_complete = found
        commands: Mapping[str, Command] = getattr(node, "commands", {})  # a group's subcommands
        for child in commands.values():
            visit(child)

    visit(command)
