"""How names are folded so that what a person means matches: pure and cheap.

`village_key("Desa  Sei Silau Tua")` == `village_key("sei silau tua")`. The places
gazetteer builds on the same keys, so listing, filtering and grouping agree with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4\u02bc]")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_VILLAGE_PREFIX = re.compile(
    r"^(?:desa|ds|kelurahan|kel|nagari|gampong|gp|kampung|kp|kpg)\b\.?\s*",
)


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, punctuation as space, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _APOSTROPHES.sub("", text)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def village_key(name: str) -> str:
    """The key villages are matched and grouped by: folded, without a Desa/Kel. prefix."""
    folded = fold(name)
    stripped = _VILLAGE_PREFIX.sub("", folded)
    return stripped or folded


@lru_cache(maxsize=65536)
def area_key(name: str) -> str:
    """Key for kecamatan / kabupaten: folded, without Kecamatan/Kabupaten/Kota/Kab. words."""
    folded = fold(name)
    return re.sub(r"^(?:kecamatan|kec|kabupaten|kab|kota|distrik)\b\.?\s*", "", folded) or folded
