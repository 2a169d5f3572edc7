"""XLSX written by XlsxWriter and read by openpyxl: one sheet, a bold header row, frozen panes, a filter, set widths.

Every cell is text (its type set explicitly, so `=1+1` is never a formula) or, for
the date column, a real date. A text that a spreadsheet would take as a formula when
edited is marked with Excel's quote prefix (shown nowhere, kept as text). A text that
starts with `'` gets one more `'`, as in csv, and import removes exactly one leading
`'`: so a csv export opened in a spreadsheet and saved as xlsx (its `'` guards kept as
text), and an xlsx export saved as csv, both import back as they were. Texts that
look like OOXML escapes (`_x0041_`) are escaped so Excel and LibreOffice show them
as typed; import undoes it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..messages import t
from . import ExportOptions, Row
from .tabular import FORMULA_STARTS, columns, encoders, header, unguard
from .tabular import decode as decode_cells

if TYPE_CHECKING:
    from xlsxwriter import Workbook

    from ..model import Entry

SHEET = "Komsos"
# The most characters a spreadsheet cell holds (Excel and XlsxWriter; LibreOffice cuts longer text too).
CELL_LIMIT = 32767
# Column widths in characters: wide enough for most values, narrow enough to scan.
WIDTHS = {
    "id": 38,
    "date": 12,
    "time": 8,
    "kind": 13,
    "babinsa": 26,
    "koramil": 24,
    "kodim": 24,
    "village": 20,
    "village_kind": 11,
    "hamlet": 14,
    "kecamatan": 18,
    "kabupaten": 18,
    "province": 16,
    "venue": 20,
    "counterparts": 36,
    "topics": 24,
    "summary": 70,
    "situation": 10,
    "findings": 50,
    "follow_up": 40,
    "place_matched": 10,
    "created_at": 33,
    "updated_at": 33,
}

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def write(entries: Sequence[Entry], options: ExportOptions) -> bytes:
    # XlsxWriter writes (2.5 times faster than openpyxl's write-only mode at 10,000 entries);
    # openpyxl reads. XlsxWriter escapes XML-illegal characters and literal `_xHHHH_` itself.
    from xlsxwriter import Workbook

    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(SHEET)
    names = header(options.lang)
    encoded = encoders(options.lang)
    for index, (field, _encode) in enumerate(encoded):
        sheet.set_column(index, index, max(WIDTHS.get(field, 16), len(names[index]) + 2))
    sheet.freeze_panes(1, 0)
    bold = workbook.add_format({"bold": True})
    bold_quoted = workbook.add_format({"bold": True, "quote_prefix": True})
    quoted = workbook.add_format({"quote_prefix": True})  # kept as text when the cell is edited
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})

    for column, name in enumerate(names):
        sheet.write_string(0, column, name, bold_quoted if name[:1] in FORMULA_STARTS else bold)
    for row, entry in enumerate(entries, start=1):
        for column, (field, encode) in enumerate(encoded):
            value = entry.get(field)
            if field == "date" and isinstance(value, str) and value:  # an entry's date: an ISO date text
                sheet.write_datetime(row, column, date.fromisoformat(value), day)
                continue
            text = encode(value)
            if not text:
                continue
            if len(text) > CELL_LIMIT:
                raise InvalidInput(t("exchange.xlsx.cell_too_long", id=entry.get("id"), field=field, limit=CELL_LIMIT))
            if text[0] in FORMULA_STARTS:
                if text[0] == "'":
                    text = "'" + text  # import removes one leading `'` (a csv guard or this one)
                sheet.write_string(row, column, text, quoted)
            else:
                sheet.write_string(row, column, text)  # a string, never a formula or a number
    sheet.autofilter(0, 0, len(entries), len(names) - 1)
    summary_sheet(workbook, entries, options.lang)
    workbook.close()
    return buffer.getvalue()


# The fills of the situation chart (as in the HTML recap): light, striped amber, dark red; grey.
_SITUATION_FILLS = {
    "aman": {"fill": {"color": "#C7E9C0"}},
    "waspada": {"pattern": {"pattern": "wide_upward_diagonal", "fg_color": "#FFFFFF", "bg_color": "#E69F00"}},
    "rawan": {"fill": {"color": "#7F0000"}},
    None: {"fill": {"color": "#BDBDBD"}},
}


def summary_sheet(workbook: Workbook, entries: Sequence[Entry], lang: str) -> None:
    """A second sheet (`Summary`, or `Ringkasan` with --lang id) with counts by week, village, kind and
    situation, and two native charts: activities per week, and situations per week stacked.

    Written after the entries sheet, which stays first (and is what `import` reads), rows
    in order (the workbook is in constant-memory mode).
    """
    from ..messages import text_in
    from ..series import weekly_series

    def say(key: str) -> str:
        return text_in(lang, key)

    series = weekly_series(entries)
    sheet = workbook.add_worksheet(say("sheet.name"))
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    quoted = workbook.add_format({"quote_prefix": True})
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 6, 12)
    situations = [(track.name, track.counts) for track in series.situations]

    def name_of(value: str | None) -> str:
        return value if value is not None else say("sheet.not_stated")

    sheet.write_string(0, 0, say("sheet.by_week"), bold)
    head = [say("chart.week"), say("sheet.week_start"), say("sheet.activities")]
    head += [name_of(name) for name, _counts in situations]
    for column, text in enumerate(head):
        sheet.write_string(1, column, text, bold)
    first = 2
    for index, week in enumerate(series.weeks):
        row = first + index
        sheet.write_string(row, 0, week.label)
        sheet.write_datetime(row, 1, date.fromisoformat(week.start), day)
        sheet.write_number(row, 2, series.activity[index])
        for column, (_name, counts) in enumerate(situations, start=3):
            sheet.write_number(row, column, counts[index])
    last = first + len(series.weeks) - 1
    row = last + 2

    tables = (
        (say("sheet.village"), [(name_of(track.name), track.total) for track in series.villages]),
        (say("sheet.kind"), [(item.name, item.count) for item in series.kinds]),
        (say("sheet.situation"), [(name_of(name), sum(counts)) for name, counts in situations]),
    )
    for title, rows in tables:
        sheet.write_string(row, 0, title, bold)
        sheet.write_string(row, 1, say("sheet.count"), bold)
        for offset, (label, count) in enumerate(rows, start=1):
            # Kept as text when edited, like the entries sheet's cells.
            sheet.write_string(row + offset, 0, label, quoted if label[:1] in FORMULA_STARTS else None)
            sheet.write_number(row + offset, 1, count)
        row += len(rows) + 2

    if not series.weeks:
        return
    where = sheet.get_name()
    activity = workbook.add_chart({"type": "column"})
    activity.add_series(
        {
            "name": say("sheet.activities"),
            "categories": [where, first, 0, last, 0],
            "values": [where, first, 2, last, 2],
            "fill": {"color": "#2171B5"},
            "data_labels": {"value": True},
        }
    )
    activity.set_title({"name": say("sheet.chart.activity")})
    activity.set_legend({"none": True})
    sheet.insert_chart(1, 8, activity)
    stacked = workbook.add_chart({"type": "column", "subtype": "stacked"})
    for column, (situation, _counts) in enumerate(situations, start=3):
        stacked.add_series(
            {
                "name": [where, 1, column],
                "categories": [where, first, 0, last, 0],
                "values": [where, first, column, last, column],
                "border": {"color": "#FFFFFF"},
                **_SITUATION_FILLS.get(situation, _SITUATION_FILLS[None]),
            }
        )
    stacked.set_title({"name": say("sheet.chart.situation")})
    stacked.set_legend({"position": "bottom"})
    sheet.insert_chart(17, 8, stacked)


def _cell_text(field: str, value: object) -> str | None:
    """What a cell holds, as the text csv would have (Excel may have turned some into numbers)."""
    if value is None:
        return None
    if isinstance(value, str):
        return unguard(_unescape(value))
    if isinstance(value, datetime):
        if field == "date" or (value.time() == time(0) and field not in ("created_at", "updated_at")):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(payload: bytes) -> list[Row]:
    from openpyxl import load_workbook

    if not payload.startswith(b"PK"):
        raise InvalidInput(t("exchange.not_xlsx", reason=t("exchange.not_zip")))
    try:
        workbook = load_workbook(io.BytesIO(payload), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InvalidInput(t("exchange.not_xlsx", reason=str(error) or type(error).__name__)) from None
    try:
        if not workbook.worksheets:
            raise InvalidInput(t("exchange.empty"))
        # The sheet export wrote, even when someone added a sheet (a recap, a chart) in front of it.
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        try:
            first = next(lines)
        except StopIteration:
            raise InvalidInput(t("exchange.empty")) from None
        head = list(first)
        while head and head[-1] is None:
            head.pop()
        fields = columns([_cell_text("", cell) or "" for cell in head])
        width = len(fields)
        rows: list[Row] = []
        for number, line in enumerate(lines, start=2):
            if all(cell is None or cell == "" for cell in line):
                continue
            if any(cell not in (None, "") for cell in line[width:]):
                raise InvalidInput(t("exchange.row.width", row=number, found=len(line), expected=width))
            values: dict[str, object] = {
                field: _cell_text(field, line[index] if index < len(line) else None)
                for index, field in enumerate(fields)
            }
            rows.append(Row("row", number, values))
        return rows
    except InvalidInput:
        raise
    except Exception as error:
        raise InvalidInput(t("exchange.not_xlsx", reason=str(error) or type(error).__name__)) from None
    finally:
        workbook.close()


def decode(values: Mapping[str, object]) -> dict[str, object]:
    return decode_cells(values)
