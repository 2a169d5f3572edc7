"""The activity entry (one report), its closed vocabularies, and validation.

An entry is a plain dict in the JSON shape documented in docs/reference.md, typed as `Entry` (a
TypedDict: mypy checks it field by field, and at run time it costs no more than a dict); this
module is the one place that says what a valid entry is. Everything that enters
the store (typed, edited, imported, parsed) goes through `validate_entry`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import NotRequired, TypedDict, cast

from .dates import PARTS_OF_DAY as PARTS_OF_DAY  # the vocabulary lives in dates.py; re-exported
from .errors import InvalidInput
from .messages import t, tn
from .text import strip_unsafe

SCHEMA_VERSION = 1

KINDS = (
    "komsos",
    "anjangsana",
    "puldata",
    "patroli",
    "pendampingan",
    "karya-bakti",
    "monitoring",
    "lainnya",
)
SITUATIONS = ("aman", "waspada", "rawan")
VILLAGE_KINDS = ("Desa", "Kelurahan", "Nagari", "Gampong", "Kampung")
FOLLOW_UP_STATUSES = ("open", "done")

# Known topics; any other lower-case tag is accepted as a free tag.
TOPICS = (
    "keamanan",
    "kesehatan",
    "pemilu",
    "pilkada",
    "ekonomi",
    "pertanian",
    "ketahanan pangan",
    "pendidikan",
    "bencana",
    "lingkungan",
    "sosial",
    "agama",
    "budaya",
    "narkoba",
    "radikalisme",
    "konflik",
    "infrastruktur",
    "program pemerintah",
    "bela negara",
)

# TNI AD ranks, Prada to Peltu and the officers, in order. Lookup is by lower case.
RANKS = (
    "Prada",
    "Pratu",
    "Praka",
    "Kopda",
    "Koptu",
    "Kopka",
    "Serda",
    "Sertu",
    "Serka",
    "Serma",
    "Pelda",
    "Peltu",
    "Letda",
    "Lettu",
    "Kapten",
    "Mayor",
    "Letkol",
    "Kolonel",
    "Brigjen",
    "Mayjen",
    "Letjen",
    "Jenderal",
)
RANK_BY_LOWER = {rank.lower(): rank for rank in RANKS}


class Babinsa(TypedDict):
    """One Babinsa of a report: `{"rank": "Serda", "name": "Nursalim"}` (the rank one of RANKS)."""

    rank: str
    name: str


class FollowUp(TypedDict):
    """What must be followed up. `status` is `open` or `done`; a done one has `resolved_on` (ISO date or
    None) and `note` (or None), an open one neither key."""

    action: str
    status: str
    resolved_on: NotRequired[str | None]
    note: NotRequired[str | None]


class Photo(TypedDict):
    """A photo sent with a report: its file name and, when known, its SHA-256 (hex)."""

    name: str
    sha256: NotRequired[str]


class Source(TypedDict):
    """The chat a report was read from (`komsos parse CHAT`), its sender and the message's time."""

    chat: str
    sender: str
    sent_at: str


class ReceivedFrom(TypedDict):
    """The trusted sender whose signed file brought the entry, and when they signed it."""

    name: str
    fingerprint: str
    at: str


class Entry(TypedDict):
    """A valid entry, as `validate_entry` returns it and the stores keep it: the keys of FIELDS in
    that order, then those of EXTRA_FIELDS that the entry has. At run time a plain dict."""

    id: str
    date: str
    time: str | None
    kind: str
    babinsa: list[Babinsa]
    koramil: str | None
    kodim: str | None
    village: str
    village_kind: str | None
    hamlet: str | None
    kecamatan: str | None
    kabupaten: str | None
    province: str | None
    venue: str | None
    counterparts: list[str]
    topics: list[str]
    summary: str
    situation: str | None
    findings: list[str]
    follow_up: FollowUp | None
    place_matched: bool
    created_at: str
    updated_at: str
    photos: NotRequired[list[Photo]]
    source: NotRequired[Source]
    received_from: NotRequired[ReceivedFrom]
    merged_ids: NotRequired[list[str]]


# An entry not yet validated: a row of an import, what a user typed, what the parser read. Its
# values are whatever came in; `validate_entry` makes an Entry of it or says what is wrong.
RawEntry = Mapping[str, object]

