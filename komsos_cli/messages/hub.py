"""Messages of the PostgreSQL hub (store/hub.py) and `push`."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "hub.no_psycopg": {
        "en": "the store {address} is a PostgreSQL hub, and psycopg is not installed: pip install 'komsos-cli[hub]'",
        "id": "berkas data {address} adalah hub PostgreSQL, dan psycopg belum terpasang: pip install 'komsos-cli[hub]'",
    },
    "hub.unreachable": {
        "en": "cannot connect to the hub {address}: {reason}",
        "id": "tidak dapat tersambung ke hub {address}: {reason}",
    },
    "hub.failed": {
        "en": "the hub {address} failed: {reason}; nothing was changed",
        "id": "hub {address} gagal: {reason}; tidak ada yang diubah",
    },
    "hub.newer": {
        "en": "the hub {address} has schema version {found}, newer than this komsos understands ({supported}); upgrade komsos",
        "id": "hub {address} memakai skema versi {found}, lebih baru dari yang dipahami komsos ini ({supported}); perbarui komsos",
    },
    "hub.locked": {
        "en": "the hub {address} is busy with another import (waited {seconds:g} s); try again",
        "id": "hub {address} sedang dipakai impor lain (menunggu {seconds:g} detik); coba lagi",
    },
    "hub.not_komsos": {
        "en": "the database {address} has a table {table} that komsos did not make; use a database of its own for komsos",
        "id": "basis data {address} punya tabel {table} yang bukan buatan komsos; pakai basis data tersendiri untuk komsos",
    },
    "push.same": {
        "en": "push: the destination is this store itself",
        "id": "push: tujuan adalah berkas data ini sendiri",
    },
    "push.done": {
        "en": "pushed to {dest}: {added} added, {updated} updated, {unchanged} unchanged",
        "id": "terkirim ke {dest}: {added} ditambah, {updated} diperbarui, {unchanged} tidak berubah",
    },
    "push.dest_empty": {
        "en": "push: no destination given; name a hub address (postgresql://...) or a store file",
        "id": "push: tujuan belum disebut; sebutkan alamat hub (postgresql://...) atau berkas data",
    },
    "doctor.hub.ok": {"en": "connected to {address} ({server})", "id": "tersambung ke {address} ({server})"},
    "doctor.hub.schema": {"en": "schema version {version}", "id": "skema versi {version}"},
    "doctor.hub.counts": {
        "en": "{entries} entries, {history} versions in the history ({deleted} deletions)",
        "id": "{entries} entri, {history} versi dalam riwayat ({deleted} penghapusan)",
    },
    "doctor.hub.index_missing": {
        "en": "index {name} is missing; the next komsos write makes it again",
        "id": "indeks {name} hilang; penulisan komsos berikutnya membuatnya lagi",
    },
    "doctor.hub.restore": {
        "en": "{address} is a hub: back it up with pg_dump and restore with pg_restore (see docs/hub.md)",
        "id": "{address} adalah hub: cadangkan dengan pg_dump dan pulihkan dengan pg_restore (lihat docs/hub.md)",
    },
    "doctor.hub.indexes": {"en": "{count} indexes in place", "id": "{count} indeks tersedia"},
    "doctor.hub.empty": {
        "en": "the hub has no komsos tables yet; the first write makes them",
        "id": "hub belum punya tabel komsos; penulisan pertama membuatnya",
    },
}
