"""What a Babinsa does with entries: record, find, edit, delete, list; and the profile.

Callable without the CLI: every function takes a `Store` and plain values and
returns data. The CLI parses options into the `values` dicts used here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from .dates import parse_time, parse_when
from .errors import AmbiguousId, InvalidInput, MissingFields, NotFound
from .messages import t, tn
from .model import (
    LIMIT_ITEM,
    LIST_FIELDS,
    ONE_LINE_FIELDS,
    REQUIRED,
    USER_FIELDS,
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
    from .store import Store

# Profile keys; `babinsa` is {rank, name}; `villages` the villages in this Babinsa's care.
PROFILE_FIELDS = ("babinsa", "nrp", "koramil", "kodim", "province", "kabupaten", "kecamatan", "villages")
# What `record` takes from the profile when the option is not given.
PROFILE_DEFAULTS = ("koramil", "kodim", "province", "kabupaten", "kecamatan")


def values_from_text(options: Mapping[str, Any], today: date | None = None) -> dict[str, Any]:
    """Turn what a user typed into entry values; only the options given (not None) appear.

    `options` uses entry keys: date, time, kind, babinsa (list of "Rank Name"),
    village, ..., counterparts, topics, findings (lists), follow_up (text).
    """
    values: dict[str, Any] = {}
    for key, raw in options.items():
        if raw is None or (key in (*LIST_FIELDS, "babinsa") and not raw):
            continue
        if key in ("time", "situation") and not raw.strip():
            # An empty value clears the field (on edit), as it does for every other optional field.
            values[key] = None
        elif key == "date":
            day, clock = parse_when(raw, today)
            values["date"] = day.isoformat()
            if clock is not None and options.get("time") is None:
                values["time"] = clock  # `Kamis (31/01/2019) pukul 09.30 WIB`: the hour written with the date
        elif key == "time":
            values["time"] = parse_time(raw)
        elif key in (*LIST_FIELDS, "babinsa"):
            values[key] = _list_from_text(key, raw)
        elif key == "follow_up":
            action = clean_text(raw, multiline=True, field="follow_up")
            values["follow_up"] = {"action": action, "status": "open"} if action else None
        elif key in ("kind", "village_kind", "situation"):
            values[key] = _word_from_text(key, raw)
        elif key == "summary":
            values["summary"] = clean_text(raw, multiline=True, field="summary")
        elif key in ("koramil", "kodim"):
            from .model import check_unit

            values[key] = check_unit(raw, key.capitalize()) or None
        elif key in ONE_LINE_FIELDS:
            values[key] = clean_text(raw, field=key)
        else:
            raise InvalidInput(tn("field.unknown", 1, fields=key))
    return values


def _list_from_text(key: str, raw: Iterable[str]) -> list[Any]:
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


def apply_profile(values: dict[str, Any], profile: Mapping[str, Any]) -> dict[str, Any]:
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
    values: dict[str, Any], ask: Prompt | None, refused: Callable[[str], None] | None = None
) -> dict[str, Any]:
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
    values: dict[str, Any],
    *,
    ask: Prompt | None = None,
    refused: Callable[[str], None] | None = None,
    today: date | None = None,
    resolve_place: Callable[[dict[str, Any], Mapping[str, Any]], dict[str, Any]] | None = None,
    confirm: Callable[[dict[str, Any]], bool] | None = None,
) -> dict[str, Any]:
    """Validate and store one new entry; return it as stored.

    Nothing is written unless the entry is complete and valid (and `confirm`, shown the entry,
    says yes: else Cancelled). `ask` and `refused`: see `complete_required`.
    """
    profile = store.profile()
    merged = apply_profile(values, profile)
    if not merged.get("kodim"):
        from .model import kodim_of

        merged["kodim"] = kodim_of(merged.get("koramil"))  # `Koramil 0727-03/...` names its Kodim
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


def resolve_prefix(entries: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
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


def get(store: Store, prefix: str) -> dict[str, Any]:
    return store.find(prefix)


def version_count(store: Store, entry_id: str) -> int:
    """How many earlier versions of the entry its history keeps."""
    return len(store.history(entry_id))


def stream_entries(store: Store, criteria: Criteria | None = None) -> Iterator[dict[str, Any]]:
    """The entries the criteria select, unsorted, one at a time (cheaper than `list_entries`)."""
    return iter(store.stream(criteria or Criteria()))


PLACE_FIELDS = ("village", "kecamatan", "kabupaten", "province")
AREA_FIELDS = ("kecamatan", "kabupaten", "province")


def edit(
    store: Store,
    prefix: str,
    changes: dict[str, Any],
    *,
    resolve_place: Callable[[dict[str, Any], Mapping[str, Any]], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Change the given fields of one entry; the previous version goes to its history.

    When the place changes, `resolve_place(values, defaults)` checks it before the store is
    locked (it may ask the user); `defaults` are the entry's area fields not being changed.
    """
    if not changes:
        raise InvalidInput(t("edit.nothing"))
    unknown = set(changes) - set(USER_FIELDS)
    if unknown:
        raise InvalidInput(tn("field.unknown", len(unknown), fields=", ".join(sorted(unknown))))
    place: dict[str, Any] = {}
    if resolve_place is not None and any(key in changes for key in PLACE_FIELDS):
        current = store.find(prefix)
        defaults = {key: current[key] for key in AREA_FIELDS if key not in changes and current.get(key)}
        resolved = resolve_place({**current, **changes}, defaults)
        place = {key: resolved.get(key) for key in (*PLACE_FIELDS, "place_matched")}
        prefix = current["id"]
    with store.transaction() as transaction:
        current = transaction.find(prefix)
        updated = {**current, **changes, **place, "updated_at": later_than(current["updated_at"])}
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


