"""Read an Indonesian narrative Komsos report into entry fields. Pure: text in, data out.

The extractor reads the language of Kodim press releases and Babinsa messages, not
any one report: datelines (`Sukoharjo (16/01/23)`, `Asahan |`), dates with or
without a weekday, `pukul 09.00 WIB`, ranks + names (never the quoted Danramil or
Dandim, never police), Koramil/Kodim numbers in their many spellings, the address
chain `Desa X, Kecamatan Y, Kabupaten Z`, the venue, the people met, the activity
kinds (not those the text says did not happen), topics and the situation.

Everything here works on one string and returns an `Extraction`; the optional
`find_villages` (the gazetteer's, see komsos_cli/places.py) only checks places.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..dates import MONTH_NAMES_ID, parse_date, parse_time
from ..errors import InvalidInput
from ..messages import t
from ..model import KINDS, LIMIT_ITEMS, LIMIT_SUMMARY, RANK_BY_LOWER, RANKS, TOPICS, clean_text
from ..names import fold

# The fields the extractor looks for, in the order they are shown.
EXTRACTED_FIELDS = (
    "date",
    "time",
    "kind",
    "babinsa",
    "koramil",
    "kodim",
    "village",
    "village_kind",
    "hamlet",
    "kecamatan",
    "kabupaten",
    "province",
    "venue",
    "counterparts",
    "topics",
    "situation",
    "summary",
)

PlaceFinder = Callable[..., Sequence[Any]]


@dataclass
class Extraction:
    """What one report says. `fields` holds entry values (None / [] when not found)."""

    fields: dict[str, Any]
    activity_kinds: list[str] = field(default_factory=list)
    date_as_written: str | None = None
    place_matched: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> list[str]:
        return [key for key in EXTRACTED_FIELDS if _present(self.fields.get(key))]

    @property
    def missing(self) -> list[str]:
        return [key for key in EXTRACTED_FIELDS if not _present(self.fields.get(key))]


def _present(value: Any) -> bool:
    return value is not None and value != [] and value != ""


# --- text preparation -----------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
    }
)


def prepare(text: str) -> str:
    """NFC, one kind of apostrophe, plain spaces, unix newlines. Offsets below refer to this text."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTES)
    return re.sub(r"[ \t]+", " ", text)


# Words that end a name or a place name (compared folded, without dots).
_STOP_COMMON = {
    "babinsa",
    "babinsanya",
    "bhabinkamtibmas",
    "babinkamtibmas",
    "koramil",
    "kodim",
    "ramil",
    "korem",
    "kodam",
    "danramil",
    "dandim",
    "komandan",
    "desa",
    "ds",
    "kelurahan",
    "kel",
    "nagari",
    "gampong",
    "kampung",
    "dusun",
    "dsn",
    "dukuh",
    "dk",
    "lingkungan",
    "jorong",
    "rt",
    "rw",
    "kecamatan",
    "kec",
    "distrik",
    "kabupaten",
    "kab",
    "kota",
    "provinsi",
    "prov",
    "bersama",
    "dan",
    "beserta",
    "serta",
    "selaku",
    "sebagai",
    "anggota",
    "personel",
    "melaksanakan",
    "melakukan",
    "saat",
    "pada",
    "yang",
    "di",
    "ke",
    "dari",
    "dalam",
    "warga",
    "bapak",
    "bpk",
    "ibu",
    "pak",
    "bu",
    "sdr",
    "nrp",
    "jajaran",
    "tni",
    "ad",
    "polri",
    "polsek",
    "polres",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "ahad",
    "hari",
    "tanggal",
    "tgl",
    "pukul",
    "pkl",
    "wib",
    "wita",
    "wit",
    "kegiatan",
    "komsos",
    "anjangsana",
    "patroli",
    "monitoring",
    "pendampingan",
    "puldata",
    "binaan",
    "setempat",
    "tersebut",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "guna",
    "agar",
    "tentang",
    "juga",
    "wilayah",
    "kadus",
    "kades",
    "sekdes",
    "lurah",
    "camat",
    "tomas",
    "toga",
    "linmas",
    "kepala",
    "ketua",
    "sekretaris",
    "perangkat",
    "tokoh",
    "jl",
    "jalan",
    "bertempat",
    "lokasi",
    "sumber",
    "foto",
    "red",
    "pendim",
    "mengatakan",
    "menyampaikan",
    "menjelaskan",
    "mengajak",
    "menghimbau",
    "mengimbau",
    "turun",
    "tim",
    "para",
    "masyarakat",
}
_RANK_WORDS = {rank.lower() for rank in RANKS}
_OCCUPATIONS = {
    "pengrajin",
    "perajin",
    "petani",
    "pedagang",
    "pemilik",
    "pengusaha",
    "peternak",
    "nelayan",
    "buruh",
    "tukang",
    "guru",
    "penjual",
    "pelaku",
    "owner",
    "pembuat",
    "penggarap",
    "pekebun",
    "sopir",
    "ojek",
}
NAME_STOPWORDS = frozenset(_STOP_COMMON | _RANK_WORDS | _OCCUPATIONS)
_NOT_PERSON = {
    "bupati",
    "wakil",
    "presiden",
    "gubernur",
    "kapolsek",
    "kapolres",
    "danrem",
    "pangdam",
    "kasad",
    "panglima",
    "kepala",
    "ketua",
    "babinsa",
}

# A word of a name: `Nursalim`, `SY.E`, `M.I.Muchtar`, `Ma'ruf`, `M.`
_NAME_TOKEN = re.compile(r"[A-Z][A-Za-z']*(?:[.\-][A-Za-z]+)*\.?")
# A word of a place or unit name: `Sei`, `II`, `2`, `Al-Ikhlas`
_PLACE_TOKEN = re.compile(r"(?:[A-Z](?:\.(?=[A-Z][a-z]))?[\w'\-]*|\d{1,3}[A-Za-z]?)(?![\w'])")


def _key(token: str) -> str:
    return fold(token).replace(" ", "")


def _take_tokens(
    text: str,
    pos: int,
    token: re.Pattern[str],
    stop: frozenset[str] | set[str],
    limit: int,
    first_may_be_lower: bool = False,
    soft: frozenset[str] = frozenset(),
) -> tuple[str, int]:
    """Consecutive name-like tokens from `pos` (single spaces between); returns (name, end)."""
    words: list[str] = []
    end = pos
    cursor = pos
    while len(words) < limit:
        gap = re.match(r" ?", text[cursor:])
        start = cursor + (gap.end() if gap else 0)
        if words and start == cursor:
            break
        match = token.match(text, start)
        if not match:
            break
        word = match.group()
        bare = word.rstrip(".")
        if not bare or (
            _key(bare) in stop and (_key(bare) not in soft or re.match(r"\s*[,.]?\s*\(?\s*\d", text[match.end() :]))
        ):
            break
        words.append(word)
        end = match.end()
        cursor = end
        if word.endswith(".") and len(bare) > 2:
            break  # a full stop after a long word ends the sentence
    if not words:
        return "", pos
    last = words[-1]
    if last.endswith(".") and len(last.rstrip(".")) > 2:
        words[-1] = last.rstrip(".")
        end -= len(last) - len(words[-1])
    return " ".join(words), end


_RELATED = re.compile(
    r"(?im)^[ \t]*(?:baca(?:an)?\s+(?:juga|lainnya|berita\s+lainnya)|berita\s+terkait|artikel\s+terkait|"
    r"posting\s+terkait|lihat\s+juga)\b[^\n]*(?:\n[ \t]*[-•*][^\n]*)*"
)


def _blank_related(text: str) -> str:
    """`Baca juga: ...` and the list of other headlines under `Baca Lainnya :`, blanked (offsets kept)."""
    return _RELATED.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


# --- sentences --------------------------------------------------------------------

_ABBREVIATIONS = {"kab", "kec", "kel", "ds", "dk", "dsn", "jl", "bpk", "sdr", "no", "prov", "pkl", "tgl", "kp", "gp"}


def _wrapped(text: str, newline: int) -> bool:
    """A single line break inside a sentence (hard-wrapped text), not the end of a paragraph or a headline."""
    following = text[newline + 1 : newline + 2]
    if re.match(r"[a-z(]", following):
        return True
    line_start = text.rfind("\n", 0, newline) + 1
    previous = text[line_start:newline].rstrip()
    return bool(following.isalpha() and len(previous) >= 50 and previous[-1:] not in ".!?:;\"”)'")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer(r"[.!?][\"']?\s+(?=[A-Z\"'(“])|\n+", text):
        if match.group() == "\n" and _wrapped(text, match.start()):
            continue  # a line wrapped inside a sentence: `... Serda Arifudin\npagi tadi, Sabtu (3/2) ...`
        if match.group().startswith("."):
            before = re.search(r"(\w+)$", text[max(0, match.start() - 40) : match.start()])
            word = before.group(1) if before else ""
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        starts.append(match.end())
    return starts


