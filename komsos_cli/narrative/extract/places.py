"""Places as written: the village, hamlet, kecamatan, kabupaten and province each report mention names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ...dates import WEEKDAY_SPELLINGS
from .people import _STOP_LOWER
from .text import _PLACE_TOKEN, _RANK_WORDS, _STOP_COMMON, _take_tokens

if TYPE_CHECKING:
    from ...places import Place


class VillageFinder(Protocol):
    """The gazetteer's `places.find_villages`: every village `name` can mean within the area given."""

    def __call__(self, name: str, *, kecamatan: str | None = None, kabupaten: str | None = None) -> Sequence[Place]: ...


# The gazetteer's `places.find_kabupaten`: (kabupaten, province) of every kabupaten/kota `name` can mean.
KabupatenFinder = Callable[[str], Sequence[tuple[str, str]]]


# --- places -------------------------------------------------------------------------

_VILLAGE_KINDS = {
    "desa": "Desa",
    "ds": "Desa",
    "kelurahan": "Kelurahan",
    "kel": "Kelurahan",
    "nagari": "Nagari",
    "gampong": "Gampong",
    "gp": "Gampong",
    "kampung": "Kampung",
    "kp": "Kampung",
}
# After the kind word: spaces, or (abbreviations of three letters or fewer only) a full stop: `Kel.Pasar`,
# `Kec. Gatak`; `di desa. Kedekatan ...` ends a sentence.
_AFTER_KIND = r"(?:\s+|(?<![A-Za-z]{4})\.\s*)"
_VILLAGE_RE = re.compile(r"(?i:\b(desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp)\b)" + _AFTER_KIND + r"(?=[A-Z])")
_KECAMATAN_RE = re.compile(r"(?i:\b(?:kecamatan|kec|kemantren|distrik)\b)" + _AFTER_KIND + r"(?=[A-Z])")
_VILLAGE_ANY_RE = re.compile(
    r"(?i:\b(desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp)\b)" + _AFTER_KIND + r"(?=[A-Za-z])"
)
_KECAMATAN_ANY_RE = re.compile(r"(?i:\b(?:kecamatan|kec|kemantren|distrik)\b)" + _AFTER_KIND + r"(?=[A-Za-z])")
_KABUPATEN_RE = re.compile(r"(?i:\b(kabupaten|kab|kota)\b)" + _AFTER_KIND + r"(?=[A-Z])")
# `kab cianjur hari Senin`: typed in lower case (not `kota`, a common word: `ke kota`)
_KABUPATEN_LOWER_RE = re.compile(r"(?i:\b(kabupaten|kab)\b)" + _AFTER_KIND + r"(?=[a-z])")
_PROVINCE_RE = re.compile(r"(?i:\b(?:provinsi|prov)\b)" + _AFTER_KIND + r"(?=[A-Z])")
_HAMLET_RE = re.compile(
    r"(?i:\b(dusun|dsn|dukuh|dk|lingkungan|ling|lk|jorong|banjar|rt\s*/\s*rw|rt|rw)\b)(?:\s*[.\-]\s*|\s+)"
    r"(?=\d|[IVX]+\b|[A-Za-z])"
)
# Lowercase words that belong to a place name as people type it: `Macar barat`, `Pasar belakang,`.
_DIRECTIONS = {"barat", "timur", "utara", "selatan", "tengah", "hulu", "hilir", "baru", "lama", "atas", "bawah"}
_AREA_WORDS = r"(?:desa|ds|kelurahan|kel|kecamatan|kec|kabupaten|kab|kota|dusun|nagari|kampung|kemantren|distrik)\b"
_WEEKDAYS = frozenset(names[0] for names in WEEKDAY_SPELLINGS) | {"ahad"}
_PLACE_STOP = frozenset(
    (_STOP_COMMON | _RANK_WORDS | {"binaan", "sekitar", "tahun", "bulan", "dalam", "tentang"})
    - {"sumber", "foto", "red"}
)
# A village may be named "Kampung Besar Kota" or "Kota Baru": only the area words end its name.
_VILLAGE_NAME_STOP = frozenset(_PLACE_STOP - {"kampung", "kota"})


