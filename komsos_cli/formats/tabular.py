"""What csv and xlsx share: the header row, and an entry's values as cell texts and back.

The text forms (documented in docs/exchange.md; they never change between releases):

- Columns are `model.FIELDS`, in that order. `--lang id` writes Indonesian labels in
  the header row, and the cell words below in Indonesian; import reads either language.
- A list (counterparts, topics, findings, babinsa) is its items joined with `"; "`.
  Inside an item, `;` is written `\\;` and `\\` is written `\\\\`; a backslash before
  any other character is kept as typed. Babinsa items are `"Rank Name"`.
- follow_up is `"status: action"`, or `"done YYYY-MM-DD: action; note"` when it was
  resolved (date and note optional); action and note use the list escape. With `--lang id`
  the status is `terbuka` (open) or `selesai` (done).
- place_matched is `true` or `false` (`ya` or `tidak` with `--lang id`).
- In csv, a cell that starts with `= + - @ '`, a tab, CR or LF, or a free-text cell that a
  spreadsheet would read as a number or a date (`03/04`, `0812345678`), gets one leading
  `'` (`guard`); import removes one leading `'` from every cell (`unguard`).
- An empty cell is an empty value (None or an empty list).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from ..errors import InvalidInput
from ..messages import field_name, language, t, tn
from ..model import FIELDS, FOLLOW_UP_STATUSES, LIST_FIELDS

if TYPE_CHECKING:
    from ..model import Babinsa, FollowUp

LIST_SEPARATOR = "; "

# The header row of `--lang id`. Labels are unique, and stable like FIELDS.
LABELS_ID: dict[str, str] = {
    "id": "ID",
    "date": "Tanggal",
    "time": "Waktu",
    "kind": "Kegiatan",
    "babinsa": "Babinsa",
    "koramil": "Koramil",
    "kodim": "Kodim",
    "village": "Desa/Kelurahan",
    "village_kind": "Jenis desa",
    "hamlet": "Dusun/RT/RW",
    "kecamatan": "Kecamatan",
    "kabupaten": "Kabupaten/Kota",
    "province": "Provinsi",
    "venue": "Tempat",
    "counterparts": "Bersama",
    "topics": "Topik",
    "summary": "Ringkasan",
    "situation": "Situasi",
    "findings": "Temuan",
    "follow_up": "Tindak lanjut",
    "place_matched": "Tempat terverifikasi",
    "created_at": "Dibuat",
    "updated_at": "Diubah",
}
# Columns an imported file must have: the merge needs the id and both timestamps.
REQUIRED_COLUMNS = ("id", "date", "babinsa", "village", "summary", "created_at", "updated_at")

_BY_NAME: dict[str, str] = {
    **{field: field for field in FIELDS},
    **{label.lower(): field for field, label in LABELS_ID.items()},
}


# The words of a file's cells, by language (`--lang id` writes Indonesian ones); import reads
# every language's, whatever the header's language (a spreadsheet may mix them).
FLAG_WORDS: dict[str, tuple[str, str]] = {"en": ("false", "true"), "id": ("tidak", "ya")}
STATUS_WORDS: dict[str, dict[str, str]] = {
    "en": {"open": "open", "done": "done"},
    "id": {"open": "terbuka", "done": "selesai"},
}
_STATUS_BY_WORD: dict[str, str] = {word: status for words in STATUS_WORDS.values() for status, word in words.items()}


def header(lang: str = "en") -> list[str]:
    """The header row: the entry's keys, or their Indonesian labels."""
    if lang == "id":
        return [LABELS_ID.get(field, field) for field in FIELDS]
    return list(FIELDS)


def columns(cells: Sequence[object]) -> list[str]:
    """The field of each header cell, or InvalidInput saying what is wrong with the header."""
    names = ["" if cell is None else str(cell).strip() for cell in cells]
    while names and not names[-1]:
        names.pop()  # empty columns at the end (a spreadsheet may add them) are harmless
    fields: list[str] = []
    for name in names:
        field = _BY_NAME.get(name.lower())
        if field is None:
            raise InvalidInput(t("exchange.header.unknown", column=name or "(empty)"))
        if field in fields:
            raise InvalidInput(t("exchange.header.twice", column=name))
        fields.append(field)
    missing = [field for field in REQUIRED_COLUMNS if field not in fields]
    if missing:
        raise InvalidInput(tn("exchange.header.missing", len(missing), columns=", ".join(missing)))
    return fields


