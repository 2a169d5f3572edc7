"""The komsos benchmark: whole processes of the installed command, against floors and peers.

    python benchmarks/run.py                      # 1,000 / 10,000 / 100,000 entries, 5 runs each
    python benchmarks/run.py --quick              # 1,000 and 10,000, 3 runs: a smoke run (writes nothing)
    python benchmarks/run.py --komsos /tmp/v/bin/komsos --sizes 10000 --runs 7

It generates realistic stores (benchmarks/generate.py; cached in --workdir), then
times each command as a fresh process (what a user waits for), several runs
after one warm-up: median and min/max wall time, and the peak memory (max RSS)
of the process. Commands that do not exist yet in the installed komsos are
shown as "not available" (found with `komsos COMMAND --help`); peers (jrnl,
Watson) as "not installed" when absent. The table is printed and written into
--output between the benchmark markers (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

START = "<!-- benchmark:start -->"
END = "<!-- benchmark:end -->"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
SETTINGS = {"timeout": 120}  # seconds: a run that takes longer is stopped and shown as such (--timeout)
SLOW = 10.0  # seconds: a command whose warm-up run takes longer gets two timed runs
PEER_FOLDERS = (Path("/tmp/peers/bin"),)  # where docs/performance.md suggests installing jrnl and Watson

RECORD_ARGS = (
    "record", "-d", "17/01/2025", "--time", "08.30", "-b", "Kopda SY.E Hasibuan", "-v", "Pematang Jaya",
    "--kecamatan", "Rengat Barat", "--kabupaten", "Indragiri Hulu", "--koramil", "Koramil 01/Rengat",
    "--kodim", "Kodim 0302/Inhu", "--venue", "kedai kopi", "-w", "warga", "-t", "keamanan",
    "-t", "program pemerintah", "--situation", "aman",
    "-s", "Babinsa melaksanakan Komsos dengan warga binaan di kedai kopi Desa Pematang Jaya. Warga menyampaikan "
    "bahwa situasi wilayah aman dan kondusif. Babinsa menghimbau warga agar tidak mudah terpengaruh berita bohong "
    "di media sosial. Kegiatan berlangsung dengan suasana santai sambil menikmati secangkir kopi.",
)  # fmt: skip


@dataclass
class Result:
    """One benchmarked command: its timings, or why it has none."""

    name: str
    times: list[float] = field(default_factory=list)
    peak_kib: int = 0
    status: str = "ok"  # ok | not available | not installed | failed: ...

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024


@dataclass
class Case:
    """How to run one command: argv, and a fresh copy of some files before each run."""

    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    fresh: list[tuple[Path, Path]] = field(default_factory=list)  # (pristine, working copy)
    status: str = "ok"


# Runs the command as its own child and reports "seconds peak_kib exit_code". A small process of its
# own, so the child's peak memory (max RSS, which Linux carries over from the forking process) is
# the command's own, not the benchmark's; and the clock starts at the fork, not at our start-up.
_TRAMPOLINE = """
import os, signal, sys, time
devnull = os.open(os.devnull, os.O_WRONLY)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(devnull, 1)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.alarm(int(sys.argv[1]))
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def base_env() -> dict[str, str]:
    """The environment of every timed process: ours, but allowed to cache bytecode.

    With PYTHONDONTWRITEBYTECODE set (as in some dev shells), a package installed in
    editable mode is compiled from source on every run (~15 ms for komsos); an installed
    package has its .pyc files from pip. The warm-up run writes them.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_once(case: Case) -> tuple[float, int, int, str]:
    """Seconds, peak RSS (KiB), exit code and last stderr line of one run of `case`."""
    for pristine, working in case.fresh:
        if pristine.is_dir():
            shutil.rmtree(working, ignore_errors=True)
            shutil.copytree(pristine, working)
        else:
            working.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pristine, working)
            working.chmod(0o600)
    done = subprocess.run(
        [sys.executable, "-S", "-c", _TRAMPOLINE, str(SETTINGS["timeout"]), *case.argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=case.env if case.env is not None else base_env(),
    )
    elapsed_text, peak_text, code_text = done.stdout.decode().split()
    elapsed, peak, code = float(elapsed_text), int(peak_text), int(code_text)
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return elapsed, peak, code, lines[-1] if lines else ""


def measure(case: Case, runs: int) -> Result:
    result = Result(case.name, status=case.status)
    if case.status != "ok":
        return result
    attempt, planned = 0, runs
    while attempt <= planned:  # the first run warms the page cache and the .pyc files
        seconds, peak, code, last = run_once(case)
        if code == -9 and seconds >= SETTINGS["timeout"]:
            result.status = f"over {SETTINGS['timeout']} s (stopped)"
            result.times = []
            return result
        if attempt == 0 and seconds > SLOW:
            planned = min(runs, 2)  # a peer taking many seconds: two timed runs say enough
        attempt += 1
        if code != 0:
            result.status = f"failed (exit {code}): {last[:120]}"
            result.times = []
            return result
        if attempt > 1:
            result.times.append(seconds)
            result.peak_kib = max(result.peak_kib, peak)
    return result


# --- what is installed ------------------------------------------------------------------


def python_of(command: str) -> str:
    """The interpreter behind an installed console script (its shebang), else this one."""
    try:
        first = Path(command).read_bytes()[:300].split(b"\n", 1)[0].decode()
    except OSError:
        return sys.executable
    if first.startswith("#!") and "python" in first:
        candidate = first[2:].strip().split()[0]
        if Path(candidate).exists():
            return candidate
    return sys.executable


def find_peer(name: str, folders: list[Path]) -> str | None:
    for folder in folders:
        candidate = folder / name
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def has_command(komsos: str, command: str, env: dict[str, str]) -> bool:
    done = subprocess.run([komsos, command, "--help"], capture_output=True, env=env, timeout=60)
    return done.returncode == 0


def version_of(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, timeout=60, text=True)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else "?"


# --- the data ------------------------------------------------------------------------------


@dataclass
class Data:
    size: int
    store: Path
    imports: Path  # size/10 new entries in the JSON shape `export --format json` writes
    jrnl_config: Path
    jrnl_journal: Path
    watson_dir: Path


def prepare(size: int, workdir: Path, want_peers: bool) -> Data:
    """The files of one size, generated once and kept in `workdir` (named by the generator's version)."""
    folder = workdir / f"v{generate.GENERATOR_VERSION}-{size}"
    data = Data(
        size=size,
        store=folder / "komsos.json",
        imports=folder / "import.json",
        jrnl_config=folder / "jrnl" / "jrnl.yaml",
        jrnl_journal=folder / "jrnl" / "journal.txt",
        watson_dir=folder / "watson",
    )
    done = folder / "complete"
    if done.exists() and (not want_peers or data.watson_dir.exists()):
        return data
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"generating {size:,} entries in {folder} ...", file=sys.stderr, flush=True)
    items = generate.write_store(data.store, size)
    new = generate.entries(max(1, size // 10), seed=generate.SEED + size)
    data.imports.write_bytes(generate._dumps(new))
    generate.write_jrnl(data.jrnl_journal, items)
    generate.write_jrnl_config(data.jrnl_config, data.jrnl_journal)
    generate.write_watson(data.watson_dir, items)
    done.write_text("ok\n")
    print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return data


# --- the cases -----------------------------------------------------------------------------


def startup_cases(
    python: str, komsos: str, env: dict[str, str], peers: dict[str, str | None], work: Path
) -> list[Case]:
    append_target = work / "append.log"
    append = (
        "import os,sys; fd=os.open(sys.argv[1], os.O_WRONLY|os.O_APPEND|os.O_CREAT, 0o600); "
        "os.write(fd, b'2025-01-17 Komsos di Desa Pematang Jaya\\n'); os.fsync(fd); os.close(fd)"
    )
    cases = [
        Case("python -c pass", [python, "-c", "pass"]),
        Case('python -c "import typer"', [python, "-c", "import typer"]),
        Case("append one line + fsync", [python, "-c", append, str(append_target)]),
        Case("komsos --help", [komsos, "--help"], env),
    ]
    watson = peers.get("watson")
    cases.append(
        Case("watson --help", [watson, "--help"]) if watson else Case("watson --help", [], status="not installed")
    )
    return cases


def parse_floor_cases(python: str, data: Data) -> list[Case]:
    # The floor: the fastest parse of the same file, then leaving the process at once (no teardown).
    orjson_code = "import gc,os,sys,orjson; gc.disable(); orjson.loads(open(sys.argv[1],'rb').read()); os._exit(0)"
    json_code = "import sys,json; json.loads(open(sys.argv[1],'rb').read())"
    return [
        Case("floor: parse store (orjson, gc paused)", [python, "-c", orjson_code, str(data.store)]),
        Case("floor: parse store (json)", [python, "-c", json_code, str(data.store)]),
    ]


def komsos_cases(komsos: str, env: dict[str, str], data: Data, available: dict[str, bool], work: Path) -> list[Case]:
    db = ["--db", str(data.store)]
    scratch = work / "scratch" / "komsos.json"
    scratch_db = ["--db", str(scratch)]
    fresh = [(data.store, scratch)]

    def case(name: str, command: str, argv: list[str], copy: bool = False) -> Case:
        if not available.get(command, False):
            return Case(name, [], status="not available")
        return Case(name, [komsos, *(scratch_db if copy else db), *argv], env, fresh if copy else [])

    return [
        case(
            f"komsos list --village '{generate.TARGET_VILLAGE}'", "list", ["list", "--village", generate.TARGET_VILLAGE]
        ),
        case("komsos list --limit 20", "list", ["list", "--limit", "20"]),
        case("komsos record (fresh copy)", "record", list(RECORD_ARGS), copy=True),
        case("komsos summary", "summary", ["summary"]),
        case("komsos export --format csv", "export", ["export", "--format", "csv"]),
        case(
            f"komsos import {max(1, data.size // 10):,} new (fresh copy)",
            "import",
            ["import", str(data.imports)],
            copy=True,
        ),
    ]


def peer_cases(peers: dict[str, str | None], data: Data, work: Path) -> list[Case]:
    jrnl, watson = peers.get("jrnl"), peers.get("watson")
    cases: list[Case] = []
    if jrnl:
        config = ["--config-file", str(data.jrnl_config)]
        scratch = work / "scratch-jrnl"
        scratch_config = scratch / "jrnl.yaml"
        scratch_journal = scratch / "journal.txt"
        scratch.mkdir(parents=True, exist_ok=True)
        generate.write_jrnl_config(scratch_config, scratch_journal)
        text = "Komsos di Desa Pematang Jaya. Warga menyampaikan situasi aman dan kondusif @keamanan"
        cases += [
            Case("jrnl -n 10", [jrnl, *config, "-n", "10"]),
            Case(
                "jrnl record (fresh copy)",
                [jrnl, "--config-file", str(scratch_config), text],
                None,
                [(data.jrnl_journal, scratch_journal)],
            ),
        ]
    else:
        cases += [Case("jrnl -n 10", [], status="not installed"), Case("jrnl record", [], status="not installed")]
    if watson:
        scratch = work / "scratch-watson"
        log_env = {**base_env(), "WATSON_DIR": str(data.watson_dir)}
        add_env = {**base_env(), "WATSON_DIR": str(scratch)}
        add = [watson, "add", "-f", "2025-01-17 08:30", "-t", "2025-01-17 09:30", "Pematang-Jaya", "+komsos"]
        cases += [
            Case("watson log", [watson, "log", "--no-pager"], log_env),
            Case("watson add (fresh copy)", add, add_env, [(data.watson_dir, scratch)]),
        ]
    else:
        cases += [Case("watson log", [], status="not installed"), Case("watson add", [], status="not installed")]
    return cases


# --- the report --------------------------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def ratio(result: Result, base: Result | None) -> str:
    if not result.ok or base is None or not base.ok:
        return ""
    return f"{result.median / base.median:.2f}×"


def row(result: Result, *bases: Result | None) -> str:
    if not result.ok:
        return f"| {result.name} | {result.status} |  |  |" + " |" * len(bases)
    spread = f"{seconds(min(result.times))} – {seconds(max(result.times))}"
    ratios = " | ".join(ratio(result, base) for base in bases)
    return f"| {result.name} | {seconds(result.median)} | {spread} | {result.peak_mib:.0f} | {ratios} |"


def find(results: list[Result], prefix: str) -> Result | None:
    return next((r for r in results if r.name.startswith(prefix)), None)


@dataclass
class Goal:
    text: str
    measured: str
    met: bool | None  # None: cannot tell (something missing)


def check(text: str, value: float | None, limit: float | None, unit: str = "×") -> Goal:
    if value is None or limit is None:
        return Goal(text, "not measured", None)
    shown = f"{value:.2f}{unit}" if unit == "×" else (seconds(value) if unit == "s" else f"{value:.0f} MiB")
    return Goal(text, shown, value <= limit)


def goals(startup: list[Result], sizes: dict[int, list[Result]]) -> list[Goal]:
    def median(results: list[Result] | None, prefix: str) -> float | None:
        found = find(results or [], prefix)
        return found.median if found and found.ok else None

    def over(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    out: list[Goal] = []
    help_ = median(startup, "komsos --help")
    out.append(check("`komsos --help` ≤ 2 × `watson --help`", over(help_, median(startup, "watson --help")), 2))
    ten = sizes.get(10_000)
    if ten is not None:
        out.append(check("10k: `list --village` ≤ 0.55 × `jrnl -n 10`",
                         over(median(ten, "komsos list --village"), median(ten, "jrnl -n 10")), 0.55))  # fmt: skip
        out.append(check("10k: `record` ≤ 0.5 × `watson add`",
                         over(median(ten, "komsos record"), median(ten, "watson add")), 0.5))  # fmt: skip
    big = sizes.get(100_000)
    if big is not None:
        floor = median(big, "floor: parse store (orjson")
        # The goals of issue 12, against the floor measured in the same run.
        out.append(check("100k: `list --village` ≤ 1.3 × parse floor",
                         over(median(big, "komsos list --village"), floor), 1.3))  # fmt: skip
        out.append(check("100k: `summary` ≤ 1.5 × parse floor", over(median(big, "komsos summary"), floor), 1.5))
        out.append(check("100k: `record` ≤ 1.6 × parse floor", over(median(big, "komsos record"), floor), 1.6))
        out.append(check("100k: `export --format csv` ≤ 2.0 × parse floor",
                         over(median(big, "komsos export"), floor), 2.0))  # fmt: skip
        out.append(check("100k: `import` of 10k ≤ 2.5 × parse floor", over(median(big, "komsos import"), floor), 2.5))
        peaks = [r.peak_mib for r in big if r.ok and r.name.startswith("komsos")]
        out.append(check("100k: peak memory < 400 MiB", max(peaks) if peaks else None, 400, "MiB"))
    one = sizes.get(1_000)
    typer_floor = median(startup, 'python -c "import typer"')
    if one is not None and typer_floor:
        candidates = [*one, find(startup, "komsos --help")]
        komsos_rows = [r for r in candidates if r is not None and r.ok and r.name.startswith("komsos")]
        worst = max(komsos_rows, key=lambda r: r.median, default=None)
        goal = check("1k: every command ≤ 2 × `python -c \"import typer\"`",
                     over(worst.median, typer_floor) if worst else None, 2)  # fmt: skip
        if worst:
            goal.measured += f" (slowest: {worst.name})"
        out.append(goal)
    out.append(linearity(startup, sizes))
    return out


def linearity(startup: list[Result], sizes: dict[int, list[Result]]) -> Goal:
    """The growth exponent of each command's cost above start-up between the two largest sizes."""
    measured = sorted(sizes)
    if len(measured) < 2:
        return Goal("no command grows faster than linearly", "needs two sizes", None)
    small, large = measured[-2], measured[-1]
    base_result = find(startup, "komsos --help")
    base = base_result.median if base_result and base_result.ok else 0.0
    worst_name, worst = "", 0.0
    for result in sizes[large]:
        if not (result.ok and result.name.startswith("komsos")):
            continue
        # the import row's name carries its size; match on the command words
        key = " ".join(result.name.split()[:2])
        before = find(sizes[small], key)
        if before is None or not before.ok:
            continue
        above_small, above_large = before.median - base, result.median - base
        if above_small <= 0.01 or above_large <= 0:
            continue  # too close to start-up to say
        exponent = math.log(above_large / above_small) / math.log(large / small)
        if exponent > worst:
            worst_name, worst = key, exponent
    text = f"no command grows faster than linearly (cost above start-up, {small:,} → {large:,}: exponent ≤ 1.1)"
    return Goal(text, f"{worst:.2f} ({worst_name})" if worst_name else "n/a", worst <= 1.1 if worst_name else None)


def report(
    startup: list[Result], sizes: dict[int, list[Result]], info: dict[str, str], runs: int
) -> str:  # fmt: skip
    lines = [
        f"Run {info['when']} on {info['machine']}; {info['python']}; {info['komsos']}; typer {info['typer']}; "
        f"jrnl: {info['jrnl']}; watson: {info['watson']}. {runs} runs per command after one warm-up; "
        "wall time of the whole process; peak = max RSS of the process.",
        "",
        "### Goals (issue 7)",
        "",
        "| goal | measured | met |",
        "|---|---|---|",
    ]
    for goal in goals(startup, sizes):
        mark = {True: "yes", False: "**no**", None: "—"}[goal.met]
        lines.append(f"| {goal.text} | {goal.measured} | {mark} |")
    typer_floor = find(startup, 'python -c "import typer"')
    watson_help = find(startup, "watson --help")
    lines += [
        "",
        "### Start-up (no store)",
        "",
        "| command | median | min – max | peak MiB | × import typer | × watson --help |",
        "|---|---|---|---|---|---|",
    ]
    lines += [row(result, typer_floor, watson_help) for result in startup]
    for size, results in sizes.items():
        floor = find(results, "floor: parse store (orjson")
        jrnl = find(results, "jrnl -n 10")
        watson_add = find(results, "watson add")
        lines += [
            "",
            f"### {size:,} entries (store {info.get(f'store{size}', '?')})",
            "",
            "| command | median | min – max | peak MiB | × parse floor | × import typer | × jrnl -n 10 "
            "| × watson add |",
            "|---|---|---|---|---|---|---|---|",
        ]
        lines += [row(result, floor, typer_floor, jrnl, watson_add) for result in results]
    return "\n".join(lines) + "\n"


def write_between_markers(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in old or END not in old:
        old = old.rstrip("\n") + f"\n\n## Latest benchmark run\n\n{START}\n{END}\n"
    head, rest = old.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--komsos", default=None, help="the komsos command to time (default: `komsos` on PATH)")
    parser.add_argument("--sizes", default=None, help="store sizes, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per command (default 5)")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 entries, 3 runs, write nothing")
    parser.add_argument("--output", type=Path, default=None,
                        help="the Markdown file to write the table into (default docs/performance.md; "
                             "with --quick nothing is written unless given)")  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "komsos-bench",
                        help="where generated stores are kept between runs")  # fmt: skip
    parser.add_argument("--peers", action="append", type=Path, default=[],
                        help="a folder holding jrnl and watson (default: /tmp/peers/bin, then PATH)")  # fmt: skip
    parser.add_argument("--no-peers", action="store_true", help="do not time jrnl and Watson")
    parser.add_argument("--timeout", type=int, default=SETTINGS["timeout"], help="stop a run after this many seconds")
    args = parser.parse_args(argv)
    SETTINGS["timeout"] = args.timeout

    komsos = args.komsos or shutil.which("komsos")
    if not komsos or not Path(komsos).exists():
        parser.error("no komsos command: install komsos (pip install .) or pass --komsos PATH")
    komsos = str(Path(komsos).resolve()) if os.sep in komsos else komsos
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [1_000, 10_000] if args.quick else list(DEFAULT_SIZES))  # fmt: skip
    runs = args.runs or (3 if args.quick else 5)
    output = args.output or (None if args.quick else HERE.parent / "docs" / "performance.md")

    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    python = python_of(komsos)
    env = {**base_env(), "KOMSOS_HOME": str(work / "home"), "KOMSOS_INTERACTIVE": "0", "KOMSOS_LANG": "en",
           "COLUMNS": "120", "NO_COLOR": "1"}  # fmt: skip
    env.pop("KOMSOS_DB", None)
    peers: dict[str, str | None] = {"jrnl": None, "watson": None}
    if not args.no_peers:
        folders = [*args.peers, *PEER_FOLDERS]
        peers = {name: find_peer(name, folders) for name in peers}
    available = {c: has_command(komsos, c, env) for c in ("list", "record", "summary", "export", "import")}
    info = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "python": "Python " + version_of([python, "-c", "import sys;print(sys.version.split()[0])"]),
        "komsos": version_of([komsos, "--version"]),
        "typer": version_of([python, "-c", "import typer;print(typer.__version__)"]),
        "jrnl": version_of([peers["jrnl"], "--version"]) if peers["jrnl"] else "not installed",
        "watson": version_of([peers["watson"], "--version"]) if peers["watson"] else "not installed",
    }  # fmt: skip
    shown = ", ".join(f"{c}{'' if ok else ' (not available)'}" for c, ok in available.items())
    print(f"timing {komsos} ({info['komsos']}); commands: {shown}", file=sys.stderr)

    startup = [measure(case, runs) for case in startup_cases(python, komsos, env, peers, work)]
    _progress(startup)
    by_size: dict[int, list[Result]] = {}
    for size in sizes:
        data = prepare(size, work, want_peers=any(peers.values()))
        info[f"store{size}"] = f"{data.store.stat().st_size / 1e6:.1f} MB"
        cases = [*parse_floor_cases(python, data), *komsos_cases(komsos, env, data, available, work),
                 *peer_cases(peers, data, work)]  # fmt: skip
        by_size[size] = []
        for case in cases:
            by_size[size].append(measure(case, runs))
            _progress(by_size[size][-1:], size)

    text = report(startup, by_size, info, runs)
    print()
    print(text)
    if output is not None:
        write_between_markers(output, text)
        print(f"written into {output}", file=sys.stderr)
    return 0


def _progress(results: list[Result], size: int | None = None) -> None:
    for result in results:
        shown = f"{seconds(result.median)} (peak {result.peak_mib:.0f} MiB)" if result.ok else result.status
        print(f"  {'' if size is None else f'{size:>7,} '}{result.name}: {shown}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
