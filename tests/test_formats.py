"""The exchange formats one by one: registry, cell texts, csv, xlsx, json, jsonl."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime

import openpyxl
import pytest

from komsos_cli import formats
from komsos_cli.errors import InvalidInput
from komsos_cli.formats import ExportOptions, tabular
from komsos_cli.formats import csv as csv_format
from komsos_cli.model import FIELDS, Entry, FollowUp, validate_entry


def entry(**values: object) -> Entry:
    """A valid entry like the Sei Silau Tua report (seed-002), with `values` changed."""
    raw: dict[str, object] = {
        "id": "6f1d3c2a-9b7e-4c1a-8f00-0123456789ab",
        "date": "2022-01-11",
        "kind": "komsos",
        "babinsa": [{"rank": "Serda", "name": "Jasem"}],
        "koramil": "Koramil 13/Buntu Pane",
        "kodim": "Kodim 0208/Asahan",
        "village": "Sei Silau Tua",
        "village_kind": "Desa",
        "hamlet": "Dusun 2",
        "kecamatan": "Setia Janji",
        "kabupaten": "Asahan",
        "venue": "Jalan Protokol Dusun 2",
        "counterparts": ["Kadus Dsn 2 Bapak Faisal", "Tomas Bapak Rahmad", "Warga Desa Sei Silau Tua"],
        "topics": ["keamanan", "kesehatan"],
        "summary": "Komsos dengan warga membahas keamanan di Desa dan menjaga kesehatan.",
        "created_at": "2022-01-11T09:00:00+00:00",
        "updated_at": "2022-01-11T09:00:00+00:00",
    }
    raw.update(values)
    return validate_entry(raw)


# --- registry ------------------------------------------------------------------------------


def test_every_format_is_registered_and_guessed_from_its_extension() -> None:
    assert list(formats.FORMATS) == ["csv", "xlsx", "json", "jsonl"]
    assert formats.guess("koramil03.CSV") is formats.FORMATS["csv"]
    assert formats.guess("/tmp/rekap.xlsx") is formats.FORMATS["xlsx"]
    assert formats.guess("a.json") is formats.FORMATS["json"]
    assert formats.guess("a.jsonl") is formats.FORMATS["jsonl"]
    assert formats.guess("a.ndjson") is formats.FORMATS["jsonl"]
    assert formats.guess("laporan.txt") is None
    assert formats.get(" XLSX ").name == "xlsx"
    with pytest.raises(InvalidInput, match="unknown format “ods”"):
        formats.get("ods")


def test_sniff_tells_formats_by_their_first_bytes() -> None:
    e = [entry()]
    for name in formats.FORMATS:
        payload = formats.FORMATS[name].write(e, ExportOptions())
        assert formats.sniff(payload).name == name


# --- cell texts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ([], ""),
        (["keamanan"], "keamanan"),
        (["Kadus Dsn 2 Bapak Faisal", "Tomas Bapak Rahmad"], "Kadus Dsn 2 Bapak Faisal; Tomas Bapak Rahmad"),
        (["Bapak A; Ibu B", "C"], "Bapak A\\; Ibu B; C"),
        (["C:\\data\\", "x"], "C:\\\\data\\\\; x"),
        (["a\\;b"], "a\\\\\\;b"),
        (["ends;"], "ends\\;"),
        (["two  spaces", " "], "two  spaces;  "),
    ],
)
def test_lists_join_with_an_escape_that_splits_back_exactly(items: list[str], text: str) -> None:
    assert tabular.join_list(items) == text
    assert tabular.split_list(text) == items


def test_split_is_forgiving_with_hand_typed_lists() -> None:
    assert tabular.split_list("keamanan;kesehatan") == ["keamanan", "kesehatan"]
    # A backslash before anything but ';' or '\' is kept as typed.
    assert tabular.split_list("C:\\data; x") == ["C:\\data", "x"]


@pytest.mark.parametrize(
    ("follow_up", "text"),
    [
        (
            {"action": "Koordinasi dengan Kades soal jalan rusak", "status": "open"},
            "open: Koordinasi dengan Kades soal jalan rusak",
        ),
        (
            {
                "action": "Cek jalan; lapor Danramil",
                "status": "done",
                "resolved_on": "2025-02-01",
                "note": "Sudah diperbaiki",
            },
            "done 2025-02-01: Cek jalan\\; lapor Danramil; Sudah diperbaiki",
        ),
        ({"action": "Cek: jalan", "status": "done", "resolved_on": None, "note": None}, "done: Cek: jalan"),
        (
            {"action": "Cek", "status": "done", "resolved_on": None, "note": "catatan\nbaris dua"},
            "done: Cek; catatan\nbaris dua",
        ),
    ],
)
def test_follow_up_text_round_trips(follow_up: FollowUp, text: str) -> None:
    assert tabular.follow_up_text(follow_up) == text
    raw = entry(follow_up=tabular.parse_follow_up(text))
    assert raw["follow_up"] == entry(follow_up=follow_up)["follow_up"]


@pytest.mark.parametrize(
    ("follow_up", "text"),
    [
        ({"action": "Koordinasi dengan Kades", "status": "open"}, "terbuka: Koordinasi dengan Kades"),
        (
            {"action": "Cek jalan", "status": "done", "resolved_on": "2025-02-01", "note": "Sudah diperbaiki"},
            "selesai 2025-02-01: Cek jalan; Sudah diperbaiki",
        ),
        ({"action": "Cek: jalan", "status": "done", "resolved_on": None, "note": None}, "selesai: Cek: jalan"),
    ],
)
def test_follow_up_text_in_indonesian_round_trips(follow_up: FollowUp, text: str) -> None:
    # An Indonesian export wrote `open:` and `done 2025-02-01:` among Indonesian words.
    assert tabular.follow_up_text(follow_up, "id") == text
    raw = entry(follow_up=tabular.parse_follow_up(text))
    assert raw["follow_up"] == entry(follow_up=follow_up)["follow_up"]
    assert tabular.parse_follow_up(text.replace("selesai", "SELESAI")) == tabular.parse_follow_up(text)


def indonesian_words_entries() -> list[Entry]:
    """Entries whose cells hold every cell word that has a language: both flags, both statuses."""
    return [
        entry(id="0a0b0c0d-0000-4000-8000-000000000001", place_matched=True, follow_up={"action": "Cek jalan"}),
        entry(
            id="0a0b0c0d-0000-4000-8000-000000000002",
            place_matched=False,
            follow_up={"action": "Lapor", "status": "done", "resolved_on": "2025-02-01", "note": "Beres"},
        ),
        entry(id="0a0b0c0d-0000-4000-8000-000000000003", place_matched=False),
    ]


ENGLISH_CELL_WORDS = re.compile(r"^(true|false|open|done)$|^(open|done)[ :]")


@pytest.mark.parametrize("name", ["csv", "xlsx"])
def test_an_indonesian_export_holds_no_english_cell_word_and_reads_back(name: str) -> None:
    items = indonesian_words_entries()
    fmt = formats.get(name)
    payload = fmt.write(items, ExportOptions(lang="id"))
    rows = fmt.read(payload)
    cells = [str(value) for row in rows for value in row.values.values() if value not in (None, "")]
    assert not [cell for cell in cells if ENGLISH_CELL_WORDS.search(cell)]
    by_field = [row.values for row in rows]
    assert [values["place_matched"] for values in by_field] == ["ya", "tidak", "tidak"]
    assert by_field[0]["follow_up"] == "terbuka: Cek jalan"
    assert by_field[1]["follow_up"] == "selesai 2025-02-01: Lapor; Beres"
    assert [validate_entry(fmt.decode(row.values)) for row in rows] == items
    # and the English file still says true/false and open/done, and reads back the same
    english = fmt.read(fmt.write(items, ExportOptions(lang="en")))
    assert [row.values["place_matched"] for row in english] == ["true", "false", "false"]
    assert english[0].values["follow_up"] == "open: Cek jalan"
    assert [validate_entry(fmt.decode(row.values)) for row in english] == items


def test_cell_words_of_either_language_are_read_whatever_the_header() -> None:
    assert tabular.decode({"place_matched": "Ya"})["place_matched"] is True
    assert tabular.decode({"place_matched": "tidak"})["place_matched"] is False
    assert tabular.decode({"place_matched": "TRUE"})["place_matched"] is True
    assert tabular.decode({"follow_up": "terbuka: Cek"})["follow_up"] == {"action": "Cek", "status": "open"}
    assert tabular.decode({"follow_up": "done: Cek"})["follow_up"] == {"action": "Cek", "status": "done"}
    with pytest.raises(InvalidInput, match="ya or tidak"):
        tabular.decode({"place_matched": "mungkin"})


def test_a_hand_typed_follow_up_without_status_is_an_open_action() -> None:
    assert tabular.parse_follow_up("Pantau harga pupuk: minggu depan") == {
        "action": "Pantau harga pupuk: minggu depan",
        "status": "open",
    }
    with pytest.raises(InvalidInput, match="not a date"):
        tabular.parse_follow_up("done 01/02/2025: Cek")


@pytest.mark.parametrize("text", ["=1+1", "+62 812", "-jalan rusak", "@SUM(A1)", "\tx", "\rx", "\nx", "'kutip"])
def test_guard_prefixes_one_quote_and_unguard_removes_exactly_it(text: str) -> None:
    assert tabular.guard(text) == "'" + text
    assert tabular.unguard(tabular.guard(text)) == text


def test_safe_text_is_not_guarded() -> None:
    assert tabular.guard("Bapak Sulaimān Ñ") == "Bapak Sulaimān Ñ"
    assert tabular.guard("") == ""


def test_header_in_english_keys_or_indonesian_labels_maps_back() -> None:
    assert tabular.header() == list(FIELDS)
    labels = tabular.header("id")
    assert labels[:3] == ["ID", "Tanggal", "Waktu"]
    assert len(set(labels)) == len(FIELDS)
    assert tabular.columns(labels) == list(FIELDS)
    assert tabular.columns([name.upper() for name in FIELDS]) == list(FIELDS)


def test_wrong_headers_are_named() -> None:
    with pytest.raises(InvalidInput, match="unknown column “nama”"):
        tabular.columns(["id", "nama"])
    with pytest.raises(InvalidInput, match="appears twice"):
        tabular.columns(["id", "date", "Tanggal"])
    with pytest.raises(InvalidInput, match="missing column"):
        tabular.columns(["id", "date"])


# --- csv ------------------------------------------------------------------------------------


def tricky() -> list[Entry]:
    return [
        entry(),
        entry(
            id="0a0b0c0d-0000-4000-8000-000000000001",
            summary='=HYPERLINK("http://x","klik") "kutip", koma; titik koma\nbaris dua',
            counterparts=["-Bapak Sulaimān Ñ", "Ibu A; Ibu B", "C:\\warga\\"],
            findings=["+jalan rusak", "@warga\tmengeluh"],
            venue="'Balai Desa",
            follow_up={"action": "Cek jalan", "status": "done", "resolved_on": "2022-02-01", "note": "beres"},
            time="08:30",
        ),
    ]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_is_utf8_with_bom_and_crlf_and_matches_the_csv_module(delimiter: str) -> None:
    entries = tricky()
    payload = csv_format.write(entries, ExportOptions(delimiter=delimiter))
    assert payload.startswith(b"\xef\xbb\xbf")
    text = payload.decode("utf-8")[1:]
    assert text.endswith("\r\n")
    assert text.split("\r\n", 1)[0] == delimiter.join(FIELDS)
    # The fast writer writes exactly what the csv module writes for the same cells.
    expected = io.StringIO()
    writer = csv.writer(expected, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for item in entries:
        typed = [field in tabular.TYPED_FIELDS for field in FIELDS]
        writer.writerow([tabular.guard(cell, kind) for cell, kind in zip(tabular.cells(item), typed, strict=True)])
    assert text == expected.getvalue()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_cells_are_guarded_and_read_back_exactly(delimiter: str) -> None:
    entries = tricky()
    payload = csv_format.write(entries, ExportOptions(delimiter=delimiter))
    records = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    row = dict(zip(records[0], records[2], strict=True))
    assert row["summary"].startswith("'=HYPERLINK")
    assert row["counterparts"] == "'-Bapak Sulaimān Ñ; Ibu A\\; Ibu B; C:\\\\warga\\\\"
    assert row["venue"] == "''Balai Desa"
    assert row["follow_up"] == "done 2022-02-01: Cek jalan; beres"
    for cells in records:
        assert len(cells) == len(FIELDS)
        assert all(not cell or cell[0] not in "=+-@\t\r\n" for cell in cells)
    rows = csv_format.read(payload)
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == entries
    assert [r.where for r in rows] == ["row 2", "row 3"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_free_text_a_spreadsheet_would_read_as_a_number_or_date_is_guarded(delimiter: str) -> None:
    """`03/04` (RT/RW) would open as a date, `0812345678` as 812345678, `1.234` as 1234:
    opened and saved again they would come back changed. Dates and times are left to be read."""
    item = entry(
        hamlet="03/04",
        venue="12,5",
        counterparts=["0812345678"],
        findings=["(5)"],
        summary="1e5",
        time="08:30",
    )
    payload = csv_format.write([item], ExportOptions(delimiter=delimiter))
    records = list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    row = dict(zip(records[0], records[1], strict=True))
    assert (row["hamlet"], row["venue"], row["counterparts"], row["summary"]) == (
        "'03/04",
        "'12,5",
        "'0812345678",
        "'1e5",
    )
    assert row["findings"] == "'(5)"
    assert (row["date"], row["time"], row["id"]) == ("2022-01-11", "08:30", item["id"])
    assert row["created_at"] == "2022-01-11T09:00:00.000000+00:00"
    assert (row["village"], row["kabupaten"]) == ("Sei Silau Tua", "Asahan")  # words are left alone
    rows = csv_format.read(payload)
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == [item]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_indonesian_csv_header_does_not_start_with_the_sylk_mark(delimiter: str) -> None:
    """Excel refuses a text file whose first letters are `ID` (it takes it for SYLK): the
    `--lang id` header quotes its first cell, which reads back as `ID` everywhere."""
    payload = csv_format.write(tricky(), ExportOptions(delimiter=delimiter, lang="id"))
    assert not payload.removeprefix(b"\xef\xbb\xbf").startswith(b"ID")
    text = payload.decode("utf-8-sig")
    first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert first == [tabular.LABELS_ID[field] for field in FIELDS]
    assert [validate_entry(csv_format.decode(r.values)) for r in csv_format.read(payload)] == tricky()


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        # US English settings: month first, told by a day over 12
        (["1/13/2022", "1/2/2022"], ["2022-01-13", "2022-01-02"]),
        # Indonesian settings: day first
        (["13/01/2022", "02/01/2022"], ["2022-01-13", "2022-01-02"]),
        # nothing tells: day first, as documented
        (["01/02/2022", "03/04/2022"], ["2022-02-01", "2022-04-03"]),
    ],
)
def test_csv_dates_saved_by_a_spreadsheet_read_in_the_files_own_order(saved: list[str], expected: list[str]) -> None:
    items = [entry(id=f"0a0b0c0d-0000-4000-8000-00000000000{n}") for n in range(len(saved))]
    lines = csv_format.write(items, ExportOptions()).decode("utf-8-sig").split("\r\n")
    lines[1:-1] = [
        line.replace(",2022-01-11,", f",{date_text},", 1) for line, date_text in zip(lines[1:-1], saved, strict=True)
    ]
    rows = csv_format.read("\r\n".join(lines).encode("utf-8"))
    assert [validate_entry(csv_format.decode(r.values))["date"] for r in rows] == expected


def test_csv_reads_without_bom_lf_endings_and_indonesian_header() -> None:
    payload = csv_format.write(tricky(), ExportOptions(delimiter=";", lang="id"))
    assert payload.decode("utf-8-sig").startswith('"ID";Tanggal;Waktu;Kegiatan;Babinsa;')
    plain = payload[3:].replace(b"\r\n", b"\n")
    rows = csv_format.read(plain)
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == tricky()


@pytest.mark.parametrize(
    ("saved", "time"),
    [
        ("08:30:00 AM", "08:30"),
        ("8:30", "08:30"),
        ("08:30:00", "08:30"),
        ("12:05:00 AM", "00:05"),
        ("1.15 PM", "13:15"),
        ("pagi", "pagi"),
    ],
)
def test_times_as_spreadsheets_save_them_read_back(saved: str, time: str) -> None:
    assert tabular.decode({"time": saved})["time"] == time


def test_csv_saved_back_by_excel_with_indonesian_dates_still_reads() -> None:
    payload = csv_format.write([entry()], ExportOptions(delimiter=";")).replace(b";2022-01-11;", b";11/01/2022;")
    payload = payload.replace(b"\r\n", b";;;\r\n")  # empty columns added at the right
    rows = csv_format.read(payload)
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == [entry()]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("id,date\r\nx,é".encode("cp1252"), "not UTF-8"),
        (b"nama,alamat\r\nA,B\r\n", "unknown column “nama”"),
        (b"Desa;Kecamatan\r\n", "unknown column “Desa”"),
        ("id\tdate\r\nx\té".encode("utf-16"), "UTF-16 text .* save as 'CSV UTF-8'"),
        (b'[{"summary": "' + b"x" * 200_000 + b'"}]', "broken CSV at line 1"),  # one-line JSON named .csv
    ],
)
def test_csv_that_is_not_a_komsos_csv_is_refused(payload: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        csv_format.read(payload)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_rows_left_with_empty_cells_only_are_skipped(delimiter: str) -> None:
    """Excel and LibreOffice save a row whose contents were cleared (or formatted cells below
    the data) as a line of delimiters; like an empty line, it is no entry, and the rows
    after it keep their spreadsheet numbers."""
    items = tricky()
    lines = csv_format.write(items, ExportOptions(delimiter=delimiter)).decode("utf-8").split("\r\n")
    empty = delimiter * (len(FIELDS) - 1)
    broken = "\r\n".join([lines[0], lines[1], empty, "", lines[2], empty, empty, ""])
    rows = csv_format.read(broken.encode("utf-8"))
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == items
    assert [r.number for r in rows] == [2, 5]


def test_csv_row_with_wrong_width_or_broken_quotes_is_refused() -> None:
    good = csv_format.write([entry()], ExportOptions()).decode("utf-8")
    with pytest.raises(InvalidInput, match="row 3 has 2 cells"):
        csv_format.read((good + "a,b\r\n").encode())
    with pytest.raises(InvalidInput, match="broken CSV"):
        csv_format.read((good + '"unclosed,\r\n').encode())


# --- xlsx ------------------------------------------------------------------------------------


def test_xlsx_cells_are_text_or_dates_never_formulas() -> None:
    payload = formats.get("xlsx").write(tricky(), ExportOptions())
    workbook = openpyxl.load_workbook(io.BytesIO(payload))
    sheet = workbook.worksheets[0]
    assert sheet.title == "Komsos"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:W3"
    assert [cell.value for cell in sheet[1]] == list(FIELDS)
    assert all(cell.font.bold for cell in sheet[1])
    # Widths in characters (XlsxWriter adds Excel's cell padding, under one character).
    assert 38 <= sheet.column_dimensions["A"].width < 39
    assert 70 <= sheet.column_dimensions["Q"].width < 71  # summary
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type in ("s", "d", "n"), (cell.coordinate, cell.data_type)
            if cell.data_type == "n":
                assert cell.value is None
    values = {sheet.cell(1, c).value: sheet.cell(3, c) for c in range(1, len(FIELDS) + 1)}
    assert values["date"].value == datetime(2022, 1, 11)
    assert values["date"].number_format == "yyyy-mm-dd"
    assert values["summary"].data_type == "s"
    assert values["summary"].value.startswith('=HYPERLINK("http://x"')
    assert values["summary"].quotePrefix
    assert values["counterparts"].value == "-Bapak Sulaimān Ñ; Ibu A\\; Ibu B; C:\\\\warga\\\\"


def test_xlsx_round_trips_and_escapes_ooxml_lookalikes() -> None:
    entries = [*tricky(), entry(id="0a0b0c0d-0000-4000-8000-000000000002", summary="kode _x0041_ dan _x005F_")]
    xlsx = formats.get("xlsx")
    payload = xlsx.write(entries, ExportOptions(lang="id"))
    sheet = openpyxl.load_workbook(io.BytesIO(payload)).worksheets[0]
    assert sheet.cell(4, FIELDS.index("summary") + 1).value == "kode _x005F_x0041_ dan _x005F_x005F_"
    assert [validate_entry(xlsx.decode(r.values)) for r in xlsx.read(payload)] == entries


def test_xlsx_reads_the_komsos_sheet_when_a_sheet_was_added_in_front() -> None:
    """A commander adds a recap sheet before the data and sends the workbook on."""
    items = tricky()
    workbook = openpyxl.load_workbook(io.BytesIO(formats.get("xlsx").write(items, ExportOptions())))
    recap = workbook.create_sheet("Rekap", 0)
    recap.append(["Desa", "Jumlah"])
    recap.append(["Sei Silau Tua", 2])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert workbook.sheetnames == ["Rekap", "Komsos", "Summary"]
    xlsx = formats.get("xlsx")
    assert [validate_entry(xlsx.decode(r.values)) for r in xlsx.read(buffer.getvalue())] == items


def test_xlsx_edited_in_a_spreadsheet_still_reads() -> None:
    """Excel turns typed dates and times into numbers; they read back as the texts they were."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(FIELDS))
    item = entry(time="08:30")
    row: list[object] = [tabular.cells(item)[i] or None for i in range(len(FIELDS))]
    row[FIELDS.index("date")] = date(2022, 1, 11)
    row[FIELDS.index("time")] = datetime(2022, 1, 11, 8, 30).time()
    sheet.append(row)
    sheet.append([None] * len(FIELDS))  # an empty row left behind
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx = formats.get("xlsx")
    rows = xlsx.read(buffer.getvalue())
    assert [validate_entry(xlsx.decode(r.values)) for r in rows] == [item]


