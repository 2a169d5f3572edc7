"""A quarter of field reports for the chart tests: three Koramil, seven Babinsa, fourteen villages.

Deterministic (a seeded Random). Written for these tests: villages spelled two ways,
entries by two Babinsa, entries without a situation, weeks without any visit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from komsos_cli.model import Entry, validate_entry

KORAMIL = {
    "Koramil 03/Kebakkramat": {
        "kecamatan": "Kebakkramat",
        "kabupaten": "Karanganyar",
        "villages": ["Kemiri", "Macanan", "Alastuwo", "Banjarharjo", "Nangsri"],
        "babinsa": [("Serda", "Nursalim"), ("Sertu", "Joko Widagdo"), ("Koptu", "Slamet Riyadi")],
    },
    "Koramil 01/Rengat": {
        "kecamatan": "Rengat Barat",
        "kabupaten": "Indragiri Hulu",
        "villages": ["Pematang Jaya", "Air Molek", "Sungai Raya", "Talang Jerinjing"],
        "babinsa": [("Kopda", "SY.E Hasibuan"), ("Serka", "Dedi Kurniawan")],
    },
    "Koramil 13/Buntu Pane": {
        "kecamatan": "Setia Janji",
        "kabupaten": "Asahan",
        "villages": ["Sei Silau Tua", "Buntu Pane", "Karya Ambalutu", "Lestari"],
        "babinsa": [("Praka", "Rahmad Sitorus"), ("Sertu", "Yohanes Manurung")],
    },
}
TOPICS = ["keamanan", "ekonomi", "pertanian", "kesehatan", "pemilu", "lingkungan", "narkoba", "bencana"]
KINDS = ["komsos", "anjangsana", "patroli", "karya-bakti"]
SITUATIONS = ["aman"] * 6 + ["waspada"] * 2 + ["rawan", None]
# Villages in the care of the profile: two of them never appear in an entry.
CARE = ["Kemiri", "Macanan", "Alastuwo", "Banjarharjo", "Nangsri", "Girimulyo", "Desa Waru"]


def quarter_entries(seed: int = 17, count: int = 160) -> list[Entry]:
    """`count` entries from 2025-01-01 to 2025-03-31 (a few in December and April, outside Q1)."""
    pick = random.Random(seed)
    entries = []
    names = list(KORAMIL)
    for number in range(count):
        koramil = pick.choice(names)
        unit = KORAMIL[koramil]
        day = date(2024, 12, 20) + timedelta(days=pick.randrange(0, 115))
        village = pick.choice(unit["villages"])
        if village == "Banjarharjo" and date(2025, 2, 1) <= day <= date(2025, 2, 28):
            continue  # nobody went to Banjarharjo in February: the heatmap must show it
        if village == "Kemiri" and pick.random() < 0.3:
            village = "Desa Kemiri"  # the same village, spelled as people write it
        people = pick.sample(unit["babinsa"], 2 if pick.random() < 0.1 else 1)
        topics = pick.sample(TOPICS, pick.randrange(0, 3))
        situation = pick.choice(SITUATIONS)
        stamp = f"{day.isoformat()}T09:00:00+00:00"
        raw: dict[str, object] = {
            "id": f"{number:08d}-1700-4000-8000-000000000000",
            "date": day.isoformat(),
            "kind": pick.choice(KINDS),
            "babinsa": [{"rank": rank, "name": name} for rank, name in people],
            "koramil": koramil.lower() if pick.random() < 0.1 else koramil,
            "village": village,
            "kecamatan": unit["kecamatan"],
            "kabupaten": unit["kabupaten"],
            "topics": topics,
            "summary": f"Komsos dengan warga {village} tentang {', '.join(topics) or 'kabar desa'}",
            "created_at": stamp,
            "updated_at": stamp,
        }
        if situation:
            raw["situation"] = situation
        entries.append(validate_entry(raw))
    return entries
