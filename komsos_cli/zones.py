"""Indonesia's three time zones, and the one an entry's place is in.

WIB (UTC+7) is western Indonesia, WITA (UTC+8) central (Bali, Nusa Tenggara, South, East and North
Kalimantan, every Sulawesi province with Gorontalo), WIT (UTC+9) eastern (Maluku, Maluku Utara, the
Papua provinces). None of them keeps daylight saving time, so a fixed offset is exact (dateutil's
`tzoffset`; no time zone database needed). The store keeps UTC; `show` gives local time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from .names import area_key


@dataclass(frozen=True)
class Zone:
    name: str  # WIB, WITA, WIT
    hours: int  # ahead of UTC
    known: bool = True  # False: the province is unknown and WIB is assumed

    def tzinfo(self) -> tzinfo:
        from dateutil import tz

        offset: tzinfo = tz.tzoffset(self.name, self.hours * 3600)
        return offset


WIB = Zone("WIB", 7)
WITA = Zone("WITA", 8)
WIT = Zone("WIT", 9)
UNKNOWN = Zone("WIB", 7, known=False)

# Province keys (names.area_key: folded, abbreviations such as NTB, Kaltim, Sulsel, Malut spelled out).
_WITA_KEYS = frozenset(
    {"bali", "nusatenggarabarat", "nusatenggaratimur", "kalimantanselatan", "kalimantantimur", "kalimantanutara"}
)
_WITA_STARTS = ("sulawesi", "gorontalo")
_WIT_STARTS = ("maluku", "papua", "irianjaya")


def zone_of_province(province: str | None) -> Zone | None:
    """The zone of a province as written (`Kaltim`, `Prov. Sulawesi Selatan`); None when not given."""
    if not province or not province.strip():
        return None
    key = area_key(province)
    if key.startswith(_WIT_STARTS):
        return WIT
    if key in _WITA_KEYS or key.startswith(_WITA_STARTS):
        return WITA
    return WIB


def zone_of_entry(
    entry: Mapping[str, object], provinces_of_kabupaten: Callable[[str], list[str]] | None = None
) -> Zone:
    """The zone of the entry's place: its province; else the province of its kabupaten/kota in the
    gazetteer (`provinces_of_kabupaten`, e.g. places), when every kabupaten of that name lies in
    one zone; else UNKNOWN (WIB, marked as assumed)."""
    province = entry.get("province")
    found = zone_of_province(province if isinstance(province, str) else None)
    if found is not None:
        return found
    kabupaten = entry.get("kabupaten")
    if kabupaten and isinstance(kabupaten, str) and provinces_of_kabupaten is not None:
        zones = {zone_of_province(province) for province in provinces_of_kabupaten(kabupaten)}
        zones.discard(None)
        if len(zones) == 1:
            only = zones.pop()
            assert only is not None
            return only
    return UNKNOWN


def local_minute(stamp: str, zone: Zone) -> str:
    """`2025-01-11T10:00:00.000000+00:00` in `zone`, to the minute: `2025-01-11 17:00` (a stamp
    without an offset is UTC, as the store writes it; an unreadable one comes back as it is)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone.tzinfo()).strftime("%Y-%m-%d %H:%M")


def province_kabupaten_lookup(kabupaten: str) -> list[str]:
    """The provinces of every kabupaten/kota `kabupaten` can mean, in the gazetteer."""
    from .places import find_kabupaten

    return [province for _, province in find_kabupaten(kabupaten)]


__all__ = ["UNKNOWN", "WIB", "WIT", "WITA", "Zone", "local_minute", "province_kabupaten_lookup", "zone_of_entry"]
