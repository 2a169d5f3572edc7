"""Messages of `komsos doctor`: checking the store and restoring backups."""

MESSAGES: dict[str, dict[str, str]] = {
    "doctor.no_store": {
        "en": "no store yet: the first record creates it",
        "id": "belum ada berkas data: catatan pertama akan membuatnya",
    },
    "doctor.no_store_but_backups": {
        "en": "no store, but {count} backup(s) of one (the newest: {entries} entries): if it was deleted by mistake, run `komsos doctor --restore` before recording anything",
        "id": "berkas data tidak ada, tetapi ada {count} cadangannya (terbaru: {entries} entri): jika terhapus tanpa sengaja, jalankan `komsos doctor --restore` sebelum mencatat apa pun",
    },
    "doctor.parses": {"en": "the store reads as a komsos store", "id": "berkas data terbaca sebagai data komsos"},
    "doctor.schema": {
        "en": "schema version {version} (this komsos: {supported})",
        "id": "skema versi {version} (komsos ini: {supported})",
    },
    "doctor.schema_older": {
        "en": "schema version {version}, older than this komsos ({supported}): the next write migrates it and keeps the old file as komsos.json.schema-v{version} beside the backups",
        "id": "skema versi {version}, lebih lama dari komsos ini ({supported}): penulisan berikutnya memperbaruinya dan menyimpan berkas lama sebagai komsos.json.schema-v{version} di samping cadangan",
    },
    "doctor.ids_unique": {"en": "every id is unique", "id": "setiap id unik"},
    "doctor.duplicate_ids": {"en": "{count} duplicate id(s): {ids}", "id": "{count} id ganda: {ids}"},
    "doctor.entries_valid": {"en": "every entry is valid", "id": "setiap entri sah"},
    "doctor.invalid_entries": {"en": "{count} invalid entr(y/ies): {first}", "id": "{count} entri tidak sah: {first}"},
    "doctor.field_shape": {
        "en": "{field} is stored as {found}, not as komsos writes it",
        "id": "{field} tersimpan sebagai {found}, bukan seperti yang ditulis komsos",
    },
    "doctor.field_missing": {"en": "{field} is missing", "id": "{field} tidak ada"},
    "doctor.permissions": {
        "en": "{path} has mode {mode}; it should be {wanted} (readable by its owner only): chmod {wanted} '{path}'",
        "id": "{path} bermode {mode}; seharusnya {wanted} (hanya pemilik yang bisa membaca): chmod {wanted} '{path}'",
    },
    "doctor.permissions_ok": {
        "en": "store and folder are private to their owner",
        "id": "berkas dan folder hanya dapat dibaca pemiliknya",
    },
    "doctor.stray_temp": {
        "en": "{count} temp file(s) from an interrupted write (removed by the next write)",
        "id": "{count} berkas sementara dari penulisan yang terputus (dihapus pada penulisan berikutnya)",
    },
    "doctor.no_backups": {
        "en": "no backups yet (one is kept at every write)",
        "id": "belum ada cadangan (dibuat pada setiap penulisan)",
    },
    "doctor.backups_not_folder": {
        "en": "no backups can be kept: {path} is not a folder (move it away)",
        "id": "cadangan tidak bisa dibuat: {path} bukan folder (pindahkan)",
    },
    "doctor.backups_off": {
        "en": "backups are turned off (KOMSOS_BACKUPS=0)",
        "id": "cadangan dimatikan (KOMSOS_BACKUPS=0)",
    },
    "doctor.not_writable": {
        "en": "the folder {path} cannot be written: records, edits and restores will fail",
        "id": "folder {path} tidak bisa ditulisi: pencatatan, perubahan dan pemulihan akan gagal",
    },
    "doctor.backup_line": {
        "en": "backup {generation}: {modified}, {count} entries",
        "id": "cadangan {generation}: {modified}, {count} entri",
    },
    "doctor.backup_unreadable": {
        "en": "backup {generation}: {modified}, unreadable: {problem}",
        "id": "cadangan {generation}: {modified}, tidak terbaca: {problem}",
    },
    "doctor.backups_same": {
        "en": "every readable backup of {path} ({count}) is the same as the current store: restoring changes nothing",
        "id": "setiap cadangan {path} yang terbaca ({count}) sama dengan berkas data sekarang: pemulihan tidak mengubah apa pun",
    },
    "doctor.no_good_backup": {
        "en": "no readable backup of {path} to restore",
        "id": "tidak ada cadangan {path} yang terbaca untuk dipulihkan",
    },
    "doctor.newer": {
        "en": "schema version {version} is newer than this komsos understands ({supported}): the store is not damaged; update komsos to read it",
        "id": "skema versi {version} lebih baru dari yang dipahami komsos ini ({supported}): berkas data tidak rusak; perbarui komsos untuk membacanya",
    },
    "doctor.newer_summary": {
        "en": "the store was written by a newer komsos: update komsos (do not restore a backup: that would drop what the newer komsos wrote)",
        "id": "berkas data ditulis oleh komsos yang lebih baru: perbarui komsos (jangan pulihkan cadangan: itu membuang yang ditulis komsos baru)",
    },
    "doctor.restore_newer": {
        "en": "the store {path} has schema version {version}, newer than this komsos ({supported}); it is not damaged, so no backup is restored over it: update komsos",
        "id": "berkas data {path} memakai skema versi {version}, lebih baru dari komsos ini ({supported}); berkas tidak rusak, jadi tidak ada cadangan yang dipulihkan menimpanya: perbarui komsos",
    },
    "doctor.healthy": {"en": "the store is healthy", "id": "berkas data sehat"},
    "doctor.damaged": {
        "en": "the store is damaged: run `komsos doctor --restore` to bring back the newest good backup",
        "id": "berkas data rusak: jalankan `komsos doctor --restore` untuk memulihkan cadangan terbaru yang baik",
    },
    "doctor.plan": {
        "en": "restore backup {generation} ({modified}, {entries} entries) over the current store ({current})",
        "id": "pulihkan cadangan {generation} ({modified}, {entries} entri) menggantikan berkas data sekarang ({current})",
    },
    "doctor.plan_current_damaged": {"en": "damaged, kept aside", "id": "rusak, disimpan terpisah"},
    "doctor.plan_current": {"en": "{count} entries", "id": "{count} entri"},
    "doctor.plan_lost": {
        "en": "{count} entr(y/ies) in the current store are not in the backup and would leave it (kept in the set-aside file): {ids}",
        "id": "{count} entri di berkas sekarang tidak ada di cadangan dan akan hilang darinya (tetap ada di berkas yang disisihkan): {ids}",
    },
    "doctor.plan_back": {"en": "{count} entr(y/ies) come back", "id": "{count} entri kembali"},
    "doctor.plan_changed": {
        "en": "{count} entr(y/ies) go back to an older version",
        "id": "{count} entri kembali ke versi lama",
    },
    "doctor.changed_since_plan": {
        "en": "the store {path} or its backups changed since the plan was shown (another komsos wrote); nothing was restored: run `komsos doctor --restore` again",
        "id": "berkas data {path} atau cadangannya berubah sejak rencana ditampilkan (komsos lain menulis); tidak ada yang dipulihkan: jalankan `komsos doctor --restore` lagi",
    },
    "doctor.confirm": {"en": "Restore this backup?", "id": "Pulihkan cadangan ini?"},
    "doctor.needs_yes": {
        "en": "not at a terminal: add --yes to restore",
        "id": "bukan di terminal: tambahkan --yes untuk memulihkan",
    },
    "doctor.restored": {
        "en": "restored backup {generation}; the previous file is kept at {kept}",
        "id": "cadangan {generation} dipulihkan; berkas sebelumnya disimpan di {kept}",
    },
    "doctor.restored_plain": {"en": "restored backup {generation}", "id": "cadangan {generation} dipulihkan"},
}
