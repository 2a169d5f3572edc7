"""Messages of the narrative commands: `komsos parse` and `komsos narrate`."""

MESSAGES: dict[str, dict[str, str]] = {
    # notes the extractor attaches to what it read
    "parse.note.weekday": {
        "en": "{text!r}: the weekday does not match {date}; the date was kept",
        "id": "{text!r}: nama hari tidak cocok dengan {date}; tanggal tetap dipakai",
    },
    "parse.note.future": {
        "en": "{text!r} is {date}, in the future; the date was left out",
        "id": "{text!r} adalah {date}, belum terjadi; tanggal tidak dipakai",
    },
    "parse.note.truncated": {
        "en": "the text is longer than {limit} characters; the summary keeps the first {limit}",
        "id": "teks lebih dari {limit} karakter; ringkasan menyimpan {limit} karakter pertama",
    },
    "parse.note.encoding": {
        "en": "the file is not UTF-8; it was read as {encoding}",
        "id": "berkas bukan UTF-8; dibaca sebagai {encoding}",
    },
    "parse.note.place_unknown": {
        "en": "the gazetteer does not know Desa/Kelurahan {village!r} in {area}",
        "id": "Desa/Kelurahan {village!r} di {area} tidak ada di daftar wilayah",
    },
    # komsos parse
    "parse.empty": {"en": "the report is empty", "id": "laporan kosong"},
    "parse.no_file": {"en": "no such file: {path}", "id": "berkas tidak ada: {path}"},
    "parse.unreadable": {"en": "cannot read {path}: {reason}", "id": "tidak bisa membaca {path}: {reason}"},
    "parse.binary": {
        "en": "{path} is not a text file",
        "id": "{path} bukan berkas teks",
    },
    "parse.empty_dir": {"en": "no .txt reports in the folder {path}", "id": "tidak ada laporan .txt di folder {path}"},
    "parse.missing": {
        "en": "{file}: missing required field(s): {fields}; nothing was stored",
        "id": "{file}: kolom wajib tidak ditemukan: {fields}; tidak ada yang disimpan",
    },
    "parse.asking": {
        "en": "{file}: not found in the text: {fields}",
        "id": "{file}: tidak ditemukan di teks: {fields}",
    },
    "parse.prompt.date": {"en": "Date of the activity (e.g. 17/01/2025)", "id": "Tanggal kegiatan (mis. 17/01/2025)"},
    "parse.confirm": {"en": "Store {count} new entries?", "id": "Simpan {count} entri baru?"},
    "parse.recorded": {"en": "stored {count} new entries", "id": "{count} entri baru tersimpan"},
    "parse.duplicate": {
        "en": "{file}: already stored as {id}; skipped",
        "id": "{file}: sudah tersimpan sebagai {id}; dilewati",
    },
    "parse.progress": {"en": "Reading reports", "id": "Membaca laporan"},
    "parse.not_found": {"en": "— not found", "id": "— tidak ditemukan"},
    "parse.found_count": {"en": "{found} of {total} fields found", "id": "{found} dari {total} kolom ditemukan"},
    "parse.kinds": {"en": "Activities", "id": "Kegiatan disebut"},
    "parse.as_written": {"en": "Date as written", "id": "Tanggal tertulis"},
    "parse.notes": {"en": "Notes", "id": "Catatan"},
    "parse.summary.title": {"en": "{count} reports", "id": "{count} laporan"},
    "parse.summary.file": {"en": "File", "id": "Berkas"},
    "parse.summary.found": {"en": "Found", "id": "Ditemukan"},
    "parse.summary.missing": {"en": "Not found", "id": "Tidak ditemukan"},
    "parse.summary.fields": {
        "en": "per field, reports where it was found: {counts}",
        "id": "per kolom, laporan yang memuatnya: {counts}",
    },
    "parse.summary_source": {
        "en": "(the whole text, {chars} characters)",
        "id": "(seluruh teks, {chars} karakter)",
    },
    # the entry fields a chat gives (model.EXTRA_FIELDS)
    "expected.photos": {
        "en": "a list of {{name, sha256}} or of file names",
        "id": "daftar {{name, sha256}} atau nama berkas",
    },
    "expected.sha256": {"en": "64 hexadecimal digits (SHA-256)", "id": "64 digit heksadesimal (SHA-256)"},
    "expected.source": {"en": "{{chat, sender, sent_at}}", "id": "{{chat, sender, sent_at}}"},
    # komsos parse CHAT (a WhatsApp group export)
    "chat.cut": {
        "en": "{file}: line {line} is not the start of a WhatsApp message (is the export cut?): {text!r}",
        "id": "{file}: baris {line} bukan awal pesan WhatsApp (ekspor terpotong?): {text!r}",
    },
    "chat.layout": {
        "en": "{file}: line {line}: cannot read its date and time (day/month/year or month/day/year): {text!r}",
        "id": "{file}: baris {line}: tanggal dan jamnya tidak terbaca (hari/bulan/tahun atau bulan/hari/tahun): {text!r}",
    },
    "chat.empty": {"en": "{file}: the chat holds no messages", "id": "{file}: chat tidak berisi pesan"},
    "chat.bad_zip": {
        "en": "{file} is not a readable zip: {reason}",
        "id": "{file} bukan zip yang bisa dibaca: {reason}",
    },
    "chat.no_chat": {
        "en": "{file}: no WhatsApp chat (.txt) in the zip",
        "id": "{file}: tidak ada chat WhatsApp (.txt) di dalam zip",
    },
    "chat.too_big": {
        "en": "{file} is larger than {limit} MB; not read",
        "id": "{file} lebih dari {limit} MB; tidak dibaca",
    },
    "chat.alone": {
        "en": "{file} is a WhatsApp chat export: read it on its own (komsos parse {file})",
        "id": "{file} adalah ekspor chat WhatsApp: baca tersendiri (komsos parse {file})",
    },
    "chat.stdin": {
        "en": 'standard input holds a WhatsApp chat export: give its file (komsos parse "WhatsApp Chat with ....txt")',
        "id": 'masukan standar berisi ekspor chat WhatsApp: berikan berkasnya (komsos parse "WhatsApp Chat with ....txt")',
    },
    "chat.since_only": {
        "en": "--since applies to a WhatsApp chat export; {file} is a report",
        "id": "--since hanya untuk ekspor chat WhatsApp; {file} adalah laporan",
    },
    "chat.counts": {
        "en": "{chat}: {messages} messages read, {reports} reports found",
        "id": "{chat}: {messages} pesan dibaca, {reports} laporan ditemukan",
    },
    "chat.already": {
        "en": "{count} reports already stored; skipped",
        "id": "{count} laporan sudah tersimpan; dilewati",
    },
    "chat.missing": {
        "en": "{file}: the report of {sender} at {sent_at} lacks {fields}; nothing was stored",
        "id": "{file}: laporan {sender} pukul {sent_at} tidak memuat {fields}; tidak ada yang disimpan",
    },
    "chat.deleted": {
        "en": "{count} reports were stored once and deleted since; skipped",
        "id": "{count} laporan pernah disimpan lalu dihapus; dilewati",
    },
    "chat.status.deleted": {"en": "deleted ({id})", "id": "sudah dihapus ({id})"},
    "chat.sender": {"en": "Sender", "id": "Pengirim"},
    "chat.messages": {"en": "Messages", "id": "Pesan"},
    "chat.reports": {"en": "Reports", "id": "Laporan"},
    "chat.sent_at": {"en": "Sent", "id": "Dikirim"},
    "chat.photos": {"en": "Photos", "id": "Foto"},
    "chat.status": {"en": "Status", "id": "Status"},
    "chat.status.new": {"en": "new", "id": "baru"},
    "chat.status.stored": {"en": "stored as {id}", "id": "tersimpan: {id}"},
    "chat.status.missing": {"en": "lacks {fields}", "id": "kurang {fields}"},
    # komsos narrate
    "narrate.style": {
        "en": "--style must be one of {styles}, not {value!r}",
        "id": "--style harus salah satu dari {styles}, bukan {value!r}",
    },
}
