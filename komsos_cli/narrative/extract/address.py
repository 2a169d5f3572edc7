"""The address: the village, kecamatan, kabupaten and province a report names, chosen among the places
found (places.py), checked against the gazetteer when one is given, and the kabupaten filled from the
dateline or the gazetteer when the text does not write it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import InvalidInput
from ...messages import t
from ...names import AREA_ABBREVIATIONS, area_key, fold
from .dateline import dateline_place
from .places import (
    _KABUPATEN_LOWER_RE,
    _KABUPATEN_RE,
    _KECAMATAN_ANY_RE,
    _PLACE_STOP,
    _PROVINCE_AFTER,
    _PROVINCE_AFTER_ANY_CASE,
    _PROVINCE_RE,
    _PROVINCE_SPELLING,
    _VILLAGE_ANY_RE,
    _VILLAGE_KINDS,
    _VILLAGE_NAME_STOP,
    _WEEKDAYS,
    KabupatenFinder,
    VillageFinder,
    _hamlets,
    _kecamatan_name,
    _Place,
    _places,
)
from .text import _PLACE_TOKEN, _take_tokens


def _expand_kabupaten(find_kabupaten: KabupatenFinder | None, name: str) -> str:
    """`Inhu` -> `Indragiri Hulu`, `Tanjab Barat` -> `Tanjung Jabung Barat`: a short form the gazetteer
    knows (names.AREA_ABBREVIATIONS), in the gazetteer's spelling; without the gazetteer, as written."""
    if find_kabupaten is None or re.sub(r"\W", "", fold(name)) not in AREA_ABBREVIATIONS:
        return name
    try:
        found = {str(item[0]) for item in find_kabupaten(name)}
    except (InvalidInput, LookupError, ValueError, OSError):
        return name
    return found.pop().removeprefix("Kota Adm. ") if len(found) == 1 else name


def _known_kabupaten(find_kabupaten: KabupatenFinder, written: str) -> str | None:
    """The gazetteer's name of a kabupaten/kota written as `written` (`Binjai` -> `Kota Binjai`,
    `Abdya` -> `Aceh Barat Daya`), the written form when it is ambiguous; None when unknown."""
    found = find_kabupaten(written)
    if not found:
        return None
    names = {str(item[0]) for item in found}
    if len(names) != 1:
        return written
    name = names.pop()
    if name.startswith("Kota Adm. "):
        return name.removeprefix("Kota Adm. ")
    return name


def _kabupaten_after(text: str, kecamatans: list[_Place], kecamatan: str | None) -> str | None:
    """A kabupaten written without the word after the kecamatan: `Kec. Senyerang, Tanjab Barat, Sabtu`."""
    for place in kecamatans:
        if kecamatan is None or fold(place.name) != fold(kecamatan):
            continue
        gap = re.match(r"\s*,\s*", text[place.end :])
        if not gap:
            continue
        name, _ = _take_tokens(text, place.end + gap.end(), _PLACE_TOKEN, _PLACE_STOP, 3, soft=_WEEKDAYS)
        if name:
            return name
    return None


def _following(text: str, items: list[_Place], end: int, gap: int = 4) -> _Place | None:
    """The item that follows `end` with only spaces and commas between."""
    for item in items:
        if end <= item.start <= end + gap and re.fullmatch(r"[ ,]*", text[end : item.start]):
            return item
    return None


def _address(
    text: str,
    villages: list[_Place],
    kecamatans: list[_Place],
    kabupatens: list[_Place],
    provinces: list[_Place],
    caseless_text: bool = False,
) -> tuple[_Place | None, str | None, str | None, str | None]:
    """The village with the fullest address chain `Desa X, Kecamatan Y, Kabupaten Z`."""
    best: tuple[int, int, int] | None = None
    chosen: tuple[_Place | None, _Place | None, _Place | None, _Place | None] = (None, None, None, None)
    counts: dict[str, int] = {}
    for candidate in villages:
        counts[fold(candidate.name)] = counts.get(fold(candidate.name), 0) + 1
    for index, candidate in enumerate(villages):
        kec = _following(text, kecamatans, candidate.end)
        kab = _following(text, kabupatens, kec.end if kec else candidate.end)
        prov = _following(text, provinces, (kab or kec or candidate).end)
        score = (sum(x is not None for x in (kec, kab, prov)), counts[fold(candidate.name)], -index)
        if best is None or score > best:
            best = score
            chosen = (candidate, kec, kab, prov)
    village, kec, kab, prov = chosen
    # area names stated elsewhere ("wilayah Kecamatan Medang Deras", "Kab. Sukoharjo")
    if kec is None and kecamatans:
        kec = _most_common(kecamatans)
    if kab is None and kabupatens:
        kab = _most_common([k for k in kabupatens if k.kind.lower() != "kota"] or kabupatens)
    if prov is None and provinces:
        prov = provinces[0]
    if prov is None and kab is not None:
        kab, prov = _province_after(text, kab, caseless_text or kab.name.islower())
    return (
        village,
        kec.name if kec else None,
        _kabupaten_name(kab) if kab else None,
        prov.name if prov else None,
    )


