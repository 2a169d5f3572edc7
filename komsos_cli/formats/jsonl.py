"""JSON Lines: one entry per line, keys in `model.FIELDS` order; good for streams and `jq -c`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import InvalidInput
from ..messages import t
from . import ExportOptions, Row
from .json import loads, ordered


def write(entries: Sequence[dict[str, Any]], options: ExportOptions) -> bytes:
    import orjson

    dumps = orjson.dumps
    return b"".join([dumps(ordered(entry)) + b"\n" for entry in entries])


def read(payload: bytes) -> list[Row]:
    if payload.startswith(b"\xef\xbb\xbf"):
        payload = payload[3:]
    if not payload.strip():
        return []  # what export writes for no entries
    rows: list[Row] = []
    for number, line in enumerate(payload.split(b"\n"), start=1):
        if not line.strip():
            continue
        item = loads(line, "line", number)
        if not isinstance(item, dict):
            raise InvalidInput(t("exchange.json.not_object", where=t("exchange.where.line", number=number)))
        rows.append(Row("line", number, item))
    return rows


def decode(values: dict[str, Any]) -> dict[str, Any]:
    return dict(values)
