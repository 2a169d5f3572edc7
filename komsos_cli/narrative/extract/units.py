"""Units as written: the Koramil and the Kodim of the activity, their numbers in their many spellings,
never the press signature's unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...names import fold
from .people import _STOP_LOWER, _Person
from .text import _PLACE_TOKEN, NAME_STOPWORDS, _take_tokens

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
    written_number: str | None = None  # with the Kodim's part, as written: `0727-03`


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
        kodim_number = written = None
        if pattern.groups >= 3 and number:
            if minor and (separator != "/" or len(number) >= 3):
                # the Kodim's number in front, kept as written: `Koramil 0727-03/Kebakkramat`, `416 – 07` 416-07
                kodim_number, written, number = number.zfill(4), f"{number}-{minor}", minor
            elif len(number) >= 3:
                kodim_number, number = number.zfill(4), None  # `Koramil 0822/Grujugan`: the Kodim's alone
        if not number and not name:
            continue
        units.append(_Unit(number, name, match.start(), max(end, match.end()), kodim_number, written))
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
    number = unit.written_number or unit.number
    if number and unit.name:
        return f"{word} {number}/{unit.name}"
    return f"{word} {number or unit.name}"


def headline_end(text: str) -> int:
    """Where the body starts when the text opens with a headline (a short first line with no full stop)."""
    match = re.match(r"\s*([^\n]{5,160})\n", text)
    if match and not re.search(r"[.!?:]\s*$|[.!?]\s", match.group(1)) and text[match.end() :].strip():
        return match.end()
    return 0


def signature_start(text: str) -> int:
    """Where a press-office signature at the end starts (`(Pr4as.sl)`, `Pendim 0727`, `Sumber: ...`)."""
    tail_start = max(0, len(text) - 200)
    best = len(text)
    for match in re.finditer(
        r"(?i)\((?:[^()\n]{1,40})\)\s*$|\n\s*\(?\s*(?:sumber|pendim|penrem|pen\s*\d|humas|red|editor|penulis)\b[^\n]*$",
        text[tail_start:],
    ):
        best = min(best, tail_start + match.start())
    return best


def _nearest(units: list[_Unit], anchor: int | None) -> _Unit:
    """The unit named closest before the Babinsa (else the first one)."""
    if anchor is None:
        return units[0]
    before = [unit for unit in units if unit.start <= anchor]
    return before[-1] if before else units[0]


@dataclass
class Units:
    """The Koramil and Kodim of the activity as stored, and where every unit is named (no place is read there)."""

    koramil: str | None
    kodim: str | None
    spans: list[tuple[int, int]]


def find_units(text: str, people: list[_Person], core: tuple[int, int] | None, signature_from: int) -> Units:
    """The Babinsa's Koramil (a Danramil's when no Koramil is named) and the Kodim: one named in the body,
    the Dandim's, or the one a Koramil number carries (`Koramil 0727-03`)."""
    koramils = _units(text, _KORAMIL_RE, signature_from)
    kodims = _units(text, _KODIM_RE, signature_from)
    anchor = people[0].start if people else None
    body_from = headline_end(text)
    chosen_koramil = _choose_unit(koramils, core, anchor, body_from)
    if chosen_koramil is None:
        chosen_koramil = _choose_unit(_units(text, _DANRAMIL_RE, signature_from), core, anchor, body_from)
    koramil = _unit_text("Koramil", chosen_koramil) if chosen_koramil else None
    carried = chosen_koramil.kodim_number if chosen_koramil and chosen_koramil.kodim_number else None
    carried = carried or next((unit.kodim_number for unit in koramils if unit.kodim_number), None)
    body_kodims = [unit for unit in kodims if unit.start >= body_from]
    chosen_kodim = _choose_unit(body_kodims, core, None, body_from)
    dandims = _units(text, _DANDIM_RE, signature_from)
    if chosen_kodim is None and dandims:
        chosen_kodim = dandims[0]
    if chosen_kodim is None and not carried:
        chosen_kodim = _choose_unit(kodims, core, None, 0)
    if chosen_kodim is None and carried:
        # `Koramil 0727-03/Kebakkramat` with `Kodim 0727/Karanganyar` in the headline: the Kodim with its name
        # (only a name after a slash: a headline's `Kodim 0822 Eratkan Silaturahmi` names no Kodim)
        named = [u for u in kodims if u.number == carried and u.name and "/" in text[u.start : u.end]]
        chosen_kodim = named[0] if named else None
    kodim: str | None = None
    if chosen_kodim is not None:
        kodim = _unit_text("Kodim", chosen_kodim)
    elif carried:
        kodim = f"Kodim {carried}"
    return Units(koramil, kodim, [(unit.start, unit.end) for unit in koramils + kodims])
