"""Read a Koramil's WhatsApp group export: the messages, which of them are reports, and their entries.

WhatsApp writes a chat export as a text file (Android: `17/01/25 08.15 - Serda Nursalim: ...`;
iPhone: `[17/01/25 08.15.22] Serda Nursalim: ...`), in the phone's language and date order, or as a
zip with the photos beside it. This module reads that text into messages, groups a sender's messages
of a few minutes into one, keeps those that tell what a Babinsa did, and reads each with the
extractor as `komsos parse` reads a report. Pure apart from reading the file it is given; no Typer.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InvalidInput
from ..messages import t
from ..model import RANK_BY_LOWER, clean_text

# Messages of one sender at most this many minutes apart are one report (text and photos).
MERGE_MINUTES = 5
# A chat text larger than this is not read (a year of a busy group is a few MB).
LIMIT_CHAT_BYTES = 200 * 1024 * 1024

# The marks phones put before a line or a name (left-to-right mark, bidi embeddings, zero width).
_MARKS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_MARKS_RE = re.compile(f"[{_MARKS}]")
_DATE = r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})"
_TIME = r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:[\s\u202f\u00a0]*([AaPp])\.?\s?[Mm]\.?)?"
_ANDROID = re.compile(rf"^{_DATE},?\s+{_TIME}\s+[-\u2013]\s(.*)$")
_IPHONE = re.compile(rf"^\[{_DATE},?\s+{_TIME}\]\s?(.*)$")
# What starts like a message's date and time, readable or not: such a line is never a message's
# second line, so one that cannot be read is an error, not text.
_STAMP_LIKE = re.compile(
    r"^\[?\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?\s+\d{1,2}(?:[.:]\d{0,2}){1,2}(?:[\s\u202f]*[AaPp]\.?\s?[Mm]\.?)?"
    r"\s*(?:\]|[-\u2013]\s)"
)

# Bodies that are WhatsApp's own words, not the sender's.
_SYSTEM_BODY = re.compile(
    r"(?i)^(?:pesan dan panggilan (?:di|ter)enkripsi|messages and calls are end-to-end encrypted"
    r"|pesan ini (?:telah )?dihapus|this message was deleted|you deleted this message|anda menghapus pesan ini"
    r"|<media tidak disertakan>|<media omitted>|null$|pesan sekali lihat|view once"
    r"|(?:image|video|audio|sticker|gif|document|contact card) omitted"
    r"|(?:gambar|foto|video|audio|stiker|gif|dokumen|kartu kontak) tidak disertakan"
    r"|panggilan (?:suara|video) tak terjawab|missed (?:voice|video) call)"
)
# A "sender" holding these words is WhatsApp telling what someone did (join, leave, rename ...).
_SYSTEM_ACTOR = re.compile(
    r"(?i)\b(?:bergabung|keluar|menambahkan|mengeluarkan|ditambahkan|dikeluarkan|mengubah|membuat grup"
    r"|joined|left|added|removed|changed|created group|deleted)\b|\""
)
_EDITED = re.compile(r"\s*<(?:pesan ini diedit|this message was edited)>\s*$", re.IGNORECASE)
_ANDROID_FILE = re.compile(r"^(\S[^<>]*?\.[A-Za-z0-9]{2,5}) \((?:file terlampir|file attached)\)$")
_IPHONE_FILE = re.compile(r"^<(?:attached|lampiran|terlampir):\s*([^<>]+?)>$", re.IGNORECASE)
_CHAT_FILE_NAME = re.compile(
    r"(?i)^(?:whatsapp chat (?:with|-)|chat whatsapp (?:dengan|-)|obrolan whatsapp dengan)\s*(.+?)$"
)


@dataclass
class Message:
    """One message: its first line's number, when and by whom it was sent, its text and attached files."""

    line: int
    sent_at: datetime
    sender: str
    text: str
    files: list[str] = field(default_factory=list)


@dataclass
class Chat:
    """A chat export read: its name, the messages (WhatsApp's own lines left out) and the photos' hashes."""

    name: str
    messages: list[Message]
    system_lines: int = 0
    day_first: bool = True
    hashes: dict[str, str] = field(default_factory=dict)


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
    values: dict[str, Any]
    extraction: Any
    missing: list[str]
    stored_as: str | None = None
    deleted: bool = False  # stored once, then deleted: not stored again


