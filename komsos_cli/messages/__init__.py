"""Every sentence a user reads, in English and Indonesian, in one package.

One catalog module per area (core, exchange, summary, places, reliability,
narrative), each a `MESSAGES` dict of key -> {"en": ..., "id": ...}. `t(key, **values)`
picks the language from KOMSOS_LANG (`id` or `en`), else from LC_ALL/LC_MESSAGES/LANG
(an `id_...` locale speaks Indonesian), else English. Domain words (Desa,
Kecamatan, Babinsa, Komsos) stay Indonesian in both.
"""

from __future__ import annotations

import importlib
import os

CATALOGS = ("core", "exchange", "summary", "places", "reliability", "narrative", "hub", "history")
_merged: dict[str, dict[str, str]] = {}


def catalog() -> dict[str, dict[str, str]]:
    """All messages, merged once; a key defined twice is a bug caught by the tests."""
    if not _merged:
        for name in CATALOGS:
            module = importlib.import_module(f"{__name__}.{name}")
            _merged.update(module.MESSAGES)
    return _merged


def language() -> str:
    """The interface language: `id` or `en`."""
    chosen = os.environ.get("KOMSOS_LANG", "").strip().lower()
    if chosen in ("id", "en"):
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"


def t(key: str, **values: object) -> str:
    """The message `key` in the user's language, filled with `values`."""
    texts = catalog()[key]
    template = texts.get(language()) or texts["en"]
    return template.format(**values)
