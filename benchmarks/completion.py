"""How long a shell completion takes: the installed `komsos` answering TAB, as a fresh process.

    python benchmarks/completion.py                 # 10,000 entries, 7 runs per completion
    python benchmarks/completion.py --sizes 1000 10000 100000 --runs 5

Each line is what bash asks (`_KOMSOS_COMPLETE=complete_bash COMP_WORDS=... COMP_CWORD=...`);
the median wall time of the runs after one warm-up is printed beside the 150 ms the issue asks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_store

WORDS = (
    "komsos ca",
    "komsos list --kind an",
    "komsos summary --by d",
    "komsos record --village Kem",
    "komsos list --village Desa",
    "komsos show 1",
    "komsos show ",
)
BUDGET = 0.150


def time_completion(komsos: str, words: str, env: dict[str, str], runs: int) -> float:
    environment = {**env, "_KOMSOS_COMPLETE": "complete_bash", "COMP_WORDS": words}
    environment["COMP_CWORD"] = str(len(words.split(" ")) - 1)
    times = []
    for run in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([komsos], env=environment, capture_output=True, check=True)
        if run:  # the first run warms the caches (the gazetteer index, the file system)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--komsos", default=shutil.which("komsos") or "komsos")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="komsos-completion-") as folder:
        for size in options.sizes:
            store = Path(folder) / f"store-{size}.json"
            write_store(store, size)
            env = {**os.environ, "KOMSOS_DB": str(store), "KOMSOS_HOME": str(Path(folder) / "home")}
            for words in WORDS:
                median = time_completion(options.komsos, words, env, options.runs)
                mark = "ok" if median <= BUDGET else "over"
                print(f"{size:>7} entries  {median * 1000:6.0f} ms  {mark:4}  {words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
