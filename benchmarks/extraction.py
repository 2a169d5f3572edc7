"""Per-field precision and recall of `komsos parse` against reports whose fields a careful reader wrote down.

    python benchmarks/extraction.py                       # tests/fixtures/corpus (the five real reports)
    python benchmarks/extraction.py DIR [--truth FILE]    # any folder of reports + truth.jsonl
    python benchmarks/extraction.py --no-gazetteer        # the text alone, no place look-ups
    python benchmarks/extraction.py --all                 # the seeds, variants/ and harder/, one table each

truth.jsonl holds one object per report: `file` (relative to DIR's parent or DIR) and the fields
date, time (scored only where the truth has the key), babinsa [{rank, name}], koramil, kodim, village,
village_kind, hamlet, kecamatan, kabupaten, province, activity_kinds, venue, counterparts, topics,
situation (null = not stated).

Scalar fields: a value found and equal to the truth is a true positive; found and different
is a false positive (and a miss when the truth has one); not found while the truth has one is
a miss. List fields count items. Free-text fields (hamlet, venue, counterparts) are scored
twice: exact (after case and punctuation folding) and lenient (one contains the other).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from komsos_cli.model import normalize_unit  # noqa: E402
from komsos_cli.names import fold  # noqa: E402
from komsos_cli.narrative import decode_report, parse_text  # noqa: E402

SCALARS = (
    "date",
    "time",
    "koramil",
    "kodim",
    "village",
    "village_kind",
    "hamlet",
    "kecamatan",
    "kabupaten",
    "province",
    "venue",
    "situation",
)
LISTS = ("babinsa", "activity_kinds", "counterparts", "topics")
LENIENT = ("hamlet", "venue", "counterparts")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def _canon(field: str, value: Any) -> str:
    if field == "koramil":
        return fold(normalize_unit(str(value), "Koramil"))
    if field == "kodim":
        return fold(normalize_unit(str(value), "Kodim"))
    if field == "babinsa":
        return fold(f"{value['rank']} {value['name']}")
    return fold(str(value))


def _same(field: str, found: Any, truth: Any, lenient: bool) -> bool:
    a, b = _canon(field, found), _canon(field, truth)
    return a == b or (lenient and bool(a) and bool(b) and (a in b or b in a))


def predicted(extraction: Any) -> dict[str, Any]:
    fields = dict(extraction.fields)
    fields["activity_kinds"] = extraction.activity_kinds
    return fields


def score(pairs: list[tuple[dict[str, Any], dict[str, Any]]], lenient: bool = False) -> dict[str, Score]:
    scores = {field: Score() for field in (*SCALARS, *LISTS)}
    for found, truth in pairs:
        for field in SCALARS:
            if field not in truth:
                continue  # a truth file written before the field was read (the seeds have no `time`)
            s = scores[field]
            value, expected = found.get(field), truth.get(field)
            if value is None and expected is None:
                continue
            if value is None:
                s.fn += 1
            elif expected is None:
                s.fp += 1
            elif _same(field, value, expected, lenient and field in LENIENT):
                s.tp += 1
            else:
                s.fp += 1
                s.fn += 1
        for field in LISTS:
            s = scores[field]
            values = list(found.get(field) or [])
            expected = list(truth.get(field) or [])
            unmatched = list(expected)
            for value in values:
                match = next(
                    (e for e in unmatched if _same(field, value, e, lenient and field in LENIENT)),
                    None,
                )
                if match is None:
                    s.fp += 1
                else:
                    s.tp += 1
                    unmatched.remove(match)
            s.fn += len(unmatched)
    return scores


def load(directory: Path, truth_file: Path, gazetteer: bool) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    rows: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for line in truth_file.read_text("utf-8-sig").splitlines():
        if not line.strip():
            continue
        truth = json.loads(line)
        name = Path(truth["file"]).name
        path = directory / name
        text, _encoding = decode_report(path.read_bytes(), str(path))  # as `komsos parse` reads it
        extraction = parse_text(text, gazetteer=gazetteer)
        rows.append((name, predicted(extraction), truth))
    return rows


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{value * 100:5.1f}%"


def table(scores: dict[str, Score], lenient: dict[str, Score]) -> str:
    lines = [
        f"{'field':<16}{'TP':>4}{'FP':>4}{'FN':>4}  {'precision':>9}  {'recall':>7}   lenient P / R",
        "-" * 72,
    ]
    total = Score()
    for field, s in scores.items():
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        extra = ""
        if field in LENIENT:
            extra = f"   {_pct(lenient[field].precision)} / {_pct(lenient[field].recall)}"
        lines.append(f"{field:<16}{s.tp:>4}{s.fp:>4}{s.fn:>4}  {_pct(s.precision):>9}  {_pct(s.recall):>7}{extra}")
    lines.append("-" * 72)
    counts = f"{total.tp:>4}{total.fp:>4}{total.fn:>4}"
    lines.append(f"{'all (micro)':<16}{counts}  {_pct(total.precision):>9}  {_pct(total.recall):>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", default=str(ROOT / "tests" / "fixtures" / "corpus"))
    parser.add_argument("--truth", help="truth.jsonl (default: DIR/truth.jsonl, else DIR/../truth.jsonl)")
    parser.add_argument("--no-gazetteer", action="store_true", help="do not check places against the gazetteer")
    parser.add_argument("--show", action="store_true", help="print each report's differences")
    parser.add_argument("--all", action="store_true", help="the seeds, variants/ and harder/: one table each")
    args = parser.parse_args(argv)
    if args.all:
        corpus = ROOT / "tests" / "fixtures" / "corpus"
        folders = [corpus, corpus / "variants", corpus / "harder"]
        flags = [*(["--no-gazetteer"] if args.no_gazetteer else []), *(["--show"] if args.show else [])]
        for number, folder in enumerate(folders):
            if number:
                print()
            main([str(folder), *flags])
        return 0
    directory = Path(args.directory)
    truth_file = Path(args.truth) if args.truth else directory / "truth.jsonl"
    if not truth_file.exists():
        truth_file = directory.parent / "truth.jsonl"
    if (directory / "reports").is_dir():
        directory = directory / "reports"
    rows = load(directory, truth_file, gazetteer=not args.no_gazetteer)
    pairs = [(found, truth) for _, found, truth in rows]
    if args.show:
        for name, found, truth in rows:
            for field in (*SCALARS, *LISTS):
                if score([(found, truth)])[field].fp or score([(found, truth)])[field].fn:
                    print(f"{name} {field}: found {found.get(field)!r}, truth {truth.get(field)!r}")
    print(f"{len(rows)} reports, {directory}")
    print(table(score(pairs), score(pairs, lenient=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