# The order of keys in the JSON shape, in exports and in `list --json`. Never reorder:
# new keys go at the end.
FIELDS = (
    "id",
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
    "summary",
    "situation",
    "findings",
    "follow_up",
    "place_matched",
    "created_at",
    "updated_at",
)
# Fields an entry holds only when it has them, after FIELDS in the JSON shape: the photos sent with a
# report, where a report read from a chat came from (`komsos parse CHAT`), and who sent it, checked by the
# signature of the file it came in (`received_from`, docs/trust.md). JSON and JSON Lines
# carry them; CSV and XLSX, whose columns are FIELDS, do not (docs/exchange.md).
EXTRA_FIELDS = ("photos", "source", "received_from", "merged_ids")
LIST_FIELDS = ("counterparts", "topics", "findings")
ONE_LINE_FIELDS = (
    "koramil",
    "kodim",
    "village",
    "hamlet",
    "kecamatan",
    "kabupaten",
    "province",
    "venue",
)
# The fields a user may set on record/edit (everything but the bookkeeping).
USER_FIELDS = tuple(f for f in FIELDS if f not in ("id", "created_at", "updated_at", "place_matched"))
REQUIRED = ("babinsa", "village", "summary")

# Size limits, in characters (documented in docs/reference.md).
LIMIT_ONE_LINE = 200
LIMIT_SUMMARY = 20_000
LIMIT_ITEM = 2_000
LIMIT_ITEMS = 50

_SPACES = re.compile(r"[ \t]+")
# Bytes that were not UTF-8 reach Python as lone surrogates (argv and environment are decoded
# with surrogateescape); they cannot be written to the store as JSON.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_encoding(value: str, field: str) -> str:
    """`value`, or InvalidInput when it holds bytes that were not UTF-8 text."""
    if _SURROGATE.search(value):
        raise InvalidInput(t("field.not_utf8", field=field))
    return value


def _already_clean(value: str, multiline: bool) -> bool:
    """Whether `clean_text` would give `value` back unchanged, told by cheap C-level checks (most
    stored and imported text is clean: an import of a million entries cleans ~15 million texts).

    Printable text holds no control, format (bidi, BOM), separator or surrogate character, so
    none of the substitutions applies; then only NFC, spaces and the ends remain to check.
    """
    if multiline:
        if not value.replace("\n", "").isprintable() or " \n" in value:
            return False
    elif not value.isprintable() or "  " in value:
        return False
    return value == value.strip() and unicodedata.is_normalized("NFC", value)


def clean_text(value: str, *, multiline: bool = False, field: str = "text", limit: int | None = None) -> str:
    """Text as stored: NFC, no terminal escapes or control characters (`text.strip_unsafe`), trimmed.

    Free text (multiline) keeps newlines and tabs; one-line fields keep none.
    """
    if _already_clean(value, multiline):
        text = value
        maximum = limit or (LIMIT_SUMMARY if multiline else LIMIT_ONE_LINE)
        if len(text) > maximum:
            raise InvalidInput(t("field.too_long", field=field, length=len(text), limit=maximum))
        return text
    if "\x00" in value and value.count("\x00") > 2:
        raise InvalidInput(t("field.binary", field=field))
    check_encoding(value, field)
    # NFC after the controls go: a mark left beside its letter by a removed character must combine.
    text = unicodedata.normalize("NFC", strip_unsafe(value, multiline=multiline))
    if multiline:
        text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n").strip()
    else:
        text = _SPACES.sub(" ", text).strip()
    maximum = limit or (LIMIT_SUMMARY if multiline else LIMIT_ONE_LINE)
    if len(text) > maximum:
        raise InvalidInput(t("field.too_long", field=field, length=len(text), limit=maximum))
    return text


def parse_babinsa(text: str) -> Babinsa:
    """`"Serda Nursalim"` -> `{"rank": "Serda", "name": "Nursalim"}`; the rank must be TNI AD."""
    cleaned = clean_text(text, field="babinsa")
    head, _, rest = cleaned.partition(" ")
    rank = RANK_BY_LOWER.get(head.rstrip(".").lower())
    if rank is None:
        raise InvalidInput(t("babinsa.rank", text=cleaned))
    name = rest.strip()
    if not name:
        raise InvalidInput(t("babinsa.name", text=cleaned))
    return Babinsa(rank=rank, name=name)