QUOTED = ["'kutip", "''", "'=1+1", '=HYPERLINK("http://x")', "-jalan rusak"]


def test_xlsx_text_starting_with_a_quote_gets_one_more_and_reads_back() -> None:
    """As in csv: the `'` that import removes is there, so a text starting with `'` survives
    an xlsx saved again as csv by a spreadsheet (which writes the cell text as it is)."""
    items = [entry(id=f"0a0b0c0d-0000-4000-8000-00000000000{n}", venue=text) for n, text in enumerate(QUOTED)]
    xlsx = formats.get("xlsx")
    payload = xlsx.write(items, ExportOptions())
    sheet = openpyxl.load_workbook(io.BytesIO(payload)).worksheets[0]
    venues = [sheet.cell(row, FIELDS.index("venue") + 1).value for row in range(2, len(items) + 2)]
    assert venues == ["''kutip", "'''", "''=1+1", '=HYPERLINK("http://x")', "-jalan rusak"]
    assert [validate_entry(xlsx.decode(r.values)) for r in xlsx.read(payload)] == items
    # the cell texts as a spreadsheet saves them to csv (no guard of its own) import as the entries
    resaved = io.StringIO()
    writer = csv.writer(resaved, lineterminator="\r\n")
    for line in sheet.iter_rows(values_only=True):
        writer.writerow(
            ["" if cell is None else str(cell)[:10] if isinstance(cell, datetime) else cell for cell in line]
        )
    rows = csv_format.read(resaved.getvalue().encode())
    assert [validate_entry(csv_format.decode(r.values)) for r in rows] == items


