"""What a Babinsa does with entries: record, find, edit, delete, list; and the profile.

Callable without the CLI: every function takes a `Store` and plain values and
returns data. The CLI parses options into the `values` dicts used here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Literal, TypedDict, TypeVar

from .dates import parse_time, parse_when
from .errors import AmbiguousId, InvalidInput, MissingFields, NotFound
from .messages import t, tn
from .model import (
    LIMIT_ITEM,
    LIST_FIELDS,
    ONE_LINE_FIELDS,
    REQUIRED,
    USER_FIELDS,
    Babinsa,
    Entry,
    FollowUp,
    choice,
    clean_text,
    missing_required,
    normalize_topic,
    parse_babinsa,
    utc_now,
    validate_entry,
)
from .query import Criteria

if TYPE_CHECKING:
    from .placecheck import PlaceCheck
    from .store import Profile, Store

# Profile keys; `babinsa` is {rank, name}; `villages` the villages in this Babinsa's care.
PROFILE_FIELDS = ("babinsa", "nrp", "koramil", "kodim", "province", "kabupaten", "kecamatan", "villages")
# What `record` takes from the profile when the option is not given.
ProfileDefault = Literal["koramil", "kodim", "province", "kabupaten", "kecamatan"]
PROFILE_DEFAULTS: tuple[ProfileDefault, ...] = ("koramil", "kodim", "province", "kabupaten", "kecamatan")

# What `record` and `edit` do with a place: `resolve_place(values, defaults)` gives the values with the
# village matched (placecheck.PlaceCheck); `defaults` are area values that may give way to the gazetteer's.
PlaceResolver = Callable[[dict[str, object], Mapping[str, object]], dict[str, object]]


def _text(key: str, raw: object) -> str:
    """An option's value, which must be text (InvalidInput naming the option otherwise)."""
    if not isinstance(raw, str):
        raise InvalidInput(t("field.type", field=key, expected=t("expected.text")))
    return raw


def _texts(key: str, raw: object) -> list[str]:
    """A list option's values, which must be texts (InvalidInput naming the option otherwise)."""
    if not isinstance(raw, (list, tuple)) or not all(isinstance(item, str) for item in raw):
        raise InvalidInput(t("field.type", field=key, expected=t("expected.texts")))
    return [str(item) for item in raw]


# The options typed as one text each (the lists aside).
_TEXT_OPTIONS = frozenset(
    ("date", "time", "follow_up", "kind", "village_kind", "situation", "summary", *ONE_LINE_FIELDS)
)


def values_from_text(options: Mapping[str, object], today: date | None = None) -> dict[str, object]:
    """Turn what a user typed into entry values; only the options given (not None) appear.

    `options` uses entry keys: date, time, kind, babinsa (list of "Rank Name"),
    village, ..., counterparts, topics, findings (lists), follow_up (text).
    """
    values: dict[str, object] = {}
    for key, raw in options.items():
        if raw is None or (key in (*LIST_FIELDS, "babinsa") and not raw):
            continue
        if key in (*LIST_FIELDS, "babinsa"):
            values[key] = _list_from_text(key, _texts(key, raw))
        elif key in _TEXT_OPTIONS:
            values.update(_value_from_text(key, _text(key, raw), options, today))
        else:
            raise InvalidInput(tn("field.unknown", 1, fields=key))
    return values


def _value_from_text(key: str, raw: str, options: Mapping[str, object], today: date | None) -> dict[str, object]:
    """The entry values of one option typed as text (the date may bring the time written with it)."""
    if key in ("time", "situation") and not raw.strip():
        # An empty value clears the field (on edit), as it does for every other optional field.
        return {key: None}
    if key == "date":
        day, clock = parse_when(raw, today)
        if clock is not None and options.get("time") is None:
            # `Kamis (31/01/2019) pukul 09.30 WIB`: the hour written with the date
            return {"date": day.isoformat(), "time": clock}
        return {"date": day.isoformat()}
    if key == "time":
        return {"time": parse_time(raw)}
    if key == "follow_up":
        action = clean_text(raw, multiline=True, field="follow_up")
        follow_up: FollowUp | None = {"action": action, "status": "open"} if action else None
        return {"follow_up": follow_up}
    if key in ("kind", "village_kind", "situation"):
        return {key: _word_from_text(key, raw)}
    if key == "summary":
        return {"summary": clean_text(raw, multiline=True, field="summary")}
    if key in ("koramil", "kodim"):
        from .model import check_unit

        return {key: check_unit(raw, key.capitalize()) or None}
    return {key: clean_text(raw, field=key)}


