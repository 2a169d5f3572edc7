"""Topics talked about and the situation found."""

from __future__ import annotations

import re

from ...model import TOPICS

# --- topics and situation -----------------------------------------------------------

_TOPIC_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "keamanan",
        r"keamanan|kamtibmas|ketertiban|kondusif|deteksi\s+dini|cegah\s+dini|kriminal(?:itas)?|pencurian|"
        r"siskamling|ronda|soliditas\s+wilayah|situasi\s+wilayah|hoaks|hoax",
    ),
    (
        "kesehatan",
        r"kesehatan|sehat|penyakit|wabah|covid(?:-?19)?|stunting|posyandu|demam\s+berdarah|dbd|imunisasi|"
        r"vaksin(?:asi)?|phbs|jamban|gizi|prokes|protokol\s+kesehatan",
    ),
    ("pilkada", r"pilkada|pemilihan\s+kepala\s+daerah|pilgub|pilbup|pilwalkot"),
    ("pemilu", r"pemilu|pileg|pilpres|pilkades|pesta\s+demokrasi|pemilihan\s+umum|pemungutan\s+suara"),
    ("ketahanan pangan", r"ketahanan\s+pangan|swasembada|lumbung\s+pangan|food\s+estate"),
    (
        "pertanian",
        r"pertanian|petani|sawah|panen|tanam|pupuk|padi|jagung|kelompok\s+tani|poktan|gapoktan|irigasi|"
        r"hama|bibit|perkebunan|cetak\s+sawah",
    ),
    (
        "ekonomi",
        r"ekonomi|umkm|usaha\s+mikro|pemasaran|produk|koperasi|bumdes|pengrajin|perajin|harga\s+sembako|"
        r"daya\s+beli|kewirausahaan",
    ),
    ("bencana", r"bencana|banjir|longsor|kebakaran|karhutla|gempa|puting\s+beliung|erupsi|tsunami|kekeringan"),
    ("narkoba", r"narkoba|narkotika|sabu|obat\s+terlarang|napza|psikotropika"),
    ("radikalisme", r"radikalisme|radikal|terorisme|intoleransi|separatis|khilafah|paham\s+terlarang"),
    ("konflik", r"konflik|sengketa|perselisihan|tawuran|bentrok|perkelahian"),
    ("pendidikan", r"pendidikan|sekolah|siswa|pelajar|putus\s+sekolah"),
    ("lingkungan", r"kebersihan|sampah|penghijauan|lingkungan\s+hidup|reboisasi|penanaman\s+pohon"),
    ("infrastruktur", r"infrastruktur|jembatan|jalan\s+rusak|pembangunan\s+jalan|drainase|rtlh|tmmd|air\s+bersih"),
    ("program pemerintah", r"program\s+pemerintah|bansos|bantuan\s+sosial|blt|pkh|program\s+desa|dana\s+desa"),
    ("bela negara", r"bela\s+negara|wawasan\s+kebangsaan|nasionalisme|cinta\s+tanah\s+air|pancasila"),
    ("agama", r"keagamaan|pengajian|ramadh?an|ibadah|toleransi\s+beragama"),
    ("budaya", r"kebudayaan|seni\s+budaya|budaya"),
    ("sosial", r"bakti\s+sosial|baksos|kesenjangan\s+sosial|kepedulian\s+sosial"),
)
_TOPIC_RES = tuple((topic, re.compile(rf"(?i)\b(?:{pattern})\b")) for topic, pattern in _TOPIC_PATTERNS)
assert all(topic in TOPICS for topic, _ in _TOPIC_PATTERNS)


# `situasi terpantau aman dan kondusif`, `Situasi wilayah aman`: what the Babinsa found (the situation),
# not what he talked about; `menciptakan wilayah yang aman dan kondusif` stays a topic.
_STATEMENT_BEFORE = re.compile(
    r"(?i)\b(?:situasi|situsi|sit|kondisi|keadaan|suasana|terpantau|terkendali|berjalan|berlangsung)\b[^.;\"“”\n]{0,50}$"
)
_STATEMENT_AFTER = re.compile(r"(?i)^\s*(?:\w+\s+){0,2}?(?:aman|kondusif|terpantau|terkendali)\b")


def _in_statement(text: str, match: re.Match[str]) -> bool:
    word = " ".join(match.group().lower().split())
    if word == "kondusif":
        return bool(_STATEMENT_BEFORE.search(text[max(0, match.start() - 60) : match.start()]))
    if word == "situasi wilayah":
        return bool(_STATEMENT_AFTER.match(text[match.end() : match.end() + 40]))
    return False


