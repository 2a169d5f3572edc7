"""The charts as users get them: the HTML recap's inline SVG, the workbook's summary sheet, the sparkline.

The browser (Chromium) and LibreOffice checks are in test_charts_browser.py and
test_spreadsheet.py; here the files themselves are read.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from chart_entries import CARE, quarter_entries

from komsos_cli import formats
from komsos_cli.formats import ExportOptions
from komsos_cli.model import validate_entry
from komsos_cli.recap import CSP, html_page
from komsos_cli.render.charts import heat_level, sparkline
from komsos_cli.series import weekly_series
from komsos_cli.store import FileStore as Store
from komsos_cli.summary import parse_period, summarize

Q1 = parse_period("2025-Q1")
BIN = Path(sys.executable).parent / "komsos"
CHARTS = ("chart-activity", "chart-coverage", "chart-situation", "chart-topics")


@pytest.fixture
def quarter_store(db: Path) -> Store:
    """A real store file with a quarter of entries and a profile whose care has two unvisited villages."""
    store = Store(db)
    with store.transaction() as transaction:
        transaction.add_many(quarter_entries())
        transaction.set_profile({"babinsa": {"rank": "Serda", "name": "Nursalim"}, "villages": CARE})
    return store


def recap(run: Any, *args: str, lang: str = "en") -> str:
    result = run("summary", "--period", "2025-Q1", "--format", "html", *args, env={"KOMSOS_LANG": lang})
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_html_recap_holds_four_inline_svg_charts_each_with_its_numbers(run: Any, quarter_store: Store) -> None:
    page = recap(run)
    for chart in CHARTS:
        assert f'<svg class="chart" id="{chart}" viewBox="0 0 ' in page
    assert page.count("<svg") == 4 and page.count('<div class="numbers">') == 4
    # The coverage chart's neighbours: the villages in care that nobody visited.
    assert "Villages in care with no entry in this period:</b> Desa Waru, Girimulyo</p>" in page
    # The numbers beside the activity chart: one row per week, W01 to W14 of 2025.
    activity = page.split('id="chart-activity"')[1].split("</table>")[0]
    assert activity.count("<tr>") == 1 + 14 and "<td>2025-W14 (31/03)</td>" in activity
    # The chart's total row-by-row equals the summary's total.
    totals = re.findall(r'<td class="n">(\d+)</td></tr>', activity)
    assert sum(int(value) for value in totals) == summarize(quarter_entries(), date.today(), period=Q1).total


def test_html_recap_can_make_no_request(run: Any, quarter_store: Store) -> None:
    page = recap(run)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert "<script" not in page.lower() and "javascript:" not in page.lower()
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/|url\((?!#)|@import|<link|<img|<iframe", page)
    assert len(page.encode()) < 200_000  # the charts of a quarter are small


def test_html_recap_speaks_the_interface_language(run: Any, quarter_store: Store) -> None:
    page = recap(run, lang="id")
    for text in ("Grafik", "Kegiatan per minggu per Koramil", "Kunjungan desa per minggu", "Situasi per minggu"):
        assert text in page
    assert "Desa binaan tanpa entri pada periode ini" in page and "Topik yang paling sering diangkat" in page
    english = recap(run)
    assert "Activities per week by Koramil" in english and "Grafik" not in english


def test_a_koramil_recap_stacks_by_babinsa(run: Any, quarter_store: Store) -> None:
    page = recap(run, "--koramil", "Koramil 01/Rengat")
    assert "Activities per week by Babinsa" in page and "Kopda SY.E Hasibuan" in page
    assert "An activity by two Babinsa counts for each of them." in page


def test_user_text_in_charts_is_escaped() -> None:
    raw = quarter_entries(count=10)[0] | {"village": '<script>alert("x")</script> & Co', "topics": ["<b>topik</b>"]}
    entries = [validate_entry(raw)]
    page = html_page(summarize(entries, date(2025, 4, 1)), weekly_series(entries))
    assert "<script" not in page and "<b>topik" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page


def test_the_recap_without_series_has_no_charts_and_markdown_none() -> None:
    entries = quarter_entries(count=20)
    summary = summarize(entries, date(2025, 4, 1))
    assert "<svg" not in html_page(summary)
    assert "<svg" in html_page(summary, weekly_series(entries))
    # Without villages in care (no profile), the recap says nothing about them.
    assert "Villages in care" not in html_page(summary, weekly_series(entries))
    assert "Every village in care has at least one entry." in html_page(
        summary, weekly_series(entries, care=[entries[0]["village"]])
    )


def test_heat_levels_are_the_counts_up_to_four_then_shares_of_the_largest() -> None:
    assert [heat_level(count, 3) for count in (0, 1, 2, 3)] == [0, 1, 2, 3]
    assert [heat_level(count, 12) for count in (0, 1, 3, 4, 6, 9, 12)] == [0, 1, 1, 2, 2, 3, 4]


def test_sparkline_is_one_block_per_week_and_blank_for_none() -> None:
    assert sparkline([0, 1, 4, 8, 2]) == " ▁▄█▂"
    assert sparkline([0, 0]) == "  " and sparkline([]) == ""


def test_a_long_sparkline_keeps_the_latest_weeks_that_fit_the_terminal() -> None:
    from komsos_cli.render.summary import sparkline_line
    from komsos_cli.series import Series, weeks_between

    # 2025 in ISO weeks: from W01 (Monday 30 December 2024) to 2026-W01 (31 December is a Wednesday).
    weeks = weeks_between(date(2025, 1, 1), date(2025, 12, 31))
    series = Series(weeks=weeks, activity=[1 + index % 8 for index in range(len(weeks))])
    assert len(weeks) == 53
    line = sparkline_line(series, width=60)
    assert len(line) <= 60 and line.endswith("… 2026-W01")
    shown = line.split("  ")[1]
    assert len(shown) < 53 and shown == sparkline(series.activity[-len(shown) :])
    assert sparkline_line(series, width=200) == f"Per week  {sparkline(series.activity)}  2025-W01 … 2026-W01"


def test_no_chart_gives_the_html_recap_without_charts(run: Any, quarter_store: Store) -> None:
    page = recap(run, "--no-chart")
    assert "<svg" not in page and "Charts" not in page and "By topic" in page


# --- the workbook -------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "name"), [("en", "Summary"), ("id", "Ringkasan")])
def test_workbook_summary_sheet_counts_equal_the_summary(lang: str, name: str) -> None:
    entries = quarter_entries()
    payload = formats.get("xlsx").write(entries, ExportOptions(lang=lang))
    workbook = openpyxl.load_workbook(io.BytesIO(payload))
    assert workbook.sheetnames == ["Komsos", name]  # the entries stay first, the sheet `import` reads
    rows = list(workbook[name].iter_rows(values_only=True))
    series = weekly_series(entries)
    summary = summarize(entries, date(2025, 5, 1))
    weekly = rows[2 : 2 + len(series.weeks)]
    assert [row[0] for row in weekly] == [week.label for week in series.weeks]
    assert [row[2] for row in weekly] == series.activity and sum(series.activity) == summary.total
    sections: dict[str, dict[str, int]] = {}
    current = None
    for row in rows[3 + len(series.weeks) :]:
        if row[0] is None:
            current = None
        elif current is None:
            current = row[0]
            sections[current] = {}
        else:
            sections[current][row[0]] = row[1]
    not_stated = "(not stated)" if lang == "en" else "(tidak dicatat)"

    def expected(field: str) -> dict[str, int]:
        return {b.name if b.name is not None else not_stated: b.count for b in summary.breakdowns[field]}

    village, kind, situation = list(sections)
    assert sections[village] == expected("village")
    assert sections[kind] == expected("kind")
    assert sections[situation] == expected("situation")
    # Per week, the situation columns add up to the activity.
    assert all(sum(row[3:]) == row[2] for row in weekly)


def test_workbook_has_two_native_charts_and_reads_back_the_same_entries() -> None:
    entries = quarter_entries()
    xlsx = formats.get("xlsx")
    payload = xlsx.write(entries, ExportOptions())
    names = zipfile.ZipFile(io.BytesIO(payload)).namelist()
    assert "xl/charts/chart1.xml" in names and "xl/charts/chart2.xml" in names
    chart = zipfile.ZipFile(io.BytesIO(payload)).read("xl/charts/chart2.xml").decode()
    assert '<c:grouping val="stacked"/>' in chart and "Summary!$D$3:$D$" in chart
    assert [validate_entry(xlsx.decode(row.values)) for row in xlsx.read(payload)] == entries


def test_an_empty_export_has_the_sheet_without_charts() -> None:
    payload = formats.get("xlsx").write([], ExportOptions())
    assert openpyxl.load_workbook(io.BytesIO(payload)).sheetnames == ["Komsos", "Summary"]
    assert not [name for name in zipfile.ZipFile(io.BytesIO(payload)).namelist() if "chart" in name]


# --- the terminal ----------------------------------------------------------------------


def at_a_terminal(*args: str, db: Path) -> tuple[str, str]:
    """`komsos` with stdout on a pseudo-terminal (what a person at a terminal sees), and its stderr."""
    import pty

    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "COLUMNS": "120", "NO_COLOR": "1"})
    done = subprocess.run([str(BIN), *args], env=env, stdout=child, stderr=subprocess.PIPE, timeout=60, check=False)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8"), done.stderr.decode("utf-8")


def test_summary_at_a_terminal_shows_activity_per_week_as_a_sparkline(quarter_store: Store, db: Path) -> None:
    screen, _ = at_a_terminal("summary", "--period", "2025-Q1", db=db)
    series = weekly_series(quarter_entries(), period=Q1)
    lines = screen.replace("\r\n", "\n").splitlines()
    line = next(line for line in lines if line.startswith("Per week"))
    assert line == f"Per week  {sparkline(series.activity)}  2025-W01 … 2025-W14"
    assert lines.index(line) < next(i for i, text in enumerate(lines) if text.startswith("By village"))
    hidden, _ = at_a_terminal("summary", "--period", "2025-Q1", "--no-chart", db=db)
    assert "Per week" not in hidden and "By village" in hidden


def test_no_sparkline_when_stdout_is_not_a_terminal_or_json(run: Any, quarter_store: Store) -> None:
    piped = run("summary", "--period", "2025-Q1")
    assert piped.exit_code == 0 and "Per week" not in piped.stdout and "By village" in piped.stdout
    assert "Per week" not in run("summary", "--json").stdout
