"""The Typer application, its global options, and the one place errors become exit codes."""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Callable, MutableMapping, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Annotated, Concatenate, ParamSpec

import typer
from typer._click import ClickException, Command, HelpFormatter
from typer._click import Context as TyperContext
from typer.core import TyperArgument, TyperGroup, TyperOption

from .. import __version__
from ..errors import KomsosError
from ..messages import t, tn

if TYPE_CHECKING:
    from typer._click.shell_completion import CompletionItem

P = ParamSpec("P")


class State:
    """Global options of this invocation (reset by the callback on every run)."""

    db: str | None = None
    debug: bool = False


def _damaged_store() -> str | None:
    """After an unexpected error: when the store holds entries komsos never writes (edited by
    hand, another program), the line that says so; the usual cause of such an error. Costs a
    second read of the store, on this path only."""
    try:
        from .. import doctor
        from ..paths import store_path

        path = store_path(State.db)
        report = doctor.check(path)
    except Exception:
        return None
    for finding in report.findings:
        if finding.level == "error" and finding.code in ("entries", "ids"):
            return t("store.damaged_entries", path=path, finding=finding.message)
    return None


def _say(text: str) -> None:
    """One line on stderr, with any control character made visible, never executed."""
    from ..render import message

    message("komsos: " + text.replace("\n", " "))


# The parser's English errors, and the catalog message each becomes (so KOMSOS_LANG=id reads them too).
_USAGE = (
    (re.compile(r"^Missing argument (.+)\.$"), "usage.missing_argument", ("name",)),
    (re.compile(r"^Missing option (.+)\.$"), "usage.missing_option", ("name",)),
    (re.compile(r"^Option (.+) requires an argument\.$"), "usage.needs_value", ("option",)),
    (re.compile(r"^Option (.+) does not take a value\.$"), "usage.takes_no_value", ("option",)),
    (
        re.compile(r"^Invalid value for (.+): (.+) is not a valid int(?:eger)?\.$"),
        "usage.not_a_number",
        ("option", "value"),
    ),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "usage.invalid_value", ("option", "detail")),
)
_EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((.+)\)$")
_NO_SUCH_OPTION = re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$")
_NO_SUCH_COMMAND = re.compile(r"^No such command (.+?)\.(?: Did you mean (.+)\?)?$")


# A name or value the parser quoted the Python way ('abc', or "Jum'at" when it holds a quote).
_PYTHON_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")


def requoted(text: str) -> str:
    """`text` with each Python-quoted name or value in it quoted as the language quotes (“abc”)."""

    def quote(match: re.Match[str]) -> str:
        try:
            value = ast.literal_eval(match.group())
        except (ValueError, SyntaxError):
            return match.group()
        return t("quoted", text=value) if isinstance(value, str) else match.group()

    return _PYTHON_QUOTED.sub(quote, text)


def usage_message(english: str) -> str:
    """A usage error of the command-line parser in the user's language (as it was, when unknown)."""
    option = _NO_SUCH_OPTION.match(english)
    if option:
        text = t("usage.no_such_option", option=option.group(1))
        return text + (t("usage.possible_options", options=option.group(2)) if option.group(2) else "")
    command = _NO_SUCH_COMMAND.match(english)
    if command:
        text = t("usage.no_such_command", name=requoted(command.group(1)))
        return text + (t("usage.did_you_mean", names=requoted(command.group(2))) if command.group(2) else "")
    extra = _EXTRA_ARGUMENTS.match(english)
    if extra:
        arguments = extra.group(1)
        return tn("usage.extra_arguments", len(arguments.split()), arguments=arguments)
    for pattern, key, names in _USAGE:
        match = pattern.match(english)
        if match:
            return t(key, **{name: requoted(value) for name, value in zip(names, match.groups(), strict=True)})
    return english


# Typer's words that go through its `_()` (stdlib gettext, bound at import in typer.core), and the
# catalog message that says each: rebinding typer.core._ puts them in the user's language.
# ("No such command" stays English here: usage_message reads it, with its suggestion, to translate it.)
_FRAMEWORK = {
    "Options": "framework.options",
    "Commands": "framework.commands",
    "Arguments": "framework.arguments",
    "default: {default}": "framework.default",
    "required": "framework.required",
    "env var: {var}": "framework.env_var",
    "(dynamic)": "framework.dynamic",
    "Aborted!": "framework.aborted",
    "Missing command.": "framework.missing_command",
}


def framework_gettext(message: str) -> str:
    """Typer's `_()`: its English word in the user's language (unknown words as they are)."""
    from ..messages import text_in

    key = _FRAMEWORK.get(message)
    return message if key is None else text_in(_language(), key)


def _language() -> str:
    from ..messages import language

    return language()


