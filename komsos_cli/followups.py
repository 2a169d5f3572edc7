"""Closing a follow-up: the one write of the summary area.

Listing open follow-ups is pure and lives in summary.py (`open_follow_ups`).
"""

from __future__ import annotations

from datetime import date

from .entries import later_than
from .errors import InvalidInput
from .messages import t
from .model import LIMIT_ITEM, Entry, clean_text, validate_entry
from .store.base import Store


def resolve_follow_up(store: Store, prefix: str, note: str, today: date) -> Entry:
    """Mark the open follow-up of one entry done, with `note` and `today`; return the entry as stored.

    The previous version goes to the entry's history; `updated_at` moves strictly forward.
    An entry without a follow-up, or one already done, is refused and nothing is written.
    """
    cleaned = clean_text(note, multiline=True, field="--note", limit=LIMIT_ITEM)
    if not cleaned:
        raise InvalidInput(t("resolve.empty_note"))
    with store.transaction() as transaction:
        current = transaction.find(prefix)
        follow = current.get("follow_up")
        if not follow:
            raise InvalidInput(t("resolve.none", id=current["id"][:8]))
        if follow.get("status") == "done":
            raise InvalidInput(t("resolve.already", id=current["id"][:8], day=follow.get("resolved_on") or "?"))
        updated: Entry = {
            **current,
            "follow_up": {
                "action": follow["action"],
                "status": "done",
                "resolved_on": today.isoformat(),
                "note": cleaned,
            },
            "updated_at": later_than(current["updated_at"]),
        }
        entry = validate_entry(updated)
        transaction.replace(entry)
    return entry


__all__ = ["resolve_follow_up"]
