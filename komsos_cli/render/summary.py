"""Summaries, village coverage and follow-ups drawn as plain aligned text.

Takes the data of komsos_cli/summary.py and draws it. Drawn without Rich, the way
`entries_table` draws `list`: importing rich.console and rich.table costs ~20 ms, a
fifth of `komsos summary` on a Babinsa's store (docs/performance.md). One line per
row, columns cut with "…" to fit the terminal, colour only on a terminal without
NO_COLOR. User text (village names, Babinsa, actions) is printed as text, never
interpreted, with control characters made harmless.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..messages import t, tn
from . import SITUATION_STYLE, message
from .text import Cell, columns, flat, one_line, paint, use_colour

if TYPE_CHECKING:
    from ..series import Series
    from ..summary import Bucket, OpenFollowUp, Summary, VillageRow

__all__ = [
    "bar",
    "concerns_table",
    "followups_table",
    "message",
    "sparkline_line",
    "summary_tables",
    "villages_table",
    "write_text",
]

BAR_WIDTH = 20
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `count` against `largest`, in eighths of a character; never empty for count > 0."""
    if largest <= 0 or count <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def _title(text: str) -> str:
    return paint(flat(text), "bold", use_colour(sys.stdout))


def _write(lines: list[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _name(bucket: Bucket) -> str:
    return t("summary.not_stated") if bucket.name is None else bucket.name


# The first column of each breakdown, named like the columns of `list`.
_FIELD_HEADER = {
    "village": "Desa",
    "kind": "Kegiatan",
    "topic": "Topik",
    "month": "Bulan",
    "babinsa": "Babinsa",
    "koramil": "Koramil",
    "situation": "Situasi",
}


def _breakdown(field: str, buckets: list[Bucket], total: int, limit: int | None) -> list[str]:
    shown = buckets
    if limit is not None and len(buckets) > limit:
        # Months are in date order: when cut, the latest are the ones a commander looks at.
        shown = buckets[len(buckets) - limit :] if field == "month" else buckets[:limit]
    largest = max((bucket.count for bucket in buckets), default=0)
    rows: list[list[Cell]] = []
    for bucket in shown:
        style = SITUATION_STYLE.get(bucket.name or "", "") if field == "situation" else ""
        share = f"{bucket.count * 100 / total:.0f}%" if total else ""
        rows.append([(_name(bucket), style), (str(bucket.count), ""), (share, ""), (bar(bucket.count, largest), "")])
    header = (_FIELD_HEADER[field], t("summary.count"), t("summary.share"), "")
    lines = [_title(t(f"summary.by.{field}"))]
    lines += columns(header, rows, right=frozenset({1, 2}), shrink={0: 12})
    if len(shown) < len(buckets):
        key = "summary.earlier" if field == "month" else "summary.more"
        lines.append(t(key, count=len(buckets) - len(shown), field=field))
    return lines


def _totals(summary: Summary) -> list[str]:
    title = t("summary.title_period", period=summary.period.label) if summary.period else t("summary.title")
    rows: list[list[Cell]] = [[(t("summary.total"), "bold"), (str(summary.total), "")]]
    if summary.first_date:
        rows.append([(t("summary.dates"), "bold"), (f"{summary.first_date} … {summary.last_date}", "")])
    rows.append([(t("summary.villages"), "bold"), (str(summary.villages), "")])
    rows.append([(t("summary.babinsa"), "bold"), (str(summary.babinsa), "")])
    rows.append([(t("summary.not_aman"), "bold"), (str(summary.not_aman), "yellow" if summary.not_aman else "")])
    open_text = str(summary.open_count)
    oldest = summary.oldest_follow_up
    if oldest is not None:
        open_text += "; " + tn(
            "summary.oldest",
            oldest.age_days,
            date=oldest.date,
            village=oldest.village or "-",
            age=oldest.age_days,
            id=oldest.id[:8],
        )
    rows.append([(t("summary.open"), "bold"), (open_text, "")])
    return [_title(title), *columns(None, rows, shrink={1: 20})]


def concerns_table(summary: Summary, limit: int | None) -> list[str]:
    """The entries whose situation was not aman, newest first when cut: the latest are the ones to act on."""
    rows: list[list[Cell]] = []
    for concern in reversed(summary.latest_concerns(limit)):
        detail = "; ".join(concern.findings) if concern.findings else (concern.summary or "")
        rows.append(
            [
                (concern.id[:8], "dim"),
                (concern.date, ""),
                (concern.village or "", ""),
                (concern.situation, SITUATION_STYLE.get(concern.situation, "")),
                (one_line(detail, 80), ""),
            ]
        )
    header = ("ID", "Tanggal", "Desa", "Situasi", "Temuan / Ringkasan")
    lines = [_title(t("summary.concerns")), *columns(header, rows, shrink={2: 12, 4: 20})]
    if limit is not None and summary.not_aman > limit:
        lines.append(t("summary.more", count=summary.not_aman - limit, field="situation"))
    return lines


def sparkline_line(series: Series, width: int | None = None) -> str:
    """`Per week  ▂▅█ ▃  2025-W01 … 2025-W05`: activity per week in one line of Unicode blocks.

    When the weeks do not fit in `width` columns (the terminal's), the latest weeks that fit.
    """
    import shutil

    from .charts import sparkline

    label = t("chart.sparkline")
    room = (width or shutil.get_terminal_size().columns) - len(label) - len(" … ") - 2 * len("2025-W01") - 4
    keep = max(1, min(len(series.weeks), room))
    weeks, counts = series.weeks[-keep:], series.activity[-keep:]
    span = f"{weeks[0].label} … {weeks[-1].label}" if len(weeks) > 1 else weeks[0].label if weeks else ""
    return f"{label}  {sparkline(counts)}  {span}".rstrip()


def summary_tables(summary: Summary, *, only: str | None = None, top: int = 8, series: Series | None = None) -> None:
    """The totals and every breakdown (the first `top` rows of each), or one breakdown in full.

    With `series`, activity per week as a sparkline under the totals.
    """
    from ..summary import BREAKDOWNS

    lines = _totals(summary)
    if series is not None and series.weeks:
        lines.append(sparkline_line(series))
    fields = (only,) if only else BREAKDOWNS
    limit = None if only else top
    for field in fields:
        buckets = summary.breakdowns[field]
        if buckets:
            lines += ["", *_breakdown(field, buckets, summary.total, limit)]
    if summary.not_aman and (only is None or only == "situation"):
        lines += ["", *concerns_table(summary, limit)]
    _write(lines)


def villages_table(rows: list[VillageRow], *, grouped_by: str | None = None) -> None:
    """One line per village; villages in care marked *, never-visited ones in bold red."""
    largest = max((row.visits for row in rows), default=0)
    header: tuple[str, ...] = ("Desa", "Kunjungan", "", "Terakhir", "Hari", "Kegiatan")
    right = {1, 4}
    shrink = {0: 16, 5: 16}
    if grouped_by:
        header = (grouped_by.capitalize(), *header)
        right = {i + 1 for i in right}
        shrink = {0: 20, **{i + 1: width for i, width in shrink.items()}}
    lines: list[list[Cell]] = []
    for row in rows:
        cells: list[Cell] = [(row.group if row.group is not None else "-", "")] if grouped_by else []
        cells += [
            (row.name + (" *" if row.in_care else ""), "bold red" if row.visits == 0 else ""),
            (str(row.visits), ""),
            (bar(row.visits, largest, 12), ""),
            (row.last_visit or "-", ""),
            ("-" if row.days_since is None else str(row.days_since), ""),
            (", ".join(f"{kind} {count}" for kind, count in row.kinds.items()), ""),
        ]
        lines.append(cells)
    _write(columns(header, lines, right=frozenset(right), shrink=shrink))


def followups_table(items: list[OpenFollowUp]) -> None:
    """One line per open follow-up: ID, date, age in days, village, Babinsa, what is to be done."""
    rows: list[list[Cell]] = [
        [
            (item.id[:8], "dim"),
            (item.date, ""),
            (str(item.age_days), ""),
            (item.village or "", ""),
            (", ".join(item.babinsa), ""),
            (one_line(item.action, 80), ""),
        ]
        for item in items
    ]
    header = ("ID", "Tanggal", "Hari", "Desa", "Babinsa", "Tindak lanjut")
    _write(columns(header, rows, right=frozenset({2}), shrink={3: 12, 4: 14, 5: 20}))


def write_text(text: str) -> None:
    """A recap (Markdown or HTML) to stdout as UTF-8, whatever the terminal's encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