def speak_help(command: Command) -> None:
    """Put the help in the user's language on `command` and everything under it: the
    Indonesian help texts (messages `help.*`) and the framework's own words (usage line,
    section titles, the help option, required and default marks).

    A help text is matched on its English wording, so help that changed in the code without its
    catalog entry stays English instead of showing a stale translation.
    """
    import typer.core

    from ..messages import catalog

    # typer.core binds gettext's `_` at import without declaring it: mypy sees no such attribute.
    typer.core._ = framework_gettext  # type: ignore[attr-defined]
    indonesian = {texts["en"]: texts["id"] for key, texts in catalog().items() if key.startswith("help.")}

    def visit(node: Command) -> None:
        if node.help is not None:
            node.help = indonesian.get(node.help, node.help)
        node.context_class = KomsosContext
        if node.options_metavar == "[OPTIONS]":
            node.options_metavar = t("framework.options_metavar")
        group = node if isinstance(node, TyperGroup) else None
        if group is not None and group.subcommand_metavar == "COMMAND [ARGS]...":
            group.subcommand_metavar = t("framework.command_metavar")
        for param in node.params:
            # every parameter Typer builds is one of these two (click's Parameter is abstract)
            if isinstance(param, TyperOption | TyperArgument) and param.help:
                param.help = indonesian.get(param.help, param.help)
        for child in group.commands.values() if group is not None else ():
            visit(child)

    visit(command)


class KomsosFormatter(HelpFormatter):
    """Click's help formatter, its usage line in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("framework.usage") if prefix is None else prefix)


def _then_help_in_language(
    init: Callable[Concatenate[TyperContext, P], None],
) -> Callable[Concatenate[TyperContext, P], None]:
    """A context's `init` (whatever settings Typer passes it, passed on as they are), then the help
    option's text in the user's language."""

    def initialise(self: TyperContext, /, *args: P.args, **kwargs: P.kwargs) -> None:
        init(self, *args, **kwargs)
        option = self.command.get_help_option(self)
        if option is not None:
            option.help = t("framework.help_option")

    return initialise


class KomsosContext(TyperContext):
    """A context whose help speaks the user's language (the formatter, the help option's text)."""

    formatter_class = KomsosFormatter
    __init__ = _then_help_in_language(TyperContext.__init__)


# Every command's Indonesian name; both names run it, help lists it under its language's name.
INDONESIAN_NAMES = {
    "record": "catat",
    "list": "daftar",
    "show": "lihat",
    "edit": "ubah",
    "delete": "hapus",
    "export": "ekspor",
    "import": "impor",
    "summary": "ringkasan",
    "villages": "desa",
    "followups": "tindaklanjut",
    "resolve": "selesaikan",
    "parse": "baca",
    "narrate": "tulis",
    "doctor": "periksa",
    "places": "tempat",
    "profile": "profil",
    "push": "kirim",
    "keys": "kunci",
    "duplicates": "duplikat",
    "merge": "gabung",
    "history": "riwayat",
    "revert": "kembalikan",
    "undelete": "pulihkan",
}
ENGLISH_NAMES = {indonesian: english for english, indonesian in INDONESIAN_NAMES.items()}


def command_name(name: str) -> str:
    """The command's own (English) name for `name`, which may be its Indonesian one."""
    return ENGLISH_NAMES.get(name, name)


