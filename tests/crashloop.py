"""Crash loop: kill a writing komsos process with SIGKILL at random moments; nothing acknowledged is lost.

A child process records, edits and deletes entries through the real code path
(komsos_cli.entries on a real store file) and logs each change it is about to make
("intent") and each change the store acknowledged ("ack"), fsyncing the log. The parent
kills it at a random moment, then opens the store and checks:
- it opens (a corrupt store counts as a failure),
- every acknowledged record is present, unless deleted (acknowledged, or in flight),
- every acknowledged edit is there (or a later one, in flight),
- no acknowledged delete came back.

Used by tests/test_reliability.py (300 kills in CI, and 40 on a store of 3,000 entries,
which is read in slices and written in pieces) and runnable for a longer run:
    python tests/crashloop.py --kills 3000
    python tests/crashloop.py --kills 300 --seed-entries 3000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from komsos_cli.model import Entry

CHILD = r"""
import json, os, random, sys
from pathlib import Path
from komsos_cli import entries
from komsos_cli.store import FileStore as Store

if os.environ.get("KOMSOS_CRASH_UNSAFE_WRITES") == "1":
    # For the test that shows this harness can fail: write in place, as TinyDB's JSONStorage does.
    import komsos_cli.store.file as store_module

    def write_in_place(path, payload):
        if not isinstance(payload, (bytes, bytearray, memoryview)):
            payload = b"".join(payload)  # a big store's pieces
        with open(path, "r+b" if path.exists() else "wb") as handle:
            handle.truncate(0)
            for start in range(0, len(payload), 4096):
                handle.write(payload[start:start + 4096])
                handle.flush()

    store_module.atomic_write = write_in_place

store = Store(Path(sys.argv[1]))
log = open(sys.argv[2], "a", encoding="utf-8")
rng = random.Random(int(sys.argv[3]))

def note(**item):
    log.write(json.dumps(item) + "\n")
    log.flush()
    os.fsync(log.fileno())

note(op="start", state="ready")  # the parent times its kill from here, not from a slow start

while True:
    live = [e for e in store.entries()]
    roll = rng.random()
    if live and roll < 0.3:
        target = rng.choice(live)
        rev = int(target["summary"].split()[-1]) + 1
        note(op="edit", id=target["id"], rev=rev, state="intent")
        entries.edit(store, target["id"], {"summary": f"rev {rev}"})
        note(op="edit", id=target["id"], rev=rev, state="ack")
    elif live and roll < 0.45:
        target = rng.choice(live)
        note(op="delete", id=target["id"], state="intent")
        entries.delete(store, target["id"])
        note(op="delete", id=target["id"], state="ack")
    else:
        note(op="record", state="intent")
        entry = entries.record(store, {"babinsa": [{"rank": "Serda", "name": "Crash"}], "village": "Kemiri",
                                       "summary": "rev 0", "date": "2025-01-17"})
        note(op="record", id=entry["id"], state="ack")
