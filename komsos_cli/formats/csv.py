"""CSV: UTF-8 with a byte-order mark, CRLF line ends, `,` or `;` between cells.

Excel and LibreOffice read the letters right thanks to the BOM. Every cell (the
header included) that a spreadsheet would read as a formula, and every free-text cell it
would read as a number or a date, gets a leading `'` (`tabular.guard`); import removes
exactly that one `'` again. Import takes either
delimiter (told by the header row), with or without the BOM.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, cast

from ..errors import InvalidInput
from ..messages import t
from ..model import FIELDS, LIST_FIELDS
from . import ExportOptions, Row
from .tabular import (
    ENCODERS,
    FLAG_WORDS,
    FORMULA_STARTS,
    LIST_SEPARATOR,
    NUMBER_STARTS,
    TYPED_FIELDS,
    columns,
    follow_up_text,
    header,
    join_list,
    looks_like_number,
    plain,
    unguard,
)
from .tabular import decode as decode_cells

if TYPE_CHECKING:
    from ..model import Babinsa, Entry, FollowUp

BOM = "\ufeff"


_LIST_INDEXES = tuple(FIELDS.index(field) for field in LIST_FIELDS)
_BABINSA = FIELDS.index("babinsa")
_FOLLOW_UP = FIELDS.index("follow_up")
_PLACE_MATCHED = FIELDS.index("place_matched")
_FREE_TEXT = tuple(field not in TYPED_FIELDS for field in FIELDS)
_OTHER_SPECIAL = tuple(
    (index, encode)
    for index, (field, encode) in enumerate(ENCODERS)
    if encode is not plain and field not in (*LIST_FIELDS, "babinsa", "follow_up", "place_matched")
)


def _lines(entries: Iterable[Entry], delimiter: str, lang: str = "en") -> Iterator[bytes]:
    """One CSV line per entry: cells formula-guarded, quoted when they hold the delimiter,
    a quote or a line end, exactly as the csv module's QUOTE_MINIMAL writes them (a test
    compares the bytes) but without its per-cell overhead: 100,000 entries in about 1 s.
    The tabular encoders are inlined here for the same reason.

    The entries are valid (`model.Entry`): the casts say what type the field at a position holds
    (they check nothing, and cost next to nothing)."""
    values_of: Callable[[Mapping[str, object]], tuple[object, ...]] = itemgetter(*FIELDS)
    flags = FLAG_WORDS.get(lang, FLAG_WORDS["en"])
    danger = FORMULA_STARTS
    digits = NUMBER_STARTS
    free = _FREE_TEXT
    number = looks_like_number
    join = delimiter.join
    join_items = LIST_SEPARATOR.join
    for entry in entries:
        try:
            values: list[object] = list(values_of(entry))
        except KeyError:
            values = [entry.get(field) for field in FIELDS]
        for index in _LIST_INDEXES:
            items = cast("list[str]", values[index])
            if items:
                joined = join_items(items)
                if "\\" in joined or joined.count(";") != len(items) - 1:
                    joined = join_list(items)
                values[index] = joined
            else:
                values[index] = None
        people = cast("list[Babinsa]", values[_BABINSA])
        values[_BABINSA] = join_list([f"{p['rank']} {p['name']}" for p in people]) if people else None
        follow_up = cast("FollowUp | None", values[_FOLLOW_UP])
        values[_FOLLOW_UP] = follow_up_text(follow_up, lang) if follow_up else None
        values[_PLACE_MATCHED] = flags[1] if values[_PLACE_MATCHED] else flags[0]
        for index, encode in _OTHER_SPECIAL:
            values[index] = encode(values[index])
        texts = cast("list[str | None]", values)  # every field's value is now its cell text (or None)
        yield (
            join(
                [
                    (
                        ('"' + cell.replace('"', '""') + '"')
                        if ('"' in cell or delimiter in cell or "\n" in cell or "\r" in cell)
                        else cell
                    )
                    if (
                        cell := (
                            ("'" + value)
                            if value[0] in danger or (value[0] in digits and free[index] and number(value))
                            else value
                        )
                        if value
                        else ""
                    )
                    else ""
                    for index, value in enumerate(texts)
                ]
            ).encode("utf-8")  # per line: one non-ASCII letter does not widen the whole file's text
        )


# Lines per piece of a streamed export: big enough to cost nothing, small enough that a
# 100,000-entry export never holds the whole file (~100 MB) beside the store's entries.
CHUNK_LINES = 5000


def write(entries: Sequence[Entry], options: ExportOptions) -> bytes:
    return b"".join(write_chunks(entries, options))


def write_chunks(entries: Iterable[Entry], options: ExportOptions) -> Iterator[bytes]:
    """The file in pieces, header first: joined, exactly what `write` returns."""
    names = [("'" + name if name[:1] in FORMULA_STARTS else name) for name in header(options.lang)]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=options.delimiter, lineterminator="\r\n").writerow(names)
    head = buffer.getvalue()[:-2]
    if names[0] == "ID":
        # Excel takes a text file starting with `ID` for a SYLK file and refuses it; in quotes
        # the header reads the same everywhere (the `--lang id` header starts with `ID`).
        head = '"ID"' + head[2:]
    yield (BOM + head).encode("utf-8") + b"\r\n"
    batch: list[bytes] = []
    for line in _lines(entries, options.delimiter, options.lang):
        batch.append(line)
        if len(batch) == CHUNK_LINES:
            yield b"\r\n".join(batch) + b"\r\n"
            batch = []
    if batch:
        yield b"\r\n".join(batch) + b"\r\n"


def _text(payload: bytes) -> str:
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(t("exchange.utf16"))
    if b"\x00" in payload:
        raise InvalidInput(t("exchange.not_text", format="CSV"))
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(t("exchange.not_utf8")) from None
    text = text.removeprefix(BOM)
    if not text.strip():
        raise InvalidInput(t("exchange.empty"))
    return text


def _header(text: str) -> tuple[str, list[str]]:
    """The delimiter and the column fields, from the first line."""
    first_line = text.split("\n", 1)[0].rstrip("\r")
    problem: InvalidInput | None = None
    for delimiter in (",", ";"):
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter))
        except csv.Error as error:  # e.g. a one-line JSON file named .csv: a cell too long
            raise InvalidInput(t("exchange.csv.broken", line=1, reason=str(error))) from None
        try:
            return delimiter, columns([unguard(cell) for cell in cells])
        except InvalidInput as error:
            if problem is None or len(cells) > 1:
                problem = error
    assert problem is not None
    raise problem


def read(payload: bytes) -> list[Row]:
    text = _text(payload)
    delimiter, fields = _header(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    width = len(fields)
    rows: list[Row] = []
    try:
        next(reader)
        for number, record in enumerate(reader, start=2):
            if not any(record):  # an empty line, or a row a spreadsheet left with empty cells only
                continue
            if len(record) != width:
                if len(record) > width and not any(record[width:]):
                    record = record[:width]
                else:
                    raise InvalidInput(t("exchange.row.width", row=number, found=len(record), expected=width))
            values: dict[str, object] = {
                field: (cell[1:] if cell.startswith("'") else cell) for field, cell in zip(fields, record, strict=True)
            }
            rows.append(Row("row", number, values))
    except csv.Error as error:
        raise InvalidInput(t("exchange.csv.broken", line=reader.line_num, reason=str(error))) from None
    _month_first_dates(rows)
    return rows


# A date as a spreadsheet saves it: 11/01/2022, 1/13/2022, 11.01.22, 11-01-2022.
_SAVED_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")


def _month_first_dates(rows: list[Row]) -> None:
    """A csv saved by a spreadsheet set to US English has month-first dates (`1/13/2022`).
    When the file's own dates show that order (a second number over 12, never a first one),
    they are turned day first for the importer; otherwise they stay day first, as a
    spreadsheet with Indonesian settings saves them (`13/01/2022`)."""
    found = []
    for row in rows:
        text = row.values.get("date")  # a csv cell: a str
        match = _SAVED_DATE.match(text.strip()) if isinstance(text, str) and text else None
        if match:
            found.append((row, match))
    if not found or any(int(match.group(1)) > 12 for _, match in found):
        return
    if any(int(match.group(3)) > 12 for _, match in found):
        for row, match in found:
            month, separator, day, year = match.groups()
            row.values["date"] = f"{day}{separator}{month}{separator}{year}"


def decode(values: Mapping[str, object]) -> dict[str, object]:
    return decode_cells(values)
