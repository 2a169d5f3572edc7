"""The exchange formats: one registry, name -> writer/reader. `export` and `import` share it.

Each format lives in its own module (csv, xlsx, json, jsonl) with three functions:

- `write(entries, options) -> bytes`: the whole file; a format may also have
  `write_chunks(entries, options)`, the same bytes in pieces, so a big export is
  written as it is made (csv).
- `read(payload) -> list[Row]`: the rows of a file, or InvalidInput when the file is
  not what it claims to be (binary, truncated, a wrong header).
- `decode(values) -> dict`: one row's values as raw entry values (not yet validated) for
  `model.validate_entry`, or InvalidInput naming the field that cannot be read.

Writers take valid entries (`model.Entry`); readers give rows whose values are whatever the file
held (`dict[str, object]`), checked only later by `validate_entry`.

Modules are imported only when a format is used, so `komsos --help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import InvalidInput
from ..messages import t

if TYPE_CHECKING:
    from ..model import Entry

DELIMITERS = (",", ";")


@dataclass(frozen=True)
class ExportOptions:
    """How a file is written. `lang` changes the header row of csv and xlsx and the words in their
    cells (`ya`/`tidak`, `terbuka`/`selesai` in Indonesian); import reads either language."""

    delimiter: str = ","
    lang: str = "en"


@dataclass(frozen=True)
class Row:
    """One record of a file: its values by field, and where it is (`place` is "row" for a
    spreadsheet row, "entry" for a JSON array item, "line" for a JSON Lines line)."""

    place: str
    number: int
    values: dict[str, object]  # as read: not yet validated

    @property
    def where(self) -> str:
        """`row 3`, in the user's language (formatted only when a message needs it)."""
        return t(f"exchange.where.{self.place}", number=self.number)


Writer = Callable[[Sequence["Entry"], ExportOptions], bytes]
ChunkWriter = Callable[[Iterable["Entry"], ExportOptions], Iterable[bytes]]
Reader = Callable[[bytes], list[Row]]
Decoder = Callable[[Mapping[str, object]], dict[str, object]]


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    module: str
    binary: bool = False  # never written to a terminal
    tabular: bool = False  # has a header row (--lang, --delimiter apply)
    streams: bool = False  # write_chunks takes any iterable and writes as it reads (no entry held)

    def _module(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.module}")

    def write(self, entries: Sequence[Entry], options: ExportOptions) -> bytes:
        writer: Writer = self._module().write
        return writer(entries, options)

    def write_chunks(self, entries: Iterable[Entry], options: ExportOptions) -> Iterable[bytes]:
        """The file in pieces (one piece for a format that has no `write_chunks`: give it a Sequence)."""
        chunker: ChunkWriter | None = getattr(self._module(), "write_chunks", None)
        if chunker is not None:
            return chunker(entries, options)
        return [self.write(entries if isinstance(entries, Sequence) else list(entries), options)]

    def read(self, payload: bytes) -> list[Row]:
        reader: Reader = self._module().read
        return reader(payload)

    def decode(self, values: Mapping[str, object]) -> dict[str, object]:
        decoder: Decoder = self._module().decode
        return decoder(values)


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("csv", (".csv",), "csv", tabular=True, streams=True),
        Format("xlsx", (".xlsx",), "xlsx", binary=True, tabular=True),
        Format("json", (".json",), "json"),
        Format("jsonl", (".jsonl", ".ndjson"), "jsonl", streams=True),
    )
}
DEFAULT = "csv"


def get(name: str) -> Format:
    """The format called `name` (any case), or InvalidInput listing the known ones."""
    fmt = FORMATS.get(name.strip().lower())
    if fmt is None:
        raise InvalidInput(t("exchange.format.unknown", name=name, known=", ".join(FORMATS)))
    return fmt


def guess(path: str | PurePath) -> Format | None:
    """The format that the file name's extension says, or None."""
    suffix = PurePath(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    return None


def sniff(payload: bytes) -> Format:
    """The format a file's first bytes suggest, for a name without a known extension."""
    head = payload.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if payload.startswith(b"PK\x03\x04"):
        return FORMATS["xlsx"]
    if head == b"[":
        return FORMATS["json"]
    if head == b"{":
        return FORMATS["jsonl"]
    return FORMATS["csv"]


__all__ = ["DEFAULT", "DELIMITERS", "FORMATS", "ExportOptions", "Format", "Row", "get", "guess", "sniff"]
