"""JSON: one array of entries, each with the keys of `model.FIELDS` in that order.

The shape is the one `komsos list --json` prints. Import also takes one object
(what `komsos show --json` prints).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..messages import t
from ..model import EXTRA_FIELDS, FIELDS
from . import ExportOptions, Row

if TYPE_CHECKING:
    from ..model import Entry


def ordered(entry: Mapping[str, object]) -> dict[str, object]:
    """The entry with its keys in FIELDS order (the documented, stable order), then the EXTRA_FIELDS it has."""
    shaped = {field: entry.get(field) for field in FIELDS}
    for field in EXTRA_FIELDS:
        if entry.get(field):
            shaped[field] = entry[field]
    return shaped


def write(entries: Sequence[Entry], options: ExportOptions) -> bytes:
    import orjson

    return orjson.dumps([ordered(entry) for entry in entries], option=orjson.OPT_INDENT_2) + b"\n"


def loads(payload: bytes, place: str = "", number: int = 0) -> object:
    """Parse JSON text (any JSON value: the caller checks its shape), or InvalidInput saying the
    file (or its line `number`) is not JSON."""
    import orjson

    if payload.startswith(b"\xef\xbb\xbf"):
        payload = payload[3:]
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError as error:
        where = t(f"exchange.where.{place}", number=number) if place else "JSON"
        raise InvalidInput(t("exchange.not_json", where=where, reason=str(error))) from None


def read(payload: bytes) -> list[Row]:
    if not payload.strip():
        raise InvalidInput(t("exchange.empty"))
    data = loads(payload)
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InvalidInput(t("exchange.json.shape"))
    rows: list[Row] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            where = t("exchange.where.entry", number=number)
            raise InvalidInput(t("exchange.json.not_object", where=where))
        rows.append(Row("entry", number, item))
    return rows


def decode(values: Mapping[str, object]) -> dict[str, object]:
    return dict(values)