def _sentence_of(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    begin = 0
    end = len(text)
    for start in starts:
        if start <= pos:
            begin = start
        else:
            end = start
            break
    return begin, end


# --- dates and times ----------------------------------------------------------------

_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_MONTH_WORDS = sorted(
    {name.lower() for name in MONTH_NAMES_ID}
    | {
        "jan",
        "feb",
        "peb",
        "pebruari",
        "mar",
        "apr",
        "jun",
        "jul",
        "agu",
        "agt",
        "ags",
        "agus",
        "sep",
        "sept",
        "okt",
        "nov",
        "nop",
        "nopember",
        "des",
    },
    key=len,
    reverse=True,
)
_DATE_LEAD = rf"(?:\b({_WEEKDAY})\b\s*[,.]?\s*(?:\(\s*)?(?:(?:tanggal|tgl\.?)\s*)?)?"
_NUMERIC_DATE = re.compile(
    rf"(?i){_DATE_LEAD}\(?\s*(?<![\d/.\-])(\d{{1,2}})\s*([/\-.])\s*(\d{{1,2}})\s*\3\s*(\d{{4}}|\d{{2}})(?![\d/])\s*\)?"
)
_NAMED_DATE = re.compile(
    rf"(?i){_DATE_LEAD}(?<!\d)(\d{{1,2}})\s*({'|'.join(_MONTH_WORDS)})\.?\s*,?\s*(\d{{4}})(?!\d)\s*\)?"
)
# `pukul 09.00 WIB`, `pkl 14.30`, and an hour alone when a zone or a part of the day says it is one:
# `pukul 9 wib`, `jam 9 pagi`, `jam 7 malam` (19:00)
_CLOCK = re.compile(
    r"(?i)\b(?:pukul|pkl\.?|jam)\s*(\d{1,2})(?:\s*[.:]\s*(\d{2})(?!\d))?(?!\d)\s*(wib|wita|wit)?\b"
    r"(?:\s*(pagi|siang|sore|malam)\b)?"
)
_PART_AFTER = re.compile(r"(?i)^\s*,?\s*(?:pada\s+)?(?:waktu\s+)?(pagi|siang|sore|malam|petang)\b")
_FAR_FUTURE = date(9999, 12, 30)


@dataclass
class _DateHit:
    start: int
    end: int
    written: str
    canonical: str
    weekday: str | None
    year_given: bool = True


def _date_hits(text: str) -> list[_DateHit]:
    hits: list[_DateHit] = []
    for match in _NUMERIC_DATE.finditer(text):
        weekday, day, _sep, month, year = match.groups()
        canonical = f"{day}/{month}/{year}"
        hits.append(_DateHit(match.start(), match.end(), match.group().strip(), canonical, weekday))
    for match in _NAMED_DATE.finditer(text):
        weekday, day, month, year = match.groups()
        canonical = f"{day} {month} {year}"
        hits.append(_DateHit(match.start(), match.end(), match.group().strip(), canonical, weekday))
    hits.sort(key=lambda hit: hit.start)
    return hits


def _read_date(hit: _DateHit, today: date, notes: list[str]) -> date | None:
    """The date of a hit; a weekday that disagrees is noted and the numbers kept."""
    written = f"{hit.weekday} {hit.canonical}" if hit.weekday else hit.canonical
    try:
        value = parse_date(written, today=_FAR_FUTURE)
    except InvalidInput:
        if not hit.weekday:
            return None
        try:
            value = parse_date(hit.canonical, today=_FAR_FUTURE)
        except InvalidInput:
            return None
        notes.append(t("parse.note.weekday", text=hit.written, date=value.isoformat()))
    if value > today:
        notes.append(t("parse.note.future", text=hit.written, date=value.isoformat()))
        return None
    if value.year < 1990:
        return None
    return value


def _find_date(
    text: str, today: date, notes: list[str], core: tuple[int, int] | None = None
) -> tuple[date | None, str | None, int | None]:
    """The date of the activity.

    A date in the Babinsa's sentence (or the next) wins; then dates with a weekday, then the rest.
    A publication stamp (`Selasa, 16 September 2025 | 10:35 WIB`) or a dateline date followed by a
    dash (`Jembrana, 28 Oktober 2025 –`) is used only when nothing else is given.
    """
    hits = _date_hits(text)
    stamps = [hit for hit in hits if _is_stamp(text, hit)]
    plain = [hit for hit in hits if hit not in stamps]
    near: list[_DateHit] = []
    if core is not None:
        starts = _sentence_starts(text)
        following = [start for start in starts if start >= core[1]]
        window_end = following[1] if len(following) > 1 else len(text)
        near = [hit for hit in plain if core[0] <= hit.start < window_end]
    ordered: list[_DateHit] = []
    for group in (near, plain, stamps):
        for hit in [h for h in group if h.weekday] + [h for h in group if not h.weekday]:
            if hit not in ordered:
                ordered.append(hit)
    for hit in ordered:
        value = _read_date(hit, today, notes)
        if value is not None:
            return value, _balanced(hit.written), hit.end
    return None, None, None


def _is_stamp(text: str, hit: _DateHit) -> bool:
    after = text[hit.end : hit.end + 16]
    if re.match(r"\s*(?:\||\d{1,2}[:.]\d{2}[:.]\d{2})", after):
        return True
    line_start = text.rfind("\n", 0, hit.start) + 1
    return hit.start - line_start <= 40 and bool(re.match(r"\s*[–—-]\s", after))


def _balanced(written: str) -> str:
    """`Jum'at (17/01/2025)` as written, without an unmatched bracket at either end."""
    written = written.strip(" ,")
    if written.endswith(")") and written.count(")") > written.count("("):
        written = written[:-1].rstrip()
    if written.startswith("(") and written.count("(") > written.count(")"):
        written = written[1:].lstrip()
    return written


def _find_time(text: str, date_end: int | None) -> str | None:
    if date_end is not None:
        after = text[date_end : date_end + 60]
        part = _PART_AFTER.match(after)
        if part:
            return parse_time(part.group(1))
        clock = _CLOCK.match(after.lstrip(" ,(").removeprefix("sekitar ").removeprefix("sekira "))
        if clock and _clock_value(clock):
            return _clock_value(clock)
    return next((value for value in map(_clock_value, _CLOCK.finditer(text)) if value), None)


def _clock_value(match: re.Match[str]) -> str | None:
    hour, minutes, zone, part = match.groups()
    if minutes is None and zone is None and part is None:
        return None  # `jam 9` alone may be anything
    value = int(hour)
    part = (part or "").lower()
    if (part == "siang" and value < 11) or (part in ("sore", "malam") and value < 12):
        value += 12
    elif part == "malam" and value == 12:
        value = 0
    try:
        return parse_time(f"{value}.{minutes or '00'}")
    except InvalidInput:
        return None


# --- people -------------------------------------------------------------------------

_CORPS = r"(?:inf|cba|arh|czi|chb|ckm|cpl|cku|arm|kav|cpm|ctp|caj|chk|cpn|ckh|cbs|cpm|psk|kes|adm)"
# Ranks written out in full: `Sersan Satu Didik`, `Kopral Kepala Amin`, `Pembantu Letnan Dua ...`.
_FULL_RANKS = {
    "prajurit dua": "prada",
    "prajurit satu": "pratu",
    "prajurit kepala": "praka",
    "kopral dua": "kopda",
    "kopral satu": "koptu",
    "kopral kepala": "kopka",
    "sersan dua": "serda",
    "sersan satu": "sertu",
    "sersan kepala": "serka",
    "sersan mayor": "serma",
    "pembantu letnan dua": "pelda",
    "pembantu letnan satu": "peltu",
    "letnan dua": "letda",
    "letnan satu": "lettu",
    "letnan kolonel": "letkol",
}
_RANK_WORDS_RE = "|".join(
    sorted([r.lower() for r in RANKS] + [w.replace(" ", r"\s+") for w in _FULL_RANKS], key=len, reverse=True)
)
_RANK_RE = re.compile(
    r"(?<![\w.])(?i:(" + _RANK_WORDS_RE + r"))\.?"
    r"(?:\s*\((?i:k)\))?\s+(?:(?i:(" + _CORPS + r"|infanteri|kavaleri|artileri|zeni))\.?\s+)?(?=[A-Z])"
)


def _lower_name_ok(name: str) -> bool:
    words = name.split()
    return not any(w in NAME_STOPWORDS or w in _STOP_LOWER or w.endswith("nya") for w in words)


_OFFICERS = {"letda", "lettu", "kapten", "mayor", "letkol", "kolonel", "brigjen", "mayjen", "letjen", "jenderal"}
_COMMANDER = re.compile(
    r"(?i)\b(?:danramil|dandim|dankodim|wadanramil|danrem|pangdam|kasdim|pasiter|pasi\s*ter|pasi\s*intel|"
    r"pasi\s*ops|pasi\s*log|pasi\s*pers|kasad|panglima|k[ao]mandan(?:\s+(?:kodim|koramil|korem|rayon\s+militer|distrik\s+militer))?)\b"
)
_JOINS = re.compile(
    r"(?i)\b(?:babinsa|bersama|dan|serta|beserta|didampingi|dengan|anggota(?:nya)?|personel|melalui|mengutus)\b"
)
# Capitalised words that are a name right after a rank, though elsewhere they end one (`Sertu Hari Sunyoto`).
_NAME_AFTER_RANK = {"hari", "tanggal", "para", "tim"}


@dataclass
class _Person:
    rank: str
    name: str
    start: int


def _rank_of(word: str) -> str:
    key = " ".join(word.lower().split())
    return RANK_BY_LOWER[_FULL_RANKS.get(key, key)]


def _person_name(text: str, pos: int) -> tuple[str, int]:
    """The name after a rank: `Hari Sunyoto`, `JA.Saragih`, `P hasibuan` (an initial, then a lowercase surname)."""
    first = _NAME_TOKEN.match(text, pos)
    if first and _key(first.group().rstrip(".")) in _NAME_AFTER_RANK:
        rest, end = _take_tokens(text, first.end(), _NAME_TOKEN, NAME_STOPWORDS, 3)
        name = " ".join(part for part in (first.group().rstrip("."), rest) if part)
        return name, end if rest else first.end()
    name, end = _take_tokens(text, pos, _NAME_TOKEN, NAME_STOPWORDS, 4)
    if re.fullmatch(r"[A-Z]\.?", name):
        surname = re.match(r" ([a-z]{3,})\b", text[end:])
        if surname and surname.group(1) not in NAME_STOPWORDS and surname.group(1) not in _STOP_LOWER:
            return f"{name} {surname.group(1)}", end + surname.end()
    return name, end


# Lowercase words that never continue a name (`Serda P melaksanakan`).
_STOP_LOWER = {
    "melaksanakan",
    "melakukan",
    "bersama",
    "selaku",
    "sebagai",
    "yang",
    "dan",
    "saat",
    "dalam",
    "juga",
    "maupun",
    "atau",
    "serta",
    "hingga",
    "sampai",
    "setiap",
    "tiap",
    "masing",
    "lain",
    "lainnya",
    "se",
}


# `Serma ismizal, melaksanakan ...`, `Serda budi santoso melaksanakan ...`: a name typed in lower case after
# a rank written with a capital, closed by punctuation or by a word that never belongs to a name.
_LOWER_STOP_ALT = "|".join(sorted(NAME_STOPWORDS | _STOP_LOWER, key=len, reverse=True))
_LOWER_NAME_WORD = rf"(?!(?:{_LOWER_STOP_ALT})\b)[a-z][a-z']{{2,}}\b(?<!nya)"
_RANK_LOWER_RE = re.compile(
    r"(?<![\w.])(" + "|".join(sorted((r[0] + "(?i:" + r[1:] + ")" for r in RANKS), key=len, reverse=True)) + r")\.?"
    rf"()\s+({_LOWER_NAME_WORD}(?: {_LOWER_NAME_WORD}){{0,2}})(?=\s*[,.(;]|\s*$|\s+(?i:{_LOWER_STOP_ALT})\b)"
)


def _same_person(a: _Person, b: _Person) -> bool:
    """`Serda Julianto` and `Serda Julianto Manik`, `Koptu Abidan` and `Koptu Abidin`: one person written twice."""
    if a.rank != b.rank:
        return False
    wa, wb = fold(a.name).split(), fold(b.name).split()
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    if all(word in long for word in short):
        return True
    return len(wa) == len(wb) == 1 and len(wa[0]) >= 5 and _one_edit(wa[0], wb[0])


def _one_edit(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _find_people(text: str) -> list[_Person]:
    """Every TNI rank + name that is not a commander being quoted or a street name."""
    people: list[_Person] = []
    excluded: list[_Person] = []
    starts = _sentence_starts(text)
    hits = sorted(
        list(_RANK_RE.finditer(text)) + [m for m in _RANK_LOWER_RE.finditer(text) if _lower_name_ok(m.group(3))],
        key=lambda m: m.start(),
    )
    for match in hits:
        rank_word = " ".join(match.group(1).lower().split())
        rank_word = _FULL_RANKS.get(rank_word, rank_word)
        corps = match.group(2)
        if match.re is _RANK_LOWER_RE:
            name, name_end = match.group(3), match.end(3)
        else:
            name, name_end = _person_name(text, match.end())
        if not name:
            continue
        person = _Person(RANK_BY_LOWER[rank_word], name, match.start())
        before = text[max(0, match.start() - 320) : match.start()]
        if re.search(r"(?i)\b(?:jl|jln|jalan)\.?\s*$", before):
            continue
        if re.match(r"(?i)\s*pol\b", text[match.end() :]) or (name.split()[0].lower() == "pol"):
            continue
        if (
            re.match(
                r"(?i)\s*,?\s*(?:selaku|sebagai|yang\s+menjabat)?\s*(?:danramil|dandim|komandan|pasi)\b",
                text[name_end:],
            )
            or _is_commander(before, corps, rank_word)
            or any(_same_person(person, other) for other in excluded)
        ):
            excluded.append(person)
            continue
        if any(
            fold(other.name) == fold(person.name)
            or (_same_person(person, other) and _sentence_of(starts, text, other.start)[1] <= person.start)
            for other in people
        ):
            continue  # written again later (`ucap Serda Julianto`); two in one list are two people
        people.append(person)
    return people


def _is_commander(before: str, corps: str | None, rank_word: str) -> bool:
    """The Danramil/Dandim (named after the title), or an officer not listed among the Babinsa.

    Babinsa are NCOs and privates; an officer is the commander or his staff unless the text lists
    him right after the word Babinsa (`Babinsa Koramil 05/X, Letda Y dan Serda Z`).
    """
    cut = max(before.rfind(mark) for mark in ("\n", '"', "“", "”", ". ", "; "))
    window = before[cut + 1 :] if cut >= 0 else before
    titles = list(_COMMANDER.finditer(window))
    if titles:
        between = window[titles[-1].end() :]
        if len(between) <= 45 and not _JOINS.search(between):
            return True
    if rank_word in _OFFICERS:
        return not re.search(r"(?i)\b(?:babinsa|personel|personil)\b[^.;\"“”()]{0,300}$", window)
    return False


# --- units --------------------------------------------------------------------------

_UNIT_STOP = frozenset(NAME_STOPWORDS - {"kota"})


def _koramil_pattern(words: str) -> re.Pattern[str]:
    """`Koramil 01/Rengat`, `Koramil 404-01/Gelumbang`, `Koramil 0805/07 Ngrambe`, `Koramil 416 – 07/Rimbo Bujang`,
    `Ramil-01/Sentani`, `Koramil Tipe B 0802/19 Ngebel`, `Koramil 0822/Grujugan` (the Kodim's number only)."""
    return re.compile(
        r"(?i:\b(?:" + words + r")\b)\.?(?:\s+(?i:tipe)\s+[A-C]\b)?[\s\-]*"
        r"(?:(\d{2,4})(?:\s*([-.–—/])\s*(\d{1,2})(?!\d))?(?!\d))?\s*(?:/\s*|[-–—]\s*)?"
    )


_KORAMIL_RE = _koramil_pattern("koramil|ramil")
_KODIM_RE = re.compile(r"(?i:\bkodim\b)\.?[\s\-]*(?:(\d{3,4})(?!\d))?\s*(?:/\s*|-\s*)?")
_DANDIM_RE = re.compile(r"(?i:\b(?:dandim|komandan\s+kodim)\b)\.?\s*(\d{3,4})(?!\d)\s*(?:/\s*|-\s*)?")
_DANRAMIL_RE = _koramil_pattern("danramil")
_SIGNATURE_LEAD = re.compile(r"(?i)\b(?:penerangan|pendim|pen|sumber|humas|info|staf\s+intel|red)\s*:?\s*$")


@dataclass
class _Unit:
    number: str | None
    name: str
    start: int
    end: int
    kodim_number: str | None = None


def _units(text: str, pattern: re.Pattern[str], signature_from: int) -> list[_Unit]:
    units: list[_Unit] = []
    for match in pattern.finditer(text):
        number = match.group(1)
        separator, minor = (match.group(2), match.group(3)) if pattern.groups >= 3 else (None, None)
        name, end = _take_tokens(text, match.end(), _PLACE_TOKEN, _UNIT_STOP, 3)
        if name and re.fullmatch(r"\d+[A-Za-z]?", name.split()[0]):
            name = ""
            end = match.end()
        if not name and match.group().rstrip().endswith("/"):
            # `Koramil 01/rengat`, `Koramil 09/lembah sabil`: a name after the slash typed in lower case
            lower = re.match(r"[a-z][a-z\-]{1,}(?: [a-z][a-z\-]{2,}){0,2}", text[match.end() :])
            words = lower.group().split() if lower else []
            while words and (words[-1] in _UNIT_STOP or words[-1] in _STOP_LOWER):
                words.pop()
            if words and words[0] not in _UNIT_STOP:
                name = " ".join(words)
                end = match.end() + len(name)
        if not number and not name:
            continue
        if match.start() >= signature_from or _SIGNATURE_LEAD.search(text[max(0, match.start() - 25) : match.start()]):
            continue
        kodim_number = None
        if pattern.groups >= 3 and number:
            if minor and (separator != "/" or len(number) >= 3):
                kodim_number, number = number.zfill(4), minor  # the Kodim's number in front
            elif len(number) >= 3:
                kodim_number, number = number.zfill(4), None  # `Koramil 0822/Grujugan`
        if not number and not name:
            continue
        units.append(_Unit(number, name, match.start(), max(end, match.end()), kodim_number))
    return units


def _choose_unit(units: list[_Unit], core: tuple[int, int] | None, anchor: int | None, body_from: int) -> _Unit | None:
    """The unit of the activity: in the Babinsa's sentence, else the nearest before him, else the first
    outside the headline; one written with its number is preferred to the same unit without."""
    if not units:
        return None
    in_body = [unit for unit in units if unit.start >= body_from] or units
    chosen: _Unit | None = None
    if core is not None:
        inside = [unit for unit in in_body if core[0] <= unit.start < core[1]]
        if inside and anchor is not None:
            chosen = min(inside, key=lambda unit: abs(unit.start - anchor))
        elif inside:
            chosen = inside[0]
    if chosen is None:
        chosen = _nearest(in_body, anchor)
    if not chosen.number and chosen.name:
        numbered = [u for u in units if u.number and u.name and fold(u.name) == fold(chosen.name)]
        if numbered:
            chosen = numbered[0]
    return chosen


def _unit_text(word: str, unit: _Unit) -> str:
    if unit.number and unit.name:
        return f"{word} {unit.number}/{unit.name}"
    return f"{word} {unit.number or unit.name}"


def _headline_end(text: str) -> int:
    """Where the body starts when the text opens with a headline (a short first line with no full stop)."""
    match = re.match(r"\s*([^\n]{5,160})\n", text)
    if match and not re.search(r"[.!?:]\s*$|[.!?]\s", match.group(1)) and text[match.end() :].strip():
        return match.end()
    return 0


def _signature_start(text: str) -> int:
    """Where a press-office signature at the end starts (`(Pr4as.sl)`, `Pendim 0727`, `Sumber: ...`)."""
    tail_start = max(0, len(text) - 200)
    best = len(text)
    for match in re.finditer(
        r"(?i)\((?:[^()\n]{1,40})\)\s*$|\n\s*\(?\s*(?:sumber|pendim|penrem|pen\s*\d|humas|red|editor|penulis)\b[^\n]*$",
        text[tail_start:],
    ):
        best = min(best, tail_start + match.start())
    return best


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
_KECAMATAN_RE = re.compile(r"(?i:\b(?:kecamatan|kec|distrik)\b)" + _AFTER_KIND + r"(?=[A-Z])")
_VILLAGE_ANY_RE = re.compile(
    r"(?i:\b(desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp)\b)" + _AFTER_KIND + r"(?=[A-Za-z])"
)
_KECAMATAN_ANY_RE = re.compile(r"(?i:\b(?:kecamatan|kec|distrik)\b)" + _AFTER_KIND + r"(?=[A-Za-z])")
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
_AREA_WORDS = r"(?:desa|ds|kelurahan|kel|kecamatan|kec|kabupaten|kab|kota|dusun|nagari|kampung|distrik)\b"
_WEEKDAYS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad"})
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


# --- venue and counterparts ---------------------------------------------------------

_HONORIFIC = r"(?:bapak|bpk\.?|pak|ibu|bu|sdr\.?|sdri\.?|saudara|saudari|mbah|mbak|mas|haji|h\.)"
_VENUE_HEADS = (
    r"kedai(?:[\s-]+kopi)?",
    r"warung(?:\s+kopi|\s+makan)?",
    r"warkop",
    r"rumah(?:\s+makan)?",
    r"rmh",  # WhatsApp: `ke rmh Bpk X`
    r"kediaman",
    r"balai\s+(?:desa|dusun|kampung|kelurahan|nagari|pertemuan|warga|rakyat|jorong)",
    r"kantor\s+(?:desa|kelurahan|kepala\s+desa|lurah|camat|kecamatan|wali\s+nagari|nagari|keuchik|kampung|distrik)",
    r"pos\s*kamling",
    r"pos\s+ronda",
    r"masjid",
    r"musholl?a",
    r"mushalla",
    r"surau",
    r"langgar",
    r"gereja",
    r"posyandu",
    r"puskesmas",
    r"polindes",
    r"pasar",
    r"sawah",
    r"ladang",
    r"kebun",
    r"lahan(?:\s+pertanian)?",
    r"tambak",
    r"aula",
    r"pendopo",
    r"pondok(?:\s+(?:sawah|kebun|ladang))?",
    r"villa",
    r"vila",
    r"jalan",
    r"jln\.?",
    r"jl\.",
    r"lapangan",
    r"gedung",
    r"sekolah",
    r"pangkalan",
)
_NEEDS_OWNER = {
    "rumah",
    "rmh",
    "kediaman",
    "lapangan",
    "gedung",
    "sekolah",
    "pangkalan",
    "pasar",
    "villa",
    "vila",
    "pondok",
}
# Heads that are a venue only with a name: `Jalan Protokol`, never `jalan desa`.
_NEEDS_NAME = {"jalan", "jln", "jln.", "jl.", "pasar", "villa", "vila"}
_VENUE_RE = re.compile(
    r"(?i:\b(?:di|ke|mengunjungi|menyambangi|mendatangi|berkunjung\s+ke)\s+(?:(?:sebuah|salah\s+satu)\s+)?"
    r"|\b(?=(?:di|ke)rumah\b)(?:di|ke))(?=(?i:" + "|".join(_VENUE_HEADS) + r"))"
)
_VENUE_HEAD_RE = re.compile(r"(?i:" + "|".join(_VENUE_HEADS) + r")(?:\b|(?<=\.))")
_PLACE_CLAUSE = re.compile(
    r"(?i:\b(?:(?:bertempat|berlokasi|lokasi\s+kegiatan|tempat\s+kegiatan)(?:\s+di\s*:?|\s*:)|(?:lokasi|tempat)\s*:)\s*)"
)
# A clause that names only the area (`berlokasi di Dusun I, Desa ...`) says where, not at what venue.
_AREA_START = re.compile(
    r"(?i)(?:desa|ds|kelurahan|kel|dusun|dsn|dukuh|dk|lingkungan|lk|rt|rw|kampung|kp|jorong|banjar|nagari|"
    r"gampong|kecamatan|kec|distrik|kabupaten|kab|kota|wilayah)\b"
)
_OWNER_WORDS = {"warga", "milik", "kades", "kadus", "kepala", "ketua", "sekdes", "tokoh", "salah", "pak", "bapak"}


def _owner_phrase(text: str, pos: int, with_occupation: bool = False) -> tuple[str, int]:
    """`Bapak Harjanto`, `milik Ibu Sari`, `warga` after a venue head or in a list."""
    match = re.match(rf"\s*(?:milik\s+)?(?i:{_HONORIFIC})\s+", text[pos:])
    if match:
        name, end = _take_tokens(text, pos + match.end(), _NAME_TOKEN, NAME_STOPWORDS, 3)
        if name and fold(name.split()[0]) not in _NOT_PERSON:
            if with_occupation:
                end = _occupation_end(text, end)
            return text[pos:end].strip(), end
        return "", pos
    return "", pos


def _occupation_end(text: str, end: int) -> int:
    job = re.match(r"\s*,?\s*(?:seorang\s+|selaku\s+)?([A-Za-z]+)", text[end:])
    if job and job.group(1).lower() in _OCCUPATIONS:
        job_end = end + job.end()
        rest, rest_end = _take_tokens(text, job_end, _PLACE_TOKEN, _PLACE_STOP, 2)
        if not rest:
            word = re.match(r" ([a-z]{3,})\b", text[job_end:])
            if word and word.group(1) not in _STOP_COMMON:
                rest_end = job_end + word.end()
        return rest_end if rest else job_end
    return end


def _find_venue(
    text: str,
    stops: list[int],
    area_stops: list[int],
    signature_from: int,
    body_from: int = 0,
    core: tuple[int, int] | None = None,
) -> str | None:
    """`bertempat di ...` first, else the first `di/ke` + a kind of place (kedai kopi, rumah Bapak X, ...)."""
    for clause in _PLACE_CLAUSE.finditer(text[:signature_from], body_from):
        if _AREA_START.match(text, clause.end()):
            continue
        venue = _venue_at(text, clause.end(), area_stops, clause=True)
        if venue:
            return venue
    matches = list(_VENUE_RE.finditer(text[:signature_from], body_from))
    if core is not None:  # the place in the sentence of what the Babinsa did, before one named in passing
        matches = [m for m in matches if core[0] <= m.start() < core[1]] + matches
    for match in matches:
        venue = _venue_at(text, match.end(), stops, clause=False)
        if venue:
            return venue
    return None


_VENUE_FILLER = re.compile(
    r"(?i:\s*,?\s*(?:warga(?:nya)?(?:\s+binaan(?:nya)?)?|milik)?(?:\s+(?:desa|kelurahan|dusun)(?:\s+"
    r"(?!(?i:bapak|bpk|ibu|pak|bu)\b)[A-Z][\w'\-]*){1,3})?\s*(?:,|\byaitu\b|\bmilik\b)?)"
)
_DESCRIPTION = re.compile(r"(?:\s+[a-z]{3,}){1,3}(?=\s+milik\b)")


def _venue_at(text: str, pos: int, stops: list[int], clause: bool) -> str | None:
    head = _VENUE_HEAD_RE.match(text, pos)
    if head and clause and re.match(r"(?i)j(?:alan|ln|l\.)", head.group()):
        head = None  # "bertempat di Jalan Protokol Dusun 2 Desa ...": the street as written, below
    limit = min([stop for stop in stops if stop >= (head.end() if head else pos + 1)] + [len(text)])
    if head:
        word = head.group().split()[0].lower()
        end = head.end()
        described = _DESCRIPTION.match(text, end)  # `lahan jagung milik ...`, `lahan perkebunan jahe merah milik`
        if described and not any(w in _PLACE_STOP for w in described.group().split()):
            end = described.end()
        owner, owner_end = _owner_phrase(text, end)
        if not owner:
            # `rumah warga binaannya milik Sabar Tarigan`, `rumah warga, Bapak X`, `Rumah Warga Kelurahan Y Bapak Z`
            filler = _VENUE_FILLER.match(text, end)
            if filler and filler.end() > end:
                owner, owner_end = _owner_phrase(text, filler.end())
                milik = re.search(r"(?i)\bmilik\s*$", text[end : filler.end()])
                if not owner and milik:
                    name, name_end = _take_tokens(text, filler.end(), _NAME_TOKEN, NAME_STOPWORDS, 3)
                    owner, owner_end = (name, name_end) if name else ("", end)
                if owner:
                    owner = owner.removeprefix("milik ").strip()
                    joined = "milik " if milik and not re.match(rf"(?i){_HONORIFIC}\s", owner) else ""
                    return f"{text[pos:end].strip()} {joined}{owner}".strip(" ,.")
        if owner:
            end = owner_end
        else:
            name, name_end = _take_tokens(text, end, _PLACE_TOKEN, _PLACE_STOP, 4, soft=_WEEKDAYS)
            if name:
                end = name_end
            elif word in _NEEDS_NAME or (word in _NEEDS_OWNER and " " not in head.group().strip()):
                follower = re.match(r"\s+([a-z]+)", text[end:])
                if word in _NEEDS_NAME or not follower or follower.group(1) not in _OWNER_WORDS:
                    return None
                end += follower.end()
        return text[pos : min(end, limit)].strip(" ,.") or None
    if not clause:
        return None
    # "bertempat di Jalan Protokol Dusun 2 Desa ...": the words up to the address
    phrase = re.match(r"[^,.;\n]{3,80}", text[pos:limit])
    if not phrase:
        return None
    words = phrase.group().split()
    kept: list[str] = []
    for word in words[:6]:
        if _key(word) in ("desa", "kelurahan", "kel", "kecamatan", "kec", "kabupaten", "kab", "kota", "nagari"):
            break
        kept.append(word)
    return " ".join(kept).strip() or None


_ROLES = (
    r"kepala\s+dusun",
    r"kadus",
    r"pj\.?\s+kades",
    r"kepala\s+desa",
    r"kades",
    r"kepala\s+kampung",
    r"kakam",
    r"sekretaris\s+(?:perangkat\s+)?desa",
    r"sekdes",
    r"perangkat\s+desa",
    r"sekretaris\s+kelurahan",
    r"lurah",
    r"kepala\s+lingkungan",
    r"kepling",
    r"wali\s+nagari",
    r"wali\s+jorong",
    r"keuchik",
    r"geuchik",
    r"datok\s+penghulu",
    r"ketua\s+rt",
    r"ketua\s+rw",
    r"ketua\s+bpd",
    r"tokoh\s+masyarakat",
    r"tokoh\s+agama",
    r"tokoh\s+pemuda",
    r"tokoh\s+adat",
    r"tomas",
    r"toga",
    r"toda",
    r"(?:anggota\s+)?linmas",
    r"bhabinkamtibmas",
    r"babinkamtibmas",
    r"bidan\s+desa",
    r"ketua\s+poktan",
    r"ketua\s+kelompok\s+tani",
    r"ketua\s+gapoktan",
    r"penyuluh\s+pertanian(?:\s+lapangan)?",
    r"ppl",
    r"kader\s+posyandu",
    r"ketua\s+(?:tp\s+)?pkk",
    r"kaur\s+[a-z]+",
    r"kasi\s+[a-z]+",
)
_ROLE_RE = re.compile(r"(?<![\w-])(?i:" + "|".join(_ROLES) + r")\b")
_POLICE_RANK = r"(?:bripda|briptu|brigpol|brigadir|bripka|aipda|aiptu|ipda|iptu|akp|kompol|akbp|kombes)"
_QUALIFIER = re.compile(
    r"(?i:\s*\b(?:dsn|dusun|desa|kelurahan|kel|lingkungan|ling|rt|rw|jorong|kampung|gampong|nagari)\b\.?\s*)(?=\d|[A-Z])"
)
_WARGA_LIST = re.compile(
    r"(?:,\s*|\bdan\s+|\bserta\s+|\bbersama\s+(?:dengan\s+)?|\bdengan\s+)(?i:(warga))\s+(?=(?i:desa|dusun|kelurahan|kampung|nagari|gampong|lingkungan)\b)"
)
_HONORIFIC_RE = re.compile(rf"(?<![\w-])(?i:{_HONORIFIC})\s+(?=[A-Z])")


def _role_phrase(text: str, match: re.Match[str]) -> tuple[str, int]:
    """`Kadus Dsn 2 Bapak Faisal`, `Tomas Bapak Rahmad`, `Sekretaris Perangkat Desa Kemiri`, `tokoh agama`."""
    end = match.end()
    number = re.match(r" ?(?:\d{1,3}|[IVX]{1,4})\b", text[end:])
    if number:  # "Ketua RT 02", "Kadus III"
        end += number.end()
    qualifier = _QUALIFIER.match(text, end)
    if qualifier:
        q_end = qualifier.end()
        number = re.match(r"(?:\d{1,3}|[IVX]+)\b", text[q_end:])
        if number:
            end = q_end + number.end()
        else:
            name, name_end = _take_tokens(text, q_end, _PLACE_TOKEN, _PLACE_STOP, 3)
            if name:
                end = name_end
    if re.match(r"(?i)bha?binkamtibmas", match.group()):
        police = re.match(rf"\s*(?:polsek\s+[A-Z][\w]*\s*)?(?i:{_POLICE_RANK})\.?\s+", text[end:])
        if police:
            name, name_end = _take_tokens(text, end + police.end(), _NAME_TOKEN, NAME_STOPWORDS, 3)
            return text[match.start() : name_end if name else end].strip(), name_end if name else end
    else:
        name, name_end = _take_tokens(text, end, _NAME_TOKEN, NAME_STOPWORDS, 3)
        if name and fold(name.split()[0]) not in _NOT_PERSON:
            end = name_end
    owner, owner_end = _owner_phrase(text, end)
    if owner:
        end = owner_end
    return text[match.start() : end].strip(" ,."), end


_GROUP_WORDS = r"warga|masyarakat|petani|nelayan|pedagang|peternak|pelajar|pemuda|aparatur\s+desa|perangkat\s+desa"
_GROUP_RE = re.compile(
    rf"(?i)\b(?:bersama|dengan|dgn|kepada|menyambangi|mengunjungi)\s+(?:para\s+)?((?:{_GROUP_WORDS})(?:\s+[a-z]{{3,}})?)"
)
# Between a person and his office: `Bapak Mulyanto, Ketua RT 02`, `Bapak Jarkasih selaku (Ketua RT)`.
_APPOSITION = re.compile(r"\s*(?:,|\bselaku\b|\bsebagai\b|\byaitu\b)?\s*\(?\s*$")


def _find_counterparts(
    text: str, babinsa_names: list[str], signature_from: int, core: tuple[int, int] | None = None, body_from: int = 0
) -> list[str]:
    body = text[:signature_from]
    items: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    roles: set[int] = set()
    persons: set[int] = set()
    for match in _ROLE_RE.finditer(body, body_from):
        phrase, end = _role_phrase(body, match)
        if phrase:
            items.append((match.start(), end, phrase))
            covered.append((match.start(), end))
            roles.add(match.start())
    for match in _WARGA_LIST.finditer(body, body_from):
        start = match.start(1)
        if any(a <= start < b for a, b in covered):
            continue
        place = _VILLAGE_RE.match(body, match.end()) or _HAMLET_RE.match(body, match.end())
        if not place:
            continue
        name, end = _take_tokens(body, place.end(), _PLACE_TOKEN, _PLACE_STOP, 4)
        if name:
            items.append((start, end, body[start:end].strip()))
            covered.append((start, end))
    for match in _HONORIFIC_RE.finditer(body, body_from):
        if any(a <= match.start() < b for a, b in covered):
            continue
        phrase, end = _owner_phrase(body, match.start(), with_occupation=True)
        if phrase:
            items.append((match.start(), end, phrase))
            covered.append((match.start(), end))
            persons.add(match.start())
    items = _join_appositions(body, sorted(items), roles, persons)
    people = {fold(name) for name in babinsa_names}
    result: list[str] = []
    keys: list[str] = []
    for _, _, phrase in items:
        key = fold(phrase)
        bare = fold(re.sub(rf"(?i)^{_HONORIFIC}\s+", "", phrase))
        if not key or bare in people or any(bare in k or key in k for k in keys):
            continue
        if any(person and person in key for person in people):
            continue
        keys.append(key)
        result.append(phrase)
    if result:
        # a group met beside the people named: `bersama warga dan Linmas`, `dgn Kadus X dan warga`
        for beside in _groups_beside(body, items):
            if fold(beside) not in (fold(phrase) for phrase in result):
                result.append(beside)
    if not result:
        # the group met, as the sentence of the activity names it (`dengan masyarakat`, `bersama pedagang ikan`)
        window = body[core[0] : core[1]] if core else ""
        said = _GROUP_RE.search(window) or _GROUP_RE.search(body, body_from)
        if said:
            words = said.group(1).split()
            if len(words) > 1 and not _group_modifier(words[0], words[-1]):
                words = words[:-1]
            result.append(" ".join(words).lower())
        else:
            group = re.search(r"(?i)\b(warga|petani|nelayan|pedagang|peternak|pelajar)\b", body)
            if group:
                result.append(group.group(1).lower())
    return result


# `dan`, `serta` (a comma alone may be an apposition: `Bapak X, warga setempat`)
_LIST_JOIN = r"\s*,?\s*(?:dan|serta)\s+"
_GROUP_AFTER_ITEM = re.compile(rf"(?i){_LIST_JOIN}(?:para\s+)?({_GROUP_WORDS})\b(?!\s+(?:{_AREA_WORDS}))")
_GROUP_BEFORE_ITEM = re.compile(rf"(?i)\b(?:bersama|dengan|dgn)\s+(?:para\s+)?({_GROUP_WORDS}){_LIST_JOIN}$")


def _groups_beside(body: str, items: list[tuple[int, int, str]]) -> list[str]:
    """A group in one list with the people or offices found: `bersama warga dan Linmas`, `dgn Kadus X dan
    warga`. A group named on its own elsewhere in the sentence is not added to the people named, and one
    with its place (`Warga Desa X`) is already an item."""
    found: list[tuple[int, str]] = []
    for start, end, _ in items:
        after = _GROUP_AFTER_ITEM.match(body, end)
        if after and not any(a <= after.start(1) < b for a, b, _ in items):
            found.append((after.start(1), after.group(1).lower()))
        window = max(0, start - 60)
        before = _GROUP_BEFORE_ITEM.search(body[window:start])
        if before:
            found.append((window + before.start(1), before.group(1).lower()))
    result: list[str] = []
    for _, group in sorted(found):
        if group not in result:
            result.append(" ".join(group.split()))
    return result


def _group_modifier(group: str, word: str) -> bool:
    """`pedagang ikan`, `petani jagung`; `warga binaan`, `masyarakat setempat` are just `warga`, `masyarakat`."""
    occupation = group.lower() in {"petani", "nelayan", "pedagang", "peternak"}
    return (
        occupation and word not in _PLACE_STOP and word not in _STOP_LOWER and not word.startswith(("me", "ber", "di"))
    )


def _join_appositions(
    body: str, items: list[tuple[int, int, str]], roles: set[int], persons: set[int]
) -> list[tuple[int, int, str]]:
    """A person and his office written side by side are one counterpart: `Bapak Mulyanto, Ketua RT 02`,
    `Bapak Jarkasih selaku (Ketua RT)`, `Ketua RT 005 RW 003 (Bpk Suparno)`; a list of offices stays a list."""
    joined: list[tuple[int, int, str]] = []
    for start, end, phrase in items:
        if joined:
            last_start, last_end, last_phrase = joined[-1]
            gap = body[last_end:start]
            bare_role = start in roles and not _HONORIFIC_RE.search(phrase)
            last_bare_role = last_start in roles and not _HONORIFIC_RE.search(last_phrase)
            person_then_role = last_start in persons and bare_role
            role_then_person = last_bare_role and start in persons and "(" in gap
            if last_end <= start and (person_then_role or role_then_person) and _APPOSITION.match(gap):
                close = re.match(r"\s*\)", body[end:])
                end = end + close.end() if close and "(" in gap else end
                joined[-1] = (last_start, end, body[last_start:end].strip(" ,."))
                continue
        joined.append((start, end, phrase))
    return joined


# --- activities ---------------------------------------------------------------------

_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("komsos", r"komsos|kosmsos|komsoss|komunikasi\s+sosial"),
    ("anjangsana", r"anjang\s*sana|anjangsono"),
    ("patroli", r"patroli|patroly"),
    ("karya-bakti", r"karya\s*bh?akti|kerja\s*bakti"),
    ("pendampingan", r"pendampingan"),
    ("monitoring", r"monitoring"),
    ("puldata", r"puldata|pengumpulan\s+data|pendataan"),
)
# Verbs that name an activity only in the sentence that says what the Babinsa did; elsewhere they are
# the usual talk of a Babinsa's duties (`Babinsa yang selalu memantau wilayah binaannya`).
_KIND_VERBS: tuple[tuple[str, str], ...] = (
    ("karya-bakti", r"(?:ber)?gotong[\s-]*royong|membersihkan|pembersihan|bersih-bersih"),
    ("pendampingan", r"mendampingi|dampingi"),
    ("monitoring", r"memonitor|memantau|pemantauan"),
    ("puldata", r"mendata|mengumpulkan\s+data"),
    (
        "anjangsana",
        r"(?:mengunjungi|berkunjung\s+ke|kunjungan\s+ke|menyambangi|sambang(?:\s+ke)?)\s+(?:\w+\s+)?"
        r"(?:rumah|rmh|dapur|kediaman)",
    ),
)
_KIND_RES = tuple((kind, re.compile(rf"(?i)\b(?:{pattern})\b"), False) for kind, pattern in _KIND_PATTERNS) + tuple(
    (kind, re.compile(rf"(?i)\b(?:{pattern})\b"), True) for kind, pattern in _KIND_VERBS
)
_NEGATED_BEFORE = re.compile(
    r"(?i)\b(?:tidak|tak|belum|batal|gagal|urung|bukan)\s+"
    r"(?:(?:jadi|dapat|bisa|sempat|ada|melaksanakan|melakukan|mengadakan|mengikuti|dilaksanakan|diadakan|"
    r"kegiatan|giat|pelaksanaan|acara)\s+){0,3}$"
)
_NEGATED_AFTER = re.compile(
    r"(?i)^\W*(?:\S+\s+){0,5}?(?:batal|dibatalkan|ditunda|ditiadakan|tidak\s+jadi|tidak\s+dilaksanakan|"
    r"tidak\s+terlaksana|tidak\s+dapat\s+dilaksanakan|urung|gagal\s+dilaksanakan)\b"
)
_PURPOSE_BEFORE = re.compile(r"(?i)\b(?:untuk|guna|tujuan)\s+$")
_NOT_ONLY = re.compile(r"(?i)\b(?:tidak|bukan)\s+(?:hanya|saja|cuma|sekadar)\b")


def _find_kinds(text: str, core: tuple[int, int] | None, signature_from: int) -> list[str]:
    positions: dict[str, int] = {}
    negated: set[str] = set()
    core_hits: dict[str, int] = {}
    for kind, pattern, in_core_only in _KIND_RES:
        for match in pattern.finditer(text[:signature_from]):
            if in_core_only and not (core and core[0] <= match.start() < core[1]):
                continue
            before = text[max(0, match.start() - 70) : match.start()]
            after = text[match.end() : match.end() + 70]
            after = re.split(r"[.;\n]", after, maxsplit=1)[0]
            if _NEGATED_BEFORE.search(before) and not _NOT_ONLY.search(before[-30:]):
                negated.add(kind)
                continue
            if _NEGATED_AFTER.search(after):
                negated.add(kind)
                continue
            if _PURPOSE_BEFORE.search(before):
                continue
            positions.setdefault(kind, match.start())
            if core and core[0] <= match.start() < core[1]:
                core_hits.setdefault(kind, match.start())
    kinds = [kind for kind in positions if kind not in negated]
    return sorted(kinds, key=lambda k: (k not in core_hits, core_hits.get(k, positions[k])))


# --- topics and situation -----------------------------------------------------------

_TOPIC_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "keamanan",
        r"keamanan|kamtibmas|ketertiban|kondusif|deteksi\s+dini|cegah\s+dini|kriminal(?:itas)?|pencurian|"
        r"siskamling|ronda|soliditas\s+wilayah|situasi\s+wilayah|hoaks|hoax",
    ),
    (
        "kesehatan",
        r"kesehatan|sehat|penyakit|wabah|covid(?:-?19)?|stunting|posyandu|demam\s+berdarah|dbd|imunisasi|"
        r"vaksin(?:asi)?|phbs|jamban|gizi|prokes|protokol\s+kesehatan",
    ),
    ("pilkada", r"pilkada|pemilihan\s+kepala\s+daerah|pilgub|pilbup|pilwalkot"),
    ("pemilu", r"pemilu|pileg|pilpres|pilkades|pesta\s+demokrasi|pemilihan\s+umum|pemungutan\s+suara"),
    ("ketahanan pangan", r"ketahanan\s+pangan|swasembada|lumbung\s+pangan|food\s+estate"),
    (
        "pertanian",
        r"pertanian|petani|sawah|panen|tanam|pupuk|padi|jagung|kelompok\s+tani|poktan|gapoktan|irigasi|"
        r"hama|bibit|perkebunan|cetak\s+sawah",
    ),
    (
        "ekonomi",
        r"ekonomi|umkm|usaha\s+mikro|pemasaran|produk|koperasi|bumdes|pengrajin|perajin|harga\s+sembako|"
        r"daya\s+beli|kewirausahaan",
    ),
    ("bencana", r"bencana|banjir|longsor|kebakaran|karhutla|gempa|puting\s+beliung|erupsi|tsunami|kekeringan"),
    ("narkoba", r"narkoba|narkotika|sabu|obat\s+terlarang|napza|psikotropika"),
    ("radikalisme", r"radikalisme|radikal|terorisme|intoleransi|separatis|khilafah|paham\s+terlarang"),
    ("konflik", r"konflik|sengketa|perselisihan|tawuran|bentrok|perkelahian"),
    ("pendidikan", r"pendidikan|sekolah|siswa|pelajar|putus\s+sekolah"),
    ("lingkungan", r"kebersihan|sampah|penghijauan|lingkungan\s+hidup|reboisasi|penanaman\s+pohon"),
    ("infrastruktur", r"infrastruktur|jembatan|jalan\s+rusak|pembangunan\s+jalan|drainase|rtlh|tmmd|air\s+bersih"),
    ("program pemerintah", r"program\s+pemerintah|bansos|bantuan\s+sosial|blt|pkh|program\s+desa|dana\s+desa"),
    ("bela negara", r"bela\s+negara|wawasan\s+kebangsaan|nasionalisme|cinta\s+tanah\s+air|pancasila"),
    ("agama", r"keagamaan|pengajian|ramadh?an|ibadah|toleransi\s+beragama"),
    ("budaya", r"kebudayaan|seni\s+budaya|budaya"),
    ("sosial", r"bakti\s+sosial|baksos|kesenjangan\s+sosial|kepedulian\s+sosial"),
)
_TOPIC_RES = tuple((topic, re.compile(rf"(?i)\b(?:{pattern})\b")) for topic, pattern in _TOPIC_PATTERNS)
assert all(topic in TOPICS for topic, _ in _TOPIC_PATTERNS)


