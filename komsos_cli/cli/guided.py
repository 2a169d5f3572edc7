"""The guided record: `komsos record -i` (or `record` at a terminal with no field option) asks for
every field in a natural order, each with its default in brackets, and shows the entry before
saving it. Questions and the entry go to stderr; stdout still carries only the new id.

Enter keeps the default or skips an optional field; a bad answer is explained and asked again;
Ctrl-C or Ctrl-D at any point stores nothing and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

import typer

from .. import entries as core
from ..errors import Cancelled, InvalidInput
from ..messages import t
from ..render import message
from .options import ask_line, ask_yes_no

if TYPE_CHECKING:
    from ..model import Entry
    from ..placecheck import PlaceCheck
    from ..store.base import Profile, Store

# (field, prompt key, required); lists are typed on one line, items separated by `;`.
STEPS = (
    ("date", "guided.date", True),
    ("time", "guided.time", False),
    ("kind", "guided.kind", True),
    ("babinsa", "guided.babinsa", True),
    ("village", "guided.village", True),
    ("hamlet", "guided.hamlet", False),
    ("venue", "guided.venue", False),
    ("counterparts", "guided.counterparts", False),
    ("topics", "guided.topics", False),
    ("summary", "guided.summary", True),
    ("situation", "guided.situation", False),
    ("findings", "guided.findings", False),
    ("follow_up", "guided.follow_up", False),
)
LISTS = ("babinsa", "counterparts", "topics", "findings")


def _ask(question: str, default: str | None) -> str:
    shown = f"{question} [{default}]" if default else question
    return ask_line(shown).strip()


def _refuse(reason: str) -> None:
    message(f"komsos: {reason}")


def _babinsa_text(profile: Profile) -> str | None:
    person = profile.get("babinsa")
    if not person:
        return None
    return " ".join(str(part) for part in (person.get("rank"), person.get("name")) if part) or None


def _choose_village(answer: str, villages: list[str]) -> str | None:
    """The village an answer names: a number of the list, a name, or part of one that only one
    of the profile's villages holds. None: the answer narrowed the list to several (shown again)."""
    if answer.isdigit() and 1 <= int(answer) <= len(villages):
        return villages[int(answer) - 1]
    typed = answer.casefold()
    exact = [v for v in villages if v.casefold() == typed]
    if exact:
        return exact[0]
    partial = [v for v in villages if typed in v.casefold()]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        for number, name in enumerate(villages, 1):
            if name in partial:
                message(f"  {number}. {name}")
        return None
    return answer  # a village outside the profile's list: looked up in the gazetteer as typed


def _value(field: str, answer: str) -> dict[str, object]:
    """The entry values of one answer (InvalidInput when it cannot be read)."""
    if field in LISTS:
        items = [item.strip() for item in answer.split(";") if item.strip()]
        return core.values_from_text({field: items})
    return core.values_from_text({field: answer})


def collect(profile: Profile, today: date | None = None) -> dict[str, object]:
    """Ask for every field; the answers as typed, ready for `entries.values_from_text`."""
    today = today or date.today()
    villages = [str(v) for v in profile.get("villages", [])]
    defaults: dict[str, str | None] = {
        "date": today.isoformat(),
        "kind": "komsos",
        "babinsa": _babinsa_text(profile),
        "village": villages[0] if len(villages) == 1 else None,
    }
    answers: dict[str, object] = {}
    for field, key, required in STEPS:
        if field == "village" and len(villages) > 1:
            message(t("guided.villages"))
            for number, name in enumerate(villages, 1):
                message(f"  {number}. {name}")
        while True:
            answer = _ask(t(key), defaults.get(field))
            if not answer:
                if defaults.get(field):
                    answer = str(defaults[field])
                elif required:
                    _refuse(t("guided.required", field=t(key)))
                    continue
                else:
                    break
            if field == "village" and villages:
                chosen = _choose_village(answer, villages)
                if chosen is None:
                    continue
                answer = chosen
            try:
                _value(field, answer)
            except InvalidInput as error:
                _refuse(error.message)
                continue
            answers[field] = [i.strip() for i in answer.split(";") if i.strip()] if field in LISTS else answer
            break
    return answers


class Recorder(Protocol):
    """`entries.record`, as the guided record calls it."""

    def __call__(
        self, store: Store, values: dict[str, object], *, resolve_place: PlaceCheck, confirm: Callable[[Entry], bool]
    ) -> Entry: ...


def guided_record(store: Store, *, record: Recorder, check: PlaceCheck) -> Entry:
    """Walk through the fields, show the entry, ask to save it; the stored entry."""
    from .. import render

    try:
        answers = collect(store.profile())

        def confirm(entry: Entry) -> bool:
            render.entry_detail(entry, stderr=True)
            return ask_yes_no(t("guided.save"), default=True)

        return record(store, core.values_from_text(answers), resolve_place=check, confirm=confirm)
    except (KeyboardInterrupt, typer.Abort):
        message("")
        raise Cancelled(t("record.not_saved")) from None