def _list_from_text(key: str, raw: Iterable[str]) -> list[Babinsa] | list[str]:
    """babinsa ("Rank Name" each), topics, counterparts or findings as typed, made entry values."""
    if key == "babinsa":
        return [parse_babinsa(person) for person in raw]
    if key == "topics":
        return [normalize_topic(topic) for topic in raw]
    # Each item may be as long as validate_entry allows (LIMIT_ITEM), not a one-line field's 200.
    return [clean_text(item, multiline=key == "findings", field=key, limit=LIMIT_ITEM) for item in raw]


def _word_from_text(key: str, raw: str) -> str | None:
    """A word of a closed vocabulary (kind, village_kind, situation) as typed, in its stored form."""
    from .model import KINDS, SITUATIONS, VILLAGE_KINDS

    if key == "village_kind":
        # Checked here, before the village is looked up (which may ask, or fail on its own).
        return choice(raw, VILLAGE_KINDS, "village_kind") if raw.strip() else None
    return choice(raw, KINDS if key == "kind" else SITUATIONS, key)


def apply_profile(values: Mapping[str, object], profile: Profile) -> dict[str, object]:
    """Fill what the profile knows and the user did not give."""
    merged = dict(values)
    if not merged.get("babinsa") and profile.get("babinsa"):
        merged["babinsa"] = [dict(profile["babinsa"])]
    for key in PROFILE_DEFAULTS:
        if not merged.get(key) and profile.get(key):
            merged[key] = profile[key]
    return merged


Prompt = Callable[[str], str]


def complete_required(
    values: dict[str, object], ask: Prompt | None, refused: Callable[[str], None] | None = None
) -> dict[str, object]:
    """Ask for each missing required field (when `ask` is given), else MissingFields naming them all.

    An answer that is not acceptable is asked again; `refused` is told why first.
    """
    missing = missing_required(values)
    if not missing:
        return values
    if ask is None:
        raise MissingFields(tn("field.required", len(missing), fields=", ".join(missing)), missing)
    completed = dict(values)
    for field in missing:
        while True:
            answer = ask(field)
            try:
                if field == "babinsa":
                    completed["babinsa"] = [parse_babinsa(answer)]
                else:
                    completed[field] = clean_text(answer, multiline=field == "summary", field=field)
            except InvalidInput as error:
                if refused is not None:
                    refused(error.message)
                continue
            if completed.get(field):
                break
    return completed


def record(
    store: Store,
    values: Mapping[str, object],
    *,
    ask: Prompt | None = None,
    refused: Callable[[str], None] | None = None,
    today: date | None = None,
    resolve_place: PlaceResolver | None = None,
    confirm: Callable[[Entry], bool] | None = None,
) -> Entry:
    """Validate and store one new entry; return it as stored.

    Nothing is written unless the entry is complete and valid (and `confirm`, shown the entry,
    says yes: else Cancelled). `ask` and `refused`: see `complete_required`.
    """
    profile = store.profile()
    merged = apply_profile(values, profile)
    if not merged.get("kodim"):
        from .model import kodim_of

        koramil = merged.get("koramil")  # `Koramil 0727-03/...` names its Kodim
        merged["kodim"] = kodim_of(koramil if isinstance(koramil, str) else None)
    merged.setdefault("date", (today or date.today()).isoformat())
    merged = complete_required(merged, ask, refused)
    if resolve_place is not None:
        merged = resolve_place(merged, profile)
    entry = validate_entry(merged)
    if confirm is not None and not confirm(entry):
        from .errors import Cancelled

        raise Cancelled(t("record.not_saved"))
    with store.transaction() as transaction:
        transaction.add(entry)
    return entry


