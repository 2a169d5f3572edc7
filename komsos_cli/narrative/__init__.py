"""From story to record and back: read a narrative Komsos report into an entry, and write one.

`extract.extract` reads text into fields (pure); `narrate.narrate` writes an entry as
text (pure). This module joins them to the rest of komsos: the gazetteer, when
komsos_cli.places provides it, and the entry model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import ParamSpec, Protocol, TypeVar

from ..dates import parse_when
from ..entries import complete_required
from ..errors import InvalidInput, MissingFields
from ..messages import t, tn
from ..model import Entry, clean_text, validate_entry
from .extract import EXTRACTED_FIELDS, Extraction, KabupatenFinder, VillageFinder, extract
from .narrate import STYLES, narrate

# What an entry needs before it can be stored from a report (the model's REQUIRED plus the date).
PARSE_REQUIRED = ("date", "babinsa", "village", "summary")

P = ParamSpec("P")
T = TypeVar("T")
E = TypeVar("E", bound=Mapping[str, object])


def _gazetteer() -> tuple[VillageFinder | None, KabupatenFinder | None]:
    """The gazetteer's lookups, if the places module provides them (it may be absent or partial)."""
    try:
        from .. import places
    except ImportError:
        return None, None
    find_villages: VillageFinder | None = places.find_villages if hasattr(places, "find_villages") else None
    find_kabupaten: KabupatenFinder | None = places.find_kabupaten if hasattr(places, "find_kabupaten") else None
    return find_villages, find_kabupaten


def parse_text(text: str, *, today: date | None = None, gazetteer: bool = True) -> Extraction:
    """Read one report; places are checked against the gazetteer when `gazetteer` and it is available."""
    if not clean_text(text[:2000], multiline=True, limit=2000):
        raise InvalidInput(t("parse.empty"))
    find_villages, find_kabupaten = _gazetteer() if gazetteer else (None, None)
    return extract(text, today=today, find_villages=find_villages, find_kabupaten=find_kabupaten)