def _province_after(text: str, kab: _Place, caseless_text: bool = False) -> tuple[_Place, _Place | None]:
    """`Kabupaten Sarmi, Papua`, `Kabupaten Kampar. Riau.`, `Kabupaten Indragiri hulu Riau`: the province
    named right after the kabupaten. (One read into the kabupaten's name stays there: `Kota Bandar Lampung`.)"""
    match = _PROVINCE_AFTER.match(text, kab.end)
    if caseless_text and not match:
        match = _PROVINCE_AFTER_ANY_CASE.match(text, kab.end)
    if match and not re.match(r"\s*[A-Z]", text[match.end() :]):
        spelled = _PROVINCE_SPELLING[match.group(1).lower()]
        return kab, _Place("", spelled, match.start(1), match.end())
    return kab, None


def _kabupaten_name(place: _Place) -> str:
    return f"Kota {place.name}" if place.kind.lower() == "kota" else place.name


def _most_common(places: list[_Place]) -> _Place:
    counts: dict[str, int] = {}
    for place in places:
        counts[fold(place.name)] = counts.get(fold(place.name), 0) + 1
    return max(places, key=lambda p: (counts[fold(p.name)], -places.index(p)))


def _choose_hamlet(hamlets: list[_Place], village: _Place | None) -> str | None:
    if not hamlets:
        return None
    if village is not None:
        right_before = [h for h in hamlets if 0 <= village.start - h.end <= 3]
        if right_before:
            return right_before[-1].name
    named = [h for h in hamlets if not h.name.lower().startswith(("rt", "rw"))]
    return (named or hamlets)[0].name


def _kabupaten_of(find_villages: VillageFinder, village: str, kecamatan: str) -> str | None:
    """The kabupaten of a village and kecamatan the text names without one (a WhatsApp report to the
    Danramil rarely says it), when the gazetteer knows that pair in exactly one kabupaten."""
    try:
        found = find_villages(village, kecamatan=kecamatan)
    except (InvalidInput, LookupError, ValueError, OSError):
        return None
    names = {str(getattr(place, "kabupaten", "") or "") for place in found}
    if len(names) != 1 or not next(iter(names)):
        return None
    return names.pop().removeprefix("Kota Adm. ")


def _check_place(
    find_villages: VillageFinder,
    villages: list[_Place],
    village: _Place,
    kecamatan: str | None,
    kabupaten: str | None,
    notes: list[str],
    unit_kecamatan: str | None = None,
) -> tuple[_Place, str | None, str | None, bool]:
    """Prefer a village the gazetteer knows in the stated area; note one it does not know.

    Matched only when the gazetteer knows it in exactly one place: a name found in several is
    noted, never matched. Without a kecamatan in the text, `unit_kecamatan` (the one the Koramil
    is named after) chooses among several, and becomes the kecamatan."""
    try:
        several = None
        for candidate in [village, *(o for o in villages if fold(o.name) != fold(village.name))]:
            found = list(find_villages(candidate.name, kecamatan=kecamatan, kabupaten=kabupaten))
            if len(found) > 1 and kecamatan is None and unit_kecamatan:
                narrowed = [p for p in found if area_key(str(getattr(p, "kecamatan", ""))) == area_key(unit_kecamatan)]
                if len(narrowed) == 1:
                    return candidate, str(narrowed[0].kecamatan), kabupaten, True
            if len(found) == 1:
                return candidate, kecamatan, kabupaten, True
            if found and several is None:
                several = (candidate, len(found))
    except (InvalidInput, LookupError, ValueError, OSError):
        return village, kecamatan, kabupaten, False
    if several is not None:
        notes.append(t("parse.note.place_several", village=several[0].name, count=several[1]))
        return several[0], kecamatan, kabupaten, False
    notes.append(t("parse.note.place_unknown", village=village.name, area=kecamatan or kabupaten or "-"))
    return village, kecamatan, kabupaten, False


