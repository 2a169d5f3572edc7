"""The completions that read the store, answered before Typer and the commands are imported.

A TAB after `komsos show ab` or `komsos catat --village Kem` used to import Typer, Click and
every command module (~70 ms), then read the whole store through its classes, validating each
entry (~90 ms at 10,000 entries): 230 to 340 ms, over the 150 ms a completion may take
(docs/performance.md). Here the shell's words are read as Typer's completion classes read them
(bash, zsh, fish); when they ask for an entry id (the first argument of show, edit, delete, ...)
or a village (`--village`/`-v`), the store file is parsed once with orjson, and the answer is
printed in the shell's format by the same choosers the Typer path uses (completion.py). Anything
else (other words, a hub, PowerShell, an unreadable store) returns False: the Typer path answers.
"""

from __future__ import annotations

import os
import sys

from .completion import ID_LIMIT, gazetteer_names, id_choices, village_choices

# Commands whose first argument is an entry id, under both names (a test keeps this the app's).
ID_COMMANDS = frozenset(
    {
        "show",
        "lihat",
        "edit",
        "ubah",
        "delete",
        "hapus",
        "resolve",
        "selesaikan",
        "narrate",
        "tulis",
        "history",
        "riwayat",
        "undelete",
        "pulihkan",
        "revert",
        "kembalikan",
    }
)
# Commands whose `--village`/`-v` completes villages, under both names (a test keeps this the app's).
VILLAGE_COMMANDS = frozenset(
    {"record", "catat", "list", "daftar", "edit", "ubah", "export", "ekspor", "summary", "ringkasan"}
)
VILLAGE_OPTIONS = ("--village", "-v")
SHELLS = ("bash", "zsh", "fish")