@dataclass
class SenderCount:
    sender: str
    messages: int = 0
    reports: int = 0


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

    def as_dict(self) -> dict[str, Any]:
        """What `komsos parse CHAT --json` prints: the counts, and per report its entry, what it lacks,
        the notes of the extractor and the id it is already stored under (or null)."""
        from ..model import blank_entry

        reports = []
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


# --- recognising and reading the export ------------------------------------------------


def _unmarked(line: str) -> str:
    return line.strip().lstrip(_MARKS).strip()


def looks_like_chat(text: str) -> bool:
    """Whether `text` is a WhatsApp export: two of its first 30 non-empty lines start as messages."""
    seen = hits = 0
    for line in text.split("\n"):
        line = _unmarked(line)
        if not line:
            continue
        seen += 1
        hits += bool(_STAMP_LIKE.match(line))
        if hits >= 2:
            return True
        if seen >= 30:
            break
    return False


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def is_chat_file(path: str) -> bool:
    """Whether the file is a WhatsApp export: a zip, or text whose first lines are messages."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(64 * 1024)
    except OSError:
        return False  # read_report says why, as for any report
    if is_zip(head):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    return looks_like_chat(text.lstrip("\ufeff"))


def chat_name(file_name: str) -> str:
    """`WhatsApp Chat with Koramil 05 Cibeber.txt` -> `Koramil 05 Cibeber` (the file name otherwise)."""
    stem = PurePosixPath(file_name.replace("\\", "/")).name
    stem = re.sub(r"(?i)\.(?:txt|zip)$", "", stem)
    match = _CHAT_FILE_NAME.match(stem.strip())
    return unicodedata.normalize("NFC", (match.group(1) if match else stem).strip()) or stem


@dataclass
class _Header:
    line: int
    numbers: tuple[int, int, int]
    clock: tuple[int, int, int, str | None]
    rest: str
    raw: str


def _shown(line: str) -> str:
    text = clean_text(line[:200], field="line")
    return text if len(text) <= 60 else text[:59] + "…"


def _headers(text: str, file: str) -> tuple[list[_Header], dict[int, list[str]]]:
    """Each message's first line, and the lines that follow it (its text on several lines)."""
    headers: list[_Header] = []
    following: dict[int, list[str]] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        bare = line.lstrip(_MARKS)
        match = _ANDROID.match(bare) or _IPHONE.match(bare)
        if match is None and _STAMP_LIKE.match(bare.strip()):
            raise InvalidInput(t("chat.layout", file=file, line=number, text=_shown(bare)))
        if match is None:
            if not headers:
                if not bare.strip():
                    continue
                raise InvalidInput(t("chat.cut", file=file, line=number, text=_shown(bare)))
            following[len(headers) - 1].append(_MARKS_RE.sub("", line))
            continue
        a, b, c, hour, minute, second, half, rest = match.groups()
        headers.append(
            _Header(number, (int(a), int(b), int(c)), (int(hour), int(minute), int(second or 0), half), rest, bare)
        )
        following[len(headers) - 1] = []
    return headers, following


def _as_date(numbers: tuple[int, int, int], day_first: bool) -> date | None:
    first, second, year = numbers
    if first > 31:  # a year first (2025-01-17): not a layout WhatsApp writes for these phones
        return None
    day, month = (first, second) if day_first else (second, first)
    if year < 100:
        year += 2000
    if year < 2009 or year > 2100:  # WhatsApp began in 2009
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_first(headers: list[_Header], file: str) -> bool:
    """The date order of the whole file, as a careful reader decides it: the order in which every date
    is a date; of two, the one in which the chat runs forward in time; then AM/PM (month first) or a
    `.` in the time (day first); else day first, as Indonesian phones write."""
    orders: dict[bool, list[date | None]] = {
        order: [_as_date(header.numbers, order) for header in headers] for order in (True, False)
    }
    valid = {order: all(day is not None for day in days) for order, days in orders.items()}
    if not any(valid.values()):
        best = max((True, False), key=lambda order: sum(day is not None for day in orders[order]))
        bad = next(header for header, day in zip(headers, orders[best], strict=True) if day is None)
        raise InvalidInput(t("chat.layout", file=file, line=bad.line, text=_shown(bad.raw)))
    if valid[True] != valid[False]:
        return valid[True]

    def backwards(days: list[date | None]) -> int:
        return sum(1 for before, after in pairwise(days) if before and after and after < before)

    steps = {order: backwards(days) for order, days in orders.items()}
    if steps[True] != steps[False]:
        return steps[True] < steps[False]
    return not any(header.clock[3] for header in headers)


