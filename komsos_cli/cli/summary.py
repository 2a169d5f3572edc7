"""summary, villages, followups, resolve: what commanders read. Thin commands over komsos_cli.summary."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from ..errors import InvalidInput
from ..messages import t, tn
from ..model import choice
from ..query import Criteria
from ..store.base import Store
from .app import app
from .options import EntryId, JsonFlag, with_criteria, with_store

OUTPUT_FORMATS = ("table", "md", "html", "json")


@app.command()
@with_criteria
@with_store
def summary(
    criteria: Criteria,
    store: Store,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help=(
                "Show one breakdown in full: village, kind, topic, month, babinsa, koramil, situation"
                " (or desa, jenis, topik, bulan, situasi)."
            ),
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-F", help="table (default), md or html (the recap to forward), json.")
    ] = "table",
    top: Annotated[int, typer.Option("--top", help="Rows of each breakdown in the table view.")] = 8,
    no_chart: Annotated[
        bool, typer.Option("--no-chart", help="No sparkline under the totals, no charts in the HTML recap.")
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Count activities by village, kind, topic, month, Babinsa, Koramil and situation.

    Takes the same filters as `list`. Also shows how many follow-ups are open and the
    oldest, and the entries whose situation was not aman. `--format md` or `html` writes
    the recap a commander forwards (redirect it to a file); the HTML recap holds charts
    (activity per week, village coverage, situations, topics). At a terminal the table
    view shows activity per week as a sparkline under the totals (`--no-chart` hides both).

    Example: komsos summary --period 2025-01 --koramil "01/Rengat" --by village
    """
    from .. import summary as core
    from ..render import summary as render

    fmt = choice(output_format, OUTPUT_FORMATS, "--format")
    if json_out and fmt not in ("table", "json"):
        raise InvalidInput(t("summary.json_and_format", value=fmt))
    field = choice(by, core.BREAKDOWNS, "--by", core.BREAKDOWN_WORDS) if by is not None else None
    if top < 1:
        raise InvalidInput(t("summary.top_negative"))

    details = None if (json_out or fmt in ("md", "html") or field) else top
    result = core.summarize_store(store, date.today(), criteria=criteria, details=details)
    if json_out or fmt == "json":
        from ..render import write_json

        write_json(result.to_dict(only=field))
        return
    if fmt in ("md", "html"):
        from ..recap import render_recap

        series = None
        if fmt == "html" and not no_chart:
            from ..series import weekly_series_store

            series = weekly_series_store(store, criteria, store.profile().get("villages") or [])
        render.write_text(render_recap(result, fmt, series))
        return
    if result.total == 0:
        render.message(t("summary.empty"))
    activity = None
    if not no_chart and result.total and sys.stdout.isatty():
        from ..series import weekly_series_store

        activity = weekly_series_store(store, criteria)
    render.summary_tables(result, only=field, top=top, series=activity)


@app.command()
@with_criteria
@with_store
def villages(
    criteria: Criteria,
    store: Store,
    stale: Annotated[
        int | None,
        typer.Option("--stale", metavar="DAYS", help="Only villages not visited for DAYS days, oldest first."),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="One row per babinsa or koramil and village (a merged store).")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """One row per village: visits, last visit, days since, kinds of activity.

    Lists the villages in the profile's care (marked *) and every village in the
    entries; --stale puts never-visited villages in care first. The filters and
    --period narrow the entries counted; --limit caps the rows.

    Example: komsos villages --stale 30 --by babinsa --koramil "03/Kebakkramat"

    Example: komsos villages --period 2025-01   (visits per village in January)
    """
    from .. import summary as core
    from ..render import summary as render

    grouping = choice(by, core.GROUPINGS, "--by") if by is not None else None
    care = store.profile().get("villages") or []
    rows = core.village_coverage_store(store, date.today(), care=care, criteria=criteria, by=grouping)
    if stale is not None:
        rows = core.stale_villages(rows, stale)
    if criteria.limit is not None:
        rows = rows[: criteria.limit]
    if json_out:
        from ..render import write_json

        write_json([row.to_dict() for row in rows])
        return
    if not rows:
        render.message(tn("villages.none_stale", stale, days=stale) if stale is not None else t("villages.empty"))
        return
    render.villages_table(rows, grouped_by=grouping)
    render.message(t("villages.count_one") if len(rows) == 1 else t("villages.count", count=len(rows)))


@app.command()
@with_criteria
@with_store
def followups(criteria: Criteria, store: Store, json_out: JsonFlag = False) -> None:
    """List open follow-ups, oldest first, with their age in days. Takes the filters of `list`.

    --limit N shows the N oldest; --period keeps those raised in a month, quarter or year.

    Example: komsos followups --village "Sei Silau Tua"
    """
    from .. import summary as core
    from ..render import summary as render

    items = core.open_follow_ups_store(store, date.today(), criteria)
    if json_out:
        from ..render import write_json

        write_json([item.to_dict() for item in items])
        return
    if not items:
        render.message(t("followups.none"))
        return
    render.followups_table(items)
    render.message(t("followups.count_one") if len(items) == 1 else t("followups.count", count=len(items)))


@app.command()
@with_store
def resolve(
    entry_id: EntryId,
    note: Annotated[str, typer.Option("--note", help="What was done; kept with today's date.")],
    store: Store,
    json_out: JsonFlag = False,
) -> None:
    """Close the open follow-up of an entry; the note and today's date are kept, the old version goes to history.

    Example: komsos resolve 3f2a --note "Sudah dikoordinasikan dengan Kadus Dsn 2 Bapak Faisal"
    """
    from ..followups import resolve_follow_up
    from ..render import summary as render

    entry = resolve_follow_up(store, entry_id, note, date.today())
    if json_out:
        from ..render import write_json

        write_json(entry)
        return
    follow = entry["follow_up"]
    assert follow is not None  # resolve_follow_up refuses an entry without one
    render.message(t("resolve.done", id=entry["id"], action=follow["action"]))
