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
    # komsos narrate
    "narrate.style": {
        "en": "--style must be one of {styles}, not {value!r}",
        "id": "--style harus salah satu dari {styles}, bukan {value!r}",
    },
}
