"""Check the store and bring back a backup: what `komsos doctor` does. No printing here.

`check(path)` returns a Report of findings; `plan_restore(path)` says which backup would
come back and what would change; `restore(plan)` does it, keeping the current file aside
(a damaged store is never deleted or overwritten).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from .backups import Backup, backup_dir, generations, keep_aside, list_backups, same_file_content
from .errors import InvalidInput, KomsosError, StoreError
from .messages import t, tn
from .model import SCHEMA_VERSION, validate_entry
from .store import ENTRIES, META, FileStore, atomic_write, parse_store
from .store.jsonfile import unreadable

if TYPE_CHECKING:
    from .model import Entry
    from .store.base import Store


class FindingData(TypedDict):
    level: str
    code: str
    message: str


class BackupHealthData(TypedDict):
    generation: int
    path: str
    modified: str
    entries: int | None
    problem: str | None


class ReportData(TypedDict):
    """What `doctor --json` prints."""

    path: str
    exists: bool
    healthy: bool
    entries: int
    schema_version: int | None
    newer_schema: bool
    restorable: bool
    advice: str
    findings: list[FindingData]
    backups: list[BackupHealthData]


@dataclass
class Finding:
    level: str  # "ok", "warning" or "error"
    code: str
    message: str

    def as_dict(self) -> FindingData:
        return {"level": self.level, "code": self.code, "message": self.message}


@dataclass
class BackupHealth:
    generation: int
    path: str
    modified: str
    entries: int | None  # None: the backup cannot be read
    problem: str | None = None

    def as_dict(self) -> BackupHealthData:
        return {
            "generation": self.generation,
            "path": self.path,
            "modified": self.modified,
            "entries": self.entries,
            "problem": self.problem,
        }


@dataclass
class Report:
    path: str
    exists: bool
    entries: int = 0
    schema_version: int | None = None
    newer_schema: bool = False  # written by a newer komsos: update komsos, do not restore
    findings: list[Finding] = field(default_factory=list)
    backups: list[BackupHealth] = field(default_factory=list)
    restorable: bool = False  # a readable backup differs from the store: `--restore` can work
    hub: bool = False

    @property
    def healthy(self) -> bool:
        return not any(finding.level == "error" for finding in self.findings)

    @property
    def advice(self) -> str:
        """The one line that ends the report: never a command that cannot work (`--restore`
        without a backup to bring back, or on a store that is not damaged)."""
        codes = {finding.code for finding in self.findings if finding.level == "error"}
        if self.healthy:
            return t("doctor.healthy")
        if self.newer_schema:
            return t("doctor.newer_summary")
        if "permission" in codes:
            return t("doctor.no_permission_summary")
        if "folder" in codes:
            return t("doctor.folder_summary")
        if self.hub:
            return t("doctor.hub_summary")
        if self.restorable:
            return t("doctor.damaged")
        return t("doctor.damaged_no_backup", path=self.path)

    def as_dict(self) -> ReportData:
        return {
            "path": self.path,
            "exists": self.exists,
            "healthy": self.healthy,
            "entries": self.entries,
            "schema_version": self.schema_version,
            "newer_schema": self.newer_schema,
            "restorable": self.restorable,
            "advice": self.advice,
            "findings": [finding.as_dict() for finding in self.findings],
            "backups": [backup.as_dict() for backup in self.backups],
        }


def check_store(store: Store) -> Report:
    """doctor's report of any store: a file's (`check`), or a hub's (connection, schema version,
    indexes, counts)."""
    if isinstance(store, FileStore):
        return check(store.path)
    from .store.hub import HubStore

    assert isinstance(store, HubStore)
    report = Report(path=store.location, exists=True, hub=True)
    for level, code, message in store.check():
        report.findings.append(Finding(level, code, message))
        if code == "schema":
            from .store.migrations import HUB_SCHEMA_VERSION

            report.schema_version = HUB_SCHEMA_VERSION
    report.entries = store.count_all()
    return report


def restorable_path(store: Store) -> Path:
    """The file `--restore` works on; a hub is restored with PostgreSQL's own tools."""
    if not isinstance(store, FileStore):
        raise InvalidInput(t("doctor.hub.restore", address=store.location))
    return store.path