def format_babinsa(person: Babinsa) -> str:
    return f"{person['rank']} {person['name']}"


# The number may carry the Kodim's in front: `Koramil 0727-03/Kebakkramat` (kept so).
_UNIT = re.compile(
    r"^(?:(koramil|kodim)\.?\s*)?(\d{2,4}(?:\s*[-–]\s*\d{1,2}(?=\s*/))?)\s*(?:[/\-]\s*|\s+)(.+)$", re.IGNORECASE
)


def normalize_unit(text: str, unit: str) -> str:
    """`Koramil 07 Gatak`, `koramil 03/ Kebakkramat`, `03/Kebakkramat` -> `Koramil 07/Gatak` ..."""
    cleaned = clean_text(text, field=unit.lower())
    match = _UNIT.match(cleaned)
    if not match:
        return cleaned
    word, number, name = match.groups()
    if word and word.lower() != unit.lower():
        return cleaned
    number = re.sub(r"\s*[-–]\s*", "-", number)
    return f"{unit} {number}/{name.strip()}"


_UNIT_WORD = re.compile(r"^\s*(koramil|kodim|korem|kodam)\b", re.IGNORECASE)
_KODIM_IN_KORAMIL = re.compile(r"^Koramil (\d{4})-\d{1,2}/")
UNIT_EXAMPLES = {"Koramil": "Koramil 03/Kebakkramat", "Kodim": "Kodim 0727/Karanganyar"}


def check_unit(text: str, unit: str) -> str:
    """What a user typed for --koramil or --kodim, in its one stored form; another kind of unit
    (`Kodim 0727` given as the Koramil) is refused with an example."""
    cleaned = clean_text(text, field=unit.lower())
    word = _UNIT_WORD.match(cleaned)
    if word and word.group(1).lower() != unit.lower():
        raise InvalidInput(
            t("unit.wrong_kind", option=f"--{unit.lower()}", value=cleaned, unit=unit, example=UNIT_EXAMPLES[unit])
        )
    return normalize_unit(cleaned, unit) if cleaned else cleaned


def kodim_of(koramil: str | None) -> str | None:
    """`Kodim 0727` from a Koramil written with its Kodim's number (`Koramil 0727-03/Kebakkramat`)."""
    match = _KODIM_IN_KORAMIL.match(koramil or "")
    return f"Kodim {match.group(1)}" if match else None


_KORAMIL_PLACE = re.compile(r"^\s*(?:koramil|ramil)\b\s*(?:\d+(?:\s*[-–]\s*\d+)?)?\s*/?\s*(.*?)\s*$", re.IGNORECASE)


def koramil_place(koramil: str | None) -> str | None:
    """The kecamatan a Koramil is named after (`Koramil 03/Kebakkramat` -> `Kebakkramat`), or None."""
    match = _KORAMIL_PLACE.match(koramil or "")
    name = match.group(1).strip() if match else ""
    return name if name and not name.isdigit() else None


def normalize_topic(text: str) -> str:
    return clean_text(text, field="topics", limit=LIMIT_ITEM).lower()


def choice(value: str, choices: tuple[str, ...], field: str, aliases: Mapping[str, str] | None = None) -> str:
    """Case-insensitive pick from a closed list; the canonical spelling is returned. `aliases` maps other
    words to a choice (`desa` to `village`); `field` names the field or option in the refusal."""
    lowered = value.strip().lower()
    if aliases:
        lowered = aliases.get(lowered, lowered)
    for option in choices:
        if option.lower() == lowered:
            return option
    raise InvalidInput(t("field.choice", field=field, value=value, choices=", ".join(choices)))


