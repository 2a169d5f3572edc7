"""The recap's charts as clean inline SVG, drawn from a `series.Series`; and the terminal sparkline.

Written by hand rather than with matplotlib or pygal: matplotlib's SVG is fixed-size
(pt), 30-100 KB a chart with glyph outlines or a named font, carries metadata links and
pulls numpy; pygal's SVG loads its tooltip script from the network by default and has no
heatmap. Here each chart is a few KB of rectangles and text: no script, no link, no
font of its own (the text takes the page's), a viewBox so it shrinks to a phone and
prints on A4. Colours are one hue (blue) in steps of lightness, with stripes and dots
on alternate series, so a greyscale print and colour-blind eyes still tell them apart;
situations go from light (aman) through striped amber (waspada) to dark red (rawan).
All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..messages import t

# Series styles for stacked groups: (fill colour, pattern), dark to light, patterns alternating.
GROUP_STYLES = (
    ("#08306b", ""),
    ("#6baed6", "stripes"),
    ("#c6dbef", ""),
    ("#2171b5", "dots"),
    ("#deebf7", "stripes"),
    ("#4292c6", ""),
)
OTHERS_STYLE = ("#bdbdbd", "cross")
SITUATION_STYLES = {
    "aman": ("#c7e9c0", ""),
    "waspada": ("#e69f00", "stripes"),
    "rawan": ("#7f0000", ""),
    None: ("#d9d9d9", "dots"),
}
# The heatmap's steps, light to dark; an empty cell is white with a grey border.
HEAT = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
MAX_GROUPS = len(GROUP_STYLES)
FONT = 13
WIDTH = 480


def _h(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _pattern(pid: str, colour: str, kind: str) -> str:
    """An SVG pattern: the colour with white stripes, dots or a cross-hatch on it."""
    head = f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse"'
    ground = f'<rect width="6" height="6" fill="{colour}"/>'
    if kind == "stripes":
        mark = '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/>'
        return f'{head} patternTransform="rotate(45)">{ground}{mark}</pattern>'
    if kind == "dots":
        return f'{head}>{ground}<circle cx="3" cy="3" r="1.3" fill="#fff"/></pattern>'
    mark = '<path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1"/>'
    return f"{head}>{ground}{mark}</pattern>"


class _Styles:
    """Fills by series index; patterns become <defs> with ids unique to one chart."""

    def __init__(self, chart_id: str) -> None:
        self.chart_id = chart_id
        self.defs: list[str] = []

    def fill(self, style: tuple[str, str]) -> str:
        colour, kind = style
        if not kind:
            return colour
        pid = f"{self.chart_id}-p{len(self.defs)}"
        self.defs.append(_pattern(pid, colour, kind))
        return f"url(#{pid})"


def _svg(chart_id: str, title: str, width: float, height: float, body: list[str], defs: list[str]) -> str:
    head = (
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'style="max-width:{width * 1.2:.0f}px" role="img" aria-labelledby="{chart_id}-t" '
        f'font-size="{FONT}" fill="#222">'
        f'<title id="{chart_id}-t">{_h(title)}</title>'
    )
    return head + (f"<defs>{''.join(defs)}</defs>" if defs else "") + "".join(body) + "</svg>"


def week_tick(label: str, start: str) -> tuple[str, str]:
    """`2025-W03`, `2025-01-13` -> (`W03`, `13/01`): what fits under a bar."""
    return label[5:], f"{start[8:10]}/{start[5:7]}"


def legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float) -> tuple[list[str], float]:
    """Swatches and names in rows across `width`; returns the parts and the height used."""
    parts: list[str] = []
    cx, cy = x, y
    for name, fill in items:
        label = _short(name, 24)
        step = 18 + len(label) * FONT * 0.6 + 12
        if cx > x and cx + step > x + width:
            cx, cy = x, cy + 18
        parts.append(f'<rect x="{cx:.1f}" y="{cy:.1f}" width="12" height="12" fill="{fill}" stroke="#555"/>')
        parts.append(f'<text x="{cx + 17:.1f}" y="{cy + 10.5:.1f}">{_h(label)}</text>')
        cx += step
    return parts, (cy - y) + 20 if items else 0


def stacked_weeks(
    chart_id: str,
    title: str,
    weeks: Sequence[tuple[str, str]],
    series: Sequence[tuple[str, Sequence[int], tuple[str, str]]],
) -> str:
    """A column per week, stacked by series (name, counts per week, style), with a y axis and a legend."""
    styles = _Styles(chart_id)
    fills = [styles.fill(style) for _name, _counts, style in series]
    totals = [sum(counts[index] for _name, counts, _style in series) for index in range(len(weeks))]
    top = max(totals, default=0) or 1
    left, right, upper, plot_height = 34, 8, 20, 170
    plot_width = WIDTH - left - right
    slot = plot_width / max(len(weeks), 1)
    bar = max(2.0, min(slot * 0.7, 48))
    body: list[str] = []
    for tick in _ticks(top):
        y = upper + plot_height - tick * plot_height / top
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e0e0e0"/>')
        body.append(f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    every = max(1, -(-36 // max(int(slot), 1)))
    for index, (label, start) in enumerate(weeks):
        x = left + index * slot + (slot - bar) / 2
        base: float = upper + plot_height
        for (name, counts, _style), fill in zip(series, fills, strict=True):
            count = counts[index]
            if not count:
                continue
            height = count * plot_height / top
            base -= height
            body.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="{fill}" '
                f'stroke="#fff" stroke-width="0.8"><title>{_h(f"{label} · {name}: {count}")}</title></rect>'
            )
        if totals[index] and bar >= 14:
            body.append(f'<text x="{x + bar / 2:.1f}" y="{base - 3:.1f}" text-anchor="middle">{totals[index]}</text>')
        if index % every == 0:
            week, day = week_tick(label, start)
            middle = x + bar / 2
            body.append(f'<text x="{middle:.1f}" y="{upper + plot_height + 15}" text-anchor="middle">{week}</text>')
            body.append(
                f'<text x="{middle:.1f}" y="{upper + plot_height + 28}" text-anchor="middle" '
                f'fill="#555" font-size="{FONT - 1}">{day}</text>'
            )
    axis = upper + plot_height
    body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{axis}" y2="{axis}" stroke="#444"/>')
    keys, used = legend(
        [(name, fill) for (name, _c, _s), fill in zip(series, fills, strict=True)], left, axis + 38, plot_width
    )
    return _svg(chart_id, title, WIDTH, axis + 40 + used, body + keys, styles.defs)


def _ticks(top: int) -> list[int]:
    step = max(1, -(-top // 4))
    return list(range(0, top + 1, step))


def heat_level(count: int, largest: int) -> int:
    """0 for no visit, else 1..len(HEAT): the count itself up to 4, else its share of the largest."""
    if count <= 0:
        return 0
    if largest <= len(HEAT):
        return min(count, len(HEAT))
    return max(1, -(-count * len(HEAT) // largest))


def heatmap(
    chart_id: str, title: str, weeks: Sequence[tuple[str, str]], rows: Sequence[tuple[str, Sequence[int]]]
) -> str:
    """Villages (rows) x weeks (columns): a cell each, darker for more visits, white for none."""
    label_width = 132
    cell = max(6.0, min(32.0, (WIDTH - label_width - 8) / max(len(weeks), 1)))
    row_height = 20 if cell >= 14 else 12
    upper = 36
    largest = max((count for _name, counts in rows for count in counts), default=0)
    width = label_width + cell * len(weeks) + 8
    body: list[str] = []
    # Week and date under every column that has room, else under every second, third... (they never overlap).
    every = max(1, -(-34 // int(cell)))
    for index, (label, start) in enumerate(weeks):
        if index % every:
            continue
        x = label_width + index * cell + cell / 2
        week, day = week_tick(label, start)
        body.append(f'<text x="{x:.1f}" y="14" text-anchor="middle">{week}</text>')
        body.append(f'<text x="{x:.1f}" y="29" text-anchor="middle" font-size="{FONT - 1}" fill="#555">{day}</text>')
    for number, (name, counts) in enumerate(rows):
        y = upper + number * row_height
        body.append(f'<text x="{label_width - 6}" y="{y + row_height - 5.5:.1f}" text-anchor="end">')
        body.append(f"<title>{_h(name)}</title>{_h(_short(name, 20))}</text>")
        for index, count in enumerate(counts):
            level = heat_level(count, largest)
            fill = HEAT[level - 1] if level else "#fff"
            x = label_width + index * cell
            body.append(
                f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{cell - 2:.1f}" height="{row_height - 2}" '
                f'fill="{fill}" stroke="{"#fff" if level else "#ccc"}">'
                f"<title>{_h(f'{name} · {weeks[index][0]}: {count}')}</title></rect>"
            )
            if count and cell >= 14:
                ink = "#fff" if level >= 3 else "#222"
                body.append(
                    f'<text x="{x + cell / 2:.1f}" y="{y + row_height - 5.5:.1f}" text-anchor="middle" '
                    f'fill="{ink}">{count}</text>'
                )
    y = upper + len(rows) * row_height + 10
    steps = [("0", "#fff")] + [(_level_name(level, largest), HEAT[level - 1]) for level in range(1, len(HEAT) + 1)]
    keys, used = legend(steps, label_width, y, max(width - label_width, 160))
    return _svg(chart_id, title, max(width, label_width + 200), y + used, body + keys, [])


def _level_name(level: int, largest: int) -> str:
    if largest <= len(HEAT):
        return f"{level}+" if level == len(HEAT) else str(level)
    low = (level - 1) * largest // len(HEAT) + 1
    high = level * largest // len(HEAT)
    return str(low) if low >= high else f"{low}–{high}"


def bars(chart_id: str, title: str, items: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars, largest first, each with its count."""
    label_width, row_height = 150, 22
    largest = max((count for _name, count in items), default=0) or 1
    plot = WIDTH - label_width - 40
    body: list[str] = []
    for number, (name, count) in enumerate(items):
        y = number * row_height + 4
        length = max(1.0, count * plot / largest)
        body.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end"><title>{_h(name)}</title>')
        body.append(f"{_h(_short(name, 22))}</text>")
        body.append(
            f'<rect x="{label_width}" y="{y + 2}" width="{length:.1f}" height="{row_height - 6}" fill="{HEAT[2]}"/>'
        )
        body.append(f'<text x="{label_width + length + 5:.1f}" y="{y + 14}">{count}</text>')
    return _svg(chart_id, title, WIDTH, len(items) * row_height + 10, body, [])


# --- the terminal ---------------------------------------------------------------------

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: Sequence[int]) -> str:
    """One character per count: a space for none, ▁ to █ for the share of the largest."""
    largest = max(counts, default=0)
    if largest <= 0:
        return " " * len(counts)
    return "".join(" " if count <= 0 else SPARKS[max(0, -(-count * len(SPARKS) // largest) - 1)] for count in counts)


def others_label() -> str:
    return t("chart.others")


__all__ = [
    "GROUP_STYLES",
    "HEAT",
    "MAX_GROUPS",
    "OTHERS_STYLE",
    "SITUATION_STYLES",
    "bars",
    "heat_level",
    "heatmap",
    "legend",
    "others_label",
    "sparkline",
    "stacked_weeks",
    "week_tick",
]
