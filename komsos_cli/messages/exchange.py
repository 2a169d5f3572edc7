"""Messages of the exchange commands (export, import)."""

MESSAGES: dict[str, dict[str, str]] = {
    # formats and options
    "exchange.format.unknown": {
        "en": "unknown format {name!r}; use one of {known}",
        "id": "format {name!r} tidak dikenal; pakai salah satu dari {known}",
    },
    "exchange.format.unguessable": {
        "en": "cannot tell the format from the name {name!r}; give --format ({known})",
        "id": "format tidak bisa ditebak dari nama {name!r}; beri --format ({known})",
    },
    "exchange.excel_id.delimiter": {
        "en": "--excel-id writes ';' between cells; it cannot be combined with another --delimiter",
        "id": "--excel-id memakai ';' sebagai pemisah; tidak bisa digabung dengan --delimiter lain",
    },
    "exchange.excel_id.not_csv": {
        "en": "--excel-id is a csv preset (';' between cells); {format} needs no such setting",
        "id": "--excel-id adalah setelan csv (';' sebagai pemisah); {format} tidak memerlukannya",
    },
    "exchange.delimiter.not_csv": {
        "en": "--delimiter applies to csv only, not {format}",
        "id": "--delimiter hanya berlaku untuk csv, bukan {format}",
    },
    "exchange.delimiter.unknown": {
        "en": "--delimiter must be ',' or ';', not {delimiter!r}",
        "id": "--delimiter harus ',' atau ';', bukan {delimiter!r}",
    },
    "exchange.lang.unknown": {
        "en": "--lang must be en or id, not {lang!r}",
        "id": "--lang harus en atau id, bukan {lang!r}",
    },
    "exchange.lang.machine": {
        "en": "--lang id changes the header row of csv and xlsx; {format} keys stay as documented",
        "id": "--lang id mengubah baris judul csv dan xlsx; kunci {format} tetap seperti di dokumentasi",
    },
    "exchange.stdout.binary": {
        "en": "{format} is a binary file; write it with --output FILE, or redirect stdout to a file",
        "id": "{format} adalah berkas biner; tulis dengan --output BERKAS, atau alihkan stdout ke berkas",
    },
    # the output file
    "exchange.output.is_dir": {
        "en": "{path} is a folder; give a file name, e.g. {path}/komsos.csv",
        "id": "{path} adalah folder; beri nama berkas, mis. {path}/komsos.csv",
    },
    "exchange.output.no_folder": {
        "en": "cannot write {path}: the folder {folder} does not exist",
        "id": "tidak bisa menulis {path}: folder {folder} tidak ada",
    },
    "exchange.output.exists": {
        "en": "{path} already exists; use --force to overwrite it",
        "id": "{path} sudah ada; pakai --force untuk menimpanya",
    },
    "exchange.output.failed": {
        "en": "cannot write {path}: {reason}",
        "id": "tidak bisa menulis {path}: {reason}",
    },
    "exchange.export.done": {
        "en": "{count} entries exported to {path}",
        "id": "{count} entri diekspor ke {path}",
    },
    "exchange.export.done_stdout": {
        "en": "{count} entries exported",
        "id": "{count} entri diekspor",
    },
    # reading files
    "exchange.input.none": {"en": "no file given to import", "id": "tidak ada berkas untuk diimpor"},
    "exchange.input.is_dir": {
        "en": "{path} is a folder; give the files, e.g. {path}/*.csv",
        "id": "{path} adalah folder; beri berkasnya, mis. {path}/*.csv",
    },
    "exchange.input.unreadable": {
        "en": "cannot read {path}: {reason}",
        "id": "tidak bisa membaca {path}: {reason}",
    },
    "exchange.input.bad": {
        "en": "{path} is not a komsos {format} file: {reason}; nothing was imported",
        "id": "{path} bukan berkas {format} komsos: {reason}; tidak ada yang diimpor",
    },
    "exchange.empty": {"en": "the file is empty", "id": "berkasnya kosong"},
    "exchange.not_text": {
        "en": "it holds binary data, not {format} text",
        "id": "isinya data biner, bukan teks {format}",
    },
    "exchange.not_utf8": {
        "en": "it is not UTF-8 text (in Excel, save as 'CSV UTF-8')",
        "id": "bukan teks UTF-8 (di Excel, simpan sebagai 'CSV UTF-8')",
    },
    "exchange.utf16": {
        "en": "it is UTF-16 text (Excel's 'Unicode Text'); in Excel, save as 'CSV UTF-8'",
        "id": "isinya teks UTF-16 ('Unicode Text' Excel); di Excel, simpan sebagai 'CSV UTF-8'",
    },
    "exchange.xlsx.cell_too_long": {
        "en": "entry {id}: {field} is longer than the {limit} characters a spreadsheet cell holds; export it as csv or json",
        "id": "entri {id}: {field} lebih panjang dari {limit} karakter yang muat di satu sel spreadsheet; ekspor sebagai csv atau json",
    },
    "exchange.not_xlsx": {
        "en": "not a readable xlsx workbook ({reason})",
        "id": "bukan buku kerja xlsx yang terbaca ({reason})",
    },
    "exchange.not_zip": {"en": "not a zip archive", "id": "bukan arsip zip"},
    "exchange.not_json": {
        "en": "{where}: not valid JSON ({reason})",
        "id": "{where}: bukan JSON yang sah ({reason})",
    },
    "exchange.json.shape": {
        "en": "expected an array of entries",
        "id": "seharusnya sebuah array berisi entri",
    },
    "exchange.json.not_object": {
        "en": "{where} is not an object with an entry's keys",
        "id": "{where} bukan objek berisi kunci entri",
    },
    "exchange.csv.broken": {
        "en": "broken CSV at line {line} ({reason})",
        "id": "CSV rusak di baris {line} ({reason})",
    },
    "exchange.header.unknown": {
        "en": "wrong header row: unknown column {column!r}",
        "id": "baris judul salah: kolom {column!r} tidak dikenal",
    },
    "exchange.header.twice": {
        "en": "wrong header row: column {column!r} appears twice",
        "id": "baris judul salah: kolom {column!r} muncul dua kali",
    },
    "exchange.header.missing": {
        "en": "wrong header row: missing column(s) {columns}",
        "id": "baris judul salah: kolom {columns} tidak ada",
    },
    "exchange.row.width": {
        "en": "row {row} has {found} cells, the header has {expected}",
        "id": "baris {row} berisi {found} sel, baris judul {expected}",
    },
    "exchange.where.row": {"en": "row {number}", "id": "baris {number}"},
    "exchange.where.entry": {"en": "entry {number}", "id": "entri {number}"},
    "exchange.where.line": {"en": "line {number}", "id": "baris {number}"},
    "exchange.follow_up.date": {
        "en": "{date!r} is not a date (YYYY-MM-DD)",
        "id": "{date!r} bukan tanggal (TTTT-BB-HH)",
    },
    "exchange.follow_up.parts": {
        "en": "expected 'status: action' or 'done YYYY-MM-DD: action; note' (escape ';' as '\\;')",
        "id": "seharusnya 'status: tindakan' atau 'done TTTT-BB-HH: tindakan; catatan' (tulis ';' sebagai '\\;')",
    },
    "exchange.row.unreadable": {
        "en": "cannot read the entry ({reason})",
        "id": "entri tidak terbaca ({reason})",
    },
    "exchange.row.error": {"en": "{path}, {where}: {reason}", "id": "{path}, {where}: {reason}"},
    "exchange.row.more": {"en": "; and {count} more", "id": "; dan {count} lagi"},
    "exchange.import.invalid": {
        "en": "nothing was imported: {count} row(s) are not valid: {errors}{more}",
        "id": "tidak ada yang diimpor: {count} baris tidak sah: {errors}{more}",
    },
    "exchange.import.done": {
        "en": "{files} file(s), {rows} entries: {added} added, {updated} updated, {skipped} skipped",
        "id": "{files} berkas, {rows} entri: {added} ditambah, {updated} diperbarui, {skipped} dilewati",
    },
    "exchange.import.dry_run": {
        "en": "dry run: nothing was stored",
        "id": "uji coba: tidak ada yang disimpan",
    },
    "exchange.import.conflicts": {
        "en": "{count} entries have the same id and time as a stored one but other content; the stored ones were kept",
        "id": "{count} entri ber-id dan berwaktu sama dengan yang tersimpan tetapi isinya lain; yang tersimpan dipertahankan",
    },
    "exchange.import.deleted_here": {
        "en": "{count} skipped entries were deleted in this store after their last change; they stay deleted",
        "id": "{count} entri yang dilewati sudah dihapus di penyimpanan ini setelah perubahan terakhirnya; tetap terhapus",
    },
    "exchange.progress": {"en": "Importing", "id": "Mengimpor"},
    "exchange.reading": {"en": "Reading {name}", "id": "Membaca {name}"},
}
