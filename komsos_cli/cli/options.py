"""Options that several commands share, declared once.

`@with_store`, `@with_criteria` and `@with_entry_options` add their options to a
command's signature (so Typer shows them in --help) and hand the command one
built value (`store`, `criteria`, `fields`) instead of a dozen parameters.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from ..errors import InvalidInput
from ..messages import t
from ..query import Criteria
from ..store.base import Store
from .app import DbOption, State

if TYPE_CHECKING:
    from datetime import date

P = ParamSpec("P")
R = TypeVar("R")
V = TypeVar("V")


def extend_with(
    source: Callable[..., V], into: str, after: Callable[[V], None] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Add `source`'s parameters to the decorated command; pass `source(**them)` as `into`
    (and to `after` once the command has returned).

    To Typer, the command then takes `source`'s parameters instead of `into` (its signature says so);
    to the type checker it keeps its own: only Typer calls it."""
    source_params = _resolved_params(source)
    source_names = [param.name for param in source_params]

    def decorate(command: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(command)
        own = [param for param in _resolved_params(command) if param.name != into]

        @functools.wraps(command)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            taken = {name: kwargs.pop(name) for name in source_names if name in kwargs}
            value = kwargs[into] = source(**taken)
            result = command(*args, **kwargs)
            if after is not None:
                after(value)
            return result

        # a function takes any attribute; mypy knows of no `__signature__` on one (inspect reads it)
        wrapper.__signature__ = signature.replace(parameters=own + source_params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {param.name: param.annotation for param in own + source_params}
        return wrapper

    return decorate


def _resolved_params(function: Callable[..., object]) -> list[inspect.Parameter]:
    """The parameters with their annotations evaluated (modules use postponed annotations)."""
    hints = typing.get_type_hints(function, include_extras=True)
    return [
        param.replace(annotation=hints.get(param.name, param.annotation))
        for param in inspect.signature(function).parameters.values()
    ]


def is_interactive() -> bool:
    """Whether we may ask questions: stdin is a terminal (KOMSOS_INTERACTIVE=1/0 overrides, for tests)."""
    forced = os.environ.get("KOMSOS_INTERACTIVE")
    if forced in ("0", "1"):
        return forced == "1"
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def ask_line(question: str) -> str:
    """Ask on stderr, read one line of stdin; end of input cancels.

    Not typer.prompt: it hands the space after the question to input(), which writes it to
    stdout, so `id=$(komsos record ...)` at a terminal captured " <id>".
    """
    from ..render import message

    message(f"{question}: ", end="")
    line = sys.stdin.readline()
    if not line:
        message("")
        raise typer.Abort()
    return line.rstrip("\r\n")


YES = ("y", "yes", "ya", "iya")
NO = ("n", "no", "t", "tidak", "tdk", "gak", "nggak")


def ask_yes_no(question: str, *, default: bool = False) -> bool:
    """A yes/no question on stderr, `[y/T]` in Indonesian (y, yes, ya / n, no, t, tidak); an
    empty answer is `default`; anything else is asked again."""
    mark = t("framework.yes_no_default_yes" if default else "framework.yes_no_default_no")
    while True:
        answer = ask_line(f"{question} {mark}").strip().lower()
        if not answer:
            return default
        if answer in YES or answer in NO:
            return answer in YES
        from ..render import message

        message(t("prompt.yes_no"))


# --- the store -----------------------------------------------------------------


def _store_source(db: DbOption = None) -> Store:
    from ..store import open_store

    # A str, not a Path: Typer turns an empty --db into Path("."), which hid the mistake.
    return open_store(db if db is not None else State.db)


def _store_notice(store: Store) -> None:
    """A store named with --db/KOMSOS_DB that the command made, or found missing: one line."""
    notice = getattr(store, "notice", None)
    text = notice() if notice is not None else None
    if text:
        from ..render import message

        message(f"komsos: {text}")


with_store = extend_with(_store_source, "store", after=_store_notice)


# --- selection filters -----------------------------------------------------------


def _parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    from ..dates import parse_bound

    try:
        return parse_bound(text, last=option == "--until")
    except InvalidInput as error:
        raise InvalidInput(f"{option}: {error.message}") from None


def _criteria_source(
    village: Annotated[str | None, typer.Option("--village", "-v", help="Only this Desa/Kelurahan.")] = None,
    kecamatan: Annotated[str | None, typer.Option("--kecamatan", help="Only this Kecamatan.")] = None,
    kabupaten: Annotated[str | None, typer.Option("--kabupaten", help="Only this Kabupaten/Kota.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Only this kind (komsos, anjangsana, ...).")] = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only entries with this topic.")] = None,
    babinsa: Annotated[
        str | None, typer.Option("--babinsa", "-b", help="Only this Babinsa (part of rank and name).")
    ] = None,
    koramil: Annotated[str | None, typer.Option("--koramil", help="Only this Koramil (part of its name).")] = None,
    situation: Annotated[str | None, typer.Option("--situation", help="Only aman, waspada or rawan.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date on (17/01/2025, kemarin, Januari 2025, 2025, ...).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (a month or a year: up to its last day).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="A month 2025-01 (or 01/2025, Januari 2025, Agt 2024), a quarter 2025-Q1, a year 2025.",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Text in summary, findings, counterparts or venue.")
    ] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only entries with an open follow-up.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="At most N entries, newest first.")] = None,
) -> Criteria:
    from ..model import KINDS, SITUATIONS, check_encoding, choice

    texts = {"--village": village, "--kecamatan": kecamatan, "--kabupaten": kabupaten, "--topic": topic}
    texts.update({"--babinsa": babinsa, "--koramil": koramil, "--search": search})
    texts.update({"--kind": kind, "--situation": situation})
    for option, text in texts.items():
        if text is not None:
            check_encoding(text, option)
            if not text.strip():
                # `--village "$UNSET"` selected every entry (an export of every village).
                raise InvalidInput(t("filter.empty", option=option))
    if limit is not None and limit < 0:
        raise InvalidInput(t("limit.negative"))
    first, last = _parse_day(since, "--since"), _parse_day(until, "--until")
    if first and last and first > last:
        raise InvalidInput(t("since.after_until", since=first.isoformat(), until=last.isoformat()))
    chosen = Criteria(
        village=village,
        kecamatan=kecamatan,
        kabupaten=kabupaten,
        kind=choice(kind, KINDS, "kind") if kind else None,
        topic=topic,
        babinsa=babinsa,
        koramil=koramil,
        situation=choice(situation, SITUATIONS, "situation") if situation else None,
        since=first,
        until=last,
        search=search,
        open_only=open_only,
        limit=limit,
    )
    if period is None:
        return chosen
    from ..dates import parse_period
    from ..query import with_period

    return with_period(chosen, parse_period(period))


