"""The activity kinds the Babinsa's sentence names (not those the text says did not happen)."""

from __future__ import annotations

import re

# --- activities ---------------------------------------------------------------------

_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("komsos", r"komsos|kosmsos|komsoss|komunikasi\s+sosial"),
    ("anjangsana", r"anjang\s*sana|anjangsono"),
    ("patroli", r"patroli|patroly"),
    ("karya-bakti", r"karya\s*bh?akti|kerja\s*bakti"),
    ("pendampingan", r"pendampingan"),
    ("monitoring", r"monitoring"),
    ("puldata", r"puldata|pengumpulan\s+data|pendataan"),
)
# Verbs that name an activity only in the sentence that says what the Babinsa did; elsewhere they are
# the usual talk of a Babinsa's duties (`Babinsa yang selalu memantau wilayah binaannya`).
_KIND_VERBS: tuple[tuple[str, str], ...] = (
    ("karya-bakti", r"(?:ber)?gotong[\s-]*royong|membersihkan|pembersihan|bersih-bersih"),
    ("pendampingan", r"mendampingi|dampingi"),
    ("monitoring", r"memonitor|memantau|pemantauan"),
    ("puldata", r"mendata|mengumpulkan\s+data"),
    (
        "anjangsana",
        r"(?:mengunjungi|berkunjung\s+ke|kunjungan\s+ke|menyambangi|sambang(?:\s+ke)?)\s+(?:\w+\s+)?"
        r"(?:rumah|rmh|dapur|kediaman)",
    ),
)
_KIND_RES = tuple((kind, re.compile(rf"(?i)\b(?:{pattern})\b"), False) for kind, pattern in _KIND_PATTERNS) + tuple(
    (kind, re.compile(rf"(?i)\b(?:{pattern})\b"), True) for kind, pattern in _KIND_VERBS
)
_NEGATED_BEFORE = re.compile(
    r"(?i)\b(?:tidak|tak|belum|batal|gagal|urung|bukan)\s+"
    r"(?:(?:jadi|dapat|bisa|sempat|ada|melaksanakan|melakukan|mengadakan|mengikuti|dilaksanakan|diadakan|"
    r"kegiatan|giat|pelaksanaan|acara)\s+){0,3}$"
)
_NEGATED_AFTER = re.compile(
    r"(?i)^\W*(?:\S+\s+){0,5}?(?:batal|dibatalkan|ditunda|ditiadakan|tidak\s+jadi|tidak\s+dilaksanakan|"
    r"tidak\s+terlaksana|tidak\s+dapat\s+dilaksanakan|urung|gagal\s+dilaksanakan)\b"
)
_PURPOSE_BEFORE = re.compile(r"(?i)\b(?:untuk|guna|tujuan)\s+$")
_NOT_ONLY = re.compile(r"(?i)\b(?:tidak|bukan)\s+(?:hanya|saja|cuma|sekadar)\b")


def find_kinds(text: str, core: tuple[int, int] | None, signature_from: int) -> list[str]:
    positions: dict[str, int] = {}
    negated: set[str] = set()
    core_hits: dict[str, int] = {}
    for kind, pattern, in_core_only in _KIND_RES:
        for match in pattern.finditer(text[:signature_from]):
            if in_core_only and not (core and core[0] <= match.start() < core[1]):
                continue
            before = text[max(0, match.start() - 70) : match.start()]
            after = text[match.end() : match.end() + 70]
            after = re.split(r"[.;\n]", after, maxsplit=1)[0]
            if _NEGATED_BEFORE.search(before) and not _NOT_ONLY.search(before[-30:]):
                negated.add(kind)
                continue
            if _NEGATED_AFTER.search(after):
                negated.add(kind)
                continue
            if _PURPOSE_BEFORE.search(before):
                continue
            positions.setdefault(kind, match.start())
            if core and core[0] <= match.start() < core[1]:
                core_hits.setdefault(kind, match.start())
    kinds = [kind for kind in positions if kind not in negated]
    return sorted(kinds, key=lambda k: (k not in core_hits, core_hits.get(k, positions[k])))
