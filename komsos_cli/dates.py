"""Dates and times as Indonesians write them: always day first. Pure functions.

Numeric forms (`17/01/2025`, `17-01-25`, `2025-01-17`, `25/8`) and forms with a month
name (`31 Januari 2019`, `31 Jan 2019`, `17 Agt 2024`) are read here with strict checks and
the calendar vocabulary below. python-dateutil does the calendar arithmetic (`relativedelta`,
imported only when needed): relative dates (`3 bulan lalu` is three calendar months back,
`2 weeks ago`, `1 tahun lalu`) and the last day of a period. A weekday in front
(`Jum'at (17/01/2025)`, `Kamis,31 Januari 2019`) must agree with the date. A two-digit
year is 20YY; a date without a year is the most recent such day that is not in the future.

A date may carry its hour (`Kamis (31/01/2019) pukul 09.30 WIB`, `Jumat pagi (17/1/2025)`,
`31/1/2019 jam 8 pagi`): `parse_when` returns both, `parse_date` the date alone.

This module holds the one calendar vocabulary: month and weekday names with their old and
short spellings, the parts of the day, the time zones and the relative words (`kemarin`,
`3 bulan lalu`, `2 weeks ago`). Periods (`parse_period`: `--period`, and a month or a year
given to `--since`/`--until`), the model's time check and the extractor all read with it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import InvalidInput
from .messages import t

# --- the calendar vocabulary --------------------------------------------------------

# Monday = 0, as date.weekday(). Jumat is also written `Jum'at` and `Jum at` (read by `weekday_number`).
WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("senin", "sen", "monday", "mon"),
    ("selasa", "sel", "tuesday", "tue"),
    ("rabu", "rab", "wednesday", "wed"),
    ("kamis", "kam", "thursday", "thu"),
    ("jumat", "jum", "friday", "fri"),
    ("sabtu", "sab", "saturday", "sat"),
    ("minggu", "ahad", "min", "sunday", "sun"),
)
# January = 1 is the first row: the Indonesian name, its old and short spellings, then the English ones.
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("januari", "jan", "january"),
    ("februari", "pebruari", "feb", "peb", "febr", "february"),
    ("maret", "mar", "march"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("agustus", "agu", "agt", "ags", "agus", "agst", "agust", "aug", "august"),
    ("september", "sep", "sept"),
    ("oktober", "okt", "oct", "october"),
    ("november", "nopember", "nov", "nop"),
    ("desember", "des", "dec", "december"),
)
WEEKDAYS: dict[str, int] = {
    name: number for number, names in enumerate(WEEKDAY_SPELLINGS) for name in names if len(name) > 3
}
MONTHS: dict[str, int] = {name: number for number, names in enumerate(MONTH_SPELLINGS, start=1) for name in names}
WEEKDAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES_ID = tuple(names[0].capitalize() for names in MONTH_SPELLINGS)
# The weekdays and months as a report writes them in running text, for regular expressions (no groups;
# use them case-insensitively). Only full Indonesian weekday names: `sen`, `min` are common syllables.
WEEKDAY_PATTERN = r"(?:senin|selasa|rabu|kamis|jum\s?'?\s?at|sabtu|minggu|ahad)"
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
# The parts of the day a report names instead of an hour (`petang` is read as `sore`), and the time zones.
PARTS_OF_DAY = ("pagi", "siang", "sore", "malam")
PART_OF_DAY_WORDS = {part: part for part in PARTS_OF_DAY} | {"petang": "sore"}
PART_OF_DAY_PATTERN = "(?:" + "|".join(PART_OF_DAY_WORDS) + ")"
ZONE_PATTERN = r"(?:wib|wita|wit)"


def month_number(word: str) -> int | None:
    """`Januari`, `jan`, `Agt.`, `Pebruari`, `Sept`, `august`, or the start of a full name (`janu`): 1-12."""
    folded = _fold(word).rstrip(".")
    if folded in MONTHS:
        return MONTHS[folded]
    if len(folded) < 3:
        return None
    starting = {number for name, number in MONTHS.items() if len(name) > 4 and name.startswith(folded)}
    return starting.pop() if len(starting) == 1 else None


def weekday_number(word: str) -> int | None:
    """`Senin`, `Jum'at`, `Jum at`, `Ahad`, `friday`: 0 (Monday) to 6."""
    return WEEKDAYS.get(re.sub(r"[\s']", "", _fold(word)))


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_WEEKDAY_LEAD = re.compile(r"^\(?\s*([a-z']+)\s*\)?\s*[,.]?\s*(.*)$")
_NUMERIC = re.compile(r"^(\d{1,4})\s*([/\-.])\s*(\d{1,2})(?:\s*\2\s*(\d{2,4}))?$")
_RELATIVE = re.compile(
    r"^(\d+|se|an?\s)\s*(hari|minggu|pekan|bulan|tahun|day|days|week|weeks|month|months|year|years)\s*"
    r"(?:yang\s+)?(?:lalu|ago|kemarin)$"
)
# The unit of a relative date as a relativedelta keyword: `3 bulan lalu` is three calendar months back.
_RELATIVE_UNITS = {"hari": "days", "day": "days", "minggu": "weeks", "pekan": "weeks", "week": "weeks"}
_RELATIVE_UNITS |= {"bulan": "months", "month": "months", "tahun": "years", "year": "years"}
# Days back from today that a word names.
RELATIVE_WORDS = {
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
    text = re.sub(r"\bjum\s?'?\s?at\b", "jumat", text)  # `Jum'at`, `Jum at`
    return re.sub(r"\s+", " ", text).strip()


def _weekday_of(word: str) -> int | None:
    return weekday_number(word)


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
    """A date with a month name (`17 Agt 2024`, `31 Januari`). Returns (date, year_given)."""
    match = re.match(r"^(\d{1,2})\s*([a-z]+)\.?,?\s*(\d{2,4})?$", rest)
    if not match or match.group(2) not in MONTHS:
        raise InvalidInput(t("date.unreadable", text=text))
    month = MONTHS[match.group(2)]
    day, year_text = int(match.group(1)), match.group(3)
    if year_text is None:
        return _without_year(text, month, day, today), False
    # The regular expression has split day, month and year: no parser is needed to put them together.
    return _make(text, _year(text, year_text), month, day), True


def parse_date(text: str, today: date | None = None) -> date:
    """Read a date as a Babinsa writes it; InvalidInput says what was understood when refused.

    A time of day written with it (`pukul 09.30 WIB`, `pagi`) is read and set aside: see `parse_when`."""
    return parse_when(text, today)[0]


def parse_when(text: str, today: date | None = None) -> tuple[date, str | None]:
    """The date and, when written with it, the time of day (`09:30`, or `pagi` when only the part of the
    day is given): `Kamis (31/01/2019) pukul 09.30 WIB`, `Jumat pagi (17/1/2025)`, `31/1/2019 jam 8 pagi`.
    The zone (WIB, WITA, WIT) is read and not converted: a report's hour is the hour where it happened."""
    today = today or date.today()
    if not text or not text.strip():
        raise InvalidInput(t("date.empty"))
    folded, clock = _split_clock(text, _fold(text))
    return _day(text, folded, today), clock


