"""The gettext catalogs: complete, consistent with their compiled form, and the language chosen right."""

from __future__ import annotations

import io
import re
import string
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from komsos_cli import messages
from komsos_cli.messages import LOCALE_DIR, language, t, tn

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message
    from conftest import Run

ROOT = Path(__file__).resolve().parent.parent


def po(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "komsos.po").open("rb") as handle:
        return read_po(handle, locale=lang, domain="komsos")


def forms(message: Message) -> list[str]:
    if isinstance(message.string, list | tuple):
        return list(message.string)
    return [message.string or ""]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_an_indonesian_translation() -> None:
    english, indonesian = po("en"), po("id")
    english_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in english if m.id}
    indonesian_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in indonesian if m.id}
    assert english_ids == indonesian_ids
    for message in indonesian:
        if message.id:
            assert all(forms(message)), f"{message.id} has no Indonesian text"
            assert not message.fuzzy, f"{message.id} is fuzzy"


def test_placeholders_match_between_languages() -> None:
    indonesian = {m.id if isinstance(m.id, str) else m.id[0]: m for m in po("id") if m.id}
    for message in po("en"):
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        wanted = set().union(*(placeholders(text) for text in forms(message)))
        for text in forms(indonesian[key]):
            assert placeholders(text) == wanted, key


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_message_quotes_with_python_repr(lang: str) -> None:
    # `{text!r}` quoted user text the Python way ('Jum\\'at', with escapes), in both languages.
    for message in po(lang):
        for text in forms(message) if message.id else []:
            assert "!r}" not in text, message.id
            if message.id != "doctor.permissions":  # there '{path}' is shell quoting, in a command to copy
                assert not re.search(r"'\{[a-z_]+\}'", text), message.id


def test_plural_forms_headers() -> None:
    assert po("en").plural_forms == "nplurals=2; plural=(n != 1);"
    assert po("id").plural_forms == "nplurals=1; plural=0;"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_mo_files_are_compiled_from_the_po_files(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, po(lang), use_fuzzy=False)
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / "komsos.mo").read_bytes()
    assert compiled.getvalue() == shipped, "run: python scripts/catalogs_to_po.py --compile"


def test_no_dict_catalog_is_left_unconverted() -> None:
    left = [p.name for p in (ROOT / "komsos_cli" / "messages").glob("*.py") if p.name != "__init__.py"]
    assert not left, f"run: python scripts/catalogs_to_po.py  ({', '.join(left)})"


def test_plurals_in_english_and_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tn("doctor.plan_back", 1, count=1) == "1 entry comes back"
    assert tn("doctor.plan_back", 3, count=3) == "3 entries come back"
    assert tn("exchange.import.deleted_here", 1, count=1).startswith("1 skipped entry was deleted")
    monkeypatch.setenv("KOMSOS_LANG", "id")
    assert tn("doctor.plan_back", 1, count=1) == "1 entri kembali"
    assert tn("doctor.plan_back", 3, count=3) == "3 entri kembali"
    english = "\n".join(m for m in (ROOT / "komsos_cli/locale/en/LC_MESSAGES/komsos.po").read_text().splitlines())
    assert "entr(y/ies)" not in english


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_message_hedges_its_plural(lang: str) -> None:
    # `1 file(s), 1 entries`, `missing required field(s)`: a count's word takes its plural form (tn).
    for message in po(lang):
        for text in forms(message) if message.id else []:
            assert not re.search(r"\w\((s|es|ies|y/ies)\)", text), message.id


def test_counted_words_agree_with_their_count(monkeypatch: pytest.MonkeyPatch) -> None:
    one = {"files": tn("exchange.import.files", 1, count=1), "rows": tn("exchange.import.rows", 1, count=1)}
    done = t("exchange.import.done", **one, added=1, updated=0, skipped=0)
    assert done == "1 file, 1 entry: 1 added, 0 updated, 0 skipped"
    assert tn("field.required", 1, fields="village") == "missing required field: village"
    assert tn("field.required", 2, fields="babinsa, village") == "missing required fields: babinsa, village"
    assert tn("list.count", 1, shown=1, total=1) == "1 of 1 entry"
    assert tn("recap.age", 1, age=1) == "1 day"
    assert tn("duplicates.count", 1, count=1) == "1 likely duplicate pair."
    chat = t(
        "chat.counts",
        chat="Koramil",
        messages=tn("chat.messages_read", 1, count=1),
        reports=tn("chat.reports_found", 1, count=1),
    )
    assert chat == "Koramil: 1 message read, 1 report found"
    monkeypatch.setenv("KOMSOS_LANG", "id")
    assert tn("exchange.import.files", 2, count=2) == "2 berkas"
    assert tn("recap.age", 2, age=2) == "2 hari"


