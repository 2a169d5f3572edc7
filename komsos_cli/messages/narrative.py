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
    "parse.note.place_unknown": {
        "en": "the gazetteer does not know Desa/Kelurahan {village!r} in {area}",
        "id": "Desa/Kelurahan {village!r} di {area} tidak ada di daftar wilayah",
    },
}
