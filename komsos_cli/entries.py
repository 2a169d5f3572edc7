"""What a Babinsa does with entries: record, find, edit, delete, list; and the profile.

Callable without the CLI: every function takes a `Store` and plain values and
returns data. The CLI parses options into the `values` dicts used here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .dates import parse_date, parse_time
from .errors import AmbiguousId, InvalidInput, MissingFields, NotFound
from .messages import t
from .model import (
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
from .query import Criteria, select
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
        if key == "date":
            values["date"] = parse_date(raw, today).isoformat()
        elif key == "time":
            values["time"] = parse_time(raw)
        elif key == "babinsa":
            values["babinsa"] = [parse_babinsa(person) for person in raw]
        elif key == "topics":
            values["topics"] = [normalize_topic(topic) for topic in raw]
        elif key in ("counterparts", "findings"):
            values[key] = [clean_text(item, multiline=key == "findings", field=key) for item in raw]
        elif key == "follow_up":
            action = clean_text(raw, multiline=True, field="follow_up")
            values["follow_up"] = {"action": action, "status": "open"} if action else None
        elif key == "kind":
            from .model import KINDS

            values["kind"] = choice(raw, KINDS, "kind")
        elif key == "situation":
            from .model import SITUATIONS

            values["situation"] = choice(raw, SITUATIONS, "situation")
        elif key == "summary":
            values["summary"] = clean_text(raw, multiline=True, field="summary")
        elif key in ONE_LINE_FIELDS or key == "village_kind":
            values[key] = clean_text(raw, field=key)
        else:
            raise InvalidInput(t("field.unknown", fields=key))
    return values


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


def complete_required(values: dict[str, Any], ask: Prompt | None) -> dict[str, Any]:
    """Ask for each missing required field (when `ask` is given), else MissingFields naming them all."""
    missing = missing_required(values)
    if not missing:
        return values
    if ask is None:
        raise MissingFields(t("field.required", fields=", ".join(missing)), missing)
    completed = dict(values)
    for field in missing:
        while True:
            answer = ask(field)
            try:
                if field == "babinsa":
                    completed["babinsa"] = [parse_babinsa(answer)]
                else:
                    completed[field] = clean_text(answer, multiline=field == "summary", field=field)
            except InvalidInput:
                continue
            if completed.get(field):
                break
    return completed


def record(
    store: Store,
    values: dict[str, Any],
    *,
    ask: Prompt | None = None,
    today: date | None = None,
    resolve_place: Callable[[dict[str, Any], Mapping[str, Any]], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Validate and store one new entry; return it as stored.

    Nothing is written unless the entry is complete and valid.
    """
    profile = store.profile()
    merged = apply_profile(values, profile)
    merged.setdefault("date", (today or date.today()).isoformat())
    merged = complete_required(merged, ask)
    if resolve_place is not None:
        merged = resolve_place(merged, profile)
    entry = validate_entry(merged)
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
    return resolve_prefix(store.entries(), prefix)


def history(store: Store, prefix: str) -> list[dict[str, Any]]:
    entry = get(store, prefix)
    return store.history(entry["id"])


def edit(
    store: Store,
    prefix: str,
    changes: dict[str, Any],
    *,
    resolve_place: Callable[[dict[str, Any], Mapping[str, Any]], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Change the given fields of one entry; the previous version goes to its history."""
    if not changes:
        raise InvalidInput(t("edit.nothing"))
    unknown = set(changes) - set(USER_FIELDS)
    if unknown:
        raise InvalidInput(t("field.unknown", fields=", ".join(sorted(unknown))))
    with store.transaction() as transaction:
        current = resolve_prefix(transaction.entries(), prefix)
        updated = {**current, **changes, "updated_at": _later_than(current["updated_at"])}
        if resolve_place is not None and any(
            key in changes for key in ("village", "kecamatan", "kabupaten", "province")
        ):
            updated = resolve_place(updated, transaction.profile())
        entry = validate_entry(updated)
        transaction.replace(entry)
    return entry


def _later_than(previous: str) -> str:
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
        entry = resolve_prefix(transaction.entries(), entry_id)
        transaction.remove(entry["id"])
    return entry


def list_entries(store: Store, criteria: Criteria) -> list[dict[str, Any]]:
    return select(store.entries(), criteria)


def set_profile(store: Store, options: Mapping[str, Any], *, replace_villages: bool = True) -> dict[str, Any]:
    """Update the profile with the options given (None = keep); returns the new profile."""
    with store.transaction() as transaction:
        profile = transaction.profile()
        for key, raw in options.items():
            if raw is None or (key == "villages" and not raw):
                continue
            if key == "babinsa":
                profile["babinsa"] = parse_babinsa(raw)
            elif key == "villages":
                villages = [clean_text(v, field="village") for v in raw]
                kept = [] if replace_villages else list(profile.get("villages", []))
                profile["villages"] = kept + [v for v in villages if v and v not in kept]
            elif key in ("koramil", "kodim"):
                from .model import normalize_unit

                profile[key] = normalize_unit(raw, key.capitalize()) or None
            elif key in PROFILE_FIELDS:
                profile[key] = clean_text(raw, field=key) or None
            else:
                raise InvalidInput(t("field.unknown", fields=key))
        transaction.set_profile(profile)
    return profile


__all__ = [
    "PROFILE_FIELDS",
    "REQUIRED",
    "apply_profile",
    "complete_required",
    "delete",
    "edit",
    "get",
    "history",
    "list_entries",
    "record",
    "resolve_prefix",
    "set_profile",
    "values_from_text",
]
