"""The monthly recap a commander forwards: Markdown or one self-contained HTML page.

Pure: takes a `Summary` (komsos_cli/summary.py) and returns text. User text is
escaped for the format (Markdown punctuation, HTML entities), so a village or a
finding can never add links, tables or markup to the recap.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from .dates import MONTH_NAMES_ID
from .messages import language, t, tn
from .summary import Bucket, Summary, with_period
from .text import flat

if TYPE_CHECKING:
    from .series import Series

# The breakdowns a recap shows, in order (the issue asks for village and Babinsa; topic and kind help).
RECAP_BREAKDOWNS = ("village", "babinsa", "kind", "topic")
FORMATS = ("md", "html")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str | None) -> str:
    """User text as inline Markdown: one line, punctuation that Markdown reads escaped."""
    return _MD_SPECIAL.sub(r"\\\1", flat(text))


def _span(summary: Summary) -> str:
    """The dates covered: the period and --since/--until intersected, else the dates the entries span."""
    criteria = with_period(summary.criteria, summary.period)
    since = criteria.since.isoformat() if criteria.since else summary.first_date
    # From a --since on (and no --until), the recap covers up to the day it is made.
    last = summary.today if criteria.since else summary.last_date
    until = criteria.until.isoformat() if criteria.until else last
    if since is None and until is None:
        return t("recap.all_dates")
    return f"{since or ''} … {until}".strip()


def period_title(summary: Summary) -> str:
    """`Januari 2025`, `2025-Q1`, `2025`; without a period, the dates covered."""
    period, criteria = summary.period, summary.criteria
    # --since/--until (already narrowed to the period by --period) that leave the whole period.
    if period is not None and criteria.since in (None, period.since) and criteria.until in (None, period.until):
        if len(period.label) == 7 and period.label[4] == "-" and period.label[5:].isdigit():
            return f"{MONTH_NAMES_ID[period.since.month - 1]} {period.since.year}"
        return period.label
    return _span(summary)


def _period_line(summary: Summary) -> str:
    return f"{t('recap.period')}: {_span(summary)}. {t('recap.generated', today=summary.today)}"


# The filters a recap states, with the word that names each (kept as typed when the user typed it).
_SCOPE_LABELS = (
    ("koramil", "Koramil"),
    ("babinsa", "Babinsa"),
    ("kabupaten", "Kabupaten"),
    ("kecamatan", "Kecamatan"),
    ("village", "Desa"),
    ("kind", "Kegiatan"),
    ("topic", "Topik"),
    ("situation", "Situasi"),
)


def scope(summary: Summary) -> list[str]:
    """The filters the recap was made with (`Koramil 03`, `Desa Kemiri`), so a reader knows what it covers."""
    criteria = summary.criteria
    items = []
    for key, label in _SCOPE_LABELS:
        value = flat(getattr(criteria, key))
        if value:
            named = value.lower().startswith(label.lower()) or (key == "village" and value.lower().startswith("kel"))
            items.append(value if named else f"{label} {value}")
    if criteria.search:
        items.append(t("recap.scope.search", text=flat(criteria.search)))
    if criteria.open_only:
        items.append(t("recap.scope.open"))
    if criteria.limit is not None:
        items.append(tn("recap.scope.limit", criteria.limit, count=criteria.limit))
    return items


def _scope_line(summary: Summary) -> str | None:
    items = scope(summary)
    return f"{t('recap.scope')}: {'; '.join(items)}." if items else None


def _bucket_name(bucket: Bucket) -> str:
    return bucket.name if bucket.name is not None else t("summary.not_stated")


def _column(field: str) -> str:
    return {"village": "Desa", "babinsa": "Babinsa", "kind": "Kegiatan", "topic": "Topik"}.get(field, field)


def _totals(summary: Summary) -> list[tuple[str, str]]:
    rows = [
        (t("summary.total"), str(summary.total)),
        (t("summary.villages"), str(summary.villages)),
        (t("summary.babinsa"), str(summary.babinsa)),
    ]
    for bucket in summary.breakdowns.get("situation", ()):
        rows.append((f"Situasi {_bucket_name(bucket)}", str(bucket.count)))
    rows.append((t("summary.open"), str(summary.open_count)))
    return rows


def markdown(summary: Summary) -> str:
    """The recap as Markdown: totals, per village, per Babinsa, kinds, topics, not-aman entries, open follow-ups."""
    lines = [f"# {t('recap.title')}: {md(period_title(summary))}", "", md(_period_line(summary)), ""]
    scope_line = _scope_line(summary)
    if scope_line:
        lines += [md(scope_line), ""]
    lines += [f"## {t('recap.totals')}", "", f"| | {t('summary.count')} |", "|---|---:|"]
    lines += [f"| {md(label)} | {value} |" for label, value in _totals(summary)]
    lines.append("")
    if summary.total == 0:
        lines += [t("recap.empty"), ""]
        return "\n".join(lines)
    for field in RECAP_BREAKDOWNS:
        buckets = summary.breakdowns.get(field) or []
        if not buckets:
            continue
        lines += [f"## {t(f'summary.by.{field}')}", "", f"| {_column(field)} | {t('summary.count')} |", "|---|---:|"]
        lines += [f"| {md(_bucket_name(bucket))} | {bucket.count} |" for bucket in buckets]
        lines.append("")
    lines += [f"## {t('summary.concerns')}", ""]
    if not summary.concerns:
        lines += [t("recap.no_concerns"), ""]
    for concern in summary.concerns:
        people = ", ".join(concern.babinsa)
        lines.append(f"### {concern.date} · {md(concern.village or '-')} · {concern.situation}")
        lines.append("")
        lines.append(f"- Babinsa: {md(people or '-')}")
        lines.append(f"- {t('summary.title')}: {md(concern.summary or '-')}")
        if concern.findings:
            lines.append(f"- {t('recap.findings')}:")
            lines += [f"  - {md(finding)}" for finding in concern.findings]
        lines.append(f"- ID: `{concern.id}`")
        lines.append("")
    lines += [f"## {t('summary.open')}", ""]
    if not summary.follow_ups:
        lines += [t("recap.no_follow_ups"), ""]
    else:
        lines += ["| Tanggal | Desa | Tindak lanjut | Umur | ID |", "|---|---|---|---:|---|"]
        for item in summary.follow_ups:
            lines.append(
                f"| {item.date} | {md(item.village or '-')} | {md(item.action)} | "
                f"{t('recap.age', age=item.age_days)} | `{item.id[:8]}` |"
            )
        lines.append("")
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .8rem; background: #3a7bd5; }
.waspada { color: #a66a00; font-weight: bold; } .rawan { color: #b00; font-weight: bold; }
.concern { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #a66a00; background: #fffaf0; }
.concern.rawan { border-color: #b00; } code { font-size: .85em; color: #555; }
.pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.pair figure { flex: 1 1 24rem; margin: .5rem 0; min-width: 0; }
.pair .numbers { flex: 0 1 auto; max-width: 100%; overflow-x: auto; }
.numbers table { font-size: .85rem; } .numbers th, .numbers td { padding: .1rem .4rem; white-space: nowrap; }
svg.chart { display: block; width: 100%; height: auto; }
figcaption, .note { font-size: .85rem; color: #444; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .pair, .concern, table { break-inside: avoid; } h2, h3 { break-after: avoid; }
  .pair .numbers { overflow: visible; } .numbers table { font-size: 7.5pt; }
  svg.chart { max-width: 15cm !important; }
}
"""
# No request can leave the page: no script, no font, no image but inline data.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _h(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _html_breakdown(field: str, buckets: list[Bucket]) -> list[str]:
    largest = max((bucket.count for bucket in buckets), default=0) or 1
    parts = [
        f"<h2>{_h(t(f'summary.by.{field}'))}</h2>",
        f"<table><tr><th>{_h(_column(field))}</th><th>{_h(t('summary.count'))}</th><th></th></tr>",
    ]
    for bucket in buckets:
        width = max(1, round(bucket.count * 100 / largest))
        parts.append(
            f'<tr><td>{_h(_bucket_name(bucket))}</td><td class="n">{bucket.count}</td>'
            f'<td style="width:12rem"><span class="bar" style="width:{width}%"></span></td></tr>'
        )
    parts.append("</table>")
    return parts


