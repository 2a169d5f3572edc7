"""Write an entry back as the text people send: a press-release paragraph or a WhatsApp report. Pure.

Only what the entry holds is written: no time, place, person or quote is made up. A
closing quote appears only when the entry's summary (the report it was read from)
holds one. What is written reads back through `extract` into the same date, Babinsa,
units, village, kecamatan, kabupaten and kind.
"""

from __future__ import annotations

import re
from datetime import date

from ..dates import format_date_id
from ..model import Entry, format_babinsa
from ..names import fold

STYLES = ("press", "wa")

KIND_PHRASES = {
    "komsos": "Komunikasi Sosial (Komsos)",
    "anjangsana": "anjangsana",
    "puldata": "pengumpulan data (puldata)",
    "patroli": "patroli wilayah",
    "pendampingan": "pendampingan",
    "karya-bakti": "karya bakti",
    "monitoring": "monitoring wilayah",
    "lainnya": "pembinaan teritorial",
}
KIND_SHORT = {
    "komsos": "Komsos",
    "anjangsana": "Anjangsana",
    "puldata": "Puldata",
    "patroli": "Patroli",
    "pendampingan": "Pendampingan",
    "karya-bakti": "Karya bakti",
    "monitoring": "Monitoring",
    "lainnya": "Pembinaan teritorial",
}
TOPIC_PHRASES = {
    "keamanan": "kamtibmas",
    "kesehatan": "kesehatan",
    "pemilu": "pemilu",
    "pilkada": "Pilkada",
    "ekonomi": "ekonomi warga",
    "pertanian": "pertanian",
    "ketahanan pangan": "ketahanan pangan",
    "pendidikan": "pendidikan",
    "bencana": "kesiapsiagaan menghadapi bencana",
    "lingkungan": "kebersihan lingkungan",
    "sosial": "kepedulian sosial",
    "agama": "kehidupan keagamaan",
    "budaya": "kebudayaan",
    "narkoba": "bahaya narkoba",
    "radikalisme": "bahaya radikalisme",
    "konflik": "pencegahan konflik",
    "infrastruktur": "infrastruktur desa",
    "program pemerintah": "program pemerintah",
    "bela negara": "bela negara",
}
SITUATION_PHRASES = {
    "aman": "Situasi wilayah terpantau aman dan kondusif.",
    "waspada": "Situasi wilayah perlu diwaspadai.",
    "rawan": "Situasi wilayah rawan.",
}
SITUATION_SHORT = {"aman": "aman dan kondusif", "waspada": "perlu diwaspadai", "rawan": "rawan"}


def narrate(entry: Entry, style: str = "press") -> str:
    """The report of `entry` as text; `style` is `press` (a paragraph) or `wa` (a short message)."""
    if style == "wa":
        return _whatsapp(entry)
    return _press(entry)