class Identified(TypedDict):
    """What `resolve_prefix` needs of an entry: its id (an Entry is one, so is `{"id": ...}`)."""

    id: str


IdentifiedT = TypeVar("IdentifiedT", bound=Identified)


def resolve_prefix(entries: Iterable[IdentifiedT], prefix: str) -> IdentifiedT:
    """The one entry whose id starts with `prefix` (as git abbreviates commits)."""
    wanted = prefix.strip().lower()
    if not wanted:
        raise InvalidInput(t("id.empty"))
    found = [entry for entry in entries if entry["id"].startswith(wanted)]
    if not found:
        raise NotFound(t("id.not_found", prefix=prefix))
    exact = [entry for entry in found if entry["id"] == wanted]
    if exact:
        return exact[0]
    if len(found) > 1:
        examples = ", ".join(entry["id"][:12] for entry in found[:3])
        raise AmbiguousId(t("id.ambiguous", prefix=prefix, count=len(found), examples=examples))
    return found[0]


def get(store: Store, prefix: str) -> Entry:
    return store.find(prefix)


def version_count(store: Store, entry_id: str) -> int:
    """How many earlier versions of the entry its history keeps."""
    return len(store.history(entry_id))


def stream_entries(store: Store, criteria: Criteria | None = None) -> Iterator[Entry]:
    """The entries the criteria select, unsorted, one at a time (cheaper than `list_entries`)."""
    return iter(store.stream(criteria or Criteria()))


PLACE_FIELDS = ("village", "kecamatan", "kabupaten", "province")
AREA_FIELDS: tuple[Literal["kecamatan", "kabupaten", "province"], ...] = ("kecamatan", "kabupaten", "province")


def edit(
    store: Store,
    prefix: str,
    changes: Mapping[str, object],
    *,
    resolve_place: PlaceResolver | None = None,
) -> Entry:
    """Change the given fields of one entry; the previous version goes to its history.

    When the place changes, `resolve_place(values, defaults)` checks it before the store is
    locked (it may ask the user); `defaults` are the entry's area fields not being changed.
    """
    if not changes:
        raise InvalidInput(t("edit.nothing"))
    unknown = set(changes) - set(USER_FIELDS)
    if unknown:
        raise InvalidInput(tn("field.unknown", len(unknown), fields=", ".join(sorted(unknown))))
    place: dict[str, object] = {}
    if resolve_place is not None and any(key in changes for key in PLACE_FIELDS):
        current = store.find(prefix)
        defaults: dict[str, str | None] = {
            key: current[key] for key in AREA_FIELDS if key not in changes and current.get(key)
        }
        resolved = resolve_place({**current, **changes}, defaults)
        place = {key: resolved.get(key) for key in (*PLACE_FIELDS, "place_matched")}
        prefix = current["id"]
    with store.transaction() as transaction:
        current = transaction.find(prefix)
        updated: dict[str, object] = {**current, **changes, **place, "updated_at": later_than(current["updated_at"])}
        if not place and any(key in changes for key in PLACE_FIELDS):
            updated["place_matched"] = False
        updated.pop("received_from", None)  # edited here: no longer the version its sender signed
        entry = validate_entry(updated)
        transaction.replace(entry)
    return entry


def later_than(previous: str) -> str:
    """Now, but strictly after `previous`, so that a newer version always sorts after an older one."""
    now = utc_now()
    if now > previous:
        return now
    from datetime import datetime, timedelta

    bumped = datetime.fromisoformat(previous) + timedelta(microseconds=1)
    return bumped.isoformat(timespec="microseconds")


def delete(store: Store, entry_id: str) -> Entry:
    """Remove the entry with exactly this id (resolve a prefix with `get` first)."""
    with store.transaction() as transaction:
        entry = transaction.find(entry_id)
        transaction.remove(entry["id"])
    return entry


