"""What the gazetteer costs `komsos record`: whole-process timings (docs/places.md).

    python benchmarks/places.py                 # 10 runs each
    python benchmarks/places.py --runs 20 --before e547ba1^

`--before REV` also times `record` at a commit without places (extracted with `git archive`).
Each case runs in a fresh KOMSOS_HOME and store; the first-run case builds the index each time.
Besides the wall time it reports the CPU time (user + system) of the komsos process, which a
shared, loaded machine inflates far less than the wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ["record", "-b", "Serda Jasem", "-s", "Komsos dengan warga", "-v", "Sei Silau Tua"]
CASES = [
    ("record, village with its area", [*RECORD, "--kecamatan", "Setia Janji", "--kabupaten", "Asahan"]),
    ("record, village alone (unique)", RECORD),
    ("record, unknown village in a kabupaten", [*RECORD[:-1], "Sei Silau Tuo", "--kabupaten", "Asahan"]),
    ("record, unknown village, no area", [*RECORD[:-1], "Sei Silau Tuo"]),
    ("record, known village, wrong kabupaten", [*RECORD, "--kabupaten", "Inhu"]),
    ("--help", ["--help"]),
    ("list", ["list"]),
]


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], env: dict[str, str], runs: int) -> list[tuple[float, float]]:
    """(wall, cpu) seconds of each run."""
    times = []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), _cpu_of_children()
        done = subprocess.run([sys.executable, "-m", "komsos_cli", *args], env=env, capture_output=True, text=True)
        times.append((time.perf_counter() - start, _cpu_of_children() - cpu_start))
        if done.returncode != 0:
            raise SystemExit(f"komsos {' '.join(args)} failed: {done.stderr.strip()}")
    return times


def line(label: str, times: list[tuple[float, float]]) -> str:
    wall = [w * 1000 for w, _ in times]
    cpu = statistics.median(c for _, c in times) * 1000
    return (
        f"| {label} | {statistics.median(wall):.0f} ms | {min(wall):.0f}–{max(wall):.0f} ms"
        f" | {cpu:.0f} ms | {len(times)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--before", metavar="REV", help="also time record at this commit (no places)")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="komsos-places-bench-"))
    try:

        def env(name: str, pythonpath: Path | None = None) -> dict[str, str]:
            values = {**os.environ, "KOMSOS_HOME": str(work / name), "KOMSOS_DB": str(work / name / "s.json")}
            values["KOMSOS_INTERACTIVE"] = "0"
            values["PYTHONPATH"] = str(pythonpath or ROOT)
            return values

        print("| case | median | min–max | CPU median | runs |\n|---|---|---|---|---|")
        if options.before:
            old = work / "before"
            old.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", options.before], capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            timed(CASES[0][1], env("old", old), 1)
            print(line(f"record at {options.before} (no places)", timed(CASES[0][1], env("old", old), options.runs)))
        first = [t for i in range(3) for t in timed(CASES[0][1], env(f"cold{i}"), 1)]
        print(line("record, first run (builds the index)", first))
        warm = env("warm")
        timed(CASES[0][1], warm, 1)
        for label, args in CASES:
            print(line(label, timed(args, warm, options.runs)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
