"""An entry's versions: listed with what changed, one brought back (revert), a deletion undone.

Over the `Store` interface only (`history`, `deletions`, `transaction`), so a file store and a
hub behave alike. Version numbers count from 1, oldest first; the entry as it is now (when it
is not deleted) is the last.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

from .errors import InvalidInput, NotFound
from .messages import t
from .model import Entry

if TYPE_CHECKING:
    from .entries import Identified
    from .query import Criteria
    from .store import Store

# Fields a new version always changes: not "what changed".
_BOOKKEEPING = ("updated_at",)


class Version(TypedDict):
    """One version of an entry as `versions` (and `history --json`) gives it."""

    number: int  # from 1, oldest first
    at: str  # when it was made (a deletion: when it was deleted)
    event: str  # created, edited, current or deleted
    changed: dict[str, list[object]]  # {field: [before, after]} against the version before
    entry: Entry


class DeletedEntry(Entry):
    """An entry as it was when deleted, and when (`list --deleted`)."""

    deleted_at: str


def resolve(store: Store, prefix: str) -> tuple[str, Entry | None]:
    """The entry id `prefix` names, and the entry as it is now (None when it is deleted)."""
    try:
        entry = store.find(prefix)
        return entry["id"], entry
    except NotFound:
        from .entries import resolve_prefix

        deleted: list[Identified] = [{"id": entry_id} for entry_id in store.deletions()]
        return resolve_prefix(deleted, prefix)["id"], None


def versions(store: Store, prefix: str) -> list[Version]:
    """Every version of the entry, oldest first: {number, at, event, entry, changed}, where
    `changed` is {field: [before, after]} against the version before, and `event` is
    created, edited, current or deleted (the entry as it was when deleted)."""
    entry_id, current = resolve(store, prefix)
    found: list[tuple[str, str, Entry]] = []
    for item in store.history(entry_id):
        version = item["version"]
        if found and found[-1][2] == version:
            if item["action"] == "deleted":
                found[-1] = ("deleted", str(item["at"]), version)
            continue
        found.append(("deleted" if item["action"] == "deleted" else "edited", str(item["at"]), version))
    if current is not None and (not found or found[-1][2] != current):
        found.append(("current", current["updated_at"], current))
    result: list[Version] = []
    previous: Entry | None = None
    for number, (event, at, version) in enumerate(found, start=1):
        changed = {} if previous is None else diff(previous, version)
        when = version.get("updated_at") if event != "deleted" else at
        result.append(
            {
                "number": number,
                "at": when,
                "event": "created" if previous is None and event == "edited" else event,
                "changed": changed,
                "entry": version,
            }
        )
        previous = version
    return result


def diff(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, list[object]]:
    """{field: [before, after]} for each field that differs (bookkeeping fields aside)."""
    keys = [key for key in {**before, **after} if key not in _BOOKKEEPING]
    return {key: [before.get(key), after.get(key)] for key in keys if before.get(key) != after.get(key)}


def revert(store: Store, prefix: str, number: int) -> Entry:
    """Bring back version `number` as a new version (the current one goes to the history)."""
    from .entries import later_than
    from .model import validate_entry

    entry_id, current = resolve(store, prefix)
    if current is None:
        raise InvalidInput(t("revert.deleted", id=entry_id[:8]))
    listed = versions(store, entry_id)
    if not 1 <= number <= len(listed):
        raise InvalidInput(t("revert.no_version", id=entry_id[:8], number=number, count=len(listed)))
    with store.transaction() as transaction:
        now = transaction.find(entry_id)
        wanted: Entry = {**listed[number - 1]["entry"], "id": entry_id, "created_at": now["created_at"]}
        if diff(now, wanted) == {}:
            raise InvalidInput(t("revert.same", id=entry_id[:8], number=number))
        wanted["updated_at"] = later_than(now["updated_at"])
        entry = validate_entry(wanted)
        transaction.replace(entry)
    return entry


def undelete(store: Store, prefix: str) -> Entry:
    """Bring back a deleted entry as it was when deleted, as a version newer than the deletion
    (so an import holding an older copy does not delete it again); its history stays."""
    from .entries import later_than
    from .model import validate_entry

    entry_id, current = resolve(store, prefix)
    if current is not None:
        raise InvalidInput(t("undelete.not_deleted", id=entry_id[:8]))
    last = store.history(entry_id)[-1]
    when = max(str(last["at"]), str(last["version"]["updated_at"]))
    entry = validate_entry({**last["version"], "updated_at": later_than(when)})
    with store.transaction() as transaction:
        transaction.add(entry)
    return entry


def deleted_entries(store: Store, criteria: Criteria | None = None) -> list[DeletedEntry]:
    """The entries deleted here (as they were when deleted, with `deleted_at`), newest deletion first;
    with `criteria`, those it selects (its --limit: the N deleted last)."""
    listed: list[DeletedEntry] = []
    gone = store.deletions()
    alive = store.existing(gone)
    for entry_id, at in gone.items():
        if entry_id in alive:
            continue
        history = store.history(entry_id)
        if history:
            listed.append({**history[-1]["version"], "deleted_at": str(at)})
    listed.sort(key=lambda entry: entry["deleted_at"], reverse=True)
    if criteria is None:
        return listed
    from .query import entry_matcher

    matches = entry_matcher(criteria)
    return [entry for entry in listed if matches(entry)][: criteria.limit]