def delete(store: Store, entry_id: str) -> dict[str, Any]:
    """Remove the entry with exactly this id (resolve a prefix with `get` first)."""
    with store.transaction() as transaction:
        entry = transaction.find(entry_id)
        transaction.remove(entry["id"])
    return entry


def list_entries(store: Store, criteria: Criteria) -> list[dict[str, Any]]:
    """The entries the criteria select, newest first (selected by the store: in SQL for a hub)."""
    return store.select(criteria)


def count_entries(store: Store) -> int:
    """How many entries the store holds."""
    return store.count(Criteria())


def record_many(
    store: Store,
    named: list[tuple[str, dict[str, Any]]],
    skipped: Callable[[str, dict[str, Any]], None],
    likely: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Add new entries (each named by where it came from) in one transaction, all or nothing.

    One already stored from the same report (same date and text: `narrative.duplicate_of`),
    or twice among these, is not added: `skipped(name, twin)` is told instead. One that is
    likely the same activity as another of that day (`duplicates.reasons`) is added, and
    `likely(entry, other)` told.
    """
    from .duplicates import twins_of
    from .narrative import duplicate_of

    fresh: list[dict[str, Any]] = []
    with store.transaction() as transaction:
        same_day: dict[str, list[dict[str, Any]]] = {}
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
    options: Mapping[str, Any],
    *,
    replace_villages: bool = True,
    check: PlaceCheck | None = None,
) -> dict[str, Any]:
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
            if key == "babinsa":
                profile["babinsa"] = parse_babinsa(raw)
            elif key == "villages":
                villages = [clean_text(v, field="village") for v in raw]
                kept = [] if replace_villages else list(profile.get("villages", []))
                profile["villages"] = kept + [v for v in villages if v and v not in kept]
            elif key == "require_signed":  # import refuses unsigned files (docs/trust.md)
                profile[key] = bool(raw)
            elif key in ("koramil", "kodim"):
                from .model import check_unit

                profile[key] = check_unit(raw, key.capitalize()) or None
            elif key in PROFILE_FIELDS:
                profile[key] = clean_text(raw, field=key) or None
            else:
                raise InvalidInput(tn("field.unknown", 1, fields=key))
        transaction.set_profile(profile)
    return profile


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