def _clock(header: _Header, file: str) -> tuple[int, int, int]:
    hour, minute, second, half = header.clock
    if half:
        if not 1 <= hour <= 12:
            raise InvalidInput(t("chat.layout", file=file, line=header.line, text=_shown(header.raw)))
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise InvalidInput(t("chat.layout", file=file, line=header.line, text=_shown(header.raw)))
    return hour, minute, second


def _file_of(line: str) -> str | None:
    bare = _MARKS_RE.sub("", line).strip()
    match = _ANDROID_FILE.match(bare) or _IPHONE_FILE.match(bare)
    return PurePosixPath(match.group(1).strip().replace("\\", "/")).name if match else None


def read_chat_text(text: str, name: str, file: str | None = None) -> Chat:
    """The messages of a chat export's text; InvalidInput names the first line that cannot be read."""
    where = file or name
    headers, following = _headers(text, where)
    if not headers:
        raise InvalidInput(t("chat.empty", file=where))
    day_first = _day_first(headers, where)
    messages: list[Message] = []
    system = 0
    for index, header in enumerate(headers):
        sender, colon, body = header.rest.partition(": ")
        if not colon and header.rest.endswith(":"):
            sender, colon, body = header.rest[:-1], ":", ""
        sender = _MARKS_RE.sub("", sender).strip().lstrip("~").strip()
        if not colon or not sender or _SYSTEM_ACTOR.search(sender):
            system += 1
            continue
        lines = [body, *following[index]]
        files: list[str] = []
        kept: list[str] = []
        for line in lines:
            attached = _file_of(line)
            if attached:
                files.append(attached)
            else:
                kept.append(line)
        body_text = _EDITED.sub("", "\n".join(kept)).strip()
        bare = _MARKS_RE.sub("", body_text).strip()
        if not files and (_SYSTEM_BODY.match(bare) or (body.startswith("\u200e") and not bare)):
            system += 1
            continue
        if not files and body.startswith("\u200e") and _SYSTEM_ACTOR.search(bare.split("\n")[0]):
            system += 1  # iPhone writes joins and leaves as the group's own message, after a mark
            continue
        if _SYSTEM_BODY.match(bare):
            bare = ""
        day = _as_date(header.numbers, day_first)
        assert day is not None  # _day_first checked every date in this order
        hour, minute, second = _clock(header, where)
        messages.append(
            Message(
                header.line,
                datetime(day.year, day.month, day.day, hour, minute, second),
                unicodedata.normalize("NFC", sender),
                clean_text(bare, multiline=True, field="text", limit=10**9),
                files,
            )
        )
    return Chat(name, messages, system, day_first)


def _decode(data: bytes, where: str) -> str:
    from . import decode_report

    return decode_report(data, where)[0]