def _week_name(label: str, start: str) -> str:
    return f"{label} ({start[8:10]}/{start[5:7]})"


def _numbers(head: list[str], rows: list[list[object]]) -> str:
    """The table of a chart's numbers: first column text, the others counts."""
    parts = ['<div class="numbers"><table><tr>', *(f"<th>{_h(cell)}</th>" for cell in head), "</tr>"]
    for row in rows:
        parts.append(f"<tr><td>{_h(row[0])}</td>")
        parts += [f'<td class="n">{_h(cell)}</td>' for cell in row[1:]]
        parts.append("</tr>")
    parts.append("</table></div>")
    return "".join(parts)


def _pair(title: str, svg: str, numbers: str, note: str | None = None) -> list[str]:
    caption = f"<figcaption>{_h(note)}</figcaption>" if note else ""
    return [f"<h3>{_h(title)}</h3>", f'<div class="pair"><figure>{svg}{caption}</figure>{numbers}</div>']


def _html_charts(series: Series) -> list[str]:
    """The four charts, each with its numbers beside it: activity, village coverage, situations, topics."""
    from .render import charts

    weeks = [(week.label, week.start) for week in series.weeks]
    week_names = [_week_name(label, start) for label, start in weeks]
    parts = [f"<h2>{_h(t('chart.section'))}</h2>"]

    groups = [(_track_name(track.name), track.counts) for track in series.groups]
    has_others = len(groups) > charts.MAX_GROUPS
    if has_others:
        # More groups than a reader tells apart: the largest ones, then the rest as one.
        rest = groups[charts.MAX_GROUPS - 1 :]
        merged = [sum(counts[index] for _name, counts in rest) for index in range(len(weeks))]
        groups = [*groups[: charts.MAX_GROUPS - 1], (charts.others_label(), merged)]
    styled = [
        (name, counts, charts.OTHERS_STYLE if has_others and index == len(groups) - 1 else charts.GROUP_STYLES[index])
        for index, (name, counts) in enumerate(groups)
    ]
    field_name = "Babinsa" if series.group_field == "babinsa" else "Koramil"
    title = t("chart.activity.by", field=field_name)
    svg = charts.stacked_weeks("chart-activity", title, weeks, styled)
    head = [t("chart.week"), *(name for name, _counts in groups), t("summary.total")]
    rows = [[week_names[i], *(counts[i] for _n, counts in groups), series.activity[i]] for i in range(len(weeks))]
    note = t("chart.joint") if series.group_field == "babinsa" else None
    parts += _pair(title, svg, _numbers(head, rows), note)

    title = t("chart.coverage")
    villages = [(_track_name(track.name), track.counts) for track in series.villages]
    svg = charts.heatmap("chart-coverage", title, weeks, villages)
    head = [_column("village"), *(label[5:] for label, _start in weeks), t("chart.total")]
    rows = [[name, *counts, sum(counts)] for name, counts in villages]
    parts += _pair(title, svg, _numbers(head, rows), t("chart.coverage.note"))
    if series.in_care:
        unvisited = ", ".join(series.unvisited_in_care) or t("chart.unvisited.none")
        parts.append(f"<p><b>{_h(t('chart.unvisited'))}:</b> {_h(unvisited)}</p>")

    title = t("chart.situation")
    situations = [(track.name, track.counts) for track in series.situations]
    styled = [
        (_track_name(name), counts, charts.SITUATION_STYLES.get(name, charts.SITUATION_STYLES[None]))
        for name, counts in situations
    ]
    svg = charts.stacked_weeks("chart-situation", title, weeks, styled)
    head = [t("chart.week"), *(_track_name(name) for name, _counts in situations), t("chart.total")]
    rows = [
        [week_names[i], *(counts[i] for _n, counts in situations), sum(counts[i] for _n, counts in situations)]
        for i in range(len(weeks))
    ]
    parts += _pair(title, svg, _numbers(head, rows))

    if series.topics:
        title = t("chart.topics")
        top = [(item.name, item.count) for item in series.topics[:TOP_TOPICS]]
        svg = charts.bars("chart-topics", title, top)
        parts += _pair(title, svg, _numbers([_column("topic"), t("summary.count")], [list(item) for item in top]))
    return parts


