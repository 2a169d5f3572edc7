"""Which messages of a Koramil's WhatsApp group are reports, and the entries they give.

narrative/chat.py reads the export into messages; this module groups a sender's messages of a few
minutes into one, keeps those that tell what a Babinsa did, and reads each with the extractor as
`komsos parse` reads a report, completed from the message (its time, its sender) and with the photos
sent with it and where it came from. Pure apart from reading the file it is given; no Typer.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from ..errors import InvalidInput
from ..messages import t
from ..model import RANK_BY_LOWER, RANKS, Babinsa, Entry, Photo, Source
from .chat import (
    LIMIT_CHAT_BYTES,
    Chat,
    Message,
    chat_name,
    is_chat_file,
    is_zip,
    looks_like_chat,
    read_chat,
    read_chat_text,
)
from .chat import MARKS_RE as _MARKS_RE

if TYPE_CHECKING:
    from ..store.base import Store
    from . import TextReader
    from .extract import Extraction

# Messages of one sender at most this many minutes apart are one report (text and photos).
MERGE_MINUTES = 5


@dataclass
class ChatReport:
    """Messages of one sender that together are one report."""

    sender: str
    messages: list[Message]

    @property
    def sent_at(self) -> datetime:
        return self.messages[0].sent_at

    @property
    def text(self) -> str:
        return "\n".join(message.text for message in self.messages if message.text)

    @property
    def files(self) -> list[str]:
        return [name for message in self.messages for name in message.files]


@dataclass
class ChatEntry:
    """A report as entry values, what the extractor made of it, and what a record still lacks."""

    report: ChatReport
    values: dict[str, object]
    extraction: Extraction
    missing: list[str]
    babinsa_from_sender: bool = False
    stored_as: str | None = None
    deleted: bool = False  # stored once, then deleted: not stored again


@dataclass
class SenderCount:
    sender: str
    messages: int = 0
    reports: int = 0


class SenderJson(TypedDict):
    sender: str
    messages: int
    reports: int


class ReportJson(TypedDict):
    """One report of `komsos parse CHAT --json`."""

    entry: dict[str, object]
    missing: list[str]
    notes: list[str]
    stored_as: str | None
    deleted: bool


class ChatJson(TypedDict):
    """What `komsos parse CHAT --json` prints."""

    file: str
    chat: str
    messages: int
    report_count: int
    already_stored: int
    deleted_before: int
    senders: list[SenderJson]
    reports: list[ReportJson]


@dataclass
class ChatReading:
    """What `komsos parse CHAT` found: counts per sender and one entry per report."""

    file: str
    chat: str
    messages: int
    senders: list[SenderCount]
    entries: list[ChatEntry]

    @property
    def already_stored(self) -> int:
        return sum(1 for entry in self.entries if entry.stored_as and not entry.deleted)

    @property
    def deleted_before(self) -> int:
        return sum(1 for entry in self.entries if entry.deleted)

    def as_dict(self) -> ChatJson:
        """What `komsos parse CHAT --json` prints: the counts, and per report its entry, what it lacks,
        the notes of the extractor and the id it is already stored under (or null)."""
        from ..model import blank_entry

        reports: list[ReportJson] = []
        for item in self.entries:
            entry = blank_entry()
            entry.update(item.values)
            reports.append(
                {
                    "entry": entry,
                    "missing": item.missing,
                    "notes": list(item.extraction.notes),
                    "stored_as": item.stored_as,
                    "deleted": item.deleted,
                }
            )
        return {
            "file": self.file,
            "chat": self.chat,
            "messages": self.messages,
            "report_count": len(self.entries),
            "already_stored": self.already_stored,
            "deleted_before": self.deleted_before,
            "senders": [
                {"sender": count.sender, "messages": count.messages, "reports": count.reports} for count in self.senders
            ],
            "reports": reports,
        }


# --- which messages are reports -------------------------------------------------------------

_TEMPLATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:\d+[.)]\s*|[-•*]\s*)?(hari\s*/\s*(?:tgl|tanggal)|hari\s*,?\s*tanggal|hari|tgl|tanggal|waktu|jam"
    r"|tempat|lokasi|kegiatan|giat|hasil|personel|pelaksana|bersama|sasaran|materi|situasi|sit|ket|keterangan"
    r"|dokumentasi)[ \t]*[:=][ \t]*(.*)$"
)
_TEMPLATE_CORE = {"tempat", "lokasi", "kegiatan", "giat", "hasil"}
_BLANK_VALUE = re.compile(r"^[\s.\-_…:/]*$")
_ACTIVITY = re.compile(
    r"(?i)\b(?:komsos|komunikasi sosial|anjangsana|patroli|karya bakti|kerja bakti|gotong royong|goro"
    r"|pendampingan|mendampingi|monitoring|memonitor|memantau|puldata|pengumpulan data|sambang|menyambangi"
    r"|mengunjungi|silaturahmi|silaturahim|melaksanakan|melakukan|membantu|penyuluhan|sosialisasi"
    r"|pengamanan|mengamankan|giat)\b"
)
_PLACE = re.compile(
    r"(?i)\b(?:desa|ds|kelurahan|kel|nagari|gampong|kampung|kp|dusun|dsn|rt|rw|rumah|rmh|balai|kantor|masjid"
    r"|musholla|pos kamling|poskamling|sawah|ladang|kebun|lapangan|pasar|warung|sekolah|jalan|jl|kec|kecamatan)\b"
)
_PEOPLE = re.compile(
    r"(?i)\b(?:bersama|dengan|dgn|bapak|bpk|pak|ibu|warga|masyarakat|kades|kadus|sekdes|tokoh|toga|tomas|petani"
    r"|pedagang|linmas|bhabinkamtibmas|ketua rt|perangkat desa)\b"
)
# A commander's word to his Babinsa: addressed to them, or in the imperative.
_INSTRUCTION = re.compile(
    r"(?i)\b(?:(?:kepada|kpd|untuk|utk|bagi)\s+(?:seluruh|semua|para|setiap|tiap|rekan-rekan|rekan2|rekan)?\s*"
    r"(?:babinsa|anggota|personel|personil|jajaran)|laksanakan|laporkan|kirimkan|agar\s+(?:seluruh|semua|setiap"
    r"|tiap|para)|diperintahkan|jangan\s+lupa|(?:rekan-rekan|rekan2|rekan\s+rekan)\s+babinsa"
    r"|(?:desa|wilayah|daerah)\s+binaan\s+masing-masing)\b"
)
# What only a report says: the Babinsa reporting, or the activity as done.
_REPORTING = re.compile(
    r"(?i)\b(?:melaporkan|(?:telah|sudah|selesai)\s+(?:melaksanakan|melakukan|dilaksanakan)|lapor(?:an)?\s+(?:giat|kegiatan)"
    r"|izin\s+lapor|ijin\s+lapor)\b"
)


# A question or a plan is not a report of what was done (unless it reports too).
_NOT_DONE = re.compile(r"(?i)\?|\b(?:besok|nanti|rencana|rencananya|kapan)\b")
# The words of a reply: a message of these alone is chatter (`siap`, `mohon izin`, `86`, `mantap`).
_REPLY_TEXT = """siap siapp izin ijin mohon dan danramil ndan pak bapak komandan 86 mantap mantab ok oke okey
terima kasih makasih trims tks thx lanjutkan laksanakan dilaksanakan monitor dimonitor copy selamat pagi siang
sore malam hormat good morning noted baik sehat semangat amin aamiin alhamdulillah assalamualaikum waalaikumsalam
wassalam ya yes sudah sdh petunjuk arahan maaf saya kami sama luar biasa keren"""
_REPLY_WORDS = frozenset(_REPLY_TEXT.split())


def is_reply(text: str) -> bool:
    """Whether a message is only a reply (`Siap Dan`, `Mohon izin`, `86`, `Mantap 👍`): every word of it
    is a word of replies or at most two letters long."""
    words = re.findall(r"\w+", text.lower())
    return all(word in _REPLY_WORDS or len(word) <= 2 for word in words)


def _template(text: str) -> tuple[int, int]:
    """(labels, filled labels) of a report template in `text`; a filled one has Kegiatan/Tempat/Hasil."""
    labels = filled = 0
    core = False
    for match in _TEMPLATE_LINE.finditer(text):
        labels += 1
        if not _BLANK_VALUE.match(match.group(2)):
            filled += 1
            core = core or re.sub(r"\s", "", match.group(1).lower()) in _TEMPLATE_CORE
    return labels, filled if core else min(filled, 1)


def is_report(text: str) -> bool:
    """Whether `text` tells what a Babinsa did: a filled-in report template, or an activity with its
    place or the people met; not a commander's instruction, an empty template or a reply."""
    labels, filled = _template(text)
    if labels >= 2:
        return filled >= 2
    if _INSTRUCTION.search(text) and not _REPORTING.search(text):
        return False
    if _NOT_DONE.search(text) and len(text) < 300 and not _REPORTING.search(text):
        return False
    return bool(_ACTIVITY.search(text)) and bool(_PLACE.search(text) or _PEOPLE.search(text))


