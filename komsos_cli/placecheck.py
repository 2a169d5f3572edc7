"""How record, edit and profile set treat a place against the gazetteer (komsos_cli/places.py):
the policy `PlaceCheck`, which may ask the user through the `choose` it is given. Pure of any CLI."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING

from .entries import AREA_FIELDS
from .errors import InvalidInput
from .messages import t, tn
from .names import area_key

if TYPE_CHECKING:
    from .places import Place

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

    def __call__(self, values: dict[str, object], defaults: Mapping[str, object]) -> dict[str, object]:
        return self.entry(values, defaults)

    def entry(self, values: dict[str, object], defaults: Mapping[str, object]) -> dict[str, object]:
        """`values` with its village matched; `defaults` (the profile on record, the entry's
        unchanged area on edit) are area values that may give way to the gazetteer's."""
        village = values.get("village")
        if not village or not isinstance(village, str):
            return values
        area: dict[str, str] = {key: value for key in AREA_FIELDS if (value := _text(values.get(key)))}
        firm = {key: value for key, value in area.items() if defaults.get(key) != value}
        from .model import koramil_place

        # A Koramil is named after its kecamatan: `Koramil 03/Kebakkramat` narrows a common name.
        koramil = _text(values.get("koramil") or defaults.get("koramil"))
        hint = None if area.get("kecamatan") else koramil_place(koramil)
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

    def profile(self, options: Mapping[str, object], profile: Mapping[str, object]) -> dict[str, object]:
        """Profile options with kabupaten, kecamatan and villages matched (None = not given)."""

        result = dict(options)
        dropped: str | None = None
        if kabupaten := _text(options.get("kabupaten")):
            self._profile_kabupaten(kabupaten, options, result)
            if not options.get("kecamatan"):
                dropped = self._drop_kecamatan_outside(result, profile)
        if kecamatan := _text(options.get("kecamatan")):
            self._profile_kecamatan(kecamatan, options, profile, result)
        if options.get("villages"):
            known = {key: _now(key, result, profile) for key in AREA_FIELDS}
            area: dict[str, str] = {key: str(value) for key, value in known.items() if value}
            firm = {key: value for key, value in area.items() if options.get(key)}
            matched: list[Place] = []
            names: list[str] = []
            for typed in _texts(options["villages"]):
                place = self.village(typed, area, firm)
                names.append(place.village if place else typed)
                if place:
                    matched.append(place)
            result["villages"] = names
            if matched and not _now("kecamatan", result, profile):
                for key in AREA_FIELDS:
                    if len({getattr(place, key) for place in matched}) == 1 and not options.get(key):
                        result[key] = getattr(matched[0], key)
        elif options.get("kabupaten") or options.get("kecamatan"):
            self._keep_villages_in_area(result, profile)
        if dropped and not result.get("kecamatan"):  # the villages given did not name the new one
            self.warnings.append(t("profile.kecamatan_outside", kecamatan=dropped, kabupaten=result["kabupaten"]))
        return result

    def _drop_kecamatan_outside(self, result: dict[str, object], profile: Mapping[str, object]) -> str | None:
        """A new kabupaten that does not hold the profile's kecamatan: the kecamatan is taken out (it
        would otherwise narrow the next `record` to a place that is not there); the one taken out."""
        from . import places

        old, new = _text(profile.get("kecamatan")), _text(result.get("kabupaten"))
        if not old or not new or area_key(new) == area_key(_text(profile.get("kabupaten")) or ""):
            return None
        try:
            if not places.find_kabupaten(new) or places.find_kecamatan(old, kabupaten=new):
                return None  # a kabupaten the gazetteer lacks (nothing to tell by), or one that holds it
        except (InvalidInput, LookupError, ValueError, OSError):
            return None
        result["kecamatan"] = ""
        return old

    def _profile_kabupaten(self, typed: str, options: Mapping[str, object], result: dict[str, object]) -> None:
        """`profile set --kabupaten`: the one the gazetteer has (asked among several), with its province."""
        from . import places

        found = places.find_kabupaten(typed)
        if province := _text(options.get("province")):
            found = [f for f in found if area_key(f[1]) == area_key(province)] or found
        if len(found) > 1:
            found = [found[self._pick_one(typed, [f"{k}, {p}" for k, p in found], "places.kabupaten_ambiguous")]]
        if not found:
            close = places.suggest_kabupaten(typed)
            picked = self._unmatched(typed, [f"{k}, {p}" for k, p in close], _papua_note(options))
            found = [] if picked is None else [close[picked]]
        if found:
            result["kabupaten"], result["province"] = found[0]

    def _profile_kecamatan(
        self, typed: str, options: Mapping[str, object], profile: Mapping[str, object], result: dict[str, object]
    ) -> None:
        """`profile set --kecamatan`: the one the gazetteer has within the kabupaten (the new or the
        profile's; elsewhere too when the profile's holds none), with its kabupaten and province."""
        from . import places

        kabupaten = _text(result.get("kabupaten") or profile.get("kabupaten"))
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

    def _keep_villages_in_area(self, result: dict[str, object], profile: Mapping[str, object]) -> None:
        """A new kabupaten or kecamatan that no longer holds the profile's villages would leave a
        profile that breaks the next `record`: said, then asked (taken out on yes) or refused."""
        from . import places
        from .errors import Cancelled

        villages = _texts(profile.get("villages"))
        area = {key: str(_now(key, result, profile) or "") or None for key in ("kecamatan", "kabupaten")}
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
            raise InvalidInput(tn("profile.villages_outside", len(outside), **said))
        if not self.confirm(tn("profile.villages_outside.question", len(outside), **said)):
            raise Cancelled(t("profile.villages_outside.kept"))
        result["villages"] = [v for v in villages if v not in outside]


def _now(key: str, result: Mapping[str, object], profile: Mapping[str, object]) -> object:
    """A place field as the profile will have it: the new value when one is set (even empty: taken
    out), else the profile's."""
    return result[key] if key in result else profile.get(key)


def _papua_note(area: Mapping[str, object]) -> str:
    """A note that the gazetteer predates the 2022 Papua provinces, when the place is there."""
    from . import places

    province, kabupaten = _text(area.get("province")), _text(area.get("kabupaten"))
    if places.is_new_papua_province(province) or places.is_new_papua_kabupaten(kabupaten):
        return t("places.papua")
    return ""


def _text(value: object) -> str | None:
    """A value given for a place (text, or None when not given)."""
    return value if isinstance(value, str) else None


def _texts(value: object) -> list[str]:
    """The villages given or on record, as texts."""
    return [str(item) for item in value] if isinstance(value, list | tuple) else []