_CLOCK_AFTER = re.compile(
    r"[\s,]*(?:\bpada\s+)?(?:\bpukul|\bpkl\.?|\bjam)\s*(\d{1,2})(?:\s*[.:]\s*(\d{2}))?(?!\d)\s*"
    rf"(?:{ZONE_PATTERN}\b)?\s*,?\s*(?:({PART_OF_DAY_PATTERN})\b)?\s*[.,]?\s*$"
)
_PART_AFTER = re.compile(rf"[\s,]*(?:\bpada\s+)?(?:\b(?:waktu|hari)\s+)?\b({PART_OF_DAY_PATTERN})\s*[.,]?\s*$")
_PART_AFTER_WEEKDAY = re.compile(rf"^(\(?\s*[a-z']+\s*\)?)\s*,?\s*({PART_OF_DAY_PATTERN})\b\s*,?\s*")


def _split_clock(text: str, folded: str) -> tuple[str, str | None]:
    """`folded` without the time of day written after the date (or a part of the day after the weekday),
    and that time."""
    clock = _CLOCK_AFTER.search(folded)
    if clock and clock.start() > 0:
        hour, minutes, part = clock.groups()
        return folded[: clock.start()], clock_time(int(hour), minutes, part, text)
    part = _PART_AFTER.search(folded)
    if part and part.start() > 0:  # `17/1/2025 sore`, `kemarin sore`
        return folded[: part.start()], PART_OF_DAY_WORDS[part.group(1)]
    lead = _PART_AFTER_WEEKDAY.match(folded)
    if lead and weekday_number(lead.group(1).strip("() ")) is not None:
        return f"{lead.group(1)} {folded[lead.end() :]}", PART_OF_DAY_WORDS[lead.group(2)]
    return folded, None


def clock_time(hour: int, minutes: str | None, part: str | None, text: str) -> str:
    """`HH:MM` of an hour as written with its part of the day: `jam 8 pagi` 08:00, `pukul 2 siang` 14:00,
    `jam 7 malam` 19:00, `jam 12 malam` 00:00. InvalidInput (quoting `text`) for an hour that is none."""
    part = (part or "").lower()
    if (part == "siang" and hour < 11) or (part in ("sore", "petang", "malam") and hour < 12):
        hour += 12
    elif part == "malam" and hour == 12:
        hour = 0
    if not 0 <= hour <= 23 or not 0 <= int(minutes or 0) <= 59:
        raise InvalidInput(t("time.unreadable", text=text))
    return f"{hour:02d}:{int(minutes or 0):02d}"