def _dateline_kabupaten(
    text: str,
    find_kabupaten: KabupatenFinder,
    find_villages: VillageFinder | None,
    village: _Place | None,
    kecamatan: str | None,
) -> str | None:
    """The dateline (`Asahan | ...`) as the kabupaten, when the gazetteer knows it as one and does not
    place the village elsewhere."""
    place = dateline_place(text)
    if not place:
        return None
    try:
        known = _known_kabupaten(find_kabupaten, place)
        if known is None:
            return None
        if village is not None and find_villages is not None:
            anywhere = find_villages(village.name, kecamatan=kecamatan)
            if anywhere and not find_villages(village.name, kecamatan=kecamatan, kabupaten=place):
                return None
    except (InvalidInput, LookupError, ValueError, OSError):
        return None
    return known


@dataclass
class Address:
    """The address of the activity, and where the area and hamlet words stand (a venue stops there)."""

    village: _Place | None
    village_kind: str | None
    hamlet: str | None
    kecamatan: str | None
    kabupaten: str | None
    province: str | None
    place_matched: bool
    area_starts: list[int]
    hamlet_starts: list[int]


def find_address(
    text: str,
    body_end: int,
    blocked: list[tuple[int, int]],
    *,
    caseless_text: bool,
    find_villages: VillageFinder | None,
    find_kabupaten: KabupatenFinder | None,
    notes: list[str],
    unit_kecamatan: str | None = None,
) -> Address:
    """The places named in `text[:body_end]` outside the `blocked` spans (units), chained into one address,
    checked against the gazetteer's finders when given."""
    body = text[:body_end]
    villages = _places(body, _VILLAGE_ANY_RE, blocked, stop=_VILLAGE_NAME_STOP, lowercase=True)
    kecamatans = [_kecamatan_name(p) for p in _places(body, _KECAMATAN_ANY_RE, blocked, 4, _VILLAGE_NAME_STOP, True)]
    kabupatens = _places(body, _KABUPATEN_RE, blocked, 3)
    kabupatens += _places(body, _KABUPATEN_LOWER_RE, blocked, 3, lowercase=True)
    kabupatens.sort(key=lambda place: place.start)
    provinces = _places(body, _PROVINCE_RE, blocked, 3)
    hamlets = _hamlets(body, blocked)

    village, kecamatan, kabupaten, province = _address(
        text, villages, kecamatans, kabupatens, provinces, caseless_text=caseless_text
    )
    place_matched = False
    if find_villages is not None and village is not None:
        village, kecamatan, kabupaten, place_matched = _check_place(
            find_villages, villages, village, kecamatan, kabupaten, notes, unit_kecamatan
        )
    if kabupaten is not None:
        kabupaten = _expand_kabupaten(find_kabupaten, kabupaten)
    if kabupaten is None and find_kabupaten is not None:
        after = _kabupaten_after(body, kecamatans, kecamatan)
        try:
            kabupaten = _known_kabupaten(find_kabupaten, after) if after else None
        except (InvalidInput, LookupError, ValueError, OSError):
            kabupaten = None
    if kabupaten is None and find_kabupaten is not None:
        kabupaten = _dateline_kabupaten(text, find_kabupaten, find_villages, village, kecamatan)
    if kabupaten is None and find_villages is not None and village is not None and kecamatan is not None:
        kabupaten = _kabupaten_of(find_villages, village.name, kecamatan)
    return Address(
        village,
        _VILLAGE_KINDS[village.kind.lower()] if village else None,
        _choose_hamlet(hamlets, village),
        kecamatan,
        kabupaten,
        province,
        place_matched,
        [place.start for place in villages + kecamatans + kabupatens],
        [place.start for place in hamlets],
    )
