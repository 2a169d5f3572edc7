"""Messages of the summary commands: summary, villages, followups, resolve, and the recap."""

MESSAGES: dict[str, dict[str, str]] = {
    # periods and options
    "period.unreadable": {
        "en": "cannot read the period {text!r}; write a month 2025-01, a quarter 2025-Q1 or a year 2025",
        "id": "periode {text!r} tidak terbaca; tulis bulan 2025-01, triwulan 2025-Q1 atau tahun 2025",
    },
    "period.month": {
        "en": "{text!r}: the month must be 01 to 12",
        "id": "{text!r}: bulan harus 01 sampai 12",
    },
    "summary.by": {
        "en": "--by: {value!r} is not one of {choices}",
        "id": "--by: {value!r} bukan salah satu dari {choices}",
    },
    "summary.format": {
        "en": "--format: {value!r} is not one of {choices}",
        "id": "--format: {value!r} bukan salah satu dari {choices}",
    },
    "summary.json_and_format": {
        "en": "--json and --format {value} cannot be used together; choose one",
        "id": "--json dan --format {value} tidak bisa dipakai bersama; pilih salah satu",
    },
    "summary.top_negative": {"en": "--top must be 1 or more", "id": "--top harus 1 atau lebih"},
    "villages.by": {
        "en": "--by: {value!r} is not one of {choices}",
        "id": "--by: {value!r} bukan salah satu dari {choices}",
    },
    "villages.stale_negative": {"en": "--stale must be 0 or more days", "id": "--stale harus 0 hari atau lebih"},
    # results on stderr
    "summary.empty": {"en": "no entries match", "id": "tidak ada entri yang cocok"},
    "summary.more": {
        "en": "… and {count} more (--by {field} shows all)",
        "id": "… dan {count} lagi (--by {field} menampilkan semua)",
    },
    "summary.earlier": {
        "en": "… and {count} earlier (--by {field} shows all)",
        "id": "… dan {count} sebelumnya (--by {field} menampilkan semua)",
    },
    "villages.empty": {
        "en": "no villages: no entries match and the profile lists no villages in care",
        "id": "tidak ada desa: tidak ada entri yang cocok dan profil tidak mencantumkan desa binaan",
    },
    "villages.none_stale": {
        "en": "every village was visited within the last {days} days",
        "id": "semua desa dikunjungi dalam {days} hari terakhir",
    },
    "villages.count": {"en": "{count} villages", "id": "{count} desa"},
    "villages.count_one": {"en": "1 village", "id": "1 desa"},
    "followups.none": {"en": "no open follow-ups", "id": "tidak ada tindak lanjut yang terbuka"},
    "followups.count": {"en": "{count} open follow-ups", "id": "{count} tindak lanjut terbuka"},
    "followups.count_one": {"en": "1 open follow-up", "id": "1 tindak lanjut terbuka"},
    "resolve.none": {
        "en": "entry {id} has no follow-up to resolve",
        "id": "entri {id} tidak punya tindak lanjut untuk diselesaikan",
    },
    "resolve.already": {
        "en": "the follow-up of entry {id} was already resolved on {day}",
        "id": "tindak lanjut entri {id} sudah diselesaikan pada {day}",
    },
    "resolve.empty_note": {
        "en": "--note is empty: say what was done",
        "id": "--note kosong: tulis apa yang sudah dilakukan",
    },
    "resolve.done": {
        "en": "resolved the follow-up of {id}: {action}",
        "id": "tindak lanjut {id} selesai: {action}",
    },
    # labels of the summary tables and the recap
    "summary.title": {"en": "Summary", "id": "Ringkasan"},
    "summary.title_period": {"en": "Summary {period}", "id": "Ringkasan {period}"},
    "summary.total": {"en": "Activities", "id": "Kegiatan"},
    "summary.dates": {"en": "Dates", "id": "Tanggal"},
    "summary.villages": {"en": "Villages visited", "id": "Desa dikunjungi"},
    "summary.babinsa": {"en": "Babinsa", "id": "Babinsa"},
    "summary.not_aman": {"en": "Not aman (waspada/rawan)", "id": "Tidak aman (waspada/rawan)"},
    "summary.open": {"en": "Open follow-ups", "id": "Tindak lanjut terbuka"},
    "summary.oldest": {
        "en": "oldest: {date}, {village}, {age} days ({id})",
        "id": "terlama: {date}, {village}, {age} hari ({id})",
    },
    "summary.not_stated": {"en": "(not stated)", "id": "(tidak dicatat)"},
    "summary.by.village": {"en": "By village", "id": "Per desa"},
    "summary.by.kind": {"en": "By kind of activity", "id": "Per jenis kegiatan"},
    "summary.by.topic": {"en": "By topic", "id": "Per topik"},
    "summary.by.month": {"en": "By month", "id": "Per bulan"},
    "summary.by.babinsa": {"en": "By Babinsa", "id": "Per Babinsa"},
    "summary.by.koramil": {"en": "By Koramil", "id": "Per Koramil"},
    "summary.by.situation": {"en": "By situation", "id": "Per situasi"},
    "summary.concerns": {"en": "Not aman: situations to watch", "id": "Situasi tidak aman"},
    "summary.count": {"en": "Count", "id": "Jumlah"},
    "summary.share": {"en": "Share", "id": "Porsi"},
    "recap.title": {"en": "Babinsa activity recap", "id": "Rekapitulasi kegiatan Babinsa"},
    "recap.period": {"en": "Period", "id": "Periode"},
    "recap.all_dates": {"en": "all dates", "id": "semua tanggal"},
    "recap.generated": {"en": "Made on {today} with komsos.", "id": "Dibuat pada {today} dengan komsos."},
    "recap.scope": {"en": "Scope", "id": "Cakupan"},
    "recap.scope.search": {"en": "text “{text}”", "id": "teks “{text}”"},
    "recap.scope.open": {
        "en": "entries with an open follow-up only",
        "id": "hanya entri dengan tindak lanjut terbuka",
    },
    "recap.scope.limit": {"en": "the newest {count} entries", "id": "{count} entri terbaru"},
    "recap.totals": {"en": "Totals", "id": "Jumlah"},
    "recap.no_concerns": {
        "en": "Every situation recorded was aman.",
        "id": "Semua situasi yang dicatat aman.",
    },
    "recap.no_follow_ups": {"en": "No follow-up is open.", "id": "Tidak ada tindak lanjut yang terbuka."},
    "recap.findings": {"en": "Findings", "id": "Temuan"},
    "recap.age": {"en": "{age} days", "id": "{age} hari"},
    "recap.empty": {
        "en": "No activity recorded in this period.",
        "id": "Tidak ada kegiatan tercatat pada periode ini.",
    },
    # charts (the recap, the workbook's summary sheet, the terminal sparkline)
    "chart.section": {"en": "Charts", "id": "Grafik"},
    "chart.activity": {"en": "Activities per week", "id": "Kegiatan per minggu"},
    "chart.activity.by": {"en": "Activities per week by {field}", "id": "Kegiatan per minggu per {field}"},
    "chart.joint": {
        "en": "An activity by two Babinsa counts for each of them.",
        "id": "Kegiatan oleh dua Babinsa dihitung untuk masing-masing.",
    },
    "chart.coverage": {"en": "Village visits per week", "id": "Kunjungan desa per minggu"},
    "chart.coverage.note": {
        "en": "Darker: more visits; an empty cell: no visit that week.",
        "id": "Makin gelap: makin sering dikunjungi; sel kosong: tidak dikunjungi minggu itu.",
    },
    "chart.unvisited": {
        "en": "Villages in care with no entry in this period",
        "id": "Desa binaan tanpa entri pada periode ini",
    },
    "chart.unvisited.none": {
        "en": "Every village in care has at least one entry.",
        "id": "Setiap desa binaan punya paling sedikit satu entri.",
    },
    "chart.situation": {"en": "Situation per week", "id": "Situasi per minggu"},
    "chart.topics": {"en": "Topics raised most", "id": "Topik yang paling sering diangkat"},
    "chart.week": {"en": "Week", "id": "Minggu"},
    "chart.week_of": {"en": "week of {day}", "id": "minggu mulai {day}"},
    "chart.total": {"en": "Total", "id": "Jumlah"},
    "chart.others": {"en": "others", "id": "lainnya"},
    "chart.sparkline": {"en": "Per week", "id": "Per minggu"},
    # the workbook's summary sheet
    "sheet.name": {"en": "Summary", "id": "Ringkasan"},
    "sheet.by_week": {"en": "Activities and situations per week", "id": "Kegiatan dan situasi per minggu"},
    "sheet.week_start": {"en": "Monday", "id": "Senin"},
    "sheet.activities": {"en": "Activities", "id": "Kegiatan"},
    "sheet.village": {"en": "Village", "id": "Desa"},
    "sheet.kind": {"en": "Kind of activity", "id": "Jenis kegiatan"},
    "sheet.situation": {"en": "Situation", "id": "Situasi"},
    "sheet.count": {"en": "Count", "id": "Jumlah"},
    "sheet.not_stated": {"en": "(not stated)", "id": "(tidak dicatat)"},
    "sheet.chart.activity": {"en": "Activities per week", "id": "Kegiatan per minggu"},
    "sheet.chart.situation": {"en": "Situation per week", "id": "Situasi per minggu"},
}
