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

MESSAGES.update(
    {
        "revert.deleted": {
            "en": "entry {id} is deleted; bring it back first with: komsos undelete {id}",
            "id": "entri {id} sudah dihapus; kembalikan dulu dengan: komsos undelete {id}",
        },
        "revert.no_version": {
            "en": "entry {id} has no version {number}; it has versions 1 to {count} (see: komsos history {id})",
            "id": "entri {id} tidak punya versi {number}; versinya 1 sampai {count} (lihat: komsos history {id})",
        },
        "revert.same": {
            "en": "entry {id} is already as version {number}; nothing changed",
            "id": "entri {id} sudah sama dengan versi {number}; tidak ada yang diubah",
        },
        "revert.done": {
            "en": "Entry {id} is back to version {number} (saved as a new version).",
            "id": "Entri {id} kembali ke versi {number} (disimpan sebagai versi baru).",
        },
        "undelete.not_deleted": {
            "en": "entry {id} is not deleted",
            "id": "entri {id} tidak dihapus",
        },
        "undelete.done": {
            "en": "Entry {id} is back, with its history.",
            "id": "Entri {id} kembali, beserta riwayatnya.",
        },
        "history.line": {"en": "{number}  {at}  {event}", "id": "{number}  {at}  {event}"},
        "history.change": {"en": "    {field}: {before} -> {after}", "id": "    {field}: {before} -> {after}"},
        "help.list_deleted": {
            "en": "List the deleted entries instead (bring one back with undelete).",
            "id": "Tampilkan entri yang dihapus (kembalikan dengan undelete).",
        },
        "store.read_only": {
            "en": "the store {path} is read-only (its owner may not write it); nothing was changed."
            " Make it writable with: chmod u+w {path}",
            "id": "penyimpanan {path} hanya-baca (pemiliknya tidak boleh menulis); tidak ada yang diubah."
            " Izinkan menulis dengan: chmod u+w {path}",
        },
        "store.no_folder": {
            "en": "the folder {folder} does not exist; make it first (mkdir -p {folder}) or give another --db",
            "id": "folder {folder} tidak ada; buat dulu (mkdir -p {folder}) atau berikan --db lain",
        },
        "unit.wrong_kind": {
            "en": "{option}: '{value}' is not a {unit}; write it as, e.g., '{example}'",
            "id": "{option}: '{value}' bukan {unit}; tulis seperti '{example}'",
        },
        "list.deleted_empty": {"en": "No deleted entries.", "id": "Tidak ada entri yang dihapus."},
    }
)