def utc_now() -> str:
    """An ISO 8601 UTC timestamp with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def blank_entry() -> dict[str, object]:
    """A draft with every key of an entry at its empty value, in FIELDS order (what `parse --json`
    shows before the entry is complete)."""
    entry: dict[str, object] = dict.fromkeys(FIELDS)
    for key in LIST_FIELDS:
        entry[key] = []
    entry["babinsa"] = []
    entry["kind"] = "komsos"
    entry["place_matched"] = False
    return entry


def missing_required(entry: RawEntry) -> list[str]:
    return [key for key in REQUIRED if not entry.get(key)]


# An id as komsos writes it (uuid4, lower case): taken as it is, without building a UUID.
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A timestamp as komsos writes it (utc_now): only its values need checking.
_CANONICAL_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")


def _check_id(value: object) -> str:
    if isinstance(value, str) and _CANONICAL_ID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise InvalidInput(t("field.type", field="id", expected=t("expected.uuid"))) from None


def _check_iso_date(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(t("field.type", field="date", expected=t("expected.date")))
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        shape = _ISO_DATE_SHAPE.match(value.strip())
        if shape:  # in the right form, but no such day (2024-02-30)
            year, month, day = (int(part) for part in shape.groups())
            raise InvalidInput(t("date.impossible", text=value.strip(), day=day, month=month, year=year)) from None
        raise InvalidInput(t("field.type", field="date", expected=t("expected.date"))) from None


_ISO_DATE_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _check_timestamp(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(t("field.type", field=field, expected=t("expected.timestamp")))
    if _CANONICAL_TIMESTAMP.fullmatch(value):
        try:
            datetime.fromisoformat(value)  # the values: no 2025-02-30, no 25:00
        except ValueError:
            raise InvalidInput(t("field.type", field=field, expected=t("expected.timestamp"))) from None
        return value
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(t("field.type", field=field, expected=t("expected.timestamp"))) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="microseconds")


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def _check_time(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInput(t("field.type", field="time", expected=t("expected.time")))
    text = value.strip().lower()
    if text in PARTS_OF_DAY:
        return text
    match = _TIME.match(text)
    if not match:
        raise InvalidInput(t("time.unreadable", text=value))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _optional_text(value: object, field: str, *, multiline: bool = False, limit: int | None = None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(t("field.type", field=field, expected=t("expected.text")))
    return clean_text(value, multiline=multiline, field=field, limit=limit) or None


def _text_list(value: object, field: str, *, multiline: bool = False) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(t("field.type", field=field, expected=t("expected.texts")))
    if len(value) > LIMIT_ITEMS:
        raise InvalidInput(t("field.too_many", field=field, count=len(value), limit=LIMIT_ITEMS))
    items: list[str] = []
    for item in value:
        cleaned = clean_text(item, multiline=multiline, field=field, limit=LIMIT_ITEM)
        if field == "topics":
            cleaned = cleaned.lower()
        if cleaned and cleaned not in items:
            items.append(cleaned)
    return items


def _babinsa_list(value: object) -> list[Babinsa]:
    if not isinstance(value, list):
        raise InvalidInput(t("field.type", field="babinsa", expected=t("expected.babinsa")))
    people: list[Babinsa] = []
    for person in value:
        if isinstance(person, str):
            people.append(parse_babinsa(person))
            continue
        if (
            not isinstance(person, dict)
            or not isinstance(person.get("rank"), str)
            or not isinstance(person.get("name"), str)
        ):
            raise InvalidInput(t("field.type", field="babinsa", expected=t("expected.babinsa")))
        rank = RANK_BY_LOWER.get(person["rank"].strip().rstrip(".").lower())
        if rank is None:
            raise InvalidInput(t("babinsa.rank", text=f"{person['rank']} {person['name']}"))
        name = clean_text(person["name"], field="babinsa")
        if not name:
            raise InvalidInput(t("babinsa.name", text=person["rank"]))
        if Babinsa(rank=rank, name=name) not in people:
            people.append(Babinsa(rank=rank, name=name))
    if len(people) > LIMIT_ITEMS:
        raise InvalidInput(t("field.too_many", field="babinsa", count=len(people), limit=LIMIT_ITEMS))
    return people


def _follow_up(value: object) -> FollowUp | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = {"action": value, "status": "open"}
    if not isinstance(value, dict) or not isinstance(value.get("action"), str):
        raise InvalidInput(t("field.type", field="follow_up", expected=t("expected.follow_up")))
    action = clean_text(value["action"], multiline=True, field="follow_up", limit=LIMIT_ITEM)
    if not action:
        return None
    status = choice(str(value.get("status") or "open"), FOLLOW_UP_STATUSES, "follow_up.status")
    result = FollowUp(action=action, status=status)
    if status == "done":
        result["resolved_on"] = _check_iso_date(value["resolved_on"]) if value.get("resolved_on") else None
        result["note"] = _optional_text(value.get("note"), "follow_up.note", multiline=True, limit=LIMIT_ITEM)
    return result


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _photos(value: object) -> list[Photo]:
    """`[{"name": "IMG-20250117-WA0003.jpg", "sha256": "..."}]`: the file names (and hashes) sent with a report."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict | str) for item in value):
        raise InvalidInput(t("field.type", field="photos", expected=t("expected.photos")))
    if len(value) > LIMIT_ITEMS:
        raise InvalidInput(t("field.too_many", field="photos", count=len(value), limit=LIMIT_ITEMS))
    photos: list[Photo] = []
    for item in value:
        item = {"name": item} if isinstance(item, str) else item
        name = item.get("name")
        digest = item.get("sha256")
        if (
            not isinstance(name, str)
            or not (digest is None or isinstance(digest, str))
            or set(item) - {"name", "sha256"}
        ):
            raise InvalidInput(t("field.type", field="photos", expected=t("expected.photos")))
        photo = Photo(name=clean_text(name, field="photos"))
        if digest:
            digest = digest.strip().lower()
            if not _SHA256.match(digest):
                raise InvalidInput(t("field.type", field="photos.sha256", expected=t("expected.sha256")))
            photo["sha256"] = digest
        if photo["name"] and photo not in photos:
            photos.append(photo)
    return photos


