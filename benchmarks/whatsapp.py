"""How well and how fast `komsos parse CHAT` reads WhatsApp group exports.

    python benchmarks/whatsapp.py                 # the chats of tests/fixtures/whatsapp + a generated one
    python benchmarks/whatsapp.py --messages 5000 --runs 3 [--keep chat.txt]

Two measures:

1. Reports found and read right. On the chats of tests/fixtures/whatsapp (truth.jsonl: one object per
   report a careful reader sees, with its sender, the minute it was sent, and its date, Babinsa,
   village, kind and number of photos), and on a generated chat whose reports are known by construction
   (written in four styles: a narrative, a filled-in template, a report in three messages, a report
   naming no Babinsa, with photos, replies, instructions, questions and WhatsApp's own lines between).
   A report is found when a report of the same sender sent the same minute is; a found report that
   is none is a false one. Read right: each field equal to the truth.

2. Time. The generated chat of `--messages` messages (5,000 by default) is read `--runs` times, in the
   process (read_chat + read_chat_reports with the gazetteer, as `parse` does); the best run is given.
   The goal (issue 18): under 2 seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from komsos_cli.dates import format_date_id  # noqa: E402
from komsos_cli.narrative.whatsapp import ChatReading, read_chat, read_chat_reports  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "whatsapp"
FIELDS = ("date", "babinsa", "village", "kind", "photos")

# The generated Koramil: invented Babinsa, each with his village (names are common Sundanese ones).
BABINSA = [
    ("Serda", "Nursalim", "Kemiri"),
    ("Sertu", "Hari Sunyoto", "Sukamaju"),
    ("Kopda", "Agus Salim", "Mekarsari"),
    ("Pelda", "Wiyono", "Cibaregbeg"),
    ("Serka", "Joko Widodo", "Sindangsari"),
    ("Serma", "Dedi Kurnia", "Girimulya"),
    ("Praka", "Asep Saepudin", "Cihaur"),
    ("Sertu", "Ujang Rohman", "Salamnunggal"),
    ("Koptu", "Yayan Sopyan", "Peuteuy"),
    ("Serda", "Iwan Setiawan", "Karangnunggal"),
]
KINDS = [("komsos", "komsos"), ("anjangsana", "anjangsana"), ("patroli", "patroli"), ("karya bakti", "karya-bakti")]
PEOPLE = ["Bapak Karto", "Bapak Slamet", "Bapak Ahmad", "Ibu Euis", "Bapak Ujang", "Bapak Dadang"]
OFFICES = ["Kadus", "Ketua RT 02", "tokoh agama", "Kades", "Sekdes"]
VENUES = ["pos kamling", "balai desa", "masjid", "warung", "rumah Bapak Oman"]
REPLIES = ["Siap", "Siap Dan", "86", "Mantap", "Mohon izin", "Siap laksanakan", "Terima kasih Dan", "👍"]
DANRAMIL = "Kapten Inf Sugeng Danramil"


@dataclass
class Truth:
    sender: str
    sent_at: str  # the minute, ISO
    date: str
    babinsa: list[dict[str, str]] | None
    village: str
    kind: str
    photos: int


@dataclass
class Generated:
    text: str
    messages: int
    truths: list[Truth] = field(default_factory=list)


def _stamp(moment: datetime, iphone: bool) -> str:
    if iphone:
        return f"[{moment:%d/%m/%y %H.%M.%S}]"
    return f"{moment:%d/%m/%y %H.%M} -"


def _report_texts(
    style: int,
    rng: random.Random,
    day: date,
    who: tuple[str, str, str],
    kind_text: str,
    person: str,
    office: str,
    venue: str,
) -> list[str]:
    """The messages of one report in one of five styles (style 2 splits it over three messages)."""
    rank, name, village = who
    if style == 0:
        return [
            f"Ijin Dan, melaporkan kegiatan {kind_text} dengan {person} {office} di {venue} Desa {village} "
            f"Kec. Cibeber Kab. Cianjur.\nSituasi aman dan kondusif."
        ]
    if style == 1:
        written = format_date_id(day)
        return [
            f"Hari/Tgl: {written}\nTempat: {venue.capitalize()} Desa {village} Kec. Cibeber\n"
            f"Kegiatan: {kind_text.capitalize()} bersama {person}\nHasil: situasi aman terkendali"
        ]
    if style == 2:
        return [
            f"Ijin melaporkan, {rank} {name} Babinsa Desa {village}",
            f"melaksanakan {kind_text} bersama {person} di {venue} Kec. Cibeber",
            "sit aman",
        ]
    if style == 3:
        return [
            f"{rank} {name} melaksanakan {kind_text} bersama warga di Dusun {rng.randint(1, 4)} "
            f"Desa {village} Kec. Cibeber, membahas kamtibmas."
        ]
    return [f"Ijin melaporkan kegiatan {kind_text} bersama {person} di Desa {village} Kec. Cibeber."]


def generate(messages: int, seed: int = 18, iphone: bool = False) -> Generated:
    """A Koramil's chat of about `messages` messages, and the reports in it."""
    rng = random.Random(seed)
    lines: list[str] = []
    count = 0
    truths: list[Truth] = []
    day = date(2025, 1, 6)
    lines.append(f"{_stamp(datetime(2025, 1, 6, 6, 0), iphone)} Pesan dan panggilan dienkripsi secara end-to-end.")

    def say(moment: datetime, sender: str, text: str) -> None:
        nonlocal count
        lines.append(f"{_stamp(moment, iphone)} {sender}: {text}")
        count += 1

    def photo(moment: datetime, sender: str, number: int) -> None:
        name = f"IMG-{moment:%Y%m%d}-WA{number:04d}.jpg"
        say(moment, sender, f"<lampiran: {name}>" if iphone else f"{name} (file terlampir)")

    photo_number = 0
    while count < messages:
        now = datetime(day.year, day.month, day.day, 6, 30)
        say(now, DANRAMIL, "Selamat pagi. Kepada seluruh Babinsa agar laksanakan komsos di desa binaan, laporkan.")
        for _ in range(rng.randint(2, 5)):
            now += timedelta(minutes=rng.randint(1, 4))
            rank, name, _village = rng.choice(BABINSA)
            say(now, f"{rank} {name}", rng.choice(REPLIES))
        if rng.random() < 0.1:
            lines.append(f"{_stamp(now, iphone)} {DANRAMIL} menambahkan Praka Baru")
        now = datetime(day.year, day.month, day.day, 8, 0)
        for rank, name, village in rng.sample(BABINSA, k=rng.randint(5, 9)):
            now += timedelta(minutes=rng.randint(8, 40))
            sender = f"{rank} {name} {village}" if rng.random() < 0.5 else f"{rank} {name}"
            kind_text, kind = rng.choice(KINDS)
            person, office, venue = rng.choice(PEOPLE), rng.choice(OFFICES), rng.choice(VENUES)
            style = rng.randrange(5)
            babinsa: list[dict[str, str]] | None = [{"rank": rank, "name": name}]
            if style == 4:  # the contact holds no rank and the text names no Babinsa
                sender, babinsa = name, None
            start = now
            photos = rng.randint(0, 3)
            for _ in range(photos):
                photo_number += 1
                photo(now, sender, photo_number)
            texts = _report_texts(style, rng, day, (rank, name, village), kind_text, person, office, venue)
            for number, text in enumerate(texts):
                if number:
                    now += timedelta(minutes=1)
                say(now, sender, text)
            truths.append(Truth(sender, start.isoformat()[:16], day.isoformat(), babinsa, village, kind, photos))
            if rng.random() < 0.5:
                now += timedelta(minutes=rng.randint(1, 3))
                say(now, DANRAMIL, rng.choice(["Mantap", "Lanjutkan", "Mantap, lanjutkan"]))
            if rng.random() < 0.15:
                now += timedelta(minutes=rng.randint(6, 20))
                say(now, rng.choice(BABINSA)[1], "Pak, besok kerja bakti di desa jam berapa?")
            if rng.random() < 0.05:
                now += timedelta(minutes=rng.randint(6, 20))
                say(now, sender, "Pesan ini telah dihapus")
                count -= 1  # WhatsApp's words, not a message read
        day += timedelta(days=1)
    return Generated("\n".join(lines) + "\n", count, truths)


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    true_found: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, reading: ChatReading, truths: list[Truth]) -> None:
        self.expected += len(truths)
        self.found += len(reading.entries)
        by_key = {(entry.report.sender, entry.report.sent_at.isoformat()[:16]): entry for entry in reading.entries}
        for truth in truths:
            entry = by_key.get((truth.sender, truth.sent_at))
            if entry is None:
                continue
            self.true_found += 1
            values = entry.values
            got: dict[str, Any] = {
                "date": values.get("date"),
                "babinsa": values.get("babinsa") or None,
                "village": values.get("village"),
                "kind": values.get("kind"),
                "photos": len(values.get("photos") or []),
            }
            for key in FIELDS:
                self.right[key] += got[key] == getattr(truth, key)

    def lines(self, title: str) -> list[str]:
        precision = self.true_found / self.found if self.found else 1.0
        recall = self.true_found / self.expected if self.expected else 1.0
        rows = [
            f"{title}: {self.expected} reports, {self.found} found, {self.true_found} of them true "
            f"(precision {precision:.1%}, recall {recall:.1%})",
            "  read right, of the reports found: "
            + ", ".join(f"{key} {self.right[key]}/{self.true_found}" for key in FIELDS),
        ]
        return rows


