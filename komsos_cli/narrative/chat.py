"""Read a WhatsApp chat export into its messages: the layouts phones write, WhatsApp's own lines, files.

WhatsApp writes a chat export as a text file (Android: `17/01/25 08.15 - Serda Nursalim: ...`;
iPhone: `[17/01/25 08.15.22] Serda Nursalim: ...`), in the phone's language and date order, or as a
zip with the photos beside it. This module reads either into a `Chat`: its messages with their
sender, time, text and attached files, WhatsApp's own lines left out. Which of them are reports is
narrative/whatsapp.py's business. Pure apart from reading the bytes it is given; no Typer.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise
from pathlib import PurePosixPath

from ..errors import InvalidInput
from ..messages import t
from ..model import clean_text

# A chat text larger than this is not read (a year of a busy group is a few MB).
LIMIT_CHAT_BYTES = 200 * 1024 * 1024

# The marks phones put before a line or a name (left-to-right mark, bidi embeddings, zero width).
_MARKS = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
MARKS_RE = re.compile(f"[{_MARKS}]")
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
            following[len(headers) - 1].append(MARKS_RE.sub("", line))
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
    bare = MARKS_RE.sub("", line).strip()
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
        sender = MARKS_RE.sub("", sender).strip().lstrip("~").strip()
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
        bare = MARKS_RE.sub("", body_text).strip()
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
        wanted = {photo for message in chat.messages for photo in message.files}
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