def _source(value: object) -> Source | None:
    """`{"chat", "sender", "sent_at"}`: the chat a report was read from, its sender and the message time."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"chat", "sender", "sent_at"}:
        raise InvalidInput(t("field.type", field="source", expected=t("expected.source")))
    chat = _optional_text(value.get("chat"), "source.chat")
    sender = _optional_text(value.get("sender"), "source.sender")
    sent_at = value.get("sent_at")
    if not chat or not sender or not isinstance(sent_at, str):
        raise InvalidInput(t("field.type", field="source", expected=t("expected.source")))
    try:
        moment = datetime.fromisoformat(sent_at.strip())
    except ValueError:
        raise InvalidInput(t("field.type", field="source.sent_at", expected=t("expected.timestamp"))) from None
    return Source(chat=chat, sender=sender, sent_at=moment.isoformat())


_FINGERPRINT = re.compile(r"^[0-9a-f]{4}( [0-9a-f]{4}){3}$")
_RECEIVED_KEYS = ("name", "fingerprint", "at")


def check_received_from(value: object) -> ReceivedFrom | None:
    """`{"name", "fingerprint", "at"}`: the trusted sender whose signed file brought the entry, and
    when they signed it (docs/trust.md)."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(_RECEIVED_KEYS):
        raise InvalidInput(t("field.type", field="received_from", expected=t("expected.received_from")))
    name = _optional_text(value["name"], "received_from.name")
    fingerprint = value["fingerprint"]
    if not name or not isinstance(fingerprint, str) or not _FINGERPRINT.match(fingerprint):
        raise InvalidInput(t("field.type", field="received_from", expected=t("expected.received_from")))
    return ReceivedFrom(name=name, fingerprint=fingerprint, at=_check_timestamp(value["at"], "received_from.at"))


