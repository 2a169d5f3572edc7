"""komsos doctor: check the store, restore a backup."""

from __future__ import annotations

from datetime import UTC

import typer

from ..errors import Cancelled, InvalidInput, StoreError
from ..messages import t, tn
from ..store.base import Store
from .app import app
from .options import JsonFlag, YesFlag, ask_yes_no, is_interactive, with_store


@app.command()
@with_store
def doctor(
    store: Store,
    restore: bool = typer.Option(
        False, "--restore", help="Bring back the newest good backup (shows what changes first)."
    ),
    yes: YesFlag = False,
    json_out: JsonFlag = False,
) -> None:
    """Check the store (reads, schema version, unique ids, valid entries, permissions, backups).

    Exit 0 when healthy, 3 when the store is damaged. With --restore, put the newest good
    backup back after showing what would change; the current file is kept aside, never deleted.

    Example: komsos doctor; komsos doctor --restore --yes
    """
    from .. import doctor as core
    from ..render import message as say
    from ..render import write_json
    from ..text import visible

    def message(text: str) -> None:  # ids and paths come from the store: on one line, shown as \x0a
        say(visible(text))

    if not restore:
        report = core.check_store(store)
        if json_out:
            write_json(report.as_dict())
        else:
            from ..render.doctor import doctor_report

            doctor_report(report)
            message(report.advice)
        if not report.healthy:
            raise typer.Exit(StoreError.code)
        return
    plan = core.plan_restore(core.restorable_path(store))
    current = (
        t("doctor.plan_current_damaged")
        if plan.current_entries is None
        else tn("doctor.plan_current", plan.current_entries, count=plan.current_entries)
    )
    from datetime import datetime

    modified = datetime.fromtimestamp(plan.backup.modified, UTC).isoformat(timespec="seconds")
    message(
        tn(
            "doctor.plan",
            plan.backup_entries,
            generation=plan.backup.generation,
            modified=modified,
            entries=plan.backup_entries,
            current=current,
        )
    )
    if plan.only_in_current:
        message(
            tn(
                "doctor.plan_lost",
                len(plan.only_in_current),
                count=len(plan.only_in_current),
                ids=", ".join(i[:8] for i in plan.only_in_current[:5]),
            )
        )
    if plan.only_in_backup:
        message(tn("doctor.plan_back", len(plan.only_in_backup), count=len(plan.only_in_backup)))
    if plan.changed:
        message(tn("doctor.plan_changed", len(plan.changed), count=len(plan.changed)))
    if not yes:
        if not is_interactive():
            raise InvalidInput(t("doctor.needs_yes"))
        if not ask_yes_no(t("doctor.confirm")):
            raise Cancelled(t("cancelled"))
    kept = core.restore(plan)
    if kept is not None:
        message(t("doctor.restored", generation=plan.backup.generation, kept=kept))
    else:
        message(t("doctor.restored_plain", generation=plan.backup.generation))
