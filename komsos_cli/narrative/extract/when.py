"""The date and the time of the activity: numeric and named dates, weekdays, clock times, stamps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...dates import (
    MONTH_PATTERN,
    PART_OF_DAY_PATTERN,
    WEEKDAY_PATTERN,
    ZONE_PATTERN,
    clock_time,
    parse_date,
    parse_time,
)
from ...errors import InvalidInput
from ...messages import t
from .text import sentence_starts

# --- dates and times ----------------------------------------------------------------

# The weekday, and a part of the day after it (`Jumat pagi (17/1/2025)`), before the date.
_DATE_LEAD = (
    rf"(?:\b({WEEKDAY_PATTERN})\b\s*[,.]?\s*(?:({PART_OF_DAY_PATTERN})\b\s*,?\s*)?"
    r"(?:\(\s*)?(?:(?:tanggal|tgl\.?)\s*)?)?"
)
_NUMERIC_DATE = re.compile(
    rf"(?i){_DATE_LEAD}\(?\s*(?<![\d/.\-])(\d{{1,2}})\s*([/\-.])\s*(\d{{1,2}})\s*\4\s*(\d{{4}}|\d{{2}})(?![\d/])\s*\)?"
)
_NAMED_DATE = re.compile(rf"(?i){_DATE_LEAD}(?<!\d)(\d{{1,2}})\s*({MONTH_PATTERN})\.?\s*,?\s*(\d{{4}})(?!\d)\s*\)?")
# `pukul 09.00 WIB`, `pkl 14.30`, and an hour alone when a zone or a part of the day says it is one:
# `pukul 9 wib`, `jam 9 pagi`, `jam 7 malam` (19:00)
_CLOCK = re.compile(
    r"(?i)\b(?:pukul|pkl\.?|jam)\s*(\d{1,2})(?:\s*[.:]\s*(\d{2})(?!\d))?(?!\d)\s*"
    rf"({ZONE_PATTERN})?\b(?:\s*({PART_OF_DAY_PATTERN})\b)?"
)
_PART_AFTER = re.compile(rf"(?i)^\s*,?\s*(?:pada\s+)?(?:waktu\s+)?({PART_OF_DAY_PATTERN})\b")
_FAR_FUTURE = date(9999, 12, 30)
# Words right before a date that make it the day of an event the report tells of, not of the activity.
_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:terjadi|kejadian|peristiwa|melanda|menimpa|sejak|meninggal(?:\s+dunia)?|dilaporkan\s+hilang)"
    r"\b\s*(?:pada\s+)?(?:hari\s+)?(?:\w+\s*,?\s*)?\(?\s*(?:tanggal|tgl\.?)?\s*$"
)


@dataclass
class _DateHit:
    start: int
    end: int
    written: str
    canonical: str
    weekday: str | None
    part: str | None = None  # of the day, written after the weekday: `Jumat pagi (17/1/2025)`
    year_given: bool = True


def _date_hits(text: str) -> list[_DateHit]:
    hits: list[_DateHit] = []
    for match in _NUMERIC_DATE.finditer(text):
        weekday, part, day, _sep, month, year = match.groups()
        canonical = f"{day}/{month}/{year}"
        hits.append(_DateHit(match.start(), match.end(), match.group().strip(), canonical, weekday, part))
    for match in _NAMED_DATE.finditer(text):
        weekday, part, day, month, year = match.groups()
        canonical = f"{day} {month} {year}"
        hits.append(_DateHit(match.start(), match.end(), match.group().strip(), canonical, weekday, part))
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


def find_date(
    text: str, today: date, notes: list[str], core: tuple[int, int] | None = None
) -> tuple[date | None, str | None, int | None, str | None]:
    """The date of the activity: (date, as written, where it ends, the part of the day written before it).

    A date in the Babinsa's sentence (or the next) wins; then dates with a weekday, then the rest.
    A publication stamp (`Selasa, 16 September 2025 | 10:35 WIB`) or a dateline date followed by a
    dash (`Jembrana, 28 Oktober 2025 –`) is used only when nothing else is given.
    """
    hits = _date_hits(text)
    stamps = [hit for hit in hits if _is_stamp(text, hit)]
    # `banjir yang terjadi pada Minggu (12/01/2025)`: the day something happened, read after the others
    events = [
        hit for hit in hits if hit not in stamps and _EVENT_BEFORE.search(text[max(0, hit.start - 40) : hit.start])
    ]
    plain = [hit for hit in hits if hit not in stamps and hit not in events]
    near: list[_DateHit] = []
    if core is not None:
        starts = sentence_starts(text)
        following = [start for start in starts if start >= core[1]]
        window_end = following[1] if len(following) > 1 else len(text)
        near = [hit for hit in plain if core[0] <= hit.start < window_end]
    ordered: list[_DateHit] = []
    for group in (near, plain, stamps, events):
        for hit in [h for h in group if h.weekday] + [h for h in group if not h.weekday]:
            if hit not in ordered:
                ordered.append(hit)
    for hit in ordered:
        value = _read_date(hit, today, notes)
        if value is not None:
            return value, _balanced(hit.written), hit.end, hit.part
    return None, None, None, None


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


def find_time(text: str, date_end: int | None, part_before: str | None = None) -> str | None:
    """The hour of the activity: written right after its date, else anywhere, else the part of the day
    written after the weekday (`Jumat pagi (17/1/2025)`)."""
    if date_end is not None:
        after = text[date_end : date_end + 60]
        part = _PART_AFTER.match(after)
        if part:
            return parse_time(part.group(1))
        clock = _CLOCK.match(after.lstrip(" ,(").removeprefix("sekitar ").removeprefix("sekira "))
        if clock and _clock_value(clock):
            return _clock_value(clock)
    anywhere = next((value for value in map(_clock_value, _CLOCK.finditer(text)) if value), None)
    return anywhere or (parse_time(part_before) if part_before else None)


def _clock_value(match: re.Match[str]) -> str | None:
    hour, minutes, zone, part = match.groups()
    if minutes is None and zone is None and part is None:
        return None  # `jam 9` alone may be anything
    try:
        return clock_time(int(hour), minutes, part, match.group())
    except InvalidInput:
        return None