# `situasi terpantau aman dan kondusif`, `Situasi wilayah aman`: what the Babinsa found (the situation),
# not what he talked about; `menciptakan wilayah yang aman dan kondusif` stays a topic.
_STATEMENT_BEFORE = re.compile(
    r"(?i)\b(?:situasi|situsi|sit|kondisi|keadaan|suasana|terpantau|terkendali|berjalan|berlangsung)\b[^.;\"“”\n]{0,50}$"
)
_STATEMENT_AFTER = re.compile(r"(?i)^\s*(?:\w+\s+){0,2}?(?:aman|kondusif|terpantau|terkendali)\b")


def _in_statement(text: str, match: re.Match[str]) -> bool:
    word = " ".join(match.group().lower().split())
    if word == "kondusif":
        return bool(_STATEMENT_BEFORE.search(text[max(0, match.start() - 60) : match.start()]))
    if word == "situasi wilayah":
        return bool(_STATEMENT_AFTER.match(text[match.end() : match.end() + 40]))
    return False


def _find_topics(text: str) -> list[str]:
    firsts: list[tuple[int, str]] = []
    for topic, pattern in _TOPIC_RES:
        match = next((m for m in pattern.finditer(text) if not _in_statement(text, m)), None)
        if match:
            firsts.append((match.start(), topic))
    return [topic for _, topic in sorted(firsts)]