def _says_something(text: str) -> bool:
    """Whether a message is more than a reply (`siap`, `mohon izin`, `86`, `mantap`): it names an
    activity, a place, people or a template field."""
    return bool(_ACTIVITY.search(text) or _PLACE.search(text) or _PEOPLE.search(text) or _template(text)[0])


def group_reports(messages: list[Message], merge_minutes: int = MERGE_MINUTES) -> list[ChatReport]:
    """A sender's messages at most `merge_minutes` apart (others may write between) as one group;
    replies are left out; a second whole report starts a new group."""
    open_groups: dict[str, ChatReport] = {}
    groups: list[ChatReport] = []
    for message in messages:
        if message.text and not message.files and is_reply(message.text):
            continue
        current = open_groups.get(message.sender)
        fresh = current is None or (message.sent_at - current.messages[-1].sent_at).total_seconds() > merge_minutes * 60
        if fresh and message.text and not message.files and not _says_something(message.text):
            continue  # a word on its own (`sit aman` belongs to the report just sent)
        if current is not None and not fresh and message.text and current.text:
            fresh = is_report(current.text) and is_report(message.text)
        if fresh:
            current = ChatReport(message.sender, [])
            open_groups[message.sender] = current
            groups.append(current)
        assert current is not None
        current.messages.append(message)
    return [group for group in groups if group.text and is_report(group.text)]