def test_a_dict_module_added_later_is_converted(tmp_path: Path) -> None:
    # The lead merges a branch that adds messages/<area>.py, then runs the script on a copy here.
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    (copy / "scripts" / "catalogs_to_po.py").write_bytes((ROOT / "scripts" / "catalogs_to_po.py").read_bytes())
    for lang in ("en", "id"):
        folder = copy / "komsos_cli" / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "komsos.po").write_bytes((LOCALE_DIR / lang / "LC_MESSAGES" / "komsos.po").read_bytes())
    module = copy / "komsos_cli" / "messages" / "trust.py"
    module.parent.mkdir(parents=True)
    (module.parent / "__init__.py").write_text("")
    module.write_text(
        "MESSAGES = {\n"
        '    "trust.new": {"en": "a new message {name}", "id": "pesan baru {name}"},\n'
        '    "trust.many": {"en": ("{n} signature", "{n} signatures"), "id": "{n} tanda tangan"},\n'
        '    "profile.saved": {"en": "profile saved!", "id": "profil tersimpan"},\n'
        "}\n"
    )
    done = subprocess.run(
        [sys.executable, str(copy / "scripts" / "catalogs_to_po.py")], capture_output=True, text=True, check=True
    )
    assert "trust.py: 3 messages, 2 new" in done.stderr
    assert "profile.saved (en) kept as in the .po" in done.stderr
    assert not module.exists()
    import gettext

    def compiled(lang: str) -> gettext.GNUTranslations:  # read afresh: gettext.translation caches by path
        with (copy / "komsos_cli" / "locale" / lang / "LC_MESSAGES" / "komsos.mo").open("rb") as handle:
            return gettext.GNUTranslations(handle)

    for lang, single, plural in (("en", "1 signature", "2 signatures"), ("id", "1 tanda tangan", "2 tanda tangan")):
        found = compiled(lang)
        assert found.ngettext("trust.many", "trust.many", 1).format(n=1) == single
        assert found.ngettext("trust.many", "trust.many", 2).format(n=2) == plural
    english = compiled("en")
    assert english.gettext("profile.saved") == "profile saved"  # the existing entry is kept
    assert english.gettext("trust.new") == "a new message {name}"
    # --update: a branch changed a text; the module's wins
    module.write_text('MESSAGES = {"profile.saved": {"en": "profile saved!", "id": "profil tersimpan!"}}\n')
    script = [sys.executable, str(copy / "scripts" / "catalogs_to_po.py"), "--update", "trust"]
    subprocess.run(script, capture_output=True, text=True, check=True)
    english = compiled("en")
    assert english.gettext("profile.saved") == "profile saved!"
    assert not module.exists()


def test_a_dict_module_not_yet_converted_still_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Between a merge and the script run, the package reads the module's dict.
    monkeypatch.setattr(
        messages,
        "_leftovers",
        {"later.thing": {"en": "{n} thing", "id": "{n} barang"}, "later.many": {"en": ("a {n}", "{n}s"), "id": "x"}},
    )
    assert t("later.thing", n=2) == "2 thing"
    assert tn("later.many", 2, n=2) == "2s"
    monkeypatch.setenv("KOMSOS_LANG", "id")
    assert t("later.thing", n=2) == "2 barang"
    assert "later.thing" in messages.catalog()


@pytest.mark.parametrize(
    ("env", "saved", "expected"),
    [
        ({}, None, "en"),
        ({"LANG": "id_ID.UTF-8"}, None, "id"),
        ({"LC_ALL": "id_ID.UTF-8"}, None, "id"),
        ({"LC_MESSAGES": "id_ID"}, None, "id"),
        ({"LANGUAGE": "id:en"}, None, "id"),
        ({"LANG": "en_US.UTF-8"}, None, "en"),
        ({"LANG": "en_US.UTF-8"}, "id", "id"),
        ({"LANG": "id_ID.UTF-8"}, "en", "en"),
        ({"KOMSOS_LANG": "en", "LANG": "id_ID.UTF-8"}, "id", "en"),
        ({"KOMSOS_LANG": "id"}, "en", "id"),
    ],
)
def test_the_language_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], saved: str | None, expected: str
) -> None:
    monkeypatch.delenv("KOMSOS_LANG")
    monkeypatch.setenv("KOMSOS_HOME", str(tmp_path / "lang-home"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if saved:
        from komsos_cli.paths import save_language

        save_language(saved)
    messages.forget_language()
    assert language() == expected


def test_profile_set_lang(run: Run, monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    monkeypatch.delenv("KOMSOS_LANG")
    messages.forget_language()
    done = run("profile", "set", "--lang", "id")
    assert done.exit_code == 0
    assert "bahasa Indonesia" in done.stderr
    assert language() == "id"
    wrong = run("profile", "set", "--lang", "fr")
    assert wrong.exit_code != 0
    assert re.fullmatch(r"komsos: --lang menerima .*fr\n", wrong.stderr)
    assert run("profile", "set", "--lang", "en").exit_code == 0
    assert language() == "en"
    assert not db.exists()  # choosing the language does not touch the store


def test_field_names_in_indonesian_errors(run: Run, db: Path) -> None:
    # English field keys inside Indonesian errors: `kind: 'ngopi' bukan salah satu dari…`.
    wrong = run("record", "-v", "Kemiri", "-s", "x", "-b", "Serda A", "--kind", "ngopi", env={"KOMSOS_LANG": "id"})
    assert wrong.stderr.startswith("komsos: jenis kegiatan: “ngopi” bukan salah satu dari komsos")
    missing = run("record", "-s", "x", env={"KOMSOS_LANG": "id"})
    assert missing.stderr == "komsos: kolom wajib belum diisi: Babinsa, desa\n"
    assert run("record", "-s", "x").stderr == "komsos: missing required fields: babinsa, village\n"


def test_every_entry_field_has_an_indonesian_name() -> None:
    """An error, a history line or a header that names a field names it in the reader's language:
    the fields an entry has only sometimes (photos, merged_ids, ...) too."""
    from komsos_cli.model import EXTRA_FIELDS, FIELDS

    unnamed = [field for field in (*FIELDS, *EXTRA_FIELDS) if messages.field_name("id", field) == field]
    assert unnamed == ["id", "kecamatan", "kabupaten"]  # Indonesian words in both languages