"""


@dataclass
class Figures:
    kills: int = 0
    corrupt_stores: int = 0
    lost_changes: int = 0
    resurrected_deletes: int = 0
    acknowledged_changes: int = 0
    final_entries: int = 0
    problems: list[str] = field(default_factory=list)


def _read_log(path: Path) -> list[dict[str, object]]:
    items = []
    for line in path.read_text("utf-8").splitlines():
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut by the kill: its change was not acknowledged
    return items


def seed_store(store_path: Path, count: int) -> None:
    """Start from a store of `count` entries: big enough that it is read in slices and written in pieces."""
    from komsos_cli.model import validate_entry
    from komsos_cli.store import FileStore as Store

    made = [
        validate_entry(
            {
                "babinsa": [{"rank": "Serda", "name": "Crash"}],
                "village": "Kemiri",
                "summary": "rev 0",
                "date": "2025-01-17",
            }
        )
        for _ in range(count)
    ]
    with Store(store_path).transaction() as tx:
        tx.add_many(made)


@dataclass
class Ledger:
    """What the children acknowledged: the entries that must be in the store, at which revision,
    and those that must not come back."""

    present: set[str] = field(default_factory=set)  # acknowledged records not (acknowledged) deleted
    deleted: set[str] = field(default_factory=set)
    revisions: dict[str, int] = field(default_factory=dict)

    def acknowledge(self, log: list[dict[str, object]], figures: Figures) -> None:
        for item in log:
            if item["state"] != "ack":
                continue
            figures.acknowledged_changes += 1
            entry_id = str(item["id"])
            if item["op"] == "record":
                self.present.add(entry_id)
                self.revisions[entry_id] = 0
            elif item["op"] == "edit":
                self.revisions[entry_id] = int(str(item["rev"]))
            elif item["op"] == "delete":
                self.present.discard(entry_id)
                self.deleted.add(entry_id)

    def check(
        self, stored: dict[str, Entry], in_flight: dict[str, object] | None, cycle: int, figures: Figures
    ) -> None:
        """Count what the store lost or brought back against the ledger, then take in what landed."""
        pending_delete = in_flight["id"] if in_flight and in_flight["op"] == "delete" else None
        if pending_delete in self.present and pending_delete not in stored:
            self.present.discard(str(pending_delete))  # the in-flight delete landed
            self.deleted.add(str(pending_delete))
        for entry_id in sorted(self.present):
            if entry_id not in stored:
                figures.lost_changes += 1
                figures.problems.append(f"kill {cycle}: record {entry_id} lost")
                continue
            rev = int(stored[entry_id]["summary"].split()[-1])
            if rev < self.revisions.get(entry_id, 0):
                figures.lost_changes += 1
                figures.problems.append(f"kill {cycle}: edit rev {self.revisions[entry_id]} of {entry_id} lost")
            self.revisions[entry_id] = rev
        for entry_id in self.deleted:
            if entry_id in stored:
                figures.resurrected_deletes += 1
                figures.problems.append(f"kill {cycle}: deleted {entry_id} came back")
        # An in-flight record that landed is a real entry from now on.
        for entry_id in stored:
            if entry_id not in self.present and entry_id not in self.deleted:
                self.present.add(entry_id)
                self.revisions[entry_id] = int(stored[entry_id]["summary"].split()[-1])


def _kill_one_child(
    store_path: Path, log_path: Path, child_seed: int, rng: random.Random, max_delay: float
) -> int | None:
    """Start a child that loops over changes and SIGKILL it at a random moment; its exit code if it
    stopped by itself (a failure), else None."""
    env = {**os.environ, "KOMSOS_LOCK_TIMEOUT": "30"}
    log_path.write_text("", "utf-8")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(store_path), str(log_path), str(child_seed)], env=env)
    # Kill at a random moment of the child's work, timed from its start (a quarter of the
    # kills: they hit the first write, imports still cold) or from its first acknowledged
    # change, so that on a loaded machine slow imports do not make every kill land
    # before any write.
    marker = b'"ready"' if rng.random() < 0.25 else b'"ack"'
    waited = time.monotonic() + 60
    while marker not in log_path.read_bytes() and child.poll() is None and time.monotonic() < waited:
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, max_delay))
    if child.poll() is not None:  # it loops until killed: stopping by itself is a failure (an error)
        return child.returncode
    child.send_signal(signal.SIGKILL)
    child.wait()
    return None


def run(folder: Path, kills: int, seed: int = 1, max_delay: float = 0.27, seed_entries: int = 0) -> Figures:
    """Run `kills` kill cycles on a store in `folder` (first filled with `seed_entries` entries); return the figures."""
    from komsos_cli.errors import StoreError
    from komsos_cli.store import FileStore as Store

    rng = random.Random(seed)
    store_path = folder / "komsos.json"
    log_path = folder / "log.jsonl"
    figures = Figures()
    ledger = Ledger()
    if seed_entries:
        seed_store(store_path, seed_entries)
        for entry in Store(store_path).entries():
            ledger.present.add(entry["id"])
            ledger.revisions[entry["id"]] = 0
    for cycle in range(kills):
        stopped = _kill_one_child(store_path, log_path, seed * 100_003 + cycle, rng, max_delay)
        if stopped is not None:
            figures.problems.append(f"cycle {cycle}: the child stopped by itself with exit code {stopped}")
            break
        figures.kills += 1
        log = _read_log(log_path)
        ledger.acknowledge(log, figures)
        try:
            stored = {entry["id"]: entry for entry in Store(store_path).entries()}
        except StoreError as error:
            figures.corrupt_stores += 1
            figures.problems.append(f"kill {cycle}: {error}")
            break
        in_flight = log[-1] if log and log[-1]["state"] == "intent" else None
        ledger.check(stored, in_flight, cycle, figures)
        if figures.problems:
            break
    figures.final_entries = len(ledger.present)
    return figures


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seed-entries", type=int, default=0, help="entries in the store before the first kill")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        figures = run(Path(folder), args.kills, args.seed, seed_entries=args.seed_entries)
        elapsed = time.monotonic() - started
    print(json.dumps({**figures.__dict__, "seconds": round(elapsed, 1)}, indent=2))


if __name__ == "__main__":
    main()
