"""The HTML recap in a real browser: headless Chromium draws the charts and the page asks the network for nothing.

Each chart is hidden in turn (visibility: hidden keeps the layout) and the screenshots
compared: the pixels that change are the chart's own, so a blank or missing chart fails.
Requests are read from Chromium's net log: the page's own requests carry its origin
(`null` for a file), Chromium's background requests carry none; a probe page shows the
log catches an image and a CSS background, and that the recap's CSP blocks both.

Without Chromium these tests are skipped, except under CI (env CI set), where .ci/run
installs it and they must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from komsos_cli.recap import CSP
from komsos_cli.store import FileStore as Store

pytestmark = pytest.mark.slow

CHARTS = ("chart-activity", "chart-coverage", "chart-situation", "chart-topics")
PHONE, A4 = 412, 794  # a phone's CSS width; A4's 210 mm at 96 dpi


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        message = "Chromium is not installed (apt-get install chromium): the recap is checked in a real browser"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run these tests (.ci/run installs it)")
        pytest.skip(message)
    return found


def screenshot(page: Path, out: Path, width: int, height: int = 9000, net_log: Path | None = None) -> Path:
    """`page` drawn by headless Chromium at `width` CSS pixels into the PNG `out`."""
    with tempfile.TemporaryDirectory() as profile:
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
        ]
        if net_log is not None:
            command.append(f"--log-net-log={net_log}")
        done = subprocess.run([*command, page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and out.exists(), f"Chromium failed: {done.stderr[-2000:]}"
    return out


def page_requests(net_log: Path) -> list[str]:
    """The URLs the page itself asked for (Chromium's own update and account requests left out)."""
    log = json.loads(net_log.read_text("utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        url = params.get("url") or ""
        mine = params.get("initiator") != "not an origin" and not url.startswith(("file:", "data:"))
        if event["type"] == start and url and mine:
            found.append(url)
    return found


def changed_pixels(first: Path, second: Path) -> int:
    from PIL import Image, ImageChops

    with Image.open(first) as one, Image.open(second) as two:
        difference = ImageChops.difference(one.convert("RGB"), two.convert("RGB")).convert("L")
        return sum(difference.point(lambda value: 255 if value > 16 else 0).histogram()[255:])


def non_white(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as image:
        grey = image.convert("L")
        return sum(grey.point(lambda value: 255 if value < 235 else 0).histogram()[255:])


@pytest.fixture
def recap_file(run: Any, db: Path, tmp_path: Path) -> Path:
    from chart_entries import CARE, quarter_entries

    store = Store(db)
    with store.transaction() as transaction:
        transaction.add_many(quarter_entries())
        transaction.set_profile({"villages": CARE})
    result = run("summary", "--period", "2025-Q1", "--format", "html")
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "rekap.html"
    path.write_text(result.stdout, "utf-8")
    return path


def hiding(page: Path, chart: str) -> Path:
    """A copy of the page with one chart hidden (its place kept)."""
    copy = page.with_name(f"{page.stem}-{chart}.html")
    text = page.read_text("utf-8")
    copy.write_text(text.replace("</head>", f"<style>#{chart} {{ visibility: hidden; }}</style></head>", 1), "utf-8")
    return copy


@pytest.mark.parametrize("width", [PHONE, A4], ids=["phone", "a4"])
def test_every_chart_is_drawn_and_visible(recap_file: Path, tmp_path: Path, width: int) -> None:
    shots = tmp_path / f"shots-{width}"
    shots.mkdir()
    whole = screenshot(recap_file, shots / "recap.png", width)
    assert non_white(whole) > 20_000  # not a blank page
    for chart in CHARTS:
        without = screenshot(hiding(recap_file, chart), shots / f"without-{chart}.png", width)
        # The pixels a chart paints: bars, cells, axes and labels (a blank or missing chart paints none).
        assert changed_pixels(whole, without) > 1_500, f"{chart} is not visible at {width}px"


def test_the_recap_requests_nothing_and_its_csp_blocks_what_would(recap_file: Path, tmp_path: Path) -> None:
    log = tmp_path / "recap-net.json"
    screenshot(recap_file, tmp_path / "recap.png", A4, net_log=log)
    assert page_requests(log) == []
    # The detector works: a page with an image and a CSS background from a server asks for both...
    probe = '<img src="http://127.0.0.1:9/probe.png"><div style="background:url(http://127.0.0.1:9/bg.png)">x</div>'
    bare = tmp_path / "probe.html"
    bare.write_text(f"<!DOCTYPE html><html><head></head><body>{probe}</body></html>", "utf-8")
    screenshot(bare, tmp_path / "probe.png", 400, 300, net_log=tmp_path / "probe-net.json")
    assert sorted(page_requests(tmp_path / "probe-net.json")) == [
        "http://127.0.0.1:9/bg.png",
        "http://127.0.0.1:9/probe.png",
    ]
    # ...and with the recap's Content-Security-Policy it asks for neither.
    guarded = tmp_path / "guarded.html"
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    guarded.write_text(f"<!DOCTYPE html><html><head>{meta}</head><body>{probe}</body></html>", "utf-8")
    screenshot(guarded, tmp_path / "guarded.png", 400, 300, net_log=tmp_path / "guarded-net.json")
    assert page_requests(tmp_path / "guarded-net.json") == []