def join_id(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`: a list as Indonesian writes it."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _units(entry: Entry) -> str:
    return " ".join(unit for unit in (entry.get("koramil"), entry.get("kodim")) if unit)


def time_zone(province: str | None) -> str | None:
    """WIB, WITA or WIT for a province as written; None when the entry does not say where (a clock
    time is written with its zone only then, so that a report from Makassar does not say WIB)."""
    from ..zones import zone_of_province

    zone = zone_of_province(province)
    return zone.name if zone else None


def _when(entry: Entry) -> str:
    text = format_date_id(date.fromisoformat(entry["date"]))
    clock = entry.get("time")
    if clock and ":" in clock:
        zone = time_zone(entry.get("province"))
        text += f" pukul {clock.replace(':', '.')}" + (f" {zone}" if zone else "")
    elif clock:
        text += f" {clock}"
    return text


def _address(entry: Entry, short: bool = False) -> str:
    parts: list[str] = []
    venue = " ".join((entry.get("venue") or "").lower().split())
    hamlet = entry.get("hamlet")
    if hamlet and " ".join(hamlet.lower().split()) not in venue:
        parts.append(hamlet)
    if entry.get("village"):
        parts.append(f"{entry.get('village_kind') or 'Desa'} {entry['village']}")
    if entry.get("kecamatan"):
        parts.append(f"{'Kec.' if short else 'Kecamatan'} {entry['kecamatan']}")
    kabupaten = entry.get("kabupaten")
    if kabupaten:
        if kabupaten.lower().startswith("kota "):
            parts.append(kabupaten)
        else:
            parts.append(f"{'Kab.' if short else 'Kabupaten'} {kabupaten}")
    if entry.get("province"):
        parts.append(f"Provinsi {entry['province']}")
    return ", ".join(parts)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def _topics(entry: Entry) -> list[str]:
    return [TOPIC_PHRASES.get(topic, topic) for topic in entry.get("topics") or []]


def closing_quote(summary: str | None) -> str | None:
    """The last quote of the report with its attribution (`“...,” tutupnya`), if the summary holds one."""
    if not summary:
        return None
    pattern = re.compile(
        r"[\"“]([^\"“”]{20,600}?)[\"”]\s*,?\s*((?:ujar|kata|ucap|tutup|tambah|jelas|terang|pungkas|tutur|ungkap)"
        r"[a-z]*(?:\s+[A-Za-z.]+){0,3})"
    )
    found = list(pattern.finditer(summary))
    if not found:
        return None
    quote, said = found[-1].groups()
    quote = " ".join(quote.split()).rstrip(" ,")
    said = re.split(r"[.(\n]", said)[0].strip()
    return f"“{quote},” {said}."


def _short_summary(entry: Entry) -> str | None:
    """A short summary typed for the entry, as a sentence of its own; not the report the entry was read
    from (`komsos parse` keeps the whole text there), which names the Babinsa or opens with `Ijin`."""
    summary = (entry.get("summary") or "").strip()
    if not summary or len(summary) > 300 or "\n" in summary:
        return None
    folded = fold(summary)
    if re.match(r"(?i)(?:mohon\s+)?i[jz]in\b", summary) or any(
        fold(person.get("name") or "") and fold(person.get("name") or "") in folded
        for person in entry.get("babinsa") or []
    ):
        return None
    return summary


def _press(entry: Entry) -> str:
    people = join_id([format_babinsa(person) for person in entry.get("babinsa") or []])
    units = _units(entry)
    who = "Babinsa" + (f" {units}" if units else "") + (f", {people}," if people else "")
    lead = f"{who} melaksanakan {KIND_PHRASES.get(entry.get('kind') or 'komsos', 'kegiatan')}"
    if entry.get("counterparts"):
        lead += f" bersama {join_id(entry['counterparts'])}"
    where = _address(entry)
    if entry.get("venue"):
        lead += f", bertempat di {entry['venue']}" + (f", {where}" if where else "")
    elif where:
        lead += f" di {where}"
    lead += f", pada hari {_when(entry)}."
    kabupaten = entry.get("kabupaten") or ""
    dateline = re.sub(r"(?i)^kota\s+", "", kabupaten)
    sentences = [f"{dateline} – {lead}" if dateline else lead]
    summary = _short_summary(entry)
    if summary:
        sentences.append(_sentence(summary))
    topics = _topics(entry)
    if topics:
        sentences.append(f"Dalam kesempatan tersebut, Babinsa membahas tentang {join_id(topics)}.")
    findings = entry.get("findings") or []
    if findings:
        sentences.append(f"Warga menyampaikan {join_id([f.rstrip('.') for f in findings])}.")
    follow = entry.get("follow_up")
    if follow and follow.get("action"):
        done = follow.get("status") == "done"
        sentences.append(
            ("Hal itu telah ditindaklanjuti: " if done else "Tindak lanjut: ") + _sentence(follow["action"])
        )
    situation = entry.get("situation")
    if situation in SITUATION_PHRASES:
        sentences.append(SITUATION_PHRASES[situation])
    quote = closing_quote(entry.get("summary"))
    if quote:
        sentences.append(quote)
    return " ".join(sentences)


def _whatsapp(entry: Entry) -> str:
    units = _units(entry)
    lines = [f"Ijin Dan, melaporkan kegiatan Babinsa{' ' + units if units else ''}:"]
    lines.append(f"Hari/tgl: {_when(entry)}")
    people = [format_babinsa(person) for person in entry.get("babinsa") or []]
    if people:
        lines.append(f"Personel: {', '.join(people)}")
    lines.append(f"Kegiatan: {KIND_SHORT.get(entry.get('kind') or 'komsos', 'Kegiatan')}")
    if entry.get("counterparts"):
        lines.append(f"Bersama: {', '.join(entry['counterparts'])}")
    where = _address(entry, short=True)
    venue = entry.get("venue")
    if venue:
        where = f"{venue}, {where}" if where else venue
    if where:
        lines.append(f"Tempat: {where}")
    topics = _topics(entry)
    if topics:
        lines.append(f"Materi: {', '.join(topics)}")
    findings = entry.get("findings") or []
    if findings:
        lines.append(f"Temuan: {'; '.join(f.rstrip('.') for f in findings)}")
    follow = entry.get("follow_up")
    if follow and follow.get("action"):
        lines.append(f"Tindak lanjut: {follow['action']}" + (" (selesai)" if follow.get("status") == "done" else ""))
    situation = entry.get("situation")
    if situation in SITUATION_SHORT:
        lines.append(f"Situasi: {SITUATION_SHORT[situation]}")
    return "\n".join(lines)