def validate_entry(raw: RawEntry) -> Entry:
    """A canonical copy of `raw`, or InvalidInput naming the first bad field.

    Every key of FIELDS is present in the result, in FIELDS order.
    """
    unknown = sorted(set(raw) - set(FIELDS) - set(EXTRA_FIELDS))
    if unknown:
        raise InvalidInput(tn("field.unknown", len(unknown), fields=", ".join(unknown)))
    identifier = _check_id(raw["id"]) if raw.get("id") else new_id()
    if not raw.get("date"):
        raise InvalidInput(tn("field.required", 1, fields="date"))
    day = _check_iso_date(raw["date"])
    time = _check_time(raw.get("time"))
    kind = choice(str(raw.get("kind") or "komsos"), KINDS, "kind")
    babinsa = _babinsa_list(raw.get("babinsa") or [])
    lines = {key: _optional_text(raw.get(key), key) for key in ONE_LINE_FIELDS}
    village_kind = choice(str(raw["village_kind"]), VILLAGE_KINDS, "village_kind") if raw.get("village_kind") else None
    counterparts = _text_list(raw.get("counterparts"), "counterparts")
    topics = _text_list(raw.get("topics"), "topics")
    findings = _text_list(raw.get("findings"), "findings", multiline=True)
    summary = _optional_text(raw.get("summary"), "summary", multiline=True)
    situation = choice(str(raw["situation"]), SITUATIONS, "situation") if raw.get("situation") else None
    follow_up = _follow_up(raw.get("follow_up"))
    created_at = _check_timestamp(raw["created_at"], "created_at") if raw.get("created_at") else utc_now()
    updated_at = _check_timestamp(raw["updated_at"], "updated_at") if raw.get("updated_at") else created_at
    photos = _photos(raw.get("photos"))
    source = _source(raw.get("source"))
    received = check_received_from(raw.get("received_from"))
    merged_ids = _merged_ids(raw.get("merged_ids"))
    village = lines["village"]
    missing = [key for key, value in (("babinsa", babinsa), ("village", village), ("summary", summary)) if not value]
    if missing or village is None or summary is None:
        raise InvalidInput(tn("field.required", len(missing), fields=", ".join(missing)))
    koramil, kodim = lines["koramil"], lines["kodim"]
    entry: Entry = {
        "id": identifier,
        "date": day,
        "time": time,
        "kind": kind,
        "babinsa": babinsa,
        "koramil": normalize_unit(koramil, "Koramil") if koramil else koramil,
        "kodim": normalize_unit(kodim, "Kodim") if kodim else kodim,
        "village": village,
        "village_kind": village_kind,
        "hamlet": lines["hamlet"],
        "kecamatan": lines["kecamatan"],
        "kabupaten": lines["kabupaten"],
        "province": lines["province"],
        "venue": lines["venue"],
        "counterparts": counterparts,
        "topics": topics,
        "summary": summary,
        "situation": situation,
        "findings": findings,
        "follow_up": follow_up,
        "place_matched": bool(raw.get("place_matched")),
        "created_at": created_at,
        "updated_at": updated_at,
    }
    if photos:
        entry["photos"] = photos
    if source:
        entry["source"] = source
    if received:
        entry["received_from"] = received
    if merged_ids:
        entry["merged_ids"] = merged_ids
    return entry


def _merged_ids(value: object) -> list[str]:
    """The ids of entries folded into this one by `komsos merge` (canonical ids, no repeats)."""
    if not value:
        return []
    if not isinstance(value, list):
        raise InvalidInput(t("field.type", field="merged_ids", expected=t("expected.list")))
    ids: list[str] = []
    for item in value:
        checked = _check_id(str(item))
        if checked not in ids:
            ids.append(checked)
    return ids


_FOLLOW_UP_ORDER = ("action", "status", "resolved_on", "note")


def in_field_order(entry: Entry) -> Entry:
    """The entry with its keys in FIELDS order (and a follow-up's, a Babinsa's, in theirs), as
    `validate_entry` makes it: a store that keeps entries as PostgreSQL `jsonb` (which orders
    keys its own way) gives them back exactly as the file store does."""
    fields: Mapping[str, object] = entry
    ordered: dict[str, object] = {key: fields[key] for key in (*FIELDS, *EXTRA_FIELDS) if key in fields}
    if len(ordered) != len(fields):
        ordered.update((key, value) for key, value in fields.items() if key not in ordered)
    result = cast(Entry, ordered)
    people = entry.get("babinsa")
    if people:
        result["babinsa"] = [Babinsa(rank=person["rank"], name=person["name"]) for person in people]
    follow = entry.get("follow_up")
    if follow:
        result["follow_up"] = cast(FollowUp, {key: follow.get(key) for key in _FOLLOW_UP_ORDER if key in follow})
    received = entry.get("received_from")
    if received:
        sender: Mapping[str, object] = received  # as stored: the keys it has, in their order
        result["received_from"] = cast(ReceivedFrom, {key: sender[key] for key in _RECEIVED_KEYS if key in sender})
    return result
