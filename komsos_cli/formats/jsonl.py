"""JSON Lines: one entry per line, keys in `model.FIELDS` order; good for streams and `jq -c`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..messages import t
from . import ExportOptions, Row
from .json import loads, ordered

if TYPE_CHECKING:
    from ..model import Entry

# Lines per piece of a streamed export (as csv's).
CHUNK_LINES = 5000


def write(entries: Sequence[Entry], options: ExportOptions) -> bytes:
    return b"".join(write_chunks(entries, options))


def write_chunks(entries: Iterable[Entry], options: ExportOptions) -> Iterator[bytes]:
    """The file in pieces of CHUNK_LINES lines, as the entries come."""
    from itertools import islice

    import orjson

    dumps = orjson.dumps
    entries = iter(entries)
    while piece := [dumps(ordered(entry)) + b"\n" for entry in islice(entries, CHUNK_LINES)]:
        yield b"".join(piece)


def read(payload: bytes) -> list[Row]:
    return list(read_lines(payload.split(b"\n")))


def read_lines(lines: Iterable[bytes]) -> Iterator[Row]:
    """The rows of a JSON Lines file given line by line (a file handle): a big export is read
    as a stream, never whole. A blank line is skipped; a byte-order mark opens the first."""
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        item = loads(line, "line", number)
        if not isinstance(item, dict):
            raise InvalidInput(t("exchange.json.not_object", where=t("exchange.where.line", number=number)))
        yield Row("line", number, item)


def decode(values: Mapping[str, object]) -> dict[str, object]:
    return dict(values)
