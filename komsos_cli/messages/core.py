"""Messages of the core: dates, fields, ids, the store, record/list/show/edit/delete/profile."""

MESSAGES: dict[str, dict[str, str]] = {
    # dates
    "date.empty": {"en": "no date given", "id": "tanggal kosong"},
    "date.unreadable": {
        "en": "cannot read the date {text!r}; write it day first, e.g. 17/01/2025 or 17 Januari 2025",
        "id": "tanggal {text!r} tidak terbaca; tulis hari dulu, mis. 17/01/2025 atau 17 Januari 2025",
    },
    "date.impossible": {
        "en": "{text!r} is not a real date (day {day}, month {month}, year {year})",
        "id": "{text!r} bukan tanggal yang ada (hari {day}, bulan {month}, tahun {year})",
    },
    "date.month_first": {
        "en": "{text!r} reads only month first; komsos reads dates day first (DD/MM/YYYY)",
        "id": "{text!r} hanya terbaca bulan dulu; komsos membaca tanggal hari dulu (HH/BB/TTTT)",
    },
    "date.future": {
        "en": "{text!r} was read as {date}, which is in the future",
        "id": "{text!r} terbaca sebagai {date}, yang belum terjadi",
    },
    "date.weekday": {
        "en": "{text!r}: {date} is a {actual}, not a {written}",
        "id": "{text!r}: {date} adalah hari {actual}, bukan {written}",
    },
    "date.old_year": {
        "en": "{text!r}: the year {year} cannot be right (reports start in {first}); write the full year, e.g. 2025",
        "id": "{text!r}: tahun {year} tidak mungkin (laporan mulai tahun {first}); tulis tahun lengkap, mis. 2025",
    },
    "date.too_far_back": {
        "en": "{text!r} goes back before {first}; give the date itself, e.g. 17/01/2025",
        "id": "{text!r} mundur sampai sebelum tahun {first}; tulis tanggalnya, mis. 17/01/2025",
    },
    "time.unreadable": {
        "en": "cannot read the time {text!r}; write e.g. 08:30, 08.30 WIB or pagi",
        "id": "waktu {text!r} tidak terbaca; tulis mis. 08:30, 08.30 WIB atau pagi",
    },
    # fields and values
    "field.required": {"en": "missing required field(s): {fields}", "id": "kolom wajib belum diisi: {fields}"},
    "field.too_long": {
        "en": "{field} is too long: {length} characters, at most {limit}",
        "id": "{field} terlalu panjang: {length} karakter, paling banyak {limit}",
    },
    "field.too_many": {
        "en": "{field} has too many items: {count}, at most {limit}",
        "id": "{field} terlalu banyak: {count} butir, paling banyak {limit}",
    },
    "field.not_utf8": {
        "en": "{field} is not valid UTF-8 text (is the terminal set to UTF-8?)",
        "id": "{field} bukan teks UTF-8 yang sah (apakah terminal memakai UTF-8?)",
    },
    "field.binary": {
        "en": "{field} holds binary data, not text",
        "id": "{field} berisi data biner, bukan teks",
    },
    "field.choice": {
        "en": "{field}: {value!r} is not one of {choices}",
        "id": "{field}: {value!r} bukan salah satu dari {choices}",
    },
    "field.type": {"en": "{field}: expected {expected}", "id": "{field}: seharusnya {expected}"},
    "expected.uuid": {"en": "a UUID", "id": "sebuah UUID"},
    "expected.date": {"en": "YYYY-MM-DD", "id": "TTTT-BB-HH"},
    "expected.timestamp": {"en": "ISO 8601 timestamp", "id": "cap waktu ISO 8601"},
    "expected.time": {"en": "HH:MM", "id": "JJ:MM"},
    "expected.text": {"en": "text", "id": "teks"},
    "expected.texts": {"en": "a list of texts", "id": "daftar teks"},
    "expected.babinsa": {"en": "a list of {{rank, name}}", "id": "daftar {{rank, name}}"},
    "expected.follow_up": {"en": "{{action, status}}", "id": "{{action, status}}"},
    "field.unknown": {"en": "unknown field(s): {fields}", "id": "kolom tidak dikenal: {fields}"},
    "babinsa.rank": {
        "en": "{text!r} does not start with a TNI AD rank (e.g. Serda, Kopda, Peltu, Letda, Kapten)",
        "id": "{text!r} tidak diawali pangkat TNI AD (mis. Serda, Kopda, Peltu, Letda, Kapten)",
    },
    "babinsa.name": {"en": "{text!r} has a rank but no name", "id": "{text!r} berisi pangkat tanpa nama"},
    "since.after_until": {
        "en": "--since {since} is after --until {until}: no day is in between",
        "id": "--since {since} sesudah --until {until}: tidak ada hari di antaranya",
    },
    "filter.empty": {
        "en": "{option} was given an empty value; give what to select, or leave {option} out",
        "id": "{option} diberi nilai kosong; sebutkan yang dipilih, atau jangan pakai {option}",
    },
    "limit.negative": {"en": "--limit must be 0 or more", "id": "--limit harus 0 atau lebih"},
    # ids
    "id.not_found": {"en": "no entry with id {prefix!r}", "id": "tidak ada entri dengan id {prefix!r}"},
    "id.ambiguous": {
        "en": "id {prefix!r} matches {count} entries ({examples}); type more of it",
        "id": "id {prefix!r} cocok dengan {count} entri ({examples}); ketik lebih panjang",
    },
    "id.empty": {"en": "no id given", "id": "id kosong"},
    # store
    "store.unreadable": {
        "en": "the store {path} cannot be read ({reason}); it was not changed. Run `komsos doctor` to check it and restore a backup",
        "id": "berkas data {path} tidak terbaca ({reason}); tidak diubah. Jalankan `komsos doctor` untuk memeriksa dan memulihkan cadangan",
    },
    "store.newer": {
        "en": "the store {path} has schema version {found}, newer than this komsos understands ({supported}); upgrade komsos",
        "id": "berkas data {path} memakai skema versi {found}, lebih baru dari yang dipahami komsos ini ({supported}); perbarui komsos",
    },
    "store.locked": {
        "en": "the store {path} is locked by another komsos process (waited {seconds:g} s); try again, or end that process",
        "id": "berkas data {path} sedang dikunci proses komsos lain (menunggu {seconds:g} detik); coba lagi, atau hentikan proses itu",
    },
    "store.write_failed": {
        "en": "could not write the store {path} ({reason}); the previous file is unchanged",
        "id": "gagal menulis berkas data {path} ({reason}); berkas sebelumnya tidak berubah",
    },
    "db.empty": {
        "en": "--db was given an empty path; name the store file, or leave --db out",
        "id": "--db diberi lokasi kosong; sebutkan berkas data, atau jangan pakai --db",
    },
    "store.is_dir": {"en": "the store path {path} is a folder", "id": "lokasi berkas data {path} adalah folder"},
    # commands
    "record.saved": {"en": "recorded {id}", "id": "tercatat {id}"},
    "edit.saved": {"en": "updated {id}", "id": "diperbarui {id}"},
    "edit.nothing": {
        "en": "nothing to change: give at least one option",
        "id": "tidak ada yang diubah: beri minimal satu opsi",
    },
    "delete.confirm": {"en": "Delete entry {id} ({date}, {village})?", "id": "Hapus entri {id} ({date}, {village})?"},
    "delete.done": {"en": "deleted {id}", "id": "terhapus {id}"},
    "delete.needs_yes": {
        "en": "not at a terminal: add --yes to delete {id}",
        "id": "bukan di terminal: tambahkan --yes untuk menghapus {id}",
    },
    "cancelled": {"en": "cancelled; nothing changed", "id": "dibatalkan; tidak ada yang berubah"},
    "list.empty": {"en": "no entries match", "id": "tidak ada entri yang cocok"},
    "list.count": {"en": "{shown} of {total} entries", "id": "{shown} dari {total} entri"},
    "profile.nothing": {
        "en": "nothing to set: give at least one option (komsos profile set --help)",
        "id": "tidak ada yang diisi: beri minimal satu opsi (komsos profile set --help)",
    },
    "profile.saved": {"en": "profile saved", "id": "profil tersimpan"},
    "profile.empty": {
        "en": 'no profile yet: set one with `komsos profile set --babinsa "Serda Nama" ...`',
        "id": 'belum ada profil: isi dengan `komsos profile set --babinsa "Serda Nama" ...`',
    },
    "prompt.village": {"en": "Village (Desa/Kelurahan)", "id": "Desa/Kelurahan"},
    "prompt.summary": {"en": "What happened (summary)", "id": "Ringkasan kegiatan"},
    "prompt.babinsa": {"en": "Babinsa (rank and name)", "id": "Babinsa (pangkat dan nama)"},
    # command-line usage (the parser's own errors, worded as it words them in English)
    "usage.missing_argument": {"en": "Missing argument {name}.", "id": "argumen {name} belum diberikan"},
    "usage.missing_option": {"en": "Missing option {name}.", "id": "opsi {name} belum diberikan"},
    "usage.no_such_option": {"en": "No such option: {option}", "id": "opsi tidak dikenal: {option}"},
    "usage.possible_options": {"en": " (Possible options: {options})", "id": " (mungkin maksudnya: {options})"},
    "usage.no_such_command": {"en": "No such command {name}.", "id": "perintah tidak dikenal: {name}"},
    "usage.did_you_mean": {"en": " Did you mean {names}?", "id": "; maksudnya {names}?"},
    "usage.needs_value": {"en": "Option {option} requires an argument.", "id": "opsi {option} perlu nilai"},
    "usage.takes_no_value": {
        "en": "Option {option} does not take a value.",
        "id": "opsi {option} tidak menerima nilai",
    },
    "usage.extra_arguments": {
        "en": "Got unexpected extra argument(s) ({arguments})",
        "id": "argumen berlebih yang tidak dikenal: {arguments}",
    },
    "usage.not_a_number": {
        "en": "Invalid value for {option}: {value} is not a valid integer.",
        "id": "nilai {value} untuk {option} bukan bilangan bulat",
    },
    "usage.invalid_value": {
        "en": "Invalid value for {option}: {detail}",
        "id": "nilai tidak sah untuk {option}: {detail}",
    },
    "internal": {
        "en": "internal error: {kind}: {text} (run again with --debug for details)",
        "id": "kesalahan internal: {kind}: {text} (jalankan lagi dengan --debug untuk rincian)",
    },
    "interrupted": {"en": "interrupted; nothing changed", "id": "dihentikan; tidak ada yang berubah"},
    "input.not_utf8": {"en": "input is not valid UTF-8 text", "id": "masukan bukan teks UTF-8 yang sah"},
}
