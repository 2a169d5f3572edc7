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
    "store.damaged_entries": {
        "en": "the store {path} holds entries komsos does not write ({finding}); it was not changed. Run `komsos doctor` to check it and restore a backup",
        "id": "penyimpanan {path} berisi entri yang tidak ditulis komsos ({finding}); tidak diubah. Jalankan `komsos doctor` untuk memeriksa dan memulihkan cadangan",
    },
    "internal": {
        "en": "internal error: {kind}: {text} (run again with --debug for details)",
        "id": "kesalahan internal: {kind}: {text} (jalankan lagi dengan --debug untuk rincian)",
    },
    "interrupted": {"en": "interrupted; nothing changed", "id": "dihentikan; tidak ada yang berubah"},
    # --help of the core commands in Indonesian: `en` must be the help text exactly as the code
    # has it (tests/test_docs.py checks); a help text changed in the code without its entry here
    # stays English rather than show a stale translation.
    "help.command.komsos": {
        "en": (
            "komsos: record and report Babinsa field activities (Komsos, anjangsana, patroli, ...).\n\n"
            "Example: komsos record --village Kemiri --summary 'Komsos dengan Sekdes' --babinsa 'Serda Nursalim'"
        ),
        "id": (
            "komsos: mencatat dan melaporkan kegiatan lapangan Babinsa (Komsos, anjangsana, patroli, ...).\n\n"
            "Contoh: komsos record --village Kemiri --summary 'Komsos dengan Sekdes' --babinsa 'Serda Nursalim'"
        ),
    },
    "help.command.record": {
        "en": (
            "Record one activity (Komsos, anjangsana, ...). Prints the new entry's id.\n\n"
            "Missing village, summary or Babinsa are asked for at a terminal; elsewhere the\n"
            "command fails (exit 2) naming them. The profile fills Babinsa, units and area.\n\n"
            "The village is looked up in the gazetteer within the area given (or the profile's):\n"
            "its official spelling is stored and kecamatan, kabupaten and province filled in. A name\n"
            "found in several places is asked at a terminal, else fails (exit 2) listing them; a name\n"
            "not found is stored as typed with a warning (refused with --strict).\n\n"
            'Example: komsos record -d "Jum\'at (17/01/2025)" -b "Kopda SY.E Hasibuan" -v "Pematang Jaya"\n'
            '--kecamatan "Rengat Barat" --kabupaten "Indragiri Hulu" --venue "kedai kopi"\n'
            '-t keamanan -s "Komsos dengan warga di kedai kopi" --situation aman'
        ),
        "id": (
            "Mencatat satu kegiatan (Komsos, anjangsana, ...). Mencetak id entri yang baru.\n\n"
            "Desa, ringkasan atau Babinsa yang belum diisi ditanyakan di terminal; di luar terminal\n"
            "perintah gagal (kode 2) dan menyebutkannya. Profil mengisi Babinsa, satuan dan wilayah.\n\n"
            "Desa dicari di gazetir dalam wilayah yang diberikan (atau wilayah profil): ejaan\n"
            "resminya disimpan dan kecamatan, kabupaten serta provinsi diisi. Nama yang ada di\n"
            "beberapa tempat ditanyakan di terminal, atau gagal (kode 2) dengan daftarnya; nama yang\n"
            "tidak ditemukan disimpan seperti diketik dengan peringatan (ditolak dengan --strict).\n\n"
            'Contoh: komsos record -d "Jum\'at (17/01/2025)" -b "Kopda SY.E Hasibuan" -v "Pematang Jaya"\n'
            '--kecamatan "Rengat Barat" --kabupaten "Indragiri Hulu" --venue "kedai kopi"\n'
            '-t keamanan -s "Komsos dengan warga di kedai kopi" --situation aman'
        ),
    },
    "help.command.list": {
        "en": (
            "List entries, newest first, filtered by village, kind, dates, ...\n\n"
            'Example: komsos list --village "Sei Silau Tua" --since 01/01/2022 --limit 20'
        ),
        "id": (
            "Menampilkan entri, yang terbaru dulu, disaring menurut desa, jenis, tanggal, ...\n\n"
            'Contoh: komsos list --village "Sei Silau Tua" --since 01/01/2022 --limit 20'
        ),
    },
    "help.command.show": {
        "en": "Show one entry in full.\n\nExample: komsos show 3f2a",
        "id": "Menampilkan satu entri selengkapnya.\n\nContoh: komsos show 3f2a",
    },
    "help.command.edit": {
        "en": (
            "Change fields of an entry; the previous version is kept in its history.\n\n"
            "List options (--babinsa, --with, --topic, --finding) replace the whole list; an empty\n"
            'value clears an optional field (--situation "", --follow-up ""). A changed\n'
            "village or area is checked against the gazetteer as in `record`.\n\n"
            'Example: komsos edit 3f2a --situation waspada --finding "Warga mengeluhkan jalan rusak"'
        ),
        "id": (
            "Mengubah isian sebuah entri; versi sebelumnya disimpan dalam riwayatnya.\n\n"
            "Opsi daftar (--babinsa, --with, --topic, --finding) mengganti seluruh daftar; nilai\n"
            'kosong menghapus isian yang tidak wajib (--situation "", --follow-up ""). Desa atau\n'
            "wilayah yang diubah diperiksa di gazetir seperti pada `record`.\n\n"
            'Contoh: komsos edit 3f2a --situation waspada --finding "Warga mengeluhkan jalan rusak"'
        ),
    },
    "help.command.delete": {
        "en": (
            "Delete an entry (it asks first; --yes when not at a terminal). The entry is kept in history.\n\n"
            "Example: komsos delete 3f2a --yes"
        ),
        "id": (
            "Menghapus sebuah entri (bertanya dulu; --yes bila bukan di terminal). Entri tetap ada di riwayat.\n\n"
            "Contoh: komsos delete 3f2a --yes"
        ),
    },
    "help.command.profile": {
        "en": (
            "Who you are: rank, name, units and the villages in your care; record fills them in.\n\n"
            'Example: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat" -v Kemiri'
        ),
        "id": (
            "Siapa Anda: pangkat, nama, satuan dan desa binaan; record mengisikannya.\n\n"
            'Contoh: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat" -v Kemiri'
        ),
    },
    "help.command.profile.set": {
        "en": (
            "Set your profile; `record` takes Babinsa, Koramil, Kodim and area from it.\n\n"
            "Kabupaten, kecamatan and villages are checked against the gazetteer as in `record`:\n"
            "official spellings are stored and the kabupaten and province filled in.\n\n"
            'Example: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat"\n'
            '--kodim "Kodim 0727/Karanganyar" --kabupaten Karanganyar --kecamatan Kebakkramat -v Kemiri'
        ),
        "id": (
            "Mengisi profil Anda; `record` mengambil Babinsa, Koramil, Kodim dan wilayah darinya.\n\n"
            "Kabupaten, kecamatan dan desa diperiksa di gazetir seperti pada `record`: ejaan resmi\n"
            "disimpan dan kabupaten serta provinsi diisi.\n\n"
            'Contoh: komsos profile set -b "Serda Nursalim" --koramil "Koramil 03/Kebakkramat"\n'
            '--kodim "Kodim 0727/Karanganyar" --kabupaten Karanganyar --kecamatan Kebakkramat -v Kemiri'
        ),
    },
    "help.command.profile.show": {
        "en": "Show your profile.\n\nExample: komsos profile show --json",
        "id": "Menampilkan profil Anda.\n\nContoh: komsos profile show --json",
    },
    # options
    "help.option.json": {"en": "Print JSON instead of a table.", "id": "Cetak JSON, bukan tabel."},
    "help.option.yes": {"en": "Do not ask for confirmation.", "id": "Jangan minta konfirmasi."},
    "help.option.db": {
        "en": "The store: a file, or a hub's postgresql:// address (default: $KOMSOS_DB, else the app folder).",
        "id": "Berkas data, atau alamat hub postgresql:// (bawaan: $KOMSOS_DB, selain itu folder aplikasi).",
    },
    "help.option.debug": {
        "en": "Show tracebacks (for developers).",
        "id": "Tampilkan traceback (untuk pengembang).",
    },
    "help.option.version": {"en": "Print the version and exit.", "id": "Cetak versi lalu keluar."},
    "help.option.id": {
        "en": "The entry's id, or any unique start of it.",
        "id": "Id entri, atau awalannya yang unik.",
    },
    "help.option.date": {
        "en": "When: 17/01/2025, 'Jum'at (17/01/2025)', kemarin (default today).",
        "id": "Kapan: 17/01/2025, 'Jum'at (17/01/2025)', kemarin (bawaan hari ini).",
    },
    "help.option.time": {
        "en": "Clock time (08.30, 14:00 WIB) or pagi/siang/sore/malam.",
        "id": "Jam (08.30, 14:00 WIB) atau pagi/siang/sore/malam.",
    },
    "help.option.kind": {
        "en": "komsos (default), anjangsana, puldata, patroli, pendampingan, karya-bakti, monitoring, lainnya.",
        "id": "komsos (bawaan), anjangsana, puldata, patroli, pendampingan, karya-bakti, monitoring, lainnya.",
    },
    "help.option.babinsa": {
        "en": "Rank and name, e.g. 'Serda Nursalim'; repeatable.",
        "id": "Pangkat dan nama, mis. 'Serda Nursalim'; boleh berulang.",
    },
    "help.option.koramil": {"en": "e.g. 'Koramil 03/Kebakkramat'.", "id": "mis. 'Koramil 03/Kebakkramat'."},
    "help.option.kodim": {"en": "e.g. 'Kodim 0727/Karanganyar'.", "id": "mis. 'Kodim 0727/Karanganyar'."},
    "help.option.village": {"en": "The Desa/Kelurahan.", "id": "Desa/Kelurahan."},
    "help.option.village_kind": {
        "en": "Desa, Kelurahan, Nagari, Gampong or Kampung.",
        "id": "Desa, Kelurahan, Nagari, Gampong atau Kampung.",
    },
    "help.option.hamlet": {"en": "Dusun, RT/RW or Lingkungan.", "id": "Dusun, RT/RW atau Lingkungan."},
    "help.option.kecamatan": {"en": "The Kecamatan.", "id": "Kecamatan."},
    "help.option.kabupaten": {"en": "The Kabupaten/Kota.", "id": "Kabupaten/Kota."},
    "help.option.province": {"en": "The Provinsi.", "id": "Provinsi."},
    "help.option.venue": {
        "en": "Where: 'kedai kopi', 'Balai Desa'.",
        "id": "Tempat: 'kedai kopi', 'Balai Desa'.",
    },
    "help.option.with": {
        "en": "Whom they met, e.g. 'Kadus Dsn 2 Bapak Faisal'; repeatable.",
        "id": "Siapa yang ditemui, mis. 'Kadus Dsn 2 Bapak Faisal'; boleh berulang.",
    },
    "help.option.topic": {
        "en": "keamanan, kesehatan, pemilu, ekonomi, ... ; repeatable.",
        "id": "keamanan, kesehatan, pemilu, ekonomi, ... ; boleh berulang.",
    },
    "help.option.summary": {
        "en": "What happened; '-' reads it from stdin.",
        "id": "Apa yang terjadi; '-' membacanya dari stdin.",
    },
    "help.option.situation": {
        "en": "aman (safe and conducive), waspada (to watch), rawan (incident).",
        "id": "aman (aman dan kondusif), waspada (perlu diawasi), rawan (ada kejadian).",
    },
    "help.option.finding": {
        "en": "A problem or complaint raised; repeatable.",
        "id": "Masalah atau keluhan yang disampaikan; boleh berulang.",
    },
    "help.option.follow_up": {
        "en": "An action still to take (starts open).",
        "id": "Tindak lanjut yang masih harus dilakukan (mulai terbuka).",
    },
    "help.option.filter.village": {"en": "Only this Desa/Kelurahan.", "id": "Hanya Desa/Kelurahan ini."},
    "help.option.filter.kecamatan": {"en": "Only this Kecamatan.", "id": "Hanya Kecamatan ini."},
    "help.option.filter.kabupaten": {"en": "Only this Kabupaten/Kota.", "id": "Hanya Kabupaten/Kota ini."},
    "help.option.filter.kind": {
        "en": "Only this kind (komsos, anjangsana, ...).",
        "id": "Hanya jenis kegiatan ini (komsos, anjangsana, ...).",
    },
    "help.option.filter.topic": {"en": "Only entries with this topic.", "id": "Hanya entri dengan topik ini."},
    "help.option.filter.babinsa": {
        "en": "Only this Babinsa (part of rank and name).",
        "id": "Hanya Babinsa ini (sebagian pangkat dan nama).",
    },
    "help.option.filter.koramil": {
        "en": "Only this Koramil (part of its name).",
        "id": "Hanya Koramil ini (sebagian namanya).",
    },
    "help.option.filter.situation": {"en": "Only aman, waspada or rawan.", "id": "Hanya aman, waspada atau rawan."},
    "help.option.filter.since": {
        "en": "From this date on (17/01/2025, kemarin, Januari 2025, 2025, ...).",
        "id": "Mulai tanggal ini (17/01/2025, kemarin, Januari 2025, 2025, ...).",
    },
    "help.option.filter.until": {
        "en": "Up to this date (a month or a year: up to its last day).",
        "id": "Sampai tanggal ini (bulan atau tahun: sampai hari terakhirnya).",
    },
    "help.option.filter.search": {
        "en": "Text in summary, findings, counterparts or venue.",
        "id": "Teks dalam ringkasan, temuan, pihak yang ditemui atau tempat.",
    },
    "help.option.filter.open": {
        "en": "Only entries with an open follow-up.",
        "id": "Hanya entri dengan tindak lanjut yang masih terbuka.",
    },
    "help.option.filter.limit": {
        "en": "At most N entries, newest first.",
        "id": "Paling banyak N entri, yang terbaru dulu.",
    },
    "help.option.strict": {
        "en": "Refuse a village, kecamatan or kabupaten that is not in the gazetteer.",
        "id": "Tolak desa, kecamatan atau kabupaten yang tidak ada di gazetir.",
    },
    "help.option.profile.babinsa": {
        "en": "Your rank and name: 'Serda Nursalim'.",
        "id": "Pangkat dan nama Anda: 'Serda Nursalim'.",
    },
    "help.option.profile.nrp": {"en": "Your NRP.", "id": "NRP Anda."},
    "help.option.profile.koramil": {"en": "'Koramil 03/Kebakkramat'.", "id": "'Koramil 03/Kebakkramat'."},
    "help.option.profile.kodim": {"en": "'Kodim 0727/Karanganyar'.", "id": "'Kodim 0727/Karanganyar'."},
    "help.option.profile.province": {"en": "Provinsi.", "id": "Provinsi."},
    "help.option.profile.kabupaten": {"en": "Kabupaten/Kota.", "id": "Kabupaten/Kota."},
    "help.option.profile.kecamatan": {"en": "Kecamatan.", "id": "Kecamatan."},
    "help.option.profile.village": {
        "en": "A village in your care; repeatable (replaces the list).",
        "id": "Desa binaan Anda; boleh berulang (mengganti daftar).",
    },
    "help.option.profile.add": {
        "en": "Add the --village values instead of replacing.",
        "id": "Tambahkan nilai --village, bukan mengganti.",
    },
}
