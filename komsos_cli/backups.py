"""Rotating backups of the store: every write keeps the previous good file, N generations deep.

The backups live in a hidden folder beside the store, `.komsos.json.backups/`, named
`komsos.json.1` (newest) to `komsos.json.N`. The previous file is kept by a hard link,
so a backup costs no copy: the store is only ever replaced (os.replace), never changed
in place, so the linked file keeps the old content. Where hard links are not possible
(some USB sticks' file systems), it is copied.

The file being replaced is always a good one: a transaction only writes after it has
read and parsed the current file.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

DEFAULT_GENERATIONS = 5


def generations() -> int:
    """How many backups to keep: KOMSOS_BACKUPS (0 turns them off), default 5."""
    raw = os.environ.get("KOMSOS_BACKUPS", "")
    try:
        return max(0, int(raw)) if raw.strip() else DEFAULT_GENERATIONS
    except ValueError:
        return DEFAULT_GENERATIONS


def backup_dir(store_path: Path) -> Path:
    return store_path.parent / f".{store_path.name}.backups"


def backup_path(store_path: Path, generation: int) -> Path:
    return backup_dir(store_path) / f"{store_path.name}.{generation}"


@dataclass(frozen=True)
class Backup:
    generation: int
    path: Path
    size: int
    modified: float


def list_backups(store_path: Path) -> list[Backup]:
    """The backups that exist, newest first."""
    folder = backup_dir(store_path)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    prefix = store_path.name + "."
    for child in folder.iterdir():
        suffix = child.name[len(prefix) :] if child.name.startswith(prefix) else ""
        if suffix.isdigit():
            info = child.stat()
            found.append(Backup(int(suffix), child, info.st_size, info.st_mtime))
    return sorted(found, key=lambda backup: backup.generation)


def rotate(store_path: Path, keep: int | None = None) -> None:
    """Keep the current store file as backup 1, shifting older ones; drop the oldest.

    Call it under the store's lock, right before the file is replaced. Best effort:
    a backup that cannot be made never stops a report from being saved (doctor
    reports missing backups).
    """
    keep = generations() if keep is None else keep
    if keep <= 0 or not store_path.exists():
        return
    folder = backup_dir(store_path)
    try:
        if same_file_content(store_path, backup_path(store_path, 1)):
            # Backup 1 already holds this file: the write that made it failed (a full
            # disk, a read-only folder). Shifting again would push a distinct older
            # generation out for a duplicate, and retries would leave only copies.
            return
        if not folder.exists():
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)
        for generation in range(keep, 0, -1):
            older = backup_path(store_path, generation)
            if not older.exists():
                continue
            if generation == keep:
                older.unlink()
            else:
                os.replace(older, backup_path(store_path, generation + 1))
        newest = backup_path(store_path, 1)
        try:
            os.link(store_path, newest)
        except OSError:
            temp = newest.with_name(newest.name + ".tmp")
            shutil.copyfile(store_path, temp)
            os.chmod(temp, 0o600)
            os.replace(temp, newest)
    except OSError:
        return


def same_file_content(a: Path, b: Path) -> bool:
    """Whether `b` is the file `a` (a hard link) or a byte-for-byte copy of it."""
    import filecmp

    try:
        if os.path.samefile(a, b):
            return True
        return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def keep_aside(store_path: Path, label: str) -> Path:
    """Move a file that is about to be replaced (a damaged store) beside the backups, never deleting it."""
    folder = backup_dir(store_path)
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)
    target = folder / f"{store_path.name}.{label}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{store_path.name}.{label}-{counter}"
    os.link(store_path, target) if _same_device(store_path, folder) else shutil.copy2(store_path, target)
    os.chmod(target, 0o600)
    return target


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False