@dataclass
class _Place:
    kind: str
    name: str
    start: int
    end: int


def _places(
    text: str,
    pattern: re.Pattern[str],
    blocked: list[tuple[int, int]],
    limit: int = 4,
    stop: frozenset[str] | None = None,
    lowercase: bool = False,
) -> list[_Place]:
    found: list[_Place] = []
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in blocked):
            continue
        if found and match.start() < found[-1].end:
            continue  # "Desa Kampung Besar Kota": a kind word inside a village's name
        name, end = _take_tokens(text, match.end(), _PLACE_TOKEN, stop or _PLACE_STOP, limit, soft=_WEEKDAYS)
        if name:
            name, end = _lowercase_tail(text, name, end)
        elif lowercase:
            name, end = _lowercase_name(text, match.end())
        if not name or name.isdigit():
            continue
        kind = match.group(1) if pattern.groups else ""
        found.append(_Place(kind or "", name, match.start(), end))
    return found


# What may follow a place name typed in lower case: the rest of the address, the date, the Babinsa.
_LOWER_PLACE_CLOSE = re.compile(
    r"\s*(?:[,.;]|$|(?i:"
    + _AREA_WORDS
    + r"|(?:hari|tanggal|tgl|pada|pukul|pkl|babinsa|koramil|kodim|"
    + "|".join(sorted(_WEEKDAYS | _RANK_WORDS, key=len, reverse=True))
    + r")\b))"
)


def _lowercase_name(text: str, pos: int) -> tuple[str, int]:
    """A place name typed all in lower case (`Desa meunasah sukon, Kecamatan lembah sabil`, `ds sukamaju kec
    cibeber`): the words up to the first that never belongs to a name, taken only when the address, the date
    or the Babinsa goes on right after them."""
    words: list[str] = []
    end = pos
    for word in re.finditer(r"([a-z][a-z\-]{2,})(?= |$|[^\w\-])", text[pos:]):
        value = word.group(1)
        if pos + word.start() != (end + 1 if words else pos) or len(words) == 3:
            break
        if (
            value in _PLACE_STOP
            or value in _STOP_LOWER
            or value.endswith("nya")
            or (not words and value in _DIRECTIONS)
        ):
            break
        if words and _PROVINCE_AHEAD.match(text, pos + word.start()):
            break  # `kab cianjur jawa barat`
        words.append(value)
        end = pos + word.end()
    if not words or not (_LOWER_PLACE_CLOSE.match(text, end) or _PROVINCE_AHEAD.match(text, end + 1)):
        return "", pos
    return " ".join(words), end


def _lowercase_tail(text: str, name: str, end: int) -> tuple[str, int]:
    """A place name typed with lowercase words: `Macar barat`, `Durin tonggal, Kecamatan ...`.

    A direction word always continues the name; another lowercase word only when the address goes
    on right after it (a comma, a full stop or the next area word).
    """
    for _ in range(2):
        word = re.match(r" ([a-z][a-z\-]{2,})\b", text[end:])
        if not word or word.group(1) in _PLACE_STOP or word.group(1) in _STOP_LOWER:
            break
        after = text[end + word.end() :]
        if word.group(1) in _DIRECTIONS or re.match(r"\s*(?:[,.;]|$|\(|" + _AREA_WORDS + ")", after, re.IGNORECASE):
            name, end = f"{name} {word.group(1)}", end + word.end()
        else:
            break
    return name, end


def _kecamatan_name(place: _Place) -> _Place:
    """`Kecamatan Sibolga Kota` keeps its `Kota`; `Kecamatan Tamansari Kota Jakarta Barat` does not."""
    words = place.name.split()
    if "Kota" in words[1:-1]:
        cut = words.index("Kota", 1)
        return _Place(place.kind, " ".join(words[:cut]), place.start, place.end)
    return place


