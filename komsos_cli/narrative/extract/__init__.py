"""Read an Indonesian narrative Komsos report into entry fields. Pure: text in, data out.

The extractor reads the language of Kodim press releases and Babinsa messages, not
any one report: datelines (`Sukoharjo (16/01/23)`, `Asahan |`), dates with or
without a weekday, `pukul 09.00 WIB`, ranks + names (never the quoted Danramil or
Dandim, never police), Koramil/Kodim numbers in their many spellings, the address
chain `Desa X, Kecamatan Y, Kabupaten Z`, the venue, the people met, the activity
kinds (not those the text says did not happen), topics and the situation.

Everything here works on one string and returns an `Extraction`; the optional
`find_villages` (the gazetteer's, see komsos_cli/places.py) only checks places.

`extract()` below is the pipeline; each field family has its module (and its tests in
tests/test_extract_<module>.py):

    text.py      preparing the text, the words that end a name, sentences
    when.py      the activity's date and hour (the calendar vocabulary is komsos_cli/dates.py's)
    people.py    the Babinsa
    units.py     the Koramil and the Kodim
    places.py    village, hamlet, kecamatan, kabupaten and province as each mention writes them
    address.py   the address chosen among them, checked against the gazetteer
    venue.py     the venue and the people met
    kinds.py     the activity kinds
    topics.py    topics and the situation
    dateline.py  a press release's dateline
    caseless.py  a report typed without capitals
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...messages import t
from ...model import KINDS, LIMIT_ITEMS, LIMIT_SUMMARY, clean_text, koramil_place
from .address import find_address
from .caseless import caseless, truecase
from .dateline import dateline_place
from .kinds import find_kinds
from .people import find_people
from .places import KabupatenFinder, VillageFinder
from .text import NAME_STOPWORDS, blank_related, prepare, sentence_of, sentence_starts
from .topics import find_situation, find_topics
from .units import find_units, headline_end, signature_start
from .venue import find_counterparts, find_venue
from .when import find_date, find_time

__all__ = [
    "EXTRACTED_FIELDS",
    "NAME_STOPWORDS",
    "Extraction",
    "KabupatenFinder",
    "VillageFinder",
    "caseless",
    "dateline_place",
    "extract",
    "prepare",
    "truecase",
]

# The fields the extractor looks for, in the order they are shown.
EXTRACTED_FIELDS = (
    "date",
    "time",
    "kind",
    "babinsa",
    "koramil",
    "kodim",
    "village",
    "village_kind",
    "hamlet",
    "kecamatan",
    "kabupaten",
    "province",
    "venue",
    "counterparts",
    "topics",
    "situation",
    "summary",
)


@dataclass
class Extraction:
    """What one report says. `fields` holds entry values (None / [] when not found), not yet validated."""

    fields: dict[str, object]
    activity_kinds: list[str] = field(default_factory=list)
    date_as_written: str | None = None
    place_matched: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> list[str]:
        return [key for key in EXTRACTED_FIELDS if _present(self.fields.get(key))]

    @property
    def missing(self) -> list[str]:
        return [key for key in EXTRACTED_FIELDS if not _present(self.fields.get(key))]


def _present(value: object) -> bool:
    return value is not None and value != [] and value != ""


# --- putting it together ------------------------------------------------------------


def extract(
    text: str,
    *,
    today: date | None = None,
    find_villages: VillageFinder | None = None,
    find_kabupaten: KabupatenFinder | None = None,
) -> Extraction:
    """Read one report. The gazetteer's `find_villages`/`find_kabupaten`, when given, check and choose places.

    Without them nothing is looked up, and only what the text states is returned.
    """
    today = today or date.today()
    original = prepare(text)
    # The fields come from the text the summary keeps: a file far longer than a report (a year's reports
    # pasted together, a log) is neither read to its end nor half-stored.
    source = blank_related(original[:LIMIT_SUMMARY])
    is_caseless = caseless(source)
    if is_caseless:
        source = truecase(source)  # same length: offsets in `source` hold in `original`
    notes: list[str] = []
    signature_from = signature_start(source)
    body_from = headline_end(source)

    people = find_people(source[:signature_from])
    core = sentence_of(sentence_starts(source), source, people[0].start) if people else None
    when, written, date_end, part_of_day = find_date(source, today, notes, core)
    if written and date_end is not None:
        at = source.rfind(written, 0, date_end)  # as typed, not as the names were capitalised
        written = original[at : at + len(written)] if at >= 0 else written
    units = find_units(source, people, core, signature_from)
    address = find_address(
        source,
        signature_from,
        units.spans,
        caseless_text=is_caseless,
        find_villages=find_villages,
        find_kabupaten=find_kabupaten,
        notes=notes,
        unit_kecamatan=koramil_place(units.koramil),
    )
    venue = find_venue(
        source, address.area_starts + address.hamlet_starts, address.area_starts, signature_from, body_from, core
    )
    counterparts = find_counterparts(source, [p.name for p in people], signature_from, core, body_from)
    kinds = find_kinds(source, core, signature_from)
    assert all(kind in KINDS for kind in kinds)

    summary = clean_text(original[: LIMIT_SUMMARY * 2], multiline=True, limit=LIMIT_SUMMARY * 2)
    if len(summary) > LIMIT_SUMMARY:
        notes.append(t("parse.note.truncated", limit=LIMIT_SUMMARY))
        summary = summary[:LIMIT_SUMMARY].rstrip()

    fields: dict[str, object] = {
        "date": when.isoformat() if when else None,
        "time": find_time(source, date_end, part_of_day),
        "kind": kinds[0] if kinds else None,
        "babinsa": [{"rank": p.rank, "name": p.name} for p in people][:LIMIT_ITEMS],
        "koramil": units.koramil,
        "kodim": units.kodim,
        "village": address.village.name if address.village else None,
        "village_kind": address.village_kind,
        "hamlet": address.hamlet,
        "kecamatan": address.kecamatan,
        "kabupaten": address.kabupaten,
        "province": address.province,
        "venue": venue,
        "counterparts": counterparts[:LIMIT_ITEMS],
        "topics": find_topics(source[:signature_from]),
        "situation": find_situation(source[:signature_from]),
        "summary": summary or None,
    }
    return Extraction(fields, kinds, written, address.place_matched, notes)