def find_topics(text: str) -> list[str]:
    firsts: list[tuple[int, str]] = []
    for topic, pattern in _TOPIC_RES:
        match = next((m for m in pattern.finditer(text) if not _in_statement(text, m)), None)
        if match:
            firsts.append((match.start(), topic))
    return [topic for _, topic in sorted(firsts)]


_RAWAN = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,2}(?:rawan|genting|tidak\s+kondusif|mencekam)\b|"
    r"(?<!tidak )(?<!tidak ada )(?<!mencegah )(?<!agar tidak )\bterjadi(?:nya)?\s+(?:aksi\s+)?"
    r"(?:pencurian|perampokan|kebakaran|banjir|longsor|bentrok(?:an)?|perkelahian|tawuran|pembunuhan|"
    r"penganiayaan|kerusuhan|konflik)\b|\bkejadian\s+menonjol\b(?!\s*tidak)"
)
_NO_INCIDENT = re.compile(
    r"(?i)\b(?:tidak|tak|belum)\s+(?:ada|ditemukan|terdapat)\s+(?:\w+\s+){0,2}kejadian\s+menonjol"
)
_WASPADA = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,2}(?:waspada|perlu\s+diwaspadai)\b|"
    r"\bperlu\s+(?:diwaspadai|ditindaklanjuti|tindak\s+lanjut)\b|\bmengeluh(?:kan)?\b|\bkeluhan\s+warga\b"
)
_AMAN = re.compile(
    r"(?i)\baman\s*(?:,\s*|dan\s+|serta\s+)(?:\w+\s*,?\s*){0,4}?kondusif\b|\bkondusif\b|"
    r"\b(?:situasi|kondisi|keadaan)\s+(?:\w+\s+){0,3}aman\b|\baman\s+terkendali\b|"
    r"\b(?:berjalan|berlangsung)\s+(?:dengan\s+)?(?:aman|lancar\s+dan\s+aman)\b|\baman\s*(?:,|dan)\s*(?:lancar|tertib)\b|"
    r"\btidak\s+(?:ada|ditemukan)\s+(?:\w+\s+){0,2}kejadian\s+menonjol\b"
)


_EXPLICIT = re.compile(
    r"(?i)\b(?:situasi|kondisi|keadaan|sit\.?(?=\s*:?\s*(?:aman|kondusif|rawan|waspada)))"  # `sit aman`: WhatsApp
    r"(?:\s+(?:wilayah|di\s+wilayah|desa|kamtibmas|umum|keamanan))?\s*:?\s*"
    r"(?:\w+\s+){0,2}?(tidak\s+kondusif|tidak\s+aman|aman|kondusif|waspada|perlu\s+diwaspadai|rawan|genting|mencekam)\b"
)
_EXPLICIT_VALUE = {"aman": "aman", "kondusif": "aman", "waspada": "waspada", "perlu diwaspadai": "waspada"}


# `apabila terjadi konflik`, `maka akan terjadi banjir`: what could happen, not what did.
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:apabila|jika|jikalau|bila|kalau|seandainya|akan|agar|supaya|mencegah|pencegahan|antisipasi|"
    r"mengantisipasi|potensi|rawan|bahaya|waspada|mewaspadai|hindari|menghindari)\b[^.;\n]*$"
)
# `mendengarkan keluhan warga`: the usual duty, not a complaint made.
_LISTENING = re.compile(r"(?i)\b(?:mendengar(?:kan)?|menampung|menyerap|menerima|menanggapi)\s+(?:\w+\s+)?$")


def find_situation(text: str) -> str | None:
    """What the text says the situation was: an explicit `situasi ...` wins, then incidents, complaints, calm."""
    explicit = list(_EXPLICIT.finditer(text))
    if explicit:
        said = " ".join(explicit[-1].group(1).lower().split())
        return _EXPLICIT_VALUE.get(said, "rawan")
    calm = _NO_INCIDENT.sub(" ", text)
    if any(not _HYPOTHETICAL.search(calm[max(0, m.start() - 60) : m.start()]) for m in _RAWAN.finditer(calm)):
        return "rawan"
    if any(not _LISTENING.search(text[max(0, m.start() - 25) : m.start()]) for m in _WASPADA.finditer(text)):
        return "waspada"
    if _AMAN.search(text):
        return "aman"
    return None