# --- formula guard -----------------------------------------------------------------

# A spreadsheet reads a cell starting with one of these as a formula (or eats the `'`).
FORMULA_STARTS = frozenset("=+-@\t\r\n'")


# A spreadsheet opening a csv also turns a whole cell like these into a number or a date,
# and saves it back changed (`03/04` -> 04/03/2026, `0812345678` -> 812345678, `1.234` ->
# 1234, `1e5` -> 100000): in the free-text columns such a text gets the same `'`. The date
# and time columns are meant to be read that way (import takes what a spreadsheet saves).
NUMBER_STARTS = frozenset("0123456789(")
_NUMBER_LIKE = re.compile(r"\(?[0-9][0-9 .,/:\-]*(?:[eE][+-]?[0-9]+)?%?\)?")
# The columns whose cells are never guarded for looking like a number (ids, dates, times).
TYPED_FIELDS = frozenset({"id", "date", "time", "created_at", "updated_at"})


def looks_like_number(text: str) -> bool:
    """True for a text a spreadsheet would read as a number, date or time."""
    return bool(text) and text[0] in NUMBER_STARTS and _NUMBER_LIKE.fullmatch(text) is not None


def guard(text: str, typed: bool = False) -> str:
    """`=1+1` -> `'=1+1`, `03/04` -> `'03/04`: a spreadsheet reads the text as it is, never as a
    formula (nor, unless `typed`, as a number or a date); `unguard` undoes it."""
    if text and (text[0] in FORMULA_STARTS or (not typed and looks_like_number(text))):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """Remove exactly the one `'` that `guard` added."""
    return text[1:] if text.startswith("'") else text


# --- lists --------------------------------------------------------------------------


def escape_item(item: str) -> str:
    if "\\" in item:
        item = item.replace("\\", "\\\\")
    if ";" in item:
        item = item.replace(";", "\\;")
    return item


def join_list(items: Sequence[str]) -> str:
    """`["a", "b;c"]` -> `"a; b\\;c"`."""
    joined = LIST_SEPARATOR.join(items)
    if "\\" not in joined and joined.count(";") == len(items) - 1:
        return joined  # no item holds `;` or `\\`: nothing to escape (the common case, and fast)
    return LIST_SEPARATOR.join([escape_item(item) for item in items])


def split_list(text: str) -> list[str]:
    """The items of a joined list, exactly as they were before `join_list`."""
    if not text:
        return []
    if "\\" not in text:
        first, *rest = text.split(";")
        return [first, *(part[1:] if part.startswith(" ") else part for part in rest)]
    items: list[str] = []
    current: list[str] = []
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char == "\\" and i + 1 < length and text[i + 1] in "\\;":
            current.append(text[i + 1])
            i += 2
            continue
        if char == ";":
            items.append("".join(current))
            current = []
            i += 1
            if i < length and text[i] == " ":
                i += 1
            continue
        current.append(char)
        i += 1
    items.append("".join(current))
    return items


# --- follow-up ------------------------------------------------------------------------


def follow_up_text(follow_up: FollowUp, lang: str = "en") -> str:
    """`{"action": "Cek jalan", "status": "done", "resolved_on": "2025-02-01", "note": "Sudah"}`
    -> `"done 2025-02-01: Cek jalan; Sudah"` (`"selesai 2025-02-01: ..."` in Indonesian)."""
    status = str(follow_up.get("status") or "open")
    head = STATUS_WORDS.get(lang, STATUS_WORDS["en"]).get(status, status)
    resolved_on = follow_up.get("resolved_on")
    if resolved_on:
        head += f" {resolved_on}"
    parts = [follow_up["action"]]
    note = follow_up.get("note")
    if note:
        parts.append(note)
    return f"{head}: {join_list(parts)}"


def parse_follow_up(text: str) -> dict[str, str] | None:
    """The follow-up dict of `follow_up_text` in either language (raw values for `model.validate_entry`);
    a cell without a status is an open action."""
    if not text.strip():
        return None
    head, separator, rest = text.partition(": ")
    words = head.strip().split(" ")
    status = _STATUS_BY_WORD.get(words[0].lower(), "")
    if not separator or status not in FOLLOW_UP_STATUSES or len(words) > 2:
        return {"action": text, "status": "open"}
    result: dict[str, str] = {"status": status}
    if len(words) == 2:
        try:
            result["resolved_on"] = date.fromisoformat(words[1]).isoformat()
        except ValueError:
            raise InvalidInput(t("exchange.follow_up.date", date=words[1])) from None
    parts = split_list(rest) or [""]
    if len(parts) > 2:
        raise InvalidInput(t("exchange.follow_up.parts"))
    result["action"] = parts[0]
    if len(parts) == 2:
        result["note"] = parts[1]
    return result


