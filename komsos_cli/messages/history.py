"""Messages of duplicates, merge and (later) history: likely the same activity stored twice."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "expected.list": {"en": "a list of ids", "id": "daftar id"},
    "duplicates.warning": {
        "en": "warning: entry {id} is likely the same activity as {other} ({date}, {village}: {why});"
        " fold them with: komsos merge {other} {id}",
        "id": "peringatan: entri {id} kemungkinan kegiatan yang sama dengan {other} ({date}, {village}: {why});"
        " gabungkan dengan: komsos merge {other} {id}",
    },
    "duplicates.why_babinsa": {"en": "same Babinsa", "id": "Babinsa sama"},
    "duplicates.why_summary": {"en": "near-identical summary", "id": "ringkasan hampir sama"},
    "duplicates.none": {"en": "No likely duplicates.", "id": "Tidak ada kemungkinan duplikat."},
    "duplicates.count": {"en": "{count} likely duplicate pair(s).", "id": "{count} pasang kemungkinan duplikat."},
    "duplicates.line": {
        "en": "{first}  {second}  {date}  {village}: {why}",
        "id": "{first}  {second}  {date}  {village}: {why}",
    },
    "merge.same": {
        "en": "cannot merge entry {id} into itself; give two different ids",
        "id": "entri {id} tidak bisa digabung dengan dirinya sendiri; berikan dua id yang berbeda",
    },
    "merge.done": {
        "en": "Merged {other} into {keep}; {other} is deleted (kept in the history).",
        "id": "{other} digabung ke {keep}; {other} dihapus (tersimpan di riwayat).",
    },
}