with_criteria = extend_with(_criteria_source, "criteria")


# --- the fields of an entry (record and edit) --------------------------------------


def read_stdin_text() -> str:
    """Text piped in, read as `komsos parse` reads a report: UTF-8, UTF-16 with its mark, or
    Windows-1252 (a summary saved on an older Windows PC); bytes that are not text are refused."""
    from ..narrative import decode_report

    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return decode_report(data, "stdin")[0]


def _entry_source(
    date: Annotated[
        str | None,
        typer.Option("--date", "-d", help="When: 17/01/2025, 'Jum'at (17/01/2025)', kemarin (default today)."),
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", help="Clock time (08.30, 14:00 WIB) or pagi/siang/sore/malam.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="komsos (default), anjangsana, puldata, patroli, pendampingan, karya-bakti, monitoring, lainnya.",
        ),
    ] = None,
    babinsa: Annotated[
        list[str] | None, typer.Option("--babinsa", "-b", help="Rank and name, e.g. 'Serda Nursalim'; repeatable.")
    ] = None,
    koramil: Annotated[str | None, typer.Option("--koramil", help="e.g. 'Koramil 03/Kebakkramat'.")] = None,
    kodim: Annotated[str | None, typer.Option("--kodim", help="e.g. 'Kodim 0727/Karanganyar'.")] = None,
    village: Annotated[str | None, typer.Option("--village", "-v", help="The Desa/Kelurahan.")] = None,
    village_kind: Annotated[
        str | None, typer.Option("--village-kind", help="Desa, Kelurahan, Nagari, Gampong or Kampung.")
    ] = None,
    hamlet: Annotated[str | None, typer.Option("--hamlet", help="Dusun, RT/RW or Lingkungan.")] = None,
    kecamatan: Annotated[str | None, typer.Option("--kecamatan", help="The Kecamatan.")] = None,
    kabupaten: Annotated[str | None, typer.Option("--kabupaten", help="The Kabupaten/Kota.")] = None,
    province: Annotated[str | None, typer.Option("--province", help="The Provinsi.")] = None,
    venue: Annotated[str | None, typer.Option("--venue", help="Where: 'kedai kopi', 'Balai Desa'.")] = None,
    counterparts: Annotated[
        list[str] | None,
        typer.Option("--with", "-w", help="Whom they met, e.g. 'Kadus Dsn 2 Bapak Faisal'; repeatable."),
    ] = None,
    topics: Annotated[
        list[str] | None, typer.Option("--topic", "-t", help="keamanan, kesehatan, pemilu, ekonomi, ... ; repeatable.")
    ] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", "-s", help="What happened; '-' reads it from stdin.")
    ] = None,
    situation: Annotated[
        str | None, typer.Option("--situation", help="aman (safe and conducive), waspada (to watch), rawan (incident).")
    ] = None,
    findings: Annotated[
        list[str] | None, typer.Option("--finding", "-f", help="A problem or complaint raised; repeatable.")
    ] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", help="An action still to take (starts open).")] = None,
) -> dict[str, object]:
    if summary == "-":
        summary = read_stdin_text()
    return {
        "date": date,
        "time": time,
        "kind": kind,
        "babinsa": babinsa,
        "koramil": koramil,
        "kodim": kodim,
        "village": village,
        "village_kind": village_kind,
        "hamlet": hamlet,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "province": province,
        "venue": venue,
        "counterparts": counterparts,
        "topics": topics,
        "summary": summary,
        "situation": situation,
        "findings": findings,
        "follow_up": follow_up,
    }


with_entry_options = extend_with(_entry_source, "fields")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
EntryId = Annotated[str, typer.Argument(metavar="ID", help="The entry's id, or any unique start of it.")]
YesFlag = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
