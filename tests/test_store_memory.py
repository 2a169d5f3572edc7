"""The store read in slices and written in pieces: the same tables and the same bytes as one
orjson.loads / orjson.dumps of the whole file, whatever the file holds, at a fraction of the memory."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import komsos_cli.store.jsonfile as store_module
from komsos_cli.errors import StoreError
from komsos_cli.model import SCHEMA_VERSION
from komsos_cli.store import FileStore as Store
from komsos_cli.store import parse_store, read_store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import generate

META = {"1": {"schema_version": SCHEMA_VERSION, "app": "komsos"}}
TRICKY = [
    '},"5":{',
    '}},"history":{"1":{',
    '"entries":{',
    "\\",
    '\\"',
    '\\\\"},"7":{"a":1',
    "Desa Ciherang – Kec. Pamijahan ✓ 日本",
    "\u0000\u001f\u2028",
    "",
]


@contextmanager
def sizes(slice_bytes: int, write_items: int = store_module.WRITE_SLICE_ITEMS) -> Iterator[None]:
    old = store_module.SLICE_BYTES, store_module.WRITE_SLICE_ITEMS
    store_module.SLICE_BYTES, store_module.WRITE_SLICE_ITEMS = slice_bytes, write_items
    try:
        yield
    finally:
        store_module.SLICE_BYTES, store_module.WRITE_SLICE_ITEMS = old


def pieces_of(payload: bytes) -> list[bytes]:
    return [bytes(piece) for piece in store_module._pieces(io.BytesIO(payload))]


def sliced(payload: bytes) -> Any:
    return store_module._loads_pieces(store_module._pieces(io.BytesIO(payload)))


def same(a: Any, b: Any) -> bool:
    """Equal, key order included (orjson.dumps keeps it)."""
    return orjson.dumps(a) == orjson.dumps(b)


def entry(i: int, text: str = "Komsos") -> dict[str, Any]:
    return {
        "id": f"id-{i}",
        "village": "Kemiri" if i % 2 else "Cibunar",
        "date": "2025-01-17",
        "summary": text,
        "babinsa": [{"rank": "Serda", "name": "Nursalim"}],
        "follow_up": {"action": text, "status": "open"} if i % 3 == 0 else None,
        "created_at": "2025-01-17T01:00:00+00:00",
        "updated_at": "2025-01-17T01:00:00+00:00",
    }


def komsos_tables(n: int, text: str = "Komsos", history: int = 0) -> dict[str, Any]:
    return {
        "_meta": META,
        "entries": {str(i): entry(i, text) for i in range(1, n + 1)},
        "history": {
            str(i): {"entry_id": f"id-{i}", "action": "edited", "at": "2025", "version": entry(i, text)}
            for i in range(1, history + 1)
        },
        "profile": {"1": {"babinsa": [{"rank": "Serda", "name": "Nursalim"}], "village": "Kemiri"}},
    }


# --- reading ------------------------------------------------------------------------------


@pytest.mark.parametrize("slice_bytes", [1, 40, 300, 5000])
@pytest.mark.parametrize("text", TRICKY)
def test_strings_that_look_like_cut_points_do_not_move_the_cut(slice_bytes: int, text: str) -> None:
    tables = komsos_tables(12, text=text * 3, history=7)
    payload = orjson.dumps(tables)
    with sizes(slice_bytes):
        assert same(sliced(payload), orjson.loads(payload))
        if slice_bytes < 1000 and "\\" not in orjson.dumps(text).decode()[1:-1]:
            assert len(pieces_of(payload)) > 3  # it really was read in slices


def test_pieces_are_cut_only_between_items_and_rejoin_to_the_file() -> None:
    payload = orjson.dumps(komsos_tables(40, text='},"9":{ \\"', history=5))
    with sizes(100):
        pieces = pieces_of(payload)
    assert b",".join(pieces) == payload
    for piece in pieces[1:]:
        assert piece.startswith(b'"') and piece[1:2].isdigit()


@pytest.mark.parametrize(
    "tables",
    [
        {"_meta": META, "entries": {}, "history": {}, "profile": {}},
        {"_meta": META, "entries": {"1": entry(1)}, "history": {}, "profile": {}},
        {"history": {str(i): {"version": entry(i)} for i in range(1, 9)}, "_meta": META, "entries": {}},
        {"_meta": META, "entries": {str(i): entry(i) for i in range(1, 9)}},
        {"_meta": META, "entries": {str(i): {} for i in range(1, 30)}, "profile": {}},
        {"_meta": META, "entries": {str(i): entry(i) for i in range(1, 9)}, "other": [1, {"2": {}}], "x": None},
    ],
    ids=["empty", "one", "history-first", "no-history", "empty-items", "other-values"],
)
def test_any_table_order_and_empty_tables(tables: dict[str, Any]) -> None:
    payload = orjson.dumps(tables)
    for slice_bytes in (1, 20, 100, 1 << 20):
        with sizes(slice_bytes):
            assert same(sliced(payload), tables)


def test_pretty_printed_or_hand_edited_files_read_exactly_as_a_whole_parse(tmp_path: Path) -> None:
    tables = komsos_tables(30, text='say "},\\"5\\":{"', history=3)
    path = tmp_path / "komsos.json"
    for text in (
        json.dumps(tables, indent=2, ensure_ascii=False),
        json.dumps(tables, separators=(",", ":"), ensure_ascii=True),
        json.dumps(tables, indent=None),
        "\n  " + orjson.dumps(tables).decode() + "\n\n",
    ):
        path.write_text(text, "utf-8")
        with sizes(64):
            assert same(read_store(path), tables)


@pytest.mark.parametrize(
    "payload",
    [
        # a second "entries" (last one wins in a whole parse), spelled plainly, with spaces, with an escape
        b'{"_meta":' + orjson.dumps(META) + b',"entries":{"1":{"a":1},"2":{"a":2}},"entries":{"3":{"a":3},"4":{}}}',
        b'{"_meta":' + orjson.dumps(META) + b',"entries":{"1":{"a":1},"2":{"a":2}},"entries" :{"3":{"a":3},"4":{}}}',
        b'{"_meta":' + orjson.dumps(META) + b',"entries":{"1":{"a":1},"2":{"a":2}},"entri\\u0065s":{"3":{},"4":{}}}',
        b'{"entries":{"1":{"a":1},"2":{}},"history":{"1":{},"2":{}},"entries":{"3":{},"4":{}},"_meta":{"1":{}}}',
        b'{"a/b":{},"x":{},"a\\/b":{"1":{},"2":{}},"y":{"1":{}}}',
        b'{"entries":{"1":{"a":1},"2":{}},"history":{"1":{},"2":{}},"entries":5,"profile":{"1":{},"2":{}}}',
        # a duplicate item id across slices: the last one wins, where the first was
        b'{"entries":{"1":{"a":1},"2":{"a":2},"1":{"a":3},"3":{"a":4}}}',
        # cut points inside an item, at the top level, inside an array
        b'{"entries":{"1":{"x":{"1":{},"2":{"3":{}}}},"2":{}},"5":{"1":{}}}',
        b'{"a":{},"5":{},"6":{"1":{},"2":{}}}',
        b'{"entries":[{"1":{}},{"2":{}}],"x":{"1":{},"2":{}}}',
    ],
)
def test_odd_layouts_give_exactly_what_a_whole_parse_gives(payload: bytes) -> None:
    expected = orjson.loads(payload)
    for slice_bytes in (1, 5, 12, 30):
        with sizes(slice_bytes):
            try:
                result = sliced(payload)
            except (ValueError, store_module._NotSliceable):
                continue  # read_store parses the whole file then
            assert same(result, expected)


def test_odd_layouts_through_read_store(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    meta = orjson.dumps(META)
    path.write_bytes(b'{"_meta":' + meta + b',"entries":{"1":{"a":1},"2":{"a":2}},"entries" :{"3":{"a":3},"4":{}}}')
    with sizes(1):
        read: Mapping[str, object] = read_store(path)  # not entries komsos wrote: seen as plain JSON
        assert read["entries"] == {"3": {"a": 3}, "4": {}}


def test_a_damaged_big_store_fails_with_the_whole_parse_message(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    good = orjson.dumps(komsos_tables(200))
    for damaged in (good[: len(good) // 2], good[:-1], good + b"x", good.replace(b'"5":{', b'"5":[', 1)):
        path.write_bytes(damaged)
        with pytest.raises(StoreError) as whole:
            parse_store(damaged, path)
        with sizes(100), pytest.raises(StoreError) as by_slices:
            read_store(path)
        assert str(by_slices.value) == str(whole.value)
    path.write_bytes(b" " * 200 + b"\n")
    with sizes(10), pytest.raises(StoreError, match="empty"):
        read_store(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(st.sampled_from(list('ab"\\},:{5 é\n'))),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3),
    max_leaves=8,
)
items = st.dictionaries(st.text(st.sampled_from(list('ab"\\}{5,:')), max_size=4), json_values, max_size=4)
tables_strategy = st.dictionaries(
    st.sampled_from(["_meta", "entries", "history", "profile", "5", "", 'x"y', "entri\\es"]),
    st.dictionaries(st.integers(0, 10**6).map(str), items, max_size=8) | json_values,
    max_size=5,
)


@pytest.mark.slow  # 300 drawn stores: a long proof
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=tables_strategy, slice_bytes=st.integers(1, 200))
def test_slices_equal_one_whole_parse_on_any_store(tables: dict[str, Any], slice_bytes: int) -> None:
    payload = orjson.dumps(tables)
    with sizes(slice_bytes):
        try:
            result = sliced(payload)
        except (ValueError, store_module._NotSliceable):
            return  # read_store parses the whole file then
        assert same(result, orjson.loads(payload))


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(2, 40),
    text=st.text(st.sampled_from(list('ab"\\},:{5 é\n\u2028')), max_size=30),
    slice_bytes=st.integers(1, 400),
)
def test_komsos_stores_really_are_read_in_slices(n: int, text: str, slice_bytes: int) -> None:
    tables = komsos_tables(n, text=text, history=n // 2)
    payload = orjson.dumps(tables)
    with sizes(slice_bytes):
        assert same(sliced(payload), tables)  # never falls back to a whole parse on our own layout


# --- sharing repeated values ----------------------------------------------------------------


def test_shared_values_are_one_object_and_the_tables_unchanged(tmp_path: Path) -> None:
    tables = komsos_tables(0)
    tables["entries"] = {str(i): item for i, item in enumerate(generate.entries(300), start=1)}
    tables["entries"]["7"]["village"] = True  # hand-edited: never merged with an equal 1
    tables["entries"]["8"]["village"] = 1
    del tables["entries"]["9"]["kodim"]
    path = tmp_path / "komsos.json"
    path.write_bytes(orjson.dumps(tables))
    with sizes(2000):
        read = read_store(path, share=True)
    assert same(read, tables)
    entries = list(read["entries"].values())
    for field in ("village_kind", "province", "kodim", "kind"):
        values = [e[field] for e in entries if isinstance(e.get(field), str)]
        assert len({id(v) for v in values}) < len(values) / 3, field
    assert sum(e["updated_at"] is e["created_at"] for e in entries) > 200
    hand_edited: Mapping[str, Mapping[str, object]] = read["entries"]  # seen as plain JSON, as edited
    assert hand_edited["7"]["village"] is True and type(hand_edited["8"]["village"]) is int


# --- writing ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(tables=tables_strategy, write_items=st.integers(1, 5))
def test_pieces_written_are_the_bytes_of_one_dumps(tables: dict[str, Any], write_items: int) -> None:
    with sizes(store_module.SLICE_BYTES, write_items):
        written = b"".join(bytes(piece) for piece in store_module._dump_chunks(tables))
        assert written == orjson.dumps(tables)


def test_a_big_store_is_written_in_pieces_byte_for_byte(tmp_path: Path) -> None:
    store = Store(tmp_path / "komsos.json")
    items = generate.entries(25)
    with sizes(300, 4), store.transaction() as tx:
        tx.add_many(items)
    assert isinstance(store_module.dumps_store(orjson.loads(store.path.read_bytes())), bytes)  # small: one piece
    with sizes(300, 4):
        assert not isinstance(store_module.dumps_store(orjson.loads(store.path.read_bytes())), bytes)
        with store.transaction() as tx:
            tx.remove(items[3]["id"])
        tables = Store(store.path).tables()
    assert store.path.read_bytes() == orjson.dumps(tables)
    assert len(tables["entries"]) == 24 and len(tables["history"]) == 1


# --- memory -------------------------------------------------------------------------------

PEAK = r"""
import sys
from pathlib import Path
import komsos_cli.store.jsonfile as store

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
path = Path(sys.argv[1])
store.SLICE_BYTES = int(sys.argv[2])
before = rss("VmRSS")
tables = store.read_store(path)
print(rss("VmHWM") - before, rss("VmRSS") - before)
"""


def test_reading_never_holds_the_whole_file_next_to_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "komsos.json"
    generate.write_store(path, 8000)
    size = path.stat().st_size  # ~7.7 MB

    def peak_over_result(slice_bytes: int) -> int:
        done = subprocess.run(
            [sys.executable, "-c", PEAK, str(path), str(slice_bytes)], capture_output=True, text=True, check=True
        )
        peak, kept = map(int, done.stdout.split())
        return peak - kept

    # Parsed whole (one slice bigger than the file): the bytes and orjson's own document on top.
    assert peak_over_result(size * 2) > size
    # In slices: a few slices' worth on top of the tables, never the file.
    assert peak_over_result(1 << 16) < size // 4