_RAWAN = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,2}(?:rawan|genting|tidak\s+kondusif|mencekam)\b|"
    r"(?<!tidak )(?<!tidak ada )(?<!mencegah )(?<!agar tidak )\bterjadi(?:nya)?\s+(?:aksi\s+)?"
    r"(?:pencurian|perampokan|kebakaran|banjir|longsor|bentrok(?:an)?|perkelahian|tawuran|pembunuhan|"
    r"penganiayaan|kerusuhan|konflik)\b|\bkejadian\s+menonjol\b(?!\s*tidak)"
)
_NO_INCIDENT = re.compile(
    r"(?i)\b(?:tidak|tak|belum)\s+(?:ada|ditemukan|terdapat)\s+(?:\w+\s+){0,2}kejadian\s+menonjol"
)
_WASPADA = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,2}(?:waspada|perlu\s+diwaspadai)\b|"
    r"\bperlu\s+(?:diwaspadai|ditindaklanjuti|tindak\s+lanjut)\b|\bmengeluh(?:kan)?\b|\bkeluhan\s+warga\b"
)
_AMAN = re.compile(
    r"(?i)\baman\s*(?:,\s*|dan\s+|serta\s+)(?:\w+\s*,?\s*){0,4}?kondusif\b|\bkondusif\b|"
    r"\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,3}aman\b|\baman\s+terkendali\b|"
    r"\b(?:berjalan|berlangsung)\s+(?:dengan\s+)?(?:aman|lancar\s+dan\s+aman)\b|\baman\s*(?:,|dan)\s*(?:lancar|tertib)\b|"
    r"\btidak\s+(?:ada|ditemukan)\s+(?:\w+\s+){0,2}kejadian\s+menonjol\b"
)


