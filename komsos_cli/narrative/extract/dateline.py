"""The dateline of a press release (`Asahan | ...`) and the kabupaten it names."""

from __future__ import annotations

import re

from .text import NAME_STOPWORDS, _key

# --- the dateline -------------------------------------------------------------------

_DATELINE = re.compile(
    r"^\s*(?:[\w.]+\.(?i:com|id|co\.id|net|org|news)\s*[,.]\s*)?([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\s*"
    r"(?:\([^()\n]{0,20}\)\s*)?"
    r"(?:[|:–—]|-(?!\w)|\((?=\s*\d)|,\s*(?:[-–—|]|[\w.]+\.(?i:com|id|net|org|news)\b|(?:[A-Z][\w.]*\s+){1,3}[-–—|]))"
)


def dateline_place(text: str) -> str | None:
    """The place a press release starts with: `Asahan | ...`, `Sukoharjo (16/01/23)`, `X.com, Rengat -`,
    `NGAWI (KR) -`, `Bondowoso, MN Cakrawala –`, `LANGKAT,LENSAJABAR.COM –`."""
    for line in text.split("\n")[:6]:
        match = _DATELINE.match(line)
        if match and _key(match.group(1).split()[0]) not in NAME_STOPWORDS:
            place = match.group(1)
            return place.title() if place.isupper() else place
    return None
