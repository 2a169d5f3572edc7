"""The venue of the activity and the people met (counterparts)."""

from __future__ import annotations

import re

from ...names import fold
from .people import _STOP_LOWER
from .places import _AREA_WORDS, _HAMLET_RE, _PLACE_STOP, _VILLAGE_RE, _WEEKDAYS
from .text import _NAME_TOKEN, _NOT_PERSON, _OCCUPATIONS, _PLACE_TOKEN, _STOP_COMMON, NAME_STOPWORDS, _key, _take_tokens

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
    r"gampong|kecamatan|kec|kemantren|distrik|kabupaten|kab|kota|wilayah)\b"
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


def find_venue(
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
        return _headed_venue(text, pos, head, limit)
    if not clause:
        return None
    return _street_clause(text, pos, limit)


def _headed_venue(text: str, pos: int, head: re.Match[str], limit: int) -> str | None:
    """The venue that starts with a venue word (`rumah`, `balai desa`, `lahan … milik`) at `pos`."""
    word = head.group().split()[0].lower()
    end = head.end()
    described = _DESCRIPTION.match(text, end)  # `lahan jagung milik ...`, `lahan perkebunan jahe merah milik`
    if described and not any(w in _PLACE_STOP for w in described.group().split()):
        end = described.end()
    owner, owner_end = _owner_phrase(text, end)
    if not owner:
        behind_filler = _owner_behind_filler(text, pos, end)
        if behind_filler:
            return behind_filler
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


def _owner_behind_filler(text: str, pos: int, end: int) -> str | None:
    """`rumah warga binaannya milik Sabar Tarigan`, `rumah warga, Bapak X`, `Rumah Warga Kelurahan Y Bapak Z`:
    the venue with its owner named after filler words, or None."""
    filler = _VENUE_FILLER.match(text, end)
    if not filler or filler.end() <= end:
        return None
    owner, _ = _owner_phrase(text, filler.end())
    milik = re.search(r"(?i)\bmilik\s*$", text[end : filler.end()])
    if not owner and milik:
        owner, _ = _take_tokens(text, filler.end(), _NAME_TOKEN, NAME_STOPWORDS, 3)
    if not owner:
        return None
    owner = owner.removeprefix("milik ").strip()
    joined = "milik " if milik and not re.match(rf"(?i){_HONORIFIC}\s", owner) else ""
    return f"{text[pos:end].strip()} {joined}{owner}".strip(" ,.")


def _street_clause(text: str, pos: int, limit: int) -> str | None:
    """ "bertempat di Jalan Protokol Dusun 2 Desa ...": the words up to the address."""
    phrase = re.match(r"[^,.;\n]{3,80}", text[pos:limit])
    if not phrase:
        return None
    kept: list[str] = []
    for word in phrase.group().split()[:6]:
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


def find_counterparts(
    text: str, babinsa_names: list[str], signature_from: int, core: tuple[int, int] | None = None, body_from: int = 0
) -> list[str]:
    body = text[:signature_from]
    items = _named_counterparts(body, body_from)
    result = _distinct_from_babinsa(items, babinsa_names)
    if result:
        # a group met beside the people named: `bersama warga dan Linmas`, `dgn Kadus X dan warga`
        for beside in _groups_beside(body, items):
            if fold(beside) not in (fold(phrase) for phrase in result):
                result.append(beside)
        return result
    group = _group_met(body, core, body_from)
    return [group] if group else []


def _named_counterparts(body: str, body_from: int) -> list[tuple[int, int, str]]:
    """The people and officials named in `body` (from `body_from`), as (start, end, phrase), in order,
    appositions joined: roles (`Kades X`), `warga Desa Y`, then honorifics (`Bapak Z`) not inside them."""
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
    return _join_appositions(body, sorted(items), roles, persons)


def _distinct_from_babinsa(items: list[tuple[int, int, str]], babinsa_names: list[str]) -> list[str]:
    """The phrases of `items`, each once (one inside another counts once), the Babinsa themselves left out."""
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
    return result


def _group_met(body: str, core: tuple[int, int] | None, body_from: int) -> str | None:
    """The group met when nobody is named, as the sentence of the activity names it
    (`dengan masyarakat`, `bersama pedagang ikan`), else a group word anywhere (`warga`, `petani`)."""
    window = body[core[0] : core[1]] if core else ""
    said = _GROUP_RE.search(window) or _GROUP_RE.search(body, body_from)
    if said:
        words = said.group(1).split()
        if len(words) > 1 and not _group_modifier(words[0], words[-1]):
            words = words[:-1]
        return " ".join(words).lower()
    group = re.search(r"(?i)\b(warga|petani|nelayan|pedagang|peternak|pelajar)\b", body)
    return group.group(1).lower() if group else None


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
