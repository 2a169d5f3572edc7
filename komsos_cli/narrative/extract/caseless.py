"""Text typed without capitals: recognising it, and capitalising the names a reader needs."""

from __future__ import annotations

import re

from .kinds import _KIND_RES
from .people import _RANK_WORDS_RE, _STOP_LOWER
from .places import _PLACE_STOP, _PROVINCE_AHEAD
from .text import NAME_STOPWORDS, _key
from .topics import _TOPIC_RES
from .venue import _POLICE_RANK, _ROLE_RE

# --- text typed without capitals -----------------------------------------------------

# A WhatsApp report typed in a hurry, all in lower case (or all in capitals), gives the rules above no
# capital to find a name by. Such a text is read with the names after a rank, a place word, a unit, an
# honorific or an office capitalised; the rest stays as typed. Offsets do not move.
_CASELESS_ANCHOR = re.compile(
    r"(?i)(?<![\w.])(?:"
    + _RANK_WORDS_RE
    + r"|desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp|dusun|dsn|dukuh|dk|lingkungan|ling|lk|jorong|banjar|"
    r"kecamatan|kec|kemantren|distrik|kabupaten|kab|kota|provinsi|prov|bapak|bpk|pak|ibu|bu|sdr|saudara|mbah|"
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
