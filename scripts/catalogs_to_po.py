#!/usr/bin/env python3
"""Move the messages of `komsos_cli/messages/<area>.py` dict modules into the gettext catalogs.

    python scripts/catalogs_to_po.py            # every dict module still present, then delete them
    python scripts/catalogs_to_po.py trust      # only messages/trust.py
    python scripts/catalogs_to_po.py --keep     # convert, but leave the modules in place
    python scripts/catalogs_to_po.py --update   # a text that differs from the .po's replaces it
    python scripts/catalogs_to_po.py --compile  # only recompile the .mo files from the .po files

A dict module is `MESSAGES = {key: {"en": text, "id": text}}`; a text may be a pair
`(singular, plural)` for a message looked up with `tn(key, n)` (Indonesian takes one form).
Each key becomes a msgid of `komsos_cli/locale/{en,id}/LC_MESSAGES/komsos.po`, with its area as a
translator's comment. An entry already in a .po file is kept as it is (a translator may have
improved it); a dict text that differs from it is reported on stderr. The .mo files are compiled
afterwards. The module is read from its file, never imported through the package, so this works on
a module that came in with a merge, whatever the package's `__init__` says. Needs Babel
(`pip install -e '.[test]'`).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MESSAGES_DIR = ROOT / "komsos_cli" / "messages"
LOCALE_DIR = ROOT / "komsos_cli" / "locale"
LANGUAGES = ("en", "id")
DOMAIN = "komsos"
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "id": "nplurals=1; plural=0;"}
NOT_CATALOGS = {"__init__"}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def dict_modules(names: list[str]) -> list[Path]:
    """The dict catalog modules to convert: those named, else every one still present."""
    if names:
        paths = [MESSAGES_DIR / f"{name.removesuffix('.py')}.py" for name in names]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            sys.exit(f"catalogs_to_po: no such module: {', '.join(missing)}")
        return paths
    return sorted(p for p in MESSAGES_DIR.glob("*.py") if p.stem not in NOT_CATALOGS)


def load_messages(path: Path) -> dict[str, dict[str, Any]] | None:
    """The module's MESSAGES dict, loaded from its file alone (None: not a dict catalog)."""
    spec = importlib.util.spec_from_file_location(f"_komsos_catalog_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    messages = getattr(module, "MESSAGES", None)
    return messages if isinstance(messages, dict) else None


def read_catalog(language: str) -> Any:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_path(language)
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain=DOMAIN)
    return Catalog(locale=language, domain=DOMAIN, project="komsos", fuzzy=False)


def settle_header(catalog: Any, language: str) -> None:
    name = "English" if language == "en" else "Indonesian"
    catalog.header_comment = (
        f"# komsos: the messages in {name}.\n# Edit here; scripts/catalogs_to_po.py --compile makes the .mo."
    )
    catalog.project = "komsos"
    catalog.version = ""
    catalog.fuzzy = False
    catalog.msgid_bugs_address = ""
    catalog.language_team = "komsos"
    catalog.last_translator = "komsos"
    # Babel derives Plural-Forms from the locale; fixed here so both files say it in full.
    catalog._num_plurals, catalog._plural_expr = (2, "(n != 1)") if language == "en" else (1, "0")


def write_catalog(catalog: Any, language: str) -> None:
    from babel.messages.pofile import write_po

    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    settle_header(catalog, language)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=False, no_location=True)


def compile_catalogs() -> None:
    """Every .po file compiled to its .mo beside it (deterministic: same .po, same bytes)."""
    from babel.messages.mofile import write_mo

    for language in LANGUAGES:
        catalog = read_catalog(language)
        with po_path(language).with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


def forms(text: Any, language: str, plural: bool) -> str | tuple[str, ...]:
    """The catalog's msgstr: a text, or for a plural message its forms (English two, Indonesian one)."""
    if not plural:
        return str(text)
    if not isinstance(text, list | tuple):
        text = (text, text)
    return (str(text[0]), str(text[-1])) if language == "en" else (str(text[0]),)


def merge(area: str, messages: dict[str, dict[str, Any]], catalogs: dict[str, Any], *, update: bool = False) -> int:
    """Add the module's messages to the catalogs; returns how many keys were new. An entry already
    in a catalog is kept, unless `update` (the module's text wins: a branch that changed a text)."""
    added = 0
    for key, texts in messages.items():
        english = texts.get("en")
        if english is None:
            print(f"catalogs_to_po: {area}.{key} has no English text; left out", file=sys.stderr)
            continue
        plural = isinstance(english, list | tuple)
        for language in LANGUAGES:
            catalog = catalogs[language]
            text = texts.get(language)
            if text is None:
                print(f"catalogs_to_po: {key} has no {language} text; left untranslated", file=sys.stderr)
                text = ("", "") if plural else ""
            wanted = forms(text, language, plural)
            msgid: str | tuple[str, str] = (key, key) if plural else key
            existing = catalog.get(key)
            if existing is not None and existing.string:
                if existing.string == wanted:
                    continue
                if not update:
                    print(f"catalogs_to_po: {key} ({language}) kept as in the .po; {area}.py differs", file=sys.stderr)
                    continue
                print(f"catalogs_to_po: {key} ({language}) updated from {area}.py", file=sys.stderr)
                existing.id, existing.string = msgid, wanted  # in place: the file keeps its order
                continue
            catalog.add(msgid, wanted, auto_comments=[area])
            added += language == "en"
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("areas", nargs="*", help="module names under komsos_cli/messages (default: all present)")
    parser.add_argument("--keep", action="store_true", help="leave the converted modules in place")
    parser.add_argument("--compile", action="store_true", help="only recompile the .mo files")
    parser.add_argument("--update", action="store_true", help="a text that differs from the .po's replaces it")
    options = parser.parse_args()
    if options.compile:
        compile_catalogs()
        return
    catalogs = {language: read_catalog(language) for language in LANGUAGES}
    converted: list[Path] = []
    for path in dict_modules(options.areas):
        messages = load_messages(path)
        if messages is None:
            print(f"catalogs_to_po: {path.name} has no MESSAGES dict; skipped", file=sys.stderr)
            continue
        added = merge(path.stem, messages, catalogs, update=options.update)
        print(f"{path.name}: {len(messages)} messages, {added} new", file=sys.stderr)
        converted.append(path)
    for language in LANGUAGES:
        write_catalog(catalogs[language], language)
    compile_catalogs()
    if not options.keep:
        for path in converted:
            path.unlink()


if __name__ == "__main__":
    main()