class KomsosGroup(TyperGroup):
    """Turns every error into one line on stderr and an exit code; never a traceback.

    `--debug` (or KOMSOS_DEBUG=1) lets the traceback through for developers. Every command also
    answers to its Indonesian name (INDONESIAN_NAMES).
    """

    def get_command(self, ctx: TyperContext, cmd_name: str) -> Command | None:
        return self.commands.get(cmd_name) or self.commands.get(command_name(cmd_name))

    def format_commands(self, ctx: TyperContext, formatter: HelpFormatter) -> None:
        indonesian = _language() == "id"
        rows: list[tuple[str, Command]] = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            other = INDONESIAN_NAMES.get(name)
            shown = name if other is None else f"{other} ({name})" if indonesian else f"{name} ({other})"
            rows.append((shown, command))
        if rows:
            limit = formatter.width - 6 - max(len(shown) for shown, _ in rows)
            with formatter.section(framework_gettext("Commands")):
                formatter.write_dl([(shown, command.get_short_help_str(limit)) for shown, command in rows])

    def _main_shell_completion(
        self, ctx_args: MutableMapping[str, object], prog_name: str, complete_var: str | None = None
    ) -> None:
        """When the shell asks for completions: put the completers on the parameters first."""
        if os.environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()):
            from .completion import attach

            attach(self)
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def shell_complete(self, ctx: TyperContext, incomplete: str) -> list[CompletionItem]:
        """Both names of every command complete; the other options as Typer completes them."""
        from typer._click.shell_completion import CompletionItem

        indonesian = _language() == "id"
        found = super().shell_complete(ctx, incomplete)
        names = {item.value for item in found}
        extra = [
            CompletionItem(alias, help=self.commands[english].get_short_help_str())
            for alias, english in ENGLISH_NAMES.items()
            if alias.startswith(incomplete) and alias not in names and english in self.commands
        ]
        return [*extra, *found] if indonesian else [*found, *extra]

    def invoke(self, ctx: TyperContext) -> object:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.TyperException, typer.Abort):
            raise
        except KomsosError as error:
            if State.debug:
                raise
            _say(error.message)
            raise typer.Exit(error.code) from None
        except KeyboardInterrupt:
            _say(t("interrupted"))
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except Exception as error:
            if State.debug:
                raise
            damaged = _damaged_store()
            if damaged is not None:
                _say(damaged)
                raise typer.Exit(3) from None
            _say(t("internal", kind=type(error).__name__, text=str(error)))
            raise typer.Exit(70) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: object,
    ) -> object:
        from ..messages import language

        if language() == "id":
            speak_help(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            name = "komsos" if prog_name is None else prog_name
            result = super().main(args, name, complete_var, False, windows_expand_args, **extra)
        except typer.Exit as done:
            sys.exit(done.exit_code)
        except typer.TyperException as error:
            if type(error).__name__ == "NoArgsIsHelpError" and isinstance(error, ClickException):
                error.show()
                sys.exit(0)
            _say(usage_message(error.format_message()))
            sys.exit(error.exit_code)
        except typer.Abort:
            _say(t("cancelled"))
            sys.exit(1)
        except KeyboardInterrupt:
            _say(t("interrupted"))
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    cls=KomsosGroup,
    name="komsos",
    help=(
        "komsos: record and report Babinsa field activities (Komsos, anjangsana, patroli, ...).\n\n"
        "Example: komsos record --village Kemiri --summary 'Komsos dengan Sekdes' --babinsa 'Serda Nursalim'"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"komsos {__version__}")
        raise typer.Exit()


# `--db`, declared once: before the command (`komsos --db x list`) or after it (`komsos list --db x`).
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help="The store: a file, or a hub's postgresql:// address (default: $KOMSOS_DB, else the app folder).",
    ),
]


@app.callback()
def main_options(
    db: DbOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks (for developers).")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """komsos: the field-report logger for Babinsa."""
    State.db = db
    State.debug = debug or os.environ.get("KOMSOS_DEBUG") == "1"
    from .. import places
    from ..render.places import IndexBuild

    places.report_builds_with(IndexBuild)  # the first lookup on a new machine builds the index: say so


# --- the process entry point ------------------------------------------------------------

_GLOBAL_WITH_VALUE = ("--db",)


def _command_name(argv: list[str]) -> str | None:
    """The command this command line runs (`list` in `komsos --db x list -n 5`), if plain to see."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _GLOBAL_WITH_VALUE:
            skip = True
        elif token in ("-h", "--help", "--version"):
            return None
        elif not token.startswith("-"):
            return command_name(token)
    return None


def run(application: typer.Typer) -> None:
    """Run komsos as a process: build only the command asked for; leave without teardown.

    Two costs that grow with the store or with komsos itself are skipped (docs/performance.md):
    - Typer builds every command's options on every run (~0.2 ms per option); only the
      command named on the command line is built. Help, `--version` and unknown names build all.
    - At exit the interpreter frees every object one by one and runs a last full garbage
      collection: ~70 ms with 100,000 entries loaded. The store keeps what it parsed for the
      process (store.process.for_process), and once every other exit handler has run, we flush
      stdout/stderr and leave with os._exit. The command's files are closed and fsynced by then.
    Tests use `app` in-process and never come here.
    """
    import atexit

    from typer.main import get_command

    from ..store.process import for_process

    name = _command_name(sys.argv[1:])
    commands, groups = application.registered_commands, application.registered_groups
    if name is not None:
        own = [c for c in commands if (c.name or (c.callback and c.callback.__name__.replace("_", "-"))) == name]
        group = [g for g in groups if g.name == name]
        if own or group:
            application.registered_commands, application.registered_groups = own, group
    try:
        command = get_command(application)
    finally:
        application.registered_commands, application.registered_groups = commands, groups
    for_process()
    # Registered before the command runs: atexit runs last-in first-out, so whatever a
    # library registers during the command (logging's flush, ...) still runs before we leave.
    exit_code = [1]
    atexit.register(_leave_now, exit_code)
    try:
        command.main(prog_name="komsos")
    except SystemExit as done:
        exit_code[0] = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        raise
    except KeyboardInterrupt:
        exit_code[0] = 130
        raise


def _leave_now(exit_code: list[int]) -> None:
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe (komsos list | head) is not an error
            stream.flush()
    os._exit(exit_code[0])