_EXPLICIT = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan|sit\.?(?=\s*:?\s*(?:aman|kondusif|rawan|waspada)))"  # `sit aman`: WhatsApp
    r"(?:\s+(?:wilayah|di\s+wilayah|desa|kamtibmas|umum|keamanan))?\s*:?\s*"
    r"(?:\w+\s+){0,2}?(tidak\s+kondusif|tidak\s+aman|aman|kondusif|waspada|perlu\s+diwaspadai|rawan|genting|mencekam)\b"
)
_EXPLICIT_VALUE = {"aman": "aman", "kondusif": "aman", "waspada": "waspada", "perlu diwaspadai": "waspada"}


# `apabila terjadi konflik`, `maka akan terjadi banjir`: what could happen, not what did.
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:apabila|jika|jikalau|bila|kalau|seandainya|akan|agar|supaya|mencegah|pencegahan|antisipasi|"
    r"mengantisipasi|potensi|rawan|bahaya|waspada|mewaspadai|hindari|menghindari)\b[^.;\n]*$"
)
# `mendengarkan keluhan warga`: the usual duty, not a complaint made.
_LISTENING = re.compile(r"(?i)\b(?:mendengar(?:kan)?|menampung|menyerap|menerima|menanggapi)\s+(?:\w+\s+)?$")


