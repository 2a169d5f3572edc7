"""What a commander sees: the exported CSV (both delimiters) and XLSX opened in real LibreOffice.

LibreOffice (headless) converts each export to xlsx with formula evaluation switched ON
(the most dangerous setting, what Excel does), and openpyxl reads what it made: no
cell may be a formula, every name must read back intact, one field per column.
Without LibreOffice these tests are skipped with the reason, except under CI (env CI set), where
.ci/run installs it and they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from komsos_cli import exchange
from komsos_cli.formats import ExportOptions, tabular
from komsos_cli.model import FIELDS, Entry, validate_entry
from komsos_cli.series import weekly_series
from komsos_cli.store import FileStore as Store

# LibreOffice starts in seconds: the full run (scripts/check.sh, CI) opens the exports in it.
pytestmark = pytest.mark.slow

NAMES = ["Bapak Sulaimān Ñ", "Kadus Dsn 2 Bapak Faisal", "Tomas Bapak Rahmad"]
FORMULAS = ['=HYPERLINK("http://contoh.id","klik")', "+62 812 3456", "-jalan rusak", "@SUM(A1:A9)", "=1+1", "'kutip"]


def entries() -> list[Entry]:
    base: dict[str, object] = {
        "date": "2022-01-11",
        "babinsa": [{"rank": "Kopda", "name": "SY.E Hasibuan"}],
        "koramil": "Koramil 13/Buntu Pane",
        "kodim": "Kodim 0208/Asahan",
        "village": "Sei Silau Tua",
        "village_kind": "Desa",
        "hamlet": "Dusun 2",
        "kecamatan": "Setia Janji",
        "kabupaten": "Asahan",
        "venue": "Jalan Protokol Dusun 2",
        "counterparts": NAMES,
        "topics": ["keamanan", "kesehatan"],
        "situation": "aman",
        "created_at": "2022-01-11T09:00:00+00:00",
        "updated_at": "2022-01-11T09:00:00+00:00",
    }
    items: list[dict[str, object]] = [
        {
            **base,
            "id": "6f1d3c2a-9b7e-4c1a-8f00-0123456789ab",
            "summary": 'Komsos dengan warga; "aman, kondusif"\nbaris kedua',
            "findings": ["Jalan rusak di Dusun 2; perlu perbaikan", "Harga pupuk naik, warga mengeluh"],
            "follow_up": {"action": "Koordinasi dengan Kades", "status": "open"},
            "time": "08:30",
        }
    ]
    # Texts a spreadsheet would turn into a date or a number (RT/RW, a phone number, a count).
    items.append(
        {
            **base,
            "id": "0a0b0c0d-0000-4000-8000-0000000000a1",
            "hamlet": "03/04",
            "venue": "1.234",
            "summary": "0812345678",
            "findings": ["12,5"],
        }
    )
    for number, text in enumerate(FORMULAS, start=1):
        items.append(
            {
                **base,
                "id": f"0a0b0c0d-0000-4000-8000-00000000000{number}",
                "village": text + " Desa",
                "summary": text,
                "venue": text,
                "counterparts": [text, *NAMES],
                "findings": [text],
            }
        )
    return [validate_entry(item) for item in items]


XLSX = "xlsx:Calc MS Excel 2007 XML"
# Saved back as csv: `;`, double quotes, UTF-8 (what a commander's "Save as CSV" gives); the last
# token is the sheet: 1, the first (the entries), as "Save as CSV" saves the sheet in view, which
# opens on the first (-1 would write every sheet, the workbook's summary sheet too, to its own file).
SAVE_CSV = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1057,false,true,false,false,false,1"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = (
            "LibreOffice (soffice) is not installed: these tests open the exports in a real spreadsheet. "
            "Install it (apt-get install libreoffice-calc-nogui) or run .ci/run, which does"
        )
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run these tests")
        pytest.skip(message)
    return found


def convert(source: Path, out: Path, profile: Path, infilter: str | None = None, to: str = XLSX) -> Path:
    """`source` opened by LibreOffice and saved into `out` (as xlsx, or as `to` says)."""
    command = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", to, "--outdir", str(out), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    found = sorted(out.iterdir())
    target = found[0] if len(found) == 1 else out / "missing"
    assert done.returncode == 0 and target.exists(), f"LibreOffice failed: {done.stdout} {done.stderr}"
    return target


# Import options as LibreOffice numbers them: separator, quote, charset (76 = UTF-8), first
# line, column formats, language (1057 = Indonesian), quoted as text, detect special numbers,
# 3 export-only options, and token 13: evaluate formulas = true.
CSV_COMMA = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"
CSV_SEMICOLON = "CSV:59,34,76,1,,1057,false,true,false,false,false,-1,true"


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each export as LibreOffice read it: name -> openpyxl worksheet."""
    folder = tmp_path_factory.mktemp("spreadsheet")
    profile = folder / "lo-profile"
    items = entries()
    sources = {
        "csv-comma": (folder / "comma.csv", "csv", ExportOptions(), CSV_COMMA),
        "csv-semicolon": (folder / "semicolon.csv", "csv", ExportOptions(delimiter=";"), CSV_SEMICOLON),
        "xlsx": (folder / "rekap.xlsx", "xlsx", ExportOptions(), None),
    }
    sheets: dict[str, Any] = {}
    for name, (path, fmt, options, infilter) in sources.items():
        path.write_bytes(exchange.export_entries(items, fmt, options))
        out = folder / f"out-{name}"
        out.mkdir()
        converted = convert(path, out, profile, infilter)
        sheets[name] = openpyxl.load_workbook(converted).worksheets[0]
        sheets[f"{name}-file"] = converted
    # A commander opens the `;` csv (Indonesian settings) and saves it again as csv.
    (folder / "out-resaved").mkdir()
    sheets["resaved-csv"] = convert(
        sources["csv-semicolon"][0], folder / "out-resaved", profile, CSV_SEMICOLON, SAVE_CSV
    )
    # ... or opens the xlsx and saves it as csv (LibreOffice writes the cell texts as they are).
    (folder / "out-xlsx-as-csv").mkdir()
    sheets["xlsx-as-csv"] = convert(sources["xlsx"][0], folder / "out-xlsx-as-csv", profile, None, SAVE_CSV)
    # The control: the same LibreOffice settings do make a formula of an unguarded cell.
    control = folder / "control.csv"
    control.write_bytes("\ufeffid,summary\r\n1,=1+1\r\n".encode())
    (folder / "out-control").mkdir()
    sheets["control"] = openpyxl.load_workbook(convert(control, folder / "out-control", profile, CSV_COMMA)).worksheets[
        0
    ]
    return sheets