def list_entries(store: Store, criteria: Criteria) -> list[Entry]:
    """The entries the criteria select, newest first (selected by the store: in SQL for a hub)."""
    return store.select(criteria)


def count_entries(store: Store) -> int:
    """How many entries the store holds."""
    return store.count(Criteria())


def record_many(
    store: Store,
    named: list[tuple[str, Entry]],
    skipped: Callable[[str, Entry], None],
    likely: Callable[[Entry, Entry], None] | None = None,
) -> list[Entry]:
    """Add new entries (each named by where it came from) in one transaction, all or nothing.

    One already stored from the same report (same date and text: `narrative.duplicate_of`),
    or twice among these, is not added: `skipped(name, twin)` is told instead. One that is
    likely the same activity as another of that day (`duplicates.reasons`) is added, and
    `likely(entry, other)` told.
    """
    from .duplicates import twins_of
    from .narrative import duplicate_of

    fresh: list[Entry] = []
    with store.transaction() as transaction:
        same_day: dict[str, list[Entry]] = {}
        for name, entry in named:
            day = entry["date"]
            if day not in same_day:
                on = date.fromisoformat(day)
                same_day[day] = list(store.select(Criteria(since=on, until=on)))
            twin = duplicate_of(entry, same_day[day])
            if twin is not None:
                skipped(name, twin)
                continue
            if likely is not None:
                for other in twins_of(store, entry, same_day[day]):
                    likely(entry, other)
            fresh.append(entry)
            same_day[day].append(entry)
        transaction.add_many(fresh)
    return fresh


def set_profile(
    store: Store,
    options: Mapping[str, object],
    *,
    replace_villages: bool = True,
    check: PlaceCheck | None = None,
) -> Profile:
    """Update the profile with the options given (None = keep); returns the new profile.

    With `check`, kabupaten, kecamatan and villages are matched against the gazetteer first
    (before the store is locked, as it may ask the user).
    """
    if all(value is None or value == [] for value in options.values()):
        raise InvalidInput(t("profile.nothing"))
    store = store.profile_store()  # a hub's user keeps the profile in their own app folder
    given_villages = bool(options.get("villages"))
    if check is not None:
        options = check.profile(
            {key: value for key, value in options.items() if value is not None and value != []}, store.profile()
        )
    # The check took out villages a new area no longer holds (asked first): the rest replace the list.
    taken_out = not given_villages and options.get("villages") is not None
    replace_villages = replace_villages or taken_out
    with store.transaction() as transaction:
        profile = transaction.profile()
        for key, raw in options.items():
            if raw is None or (key == "villages" and not raw and not taken_out):
                continue
            _set_profile_value(profile, key, raw, replace_villages)
        transaction.set_profile(profile)
    return profile


def _set_profile_value(profile: Profile, key: str, raw: object, replace_villages: bool) -> None:
    """Set one option given to `profile set` in the profile, in its stored form."""
    match key:
        case "babinsa":
            profile["babinsa"] = parse_babinsa(_text(key, raw))
        case "villages":
            villages = [clean_text(v, field="village") for v in _texts(key, raw)]
            kept: list[str] = [] if replace_villages else list(profile.get("villages", []))
            profile["villages"] = kept + [v for v in villages if v and v not in kept]
        case "require_signed":  # import refuses unsigned files (docs/trust.md)
            profile[key] = bool(raw)
        case "koramil" | "kodim":
            from .model import check_unit

            profile[key] = check_unit(_text(key, raw), key.capitalize()) or None
        case "nrp" | "province" | "kabupaten" | "kecamatan":  # the rest of PROFILE_FIELDS
            profile[key] = clean_text(_text(key, raw), field=key) or None
        case _:
            raise InvalidInput(tn("field.unknown", 1, fields=key))


__all__ = [
    "PROFILE_FIELDS",
    "REQUIRED",
    "apply_profile",
    "complete_required",
    "count_entries",
    "delete",
    "edit",
    "get",
    "later_than",
    "list_entries",
    "record",
    "record_many",
    "resolve_prefix",
    "set_profile",
    "stream_entries",
    "values_from_text",
    "version_count",
]
