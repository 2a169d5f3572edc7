"""The monthly recap: Markdown against a golden file, HTML escaping, and the CLI's --format."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from komsos_cli.model import Entry, validate_entry
from komsos_cli.recap import html_page, markdown, md
from komsos_cli.store import FileStore as Store
from komsos_cli.summary import parse_period, summarize

GOLDEN = Path(__file__).parent / "golden" / "recap-2025-01.md"
TODAY = date(2025, 2, 3)

NURSALIM = {"rank": "Serda", "name": "Nursalim"}
HASIBUAN = {"rank": "Kopda", "name": "SY.E Hasibuan"}
KEBAKKRAMAT = {"kecamatan": "Kebakkramat", "kabupaten": "Karanganyar", "koramil": "Koramil 03/Kebakkramat"}
RENGAT = {"kecamatan": "Rengat Barat", "kabupaten": "Indragiri Hulu", "koramil": "Koramil 01/Rengat"}


def _entry(number: int, **fields: Any) -> Entry:
    stamp = f"2025-01-{number:02d}T10:00:00.000000+00:00"
    raw = {
        "id": f"{number:08d}-0000-4000-8000-000000000000",
        "babinsa": [NURSALIM],
        "summary": "Komsos dengan warga",
        "created_at": stamp,
        "updated_at": stamp,
        **fields,
    }
    return validate_entry(raw)


KNOWN_ENTRIES = [
    _entry(1, date="2024-12-28", village="Kemiri", **KEBAKKRAMAT),  # December: outside the recap
    _entry(
        2,
        date="2025-01-06",
        village="Kemiri",
        topics=["pemilu", "keamanan"],
        situation="aman",
        counterparts=["Sekretaris Perangkat Desa Kemiri"],
        summary="Komsos dengan Sekdes Kemiri tentang persiapan Pilkades",
        **KEBAKKRAMAT,
    ),
    _entry(
        3,
        date="2025-01-09",
        village="Desa Kemiri",
        kind="anjangsana",
        topics=["ekonomi"],
        situation="waspada",
        summary="Anjangsana ke rumah warga Dk. Kauman",
        findings=["Harga pupuk naik 20% | stok *langka* di kios"],
        follow_up="Koordinasi dengan PPL soal pupuk",
        **KEBAKKRAMAT,
    ),
    _entry(
        4,
        date="2025-01-17",
        village="Pematang Jaya",
        babinsa=[HASIBUAN],
        topics=["keamanan", "program pemerintah"],
        situation="aman",
        venue="kedai kopi",
        summary="Komsos dengan warga di kedai kopi",
        **RENGAT,
    ),
    _entry(
        5,
        date="2025-01-22",
        village="Macanan",
        kind="patroli",
        topics=["keamanan"],
        situation="rawan",
        summary="Patroli malam bersama Linmas",
        findings=["Pencurian ternak di Dusun 2", "Lampu jalan mati"],
        follow_up="Laporkan ke Polsek Kebakkramat",
        **KEBAKKRAMAT,
    ),
    _entry(
        6,
        date="2025-01-30",
        village="Pematang Jaya",
        babinsa=[HASIBUAN, NURSALIM],
        kind="karya-bakti",
        topics=["lingkungan"],
        summary="Karya bakti membersihkan saluran air",
        follow_up={"action": "Cek saluran", "status": "done", "resolved_on": "2025-01-31", "note": "Lancar"},
        **RENGAT,
    ),
    _entry(7, date="2025-02-01", village="Macanan", follow_up="Kunjungi lagi", **KEBAKKRAMAT),  # February
]


@pytest.fixture
def known_store(db: Path) -> Store:
    """A real store file holding KNOWN_ENTRIES."""
    store = Store(db)
    with store.transaction() as transaction:
        transaction.add_many(KNOWN_ENTRIES)
    return store


def test_markdown_recap_matches_golden(known_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMSOS_LANG", "id")
    result = summarize(known_store.entries(), TODAY, period=parse_period("2025-01"))
    text = markdown(result)
    if os.environ.get("KOMSOS_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_cli_recap_is_the_core_recap(run: Any, known_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMSOS_LANG", "id")
    result = run("summary", "--period", "2025-01", "--format", "md")
    assert result.exit_code == 0, result.stderr
    expected = markdown(summarize(known_store.entries(), date.today(), period=parse_period("2025-01")))
    assert result.stdout == expected
    assert "| Kemiri | 2 |" in result.stdout


def test_markdown_escapes_user_text_in_tables(known_store: Store) -> None:
    text = markdown(summarize(known_store.entries(), TODAY, period=parse_period("2025-01")))
    assert r"Harga pupuk naik 20% \| stok \*langka\* di kios" in text
    for line in text.splitlines():
        if line.startswith("|"):
            # Every table row keeps its columns: unescaped pipes are the cell borders only.
            borders = len(re.findall(r"(?<!\\)\|", line))
            assert borders in (3, 6), line
    assert md("[klik](http://x) <b>") == r"\[klik\](http://x) \<b\>"


def test_recap_of_an_empty_period(known_store: Store) -> None:
    text = markdown(summarize(known_store.entries(), TODAY, period=parse_period("2023-Q4")))
    assert text.startswith("# Babinsa activity recap: 2023-Q4\n")
    assert "No activity recorded in this period." in text
    page = html_page(summarize(known_store.entries(), TODAY, period=parse_period("2023")))
    assert "No activity recorded in this period." in page and page.rstrip().endswith("</html>")


def test_html_escapes_all_user_text(db: Path) -> None:
    hostile = validate_entry(
        {
            "date": "2025-01-10",
            "babinsa": [{"rank": "Serda", "name": "<img src=x onerror=alert(1)>"}],
            "village": "<script>alert('desa')</script>",
            "summary": 'Rapat "RT" & <b>warga</b>',
            "situation": "rawan",
            "findings": ["</table><h1>palsu</h1>"],
            "follow_up": "Cek <iframe>",
        }
    )
    result = summarize([hostile], TODAY)
    page = html_page(result)
    assert "<script" not in page and "<img" not in page and "<iframe" not in page and "<h1>palsu" not in page
    assert "&lt;script&gt;alert(&#x27;desa&#x27;)&lt;/script&gt;" in page
    assert "Rapat &quot;RT&quot; &amp; &lt;b&gt;warga&lt;/b&gt;" in page
    assert "&lt;/table&gt;&lt;h1&gt;palsu&lt;/h1&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # One self-contained page: its style inline, nothing fetched from elsewhere.
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "src=" not in page.replace("&lt;img src=x", "") and "<link" not in page


def test_html_recap_of_known_store(run: Any, known_store: Store) -> None:
    result = run("summary", "--period", "2025-01", "--format", "html")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert "<title>Babinsa activity recap: Januari 2025</title>" in page
    assert "Pencurian ternak di Dusun 2" in page and "Harga pupuk naik 20% | stok *langka* di kios" in page
    assert "Koordinasi dengan PPL soal pupuk" in page and "Kunjungi lagi" not in page


def test_recap_states_its_scope_and_dates(known_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from komsos_cli.query import Criteria

    entries = known_store.entries()
    filtered = summarize(
        entries, TODAY, criteria=Criteria(koramil="03", village="Desa Kemiri"), period=parse_period("2025-01")
    )
    text = markdown(filtered)
    assert text.splitlines()[4] == "Scope: Koramil 03; Desa Kemiri."
    assert "<p>Scope: Koramil 03; Desa Kemiri.</p>" in html_page(filtered)
    # Without filters there is no scope line (the golden file holds one such recap).
    assert "Scope:" not in markdown(summarize(entries, TODAY, period=parse_period("2025-01")))
    others = summarize(entries, TODAY, criteria=Criteria(koramil="Koramil 01/Rengat", open_only=True, limit=3))
    assert "Scope: Koramil 01/Rengat; entries with an open follow-up only; the newest 3 entries." in markdown(others)
    # --since/--until: the dates asked for (a --since runs up to the day the recap is made).
    since = markdown(summarize(entries, TODAY, criteria=Criteria(since=date(2025, 1, 15))))
    assert since.startswith("# Babinsa activity recap: 2025-01-15 … 2025-02-03\n")
    both = markdown(
        summarize(entries, TODAY, criteria=Criteria(since=date(2025, 1, 10)), period=parse_period("2025-01"))
    )
    assert "Period: 2025-01-10 … 2025-01-31." in both
    monkeypatch.setenv("KOMSOS_LANG", "id")
    assert "Cakupan: Koramil 03; Desa Kemiri." in markdown(filtered)


def test_cli_recap_scope(run: Any, known_store: Store) -> None:
    result = run("summary", "--period", "2025-01", "--koramil", "03", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "\nScope: Koramil 03.\n" in result.stdout
