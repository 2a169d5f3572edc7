"""People: the Babinsa as written (rank and name), never an officer named in passing nor the police."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import RANK_BY_LOWER, RANKS
from ...names import fold
from .text import _NAME_TOKEN, NAME_STOPWORDS, _key, _take_tokens, sentence_of, sentence_starts

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
    joined_a, joined_b = "".join(wa), "".join(wb)
    if joined_a == joined_b:
        return True  # `Nursalim` and `Nur Salim`
    if len(wa) == len(wb) == 1:
        return len(wa[0]) >= 5 and _one_edit(wa[0], wb[0])
    # `Budi Santoso` and `Budi Santosa`, `Joko Purnomo` and `Joko Purnama`: the same words but the last,
    # and that one a typo of the other (a letter off, or as alike as SequenceMatcher's 0.7)
    if len(wa) == len(wb) and wa[:-1] == wb[:-1]:
        last_a, last_b = wa[-1], wb[-1]
        return min(len(last_a), len(last_b)) >= 5 and (_one_edit(last_a, last_b) or _alike(last_a, last_b))
    return False


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.7


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped (`Nursalim`, `Nursalin`, `Nurssalim`)."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def find_people(text: str) -> list[_Person]:
    """Every TNI rank + name that is not a commander being quoted or a street name."""
    people: list[_Person] = []
    excluded: list[_Person] = []
    starts = sentence_starts(text)
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
            or (_same_person(person, other) and sentence_of(starts, text, other.start)[1] <= person.start)
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