def _remembered(lookup: Callable[P, Iterable[T]] | None) -> Callable[P, list[T]] | None:
    """`lookup` answering each question once (its answer copied, so no reader changes it)."""
    if lookup is None:
        return None
    answers: dict[tuple[object, ...], list[T]] = {}

    def remembered(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = list(lookup(*args, **kwargs))
        return list(answers[key])

    return remembered


class TextReader(Protocol):
    """What reads one report's text into an Extraction (`parse_text`, `text_reader()`)."""

    def __call__(self, text: str, *, today: date | None = None) -> Extraction: ...


def text_reader(*, gazetteer: bool = True) -> TextReader:
    """`parse_text` for many reports of one area (a Koramil's chat): the gazetteer's answers are
    remembered, since the reports name the same few villages again and again."""
    find_villages, find_kabupaten = _gazetteer() if gazetteer else (None, None)
    villages: VillageFinder | None = _remembered(find_villages)
    kabupaten: KabupatenFinder | None = _remembered(find_kabupaten)

    def read(text: str, *, today: date | None = None) -> Extraction:
        if not clean_text(text[:2000], multiline=True, limit=2000):
            raise InvalidInput(t("parse.empty"))
        return extract(text, today=today, find_villages=villages, find_kabupaten=kabupaten)

    return read


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def official_place(values: dict[str, object]) -> dict[str, object]:
    """`values` with a village the gazetteer matched in one place as `record` stores it: the
    official spelling of village, kecamatan and kabupaten, and the province (which reports seldom
    write). Parsing shows what the text says; this is applied when an entry is stored."""
    find_villages, _ = _gazetteer()
    village = values.get("village")
    if find_villages is None or not values.get("place_matched") or not isinstance(village, str) or not village:
        return values
    kecamatan, kabupaten = _text_or_none(values.get("kecamatan")), _text_or_none(values.get("kabupaten"))
    try:
        matches = find_villages(village, kecamatan=kecamatan, kabupaten=kabupaten)
    except (InvalidInput, LookupError, ValueError, OSError):
        return values
    if len(matches) != 1:
        return values
    place = matches[0]
    return {
        **values,
        "village": place.village,
        "kecamatan": place.kecamatan,
        "kabupaten": place.kabupaten,
        "province": place.province,
    }


def entry_values(extraction: Extraction) -> dict[str, object]:
    """The extraction as entry values (keys of model.FIELDS); what was not found is left out."""
    values: dict[str, object] = {}
    for key in EXTRACTED_FIELDS:
        value = extraction.fields.get(key)
        if value is not None and value != []:
            values[key] = value
    values["kind"] = extraction.fields.get("kind") or "lainnya"
    values["place_matched"] = extraction.place_matched
    return values


def missing_for_record(values: Mapping[str, object]) -> list[str]:
    return [key for key in PARSE_REQUIRED if not values.get(key)]


Prompt = Callable[[str], str]

STDIN = "-"


def report_sources(arguments: list[str]) -> list[str]:
    """The reports named on the command line: files as given, a folder's `*.txt` sorted, `-` for stdin."""
    sources: list[str] = []
    for argument in arguments:
        if argument == STDIN:
            sources.append(STDIN)
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(str(child) for child in path.iterdir() if child.suffix.lower() == ".txt" and child.is_file())
            if not found:
                raise InvalidInput(t("parse.empty_dir", path=argument))
            sources.extend(found)
        elif not path.exists():
            raise InvalidInput(t("parse.no_file", path=argument))
        else:
            sources.append(argument)
    return sources


# Control characters a text file holds only by accident (tab, line breaks and form feed are text; Ctrl-Z
# ends old DOS files): a file with NUL or more than one in 200 characters of them is not text.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")


def decode_report(data: bytes, name: str) -> tuple[str, str]:
    """The text of a report's bytes and the encoding it was read in.

    UTF-8 (with or without a byte-order mark), UTF-16 with its byte-order mark (Notepad's "Unicode"),
    else Windows-1252, the "ANSI" of older Windows PCs, in which Indonesian text is plain letters plus
    curly quotes and dashes. Bytes that hold control characters are not a text file.
    """
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError:
        encoding = "cp1252"
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            raise InvalidInput(t("parse.binary", path=name)) from None
    text = text.rstrip("\x1a")
    if encoding == "utf-16" and sum(c.isascii() for c in text) * 2 < len(text):
        raise InvalidInput(t("parse.binary", path=name))  # two bytes that only look like the mark
    if "\x00" in text or len(_BINARY.findall(text)) > max(2, len(text) // 200):
        raise InvalidInput(t("parse.binary", path=name))  # a stray escape in a pasted report is no matter
    return text, encoding


def read_report(path: str) -> tuple[str, str]:
    """The text of one report file and its encoding (see decode_report)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(t("parse.unreadable", path=path, reason=error.strerror or type(error).__name__)) from None
    return decode_report(data, path)


def _source_key(entry: Mapping[str, object]) -> str | None:
    source = entry.get("source")
    if not isinstance(source, dict):
        return None
    from .whatsapp import source_key

    return source_key(source)


def duplicate_of(entry: Mapping[str, object], existing: Iterable[E]) -> E | None:
    """An entry already stored from the same report (same date and the same text, or the same chat message)."""
    key = _source_key(entry)
    source = entry.get("source")
    minute = str(source.get("sent_at"))[:16] if key is not None and isinstance(source, dict) else None
    for other in existing:
        if other.get("date") == entry.get("date") and other.get("summary") == entry.get("summary"):
            return other
        theirs = other.get("source")
        # the minute first: the key folds names, too slow to work out for every stored entry
        same_minute = minute is not None and isinstance(theirs, dict) and str(theirs.get("sent_at"))[:16] == minute
        if same_minute and _source_key(other) == key:
            return other
    return None


PlaceResolver = Callable[[dict[str, object], Mapping[str, object]], dict[str, object]]


def complete_entry(
    values: Mapping[str, object],
    ask: Prompt | None,
    *,
    today: date | None = None,
    resolve_place: PlaceResolver | None = None,
) -> Entry:
    """A valid entry from parsed values; missing fields are asked for (`ask`) or refused (MissingFields).

    A village typed at the prompt is looked up as `record` looks it up (`resolve_place`:
    placecheck.PlaceCheck, with the report's area and Koramil to narrow it)."""
    missing = missing_for_record(values)
    if missing and ask is None:
        raise MissingFields(tn("field.required", len(missing), fields=", ".join(missing)), missing)
    completed: dict[str, object] = dict(values)
    while not completed.get("date") and ask is not None:
        try:
            day, clock = parse_when(clean_text(ask("date"), field="date"), today)
        except InvalidInput:
            continue
        completed["date"] = day.isoformat()
        if clock is not None and not completed.get("time"):
            completed["time"] = clock  # the hour answered with the date, when the report gave none
    completed = complete_required(completed, ask)
    if resolve_place is not None and not values.get("village") and completed.get("village"):
        completed = resolve_place(completed, {})
    return validate_entry(official_place(completed))


__all__ = [
    "EXTRACTED_FIELDS",
    "PARSE_REQUIRED",
    "STYLES",
    "Extraction",
    "TextReader",
    "complete_entry",
    "decode_report",
    "duplicate_of",
    "entry_values",
    "extract",
    "missing_for_record",
    "narrate",
    "official_place",
    "parse_text",
    "read_report",
    "report_sources",
    "text_reader",
]