def test_xlsx_saved_from_a_guarded_csv_imports_without_the_guards() -> None:
    """A commander opens the csv export and saves it as a workbook: the `'` guards are now
    plain text in the cells, and import removes them exactly once."""
    quoted = [entry(id=f"0a0b0c0d-0000-4000-8000-00000000001{n}", venue=text) for n, text in enumerate(QUOTED)]
    items = [*tricky(), *quoted]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(FIELDS))
    for item in items:
        sheet.append([tabular.guard(text) or None for text in tabular.cells(item)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx = formats.get("xlsx")
    assert [validate_entry(xlsx.decode(r.values)) for r in xlsx.read(buffer.getvalue())] == items


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"", "not a zip"), (b"id,date\r\n", "not a zip"), (b"PK\x03\x04truncated", "not a readable xlsx")],
)
def test_xlsx_that_is_not_a_workbook_is_refused(payload: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        formats.get("xlsx").read(payload)


# --- json, jsonl ------------------------------------------------------------------------------


def test_json_is_an_array_in_fields_order_and_reads_back() -> None:
    import json

    payload = formats.get("json").write(tricky(), ExportOptions())
    data = json.loads(payload)
    assert [list(item) for item in data] == [list(FIELDS)] * 2
    rows = formats.get("json").read(payload)
    assert [validate_entry(r.values) for r in rows] == tricky()
    assert [r.where for r in rows] == ["entry 1", "entry 2"]
    single = formats.get("json").read(json.dumps(data[0]).encode())
    assert len(single) == 1


def test_jsonl_is_one_entry_per_line_and_reads_back() -> None:
    payload = formats.get("jsonl").write(tricky(), ExportOptions())
    lines = payload.split(b"\n")
    assert len(lines) == 3 and lines[-1] == b""
    rows = formats.get("jsonl").read(payload + b"\n\n")
    assert [validate_entry(r.values) for r in rows] == tricky()


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("json", b'[{"id": "6f1d3c2a', "not valid JSON"),
        ("json", b'"just text"', "array of entries"),
        ("json", b"[1, 2]", "entry 1 is not an object"),
        ("json", b"", "empty"),
        ("jsonl", b'{"id": 1}\n{"id": ', "line 2: not valid JSON"),
        ("jsonl", b"[1]\n", "line 1 is not an object"),
        ("jsonl", b"\x00\x01\x02binary", "not valid JSON"),
    ],
)
def test_json_that_is_not_what_it_claims_is_refused(name: str, payload: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        formats.get(name).read(payload)


def test_xlsx_refuses_a_cell_longer_than_a_spreadsheet_holds() -> None:
    # 20 counterparts of 2,000 characters are a valid entry, but 40,000 characters do not fit one cell:
    # the export is refused (naming entry and field) rather than cut short in the spreadsheet.
    long = entry(counterparts=[f"{i:02d} " + "x" * 1990 for i in range(20)])
    with pytest.raises(InvalidInput, match=r"counterparts is longer than the 32767 characters"):
        formats.get("xlsx").write([long], ExportOptions())
    assert formats.get("csv").write([long], ExportOptions())  # csv has no such limit


def test_csv_is_written_in_pieces_that_join_to_the_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from komsos_cli.formats import csv as csv_module

    monkeypatch.setattr(csv_module, "CHUNK_LINES", 2)
    items = [entry(id=f"6f1d3c2a-9b7e-4c1a-8f00-{n:012d}", summary=f"Komsos {n}\nbaris dua") for n in range(5)]
    pieces = list(formats.get("csv").write_chunks(items, ExportOptions(delimiter=";")))
    assert len(pieces) == 4  # the header, then 2 + 2 + 1 lines
    assert pieces[0].startswith(b"\xef\xbb\xbf") and pieces[0].endswith(b"\r\n")
    whole = formats.get("csv").write(items, ExportOptions(delimiter=";"))
    assert b"".join(pieces) == whole
    assert [row.values["id"] for row in csv_module.read(whole)] == [item["id"] for item in items]
    # a format without pieces gives its whole file as one
    assert list(formats.get("json").write_chunks(items, ExportOptions())) == [
        formats.get("json").write(items, ExportOptions())
    ]