def _hamlet_phrase(text: str, pos: int) -> tuple[str, int] | None:
    """`Dusun 2`, `Lingkungan I`, `Dk.Kauman Rt 03 Rw 04`, `RT 02/RW 05` starting at pos."""
    parts: list[str] = []
    cursor = pos
    while True:
        match = _HAMLET_RE.match(text, cursor)
        if not match:
            break
        word = re.sub(r"\s+", "", match.group(1).lower())
        rest = text[match.end() :]
        if word in ("rt", "rw", "rt/rw"):
            number = re.match(r"\d{1,3}(?:\s*/\s*(?:rw\.?\s*)?\d{1,3})?", rest, re.IGNORECASE)
            if not number:
                break
            value_end = match.end() + number.end()
        else:
            number = re.match(r"(?:\d{1,3}[A-Za-z]?|[IVX]+)\b", rest)
            if number:
                value_end = match.end() + number.end()
            else:
                name, value_end = _take_tokens(text, match.end(), _PLACE_TOKEN, _PLACE_STOP, 3)
                if name:
                    name, value_end = _lowercase_tail(text, name, value_end)
                else:
                    # `dusun sedati desa Kauman`: a lowercase name, when the village follows
                    lower = re.match(r"[a-z][a-z\-]*(?: [a-z][a-z\-]*){0,2}(?=[ ,]+(?i:desa|ds|kelurahan|kel)\b)", rest)
                    if not lower or any(w in _PLACE_STOP or w in _STOP_LOWER for w in lower.group().split()):
                        break
                    value_end = match.end() + lower.end()
        parts.append(text[cursor:value_end].strip(" ,"))
        gap = re.match(r"[ ,]*", text[value_end:])
        cursor = value_end + (gap.end() if gap else 0)
    if not parts:
        return None
    phrase = " ".join(parts)
    return phrase, pos + len(text[pos:cursor].rstrip(" ,"))


def _hamlets(text: str, blocked: list[tuple[int, int]]) -> list[_Place]:
    found: list[_Place] = []
    last_end = -1
    for match in _HAMLET_RE.finditer(text):
        if match.start() < last_end or any(start <= match.start() < end for start, end in blocked):
            continue
        word = match.group(1)
        if word.lower() in ("lingkungan", "ling") and not re.match(r"(?:\d|[IVX]+\b)", text[match.end() :]):
            # "lingkungan masyarakat", "keamanan Lingkungan Desa": the common word; a named
            # Lingkungan counts when the village follows (`Lingkungan Sangkaragung, Kelurahan ...`)
            name, name_end = _take_tokens(text, match.end(), _PLACE_TOKEN, _PLACE_STOP, 3)
            if not name or not re.match(r"[ ,]*(?i:kelurahan|kel|desa|ds)\b", text[name_end:]):
                continue
        phrase = _hamlet_phrase(text, match.start())
        if phrase and re.search(r"(?i)\bketua\s*$", text[max(0, match.start() - 12) : match.start()]):
            office = re.match(r"(?i)(?:rt|rw)[\s./]*\d{1,3}(?:[\s,/]*(?:rw|rt)?[\s.]*\d{1,3})*", text[match.start() :])
            last_end = match.start() + (office.end() if office else len(match.group()))
            continue  # "Ketua RT 02 RW 07": a person's office, not the place
        if phrase:
            found.append(_Place("hamlet", phrase[0], match.start(), phrase[1]))
            last_end = phrase[1]
    return found


# The provinces, as people write them, for an address that names one without the word Provinsi.
_PROVINCES = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
    "Bangka Belitung", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat",
    "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali", "NTB", "NTT", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
    "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
    "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Sulawesi Barat", "Gorontalo",
    "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah",
    "Papua Pegunungan",
)  # fmt: skip
_PROVINCE_AFTER = re.compile(
    r"[ \t]*[,.]?[ \t]*(" + "|".join(sorted((re.escape(n) for n in _PROVINCES), key=len, reverse=True)) + r")(?![\w])"
)
# The same in a text typed without capitals (`kab jeneponto sulawesi selatan.`).
_PROVINCE_AFTER_ANY_CASE = re.compile(_PROVINCE_AFTER.pattern, re.IGNORECASE)
_PROVINCE_SPELLING = {name.lower(): name for name in _PROVINCES}
# A province named right after a place typed in lower case ends that place's name.
_PROVINCE_AHEAD = re.compile(
    r"(?i)(?:" + "|".join(sorted((re.escape(n) for n in _PROVINCES), key=len, reverse=True)) + r")\b"
)