def _find_situation(text: str) -> str | None:
    """What the text says the situation was: an explicit `situasi ...` wins, then incidents, complaints, calm."""
    explicit = list(_EXPLICIT.finditer(text))
    if explicit:
        said = " ".join(explicit[-1].group(1).lower().split())
        return _EXPLICIT_VALUE.get(said, "rawan")
    calm = _NO_INCIDENT.sub(" ", text)
    if any(not _HYPOTHETICAL.search(calm[max(0, m.start() - 60) : m.start()]) for m in _RAWAN.finditer(calm)):
        return "rawan"
    if any(not _LISTENING.search(text[max(0, m.start() - 25) : m.start()]) for m in _WASPADA.finditer(text)):
        return "waspada"
    if _AMAN.search(text):
        return "aman"
    return None


# --- the dateline -------------------------------------------------------------------

_DATELINE = re.compile(
    r"^\s*(?:[\w.]+\.(?i:com|id|co\.id|net|org|news)\s*[,.]\s*)?([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\s*"
    r"(?:\([^()\n]{0,20}\)\s*)?"
    r"(?:[|:–—]|-(?!\w)|\((?=\s*\d)|,\s*(?:[-–—|]|[\w.]+\.(?i:com|id|net|org|news)\b|(?:[A-Z][\w.]*\s+){1,3}[-–—|]))"
)


