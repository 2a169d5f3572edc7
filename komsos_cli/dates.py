"""Dates and times as Indonesians write them: always day first. Pure functions.

Numeric forms (`17/01/2025`, `17-01-25`, `2025-01-17`, `25/8`) are read here with
strict checks; forms with a month name (`31 Januari 2019`, `31 Jan 2019`) go through
python-dateutil with an Indonesian `parserinfo` (imported only when needed). A
weekday in front (`Jum'at (17/01/2025)`, `Kamis,31 Januari 2019`) must agree with
the date. A two-digit year is 20YY; a date without a year is the most recent such
day that is not in the future.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from .errors import InvalidInput
from .messages import t

# Monday = 0, as date.weekday().
WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_WEEKDAY_LEAD = re.compile(r"^\(?\s*([a-z']+)\s*\)?\s*[,.]?\s*(.*)$")
_NUMERIC = re.compile(r"^(\d{1,4})\s*([/\-.])\s*(\d{1,2})(?:\s*\2\s*(\d{2,4}))?$")
_RELATIVE = re.compile(r"^(\d+|se)\s*(hari|minggu|pekan|bulan|day|days|week|weeks)\s*(?:yang\s+)?(?:lalu|ago|kemarin)$")
_RELATIVE_WORDS = {
    "hari ini": 0,
    "today": 0,
    "sekarang": 0,
    "tadi": 0,
    "kemarin": 1,
    "kemaren": 1,
    "yesterday": 1,
    "kemarin lusa": 2,
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    return re.sub(r"\s+", " ", text).strip()


def _weekday_of(word: str) -> int | None:
    return WEEKDAYS.get(word.replace("'", ""))


# No Babinsa report predates the TNI (1945): an earlier year is a typo (`17/01/0025`, `17/01/202`).
FIRST_YEAR = 1945


def _year(text: str, year_text: str) -> int:
    """A written year: two digits are 20YY; four digits as written; three digits are a typo."""
    if len(year_text) <= 2:
        return 2000 + int(year_text)
    year = int(year_text)
    if len(year_text) != 4 or year < FIRST_YEAR:
        raise InvalidInput(t("date.old_year", text=text, year=year_text, first=FIRST_YEAR))
    return year


def _make(text: str, year: int, month: int, day: int, *, day_first: bool = True) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if day_first and month > 12 and day <= 12:
            raise InvalidInput(t("date.month_first", text=text)) from None
        raise InvalidInput(t("date.impossible", text=text, day=day, month=month, year=year)) from None


def _without_year(text: str, month: int, day: int, today: date) -> date:
    """The most recent (day, month) that is not after today."""
    if month > 12 and day <= 12:
        raise InvalidInput(t("date.month_first", text=text))
    for year in range(today.year, today.year - 30, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            if month == 2 and day == 29:
                continue
            raise InvalidInput(t("date.impossible", text=text, day=day, month=month, year=year)) from None
        if candidate <= today:
            return candidate
    raise InvalidInput(t("date.unreadable", text=text))


def _month_name_date(text: str, rest: str, today: date) -> tuple[date, bool]:
    """A date with a month name, through dateutil. Returns (date, year_given)."""
    from dateutil import parser as dateutil_parser

    match = re.match(r"^(\d{1,2})\s*([a-z]+)\.?,?\s*(\d{2,4})?$", rest)
    if not match or match.group(2) not in _month_lookup():
        raise InvalidInput(t("date.unreadable", text=text))
    day, month_word, year_text = match.groups()
    month = _month_lookup()[month_word]
    if year_text is None:
        return _without_year(text, month, int(day), today), False
    year = _year(text, year_text)
    try:
        parsed = dateutil_parser.parse(f"{day} {month_word} {year}", parserinfo=_parserinfo(), dayfirst=True)
    except (ValueError, OverflowError):
        raise InvalidInput(t("date.impossible", text=text, day=int(day), month=month, year=year)) from None
    return parsed.date(), True


_MONTHS_CACHE: dict[str, int] = {}


def _month_lookup() -> dict[str, int]:
    if not _MONTHS_CACHE:
        for number, names in enumerate(_MONTH_WORDS, start=1):
            for name in names:
                _MONTHS_CACHE[name.lower()] = number
    return _MONTHS_CACHE


_MONTH_WORDS = (
    ("jan", "januari", "january"),
    ("feb", "peb", "februari", "pebruari", "february"),
    ("mar", "maret", "march"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni", "june"),
    ("jul", "juli", "july"),
    ("agu", "agt", "ags", "agus", "agustus", "aug", "august"),
    ("sep", "sept", "september"),
    ("okt", "oktober", "oct", "october"),
    ("nov", "nop", "nopember", "november"),
    ("des", "desember", "dec", "december"),
)


def _parserinfo() -> Any:
    from dateutil import parser as dateutil_parser

    class IndonesianParserInfo(dateutil_parser.parserinfo):  # type: ignore[misc]
        MONTHS = [tuple(names) for names in _MONTH_WORDS]  # noqa: RUF012
        WEEKDAYS = [  # noqa: RUF012
            ("sen", "senin", "mon", "monday"),
            ("sel", "selasa", "tue", "tuesday"),
            ("rab", "rabu", "wed", "wednesday"),
            ("kam", "kamis", "thu", "thursday"),
            ("jum", "jumat", "fri", "friday"),
            ("sab", "sabtu", "sat", "saturday"),
            ("min", "minggu", "ahad", "sun", "sunday"),
        ]

    return IndonesianParserInfo(dayfirst=True)


def parse_date(text: str, today: date | None = None) -> date:
    """Read a date as a Babinsa writes it; InvalidInput says what was understood when refused."""
    today = today or date.today()
    if not text or not text.strip():
        raise InvalidInput(t("date.empty"))
    folded = _fold(text)
    if folded in _RELATIVE_WORDS:
        return today - timedelta(days=_RELATIVE_WORDS[folded])
    relative = _RELATIVE.match(folded)
    if relative:
        count = 1 if relative.group(1) == "se" else int(relative.group(1))
        unit = relative.group(2)
        days = count * (7 if unit in ("minggu", "pekan", "week", "weeks") else 30 if unit == "bulan" else 1)
        earliest = (today - date(FIRST_YEAR, 1, 1)).days
        if days > earliest:
            raise InvalidInput(t("date.too_far_back", text=text, first=FIRST_YEAR))
        return today - timedelta(days=days)

    weekday: int | None = None
    written_weekday = ""
    rest = folded
    lead = _WEEKDAY_LEAD.match(folded)
    if lead and _weekday_of(lead.group(1)) is not None:
        weekday = _weekday_of(lead.group(1))
        written_weekday = lead.group(1)
        rest = lead.group(2)
    rest = rest.strip().strip("()").strip().rstrip(".,").strip()

    numeric = _NUMERIC.match(rest)
    if numeric:
        first, _, second, third = numeric.groups()
        if len(first) == 4:
            if third is None:
                raise InvalidInput(t("date.unreadable", text=text))
            result = _make(text, _year(text, first), int(second), int(third), day_first=False)
        elif third is None:
            result = _without_year(text, int(second), int(first), today)
        else:
            result = _make(text, _year(text, third), int(second), int(first))
    elif re.match(r"^\d{1,2}\s*[a-z]", rest):
        result, _ = _month_name_date(text, rest, today)
    else:
        raise InvalidInput(t("date.unreadable", text=text))

    if weekday is not None and result.weekday() != weekday:
        raise InvalidInput(
            t(
                "date.weekday",
                text=text,
                date=result.isoformat(),
                actual=WEEKDAY_NAMES_ID[result.weekday()],
                written=written_weekday.capitalize(),
            )
        )
    if result > today:
        raise InvalidInput(t("date.future", text=text, date=result.isoformat()))
    return result


_CLOCK = re.compile(r"^(?:pukul|pkl\.?|jam)?\s*([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(?:wib|wita|wit)?$")
_PART_WORDS = {"pagi": "pagi", "siang": "siang", "sore": "sore", "malam": "malam", "petang": "sore"}


def parse_time(text: str) -> str:
    """`08.30`, `8:30`, `pukul 09.00 WIB`, `pagi` -> `08:30`, `09:00`, `pagi`."""
    folded = _fold(text)
    folded = re.sub(r"^(?:pada\s+)?(?:hari\s+)?", "", folded)
    if folded in _PART_WORDS:
        return _PART_WORDS[folded]
    match = _CLOCK.match(folded)
    if not match:
        raise InvalidInput(t("time.unreadable", text=text))
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def format_date_id(value: date) -> str:
    """`Jumat, 17 Januari 2025`: how a report writes a date."""
    return f"{WEEKDAY_NAMES_ID[value.weekday()]}, {value.day} {MONTH_NAMES_ID[value.month - 1]} {value.year}"