KINDS = ["csv-comma", "csv-semicolon", "xlsx"]


def test_the_setup_would_see_a_formula(opened: dict[str, Any]) -> None:
    cell = opened["control"]["B2"]
    assert (cell.data_type, cell.value) == ("f", "=1+1")


@pytest.mark.parametrize("kind", KINDS)
def test_no_cell_is_a_formula(opened: dict[str, Any], kind: str) -> None:
    sheet = opened[kind]
    formulas = [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []
    assert sheet.max_row == len(entries()) + 1


@pytest.mark.parametrize("kind", KINDS)
def test_each_field_in_its_own_column_and_names_intact(opened: dict[str, Any], kind: str) -> None:
    sheet = opened[kind]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(FIELDS)
    for row, item in zip(rows[1:], entries(), strict=True):
        assert len(row) == len(FIELDS)
        cells = dict(zip(FIELDS, row, strict=True))
        assert cells["id"] == item["id"]
        assert cells["babinsa"] == "Kopda SY.E Hasibuan"
        assert cells["kecamatan"] == "Setia Janji"
        assert cells["kabupaten"] == "Asahan"
        assert cells["situation"] == "aman"
        for name in NAMES:
            assert name in cells["counterparts"]


@pytest.mark.parametrize("kind", KINDS)
def test_text_reads_back_exactly_once_the_guard_is_removed(opened: dict[str, Any], kind: str) -> None:
    """CSV shows the guard `'` (that is what stops the formula); XLSX needs none (its cells are
    text) except before a text that starts with `'`."""
    rows = list(opened[kind].iter_rows(min_row=2, values_only=True))
    for row, item in zip(rows, entries(), strict=True):
        cells = dict(zip(FIELDS, row, strict=True))
        expected = tabular.cells(item)
        for field in ("village", "hamlet", "venue", "summary", "counterparts", "findings", "follow_up"):
            shown = cells[field] or ""
            want = expected[FIELDS.index(field)]
            if kind.startswith("csv"):
                assert shown == tabular.guard(want), field
            else:  # one more `'` only before a `'`: import removes one, as for csv
                assert shown == ("'" + want if want.startswith("'") else want), field


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [("resaved-csv", "csv"), ("xlsx-file", "xlsx"), ("csv-semicolon-file", "xlsx"), ("xlsx-as-csv", "csv")],
)
def test_a_file_saved_again_by_libreoffice_imports_back_the_same_entries(
    opened: dict[str, Any], tmp_path: Path, kind: str, fmt: str
) -> None:
    """Opened, and saved again (csv with `;`; xlsx; the `;` csv as xlsx, its guards now cell
    text; the xlsx as csv), the file still imports as the same entries."""
    store = Store(tmp_path / "danramil.json")
    result = exchange.import_files(store, [opened[kind]], format_name=fmt)
    assert (result.added, result.updated, result.skipped) == (len(entries()), 0, 0)
    assert {e["id"]: e for e in store.entries()} == {e["id"]: e for e in entries()}