def fixture_score() -> Score:
    score = Score()
    truths: dict[str, list[Truth]] = {}
    for line in (FIXTURES / "truth.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            name = item.pop("file")
            truths.setdefault(name, []).append(Truth(**item))
    for path in sorted(FIXTURES.glob("*.txt")):
        reading = read_chat_reports(read_chat(path.read_bytes(), path.name), path.name)
        score.add(reading, truths.get(path.name, []))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Write the generated chat to this file.")
    args = parser.parse_args(argv)

    for line in fixture_score().lines("tests/fixtures/whatsapp"):
        print(line)
    for iphone in (False, True):
        generated = generate(args.messages, iphone=iphone)
        data = generated.text.encode("utf-8")
        if args.keep and not iphone:
            args.keep.write_bytes(data)
        best = float("inf")
        reading = None
        for _ in range(args.runs):
            started = time.perf_counter()
            reading = read_chat_reports(read_chat(data, "WhatsApp Chat with Koramil 05 Cibeber.txt"), "bench")
            best = min(best, time.perf_counter() - started)
        assert reading is not None
        score = Score()
        score.add(reading, generated.truths)
        layout = "iPhone" if iphone else "Android"
        for line in score.lines(f"generated {layout} chat of {reading.messages} messages ({len(data) // 1024} KB)"):
            print(line)
        print(f"  read in {best:.2f} s (best of {args.runs}; goal: under 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