# --- an entry as cells and back -----------------------------------------------------------

# An encoder gets one field's value of an entry, read by the field's name (so typed `object`). The
# entries written are valid (`model.Entry`): the casts below say what that field holds, unchecked.
Encoder = Callable[[object], str]


def plain(value: object) -> str:
    return "" if value is None else str(value)


def _people(value: object) -> str:
    people = cast("list[Babinsa]", value)  # an entry's babinsa (see Encoder)
    return join_list([f"{person['rank']} {person['name']}" for person in people]) if people else ""


def _items(value: object) -> str:
    items = cast("list[str]", value)  # an entry's counterparts, topics or findings (see Encoder)
    return join_list(items) if items else ""


def flag_text(value: object, lang: str = "en") -> str:
    """`true`/`false`, or `ya`/`tidak` in Indonesian."""
    return FLAG_WORDS.get(lang, FLAG_WORDS["en"])[1 if value else 0]


Encoders = tuple[tuple[str, Encoder], ...]


def encoders(lang: str = "en") -> Encoders:
    """Each field's cell encoder, in FIELDS order, writing the cell words of `lang`."""

    def follow(value: object) -> str:
        follow_up = cast("FollowUp | None", value)  # an entry's follow_up (see Encoder)
        return follow_up_text(follow_up, lang) if follow_up else ""

    def flag(value: object) -> str:
        return flag_text(value, lang)

    special: dict[str, Encoder] = {
        "babinsa": _people,
        **dict.fromkeys(LIST_FIELDS, _items),
        "follow_up": follow,
        "place_matched": flag,
    }
    return tuple((field, special.get(field, plain)) for field in FIELDS)


ENCODERS: Encoders = encoders("en")


def cells(entry: Mapping[str, object], lang: str = "en") -> list[str]:
    """The entry's values as cell texts, in FIELDS order (no formula guard)."""
    return [encode(entry.get(field)) for field, encode in encoders(lang)]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day_first(text: str) -> str:
    """`11/01/2022` (what Excel with Indonesian settings saves) -> `2022-01-11`; else as typed."""
    from ..dates import parse_date

    try:
        return parse_date(text).isoformat()
    except InvalidInput:
        return text  # validation then names the field and the expected form


_SPREADSHEET_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.]\d{2}(?:[.,]\d+)?)?\s*([AaPp][Mm])?$")


def _clock(text: str) -> str:
    """`08:30:00 AM`, `8:30:00`, `8.30 PM` (how spreadsheets save a time) -> `08:30`, `20:30`; else as typed."""
    match = _SPREADSHEET_TIME.match(text.strip())
    if not match:
        return text
    hour, minute, half = int(match.group(1)), match.group(2), (match.group(3) or "").lower()
    if half and 1 <= hour <= 12:
        hour = hour % 12 + (12 if half == "pm" else 0)
    return f"{hour:02d}:{minute}" if hour < 24 else text


_TRUE = ("true", "1", "yes", "ya", "y", "benar")
_FALSE = ("", "false", "0", "no", "tidak", "t", "salah")


def decode(values: Mapping[str, object]) -> dict[str, object]:
    """Cell texts by field -> raw entry values for `model.validate_entry`."""
    raw: dict[str, object] = {}
    for field, value in values.items():
        text = "" if value is None else str(value)
        if field in LIST_FIELDS or field == "babinsa":
            raw[field] = split_list(text)
        elif field == "follow_up":
            try:
                raw[field] = parse_follow_up(text)
            except InvalidInput as error:
                named = field_name(language(), "follow_up")
                raise InvalidInput(f"{named}: {error.message}") from None
        elif field == "date" and text and not _ISO_DATE.match(text):
            raw[field] = _day_first(text)
        elif field == "time" and text:
            raw[field] = _clock(text)
        elif field == "place_matched":
            flag = text.strip().lower()
            if flag not in _TRUE and flag not in _FALSE:
                raise InvalidInput(t("field.type", field="place_matched", expected=t("exchange.flag_expected")))
            raw[field] = flag in _TRUE
        else:
            raw[field] = text if text else None
    return raw