# --- entries -----------------------------------------------------------------------------

# Babinsa are NCOs and privates: an officer (the Danramil, his staff) writing about an activity without
# naming the Babinsa who did it is instructing, not reporting.
OFFICERS = frozenset(RANKS[RANKS.index("Letda") :])
# The corps an officer writes after his rank (`Kapten Inf Sugeng`), not part of his name.
_CORPS = frozenset(
    ["inf", "cba", "czi", "arh", "kav", "chb", "ckm", "cpm", "cku", "ctp", "caj", "chk", "cpl", "cbs", "kes", "cpn"]
)
_SENDER_STOP = re.compile(
    r"(?i)^(?:babinsa|bab|danramil|dandim|ds|desa|kel|kelurahan|dsn|dusun|koramil|ramil|kodim|kec|nrp|hp|wa|\d.*|[-|/(].*)$"
)


def sender_babinsa(sender: str, villages: str | Iterable[str] | None = None) -> Babinsa | None:
    """The Babinsa a contact name gives: `Serda Nursalim Kemiri` -> Serda Nursalim when Kemiri is one of
    `villages`, those his reports name (contacts are saved as rank, name and village); None without a
    TNI rank."""
    words = [word for word in re.split(r"\s+", _MARKS_RE.sub("", sender).strip()) if word]
    if words and words[0].lower() in ("babinsa", "bab"):
        words = words[1:]
    if not words:
        return None
    rank = RANK_BY_LOWER.get(words[0].rstrip(".").lower())
    if rank is None:
        return None
    name: list[str] = []
    rest = words[2:] if len(words) > 2 and words[1].lower().rstrip(".") in _CORPS else words[1:]
    for word in rest:
        if _SENDER_STOP.match(word):
            break
        name.append(word)
    for village in [villages] if isinstance(villages, str) else villages or ():
        tail = village.lower().split()
        if tail and len(name) > len(tail) and [word.lower() for word in name[-len(tail) :]] == tail:
            name = name[: -len(tail)]
            break
    if not name:
        return None
    return {"rank": rank, "name": " ".join(name)}


def source_key(source: Mapping[str, object]) -> str:
    """The one key of a report in a chat: the chat's name, the sender and the minute it was sent (an
    Android export gives minutes, an iPhone's seconds; both give the same key)."""
    from ..names import fold

    return "|".join(
        (
            fold(str(source.get("chat") or "")),
            fold(str(source.get("sender") or "")),
            str(source.get("sent_at") or "")[:16],
        )
    )


