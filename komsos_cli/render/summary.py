"""Rich rendering of summaries, village coverage and follow-ups.

Takes the data of komsos_cli/summary.py and draws it; user text (village names,
Babinsa, actions) goes through rich.text.Text only, never markup.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ..messages import t
from . import SITUATION_STYLE, _one_line, _text, console, message

if TYPE_CHECKING:
    from ..summary import Bucket, FollowUp, Summary, VillageRow

__all__ = ["bar", "concerns_table", "followups_table", "message", "summary_tables", "villages_table", "write_text"]

BAR_WIDTH = 20
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `count` against `largest`, in eighths of a character; never empty for count > 0."""
    if largest <= 0 or count <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def _name(bucket: Bucket, field: str) -> str:
    if bucket.name is None:
        return t("summary.not_stated")
    return bucket.name


def _breakdown_table(field: str, buckets: list[Bucket], total: int, limit: int | None) -> Any:
    from rich.table import Table

    table = Table(title=t(f"summary.by.{field}"), title_justify="left", header_style="bold", expand=False)
    table.add_column(field.capitalize() if field != "village" else "Desa")
    table.add_column(t("summary.count"), justify="right", no_wrap=True)
    table.add_column(t("summary.share"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    shown = buckets if limit is None else buckets[:limit]
    largest = max((bucket.count for bucket in buckets), default=0)
    for bucket in shown:
        style = SITUATION_STYLE.get(bucket.name or "", "") if field == "situation" else ""
        share = f"{bucket.count * 100 / total:.0f}%" if total else ""
        table.add_row(
            _text(_name(bucket, field), style),
            _text(bucket.count),
            _text(share),
            _text(bar(bucket.count, largest), "cyan"),
        )
    if limit is not None and len(buckets) > limit:
        table.caption = _text(t("summary.more", count=len(buckets) - limit, field=field))
        table.caption_justify = "left"
    return table


def _totals_table(summary: Summary) -> Any:
    from rich.table import Table

    title = t("summary.title_period", period=summary.period.label) if summary.period else t("summary.title")
    table = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row(_text(t("summary.total")), _text(summary.total))
    if summary.first_date:
        table.add_row(_text(t("summary.dates")), _text(f"{summary.first_date} … {summary.last_date}"))
    table.add_row(_text(t("summary.villages")), _text(summary.villages))
    table.add_row(_text(t("summary.babinsa")), _text(summary.babinsa))
    table.add_row(_text(t("summary.not_aman")), _text(summary.not_aman, "yellow" if summary.not_aman else ""))
    open_text = str(len(summary.follow_ups))
    oldest = summary.oldest_follow_up
    if oldest is not None:
        open_text += "; " + t(
            "summary.oldest", date=oldest.date, village=oldest.village or "-", age=oldest.age_days, id=oldest.id[:8]
        )
    table.add_row(_text(t("summary.open")), _text(open_text))
    return table


def concerns_table(summary: Summary, limit: int | None) -> Any:
    from rich.table import Table

    table = Table(title=t("summary.concerns"), title_justify="left", header_style="bold", expand=False)
    table.add_column("ID", no_wrap=True, style="dim")
    table.add_column("Tanggal", no_wrap=True)
    table.add_column("Desa")
    table.add_column("Situasi", no_wrap=True)
    table.add_column("Temuan / Ringkasan")
    # Newest first when cut: the latest are the ones to act on.
    for concern in reversed(summary.latest_concerns(limit)):
        detail = "; ".join(concern.findings) if concern.findings else (concern.summary or "")
        table.add_row(
            _text(concern.id[:8]),
            _text(concern.date),
            _text(concern.village),
            _text(concern.situation, SITUATION_STYLE.get(concern.situation, "")),
            _text(_one_line(detail, 80)),
        )
    if limit is not None and summary.not_aman > limit:
        table.caption = _text(t("summary.more", count=summary.not_aman - limit, field="situation"))
        table.caption_justify = "left"
    return table


def summary_tables(summary: Summary, *, only: str | None = None, top: int = 8) -> None:
    """The totals and every breakdown (the first `top` rows of each), or one breakdown in full."""
    from ..summary import BREAKDOWNS

    out = console()
    out.print(_totals_table(summary))
    fields = (only,) if only else BREAKDOWNS
    limit = None if only else top
    for field in fields:
        buckets = summary.breakdowns[field]
        if buckets:
            out.print()
            out.print(_breakdown_table(field, buckets, summary.total, limit))
    if summary.not_aman and (only is None or only == "situation"):
        out.print()
        out.print(concerns_table(summary, limit))


def villages_table(rows: list[VillageRow], *, grouped_by: str | None = None) -> None:
    from rich.table import Table

    out = console()
    table = Table(header_style="bold", expand=False)
    if grouped_by:
        table.add_column(grouped_by.capitalize())
    table.add_column("Desa")
    table.add_column("Kunjungan", justify="right", no_wrap=True)
    table.add_column("Terakhir", no_wrap=True)
    table.add_column("Hari", justify="right", no_wrap=True)
    table.add_column("Kegiatan")
    table.add_column("", no_wrap=True)
    largest = max((row.visits for row in rows), default=0)
    for row in rows:
        cells = []
        if grouped_by:
            cells.append(_text(row.group if row.group is not None else "-"))
        never = row.visits == 0
        cells += [
            _text(row.name + (" *" if row.in_care else ""), "bold red" if never else ""),
            _text(row.visits),
            _text(row.last_visit or "-"),
            _text("-" if row.days_since is None else row.days_since),
            _text(", ".join(f"{kind} {count}" for kind, count in row.kinds.items())),
            _text(bar(row.visits, largest, 12), "cyan"),
        ]
        table.add_row(*cells)
    out.print(table)


def followups_table(items: list[FollowUp]) -> None:
    from rich.table import Table

    out = console()
    table = Table(header_style="bold", expand=False)
    table.add_column("ID", no_wrap=True, style="dim")
    table.add_column("Tanggal", no_wrap=True)
    table.add_column("Hari", justify="right", no_wrap=True)
    table.add_column("Desa")
    table.add_column("Babinsa")
    table.add_column("Tindak lanjut")
    for item in items:
        table.add_row(
            _text(item.id[:8]),
            _text(item.date),
            _text(item.age_days),
            _text(item.village),
            _text(", ".join(item.babinsa)),
            _text(_one_line(item.action, 80)),
        )
    out.print(table)


def write_text(text: str) -> None:
    """A recap (Markdown or HTML) to stdout as UTF-8, whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
