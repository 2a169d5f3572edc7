"""What a Babinsa does with entries: record, find, edit, delete, list; and the profile.

Callable without the CLI: every function takes a `Store` and plain values and
returns data. The CLI parses options into the `values` dicts used here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
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
from .names import area_key
from .query import Criteria

if TYPE_CHECKING:
    from .places import Place
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
        elif key == "babinsa":
            values["babinsa"] = [parse_babinsa(person) for person in raw]
        elif key == "topics":
            values["topics"] = [normalize_topic(topic) for topic in raw]
        elif key in ("counterparts", "findings"):
            # Each item may be as long as validate_entry allows (LIMIT_ITEM), not a one-line field's 200.
            values[key] = [clean_text(item, multiline=key == "findings", field=key, limit=LIMIT_ITEM) for item in raw]
        elif key == "follow_up":
            action = clean_text(raw, multiline=True, field="follow_up")
            values["follow_up"] = {"action": action, "status": "open"} if action else None
        elif key == "kind":
            from .model import KINDS

            values["kind"] = choice(raw, KINDS, "kind")
        elif key == "village_kind":
            from .model import VILLAGE_KINDS

            # Checked here, before the village is looked up (which may ask, or fail on its own).
            values["village_kind"] = choice(raw, VILLAGE_KINDS, "village_kind") if raw.strip() else None
        elif key == "situation":
            from .model import SITUATIONS

            values["situation"] = choice(raw, SITUATIONS, "situation")
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


def history(store: Store, prefix: str) -> list[dict[str, Any]]:
    entry = get(store, prefix)
    return store.history(entry["id"])


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


# --- places: villages checked against the gazetteer (komsos_cli/places.py) --------------------

# Ask the user `question` and to pick one of `labels`: the index picked, or None to keep
# what they typed (offered, as `keep_label`, only when that is not None). Terminal only.
Choose = Callable[[str, list[str], "str | None"], "int | None"]
MAX_LISTED = 10
SUGGESTIONS = 3


@dataclass
class PlaceCheck:
    """How record, edit and profile set treat a place against the gazetteer.

    One match: the official spelling is kept and the area completed. Several: `choose`
    picks one, else InvalidInput listing them. None: `strict` refuses; else `choose` may pick
    a suggestion or keep what was typed; without `choose` it is kept, with a warning.
    Warnings (one line each) are collected in `warnings` for the caller to show.
    """

    strict: bool = False
    choose: Choose | None = None
    warnings: list[str] = dataclass_field(default_factory=list)
    # Asks a yes/no question (terminal only): may the profile's villages that a new area no
    # longer holds be taken out? Without it that change is refused.
    confirm: Callable[[str], bool] | None = None

    def __call__(self, values: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
        return self.entry(values, defaults)

    def entry(self, values: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
        """`values` with its village matched; `defaults` (the profile on record, the entry's
        unchanged area on edit) are area values that may give way to the gazetteer's."""
        village = values.get("village")
        if not village:
            return values
        area = {key: values[key] for key in AREA_FIELDS if values.get(key)}
        firm = {key: value for key, value in area.items() if defaults.get(key) != value}
        from .model import koramil_place

        # A Koramil is named after its kecamatan: `Koramil 03/Kebakkramat` narrows a common name.
        hint = None if area.get("kecamatan") else koramil_place(values.get("koramil") or defaults.get("koramil"))
        place = self.village(village, area, firm, hint)
        result = dict(values)
        if place is None:
            result["place_matched"] = False
            return result
        result.update(
            village=place.village,
            kecamatan=place.kecamatan,
            kabupaten=place.kabupaten,
            province=place.province,
            place_matched=True,
        )
        return result

    def village(
        self, typed: str, area: Mapping[str, str], firm: Mapping[str, str], hint: str | None = None
    ) -> Place | None:
        """The one place `typed` names within `area` (or `firm` only, when `area` holds none);
        `hint`, the kecamatan the Koramil is named after, chooses among several."""
        from . import places

        matches = places.find_villages(typed, **area)
        if not matches and len(firm) < len(area):
            matches = places.find_villages(typed, **firm)
        if len(matches) > 1 and hint:
            matches = [place for place in matches if area_key(place.kecamatan) == area_key(hint)] or matches
        if not matches and not (area and places.find_villages(typed)):
            # as a clerk would still find it: another usual spelling, or the start of its official name
            # (not when the name as typed is a village elsewhere: that is said below)
            matches = places.find_villages_loosely(typed, **area)
            if len(matches) == 1:
                self.warnings.append(t("places.read_as", typed=typed, place=matches[0].describe()))
        if len(matches) == 1:
            return matches[0]
        if matches:
            return matches[self._pick_one(typed, [p.describe() for p in matches], "places.ambiguous")]
        scope = firm or area
        suggestions = places.suggest_villages(
            typed, kecamatan=scope.get("kecamatan"), kabupaten=scope.get("kabupaten"), limit=SUGGESTIONS
        )
        # A village the gazetteer has, only not in the area given: say so, not "not in the gazetteer".
        where = ", ".join(area[key] for key in AREA_FIELDS if area.get(key))
        elsewhere = where if area and places.find_villages(typed) else None
        picked = self._unmatched(typed, [p.describe() for p in suggestions], _papua_note(area), elsewhere)
        return None if picked is None else suggestions[picked]

    def _pick_one(self, typed: str, labels: list[str], key: str) -> int:
        if self.choose is not None:
            picked = self.choose(t(f"{key}.question", typed=typed), labels, None)
            if picked is not None:
                return picked
        listed = "; ".join(labels[:MAX_LISTED])
        if len(labels) > MAX_LISTED:
            listed += t("places.more", count=len(labels) - MAX_LISTED)
        raise InvalidInput(t(key, typed=typed, count=len(labels), candidates=listed))

    def _unmatched(self, typed: str, suggestions: list[str], note: str, area: str | None = None) -> int | None:
        """`area`: where the gazetteer does not have `typed` though it has it elsewhere."""
        hint = t("places.did_you_mean", suggestions="; ".join(suggestions)) if suggestions else ""
        unknown = "places.unknown" if area is None else "places.unknown.in_area"
        if self.strict:
            raise InvalidInput(t(f"{unknown}.strict", typed=typed, area=area) + hint + note)
        if self.choose is not None and suggestions:
            keep = t("places.choose.keep", typed=typed)
            return self.choose(t("places.unknown.question", typed=typed), suggestions, keep)
        self.warnings.append(t(f"{unknown}.kept", typed=typed, area=area) + hint + note)
        return None

    def profile(self, options: Mapping[str, Any], profile: Mapping[str, Any]) -> dict[str, Any]:
        """Profile options with kabupaten, kecamatan and villages matched (None = not given)."""
        from . import places

        result = dict(options)
        if options.get("kabupaten"):
            typed = options["kabupaten"]
            found = places.find_kabupaten(typed)
            if options.get("province"):
                found = [f for f in found if area_key(f[1]) == area_key(options["province"])] or found
            if len(found) > 1:
                found = [found[self._pick_one(typed, [f"{k}, {p}" for k, p in found], "places.kabupaten_ambiguous")]]
            if not found:
                close = places.suggest_kabupaten(typed)
                picked = self._unmatched(typed, [f"{k}, {p}" for k, p in close], _papua_note(options))
                found = [] if picked is None else [close[picked]]
            if found:
                result["kabupaten"], result["province"] = found[0]
        kabupaten = result.get("kabupaten") or profile.get("kabupaten")
        if options.get("kecamatan"):
            typed = options["kecamatan"]
            kecamatan = places.find_kecamatan(typed, kabupaten=kabupaten)
            if not kecamatan and kabupaten and not options.get("kabupaten"):
                kecamatan = places.find_kecamatan(typed)
            if len(kecamatan) > 1:
                labels = [f"{k}, {kab}, {p}" for k, kab, p in kecamatan]
                kecamatan = [kecamatan[self._pick_one(typed, labels, "places.kecamatan_ambiguous")]]
            if not kecamatan:
                near = places.suggest_kecamatan(typed, kabupaten=kabupaten)
                picked = self._unmatched(typed, [f"{k}, {kab}, {p}" for k, kab, p in near], _papua_note(result))
                kecamatan = [] if picked is None else [near[picked]]
            if kecamatan:
                result["kecamatan"], result["kabupaten"], result["province"] = kecamatan[0]
        if options.get("villages"):
            known = {key: result.get(key) or profile.get(key) for key in AREA_FIELDS}
            area: dict[str, str] = {key: str(value) for key, value in known.items() if value}
            firm = {key: value for key, value in area.items() if options.get(key)}
            matched: list[Place] = []
            names: list[str] = []
            for typed in options["villages"]:
                place = self.village(typed, area, firm)
                names.append(place.village if place else typed)
                if place:
                    matched.append(place)
            result["villages"] = names
            if matched and not (result.get("kecamatan") or profile.get("kecamatan")):
                for key in AREA_FIELDS:
                    if len({getattr(place, key) for place in matched}) == 1 and not options.get(key):
                        result[key] = getattr(matched[0], key)
        elif options.get("kabupaten") or options.get("kecamatan"):
            self._keep_villages_in_area(result, profile)
        return result

    def _keep_villages_in_area(self, result: dict[str, Any], profile: Mapping[str, Any]) -> None:
        """A new kabupaten or kecamatan that no longer holds the profile's villages would leave a
        profile that breaks the next `record`: said, then asked (taken out on yes) or refused."""
        from . import places
        from .errors import Cancelled

        villages = [str(v) for v in profile.get("villages") or []]
        area = {key: str(result.get(key) or profile.get(key) or "") or None for key in ("kecamatan", "kabupaten")}
        if not villages or not any(area.values()):
            return
        try:
            # a new kabupaten: the old kecamatan counts only if the new kabupaten holds it
            old_kecamatan = area["kecamatan"] if "kabupaten" in result and "kecamatan" not in result else None
            if old_kecamatan and not places.find_kecamatan(old_kecamatan, kabupaten=area["kabupaten"]):
                area["kecamatan"] = None
            outside = [v for v in villages if not places.find_villages(v, **area)]
        except (InvalidInput, LookupError, ValueError, OSError):
            return
        if not outside:
            return
        where = ", ".join(value for value in (area["kecamatan"], area["kabupaten"]) if value)
        said = {"where": where, "villages": ", ".join(outside), "count": len(outside)}
        if self.confirm is None:
            raise InvalidInput(t("profile.villages_outside", **said))
        if not self.confirm(t("profile.villages_outside.question", **said)):
            raise Cancelled(t("profile.villages_outside.kept"))
        result["villages"] = [v for v in villages if v not in outside]


def _papua_note(area: Mapping[str, Any]) -> str:
    """A note that the gazetteer predates the 2022 Papua provinces, when the place is there."""
    from . import places

    if places.is_new_papua_province(area.get("province")) or places.is_new_papua_kabupaten(area.get("kabupaten")):
        return t("places.papua")
    return ""


__all__ = [
    "PROFILE_FIELDS",
    "REQUIRED",
    "PlaceCheck",
    "apply_profile",
    "complete_required",
    "count_entries",
    "delete",
    "edit",
    "get",
    "history",
    "later_than",
    "list_entries",
    "record",
    "record_many",
    "resolve_prefix",
    "set_profile",
    "values_from_text",
]
