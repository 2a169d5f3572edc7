"""The entry is typed (issue 13): mypy --strict checks an entry field by field, wherever it comes from."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "komsos_cli"

# Each line marked `# wrong: CODE` misuses an entry field; mypy must name that line with that error code
# (and no other line). The right uses beside them must pass.
MISUSES = textwrap.dedent(
    """\
    from komsos_cli.model import Entry, validate_entry
    from komsos_cli.store import Store


    def misuses(entry: Entry, store: Store) -> None:
        entry["village"] + 1  # wrong: operator
        entry["vilage"]  # wrong: typeddict-item
        entry["follow_up"]["action"]  # wrong: index
        entry["babinsa"][0]["pangkat"]  # wrong: typeddict-item
        entry["place_matched"] = "ya"  # wrong: typeddict-item
        store.find("ab12")["situation"].upper()  # wrong: union-attr
        validate_entry({"date": "2025-01-17"})["topics"].upper()  # wrong: attr-defined


    def right_uses(entry: Entry, store: Store) -> str:
        follow = entry["follow_up"]
        action = follow["action"] if follow else ""
        people = ", ".join(person["rank"] + " " + person["name"] for person in entry["babinsa"])
        photos = [photo["name"] for photo in entry.get("photos", [])]
        return entry["village"].upper() + action + people + str(photos) + store.find("ab12")["date"]
    """
)


@pytest.mark.slow
def test_mypy_checks_an_entry_field_by_field(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(MISUSES, "utf-8")
    wrong = {
        number: line.rsplit("# wrong: ", 1)[1]
        for number, line in enumerate(MISUSES.splitlines(), start=1)
        if "# wrong: " in line
    }
    out, err, status = api.run(
        [
            "--strict",
            "--no-error-summary",
            "--show-error-codes",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(probe),
        ]
    )
    assert status == 1, err
    found: dict[int, set[str]] = {}
    for line in out.splitlines():
        match = re.match(rf"{re.escape(str(probe))}:(\d+): error: .*\[([a-z-]+)\]$", line)
        if match:
            found.setdefault(int(match.group(1)), set()).add(match.group(2))
    assert {number: {code} for number, code in wrong.items()} == found, out


# `Any` in the package before the typed entry: 530 (`grep -rhow Any komsos_cli --include=*.py | wc -l`);
# the issue asked for at least 80 % fewer, and none is left. A value whose type is really unknown (JSON
# read from a file before it is checked, a row of SQLite) is `object`, narrowed where it is read.


def test_the_package_uses_no_any() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"\bAny\b", line)
    ]
    assert not found, f"Any in komsos_cli/: {', '.join(found)}"