def dateline_place(text: str) -> str | None:
    """The place a press release starts with: `Asahan | ...`, `Sukoharjo (16/01/23)`, `X.com, Rengat -`,
    `NGAWI (KR) -`, `Bondowoso, MN Cakrawala –`, `LANGKAT,LENSAJABAR.COM –`."""
    for line in text.split("\n")[:6]:
        match = _DATELINE.match(line)
        if match and _key(match.group(1).split()[0]) not in NAME_STOPWORDS:
            place = match.group(1)
            return place.title() if place.isupper() else place
    return None


# --- putting it together ------------------------------------------------------------


def extract(
    text: str,
    *,
    today: date | None = None,
    find_villages: PlaceFinder | None = None,
    find_kabupaten: PlaceFinder | None = None,
) -> Extraction:
    """Read one report. The gazetteer's `find_villages`/`find_kabupaten`, when given, check and choose places.

    Without them nothing is looked up, and only what the text states is returned.
    """
    today = today or date.today()
    original = prepare(text)
    # The fields come from the text the summary keeps: a file far longer than a report (a year's reports
    # pasted together, a log) is neither read to its end nor half-stored.
    source = _blank_related(original[:LIMIT_SUMMARY])
    is_caseless = caseless(source)
    if is_caseless:
        source = truecase(source)  # same length: offsets in `source` hold in `original`
    notes: list[str] = []
    signature_from = _signature_start(source)
    starts = _sentence_starts(source)

    people = _find_people(source[:signature_from])
    core = _sentence_of(starts, source, people[0].start) if people else None

    when, written, date_end = _find_date(source, today, notes, core)
    if written and date_end is not None:
        at = source.rfind(written, 0, date_end)  # as typed, not as the names were capitalised
        written = original[at : at + len(written)] if at >= 0 else written
    clock = _find_time(source, date_end)

    koramils = _units(source, _KORAMIL_RE, signature_from)
    kodims = _units(source, _KODIM_RE, signature_from)
    anchor = people[0].start if people else None
    body_from = _headline_end(source)
    chosen_koramil = _choose_unit(koramils, core, anchor, body_from)
    if chosen_koramil is None:
        chosen_koramil = _choose_unit(_units(source, _DANRAMIL_RE, signature_from), core, anchor, body_from)
    koramil = _unit_text("Koramil", chosen_koramil) if chosen_koramil else None
    carried = chosen_koramil.kodim_number if chosen_koramil and chosen_koramil.kodim_number else None
    carried = carried or next((unit.kodim_number for unit in koramils if unit.kodim_number), None)
    body_kodims = [unit for unit in kodims if unit.start >= body_from]
    chosen_kodim = _choose_unit(body_kodims, core, None, body_from)
    if chosen_kodim is None:
        dandim = _units(source, _DANDIM_RE, signature_from)
        chosen_kodim = dandim[0] if dandim else None
    if chosen_kodim is None and not carried:
        chosen_kodim = _choose_unit(kodims, core, None, 0)
    kodim: str | None = None
    if chosen_kodim is not None:
        kodim = _unit_text("Kodim", chosen_kodim)
    elif carried:
        kodim = f"Kodim {carried}"

    blocked = [(unit.start, unit.end) for unit in koramils + kodims]
    villages = _places(source[:signature_from], _VILLAGE_ANY_RE, blocked, stop=_VILLAGE_NAME_STOP, lowercase=True)
    kecamatans = [
        _kecamatan_name(place)
        for place in _places(source[:signature_from], _KECAMATAN_ANY_RE, blocked, 4, _VILLAGE_NAME_STOP, True)
    ]
    kabupatens = _places(source[:signature_from], _KABUPATEN_RE, blocked, 3)
    kabupatens += _places(source[:signature_from], _KABUPATEN_LOWER_RE, blocked, 3, lowercase=True)
    kabupatens.sort(key=lambda place: place.start)
    provinces = _places(source[:signature_from], _PROVINCE_RE, blocked, 3)
    hamlets = _hamlets(source[:signature_from], blocked)

    village, kecamatan, kabupaten, province = _address(
        source, villages, kecamatans, kabupatens, provinces, caseless_text=is_caseless
    )
    place_matched = False
    if find_villages is not None and village is not None:
        village, kecamatan, kabupaten, place_matched = _check_place(
            find_villages, villages, village, kecamatan, kabupaten, notes
        )
    if kabupaten is not None:
        kabupaten = _expand_kabupaten(kabupaten)
    if kabupaten is None and find_kabupaten is not None:
        after = _kabupaten_after(source[:signature_from], kecamatans, kecamatan)
        try:
            kabupaten = _known_kabupaten(find_kabupaten, after) if after else None
        except (InvalidInput, LookupError, ValueError, OSError):
            kabupaten = None
    if kabupaten is None and find_kabupaten is not None:
        kabupaten = _dateline_kabupaten(source, find_kabupaten, find_villages, village, kecamatan)
    if kabupaten is None and find_villages is not None and village is not None and kecamatan is not None:
        kabupaten = _kabupaten_of(find_villages, village.name, kecamatan)
    hamlet = _choose_hamlet(hamlets, village)

    area_stops = [place.start for place in villages + kecamatans + kabupatens]
    stops = area_stops + [place.start for place in hamlets]
    venue = _find_venue(source, stops, area_stops, signature_from, body_from, core)
    counterparts = _find_counterparts(source, [p.name for p in people], signature_from, core, body_from)
    kinds = _find_kinds(source, core, signature_from)

    summary = clean_text(original[: LIMIT_SUMMARY * 2], multiline=True, limit=LIMIT_SUMMARY * 2)
    if len(summary) > LIMIT_SUMMARY:
        notes.append(t("parse.note.truncated", limit=LIMIT_SUMMARY))
        summary = summary[:LIMIT_SUMMARY].rstrip()

    fields: dict[str, Any] = {
        "date": when.isoformat() if when else None,
        "time": clock,
        "kind": kinds[0] if kinds else None,
        "babinsa": [{"rank": p.rank, "name": p.name} for p in people][:LIMIT_ITEMS],
        "koramil": koramil,
        "kodim": kodim,
        "village": village.name if village else None,
        "village_kind": _VILLAGE_KINDS[village.kind.lower()] if village else None,
        "hamlet": hamlet,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "province": province,
        "venue": venue,
        "counterparts": counterparts[:LIMIT_ITEMS],
        "topics": _find_topics(source[:signature_from]),
        "situation": _find_situation(source[:signature_from]),
        "summary": summary or None,
    }
    assert all(kind in KINDS for kind in kinds)
    return Extraction(fields, kinds, written, place_matched, notes)