def _track_name(name: str | None) -> str:
    return name if name is not None else t("summary.not_stated")


# The topics the recap's chart shows.
TOP_TOPICS = 10


def html_page(summary: Summary, series: Series | None = None) -> str:
    """The recap as one HTML page with its style inline: no scripts, no outside files; all user text escaped.

    With `series` (komsos_cli/series.py, made with the same criteria and period) the page
    also holds the charts, inline SVG, each with its numbers beside it; the topic chart
    then stands for the topic table.
    """
    title = f"{t('recap.title')}: {period_title(summary)}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',  # the language its words are in
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_h(title)}</h1>",
        f"<p>{_h(_period_line(summary))}</p>",
    ]
    scope_line = _scope_line(summary)
    if scope_line:
        parts.append(f"<p>{_h(scope_line)}</p>")
    parts.append(f"<h2>{_h(t('recap.totals'))}</h2><table>")
    parts += [f'<tr><th>{_h(label)}</th><td class="n">{_h(value)}</td></tr>' for label, value in _totals(summary)]
    parts.append("</table>")
    if summary.total == 0:
        parts += [f"<p>{_h(t('recap.empty'))}</p>", "</body></html>", ""]
        return "\n".join(parts)
    if series is not None:
        parts += _html_charts(series)
    for field in RECAP_BREAKDOWNS:
        buckets = summary.breakdowns.get(field) or []
        if buckets and not (series is not None and series.topics and field == "topic"):
            parts += _html_breakdown(field, buckets)
    parts.append(f"<h2>{_h(t('summary.concerns'))}</h2>")
    if not summary.concerns:
        parts.append(f"<p>{_h(t('recap.no_concerns'))}</p>")
    for concern in summary.concerns:
        situation = _h(concern.situation)
        parts.append(f'<div class="concern {situation}">')
        parts.append(
            f'<p><b>{_h(concern.date)}</b> · {_h(concern.village or "-")} · <span class="{situation}">'
            f"{situation}</span> · Babinsa: {_h(', '.join(concern.babinsa) or '-')}</p>"
        )
        parts.append(f"<p>{_h(concern.summary or '-')}</p>")
        if concern.findings:
            parts.append(f"<p>{_h(t('recap.findings'))}:</p><ul>")
            parts += [f"<li>{_h(finding)}</li>" for finding in concern.findings]
            parts.append("</ul>")
        parts.append(f"<p><code>{_h(concern.id)}</code></p></div>")
    parts.append(f"<h2>{_h(t('summary.open'))}</h2>")
    if not summary.follow_ups:
        parts.append(f"<p>{_h(t('recap.no_follow_ups'))}</p>")
    else:
        parts.append("<table><tr><th>Tanggal</th><th>Desa</th><th>Tindak lanjut</th><th>Umur</th><th>ID</th></tr>")
        for item in summary.follow_ups:
            parts.append(
                f"<tr><td>{_h(item.date)}</td><td>{_h(item.village or '-')}</td><td>{_h(item.action)}</td>"
                f'<td class="n">{_h(tn("recap.age", item.age_days, age=item.age_days))}</td>'
                f"<td><code>{_h(item.id[:8])}</code></td></tr>"
            )
        parts.append("</table>")
    parts += ["</body></html>", ""]
    return "\n".join(parts)


def render_recap(summary: Summary, fmt: str, series: Series | None = None) -> str:
    """The recap in `fmt` ("md" or "html"; the HTML holds the charts of `series` when given)."""
    return html_page(summary, series) if fmt == "html" else markdown(summary)


__all__ = ["FORMATS", "RECAP_BREAKDOWNS", "html_page", "markdown", "md", "period_title", "render_recap", "scope"]