def read_chat_zip(data: bytes, file: str) -> Chat:
    """The chat in a WhatsApp export zip (`_chat.txt` or `WhatsApp Chat with X.txt`), with the SHA-256
    of each file beside it."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InvalidInput(t("chat.bad_zip", file=file, reason=str(error))) from None
    texts = [info for info in members if info.filename.lower().endswith(".txt")]
    named = [info for info in texts if PurePosixPath(info.filename).name == "_chat.txt"] or [
        info for info in texts if _CHAT_FILE_NAME.match(PurePosixPath(info.filename).stem)
    ]
    chosen = named or (texts if len(texts) == 1 else [])
    if not chosen:
        raise InvalidInput(t("chat.no_chat", file=file))
    info = chosen[0]
    if info.file_size > LIMIT_CHAT_BYTES:
        raise InvalidInput(t("chat.too_big", file=file, limit=LIMIT_CHAT_BYTES // (1024 * 1024)))
    inner = PurePosixPath(info.filename).name
    try:
        text = _decode(archive.read(info), f"{file}:{inner}")
        name = chat_name(file) if inner == "_chat.txt" else chat_name(inner)
        chat = read_chat_text(text, name, f"{file}:{inner}")
        wanted = {name for message in chat.messages for name in message.files}
        for member in members:
            base = PurePosixPath(member.filename).name
            if base in wanted and base not in chat.hashes:
                digest = hashlib.sha256()
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        digest.update(chunk)
                chat.hashes[base] = digest.hexdigest()
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as error:
        raise InvalidInput(t("chat.bad_zip", file=file, reason=str(error))) from None
    return chat


def read_chat(data: bytes, file: str) -> Chat:
    """A chat export's bytes (a zip, or the text) read into a Chat; the name comes from the file's."""
    if is_zip(data):
        return read_chat_zip(data, file)
    return read_chat_text(_decode(data, file), chat_name(file), file)


# --- which messages are reports -------------------------------------------------------------

_TEMPLATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:\d+[.)]\s*|[-•*]\s*)?(hari\s*/\s*(?:tgl|tanggal)|hari\s*,?\s*tanggal|hari|tgl|tanggal|waktu|jam"
    r"|tempat|lokasi|kegiatan|giat|hasil|personel|pelaksana|bersama|sasaran|materi|situasi|sit|ket|keterangan"
    r"|dokumentasi)[ \t]*[:=][ \t]*(.*)$"
)
_TEMPLATE_CORE = {"tempat", "lokasi", "kegiatan", "giat", "hasil"}
_BLANK_VALUE = re.compile(r"^[\s.\-_…:…/]*$")
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
    r"|tiap|para)|diperintahkan|jangan\s+lupa)\b"
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

_SENDER_STOP = re.compile(
    r"(?i)^(?:babinsa|bab|ds|desa|kel|kelurahan|dsn|dusun|koramil|ramil|kodim|kec|nrp|hp|wa|\d.*|[-|/(].*)$"
)


def sender_babinsa(sender: str, village: str | None = None) -> dict[str, str] | None:
    """The Babinsa a contact name gives: `Serda Nursalim Kemiri` -> Serda Nursalim when Kemiri is the
    report's village (contacts are saved as rank, name and village); None without a TNI rank."""
    words = [word for word in re.split(r"\s+", _MARKS_RE.sub("", sender).strip()) if word]
    if words and words[0].lower() in ("babinsa", "bab"):
        words = words[1:]
    if not words:
        return None
    rank = RANK_BY_LOWER.get(words[0].rstrip(".").lower())
    if rank is None:
        return None
    name: list[str] = []
    for word in words[1:]:
        if _SENDER_STOP.match(word):
            break
        name.append(word)
    if village:
        tail = village.lower().split()
        if len(name) > len(tail) and [word.lower() for word in name[-len(tail) :]] == tail:
            name = name[: -len(tail)]
    if not name:
        return None
    return {"rank": rank, "name": " ".join(name)}


def source_key(source: dict[str, Any]) -> str:
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


def source_id(source: dict[str, Any]) -> str:
    """The entry id of a report read from a chat: the same report gives the same id on every reading."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "komsos:whatsapp:" + source_key(source)))


def report_entry(report: ChatReport, chat: Chat, read: Callable[..., Any]) -> ChatEntry:
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
    if not values.get("babinsa"):
        person = sender_babinsa(report.sender, values.get("village"))
        if person:
            values["babinsa"] = [person]
    photos: list[dict[str, str]] = []
    for name in report.files:
        photo = {"name": name}
        if name in chat.hashes:
            photo["sha256"] = chat.hashes[name]
        if photo not in photos:
            photos.append(photo)
    if photos:
        values["photos"] = photos
    source = {"chat": chat.name, "sender": report.sender, "sent_at": sent.isoformat()}
    values["source"] = source
    values["id"] = source_id(source)
    return ChatEntry(report, values, extraction, missing_for_record(values))


def read_chat_reports(
    chat: Chat, file: str, *, since: date | None = None, read: Callable[..., Any] | None = None
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
    for entry in entries:
        counts[entry.report.sender].reports += 1
    senders = sorted(counts.values(), key=lambda count: (-count.reports, -count.messages, count.sender))
    return ChatReading(file, chat.name, len(messages), senders, entries)


def mark_stored(reading: ChatReading, existing: list[dict[str, Any]], deleted: Mapping[str, str] | None = None) -> None:
    """Set `stored_as` on each report already in the store (the same source, or the same date and text),
    and `deleted` on those stored once and deleted since (`deleted`: id -> when, store.deletions())."""
    by_source = {
        source_key(entry["source"]): entry["id"] for entry in existing if isinstance(entry.get("source"), dict)
    }
    by_text = {(entry.get("date"), entry.get("summary")): entry["id"] for entry in existing}
    for item in reading.entries:
        key = source_key(item.values["source"])
        item.stored_as = by_source.get(key) or by_text.get((item.values.get("date"), item.values.get("summary")))
        if item.stored_as is None and deleted and item.values["id"] in deleted:
            item.stored_as, item.deleted = item.values["id"], True


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