def _load(path: Path) -> Mapping[str, object]:
    """The store's tables, as `parse_store` checked them: their documents are not checked yet."""
    return parse_store(path.read_bytes(), path)


def _table(tables: Mapping[str, object], name: str) -> Mapping[str, object]:
    """One table (document id -> document); `parse_store` made sure the entries' is one."""
    table = tables.get(name, {})
    return table if isinstance(table, dict) else {}


def _entries_problems(tables: Mapping[str, object]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    duplicates: list[str] = []
    invalid: list[str] = []
    for doc_id, entry in _table(tables, ENTRIES).items():
        if not isinstance(entry, dict):
            invalid.append(f"#{doc_id}: not an object")
            continue
        entry_id = str(entry.get("id"))
        if entry_id in seen:
            duplicates.append(entry_id)
        seen.add(entry_id)
        try:
            canonical = validate_entry(entry)
        except (InvalidInput, KeyError, TypeError, AttributeError, ValueError) as error:
            invalid.append(f"{entry_id[:8]}: {error}")
            continue
        stored_badly = _stored_badly(entry, canonical)
        if stored_badly:
            invalid.append(f"{entry_id[:8]}: {stored_badly}")
    if duplicates:
        findings.append(
            Finding(
                "error",
                "ids",
                tn("doctor.duplicate_ids", len(duplicates), count=len(duplicates), ids=", ".join(duplicates[:3])),
            )
        )
    else:
        findings.append(Finding("ok", "ids", t("doctor.ids_unique")))
    if invalid:
        findings.append(
            Finding(
                "error",
                "entries",
                tn("doctor.invalid_entries", len(invalid), count=len(invalid), first="; ".join(invalid[:3])),
            )
        )
    else:
        findings.append(Finding("ok", "entries", t("doctor.entries_valid")))
    return findings


def _stored_badly(entry: Mapping[str, object], canonical: Entry) -> str | None:
    """The first field stored in a shape komsos never writes, though validate_entry would accept it.

    validate_entry reads what people type: it makes up a missing id, turns an empty list
    into the default kind, a text into a follow-up. A stored entry must already be in
    its canonical shape, or commands that trust the store fail on it (a missing id, a
    situation stored as a list). Values may differ (a newer komsos may spell them
    differently); their types may not, except an empty value where none is stored.
    """
    if not isinstance(entry.get("id"), str):
        return t("doctor.field_shape", field="id", found=type(entry.get("id")).__name__)
    for key, value in canonical.items():
        if key not in entry:
            if value:  # komsos writes every field: only an empty one may be missing (an older store)
                return t("doctor.field_missing", field=key)
            continue
        stored = entry[key]
        if type(stored) is type(value):
            continue
        if stored is None and not value:  # an empty list, False or None kept as null
            continue
        if stored == "" and value is None:
            continue
        return t("doctor.field_shape", field=key, found=type(stored).__name__)
    return None


def _permissions(path: Path) -> list[Finding]:
    findings: list[Finding] = []
    targets = [(path, 0o600), (path.parent, 0o700)]
    folder = backup_dir(path)
    if folder.is_dir():  # the backups hold the same reports: as private as the store
        targets.append((folder, 0o700))
        targets.extend((child, 0o600) for child in sorted(folder.iterdir()) if child.is_file())
    for target, wanted in targets:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077:
            findings.append(
                Finding(
                    "warning",
                    "permissions",
                    t("doctor.permissions", path=target, mode=f"{mode:o}", wanted=f"{wanted:o}"),
                )
            )
    if not findings:
        findings.append(Finding("ok", "permissions", t("doctor.permissions_ok")))
    return findings


def _backups_health(path: Path) -> list[BackupHealth]:
    health: list[BackupHealth] = []
    for backup in list_backups(path):
        modified = datetime.fromtimestamp(backup.modified, UTC).isoformat(timespec="seconds")
        try:
            tables = _load(backup.path)
            health.append(BackupHealth(backup.generation, str(backup.path), modified, len(_table(tables, ENTRIES))))
        except (StoreError, OSError) as error:
            health.append(BackupHealth(backup.generation, str(backup.path), modified, None, str(error)))
    return health


def check(path: Path) -> Report:
    """Everything doctor knows about the store at `path`."""
    report = _check(path)
    if not report.healthy:
        current = path if path.is_file() else None
        report.restorable = any(
            backup.entries is not None and (current is None or not same_file_content(current, Path(backup.path)))
            for backup in report.backups
        )
    return report


def _no_read_bit(path: Path) -> bool:
    """The store file exists without its owner's read bit: read from the mode, as root may
    read anything (so a store its owner cannot read is named as such, whoever runs doctor)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IRUSR


def _check(path: Path) -> Report:
    report = Report(path=str(path), exists=path.exists())
    report.backups = _backups_health(path)
    if path.is_dir():
        report.findings.append(Finding("error", "folder", t("store.is_dir", path=path)))
        return report
    if _no_read_bit(path):
        report.findings.append(Finding("error", "permission", t("store.no_permission", path=path)))
        return report
    if not report.exists:
        readable = [backup for backup in report.backups if backup.entries is not None]
        if readable:
            # Backups without a store: it was deleted or moved. The next record would start
            # an empty store and, write by write, rotate these backups away.
            report.findings.append(
                Finding(
                    "warning",
                    "store",
                    tn("doctor.no_store_but_backups", len(readable), count=len(readable), entries=readable[0].entries),
                )
            )
        else:
            report.findings.append(Finding("ok", "store", t("doctor.no_store")))
        return report
    try:
        tables = _load(path)
    except StoreError as error:
        newer = newer_schema_version(path)
        if newer is not None:
            report.schema_version = newer
            report.newer_schema = True
            report.findings.append(
                Finding("error", "schema", t("doctor.newer", version=newer, supported=SCHEMA_VERSION))
            )
        else:
            report.findings.append(Finding("error", "parse", error.message))
        report.findings.extend(_permissions(path))
        return report
    except OSError as error:  # e.g. permission denied: said as every command says it, not as [Errno 13]
        code = "permission" if isinstance(error, PermissionError) else "read"
        report.findings.append(Finding("error", code, unreadable(path, error).message))
        return report
    report.findings.append(Finding("ok", "parse", t("doctor.parses")))
    record = next(iter(_table(tables, META).values()), {})
    meta: Mapping[str, object] = record if isinstance(record, dict) else {}  # parse_store checked it is one
    migrated_from = meta.get("migrated_from")  # set when reading migrated an older file in memory
    if isinstance(migrated_from, int):
        report.schema_version = migrated_from
        report.findings.append(
            Finding("ok", "schema", t("doctor.schema_older", version=migrated_from, supported=SCHEMA_VERSION))
        )
    else:
        version = meta.get("schema_version")  # an int: parse_store checked it
        report.schema_version = version if isinstance(version, int) else None
        report.findings.append(
            Finding("ok", "schema", t("doctor.schema", version=report.schema_version, supported=SCHEMA_VERSION))
        )
    report.entries = len(_table(tables, ENTRIES))
    report.findings.extend(_entries_problems(tables))
    report.findings.extend(_permissions(path))
    strays = stray_temp_files(path)
    if strays:
        report.findings.append(Finding("warning", "temp", tn("doctor.stray_temp", len(strays), count=len(strays))))
    folder = backup_dir(path)
    if folder.exists() and not folder.is_dir():
        report.findings.append(Finding("warning", "backups", t("doctor.backups_not_folder", path=folder)))
    elif generations() == 0:
        report.findings.append(Finding("warning", "backups", t("doctor.backups_off")))
    elif not report.backups:
        report.findings.append(Finding("warning", "backups", t("doctor.no_backups")))
    if not os.access(path.parent, os.W_OK):
        report.findings.append(Finding("warning", "writable", t("doctor.not_writable", path=path.parent)))
    return report


def newer_schema_version(path: Path) -> int | None:
    """The schema version of a store written by a newer komsos, or None (any other store)."""
    import orjson

    try:
        data = orjson.loads(path.read_bytes())
        record = next(iter(data["_meta"].values()))
        version = record["schema_version"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration):
        return None
    return version if isinstance(version, int) and version > SCHEMA_VERSION else None


def stray_temp_files(path: Path) -> list[Path]:
    """Temp files a killed write left behind (`.komsos.json.XXXX.tmp`)."""
    if not path.parent.is_dir():
        return []
    prefix = f".{path.name}."
    return [child for child in path.parent.iterdir() if child.name.startswith(prefix) and child.name.endswith(".tmp")]


@dataclass
class RestorePlan:
    path: Path
    backup: Backup
    backup_entries: int
    current_entries: int | None  # None: the current store cannot be read
    only_in_current: list[str]  # ids that the restore would take away
    only_in_backup: list[str]  # ids that the restore brings back
    changed: list[str]  # ids present in both with different content
    # The files as they were when the plan was shown: the restore happens only if neither
    # changed since (another komsos may have written, and rotated the backups, meanwhile).
    store_version: tuple[int, int, int] | None = None
    backup_version: tuple[int, int, int] | None = None


def _version(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _by_id(tables: Mapping[str, object]) -> dict[str, Mapping[str, object]]:
    entries = _table(tables, ENTRIES).values()
    return {str(entry.get("id")): entry for entry in entries if isinstance(entry, dict)}


def plan_restore(path: Path) -> RestorePlan:
    """The newest backup that reads well, and what restoring it would change.

    A store written by a newer komsos is not damaged: restoring an older backup over it
    would drop what the newer komsos wrote, so it is refused (update komsos instead).
    """
    newer = newer_schema_version(path) if path.is_file() else None
    if newer is not None:
        raise StoreError(t("doctor.restore_newer", path=path, version=newer, supported=SCHEMA_VERSION))
    readable = 0
    for backup in list_backups(path):
        try:
            tables = _load(backup.path)
        except (StoreError, OSError):
            continue
        readable += 1
        if path.is_file() and same_file_content(path, backup.path):
            continue  # the current file itself (kept by a write that then failed): restoring it changes nothing
        versions = {"store_version": _version(path), "backup_version": _version(backup.path)}
        restored = _by_id(tables)
        try:
            current_tables: Mapping[str, object] | None = _load(path) if path.exists() else {ENTRIES: {}}
        except (StoreError, OSError):
            current_tables = None
        if current_tables is None:
            return RestorePlan(path, backup, len(restored), None, [], sorted(restored), [], **versions)
        current = _by_id(current_tables)
        return RestorePlan(
            path,
            backup,
            len(restored),
            len(current),
            sorted(set(current) - set(restored)),
            sorted(set(restored) - set(current)),
            sorted(key for key in set(current) & set(restored) if current[key] != restored[key]),
            **versions,
        )
    if readable:
        raise KomsosError(t("doctor.backups_same", path=path, count=readable))
    raise KomsosError(t("doctor.no_good_backup", path=path))


def restore(plan: RestorePlan) -> Path | None:
    """Put the planned backup in place under the store's lock; returns where the old file was kept."""
    store = FileStore(plan.path)
    with store.lock():
        if (_version(plan.path), _version(plan.backup.path)) != (plan.store_version, plan.backup_version):
            raise StoreError(t("doctor.changed_since_plan", path=plan.path))
        payload = plan.backup.path.read_bytes()
        parse_store(payload, plan.backup.path)  # still good?
        kept = None
        if plan.path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            kept = keep_aside(plan.path, f"before-restore-{stamp}")
        atomic_write(plan.path, payload)
        os.chmod(plan.path, 0o600)
    return kept