def _day(text: str, folded: str, today: date) -> date:
    """The date in `folded` (the folded `text`, without its time of day)."""
    folded = folded.strip(" ,")
    if folded in RELATIVE_WORDS:
        return today - timedelta(days=RELATIVE_WORDS[folded])
    relative = _RELATIVE.match(folded)
    if relative:
        from dateutil.relativedelta import relativedelta

        count = int(relative.group(1)) if relative.group(1).isdigit() else 1  # `sebulan`, `a month ago`
        earliest = (today - date(FIRST_YEAR, 1, 1)).days
        if count > earliest:  # no unit is shorter than a day: too far back before any arithmetic overflows
            raise InvalidInput(t("date.too_far_back", text=text, first=FIRST_YEAR))
        result: date = today - relativedelta(**{_RELATIVE_UNITS[relative.group(2).rstrip("s")]: count})
        if result < date(FIRST_YEAR, 1, 1):
            raise InvalidInput(t("date.too_far_back", text=text, first=FIRST_YEAR))
        return result

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


# A period: `2025`, `2025-01`, `2025-Q1`; a month also as people say it (`01/2025`, `Agt 2024`).
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|q([1-4])))?$")
_MONTH_NUMBER_YEAR = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{4})$")
_MONTH_NAME_YEAR = re.compile(r"^([a-z]+)\.?,?\s*(\d{4})$")


@dataclass(frozen=True)
class Period:
    """A calendar month, quarter or year: `2025-01`, `2025-Q1`, `2025`."""

    since: date
    until: date
    label: str

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "since": self.since.isoformat(), "until": self.until.isoformat()}


def parse_period(text: str) -> Period:
    """`2025-01` -> January 2025, `2025-Q4` -> October to December, `2025` -> the year.

    A month may also be written `01/2025`, `1-2025`, `Januari 2025`, `Agt 2024` or `Sept. 2024`: the month
    names are the calendar vocabulary of this module, the same that `17 Agt 2024` is read with."""
    from dateutil.relativedelta import relativedelta

    cleaned = _fold(text)
    if numbered := _MONTH_NUMBER_YEAR.match(cleaned):
        cleaned = f"{numbered.group(2)}-{numbered.group(1)}"
    elif named := _MONTH_NAME_YEAR.match(cleaned):
        number = month_number(named.group(1))
        if number is None:
            raise InvalidInput(t("period.unreadable", text=text))
        cleaned = f"{named.group(2)}-{number:02d}"
    match = _PERIOD.match(cleaned)
    if not match or int(match.group(1)) < 1:
        raise InvalidInput(t("period.unreadable", text=text))
    year, month, quarter = int(match.group(1)), match.group(2), match.group(3)
    if month is not None:
        if not 1 <= int(month) <= 12:
            raise InvalidInput(t("period.month", text=text))
        first = date(year, int(month), 1)
        return Period(first, first + relativedelta(months=1, days=-1), f"{year:04d}-{int(month):02d}")
    if quarter is not None:
        first = date(year, (int(quarter) - 1) * 3 + 1, 1)
        return Period(first, first + relativedelta(months=3, days=-1), f"{year:04d}-Q{quarter}")
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")


def month_or_year(text: str) -> tuple[date, date] | None:
    """`2025`, `Januari 2025`, `Agt 2024`, `01/2025`, `2025-01`, `2025-Q1`: the first and last day of that
    period (as `--period` reads it); None when `text` names no whole month, quarter or year since 1945."""
    try:
        period = parse_period(text)
    except InvalidInput:
        return None
    return (period.since, period.until) if period.since.year >= FIRST_YEAR else None


def parse_bound(text: str, *, last: bool = False, today: date | None = None) -> date:
    """A `--since` (first day) or `--until` (`last`: last day) bound: a date as `parse_date` reads it, or a
    whole month or year (`--since 2025`, `--until "Agt 2024"`)."""
    span = month_or_year(text) if text else None
    if span is not None:
        return span[1] if last else span[0]
    return parse_date(text, today)


_CLOCK = re.compile(rf"^(?:pukul|pkl\.?|jam)?\s*([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*{ZONE_PATTERN}?$")


def parse_time(text: str) -> str:
    """`08.30`, `8:30`, `pukul 09.00 WIB`, `pagi` -> `08:30`, `09:00`, `pagi`."""
    folded = _fold(text)
    folded = re.sub(r"^(?:pada\s+)?(?:hari\s+)?", "", folded)
    if folded in PART_OF_DAY_WORDS:
        return PART_OF_DAY_WORDS[folded]
    match = _CLOCK.match(folded)
    if not match:
        raise InvalidInput(t("time.unreadable", text=text))
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def format_date_id(value: date) -> str:
    """`Jumat, 17 Januari 2025`: how a report writes a date."""
    return f"{WEEKDAY_NAMES_ID[value.weekday()]}, {value.day} {MONTH_NAMES_ID[value.month - 1]} {value.year}"
