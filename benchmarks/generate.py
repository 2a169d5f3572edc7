"""Realistic komsos stores (and peer journals of the same size) for the benchmark.

A store of N entries looks like a Kodim's merged year(s): about 400 villages in 40
Kecamatan of 8 Kabupaten, 160 Babinsa, entries over several years, about 15
filled fields and a ~300-character Indonesian summary each. Every entry goes
through `komsos_cli.model.validate_entry`, and the file is written in the store's
own format (`store.empty_store()`, entries keyed "1", "2", ...), as komsos
would have written it.

Everything is deterministic (seeded), so two runs measure the same files.

    python benchmarks/generate.py 10000 --out /tmp/komsos-bench/store-10000.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

# From a clean checkout the package may not be installed in this interpreter: use the checkout's.
try:
    from komsos_cli import model, store
except ImportError:  # pragma: no cover - depends on how the script is run
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from komsos_cli import model, store

if TYPE_CHECKING:
    from komsos_cli.model import Entry

GENERATOR_VERSION = 2
SEED = 20250117
TARGET_VILLAGE = "Pematang Jaya"  # present in every generated store; `list --village` asks for it
FIRST_DAY = date(2021, 1, 1)
LAST_DAY = date(2025, 12, 31)

_PREFIXES = (
    "Sei", "Pematang", "Sumber", "Karang", "Tanjung", "Suka", "Mekar", "Bukit", "Teluk", "Batu",
    "Air", "Koto", "Lubuk", "Padang", "Sido", "Tegal", "Kuala", "Simpang", "Rantau", "Kebun",
)  # fmt: skip
_ROOTS = (
    "Jaya", "Makmur", "Rejo", "Mulyo", "Sari", "Baru", "Indah", "Agung", "Harapan", "Damai",
    "Silau Tua", "Lestari", "Asri", "Tengah", "Raya", "Merah", "Putih", "Gading", "Manis", "Pinang",
    "Kemiri", "Sejahtera", "Permai", "Subur", "Emas",
)  # fmt: skip
_KABUPATEN = (
    ("Indragiri Hulu", "Riau", "Kodim 0302/Inhu"),
    ("Karanganyar", "Jawa Tengah", "Kodim 0727/Karanganyar"),
    ("Asahan", "Sumatera Utara", "Kodim 0208/Asahan"),
    ("Sleman", "DI Yogyakarta", "Kodim 0732/Sleman"),
    ("Banyumas", "Jawa Tengah", "Kodim 0701/Banyumas"),
    ("Deli Serdang", "Sumatera Utara", "Kodim 0204/Deli Serdang"),
    ("Kampar", "Riau", "Kodim 0313/Kampar"),
    ("Lampung Selatan", "Lampung", "Kodim 0421/Lampung Selatan"),
)
_KECAMATAN_WORDS = (
    "Rengat Barat", "Kebakkramat", "Setia Janji", "Buntu Pane", "Gatak", "Ngaglik", "Depok", "Sokaraja",
    "Kembaran", "Tanjung Morawa", "Percut", "Bangkinang", "Siak Hulu", "Kalianda", "Natar", "Jati Agung",
    "Pasir Penyu", "Seberida", "Colomadu", "Jaten", "Air Batu", "Meranti", "Mlati", "Gamping", "Baturraden",
    "Patikraja", "Lubuk Pakam", "Pagar Merbau", "Tambang", "Kampar Kiri", "Sidomulyo", "Katibung",
    "Lirik", "Kelayang", "Tasikmadu", "Karangpandan", "Pulau Rakyat", "Rawang Panca", "Cangkringan", "Kalasan",
)  # fmt: skip
_FIRST_NAMES = (
    "Nursalim", "Jasem", "Hasibuan", "Sutrisno", "Bambang", "Suparman", "Agus Salim", "Riyanto", "Darmawan",
    "Harahap", "Siregar", "Nasution", "Wahyudi", "Slamet", "Purnomo", "Hendra", "Iwan Setiawan", "Rudi",
    "Sugeng", "Marpaung", "Lubis", "Kurniawan", "Joko Susilo", "Eko Prasetyo",
)  # fmt: skip
_RANKS = ("Serda", "Sertu", "Serka", "Serma", "Pelda", "Peltu", "Kopda", "Koptu", "Kopka")
_VENUES = (
    "kedai kopi", "Balai Desa", "rumah Kepala Desa", "pos kamling", "masjid", "sawah warga", "pasar desa",
    "Puskesmas Pembantu", "sekolah dasar", "lapangan desa", None,
)  # fmt: skip
_COUNTERPARTS = (
    "warga", "Kepala Desa", "Sekretaris Desa", "Kadus Dsn 2 Bapak Faisal", "Bhabinkamtibmas", "tokoh agama",
    "tokoh masyarakat", "kelompok tani", "ketua RT 03", "bidan desa", "pemuda karang taruna", "ibu-ibu PKK",
)  # fmt: skip
_TOPICS = model.TOPICS
_OPENINGS = (
    "Babinsa melaksanakan Komsos dengan warga binaan di {venue} Desa {village}",
    "Dalam rangka mempererat hubungan TNI dengan rakyat, Babinsa Koramil mengunjungi {village}",
    "Babinsa melakukan anjangsana ke rumah tokoh masyarakat di Desa {village}",
    "Kegiatan pendampingan kelompok tani dilaksanakan Babinsa di wilayah {village}",
    "Babinsa bersama Bhabinkamtibmas melaksanakan patroli wilayah di Desa {village}",
)
_SENTENCES = (
    "Warga menyampaikan bahwa situasi wilayah aman dan kondusif.",
    "Babinsa mengajak warga menjaga kebersihan lingkungan dan kesehatan keluarga.",
    "Dibahas juga persiapan musim tanam dan ketersediaan pupuk bersubsidi bagi petani.",
    "Warga mengeluhkan jalan desa yang rusak dan berlubang saat musim hujan.",
    "Babinsa menghimbau warga agar tidak mudah terpengaruh berita bohong di media sosial.",
    "Tokoh agama mendukung program pemerintah demi memajukan pembangunan di desa.",
    "Kegiatan berlangsung dengan suasana santai sambil menikmati secangkir kopi.",
    "Babinsa mencatat harga kebutuhan pokok di pasar desa yang mulai naik.",
    "Warga diajak aktif dalam siskamling untuk mencegah pencurian ternak.",
    "Disampaikan pula pentingnya menjaga kerukunan menjelang pemilihan kepala desa.",
)
_FINDINGS = (
    "Jalan desa rusak sepanjang 300 meter",
    "Harga pupuk naik dan stok terbatas",
    "Pencurian ternak di Dusun 2",
    "Saluran irigasi tersumbat",
    "Warga belum menerima bantuan sosial",
)
_FOLLOW_UPS = (
    "Laporkan jalan rusak ke Danramil",
    "Koordinasi dengan PPL tentang pupuk",
    "Patroli malam bersama Bhabinkamtibmas",
)


class World:
    """The places and people the entries are drawn from (fixed by the seed)."""

    def __init__(self, rng: random.Random) -> None:
        names = [f"{p} {r}" for p in _PREFIXES for r in _ROOTS]
        rng.shuffle(names)
        names.remove(TARGET_VILLAGE)
        self.villages = [TARGET_VILLAGE, *names[:399]]
        kecamatan = list(_KECAMATAN_WORDS)
        # kecamatan i lies in kabupaten i % 8; village j in kecamatan j % 40
        self.kecamatan_of = {v: kecamatan[i % len(kecamatan)] for i, v in enumerate(self.villages)}
        self.kabupaten_of = {k: _KABUPATEN[i % len(_KABUPATEN)] for i, k in enumerate(kecamatan)}
        self.koramil_of = {k: f"Koramil {i % 20 + 1:02d}/{k}" for i, k in enumerate(kecamatan)}
        self.babinsa_of: dict[str, list[dict[str, str]]] = {}
        people = [
            {"rank": rng.choice(_RANKS), "name": f"{rng.choice(_FIRST_NAMES)} {chr(65 + i % 26)}."} for i in range(160)
        ]
        for i, village in enumerate(self.villages):
            self.babinsa_of[village] = [people[i % len(people)]]


def _summary(rng: random.Random, village: str, venue: str | None) -> str:
    text = rng.choice(_OPENINGS).format(village=village, venue=venue or "rumah warga") + "."
    while len(text) < 295:
        text += " " + rng.choice(_SENTENCES)
    if len(text) > 310:  # end on a whole word, about 300 characters
        text = text[: text.rfind(" ", 0, 305)].rstrip(",.") + "."
    return text


def raw_entry(rng: random.Random, world: World, day: date, number: int = 1) -> dict[str, object]:
    """One entry as a user would have recorded it (before validation); the target village every 397th."""
    village = TARGET_VILLAGE if number % 397 == 1 else rng.choice(world.villages)
    kecamatan = world.kecamatan_of[village]
    kabupaten, province, kodim = world.kabupaten_of[kecamatan]
    venue = rng.choice(_VENUES)
    hour, minute = rng.randint(7, 20), rng.choice((0, 15, 30, 45))
    created = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) + timedelta(
        hours=2, seconds=rng.randint(0, 3599), microseconds=rng.randint(0, 999_999)
    )
    entry: dict[str, object] = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "date": day.isoformat(),
        "time": f"{hour:02d}:{minute:02d}",
        "kind": rng.choices(model.KINDS, weights=(40, 20, 8, 10, 8, 5, 6, 3))[0],
        "babinsa": world.babinsa_of[village],
        "koramil": world.koramil_of[kecamatan],
        "kodim": kodim,
        "village": village,
        "village_kind": "Desa",
        "hamlet": f"Dusun {rng.randint(1, 6)}" if rng.random() < 0.5 else None,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "province": province,
        "venue": venue,
        "counterparts": rng.sample(_COUNTERPARTS, rng.randint(1, 3)),
        "topics": rng.sample(_TOPICS, rng.randint(1, 3)),
        "summary": _summary(rng, village, venue),
        "situation": rng.choices(model.SITUATIONS, weights=(85, 12, 3))[0],
        "findings": rng.sample(_FINDINGS, 1) if rng.random() < 0.2 else [],
        "follow_up": {"action": rng.choice(_FOLLOW_UPS), "status": "open"} if rng.random() < 0.1 else None,
        "place_matched": True,
        "created_at": created.isoformat(timespec="microseconds"),
    }
    return entry


def entries(count: int, seed: int = SEED) -> list[Entry]:
    """`count` valid entries, oldest first, spread evenly over FIRST_DAY..LAST_DAY."""
    rng = random.Random(seed)
    world = World(rng)
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(FIRST_DAY + timedelta(days=rng.randint(0, span)) for _ in range(count))
    return [model.validate_entry(raw_entry(rng, world, day, number)) for number, day in enumerate(days)]


def store_payload(items: list[Entry]) -> bytes:
    tables = store.empty_store()
    tables[store.ENTRIES] = {str(number): entry for number, entry in enumerate(items, start=1)}
    return _dumps(tables)


def _dumps(data: object) -> bytes:
    try:
        import orjson
    except ImportError:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return orjson.dumps(data)


def write_store(path: Path, count: int, seed: int = SEED) -> list[Entry]:
    """Write a store of `count` entries at `path` (0600, as komsos would) and return the entries."""
    items = entries(count, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(store_payload(items))
    path.chmod(0o600)
    return items


# --- peers' journals, in their own formats -------------------------------------------


def write_jrnl(path: Path, items: list[Entry]) -> None:
    """A jrnl (v4) plain-text journal: `[YYYY-MM-DD HH:MM:SS AM] title` then the body; @tags for topics."""
    lines = []
    for entry in items:
        time = entry["time"]
        assert time is not None  # every generated entry has its time
        hour, minute = (int(x) for x in time.split(":"))
        stamp = datetime.fromisoformat(entry["date"]).replace(hour=hour, minute=minute)
        tags = " ".join("@" + topic.replace(" ", "_") for topic in entry["topics"])
        title = f"{entry['kind'].capitalize()} di Desa {entry['village']}."
        lines.append(f"[{stamp.strftime('%Y-%m-%d %I:%M:%S %p')}] {title} {entry['summary']} {tags}\n\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")


def write_jrnl_config(path: Path, journal: Path) -> None:
    path.write_text(
        "colors:\n  body: none\n  date: none\n  tag: none\n  title: none\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\nversion: v4.2\n",
        encoding="utf-8",
    )


def write_watson(folder: Path, items: list[Entry], now: datetime | None = None) -> None:
    """A Watson folder: `frames` is a JSON list of [start, stop, project, id, tags, updated_at].

    The frames keep the entries' spacing but end this week, so `watson log` (the last
    7 days by default) has something to show, as a working user's would.
    """
    now = now or datetime.now(UTC)
    last = datetime.fromisoformat(items[-1]["created_at"])
    shift = now - last - timedelta(hours=1)
    frames = []
    for entry in items:
        start = datetime.fromisoformat(entry["created_at"]) + shift
        stop = start + timedelta(minutes=45)
        project = entry["village"].replace(" ", "-")
        tags = [entry["kind"], *(topic.replace(" ", "-") for topic in entry["topics"])]
        frames.append([int(start.timestamp()), int(stop.timestamp()), project, entry["id"].replace("-", ""), tags,
                       int(stop.timestamp())])  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "frames").write_text(json.dumps(frames, ensure_ascii=False), encoding="utf-8")
    (folder / "state").write_text("{}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="number of entries")
    parser.add_argument("--out", type=Path, required=True, help="the store file to write")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    write_store(args.out, args.count, args.seed)
    print(f"{args.out}: {args.count} entries, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
