"""For any entries, export then import into an empty store gives back the same entries."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from komsos_cli import exchange
from komsos_cli.errors import InvalidInput
from komsos_cli.formats import ExportOptions, tabular
from komsos_cli.model import KINDS, PARTS_OF_DAY, RANKS, SITUATIONS, VILLAGE_KINDS, Entry, validate_entry
from komsos_cli.store import FileStore as Store

# Any Unicode text but lone surrogates (no UTF-8 file or JSON store can hold them).
ANY_CHAR = st.characters(codec="utf-8")
TRICKY = st.sampled_from(
    [
        *(
            "=",
            "+",
            "-",
            "@",
            "'",
            "''",
            "\t",
            "\n",
            "\r\n",
            ";",
            "; ",
            ",",
            '"',
            '""',
            "\\",
            "\\;",
            "_x0041_",
            "_x",
            " ",
        ),
        # what a spreadsheet would read as a number or a date
        *("03/04", "0812345678", "1.234", "12,5", "1e5", "(5)", "7"),
    ]
)


def texts(max_size: int = 12) -> st.SearchStrategy[str]:
    """Text mixing any characters with delimiters, quotes, newlines and formula starts."""
    piece = st.one_of(st.text(ANY_CHAR, max_size=4), TRICKY, st.sampled_from(["Sulaimān", "Ñ", "Kadus Dsn 2"]))
    return st.lists(piece, max_size=max_size).map("".join)


def required_text() -> st.SearchStrategy[str]:
    # Ends with a letter so that cleaning never leaves it empty; may start with anything.
    return st.builds(lambda head, tail: head + tail, texts(6), st.sampled_from(["a", "Ñ", "7"]))


@st.composite
def raw_entries(draw: st.DrawFn) -> dict[str, Any]:
    created = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)))
    updated = created + draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)))
    follow_up: dict[str, Any] | None = draw(
        st.one_of(
            st.none(),
            st.builds(
                lambda action, done, on, note: {
                    "action": action,
                    "status": "done" if done else "open",
                    "resolved_on": on,
                    "note": note,
                },
                required_text(),
                st.booleans(),
                st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2030, 1, 1)).map(date.isoformat)),
                st.one_of(st.none(), texts()),
            ),
        )
    )
    return {
        "id": str(draw(st.uuids())),
        "date": draw(st.dates(date(2000, 1, 1), date(2030, 12, 31))).isoformat(),
        "time": draw(st.one_of(st.none(), st.sampled_from(["08:30", "23:59", *PARTS_OF_DAY]))),
        "kind": draw(st.sampled_from(KINDS)),
        "babinsa": draw(
            st.lists(
                st.builds(lambda r, n: {"rank": r, "name": n}, st.sampled_from(RANKS), required_text()),
                min_size=1,
                max_size=3,
            )
        ),
        "koramil": draw(st.one_of(st.none(), texts(), st.just("Koramil 03/Kebakkramat"))),
        "kodim": draw(st.one_of(st.none(), texts())),
        "village": draw(required_text()),
        "village_kind": draw(st.one_of(st.none(), st.sampled_from(VILLAGE_KINDS))),
        "hamlet": draw(st.one_of(st.none(), texts())),
        "kecamatan": draw(st.one_of(st.none(), texts())),
        "kabupaten": draw(st.one_of(st.none(), texts())),
        "province": draw(st.one_of(st.none(), texts())),
        "venue": draw(st.one_of(st.none(), texts())),
        "counterparts": draw(st.lists(texts(), max_size=4)),
        "topics": draw(st.lists(texts(4), max_size=3)),
        "summary": draw(required_text()),
        "situation": draw(st.one_of(st.none(), st.sampled_from(SITUATIONS))),
        "findings": draw(st.lists(texts(), max_size=3)),
        "follow_up": follow_up,
        "place_matched": draw(st.booleans()),
        "created_at": created.isoformat(),
        "updated_at": updated.isoformat(),
    }


@st.composite
def entry_lists(draw: st.DrawFn) -> list[Entry]:
    entries: dict[str, Entry] = {}
    for raw in draw(st.lists(raw_entries(), min_size=1, max_size=4)):
        try:
            entry = validate_entry(raw)
        except InvalidInput:
            continue  # e.g. a name that cleans to nothing: not an entry the store can hold
        entries[entry["id"]] = entry
    return list(entries.values())


VARIANTS = [
    ("csv", ExportOptions()),
    ("csv", ExportOptions(delimiter=";")),
    ("csv", ExportOptions(delimiter=";", lang="id")),
    ("xlsx", ExportOptions()),
    ("xlsx", ExportOptions(lang="id")),
    ("json", ExportOptions()),
    ("jsonl", ExportOptions()),
]


@pytest.mark.slow  # a long Hypothesis run: 60 lists of entries through every format
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry_lists())
def test_export_then_import_gives_back_the_same_entries_for_every_format(entries: list[Entry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, options) in enumerate(VARIANTS):
            path = Path(folder) / f"export-{number}.{name}"
            path.write_bytes(exchange.export_entries(entries, name, options))
            store = Store(Path(folder) / f"store-{number}.json")
            result = exchange.import_files(store, [path])
            assert (result.added, result.updated, result.skipped) == (len(entries), 0, 0), name
            got = {entry["id"]: entry for entry in store.entries()}
            assert got == {entry["id"]: entry for entry in entries}, (name, options)
            again = exchange.import_files(store, [path])
            assert (again.added, again.updated) == (0, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts(), max_size=5))
def test_any_list_joins_and_splits_back(items: list[str]) -> None:
    assert tabular.split_list(tabular.join_list(items)) == (items if items != [""] else [])


@settings(max_examples=200, deadline=None)
@given(texts())
def test_guard_always_defeats_formulas_and_unguards_exactly(text: str) -> None:
    guarded = tabular.guard(text)
    assert not guarded or guarded[0] not in "=+-@\t\r\n"
    assert not tabular.looks_like_number(guarded)
    assert tabular.unguard(guarded) == text