def test_libreoffice_shows_the_workbook_charts_and_import_reads_the_same_entries(tmp_path: Path) -> None:
    """The exported workbook opened by LibreOffice: its summary sheet's two charts are chart objects
    of the converted document (drawn from the sheet's cells), and the workbook imports as it was."""
    import zipfile

    from chart_entries import quarter_entries

    items = quarter_entries()
    workbook = tmp_path / "rekap.xlsx"
    workbook.write_bytes(exchange.export_entries(items, "xlsx", ExportOptions(lang="id")))
    assert {"xl/charts/chart1.xml", "xl/charts/chart2.xml"} <= set(zipfile.ZipFile(workbook).namelist())
    (tmp_path / "out").mkdir()
    ods = convert(workbook, tmp_path / "out", tmp_path / "lo-profile", to="ods")
    with zipfile.ZipFile(ods) as document:
        content = document.read("content.xml").decode("utf-8")
        objects = sorted({name.split("/")[0] for name in document.namelist() if name.startswith("Object ")})
        charts = [document.read(f"{name}/content.xml").decode("utf-8") for name in objects]
    assert len(objects) == 2 and all("<chart:chart " in chart for chart in charts)
    # Each chart reads the Ringkasan sheet: the weeks and activity, the weeks and the situations.
    ranges = re.findall(r'draw:notify-on-update-of-ranges="([^"]+)"', content)
    weeks = 2 + len(weekly_series(items).weeks)  # the last row of the weekly table
    assert ranges[0] == f"Ringkasan.A3:Ringkasan.A{weeks} Ringkasan.C3:Ringkasan.C{weeks}"
    assert f"Ringkasan.D3:Ringkasan.D{weeks}" in ranges[1] and f"Ringkasan.F3:Ringkasan.F{weeks}" in ranges[1]
    # A chart has its own series: two columns of data in the first, four situations stacked in the second.
    assert charts[0].count("<chart:series ") == 1 and charts[1].count("<chart:series ") == 4
    assert 'chart:stacked="true"' in charts[1]
    store = Store(tmp_path / "danramil.json")
    result = exchange.import_files(store, [workbook])
    assert (result.added, result.updated, result.skipped) == (len(items), 0, 0)
    assert {e["id"]: e for e in store.entries()} == {e["id"]: e for e in items}
