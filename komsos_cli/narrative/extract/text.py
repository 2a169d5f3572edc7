"""Text preparation, the words that end a name, word tokens and sentences: what every field reader uses."""

from __future__ import annotations

import re
import unicodedata

from ...dates import WEEKDAY_NAMES_ID
from ...model import RANKS
from ...names import fold

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
    "kemantren",
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
# The weekdays end a name too: from the one calendar vocabulary (dates.py).
_STOP_COMMON |= {name.lower() for name in WEEKDAY_NAMES_ID} | {"ahad"}
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


def blank_related(text: str) -> str:
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


def sentence_starts(text: str) -> list[int]:
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


def sentence_of(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    begin = 0
    end = len(text)
    for start in starts:
        if start <= pos:
            begin = start
        else:
            end = start
            break
    return begin, end