def _dateline_kabupaten(
    text: str,
    find_kabupaten: PlaceFinder,
    find_villages: PlaceFinder | None,
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


# Short forms of kabupaten names in Kodim and press usage that the gazetteer may not know.
_KABUPATEN_SHORT = {
    "tanjab": "Tanjung Jabung",
    "inhu": "Indragiri Hulu",
    "inhil": "Indragiri Hilir",
    "kuansing": "Kuantan Singingi",
    "labusel": "Labuhanbatu Selatan",
    "labura": "Labuhanbatu Utara",
    "tapsel": "Tapanuli Selatan",
    "tapteng": "Tapanuli Tengah",
    "taput": "Tapanuli Utara",
    "abdya": "Aceh Barat Daya",
    "agara": "Aceh Tenggara",
    "lotim": "Lombok Timur",
    "lobar": "Lombok Barat",
    "loteng": "Lombok Tengah",
    "lamsel": "Lampung Selatan",
    "ppu": "Penajam Paser Utara",
}


def _expand_kabupaten(name: str) -> str:
    """`Tanjab Barat` -> `Tanjung Jabung Barat`, `Inhu` -> `Indragiri Hulu`."""
    words = name.split()
    if words and _key(words[0]) in _KABUPATEN_SHORT:
        return " ".join([_KABUPATEN_SHORT[_key(words[0])], *words[1:]])
    return name


def _known_kabupaten(find_kabupaten: PlaceFinder, written: str) -> str | None:
    """The gazetteer's name of a kabupaten/kota written as `written` (`Binjai` -> `Kota Binjai`,
    `Abdya` -> `Aceh Barat Daya`), the written form when it is ambiguous; None when unknown."""
    found = find_kabupaten(_expand_kabupaten(written))
    if not found:
        return None
    names = {str(item[0]) for item in found}
    if len(names) != 1:
        return _expand_kabupaten(written)
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


def _nearest(units: list[_Unit], anchor: int | None) -> _Unit:
    """The unit named closest before the Babinsa (else the first one)."""
    if anchor is None:
        return units[0]
    before = [unit for unit in units if unit.start <= anchor]
    return before[-1] if before else units[0]


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


def _kabupaten_of(find_villages: PlaceFinder, village: str, kecamatan: str) -> str | None:
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
    find_villages: PlaceFinder,
    villages: list[_Place],
    village: _Place,
    kecamatan: str | None,
    kabupaten: str | None,
    notes: list[str],
) -> tuple[_Place, str | None, str | None, bool]:
    """Prefer a village the gazetteer knows in the stated area; note one it does not know."""
    try:
        if find_villages(village.name, kecamatan=kecamatan, kabupaten=kabupaten):
            return village, kecamatan, kabupaten, True
        for other in villages:
            if fold(other.name) != fold(village.name) and find_villages(
                other.name, kecamatan=kecamatan, kabupaten=kabupaten
            ):
                return other, kecamatan, kabupaten, True
    except (InvalidInput, LookupError, ValueError, OSError):
        return village, kecamatan, kabupaten, False
    notes.append(t("parse.note.place_unknown", village=village.name, area=kecamatan or kabupaten or "-"))
    return village, kecamatan, kabupaten, False


# --- text typed without capitals -----------------------------------------------------

# A WhatsApp report typed in a hurry, all in lower case (or all in capitals), gives the rules above no
# capital to find a name by. Such a text is read with the names after a rank, a place word, a unit, an
# honorific or an office capitalised; the rest stays as typed. Offsets do not move.
_CASELESS_ANCHOR = re.compile(
    r"(?i)(?<![\w.])(?:"
    + _RANK_WORDS_RE
    + r"|desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp|dusun|dsn|dukuh|dk|lingkungan|ling|lk|jorong|banjar|"
    r"kecamatan|kec|distrik|kabupaten|kab|kota|provinsi|prov|bapak|bpk|pak|ibu|bu|sdr|saudara|mbah|"
    r"kadus|kades|sekdes|lurah|kepling|keuchik|geuchik|kakam|tomas|toga|bhabinkamtibmas|babinkamtibmas|"
    + _POLICE_RANK
    + r"|(?:ko)?ramil|kodim)\b\.?(?:[ \t]*[\-]?[ \t]*\d{1,4}(?:[ \t]*[\-/.–][ \t]*\d{1,2}(?!\d))?[ \t]*/?)?[ \t]*"
)
# Words that end a name in such a text, beyond the stop words of capitalised text: WhatsApp shorthand
# and the words that follow a name in a Babinsa's message (`kab cianjur materi kamtibmas`).
_CASELESS_STOP = frozenset(
    {
        "materi", "bahas", "membahas", "sit", "situasi", "kondisi", "giat", "hasil", "ket", "keterangan", "lapor",
        "melaporkan", "ijin", "izin", "mohon", "hr", "skrg", "sdh", "sudah", "yg", "dgn", "dg", "utk", "krn", "tsb",
        "ttg", "sekira", "sekitar", "jam", "dlm", "pd", "kpd", "kepada", "oleh", "bahwa", "tetap", "aman", "kondusif",
        "terkendali", "lancar", "pagi", "siang", "sore", "malam", "rangka", "terkait", "mengenai", "soal", "supaya",
        "namun", "tetapi", "sedangkan", "sehingga", "karena", "yakni", "yaitu", "antara", "lain", "sbb", "adapun",
        "kemudian", "selanjutnya", "lalu", "sedang", "telah", "akan", "bisa", "dapat", "ada", "tidak", "belum",
        "mengunjungi", "menyambangi", "silaturahmi", "sambang", "rumah", "kantor", "balai", "pos", "masjid",
        "warung", "kedai", "sawah", "kebun", "lapangan", "jalan", "jln", "jl", "no", "nomor", "mengikuti",
        "menghadiri", "berdialog", "berbincang", "ngobrol", "menanyakan", "memberikan", "sambil", "tentang",
    }
)  # fmt: skip
_PROVINCE_AHEAD = re.compile(
    r"(?i)(?:" + "|".join(sorted((re.escape(n) for n in _PROVINCES), key=len, reverse=True)) + r")\b"
)


def caseless(text: str) -> bool:
    """A text typed without capitals (or all in capitals): at most one word in twenty starts with a capital
    inside a sentence, or almost every word is in capitals."""
    words = re.findall(r"(?<![\w'])[^\W\d_]{2,}", text)
    if len(words) < 8:
        return False
    upper = sum(word.isupper() for word in words)
    if upper >= 0.7 * len(words):
        return True
    # a capital or two (`ijin Dan`, `Babinsa`) in a message typed in lower case; press releases and
    # reports typed with capitals have 13% and more
    inner = re.findall(r"(?<![.!?\n]\s)(?<![.!?\n])(?<=\s)[A-Z]\w", text)
    return len(inner) <= 0.05 * len(words)


def _stop_in_caseless(word: str) -> bool:
    key = _key(word)
    return (
        key in NAME_STOPWORDS
        or key in _PLACE_STOP
        or key in _STOP_LOWER
        or key in _CASELESS_STOP
        or key.endswith("nya")
        or any(pattern.fullmatch(word) for _, pattern in _TOPIC_RES)
        or any(pattern.fullmatch(word) for _, pattern, _ in _KIND_RES)
    )


def truecase(text: str) -> str:
    """The names of a text typed without capitals, capitalised with the word before them: `babinsa ds.
    sukamaju serda budi santoso koramil 05/cibeber` -> `babinsa Ds. Sukamaju Serda Budi Santoso Koramil
    05/Cibeber`. A text in capitals is first put in lower case. The length does not change."""
    if any(c.isupper() for c in text) and sum(c.isupper() for c in text) > sum(c.islower() for c in text):
        text = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    chars = list(text)
    for anchor in _CASELESS_ANCHOR.finditer(text):
        names_province = anchor.group().strip(" .").lower() in ("provinsi", "prov")
        cursor = anchor.end()
        if _ROLE_RE.match(text, anchor.start()):
            chars[anchor.start()] = chars[anchor.start()].upper()  # `Kadus`, `Tomas`: an office, as written
        elif re.match(r"[\d\sIVX]", text[anchor.end() - 1 : anchor.end() + 1]) and re.search(r"\d", anchor.group()):
            chars[anchor.start()] = chars[anchor.start()].upper()  # `Lingkungan 3`, `Dsn 2`, `Koramil 05`
        for count in range(3):
            if count and not names_province and _PROVINCE_AHEAD.match(text, cursor):
                break  # `kab jeneponto sulawesi selatan`: the province after the name is not part of it
            word = re.match(r"[^\W\d_][\w'\-]*", text[cursor:])
            if not word or _stop_in_caseless(word.group()):
                break
            chars[cursor] = chars[cursor].upper()
            if count == 0:  # the word before the name too: `Ds. Sukamaju`, `Bpk Ujang`, `Koramil 05/Cibeber`
                chars[anchor.start()] = chars[anchor.start()].upper()
            end = cursor + word.end()
            # an initial takes a full stop: `serka m. nasution`, `m.nasution`
            gap = re.match(r"(?:\. ?| )(?=[^\W\d_])" if word.end() == 1 else r" (?=[^\W\d_])", text[end:])
            if not gap:
                break
            cursor = end + gap.end()
    # an office before a name written as a title: `kepala kampung bapak yakob` -> `Kepala Kampung Bapak Yakob`
    cased = "".join(chars)
    for role in _ROLE_RE.finditer(text):
        if re.match(r"(?: (?:\d{1,3}|[ivx]{1,4}))?,? [A-Z]", cased[role.end() :]):
            for word in re.finditer(r"\b[a-z]", text[role.start() : role.end()]):
                chars[role.start() + word.start()] = chars[role.start() + word.start()].upper()
    return "".join(chars)
