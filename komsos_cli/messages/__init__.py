"""Every sentence a user reads, in English and Indonesian, in one place: gettext catalogs.

The texts live in `komsos_cli/locale/{en,id}/LC_MESSAGES/komsos.po` (where translators work),
compiled to the `.mo` files beside them and read with the standard library's `gettext`. A msgid
is the message's key (`date.unreadable`), so both languages are translations of the key and code
says `t("date.unreadable", text=...)`; `tn(key, n, ...)` picks the plural form for `n` (English
has two, Indonesian one; the catalogs' `Plural-Forms` header says so).

The language: KOMSOS_LANG (`id` or `en`) wins; else the profile's (`komsos profile set --lang`);
else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG starting with `id`); else English. Domain
words (Desa, Kecamatan, Babinsa, Komsos) stay Indonesian in both.

A `MESSAGES` dict module (`messages/<area>.py`, the old form) that a merge brings in still
works: its keys are read when the catalogs lack them, until `python scripts/catalogs_to_po.py`
moves them into the .po files and deletes the module.
"""

from __future__ import annotations

import gettext
import importlib
import os
import pkgutil
from pathlib import Path
from typing import TypeAlias

LANGUAGES = ("en", "id")
DOMAIN = "komsos"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# The dict modules not yet moved into the catalogs (normally none; see the module's doc).
CATALOGS: tuple[str, ...] = tuple(module.name for module in pkgutil.iter_modules(__path__))

# A text in a dict module: one template, or a (singular, plural) pair.
Template: TypeAlias = str | list[str] | tuple[str, ...]

_translations: dict[str, gettext.NullTranslations] = {}
_leftovers: dict[str, dict[str, Template]] | None = None
_profile_language: dict[str, str | None] = {}


def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (read once; a missing file reads as no translations)."""
    found = _translations.get(lang)
    if found is None:
        found = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
        _translations[lang] = found
    return found


def leftover_messages() -> dict[str, dict[str, Template]]:
    """Messages of dict modules not yet moved into the catalogs (see the module's doc)."""
    global _leftovers
    if _leftovers is None:
        _leftovers = {}
        for module in pkgutil.iter_modules(__path__):
            found = importlib.import_module(f"{__name__}.{module.name}")
            messages = getattr(found, "MESSAGES", None)
            if isinstance(messages, dict):
                _leftovers.update(messages)
    return _leftovers


def _profile_lang() -> str | None:
    """The profile's language (`komsos profile set --lang`), read once per app folder (none: None)."""
    from ..paths import app_dir, saved_language

    folder = str(app_dir())
    if folder not in _profile_language:
        _profile_language[folder] = saved_language()
    return _profile_language[folder]


def language() -> str:
    """The interface language: `id` or `en`."""
    chosen = os.environ.get("KOMSOS_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    profile = _profile_lang()
    if profile in LANGUAGES:
        return profile
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"


def forget_language() -> None:
    """Read the profile's language again on next use (after `profile set --lang`; tests)."""
    _profile_language.clear()


def text_in(lang: str, key: str) -> str:
    """The template of `key` in `lang` (English when `lang` lacks it), unfilled."""
    for each in (lang, "en"):
        found = translations(each).gettext(key)
        if found != key:
            return found
    template = _leftover(lang, key)
    return template[0] if isinstance(template, list | tuple) else str(template)


def _leftover(lang: str, key: str) -> Template:
    """`key`'s text (or (singular, plural) pair) in `lang`, else English, from a dict module not yet
    moved into the catalogs; KeyError when no catalog has it."""
    texts = leftover_messages().get(key)
    if texts is None:
        raise KeyError(key)
    return texts.get(lang) or texts["en"]


def plural_in(lang: str, key: str, n: int) -> str:
    """The template of `key` in `lang` for the count `n`, unfilled."""
    for each in (lang, "en"):
        found = translations(each).ngettext(key, key, n)
        if found != key:
            return found
    template = _leftover(lang, key)
    if isinstance(template, list | tuple):
        return str(template[0] if n == 1 or len(template) == 1 else template[1])
    return str(template)


def field_name(lang: str, field: str) -> str:
    """An entry field's name in `lang` (`village` is `desa` in Indonesian); unknown: as it is."""
    found = translations(lang).gettext(f"fieldname.{field}")
    return field if found.startswith("fieldname.") else found


def _named(lang: str, values: dict[str, object]) -> dict[str, object]:
    """`values` with the field keys in `field` and `fields` (", "-joined) named in `lang`."""
    if lang == "en" or not ({"field", "fields"} & values.keys()):
        return values
    named = dict(values)
    if isinstance(values.get("field"), str):
        named["field"] = field_name(lang, str(values["field"]))
    if isinstance(values.get("fields"), str):
        named["fields"] = ", ".join(field_name(lang, f) for f in str(values["fields"]).split(", "))
    return named


def t(key: str, /, **values: object) -> str:
    """The message `key` in the user's language, filled with `values`."""
    lang = language()
    return text_in(lang, key).format(**_named(lang, values))


def tn(key: str, n: int, /, **values: object) -> str:
    """The message `key` in the user's language in its plural form for `n`, filled with `values`."""
    lang = language()
    return plural_in(lang, key, n).format(**_named(lang, values))


def catalog() -> dict[str, dict[str, str]]:
    """Every message as {key: {"en": text, "id": text}} (a plural message: its singular form)."""
    merged: dict[str, dict[str, str]] = {}
    for key, texts in leftover_messages().items():
        merged[key] = {lang: text_in(lang, key) if lang in texts else "" for lang in LANGUAGES}
    for lang in LANGUAGES:
        for key in _catalog_keys(lang):
            merged.setdefault(key, {})[lang] = text_in(lang, key)
    return merged


def _catalog_keys(lang: str) -> list[str]:
    found = translations(lang)
    table: dict[str | tuple[str, int], str] = getattr(found, "_catalog", {})
    keys = (k[0] if isinstance(k, tuple) else k for k in table)
    return sorted({k for k in keys if k})