def split_arg_string(string: str) -> list[str]:
    """The words of a command line as Click splits them (shlex; an unclosed quote is kept as typed)."""
    import shlex

    lex = shlex.shlex(string, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:
        out.append(lex.token)
    return out


def shell_words(shell: str) -> tuple[list[str], str]:
    """(the words after `komsos` before the cursor, the word being completed), as Typer reads them."""
    if shell == "bash":
        words = split_arg_string(os.environ.get("COMP_WORDS", ""))
        cword = int(os.environ.get("COMP_CWORD", "0"))
        return words[1:cword], words[cword] if cword < len(words) else ""
    typed = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    args = split_arg_string(typed)[1:]
    if args and not typed.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _global_options(args: list[str]) -> tuple[str | None, list[str]] | None:
    """(--db's value, the words from the command on); None when a word there is not understood here."""
    db: str | None = None
    index = 0
    while index < len(args) and args[index].startswith("-"):
        word = args[index]
        if word == "--db" and index + 1 < len(args):
            db, index = args[index + 1], index + 2
        elif word.startswith("--db="):
            db, index = word.removeprefix("--db="), index + 1
        elif word == "--debug":
            index += 1
        else:
            return None
    return db, args[index:]


def _typed_kabupaten(words: list[str]) -> str | None:
    """The last `--kabupaten` value on the command line (the Typer path reads it from ctx.params)."""
    found = None
    for index, word in enumerate(words):
        if word == "--kabupaten" and index + 1 < len(words):
            found = words[index + 1]
        elif word.startswith("--kabupaten="):
            found = word.removeprefix("--kabupaten=")
    return found


def _store_payload(db: str | None) -> bytes | None:
    """The store file's bytes (empty: no store yet); None for a hub or a file that cannot be read."""
    from ..paths import store_address

    try:
        address = store_address(db)
    except Exception:
        return None
    if isinstance(address, str):
        return None  # a hub: the Typer path asks it
    try:
        return address.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError:
        return None


def _parsed(payload: bytes) -> tuple[list[dict[str, object]], dict[str, object]] | None:
    """(the entries, the profile) of a whole store file parsed; None when it is not a store."""
    import gc

    import orjson

    if not payload:
        return [], {}
    gc.disable()  # nothing in a parse forms a cycle; the collector would walk every new dict
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    finally:
        gc.enable()
    if not isinstance(data, dict):
        return None
    table, profiles = data.get("entries", {}), data.get("profile", {})
    if not isinstance(table, dict) or not isinstance(profiles, dict):
        return None
    entries = [entry for entry in table.values() if isinstance(entry, dict)]
    profile: object = next(iter(profiles.values()), {})
    return entries, profile if isinstance(profile, dict) else {}


# The file as komsos writes it: {"_meta":{...},"entries":{"1":{...},...},"history":{...},"profile":{...}}.
# In JSON text a `"` inside a string is always written `\"`, so `"village":"` or `"12":{` can only be
# a key; no entry has a key named history, profile, or made of digits. The entries table can then be
# read in slices: parsing all of it (40 ms at 10,000 entries) is most of a completion's time.
_ENTRIES = b'"entries":{'
_HISTORY = b'},"history":{'
_PROFILE = b',"profile":'


# Above this many entries to parse one by one (a TAB after `show ` with nothing typed), one parse of
# the whole file is quicker.
MANY = 1000


class _Sliced:
    """The entries table and the profile of a store file, found without parsing the whole file."""

    def __init__(self, payload: bytes) -> None:

        start = payload.find(_ENTRIES)
        end = payload.find(_HISTORY, start)
        profile_at = payload.rfind(_PROFILE)
        if not payload.startswith(b'{"_meta":') or start < 0 or end < 0 or profile_at < end:
            raise ValueError("not laid out as komsos writes a store")
        self.table = payload[start + len(_ENTRIES) : end + 1]  # "1":{...},"2":{...}}
        self.profile_text = payload[profile_at + len(_PROFILE) : payload.rstrip().rindex(b"}")]

    def profile(self) -> dict[str, object]:
        import orjson

        profiles = orjson.loads(self.profile_text)
        profile: object = next(iter(profiles.values()), {}) if isinstance(profiles, dict) else {}
        return profile if isinstance(profile, dict) else {}

    def entries_with_id_starting(self, typed: str, newest: int) -> list[dict[str, object]]:
        """The entries whose id starts with `typed`, or of them at least the `newest` (by date, ties
        all kept): only those are parsed. komsos writes an entry's id first and its date second; an
        entry written otherwise is a ValueError, and the caller parses the whole file."""
        import re

        import orjson

        table = self.table
        prefix = re.escape(typed.encode("utf-8"))
        dated = [
            (match.group(1), match)
            for match in re.finditer(rb'"id":"' + prefix + rb'[^"\\]*","date":"([^"\\]*)"', table)
        ]
        if len(dated) != len(re.findall(rb'"id":"' + prefix, table)):
            raise ValueError("an entry whose date does not follow its id")
        if len(dated) > newest:
            dated.sort(key=lambda pair: pair[0], reverse=True)
            cutoff = dated[newest - 1][0]
            dated = [pair for pair in dated if pair[0] >= cutoff]
        if len(dated) > MANY:
            raise ValueError("so many entries that one parse of the file is quicker")
        found = []
        doc_key = re.compile(rb'(?:^|,)"[0-9]+":$')
        next_doc = re.compile(rb'\},"[0-9]+":\{')
        for _, match in dated:
            begin = match.start() - 1
            if table[begin : begin + 1] != b"{" or not doc_key.search(table, max(0, begin - 24), begin):
                raise ValueError("an id that is not its entry's first key")
            after = next_doc.search(table, match.end())
            entry = orjson.loads(table[begin : after.start() + 1 if after else len(table) - 1])
            if not isinstance(entry, dict):
                raise ValueError("an entry that is not an object")
            found.append(entry)
        return found

    def villages(self) -> list[str]:
        import re

        import orjson

        written = set(re.findall(rb'"village":("(?:[^"\\]|\\.)*")', self.table))
        return [name for name in (orjson.loads(text) for text in written) if isinstance(name, str)]


def _ids(payload: bytes, incomplete: str) -> list[tuple[str, str]] | None:
    try:
        entries = _Sliced(payload).entries_with_id_starting(incomplete.lower(), ID_LIMIT)
    except ValueError:  # another layout, or a slice that does not parse (orjson's error is one)
        parsed = _parsed(payload)
        if parsed is None:
            return None
        entries = parsed[0]
    return id_choices(entries, incomplete)


def _villages(payload: bytes) -> tuple[list[str], dict[str, object]] | None:
    try:
        sliced = _Sliced(payload)
        return sliced.villages(), sliced.profile()
    except ValueError:
        parsed = _parsed(payload)
        if parsed is None:
            return None
        return [str(entry.get("village") or "") for entry in parsed[0]], parsed[1]


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _formatted(shell: str, items: list[tuple[str, str]]) -> str:
    """The answer as Typer's completion class of `shell` prints it (without its Rich help rendering:
    help here is stored text, never markup)."""
    if shell == "bash":
        return "\n".join(value for value, _ in items)
    if shell == "zsh":
        lines = [
            f'"{_zsh_escape(value)}":"{_zsh_escape(help_text)}"' if help_text else f'"{_zsh_escape(value)}"'
            for value, help_text in items
        ]
        return f"_arguments '*: :(({chr(10).join(lines)}))'" if lines else "_files"
    return "\n".join(f"{value}\t{' '.join(help_text.split())}" if help_text else value for value, help_text in items)


def answer() -> bool:
    """Answer the shell's completion request when it is one of ours; False: leave it to Typer."""
    shell = os.environ.get("_KOMSOS_COMPLETE", "").removeprefix("complete_")
    if shell not in SHELLS:
        return False
    try:
        args, incomplete = shell_words(shell)
    except ValueError:
        return False
    parsed = _global_options(args)
    if parsed is None or not parsed[1] or incomplete.startswith("-"):
        return False
    db, (command, *rest) = parsed
    if command in ID_COMMANDS and not rest:
        wanted = "ids"
    elif command in VILLAGE_COMMANDS and rest and rest[-1] in VILLAGE_OPTIONS:
        wanted = "villages"
    else:
        return False
    payload = _store_payload(db)
    if payload is None:
        return False
    if wanted == "ids":
        found = _ids(payload, incomplete)
        if found is None:
            return False
        items = found
    else:
        read = _villages(payload)
        if read is None:
            return False
        villages, profile = read
        chosen = village_choices(profile, villages, incomplete, _typed_kabupaten(rest), gazetteer_names)
        items = [(name, "") for name in chosen]
    if shell == "fish":
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            sys.exit(0 if items else 1)
        if action != "get-args":
            items = []
    text = _formatted(shell, items)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    return True


__all__ = ["ID_COMMANDS", "VILLAGE_COMMANDS", "answer", "shell_words", "split_arg_string"]