def source_id(source: Mapping[str, object]) -> str:
    """The entry id of a report read from a chat: the same report gives the same id on every reading."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "komsos:whatsapp:" + source_key(source)))


def report_entry(report: ChatReport, chat: Chat, read: TextReader) -> ChatEntry:
    """The report read by `read` (narrative.parse_text), completed from the message: its date and time
    when the text gives none, the sender when no Babinsa is named, photos and where it came from."""
    from . import entry_values, missing_for_record

    sent = report.sent_at
    extraction = read(report.text, today=sent.date())
    values = entry_values(extraction)
    if not values.get("date"):
        values["date"] = sent.date().isoformat()
    if not values.get("time") and values["date"] == sent.date().isoformat():
        values["time"] = f"{sent.hour:02d}:{sent.minute:02d}"
    from_sender = False
    if not values.get("babinsa"):
        village = values.get("village")
        person = sender_babinsa(report.sender, village if isinstance(village, str) else None)
        if person:
            values["babinsa"], from_sender = [person], True
    photos: list[Photo] = []
    for name in report.files:
        photo: Photo = {"name": name}
        if name in chat.hashes:
            photo["sha256"] = chat.hashes[name]
        if photo not in photos:
            photos.append(photo)
    if photos:
        values["photos"] = photos
    source: Source = {"chat": chat.name, "sender": report.sender, "sent_at": sent.isoformat()}
    values["source"] = source
    values["id"] = source_id(source)
    return ChatEntry(report, values, extraction, missing_for_record(values), from_sender)


def _officer_talking(entry: ChatEntry) -> bool:
    """Whether a 'report' is an officer's message that names no Babinsa (the Danramil's own words)."""
    babinsa = entry.values.get("babinsa") or []
    return entry.babinsa_from_sender and isinstance(babinsa, list) and bool(babinsa) and babinsa[0]["rank"] in OFFICERS


def read_chat_reports(
    chat: Chat, file: str, *, since: date | None = None, read: TextReader | None = None
) -> ChatReading:
    """Every report of the chat (messages sent on or after `since`), with counts per sender."""
    if read is None:
        from . import text_reader

        read = text_reader()
    messages = [message for message in chat.messages if since is None or message.sent_at.date() >= since]
    counts: dict[str, SenderCount] = {}
    for message in messages:
        counts.setdefault(message.sender, SenderCount(message.sender)).messages += 1
    entries = [report_entry(report, chat, read) for report in group_reports(messages)]
    entries = [entry for entry in entries if not _officer_talking(entry)]
    villages: dict[str, list[str]] = {}
    for entry in entries:
        counts[entry.report.sender].reports += 1
        village = entry.values.get("village")
        if village and isinstance(village, str):
            villages.setdefault(entry.report.sender, []).append(village)
    for entry in entries:  # `Serda Nursalim Kemiri` on a report without a village, when others name Kemiri
        if entry.babinsa_from_sender:
            person = sender_babinsa(entry.report.sender, villages.get(entry.report.sender))
            entry.values["babinsa"] = [person] if person else []
    senders = sorted(counts.values(), key=lambda count: (-count.reports, -count.messages, count.sender))
    return ChatReading(file, chat.name, len(messages), senders, entries)


def _source_of(values: Mapping[str, object]) -> Mapping[str, object]:
    """The source `report_entry` gave a report's values."""
    source = values["source"]
    assert isinstance(source, dict)
    return source


def mark_stored(reading: ChatReading, existing: Sequence[Entry], deleted: Mapping[str, str] | None = None) -> None:
    """Set `stored_as` on each report already in the store (the same source, or the same date and text),
    and `deleted` on those stored once and deleted since (`deleted`: id -> when, store.deletions())."""
    by_source = {
        source_key(source): entry["id"] for entry in existing if isinstance(source := entry.get("source"), dict)
    }
    by_text: dict[tuple[object, object], str] = {
        (entry.get("date"), entry.get("summary")): entry["id"] for entry in existing
    }
    for item in reading.entries:
        key = source_key(_source_of(item.values))
        item.stored_as = by_source.get(key) or by_text.get((item.values.get("date"), item.values.get("summary")))
        identifier = item.values["id"]
        if item.stored_as is None and deleted and identifier in deleted:
            assert isinstance(identifier, str)  # source_id made it
            item.stored_as, item.deleted = identifier, True


def mark_stored_in(reading: ChatReading, store: Store) -> None:
    """`mark_stored` against a store, reading only what can match: the entries of the reports'
    dates and those with the reports' own ids (a hub is never read whole)."""
    from datetime import date as Date

    from ..query import Criteria

    days = sorted(str(item.values["date"]) for item in reading.entries if item.values.get("date"))
    candidates = (
        store.select(Criteria(since=Date.fromisoformat(days[0]), until=Date.fromisoformat(days[-1]))) if days else []
    )
    known = store.existing([str(item.values["id"]) for item in reading.entries if item.values.get("id")])
    mark_stored(reading, [*candidates, *known.values()], store.deletions())


def read_chat_file(path: str, *, since: date | None = None) -> ChatReading:
    """Read a chat export file (text or zip) into its reports."""
    try:
        file = Path(path)
        if file.stat().st_size > LIMIT_CHAT_BYTES:
            raise InvalidInput(t("chat.too_big", file=path, limit=LIMIT_CHAT_BYTES // (1024 * 1024)))
        data = file.read_bytes()
    except OSError as error:
        raise InvalidInput(t("parse.unreadable", path=path, reason=error.strerror or type(error).__name__)) from None
    return read_chat_reports(read_chat(data, path), path, since=since)


__all__ = [
    "MERGE_MINUTES",
    "Chat",
    "ChatEntry",
    "ChatReading",
    "ChatReport",
    "Message",
    "SenderCount",
    "chat_name",
    "group_reports",
    "is_chat_file",
    "is_reply",
    "is_report",
    "is_zip",
    "looks_like_chat",
    "mark_stored",
    "read_chat",
    "read_chat_file",
    "read_chat_reports",
    "read_chat_text",
    "report_entry",
    "sender_babinsa",
    "source_id",
    "source_key",
]
